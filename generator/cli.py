"""The command line door onto the core: berdaya validate | generate | new | schedule."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from .site.assets_files import SERVICE_WORKER, asset_contents, service_worker
from .content.catalog import load_catalog
from .content.errors import ContentErrors, warnings_summary
from .content.messages import LANGUAGES, current_language, message, use_language
from .project import load_project, render_project
from .training.locale import session_titles, training_strings
from .training.plan import schedule_for
from .training.starters import write_training_stub
from .training.terminal import schedule_text
from .site.textcheck import loaded_documents, text_warnings
from .settings import Settings, read_settings
from .content.stubs import copy_module, write_module_stub
from .needs.cli import add_commands as add_needs_commands
from .export.files import UnknownQuiz, export
from .export.moodle import ORDERING_CHOICES, MoodleTarget, parse_version
from .export.output import write_files
from .export.schema import all_schemas, schema_text
from .results.cli import add_commands as add_results_commands
from .export.coverage import coverage, report_text as coverage_report, summary_line as coverage_summary


def main(argv: list[str] | None = None) -> int:
    # The language comes first, so that even --help speaks it.
    settings = _choose_language(argv)
    args = _parser().parse_args(argv)
    if settings is None:
        print(message("cli_no_config", config=args.config), file=sys.stderr)
        return 2
    return args.handler(args, settings)


def _choose_language(argv: list[str] | None) -> Settings | None:
    """--lang, BERDAYA_LANG or the site's theme.language; the site's settings if found."""
    early = argparse.ArgumentParser(add_help=False)
    _common_options(early)
    known, _ = early.parse_known_args(argv)
    config = Path(known.config)
    settings = read_settings(config) if config.is_file() else None
    use_language(settings.language if settings else None, known.lang)
    return settings


def _common_options(parser: argparse.ArgumentParser, default: object = None) -> None:
    """--config and --lang, before or after the command (``berdaya validate --lang en``)."""
    parser.add_argument("--config", "-f", default="mkdocs.yml" if default is None else default, help=message("cli_help_config"))
    parser.add_argument("--lang", choices=LANGUAGES, default=default, help=message("cli_help_lang"))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="berdaya", description=message("cli_help_description"))
    _common_options(parser)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help=message("cli_help_validate"))
    _common_options(validate, argparse.SUPPRESS)
    validate.add_argument("--format", choices=("text", "github"), default=_default_format(), help=message("cli_help_format"))
    validate.add_argument("--strict", action="store_true", help=message("cli_help_strict"))
    validate.set_defaults(handler=_validate)

    generate = commands.add_parser("generate", help=message("cli_help_generate"))
    _common_options(generate, argparse.SUPPRESS)
    generate.add_argument("directory", type=Path)
    generate.set_defaults(handler=_generate)

    new = commands.add_parser("new", help=message("cli_help_new"))
    _common_options(new, argparse.SUPPRESS)
    new.add_argument("words", nargs="+", metavar="[training] ID")
    new.add_argument("--from", dest="source", metavar="MODULE", help=message("cli_help_from"))
    new.set_defaults(handler=_new)

    add_needs_commands(commands)
    add_results_commands(commands)
    schedule = commands.add_parser("schedule", help=message("cli_help_schedule"))
    _common_options(schedule, argparse.SUPPRESS)
    schedule.add_argument("training_id")
    schedule.set_defaults(handler=_schedule)
    _add_export_commands(commands)
    schema = commands.add_parser("schema", help=message("cli_help_schema"))
    _common_options(schema, argparse.SUPPRESS)
    schema.add_argument("out", type=Path, help=message("cli_help_schema_out"))
    schema.set_defaults(handler=_schema_command)
    coverage_command = commands.add_parser("coverage", help=message("export_help_coverage"))
    _common_options(coverage_command, argparse.SUPPRESS)
    coverage_command.set_defaults(handler=_coverage)
    search = commands.add_parser("search-index", help=message("cli_help_search_index"))
    _common_options(search, argparse.SUPPRESS)
    search.add_argument("site", type=Path)
    search.set_defaults(handler=_search_index)
    return parser


def _search_index(args: argparse.Namespace, settings: Settings) -> int:
    from .search.pagefind_index import index_site

    if not (args.site / "index.html").is_file():
        print(message("cli_search_index_no_site", folder=args.site), file=sys.stderr)
        return 2
    summary = index_site(args.site, settings.language)
    print(message("site_search_indexed", pages=summary.pages, files=summary.files, size=round(summary.bytes / 1000)))
    return 0


def _add_export_commands(commands) -> None:
    export = commands.add_parser("export", help=message("cli_help_export"))
    formats = export.add_subparsers(required=True, metavar="FORMAT")
    helps = {
        "gift": message("cli_help_export_gift"),
        "moodle-xml": message("cli_help_export_moodle_xml"),
        "qti": message("cli_help_export_qti"),
    }
    for kind, text in helps.items():
        command = formats.add_parser(kind, help=text)
        _common_options(command, argparse.SUPPRESS)
        command.add_argument("quiz", nargs="?", help=message("cli_help_export_quiz"))
        command.add_argument("--all", action="store_true", help=message("cli_help_export_all"))
        command.add_argument("out", type=Path, help=message("cli_help_export_out"))
        if kind != "qti":
            command.add_argument("--moodle", default="4.5", metavar="VERSION", help=message("cli_help_export_moodle"))
            command.add_argument("--ordering", choices=ORDERING_CHOICES, default="auto", help=message("cli_help_export_ordering"))
        command.set_defaults(handler=_export, kind=kind)


def _default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _validate(args: argparse.Namespace, settings: Settings) -> int:
    try:
        project = load_project(settings.sources)
    except ContentErrors as problems:
        print(problems.render(args.format), file=sys.stdout if args.format == "github" else sys.stderr)
        return 1
    catalog = project.catalog
    warnings = text_warnings(loaded_documents(catalog.modules, catalog.quizzes, [catalog.framework], project.trainings, catalog.needs_reports))
    if warnings:
        if args.strict:
            warnings = [warning.as_error() for warning in warnings]
        lines = [warning.as_github_annotation() if args.format == "github" else str(warning) for warning in warnings]
        print("\n".join([*lines, warnings_summary(warnings)]), file=sys.stdout if args.format == "github" else sys.stderr)
        if args.strict:
            return 1
    print(message("cli_validate_ok", modules=len(catalog.modules), quizzes=len(catalog.quizzes)))
    if project.trainings:
        print(message("training_validate_ok", count=len(project.trainings)))
    print(coverage_summary(coverage(catalog)))
    return 0


def _coverage(args: argparse.Namespace, settings: Settings) -> int:
    try:
        project = load_project(settings.sources)
    except ContentErrors as problems:
        print(problems.render(), file=sys.stderr)
        return 1
    print(coverage_report(coverage(project.catalog)))
    return 0


def _generate(args: argparse.Namespace, settings: Settings) -> int:
    try:
        project = load_project(settings.sources)
    except ContentErrors as problems:
        print(problems.render(), file=sys.stderr)
        return 1
    pages = render_project(project, settings.page_options)
    if _is_foreign(args.directory):
        print(message("cli_generate_foreign_folder", folder=args.directory), file=sys.stderr)
        return 2
    assets = asset_contents()
    _write_all(args.directory, pages, assets)
    print(message("cli_generate_done", pages=len(pages), assets=len(assets), folder=args.directory))
    return 0


MARKER = ".berdaya-generated"


def _is_foreign(target: Path) -> bool:
    """True for a non-empty folder we did not write: never delete someone's files."""
    return target.exists() and any(target.iterdir()) and not (target / MARKER).exists()


