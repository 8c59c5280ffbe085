"""The shipped example class (examples/results, results/) is what the sample writer makes, and reads back."""

from __future__ import annotations

from pathlib import Path

from generator.project import load_project
from generator.results.collect import codes_in_text
from generator.results.samples import CLASS_SIZE, ONLY_POST, ONLY_PRE, TRAINING, write_samples
from generator.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]
REGENERATE = "run: .venv/bin/python -m generator.results.samples (the training's test questions changed?)"


def test_shipped_example_class_is_reproducible_and_marked_as_example(tmp_path):
    project = load_project(read_settings(ROOT / "mkdocs.yml").sources)
    written = write_samples(tmp_path, project)
    for path in written:
        shipped = ROOT / path.relative_to(tmp_path)
        assert shipped.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), REGENERATE
    summary = project.results[TRAINING]
    assert summary.example is True
    chat = written[0].read_text(encoding="utf-8")
    assert "Contoh 01" in chat and len(codes_in_text(chat, "chat")) == 2 * CLASS_SIZE - len(ONLY_PRE) - len(ONLY_POST)
    counts = summary.participants
    assert (counts.both, counts.only_pre, counts.only_post) == (CLASS_SIZE - 3, len(ONLY_PRE), len(ONLY_POST))
    # No names and no participant numbers in the file the site builds from.
    text = (ROOT / "results" / f"{TRAINING}.yml").read_text(encoding="utf-8")
    assert "Contoh 0" not in text and "participant:" not in text
