"""The cache of parsed files (content/cache.py): reuse by content, never a stale or wrong result."""

from pathlib import Path

import pytest

from generator.content.cache import ParseCache
from generator.content.catalog import Sources, load_catalog
from generator.content.errors import ContentErrors
from generator.content.model import Module


def sources(site: Path) -> Sources:
    return Sources(site, site / "docs/modules", site / "quizzes")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_unchanged_file_is_reused(site_copy):
    cache = ParseCache()
    first = load_catalog(sources(site_copy), cache)
    again = load_catalog(sources(site_copy), cache)
    assert cache.misses == 3 and cache.hits == 3  # two modules and a quiz bank, parsed once
    assert again.modules[0] is first.modules[0] and again.quizzes[0] is first.quizzes[0]


def test_the_same_bytes_written_again_are_still_reused(site_copy):
    cache = ParseCache()
    load_catalog(sources(site_copy), cache)
    path = site_copy / "docs/modules/dasar.yml"
    path.write_bytes(path.read_bytes())  # a save without changes: new mtime, same content
    load_catalog(sources(site_copy), cache)
    assert cache.misses == 3


def test_an_edit_invalidates_only_that_file(site_copy):
    cache = ParseCache()
    first = load_catalog(sources(site_copy), cache)
    old_title = first.module("lanjutan").title
    edit(site_copy / "docs/modules/lanjutan.yml", f"title: {old_title}", "title: Judul baru")
    again = load_catalog(sources(site_copy), cache)
    assert again.module("lanjutan").title == "Judul baru"
    assert again.module("dasar") is first.module("dasar")
    assert cache.misses == 4 and len(cache) == 3  # the edit replaced its entry


def test_a_broken_file_is_not_kept_and_its_fix_is_seen(site_copy):
    cache = ParseCache()
    load_catalog(sources(site_copy), cache)
    path = site_copy / "docs/modules/lanjutan.yml"
    good = path.read_text(encoding="utf-8")
    edit(path, "prerequisites: [dasar]", "prerequisites: [dasar")
    for _ in range(2):  # reported every time, not once and then silently reused
        with pytest.raises(ContentErrors) as caught:
            load_catalog(sources(site_copy), cache)
        assert [error.file for error in caught.value.errors] == ["docs/modules/lanjutan.yml"]
    assert len(cache) == 2
    path.write_text(good, encoding="utf-8")  # back to the very bytes that loaded before
    assert load_catalog(sources(site_copy), cache).module("lanjutan").prerequisites == ["dasar"]


def test_cross_file_checks_run_even_when_every_file_is_reused(site_copy):
    cache = ParseCache()
    load_catalog(sources(site_copy), cache)
    (site_copy / "docs/modules/dasar.yml").rename(site_copy / "dasar.yml.away")
    with pytest.raises(ContentErrors) as caught:  # lanjutan (unchanged, from the cache) needs dasar
        load_catalog(sources(site_copy), cache)
    assert any("dasar" in str(error) for error in caught.value.errors)
    cache.forget_missing()
    assert len(cache) == 2


def test_a_file_read_with_another_model_is_not_mixed_up(site_copy):
    cache = ParseCache()
    path = site_copy / "docs/modules/dasar.yml"
    entry, problems = cache.load(path, "docs/modules/dasar.yml", Module)
    assert entry is not None and problems == []
    from generator.content.model import QuizBank

    entry, problems = cache.load(path, "docs/modules/dasar.yml", QuizBank)
    assert entry is None and problems
    assert cache.hits == 0


def test_an_unreadable_file_gives_the_loader_message(tmp_path):
    entry, problems = ParseCache().load(tmp_path / "missing.yml", "missing.yml", Module)
    assert entry is None and len(problems) == 1 and problems[0].file == "missing.yml"
