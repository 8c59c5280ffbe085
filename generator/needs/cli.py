"""``berdaya needs survey | analyze | recommend``: argument parsing and printing only.

cli.py hands the ``needs`` command to ``add_commands``; the work is done by
the pure parts of this package, and files are written only at the end.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from ..content.catalog import load_catalog
from ..content.errors import ContentErrors
from ..content.messages import message
from .form import Form, build_form, parse_scale


def add_commands(commands) -> None:
    needs = commands.add_parser("needs", help="training needs: the survey, its analysis and a recommended training")
    actions = needs.add_subparsers(required=True, metavar="ACTION")

    survey = actions.add_parser("survey", help="write the needs survey as an XLSForm (.xlsx) for KoboToolbox or ODK Central")
    _form_options(survey)
    survey.add_argument("--output", "-o", type=Path, help="the .xlsx to write (default: <survey-id>.xlsx)")
    survey.add_argument("--form-version", default=datetime.date.today().strftime("%Y%m%d01"), help="the XLSForm version (default: today, e.g. 2027030801)")
    survey.set_defaults(handler=_survey)

    analyze = actions.add_parser("analyze", help="rank training needs from survey exports (KoboToolbox, ODK Central, Google Forms, the self-assessment page)")
    analyze.add_argument("files", nargs="+", type=Path, metavar="FILE")
    _form_options(analyze)
    analyze.add_argument("--output", "-o", type=Path, default=Path("needs.csv"), help="the ranking as CSV (default: %(default)s)")
    analyze.add_argument("--title", default="", help="the report page's title, e.g. 'Pendamping desa Kabupaten Contoh, Februari 2027'")
    analyze.add_argument("--report-dir", type=Path, help="where the site's aggregate file goes (default: kebutuhan/ beside mkdocs.yml)")
    analyze.set_defaults(handler=_analyze)

    recommend = actions.add_parser("recommend", help="write a training (curricula/<id>.yml) for the highest needs that fit the time")
    recommend.add_argument("--survey", help="the analysis in kebutuhan/ (default: the only one)")
    budget = recommend.add_mutually_exclusive_group(required=True)
    budget.add_argument("--jp", type=int, help="JP available for modules (1 JP = 45 minutes)")
    budget.add_argument("--days", type=int, help="days of training, 08.00-16.00 with the usual breaks, opening and closing sessions")
    recommend.add_argument("--id", dest="training_id", help="the training's id and file name (default: pelatihan-<survey>)")
    recommend.add_argument("--force", action="store_true", help="replace an existing training file")
    recommend.set_defaults(handler=_recommend)


def _form_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--id", dest="survey_id", default="kebutuhan-pelatihan", help="the survey's id: form_id and report page name (default: %(default)s)")
    parser.add_argument("--scale", default="1-5", help="the rating scale, e.g. 1-5 (default) or 1-7")


def _form(args: argparse.Namespace, settings) -> Form | None:
    """The survey for this site's competency framework, or None after saying why not."""
    try:
        scale = parse_scale(args.scale)
    except ValueError:
        print(message("needs_bad_scale", scale=args.scale), file=sys.stderr)
        return None
    try:
        catalog = load_catalog(settings.sources)
    except ContentErrors as problems:
        print(problems.render(), file=sys.stderr)
        return None
    if not catalog.competency_items:
        print(message("needs_no_framework", file=settings.sources.display(settings.sources.competencies_file)), file=sys.stderr)
        return None
    return build_form(catalog.competency_items, scale, args.survey_id)


def _survey(args: argparse.Namespace, settings) -> int:
    from .xlsform import write_xlsform

    form = _form(args, settings)
    if form is None:
        return 1
    output = args.output or Path(f"{form.survey_id}.xlsx")
    write_xlsform(output, form, args.form_version)
    print(message("needs_survey_written", file=output, competencies=len(form.competencies), scale=form.scale))
    return 0


