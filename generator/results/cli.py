"""berdaya results collect: the door from what trainees sent to the class figures."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from ..content.errors import ContentErrors
from ..content.messages import message
from . import assessment as tests
from .code import CodeError, decode
from .collect import read_sources, sort_codes
from .gain import class_gain
from .report import aggregate, aggregate_yaml, class_csv, gains, write_atomically

RESULTS_DIR = "results"  # aggregates the site builds its results pages from


def add_commands(commands) -> None:
    results = commands.add_parser("results", help=message("results_help_results"))
    actions = results.add_subparsers(required=True, metavar="ACTION")
    collect = actions.add_parser("collect", help=message("results_help_collect"))
    collect.add_argument("files", nargs="+", type=Path, metavar="FILE", help=message("results_help_files"))
    collect.add_argument("--training", help=message("results_help_training"))
    collect.add_argument("--csv", type=Path, help=message("results_help_csv"))
    collect.add_argument("--aggregate", type=Path, help=message("results_help_aggregate", folder=RESULTS_DIR))
    collect.add_argument("--strict", action="store_true", help=message("results_help_strict"))
    collect.set_defaults(handler=_collect)


def _collect(args: argparse.Namespace, settings) -> int:
    from ..project import load_project

    try:
        project = load_project(settings.sources)
    except ContentErrors as problems:
        print(problems.render(), file=sys.stderr)
        return 1
    files = [_stdin_file(settings) if str(path) == "-" else path for path in args.files]
    found, unreadable = read_sources(files, lambda path: _display(path, settings))
    trainings = {training.id: training for training in project.training_items if training.tests}
    training = _choose(args.training, trainings, found)
    if training is None:
        return 2
    test = tests.for_training(project.catalog, training)
    collected = sort_codes(found, test)
    csv_path = args.csv or _default_csv(files, training.id)
    if _inside(csv_path, settings.root):
        print(message("results_csv_in_site", file=str(csv_path)), file=sys.stderr)
        return 2
    aggregate_path = args.aggregate or settings.root / RESULTS_DIR / f"{training.id}.yml"
    write_atomically(csv_path, class_csv(collected))
    write_atomically(aggregate_path, aggregate_yaml(aggregate(collected, test)))
    for problem in [*unreadable, *collected.problems]:
        print(problem, file=sys.stderr)
    _print_summary(found, collected, training.id, csv_path, aggregate_path)
    return 1 if args.strict and (unreadable or collected.problems) else 0


def _stdin_file(settings) -> Path:
    print(message("results_paste_prompt"), file=sys.stderr)
    import tempfile

    text = sys.stdin.read()
    handle = tempfile.NamedTemporaryFile("w", suffix=".txt", prefix="tempel-", delete=False, encoding="utf-8")
    with handle:
        handle.write(text)
    return Path(handle.name)


def _display(path: Path, settings) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _choose(wanted: str | None, trainings: dict, found) -> object | None:
    if wanted:
        if wanted not in trainings:
            print(message("results_training_unknown", training=wanted, known=", ".join(sorted(trainings)) or "—"), file=sys.stderr)
            return None
        return trainings[wanted]
    if not trainings:
        print(message("results_no_training_with_tests"), file=sys.stderr)
        return None
    tags = Counter()
    for place in found:
        try:
            tags[decode(place.text).training_tag] += 1
        except CodeError:
            continue
    by_tag = {tests.Assessment(training_id, ()).training_tag: training for training_id, training in trainings.items()}
    ranked = [(count, by_tag[tag]) for tag, count in tags.most_common() if tag in by_tag]
    if not ranked:
        print(message("results_no_codes_for_any_training", known=", ".join(sorted(trainings))), file=sys.stderr)
        return None
    return ranked[0][1]


def _default_csv(files: list[Path], training_id: str) -> Path:
    return files[0].resolve().parent / f"{training_id}-peserta.csv"


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def _print_summary(found, collected, training_id: str, csv_path: Path, aggregate_path: Path) -> None:
    summary = class_gain(gains(collected))
    skipped = sum(collected.skipped.values())
    print(message("results_collect_found", found=len(found), counted=len(collected.counted), skipped=skipped, training=training_id))
    print(message("results_collect_participants", both=summary.counted, only_pre=summary.only_pre, only_post=summary.only_post))
    if summary.class_gain is not None:
        print(message("results_collect_gain", pre=_pct(summary.pre_mean), post=_pct(summary.post_mean),
                      gain=f"{float(summary.class_gain):.2f}", band=message(f"results_band_{summary.band}")))
    else:
        print(message("results_collect_no_gain"))
    if summary.mean_of_gains is not None:
        print(message("results_collect_mean_of_gains", gain=f"{float(summary.mean_of_gains):.2f}", count=summary.with_own_gain))
    if summary.perfect_pre:
        print(message("results_collect_perfect_pre", count=summary.perfect_pre))
    print(message("results_collect_written", csv=str(csv_path), aggregate=str(aggregate_path)))


def _pct(value) -> str:
    return f"{float(value):.1f}"
