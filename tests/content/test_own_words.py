"""The curriculum is written in our own words: no module, quiz bank, curriculum
or hand-written page shares a run of twelve consecutive words with the
sources, except inside a marked quotation (“…” or "...", cited where it appears).

The sources live outside the repository; tests/content/source-shingles.txt
holds their fingerprints (see overlap.py). Where the sources are at hand
(BERDAYA_SOURCES, or ../shared/sources beside the checkout), the test also
checks that the fingerprints are current.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.content import overlap

PROJECT = Path(__file__).resolve().parents[2]


def sources_folder() -> Path | None:
    candidates = [os.environ.get("BERDAYA_SOURCES", "")] + [str(p / "shared" / "sources") for p in PROJECT.parents[:3]]
    return next((Path(c) for c in candidates if c and Path(c, "README.md").is_file()), None)


@pytest.fixture(scope="module")
def known() -> set[str]:
    return overlap.read_shingles()


def passages(texts: list[str], known: set[str]) -> list[str]:
    return [p.text for p in overlap.passages_in([("body", t) for t in texts], known, "x.yml")]


SOURCE = ("Pemberdayaan masyarakat mencoba melepaskan diri dari paradigma lama konsep "
          "pembangunan yang bersifat terpusat, seragam, dan diatur dari atas oleh negara.")


def test_shipped_content_does_not_follow_the_sources_word_for_word(known):
    found = overlap.copied_passages(PROJECT, known)
    assert not found, (
        f"{len(found)} passage(s) share {overlap.RUN} or more consecutive words with the sources. "
        "Write them in our own words, or quote them in “…” with the citation:\n" + "\n".join(map(str, found)))


def test_every_content_kind_is_checked():
    checked = {path.relative_to(PROJECT).parts[0] for path in overlap.content_files(PROJECT)}
    assert {"docs", "quizzes"} <= checked
    assert any(path.parent.name == "modules" for path in overlap.content_files(PROJECT))


def test_fingerprints_match_the_sources_when_they_are_at_hand():
    sources = sources_folder()
    if sources is None:
        pytest.skip("sources not beside this checkout; the committed fingerprints are used")
    assert overlap.source_shingles(sources) == overlap.read_shingles(), (
        f"the sources changed: python -m tests.content.overlap --write {sources}")


def test_a_copied_run_is_found_whatever_its_case_punctuation_and_line_breaks():
    known = {h for _, h in overlap.shingles(overlap.words(SOURCE))}
    retyped = ("Seperti ditulis: PEMBERDAYAAN masyarakat mencoba melepaskan diri dari paradigma\n"
               "lama konsep pem-\nbangunan yang bersifat terpusat; seragam...")
    assert passages([retyped], known) == [
        "pemberdayaan masyarakat mencoba melepaskan diri dari paradigma lama konsep pembangunan yang bersifat terpusat seragam"]


def test_a_run_split_over_list_items_is_found():
    known = {h for _, h in overlap.shingles(overlap.words(SOURCE))}
    items = ["Pemberdayaan masyarakat mencoba melepaskan diri", "dari paradigma lama konsep pembangunan", "yang bersifat terpusat."]
    assert len(passages(items, known)) == 1


def test_quotations_and_short_shared_phrases_are_not_copying():
    known = {h for _, h in overlap.shingles(overlap.words(SOURCE))}
    quoted = [f"Kartasasmita menulis “{SOURCE}” (dalam Huraerah, 2011).",
              f'Kartasasmita menulis "{SOURCE}" (dalam Huraerah, 2011).']
    own = ["Kata kuncinya: melepaskan diri dari paradigma lama konsep pembangunan, lalu membangun dari bawah."]
    assert passages(quoted + own, known) == []


def test_a_quotation_does_not_hide_the_copied_words_around_it():
    known = {h for _, h in overlap.shingles(overlap.words(SOURCE))}
    text = "“Benar,” katanya. Pemberdayaan masyarakat mencoba melepaskan diri dari paradigma lama konsep pembangunan yang bersifat."
    assert len(passages([text], known)) == 1
