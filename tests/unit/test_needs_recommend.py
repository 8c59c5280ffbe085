"""The recommendation: highest needs first, prerequisites pulled in, within budget."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.needs.recommend import ModuleInfo, RankedNeed, closure, recommend

MODULES = {
    "dasar": ModuleInfo("dasar", 4, 1, (), ("a",)),
    "tengah": ModuleInfo("tengah", 3, 2, ("dasar",), ("b",)),
    "lanjut": ModuleInfo("lanjut", 8, 3, ("tengah",), ("c",)),
    "lain": ModuleInfo("lain", 2, 4, (), ("b", "d")),
}


def test_the_cheapest_module_that_covers_a_need_is_chosen_with_its_prerequisites():
    needs = [RankedNeed("c", 1, 9.0), RankedNeed("b", 2, 5.0), RankedNeed("a", 3, 1.0)]
    result = recommend(needs, MODULES, budget_jp=15)
    assert [choice.module for choice in result.modules] == ["dasar", "tengah", "lanjut"]
    assert result.jp == 15 and result.left_out == ()
    by = {choice.module: choice for choice in result.modules}
    assert by["dasar"].prerequisite_of == ["lanjut"] and [need.competency for need in by["dasar"].for_needs] == ["a"]
    assert [need.competency for need in by["tengah"].for_needs] == ["b"]  # already chosen covers b


def test_a_need_that_does_not_fit_is_left_out_and_a_later_one_may_still_fit():
    needs = [RankedNeed("c", 1, 9.0), RankedNeed("b", 2, 5.0), RankedNeed("d", 3, 4.0)]
    result = recommend(needs, MODULES, budget_jp=6)
    assert [(need.competency, jp) for need, jp in result.left_out] == [("c", 15)]
    assert [choice.module for choice in result.modules] == ["lain"]  # b and d, 2 JP


def test_needs_without_a_gap_or_a_module_are_not_trained_for():
    result = recommend([RankedNeed("a", 1, 0.0), RankedNeed("z", 2, 3.0)], MODULES, budget_jp=40)
    assert result.modules == () and [need.competency for need in result.uncovered] == ["z"]


@st.composite
def curricula(draw):
    count = draw(st.integers(1, 9))
    modules = {}
    for index in range(count):
        earlier = [f"m{i}" for i in range(index)]
        modules[f"m{index}"] = ModuleInfo(
            f"m{index}", draw(st.integers(1, 8)), draw(st.integers(0, 20)),
            tuple(draw(st.lists(st.sampled_from(earlier), max_size=3, unique=True))) if earlier else (),
            tuple(draw(st.lists(st.sampled_from("abcdefg"), max_size=3, unique=True))),
        )
    competencies = draw(st.lists(st.sampled_from("abcdefg"), unique=True, min_size=1))
    needs = [RankedNeed(competency, rank, draw(st.floats(-2, 20))) for rank, competency in enumerate(competencies, 1)]
    return modules, needs, draw(st.integers(0, 40))


@settings(max_examples=150, deadline=None)
@given(curricula())
def test_always_within_budget_and_never_missing_a_prerequisite(case):
    modules, needs, budget = case
    result = recommend(needs, modules, budget)
    chosen = [choice.module for choice in result.modules]
    assert sum(modules[module].jp for module in chosen) == result.jp <= budget
    assert len(set(chosen)) == len(chosen)
    for position, module in enumerate(chosen):
        for prerequisite in modules[module].prerequisites:
            assert prerequisite in chosen[:position], (module, prerequisite, chosen)
    for need, needed in result.left_out:
        assert needed > 0


def test_closure_follows_prerequisites_transitively():
    assert sorted(closure("lanjut", MODULES)) == ["dasar", "lanjut", "tengah"]


# --- the command, from the shipped sample to a training that schedules --------------

import shutil
from pathlib import Path

from generator import cli
from generator.content.catalog import Sources
from generator.project import load_project
from generator.training.locale import session_titles
from generator.training.plan import schedule_for

PROJECT = Path(__file__).resolve().parents[2]


def _project_copy(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for name in ("docs", "quizzes", "curricula", "kebutuhan", "overrides", "examples"):
        if (PROJECT / name).is_dir():
            shutil.copytree(PROJECT / name, site / name)
    shutil.copyfile(PROJECT / "mkdocs.yml", site / "mkdocs.yml")
    return site


def test_analyze_then_recommend_three_days_gives_a_training_that_validates_and_schedules(tmp_path: Path, capsys, monkeypatch):
    """The issue's done-when, from the shipped synthetic sample."""
    site = _project_copy(tmp_path)
    monkeypatch.chdir(site)
    samples = sorted(str(path) for path in (site / "examples/needs").iterdir() if path.suffix in (".csv", ".xlsx", ".txt"))
    assert cli.main(["needs", "analyze", *samples, "--id", "uji", "--output", str(tmp_path / "needs.csv")]) == 0
    assert cli.main(["needs", "recommend", "--survey", "uji", "--days", "3"]) == 0
    out = capsys.readouterr().out
    assert "left out for lack of time: Menilai kebutuhan pelatihan (rank 1, needs 31 JP)" in out
    sources = Sources(site, site / "docs/modules", site / "quizzes", site / "curricula")
    project = load_project(sources)
    training = project.training("pelatihan-uji")
    assert all(entry.reason for entry in training.modules)
    schedule = schedule_for(training, project.catalog, session_titles("id"), 3)
    assert schedule.unplaced == () and len([day for day in schedule.days if day.sessions]) <= 3
    ids = [entry.module for entry in training.modules]
    for position, module_id in enumerate(ids):  # prerequisites come first
        assert all(p in ids[:position] for p in project.catalog.module(module_id).prerequisites)
    assert cli.main(["needs", "recommend", "--survey", "uji", "--days", "3"]) == 1  # never overwrites
    assert "exists" in capsys.readouterr().err


def test_recommend_with_a_jp_budget_and_five_days_covers_the_top_need(tmp_path: Path, capsys, monkeypatch):
    site = _project_copy(tmp_path)
    monkeypatch.chdir(site)
    assert cli.main(["needs", "recommend", "--days", "5", "--id", "lima-hari"]) == 0
    project = load_project(Sources(site, site / "docs/modules", site / "quizzes", site / "curricula"))
    modules = [entry.module for entry in project.training("lima-hari").modules]
    assert "desain-pelatihan-berbasis-kebutuhan" in modules
    assert not schedule_for(project.training("lima-hari"), project.catalog, session_titles("id"), 5).unplaced
    assert cli.main(["needs", "recommend", "--jp", "10", "--id", "sepuluh"]) == 0
    project = load_project(Sources(site, site / "docs/modules", site / "quizzes", site / "curricula"))
    total = sum(project.catalog.module(entry.module).duration_jp for entry in project.training("sepuluh").modules)
    assert 0 < total <= 10