def _write_all(target: Path, pages: dict[str, str], assets: dict[str, bytes]) -> None:
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
        for path, data in assets.items():
            destination = staging / path
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(data)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def _new(args: argparse.Namespace, settings: Settings) -> int:
    if len(args.words) == 2 and args.words[0] == "training":
        return _new_training(args.words[1], settings)
    if len(args.words) == 2 and args.words[0] == "module":
        args.words = args.words[1:]
    if len(args.words) != 1:
        print(message("cli_new_usage"), file=sys.stderr)
        return 2
    if args.source:
        return _copy_module(args.words[0], args.source, settings)
    try:
        written = write_module_stub(settings.sources, args.words[0])
    except ValueError as problem:
        print(message("cli_problem", problem=problem), file=sys.stderr)
        return 1
    for path in written:
        print(message("cli_new_created", file=settings.sources.display(path)))
    return 0


def _copy_module(module_id: str, source_id: str, settings: Settings) -> int:
    try:
        written = copy_module(settings.sources, module_id, source_id)
    except ValueError as problem:
        print(message("cli_problem", problem=problem), file=sys.stderr)
        return 1
    for path in written:
        print(message("cli_new_copied", file=settings.sources.display(path), source=source_id))
    print(message("cli_new_copied_next"))
    return 0


