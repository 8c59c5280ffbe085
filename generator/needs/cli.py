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
