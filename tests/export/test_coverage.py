"""Coverage: hand-counted on a small catalog, and the lines validate and coverage print."""

from __future__ import annotations

from generator import cli
from generator.content import messages
from generator.content.catalog import Catalog
from generator.content.load import Loaded
from generator.content.model import CompetencyFramework, Module, QuizBank
from generator.export.coverage import coverage, report_text, summary_line


def _catalog() -> Catalog:
    module = Module.model_validate({
        "id": "m", "title": "Modul", "summary": "S", "level": "dasar", "duration_jp": 1, "competencies": ["c1"],
        "objectives": [{"id": f"o{n}", "text": f"Tujuan {n}"} for n in (1, 2, 3)],
        "sections": [{"id": f"s{n}", "title": f"Bagian {n}", "body": "isi"} for n in (1, 2, 3)],
    })
    common = {"prompt": "P", "explanation": "E"}
    quiz = QuizBank.model_validate({"id": "m", "module": "m", "title": "Uji", "questions": [
        {**common, "id": "q1", "type": "single", "objective": "o1", "section": "s1", "choices": [{"text": "a", "correct": True}, {"text": "b"}]},
        {**common, "id": "q2", "type": "true_false", "objective": "o1", "section": "s1", "answer": True},
        {**common, "id": "q3", "type": "ordering", "objective": "o2", "section": "s2", "items": ["x", "y"]},
        {**common, "id": "q4", "type": "single", "objective": "o1", "section": "s2", "choices": [{"text": "a", "correct": True}, {"text": "b"}]},
    ]})
    framework = CompetencyFramework.model_validate({"competencies": [
        {"id": "c1", "title": "K1", "description": "D"}, {"id": "c2", "title": "K2", "description": "D"}]})
    return Catalog([Loaded(module, None)], [Loaded(quiz, None)], Loaded(framework, None))


def test_coverage_counts_by_objective_type_section_and_competency():
    report = coverage(_catalog())
    [entry] = report.modules
    assert [(o.id, o.by_type) for o in entry.objectives] == [("o1", {"single": 2, "true_false": 1}), ("o2", {"ordering": 1}), ("o3", {})]
    assert [o.id for o in entry.unassessed] == ["o3"]
    assert [s.id for s in entry.unreviewed_sections] == ["s3"]
    assert entry.questions == 4
    assert [c.id for c in report.uncovered_competencies] == ["c2"]
    assert (report.assessed, report.objectives, report.unreviewed, report.sections, report.competencies) == (2, 3, 1, 3, 2)


def test_coverage_text():
    with messages.language("en"):
        text = report_text(coverage(_catalog()))
    assert text.splitlines() == [
        "Modul (m): 4 questions",
        "  objective o1: 3 questions (2 single, 1 true_false)",
        "  objective o2: 1 questions (1 ordering)",
        "  objective o3: NO QUESTION yet (Tujuan 3)",
        "  sections no question sends back to: s3",
        "Competencies no module covers: c2",
        "Coverage: 2 of 3 learning objectives assessed; 1 of 3 sections no question sends back to; 1 of 2 competencies no module covers (details: berdaya coverage)",
    ]


def test_validate_ends_with_the_coverage_line(site_copy, capsys):
    with messages.language("en"):
        assert cli.main(["--config", str(site_copy / "mkdocs.yml"), "--lang", "en", "validate"]) == 0
        assert capsys.readouterr().out.splitlines()[-1].startswith("Coverage: ")
        assert cli.main(["--config", str(site_copy / "mkdocs.yml"), "--lang", "en", "coverage"]) == 0
        assert "objective " in capsys.readouterr().out
