"""Quiz banks as Moodle GIFT text (one file per bank or per training).

Text is written as ``[html]`` (see text.py for why not ``[markdown]``) with
every GIFT control character escaped by a backslash, as Moodle's own GIFT
export does: ``\\ ~ = # { } :`` and newlines as ``\\n``.

Ordering questions use qtype_ordering's GIFT syntax, ``{>N ALL VERTICAL
ABSOLUTE_POSITION SHOW`` followed by one item per line, when the target
Moodle has that type (moodle.py). Its reader takes the item lines as they are
(no unescaping) and finds the answer block with the first ``{`` of the raw
text, so in those questions braces and ``#`` are written as HTML character
references instead, and the explanation is left out: the syntax has no place
for general feedback (Moodle XML carries it).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.messages import message
from ..content.model import (
    MatchingQuestion,
    MultipleQuestion,
    OrderingQuestion,
    QuizBank,
    SingleQuestion,
    TrueFalseQuestion,
)
from .moodle import MoodleTarget, category_path, multiple_shares, percent
from .text import as_html, as_label

_SPECIAL = "\\~=#{}:"
_REFERENCES = str.maketrans({"{": "&#123;", "}": "&#125;", "#": "&#35;"})


@dataclass(frozen=True)
class GiftFile:
    text: str
    warnings: list[str]


def escape(text: str) -> str:
    """GIFT's backslash escapes for every control character; newlines as \\n."""
    escaped = "".join("\\" + char if char in _SPECIAL else char for char in text)
    return escaped.replace("\r\n", "\n").replace("\n", "\\n")


def _raw_safe(html_text: str) -> str:
    """For text qtype_ordering reads raw: no braces or '#', on one line."""
    return " ".join(html_text.translate(_REFERENCES).split())


def banks_to_gift(banks: list[QuizBank], target: MoodleTarget, category: tuple[str, ...] = ("Berdaya",)) -> GiftFile:
    """One GIFT file holding ``banks``, each in its own category under ``category``."""
    blocks: list[str] = []
    warnings: list[str] = []
    for bank in banks:
        blocks.append(f"// {message('export_gift_bank_comment', id=bank.id, module=bank.module)}")
        blocks.append("$CATEGORY: " + category_path(*category, bank.title))
        for question in bank.questions:
            blocks.append(_question(bank, question, target, warnings))
    return GiftFile("\n\n".join(blocks) + "\n", warnings)


def _head(bank: QuizBank, question, prompt: str) -> str:
    # [id:...] sets the question's ID number; [tag:...] lets a Moodle quiz draw
    # random questions by objective (Moodle 3.6+ reads both from this comment).
    comment = f"// [id:{bank.id}.{question.id}] [tag:{question.objective}] [tag:{question.section}]"
    return f"{comment}\n::{escape(question.id)}::[html]{prompt}"


def _question(bank: QuizBank, question, target: MoodleTarget, warnings: list[str]) -> str:
    if isinstance(question, OrderingQuestion) and target.native_ordering:
        return _native_ordering(bank, question)
    head = _head(bank, question, escape(as_html(question.prompt)))
    body = _answers(bank, question, warnings)
    explanation = escape(as_html(question.explanation))
    return f"{head} {{\n{body}\n####{explanation}\n}}"


def _answers(bank: QuizBank, question, warnings: list[str]) -> str:
    if isinstance(question, SingleQuestion):
        return "\n".join(_choice("=" if choice.correct else "~", choice.text, choice.feedback) for choice in question.choices)
    if isinstance(question, MultipleQuestion):
        shares = multiple_shares([choice.correct for choice in question.choices])
        # '~%share%' for every choice, never '=': Moodle makes a question with
        # no '=' a multiple-answer one, and one with only '=' a short answer.
        return "\n".join(_choice(f"~%{percent(share)}%", choice.text, choice.feedback) for choice, share in zip(question.choices, shares))
    if isinstance(question, TrueFalseQuestion):
        return _true_false(question)
    if isinstance(question, MatchingQuestion):
        _warn_if_too_few(bank, question, len(question.pairs), warnings)
        return "\n".join(_pair(pair.left, pair.right) for pair in question.pairs)
    if isinstance(question, OrderingQuestion):
        _warn_if_too_few(bank, question, len(question.items), warnings)
        return "\n".join(_pair(item, str(position)) for position, item in enumerate(question.items, start=1))
    raise TypeError(f"unknown question type {type(question).__name__}")


def _choice(mark: str, text: str, feedback: str) -> str:
    line = f"{mark}{escape(as_html(text))}"
    return f"{line}#{escape(as_html(feedback))}" if feedback else line


def _true_false(question: TrueFalseQuestion) -> str:
    # Moodle reads {TRUE#a#b}: a is shown to a wrong answer, b to a right one.
    if question.answer:
        keyword, wrong, right = "TRUE", question.feedback_false, question.feedback_true
    else:
        keyword, wrong, right = "FALSE", question.feedback_true, question.feedback_false
    if not wrong and not right:
        return keyword
    return f"{keyword}#{escape(as_html(wrong)) if wrong else ''}#{escape(as_html(right)) if right else ''}"


def _pair(left: str, right: str) -> str:
    # Moodle splits a pair at its first '->': keep it out of the left side.
    left_html = escape(as_html(left)).replace("->", "-&gt;")
    return f"={left_html} -> {escape(as_label(right))}"


def _native_ordering(bank: QuizBank, question: OrderingQuestion) -> str:
    prompt = _raw_safe(escape(as_html(question.prompt)).replace("\\{", "{").replace("\\}", "}").replace("\\#", "#"))
    head = _head(bank, question, prompt)
    items = "\n".join(_raw_safe(as_html(item)) for item in question.items)
    count = len(question.items)
    return f"{head} {{>{count} ALL VERTICAL ABSOLUTE_POSITION SHOW\n{items}\n}}"


def _warn_if_too_few(bank: QuizBank, question, count: int, warnings: list[str]) -> None:
    # Moodle's matching type needs at least three answers to choose from.
    if count < 3:
        warnings.append(message("export_matching_too_few", bank=bank.id, question=question.id, count=count))
