"""berdaya export: the files it writes, and what it says when asked wrongly."""

from __future__ import annotations

import zipfile

from generator import cli
from generator.content import messages


def _run(site, *args) -> int:
    return cli.main(["--config", str(site / "mkdocs.yml"), *args])


def test_export_all_writes_one_file_per_bank(site_copy, tmp_path, capsys):
    banks = sorted(path.stem for path in (site_copy / "quizzes").glob("*.yml"))
    for kind, suffix in (("gift", ".gift.txt"), ("moodle-xml", ".moodle.xml"), ("qti", ".qti.zip")):
        out = tmp_path / kind
        with messages.language("en"):
            assert _run(site_copy, "export", kind, "--all", str(out)) == 0
        assert sorted(path.name for path in out.iterdir()) == sorted(bank + suffix for bank in banks)
        assert f"wrote {len(banks)} files to {out}" in capsys.readouterr().out
    assert "imsmanifest.xml" in zipfile.ZipFile(tmp_path / "qti" / f"{banks[0]}.qti.zip").namelist()


def test_export_one_bank_and_old_moodle(site_copy, tmp_path):
    bank = sorted(path.stem for path in (site_copy / "quizzes").glob("*.yml"))[0]
    out = tmp_path / "out"
    assert _run(site_copy, "export", "moodle-xml", bank, str(out), "--moodle", "3.11") == 0
    assert [path.name for path in out.iterdir()] == [f"{bank}.moodle.xml"]
    assert 'type="ordering"' not in (out / f"{bank}.moodle.xml").read_text(encoding="utf-8")


def test_export_refuses_unknown_bank_and_bad_version(site_copy, tmp_path, capsys):
    with messages.language("en"):
        assert _run(site_copy, "export", "gift", "tidak-ada", str(tmp_path / "a")) == 1
        assert "there is no quiz bank 'tidak-ada'" in capsys.readouterr().err
        assert _run(site_copy, "export", "gift", "--all", str(tmp_path / "b"), "--moodle", "baru") == 2
        assert "cannot read the Moodle version 'baru'" in capsys.readouterr().err
        assert _run(site_copy, "export", "gift", str(tmp_path / "c")) == 2
    assert not any((tmp_path / name).exists() for name in "abc")


def test_export_writes_nothing_when_content_is_broken(site_copy, tmp_path):
    bank = next((site_copy / "quizzes").glob("*.yml"))
    bank.write_text(bank.read_text(encoding="utf-8").replace("type: single", "type: tunggal", 1), encoding="utf-8")
    assert _run(site_copy, "export", "gift", "--all", str(tmp_path / "out")) == 1
    assert not (tmp_path / "out").exists()


def test_export_writes_one_file_per_training_with_its_modules_banks(site_copy, tmp_path):
    assert _run(site_copy, "new", "training", "pelatihan-uji") == 0
    out = tmp_path / "out"
    assert _run(site_copy, "export", "moodle-xml", "--all", str(out)) == 0
    text = (out / "pelatihan-uji.training.moodle.xml").read_text(encoding="utf-8")
    assert "$course$/top/Berdaya/" in text and text.count('<question type="category">') >= 1
    assert _run(site_copy, "export", "gift", "pelatihan-uji", str(tmp_path / "one")) == 0
    assert [path.name for path in (tmp_path / "one").iterdir()] == ["pelatihan-uji.training.gift.txt"]
