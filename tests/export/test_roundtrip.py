"""Every bank, shipped or hostile, read back by an independent reader with nothing lost.

GIFT is read by gift-pegjs (npm) and, for qtype_ordering's own syntax which
gift-pegjs does not know, by the pattern Moodle's ordering question type
uses; Moodle XML and QTI by ElementTree, following the formats' structure.
"""

from __future__ import annotations

import pytest

from generator.export.gift import banks_to_gift
from generator.export.moodle import MoodleTarget
from generator.export.moodle_xml import banks_to_moodle_xml
from generator.export.qti import banks_to_qti_package

from .readers import expected, from_gift_pegjs, from_moodle_xml, from_qti, parse_gift_files, read_native_ordering, split_gift_blocks

OLD_MOODLE = MoodleTarget(version=(4, 1))
NEW_MOODLE = MoodleTarget(version=(4, 5))


def _all_banks(shipped_banks, hostile):
    return [*shipped_banks, hostile]


@pytest.fixture(scope="session")
def gift_as_matching(tmp_path_factory, shipped_banks, hostile, node):
    """Every bank written for Moodle 4.1 (ordering as matching), parsed by gift-pegjs in one run."""
    folder = tmp_path_factory.mktemp("gift")
    paths = {}
    for bank in _all_banks(shipped_banks, hostile):
        paths[bank.id] = folder / f"{bank.id}.gift.txt"
        paths[bank.id].write_text(banks_to_gift([bank], OLD_MOODLE).text, encoding="utf-8")
    parsed = parse_gift_files(list(paths.values()))
    return {bank_id: parsed[str(path)] for bank_id, path in paths.items()}


def test_gift_for_old_moodle_round_trips_through_gift_pegjs(gift_as_matching, shipped_banks, hostile):
    for bank in _all_banks(shipped_banks, hostile):
        parsed = gift_as_matching[bank.id]
        assert isinstance(parsed, list), f"{bank.id}: gift-pegjs refused the file: {parsed}"
        assert parsed[0] == {"type": "Category", "title": "$course$/top/Berdaya/" + " ".join(bank.title.split()).replace("/", "//")}
        assert from_gift_pegjs(parsed) == expected(bank, native_ordering=False)
        ids = [q["id"] for q in parsed if q["type"] != "Category"]
        assert ids == [f"{bank.id}.{question.id}" for question in bank.questions]


def test_gift_for_new_moodle_uses_the_ordering_type(tmp_path, shipped_banks, hostile, node):
    for bank in _all_banks(shipped_banks, hostile):
        text = banks_to_gift([bank], NEW_MOODLE).text
        blocks = split_gift_blocks(text)
        ordering = [block for block in blocks if "{>" in block]
        others = [block for block in blocks if "{>" not in block]
        (tmp_path / "rest.gift.txt").write_text("\n\n".join(others) + "\n", encoding="utf-8")
        parsed = parse_gift_files([tmp_path / "rest.gift.txt"])[str(tmp_path / "rest.gift.txt")]
        assert isinstance(parsed, list), parsed
        read = {q["id"]: q for q in from_gift_pegjs(parsed)} | {q["id"]: q for q in map(read_native_ordering, ordering)}
        for want in expected(bank, native_ordering=True):
            got = read[want["id"]]
            if want["kind"] == "order":
                want = {**want, "explanation": None}  # the syntax has no general feedback
            assert got == want


@pytest.mark.parametrize("target", [OLD_MOODLE, NEW_MOODLE], ids=["moodle-4.1", "moodle-4.5"])
def test_moodle_xml_round_trips(target, shipped_banks, hostile):
    for bank in _all_banks(shipped_banks, hostile):
        assert from_moodle_xml(banks_to_moodle_xml([bank], target)) == expected(bank, native_ordering=target.native_ordering)


def test_qti_package_round_trips(shipped_banks, hostile):
    for bank in _all_banks(shipped_banks, hostile):
        assert from_qti(banks_to_qti_package([bank], "id")) == expected(bank, native_ordering=True, plain=True)


def test_qti_package_of_several_banks_keeps_identifiers_apart(shipped_banks):
    read = from_qti(banks_to_qti_package(shipped_banks[:2], "en"))
    assert len(read) == sum(len(bank.questions) for bank in shipped_banks[:2])


def test_hostile_markup_stays_text_in_every_format(hostile):
    """A <script> typed by a trainer reaches the LMS as escaped text, never as a tag."""
    for read in (
        from_moodle_xml(banks_to_moodle_xml([hostile], NEW_MOODLE)),
        [read_native_ordering(b) for b in split_gift_blocks(banks_to_gift([hostile], NEW_MOODLE).text) if "{>" in b],
    ):
        for question in read:
            texts = [question["prompt"], question["explanation"] or "", repr(question["answers"])]
            assert not any("<script" in text or "</b>" in text for text in texts), question
