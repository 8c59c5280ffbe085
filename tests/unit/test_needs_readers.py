"""Every export format read back to the same ratings, and the analyze command end to end."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
import yaml

from generator import cli
from generator.content import messages
from generator.content.catalog import Sources, load_catalog
from generator.needs import samples
from generator.needs.analysis import analyse
from generator.needs.form import build_form, Scale
from generator.needs.readers import combine, parse_rating, read_export
from generator.needs.report import NEEDS_CSV_COLUMNS, decimal

PROJECT = Path(__file__).resolve().parents[2]
EXAMPLES = PROJECT / "examples" / "needs"


@pytest.fixture(scope="module")
def form():
    return build_form(load_catalog(Sources(PROJECT, PROJECT / "docs/modules", PROJECT / "quizzes")).competency_items)


@pytest.fixture(scope="module")
def people(form):
    return [person for person in samples.respondents(form, count=12, seed=11) if person.consent]


def _expected(people):
    return [person.ratings for person in people]


def _read(path: Path, form):
    reading = read_export(path, path.name, form)
    assert not reading.unusable, [str(problem) for problem in reading.problems]
    return reading


@pytest.mark.parametrize("writer, name, fmt", [
    (samples.kobo_csv, "kobo.csv", "kobo-csv"),
    (samples.odk_central_csv, "odk.csv", "odk-central-csv"),
    (samples.google_forms_csv, "forms.csv", "google-forms-csv"),
    (samples.whatsapp_chat, "chat.txt", "berdaya-text"),
])
def test_each_text_format_gives_back_the_ratings(writer, name, fmt, form, people, tmp_path: Path):
    path = tmp_path / name
    path.write_text(writer(form, people), encoding="utf-8", newline="")
    reading = _read(path, form)
    assert reading.format == fmt and reading.problems == []
    assert [response.ratings for response in reading.responses] == _expected(people)


def test_kobo_xlsx_with_labels_gives_back_the_ratings_and_roles(form, people, tmp_path: Path):
    path = tmp_path / "kobo.xlsx"
    samples.kobo_xlsx(path, form, people)
    reading = _read(path, form)
    assert reading.format == "kobo-xlsx" and reading.problems == []
    assert [response.ratings for response in reading.responses] == _expected(people)
    assert [response.role for response in reading.responses] == [person.role for person in people]


def test_kobo_csv_without_group_prefixes(form, people, tmp_path: Path):
    text = samples.kobo_csv(form, people)
    header, rest = text.split("\n", 1)
    path = tmp_path / "flat.csv"
    path.write_text(re.sub(r'"k_[a-z_]+/', '"', header) + "\n" + rest, encoding="utf-8")
    assert [response.ratings for response in _read(path, form).responses] == _expected(people)


def test_the_same_submission_in_kobo_and_odk_is_counted_once(form, people, tmp_path: Path):
    (tmp_path / "a.csv").write_text(samples.kobo_csv(form, people[:5]), encoding="utf-8")
    (tmp_path / "b.csv").write_text(samples.odk_central_csv(form, people[3:]), encoding="utf-8")
    combined = combine([_read(tmp_path / "a.csv", form), _read(tmp_path / "b.csv", form)])
    assert len(combined.responses) == len(people) and len(combined.duplicates) == 2


def test_a_self_assessment_and_a_kobo_export_together_equal_each_alone_merged_by_hand(form, people, tmp_path: Path):
    """The issue's done-when: analysing together == analysing alone and merging the pairs."""
    (tmp_path / "kobo.csv").write_text(samples.kobo_csv(form, people[1:]), encoding="utf-8")
    (tmp_path / "hp.txt").write_text(samples.assessment_text(form, people[0]), encoding="utf-8")
    order = [competency.id for competency in form.competencies]
    together = combine([_read(tmp_path / "kobo.csv", form), _read(tmp_path / "hp.txt", form)])
    alone = [combine([_read(tmp_path / name, form)]).pairs() for name in ("kobo.csv", "hp.txt")]
    by_hand = {competency: alone[0].get(competency, []) + alone[1].get(competency, []) for competency in order}
    assert analyse(order, together.pairs(), len(people)) == analyse(order, by_hand, len(people))


@pytest.mark.parametrize("text, value", [("4", 4), ("4.0", 4), ("5 (sangat penting)", 5), (" 1 ", 1), ("6", None), ("0", None), ("4.5", None), ("empat", None), ("", None)])
def test_ratings_as_written(text, value):
    assert parse_rating(text, Scale(1, 5)) == value


@pytest.mark.parametrize("value, text", [((1, 8), "0.13"), ((1, 200), "0.01"), ((-1, 8), "-0.13"), ((46, 5), "9.20"), ((0, 1), "0.00"), ((-1, 1000), "0.00")])
def test_decimals_round_half_away_from_zero_exactly(value, text):
    from fractions import Fraction

    assert decimal(Fraction(*value)) == text


def test_analyze_the_shipped_samples(tmp_path: Path, capsys):
    files = sorted(str(path) for path in EXAMPLES.iterdir() if path.suffix in (".csv", ".xlsx", ".txt"))
    assert len(files) == 5
    with messages.language("en"):
        code = cli.main(["--config", str(PROJECT / "mkdocs.yml"), "needs", "analyze", *files, "--output", str(tmp_path / "needs.csv"), "--report-dir", str(tmp_path / "kebutuhan")])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "43 respondents used, 2 duplicates counted once" in out.out
    assert "did not give consent" in out.err
    rows = list(csv.DictReader(io.StringIO((tmp_path / "needs.csv").read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == NEEDS_CSV_COLUMNS
    assert [row["rank"] for row in rows] == [str(rank) for rank in range(1, 14)]
    aggregate = (tmp_path / "kebutuhan/kebutuhan-pelatihan.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(aggregate)
    assert data["respondents"] == 43 and len(data["competencies"]) == 13
    for private in ("Contoh", "Desa", "Sukamaju", "nama", "uuid", "Peserta"):
        assert private not in aggregate


def test_analyze_writes_nothing_when_a_file_cannot_be_used(tmp_path: Path, capsys):
    empty = tmp_path / "kosong.csv"
    empty.write_text("", encoding="utf-8")
    with messages.language("en"):
        code = cli.main(["--config", str(PROJECT / "mkdocs.yml"), "needs", "analyze", str(empty), str(EXAMPLES / "odk-central.csv"), "--output", str(tmp_path / "needs.csv"), "--report-dir", str(tmp_path / "k")])
    err = capsys.readouterr().err
    assert code == 1 and "the file is empty" in err and "nothing written" in err
    assert not (tmp_path / "needs.csv").exists() and not (tmp_path / "k").exists()


def test_analyze_warns_when_few_answered(tmp_path: Path, capsys):
    with messages.language("en"):
        code = cli.main(["--config", str(PROJECT / "mkdocs.yml"), "needs", "analyze", str(EXAMPLES / "odk-central.csv"), "--output", str(tmp_path / "n.csv"), "--report-dir", str(tmp_path / "k")])
    assert code == 0
    assert "fewer than 10 respondents" in capsys.readouterr().err


def test_the_shipped_samples_are_what_the_script_writes(form, tmp_path: Path):
    samples.write_samples(tmp_path, form)
    for name in ("kobotoolbox.csv", "odk-central.csv", "google-forms.csv", "whatsapp-penilaian-diri.txt", "README.md"):
        assert (tmp_path / name).read_bytes() == (EXAMPLES / name).read_bytes(), name
