"""A corpus of broken content files and what trainers are told about them.

Every folder in ``cases/`` holds one or more broken files under their real
paths in a site (``docs/modules/x.yml``, ``quizzes/x.yml``, ``curricula/x.yml``). They are copied
over a fresh copy of ``tests/fixtures/sample-project`` and the whole site is validated.
``expected.txt`` holds exactly what ``ContentErrors.render()`` prints in
English, summary line included, and ``expected.id.txt`` the same in
Indonesian (the fixture site's language, so the command line prints it). Run ``pytest tests/corpus --update-golden`` to rewrite the
expected files after a deliberate change of wording, then read the diff.

A case may also hold ``xfail.txt``: lines ``golden: reason`` and/or
``cli: reason`` naming a known bug in the generator. Its ``expected.txt``
then holds what *should* be printed, written by hand, and ``--update-golden``
leaves it alone. When the bug is fixed the test passes, strict xfail turns
that into a failure, and ``xfail.txt`` can be deleted.

Files too large to commit are written by the functions in ``GENERATED``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from generator.content.catalog import Sources
from generator.content import messages
from generator.content.errors import ContentErrors
from generator.project import load_project

CORPUS = Path(__file__).parent
CASES = CORPUS / "cases"
FIXTURE_SITE = CORPUS.parent / "fixtures" / "sample-project"
PROJECT = CORPUS.parent.parent
GOLDEN = {"en": "expected.txt", "id": "expected.id.txt"}
META_FILES = {*GOLDEN.values(), "xfail.txt"}
NO_PROBLEMS = "(no problems found)\n"


# --- files generated at test time -------------------------------------------

_MODULE_HEAD = """\
id: besar
title: Modul Besar
summary: Modul yang terlalu panjang.
level: dasar
duration_jp: 1
objectives:
  - id: memahami
    text: Peserta memahami.
sections:
  - id: isi
    title: Isi
"""


def _huge_file(site: Path) -> None:
    """A module just over the 1 MB limit: a long body of ordinary prose."""
    line = "      Paragraf panjang tentang pemberdayaan masyarakat desa.\n"
    body = line * (1_000_000 // len(line) + 10)
    (site / "docs/modules/besar.yml").write_text(_MODULE_HEAD + "    body: |\n" + body, encoding="utf-8")


GENERATED = {
    "huge-file": _huge_file,
}


# --- the cases --------------------------------------------------------------


def case_names() -> list[str]:
    return sorted(path.name for path in CASES.iterdir() if path.is_dir())


def known_bugs(name: str) -> dict[str, str]:
    path = CASES / name / "xfail.txt"
    if not path.exists():
        return {}
    bugs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            kind, _, reason = line.partition(":")
            assert kind.strip() in ("golden", "cli"), f"{path}: unknown kind {kind!r}"
            bugs[kind.strip()] = reason.strip()
    return bugs


def cases_with(kind: str) -> list:
    params = []
    for name in case_names():
        reason = known_bugs(name).get(kind)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(name, marks=marks, id=name))
    return params


def build_site(name: str, target: Path) -> Path:
    """A fresh copy of the fixture site with the case's files laid over it."""
    shutil.copytree(FIXTURE_SITE, target)
    case = CASES / name
    for source in sorted(case.rglob("*")):
        relative = source.relative_to(case)
        if source.is_file() and relative.as_posix() not in META_FILES:
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
    if name in GENERATED:
        GENERATED[name](target)
    return target


def validate(site: Path, language: str) -> str:
    """What a trainer is shown, exactly as rendered, or a marker for no problems."""
    with messages.language(language):
        try:
            load_project(Sources(site, site / "docs/modules", site / "quizzes", site / "curricula"))
        except ContentErrors as problems:
            return problems.render() + "\n"
    return NO_PROBLEMS


def test_the_corpus_is_big_enough():
    assert len(case_names()) >= 30
    for name in case_names():
        for golden in GOLDEN.values():
            assert (CASES / name / golden).is_file(), f"{name} has no {golden}"
        files = [p for p in (CASES / name).rglob("*") if p.is_file() and p.name not in META_FILES]
        assert files or name in GENERATED, f"{name} has no content files"


@pytest.mark.parametrize("language", sorted(GOLDEN))
@pytest.mark.parametrize("name", cases_with("golden"))
def test_case_output_matches_golden(name: str, language: str, tmp_path: Path, update_golden: bool):
    actual = validate(build_site(name, tmp_path / "site"), language)
    expected_file = CASES / name / GOLDEN[language]
    if update_golden and "golden" not in known_bugs(name):
        expected_file.write_text(actual, encoding="utf-8")
    assert actual != NO_PROBLEMS, f"{name}: the broken content was accepted"
    assert actual == expected_file.read_text(encoding="utf-8")


# --- the command line, run for real in every case ----------------------------


class _CliRuns:
    """Starts ``python -m generator.cli validate`` in every case site at once."""

    def __init__(self, root: Path):
        self.root = root
        self.pool = ThreadPoolExecutor(max_workers=max(2, (os.cpu_count() or 2) * 2))
        self.runs: dict[str, Future] = {}

    def start_all(self) -> None:
        for name in case_names():
            site = build_site(name, self.root / name)
            self.runs[name] = self.pool.submit(self._run, site)

    @staticmethod
    def _run(site: Path) -> subprocess.CompletedProcess:
        env = {key: value for key, value in os.environ.items() if key not in ("GITHUB_ACTIONS", messages.ENVIRONMENT_VARIABLE)}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT), env.get("PYTHONPATH", "")]))
        return subprocess.run(
            [sys.executable, "-m", "generator.cli", "validate"],
            cwd=site,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=120,
        )

    def result(self, name: str) -> subprocess.CompletedProcess:
        return self.runs[name].result()


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory):
    runs = _CliRuns(tmp_path_factory.mktemp("cli"))
    runs.start_all()
    yield runs
    runs.pool.shutdown(wait=True)


@pytest.mark.parametrize("name", cases_with("cli"))
def test_cli_reports_the_case_without_a_traceback(name: str, cli_runs: _CliRuns):
    run = cli_runs.result(name)
    output = run.stdout + run.stderr
    assert "Traceback" not in output, output
    assert run.returncode == 1, output
    if "golden" not in known_bugs(name):
        # The fixture site is Indonesian (theme.language: id), so is what the trainer reads.
        assert run.stderr == (CASES / name / GOLDEN["id"]).read_text(encoding="utf-8")
