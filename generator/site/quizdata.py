"""A quiz bank as the JSON the browser widget reads.

All trainer text is rendered to safe HTML fragments here, once, at build
time, so the widget needs no Markdown parser. Ordering items and matching
answers are shuffled with a seed taken from the ids, so every build of the
same content produces the same page.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from typing import Any

from . import urls
from ..content.model import (
    MatchingQuestion,
    Module,
    MultipleQuestion,
    OrderingQuestion,
    QuizBank,
    SingleQuestion,
    TrueFalseQuestion,
)
from .text import inline_html, slugify

STORAGE_VERSION = 1


@dataclass(frozen=True)
class QuizContext:
    module: Module
    site_slug: str
    use_directory_urls: bool
    strings: dict[str, str]


def storage_key(site_slug: str, quiz_id: str) -> str:
    """The documented localStorage key: berdaya.v<version>.<site>.<quiz>."""
    return f"berdaya.v{STORAGE_VERSION}.{slugify(site_slug)}.{quiz_id}"


def question_rev(question) -> str:
    """Changes whenever the trainer edits the question: stored answers to an older version are dropped."""
    return hashlib.sha256(question.model_dump_json().encode()).hexdigest()[:10]


def progress_lookup(quiz: QuizBank, site_slug: str) -> dict[str, Any]:
    """What a page needs to read a trainee's stored answers to ``quiz``: its key and current revs."""
    return {"key": storage_key(site_slug, quiz.id), "revs": {question.id: question_rev(question) for question in quiz.questions}}


def quiz_payload(quiz: QuizBank, context: QuizContext) -> dict[str, Any]:
    return {
        "id": quiz.id,
        "title": quiz.title,
        "passPercent": quiz.pass_percent,
        "storageKey": storage_key(context.site_slug, quiz.id),
        "strings": context.strings,
        "questions": [_question(quiz, question, context) for question in quiz.questions],
    }


def json_for_script(payload: dict[str, Any]) -> str:
    """JSON that is safe inside a <template> (or <script>) element.

    Escaping <, > and & means no text can close the element, open a tag or a
    comment, or form a character reference, whatever the trainer typed. A
    <template> rather than <script type="application/json"> because Material's
    instant navigation re-creates inline scripts without their type.
    """
    text = json.dumps(payload, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _question(quiz: QuizBank, question, context: QuizContext) -> dict[str, Any]:
    section = next(s for s in context.module.sections if s.id == question.section)
    common = {
        "id": question.id,
        "type": question.type,
        "rev": question_rev(question),
        "prompt": inline_html(question.prompt),
        "explanation": inline_html(question.explanation),
        "review": {
            "href": urls.url_link(urls.quiz_page(quiz.id), urls.module_page(context.module.id), context.use_directory_urls, section.id),
            "label": section.title,
        },
    }
    return common | _answer_fields(question, random.Random(f"{quiz.id}/{question.id}"))


def _answer_fields(question, rng: random.Random) -> dict[str, Any]:
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        return {"choices": [{"html": inline_html(c.text), "correct": c.correct, "feedback": inline_html(c.feedback)} for c in question.choices]}
    if isinstance(question, TrueFalseQuestion):
        return {"answer": question.answer, "feedbackTrue": inline_html(question.feedback_true), "feedbackFalse": inline_html(question.feedback_false)}
    if isinstance(question, OrderingQuestion):
        display = _shuffled(len(question.items), rng)
        return {
            "items": [inline_html(question.items[i]) for i in display],
            "answer": [display.index(i) for i in range(len(question.items))],
        }
    if isinstance(question, MatchingQuestion):
        display = _shuffled(len(question.pairs), rng)
        return {
            "left": [inline_html(pair.left) for pair in question.pairs],
            "right": [inline_html(question.pairs[i].right) for i in display],
            "answer": [display.index(i) for i in range(len(question.pairs))],
        }
    raise TypeError(f"unknown question type {type(question).__name__}")


def _shuffled(count: int, rng: random.Random) -> list[int]:
    """A permutation of range(count) that is never the identity: it would give the answer away."""
    order = list(range(count))
    if count < 2:
        return order
    while order == sorted(order):
        rng.shuffle(order)
    return order