def _new_training(training_id: str, settings: Settings) -> int:
    try:
        module_ids = [module.id for module in load_catalog(settings.sources).module_items]
    except ContentErrors:
        module_ids = []  # the starter still names a module; validate will say what is wrong
    try:
        written = write_training_stub(settings.sources, training_id, module_ids)
    except ValueError as problem:
        print(message("cli_problem", problem=problem), file=sys.stderr)
        return 1
    print(message("training_new_written", file=settings.sources.display(written)))
    return 0


def _schedule(args: argparse.Namespace, settings: Settings) -> int:
    try:
        project = load_project(settings.sources)
    except ContentErrors as problems:
        print(problems.render(), file=sys.stderr)
        return 1
    training = project.training(args.training_id)
    if training is None:
        known = ", ".join(item.id for item in project.training_items)
        if not known:
            print(message("cli_problem", problem=message("training_none", folder=settings.curricula_dir)), file=sys.stderr)
        else:
            problem = message("training_unknown", id=args.training_id)
            hint = f"{message('content_hint_label')}: {message('training_unknown_hint', ids=known)}"
            print(message("cli_problem", problem=problem) + "\n    " + hint, file=sys.stderr)
        return 1
    language = current_language()
    schedule = schedule_for(training, project.catalog, session_titles(language))
    print(schedule_text(training, schedule, language, training_strings(language)["break"]))
    return 0


def _export(args: argparse.Namespace, settings: Settings) -> int:
    if args.all == bool(args.quiz):
        print(f"berdaya: {message('export_name_quiz')}", file=sys.stderr)
        return 2
    try:
        target = MoodleTarget(parse_version(getattr(args, "moodle", "4.5")), getattr(args, "ordering", "auto"))
    except ValueError:
        print(f"berdaya: {message('export_bad_moodle_version', version=args.moodle)}", file=sys.stderr)
        return 2
    try:
        project = load_project(settings.sources)
    except ContentErrors as problems:
        print(problems.render(), file=sys.stderr)
        return 1
    try:
        result = export(project.catalog, args.kind, None if args.all else [args.quiz], target, settings.language, project.training_items)
    except UnknownQuiz as problem:
        print(f"berdaya: {problem}", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(message("export_warning", text=warning), file=sys.stderr)
    write_files(args.out, result.files)
    print(message("export_wrote", count=len(result.files), folder=args.out))
    return 0


def _schema_command(args: argparse.Namespace, settings: Settings) -> int:
    files = {name: schema_text(schema).encode("utf-8") for name, schema in all_schemas().items()}
    write_files(args.out, files)
    print(message("export_wrote", count=len(files), folder=args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
