"""The needs survey as an XLSForm, checked by the real converter (pyxform)."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from pyxform.xls2xform import convert

from generator import cli
from generator.content import messages
from generator.content.catalog import Sources, load_catalog
from generator.needs.form import Scale, build_form, parse_scale, xml_name
from generator.needs.xlsform import write_xlsform

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def competencies():
    return load_catalog(Sources(PROJECT, PROJECT / "docs/modules", PROJECT / "quizzes")).competency_items


@pytest.fixture(scope="module")
def xlsform(competencies, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("survey") / "kebutuhan.xlsx"
    write_xlsform(path, build_form(competencies), "2027030801")
    return path


def test_pyxform_converts_it_without_warnings(xlsform: Path, competencies):
    warnings: list[str] = []
    result = convert(str(xlsform), warnings=warnings, validate=False)
    assert warnings == []
    xform = result.xform
    for competency in competencies:
        for kind in ("importance", "ability"):
            assert f"<{xml_name(competency.id, kind)}/>" in xform or f"<{xml_name(competency.id, kind)} />" in xform
    assert 'lang="Indonesian (id)" default="true()"' in xform
    assert 'lang="English (en)"' in xform
    assert "<persetujuan/>" in xform and "<peran/>" in xform and "<desa_organisasi/>" in xform and "<nama/>" in xform


def test_the_workbook_has_the_three_sheets_and_both_languages(xlsform: Path):
    workbook = openpyxl.load_workbook(xlsform, read_only=True)
    assert workbook.sheetnames == ["survey", "choices", "settings"]
    header = next(workbook["survey"].iter_rows(values_only=True))
    assert "label::Indonesian (id)" in header and "label::English (en)" in header
    settings = list(workbook["settings"].iter_rows(values_only=True))
    assert settings[1][:3] == ("Survei Kebutuhan Pelatihan", "kebutuhan_pelatihan", "2027030801")


def test_the_default_scale_is_one_to_five_and_seven_can_be_chosen(competencies, tmp_path: Path):
    path = tmp_path / "tujuh.xlsx"
    write_xlsform(path, build_form(competencies, Scale(1, 7)), "1")
    rows = list(openpyxl.load_workbook(path, read_only=True)["choices"].iter_rows(values_only=True))
    importance = [row for row in rows if row[0] == "skala_penting_1_7"]
    assert [row[1] for row in importance] == ["1", "2", "3", "4", "5", "6", "7"]
    assert importance[0][2] == "1 (tidak penting)" and importance[-1][3] == "7 (very important)"
    assert convert(str(path), validate=False).xform
    assert build_form(competencies).scale == Scale(1, 5)


def test_names_are_valid_xml_names_and_unique(competencies):
    names = [rating.name for rating in build_form(competencies).ratings]
    assert len(set(names)) == len(names) == 2 * len(competencies)
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", name) for name in names)


@pytest.mark.parametrize("text, scale", [("1-5", Scale(1, 5)), ("1–7", Scale(1, 7)), ("7", Scale(1, 7)), (" 0 - 10 ", Scale(0, 10))])
def test_scales_as_written(text, scale):
    assert parse_scale(text) == scale


@pytest.mark.parametrize("text", ["5-1", "1-1", "lima", "1-11", ""])
def test_impossible_scales_are_refused(text):
    with pytest.raises(ValueError):
        parse_scale(text)


def test_the_command_writes_the_form(tmp_path: Path, capsys):
    output = tmp_path / "out" / "survei.xlsx"
    with messages.language("en"):
        code = cli.main(["--config", str(PROJECT / "mkdocs.yml"), "needs", "survey", "--scale", "1-7", "--output", str(output)])
    assert code == 0
    assert "an XLSForm with 13 competencies, scale 1-7" in capsys.readouterr().out
    assert convert(str(output), validate=False).xform


def test_the_command_says_when_there_is_no_framework(site_copy: Path, capsys):
    with messages.language("en"):
        code = cli.main(["--config", str(site_copy / "mkdocs.yml"), "needs", "survey", "--output", str(site_copy / "s.xlsx")])
    assert code == 1
    assert "curricula/competencies.yml, but that file is missing" in capsys.readouterr().err
    assert not (site_copy / "s.xlsx").exists()
