"""A quiz bank as the JSON the browser widget reads.

The questions themselves are HTML rendered at build time by
templates/quiz_widget.html.j2 (readable and printable before any script
runs); the JSON carries only what the widget adds: storage key, strings and
the answer key. Ordering items and matching answers are shuffled with a seed
taken from the ids, so every build of the same content produces the same page.
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
from .text import slugify

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
    """What the widget needs beside the page's markup: storage, strings and the answer key.

    All trainer text is in the markup (templates/quiz_widget.html.j2); this
    holds only ids, revisions and indexes that refer to it.
    """
    return {
        "id": quiz.id,
        "passPercent": quiz.pass_percent,
        "storageKey": storage_key(context.site_slug, quiz.id),
        "strings": context.strings,
        "questions": [_answer_key(quiz, question) for question in quiz.questions],
    }


@dataclass(frozen=True)
class QuestionView:
    """One question as the quiz template shows it: trainer text still raw (the template filters it)."""

    question: Any
    name: str  # radio group name and id prefix, unique on the page
    review_href: str
    review_label: str
    items: list[str]  # ordering: the items in display order
    right: list[str]  # matching: the right-hand sides in display order
    key: str = ""  # the id the widget keys this question by, when not the question's own (training tests: quiz/question)


def question_views(quiz: QuizBank, context: QuizContext) -> list[QuestionView]:
    return [_view(quiz, question, context) for question in quiz.questions]


def json_for_script(payload: dict[str, Any]) -> str:
    """JSON that is safe inside a <template> (or <script>) element.

    Escaping <, > and & means no text can close the element, open a tag or a
    comment, or form a character reference, whatever the trainer typed. A
    <template> rather than <script type="application/json"> because Material's
    instant navigation re-creates inline scripts without their type.
    """
    text = json.dumps(payload, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _view(quiz: QuizBank, question, context: QuizContext) -> QuestionView:
    section = next(s for s in context.module.sections if s.id == question.section)
    display = _display_order(quiz, question)
    return QuestionView(
        question=question,
        name=f"bq-{quiz.id}-{question.id}",
        review_href=urls.url_link(urls.quiz_page(quiz.id), urls.module_page(context.module.id), context.use_directory_urls, section.id),
        review_label=section.title,
        items=[question.items[i] for i in display] if isinstance(question, OrderingQuestion) else [],
        right=[question.pairs[i].right for i in display] if isinstance(question, MatchingQuestion) else [],
    )


def _answer_key(quiz: QuizBank, question) -> dict[str, Any]:
    common = {"id": question.id, "type": question.type, "rev": question_rev(question)}
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        return common | {"correct": [i for i, choice in enumerate(question.choices) if choice.correct]}
    if isinstance(question, TrueFalseQuestion):
        return common | {"answer": question.answer}
    if isinstance(question, (OrderingQuestion, MatchingQuestion)):
        # answer[k] = the display position of the k-th item (or right side) of the key.
        display = _display_order(quiz, question)
        return common | {"answer": [display.index(i) for i in range(len(display))]}
    raise TypeError(f"unknown question type {type(question).__name__}")


def _display_order(quiz: QuizBank, question) -> list[int]:
    """Ordering items and matching answers are shown shuffled, the same way in every build."""
    if isinstance(question, OrderingQuestion):
        count = len(question.items)
    elif isinstance(question, MatchingQuestion):
        count = len(question.pairs)
    else:
        return []
    return _shuffled(count, random.Random(f"{quiz.id}/{question.id}"))


def _shuffled(count: int, rng: random.Random) -> list[int]:
    """A permutation of range(count) that is never the identity: it would give the answer away."""
    order = list(range(count))
    if count < 2:
        return order
    while order == sorted(order):
        rng.shuffle(order)
    return order
