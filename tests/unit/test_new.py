"""berdaya new: the commented starter and a copy of an existing module."""

from __future__ import annotations

import re

from generator import cli
from generator.content.catalog import Sources, load_catalog


def _sources(site):
    return Sources(site, site / "docs/modules", site / "quizzes")


def test_the_starters_comments_line_up_whatever_the_id(site_copy, monkeypatch):
    monkeypatch.chdir(site_copy)
    assert cli.main(["new", "pengorganisasian-masyarakat-desa-pesisir"]) == 0
    for path in ("docs/modules/pengorganisasian-masyarakat-desa-pesisir.yml", "quizzes/pengorganisasian-masyarakat-desa-pesisir.yml"):
        text = (site_copy / path).read_text(encoding="utf-8")
        columns = {line.index(" #") + 1 for line in text.splitlines() if re.match(r"^\s*[a-z_-].*\S\s+#", line) and len(line.split(" #")[0]) < 34}
        assert columns == {34}, (path, columns)
    load_catalog(_sources(site_copy))  # and they validate


def test_new_from_copies_a_module_and_its_quiz_bank_keeping_every_comment(site_copy, monkeypatch, capsys):
    monkeypatch.chdir(site_copy)
    source = site_copy / "docs/modules/dasar.yml"
    source.write_text("# catatan pelatih: jangan dihapus\n" + source.read_text(encoding="utf-8").replace("level: dasar", "level: dasar   # tingkat", 1), encoding="utf-8")
    assert cli.main(["new", "dasar-pesisir", "--from", "dasar"]) == 0
    assert "created docs/modules/dasar-pesisir.yml (a copy of dasar)" in capsys.readouterr().out
    original, copy = source.read_text(encoding="utf-8"), (site_copy / "docs/modules/dasar-pesisir.yml").read_text(encoding="utf-8")
    assert copy == original.replace("\nid: dasar\n", "\nid: dasar-pesisir\n", 1)
    quiz = (site_copy / "quizzes/dasar-pesisir.yml").read_text(encoding="utf-8")
    assert quiz == (site_copy / "quizzes/dasar.yml").read_text(encoding="utf-8").replace("id: dasar\nmodule: dasar\n", "id: dasar-pesisir\nmodule: dasar-pesisir\n", 1)
    catalog = load_catalog(_sources(site_copy))
    assert [quiz.id for quiz in catalog.quizzes_for("dasar-pesisir")] == ["dasar-pesisir"]


def test_new_from_names_a_missing_module_and_writes_nothing(site_copy, monkeypatch, capsys):
    monkeypatch.chdir(site_copy)
    assert cli.main(["new", "baru", "--from", "dasr"]) == 1
    assert "there is no module 'dasr'; did you mean 'dasar'?" in capsys.readouterr().err
    assert not (site_copy / "docs/modules/baru.yml").exists()
    assert cli.main(["new", "lanjutan", "--from", "dasar"]) == 1  # never overwrites
    assert "already exists" in capsys.readouterr().err
