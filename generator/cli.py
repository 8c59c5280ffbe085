"""The command line door onto the core: berdaya validate | generate | new."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from .site.assets_files import SERVICE_WORKER, asset_sources, service_worker
from .content.catalog import load_catalog
from .content.errors import ContentErrors
from .content.messages import message
from .site.pages import render_site
from .settings import Settings, read_settings
from .content.stubs import write_module_stub
from .needs.cli import add_commands as add_needs_commands


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    config = Path(args.config)
    if not config.is_file():
        print(f"berdaya: cannot find {config}; run this in your site folder or pass --config", file=sys.stderr)
        return 2
    settings = read_settings(config)
    return args.handler(args, settings)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="berdaya", description="Check and generate a Berdaya learning site from YAML modules and quiz banks.")
    parser.add_argument("--config", "-f", default="mkdocs.yml", help="the site's mkdocs.yml (default: %(default)s)")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check every module and quiz bank; report all problems")
    validate.add_argument("--format", choices=("text", "github"), default=_default_format(), help="text for people, github for GitHub Actions annotations (default: github under GitHub Actions, else text)")
    validate.set_defaults(handler=_validate)

    generate = commands.add_parser("generate", help="write the generated Markdown pages and widget assets to a folder")
    generate.add_argument("directory", type=Path)
    generate.set_defaults(handler=_generate)

    new = commands.add_parser("new", help="start a new module and its quiz bank from a commented template")
    new.add_argument("module_id")
    new.set_defaults(handler=_new)

    add_needs_commands(commands)
    return parser


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _validate(args: argparse.Namespace, settings: Settings) -> int:
    try:
        catalog = load_catalog(settings.sources)
    except ContentErrors as problems:
        print(problems.render(args.format), file=sys.stdout if args.format == "github" else sys.stderr)
        return 1
    print(message("cli_validate_ok", modules=len(catalog.modules), quizzes=len(catalog.quizzes)))
    return 0


def _generate(args: argparse.Namespace, settings: Settings) -> int:
    try:
        catalog = load_catalog(settings.sources)
    except ContentErrors as problems:
        print(problems.render(), file=sys.stderr)
        return 1
    pages = render_site(catalog, settings.page_options)
    if _is_foreign(args.directory):
        print(f"berdaya: {args.directory} exists and was not made by 'berdaya generate'; choose an empty or new folder", file=sys.stderr)
        return 2
    _write_all(args.directory, pages, asset_sources())
    print(f"wrote {len(pages)} pages and {len(asset_sources())} assets to {args.directory}")
    return 0


MARKER = ".berdaya-generated"


def _is_foreign(target: Path) -> bool:
    """True for a non-empty folder we did not write: never delete someone's files."""
    return target.exists() and any(target.iterdir()) and not (target / MARKER).exists()


def _write_all(target: Path, pages: dict[str, str], assets: dict[str, Path]) -> None:
    pages = {**pages, SERVICE_WORKER: service_worker(pages)}
    """Write into a fresh folder beside the target, then swap it in: never half-written."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".berdaya-", dir=target.parent))
    try:
        (staging / MARKER).write_text("written by 'berdaya generate'; the folder is replaced on every run\n", encoding="utf-8")
        for path, text in pages.items():
            destination = staging / path
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_text(text, encoding="utf-8")
        for path, source in assets.items():
            destination = staging / path
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def _new(args: argparse.Namespace, settings: Settings) -> int:
    try:
        written = write_module_stub(settings.sources, args.module_id)
    except ValueError as problem:
        print(f"berdaya: {problem}", file=sys.stderr)
        return 1
    for path in written:
        print(f"created {settings.sources.display(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