def _analyze(args: argparse.Namespace, settings) -> int:
    from . import readers, report
    from .analysis import SMALL_N, analyse

    form = _form(args, settings)
    if form is None:
        return 1
    readings = [readers.read_export(path, _display(path), form) for path in args.files]
    combined = readers.combine(readings)
    for problem in sorted(problem for reading in readings for problem in reading.problems):
        print(problem, file=sys.stderr)
    for duplicate in combined.duplicates:
        print(duplicate, file=sys.stderr)
    unusable = [reading.file for reading in readings if reading.unusable]
    if unusable or not combined.responses:
        print(message("needs_nothing_written", files=", ".join(unusable) or "-"), file=sys.stderr)
        return 1
    result = analyse([competency.id for competency in form.competencies], combined.pairs(), len(combined.responses))
    skipped = sum(len(reading.problems) for reading in readings)
    print(message("needs_read_summary", files=len(readings), responses=len(combined.responses), duplicates=len(combined.duplicates), problems=skipped))
    if result.small:
        smallest = min(need.n for need in result.small)
        print(message("needs_small_n", count=len(result.small), smallest=smallest, threshold=SMALL_N), file=sys.stderr)
    titles = form.titles()
    for need in result.needs:
        if need.orderings_disagree:
            print(message("needs_orderings_disagree", title=titles[need.competency], rank=need.rank, ordinal=need.ordinal_rank), file=sys.stderr)
    for need in result.needs[:3]:
        if need.rank:
            print(message("needs_top", rank=need.rank, title=titles[need.competency], mwds=report.decimal(need.mwds), quadrant=need.quadrant))
    formats: dict[str, int] = {}
    kept = {id(response) for response in combined.responses}
    for reading in readings:
        used = sum(id(response) in kept for response in reading.responses)
        if used:
            formats[reading.format] = formats.get(reading.format, 0) + used
    data = report.aggregate(result, form, formats, combined.roles(), datetime.date.today().isoformat(), args.title)
    aggregate_path = (args.report_dir or settings.root / "kebutuhan") / f"{form.survey_id}.yml"
    report.write_files({args.output: report.needs_csv(result, form), aggregate_path: report.aggregate_yaml(data)})
    print(message("needs_analysis_written", csv=args.output, aggregate=_display(aggregate_path)))
    return 0


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _recommend(args: argparse.Namespace, settings) -> int:
    from ..training.locale import session_titles
    from . import report as report_writer
    from .training_file import fit, training_yaml

    try:
        catalog = load_catalog(settings.sources)
    except ContentErrors as problems:
        print(problems.render(), file=sys.stderr)
        return 1
    reports = {entry.item.survey: entry.item for entry in catalog.needs_reports}
    survey = args.survey or (next(iter(reports)) if len(reports) == 1 else None)
    if survey is None and reports:
        print(message("needs_recommend_which", surveys=", ".join(sorted(reports))), file=sys.stderr)
        return 1
    if survey not in reports:
        print(message("needs_recommend_no_report", survey=survey or "kebutuhan-pelatihan"), file=sys.stderr)
        return 1
    training_id = args.training_id or f"pelatihan-{survey}"
    target = settings.sources.curricula / f"{training_id}.yml"
    if target.exists() and not args.force:
        print(message("needs_recommend_exists", file=settings.sources.display(target)), file=sys.stderr)
        return 1
    data, result = fit(reports[survey], catalog, training_id, args.days, args.jp, session_titles(settings.language))
    titles = {competency.id: competency.title for competency in catalog.competency_items}
    report_writer.write_files({target: training_yaml(data, survey)})
    days = message("needs_recommend_days", days=args.days) if args.days else ""
    print(message("needs_recommend_written", file=settings.sources.display(target), modules=len(result.modules), jp=result.jp, days=days, id=training_id))
    for need, jp in result.left_out:
        print(message("needs_recommend_left_out", title=titles.get(need.competency, need.competency), rank=need.rank, jp=jp))
    return 0
