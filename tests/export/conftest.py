"""Fixtures for the export tests: the shipped banks, a hostile bank, gift-pegjs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.content.catalog import load_catalog
from generator.content.model import QuizBank
from generator.settings import read_settings

PROJECT = Path(__file__).resolve().parents[2]

# Every character GIFT, XML and HTML treat specially, in one string.
HOSTILE = 'a {b} ::c:: #d ~e =f \\g \\\\h </b> <script>alert(1)</script> "q" \'s\' -> & *em* `c{o}de`'


def _hostile(n: int) -> str:
    return f"{HOSTILE} [{n}]"


def hostile_bank() -> QuizBank:
    counter = iter(range(1000))
    h = lambda: _hostile(next(counter))  # noqa: E731
    common = lambda qid: {"id": qid, "prompt": h(), "explanation": h(), "objective": "tujuan-satu", "section": "bagian-satu"}  # noqa: E731
    return QuizBank.model_validate({
        "id": "bank-jahil", "module": "modul-jahil", "title": "Judul / " + h(), "description": h(),
        "questions": [
            {**common("q01"), "type": "single", "choices": [{"text": h(), "correct": True, "feedback": h()}, {"text": h(), "feedback": h()}, {"text": h()}]},
            {**common("q02"), "type": "multiple", "choices": [{"text": h(), "correct": True, "feedback": h()}, {"text": h(), "correct": True}, {"text": h(), "feedback": h()}]},
            {**common("q03"), "type": "multiple", "choices": [{"text": h(), "correct": True, "feedback": h()}, {"text": h(), "correct": True, "feedback": h()}]},
            {**common("q04"), "type": "true_false", "answer": True, "feedback_true": h(), "feedback_false": h()},
            {**common("q05"), "type": "true_false", "answer": False, "feedback_true": h(), "feedback_false": h()},
            {**common("q06"), "type": "true_false", "answer": False, "feedback_false": h()},
            {**common("q07"), "type": "ordering", "items": [h(), h(), h()]},
            {**common("q08"), "type": "matching", "pairs": [{"left": h(), "right": h()} for _ in range(3)]},
            {**common("9-digit-first"), "type": "single", "choices": [{"text": "ya", "correct": True}, {"text": "tidak"}]},
        ],
    })


@pytest.fixture(scope="session")
def shipped_banks() -> list[QuizBank]:
    return load_catalog(read_settings(PROJECT / "mkdocs.yml").sources).quiz_items


@pytest.fixture(scope="session")
def hostile() -> QuizBank:
    return hostile_bank()


@pytest.fixture(scope="session")
def node() -> str:
    """gift-pegjs comes from npm (package.json, `npm ci`); under CI=true it must be there."""
    if shutil.which("node") and (PROJECT / "node_modules" / "gift-pegjs").is_dir():
        return "node"
    message = "node or node_modules/gift-pegjs is missing: run `npm ci` at the repository root"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (CI=true: the GIFT parser tests may not be skipped)", pytrace=False)
    pytest.skip(message + "; GIFT parser tests SKIPPED")
