"""Golden test: what `berdaya validate` says about the hostile fixture's trainer text.

Every construct the sanitising step changes or shows as typed is named with
its file, line and column, in English and Indonesian. Run
``pytest tests/golden --update-golden`` after an intended change.
"""

from pathlib import Path

import pytest

from generator.content import messages
from generator.content.catalog import Sources, load_catalog
from generator.content.errors import warnings_summary
from generator.site.textcheck import loaded_documents, text_warnings
from tests.conftest import TESTS

HOSTILE = TESTS / "fixtures" / "hostile-project"
EXPECTED = Path(__file__).parent / "expected"


def validate_output() -> str:
    catalog = load_catalog(Sources(HOSTILE, HOSTILE / "docs/modules", HOSTILE / "quizzes"))
    warnings = text_warnings(loaded_documents(catalog.modules, catalog.quizzes))
    return "\n".join([*map(str, warnings), warnings_summary(warnings)]) + "\n"


@pytest.mark.parametrize("language", ["en", "id"])
def test_validate_names_every_changed_construct_with_its_position(language, update_golden):
    with messages.language(language):
        output = validate_output()
    expected = EXPECTED / f"warnings.{language}.txt"
    if update_golden:
        expected.write_text(output, encoding="utf-8")
    assert output == expected.read_text(encoding="utf-8")


def test_the_shipped_curriculum_has_no_warnings():
    project = TESTS.parent
    catalog = load_catalog(Sources(project, project / "docs/modules", project / "quizzes"))
    assert text_warnings(loaded_documents(catalog.modules, catalog.quizzes)) == []
