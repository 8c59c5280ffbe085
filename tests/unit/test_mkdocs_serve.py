"""The search index of `mkdocs serve` rebuilds: made after the pages, given up for a newer build,
and the previous one answering meanwhile."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest

from generator.mkdocs_serve import BackgroundSearchIndex
from generator.search.pagefind_index import IndexCancelled, index_site

LOG = logging.getLogger("test")


def test_a_cancelled_index_writes_nothing_and_keeps_the_old_one(tmp_path):
    site = tmp_path / "site"
    (site / "pagefind").mkdir(parents=True)
    (site / "pagefind" / "old.txt").write_text("old")
    (site / "index.html").write_text("<html><body><article class='md-content__inner'><p>kata</p></article></body></html>")
    cancelled = threading.Event()
    cancelled.set()
    with pytest.raises(IndexCancelled):
        index_site(site, "id", cancelled)
    assert [p.name for p in (site / "pagefind").iterdir()] == ["old.txt"]


class SlowIndex:
    """Stands in for Pagefind: writes pagefind/new.txt unless cancelled first."""

    def __init__(self):
        self.started = threading.Event()
        self.calls = []

    def __call__(self, site_dir: Path, cancelled: threading.Event):
        self.calls.append(site_dir)
        self.started.set()
        if cancelled.wait(timeout=10):
            raise IndexCancelled(str(site_dir))
        (site_dir / "pagefind").mkdir(exist_ok=True)
        (site_dir / "pagefind" / "new.txt").write_text("new")


def test_the_next_build_cancels_the_running_index_and_the_old_index_answers_meanwhile(tmp_path):
    site = tmp_path / "site"
    (site / "pagefind").mkdir(parents=True)
    (site / "pagefind" / "old.txt").write_text("old")
    index = SlowIndex()
    background = BackgroundSearchIndex(index, LOG)

    background.after_build(site, "pagefind")  # first build done: indexing runs behind
    assert index.started.wait(timeout=10)
    background.before_build(site, "pagefind")  # a save: the running index is given up
    assert not (site / "pagefind").exists()  # set aside while MkDocs cleans the folder
    background.after_build(site, "pagefind")
    assert (site / "pagefind" / "old.txt").read_text() == "old"  # back before the new index is made
    background._cancelled.set()  # (SlowIndex only finishes when told to stop)
    background.wait()
    assert len(index.calls) == 2
    assert not list(tmp_path.glob(".berdaya-search-*"))  # nothing left beside the site


def test_an_index_that_finishes_replaces_nothing_but_its_own_folder(tmp_path):
    site = tmp_path / "site"
    site.mkdir()

    def quick(site_dir: Path, cancelled: threading.Event):
        (site_dir / "pagefind").mkdir()
        (site_dir / "pagefind" / "new.txt").write_text("new")

    background = BackgroundSearchIndex(quick, LOG)
    background.after_build(site, "pagefind")
    background.wait()
    assert (site / "pagefind" / "new.txt").read_text() == "new"
