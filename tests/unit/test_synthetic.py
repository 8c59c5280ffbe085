"""The benchmarks' synthetic curriculum: deterministic, and valid content."""

from pathlib import Path

from bench import synthetic
from generator.content.catalog import Sources, load_catalog
from generator.content.model import QUESTION_TYPES


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_runs_are_byte_identical(tmp_path):
    first = files(synthetic.generate(tmp_path / "a", modules=3, questions=5))
    second = files(synthetic.generate(tmp_path / "b", modules=3, questions=5))
    assert first == second
    assert {"mkdocs.yml", "docs/index.md"} <= first.keys()
    assert len([name for name in first if name.startswith("docs/modules/")]) == 3


def test_a_module_does_not_depend_on_the_curriculum_size(tmp_path):
    small = files(synthetic.generate(tmp_path / "small", modules=2, questions=5))
    large = files(synthetic.generate(tmp_path / "large", modules=9, questions=5))
    assert all(large[name] == content for name, content in small.items() if name.endswith(".yml") and name != "mkdocs.yml")


def test_the_curriculum_loads_without_errors(tmp_path):
    site = synthetic.generate(tmp_path / "site", modules=5, questions=10)
    catalog = load_catalog(Sources(site, site / "docs/modules", site / "quizzes"))
    assert len(catalog.modules) == len(catalog.quizzes) == 5
    questions = [question for quiz in catalog.quiz_items for question in quiz.questions]
    assert {question.type for question in questions} == set(QUESTION_TYPES)
    module = catalog.module_items[0]
    assert len(module.sections) == synthetic.SECTIONS and module.objectives and module.activities and module.glossary
    assert all(1200 <= words(m) <= 1800 for m in catalog.module_items)  # "about 1,500 words"


def words(module) -> int:
    texts = [module.summary, *module.key_points, *(o.text for o in module.objectives), *(s.body for s in module.sections)]
    texts += [text for a in module.activities for text in (a.title, *a.steps, a.facilitator_notes)]
    texts += [text for g in module.glossary for text in (g.term, g.definition)]
    return sum(len(text.split()) for text in texts)


def test_synthetic_trainings_load_with_the_curriculum(tmp_path):
    from generator.project import load_project
    from generator.settings import read_settings

    site = synthetic.generate(tmp_path / "site", modules=10, questions=5, trainings=2)
    project = load_project(read_settings(site / "mkdocs.yml").sources)
    assert [len(training.modules) for training in project.training_items] == [4, 2]
