"""Quiz banks as Moodle XML (Question bank > Import > Moodle XML format).

The same content and the same choices as gift.py (HTML text, partial credit
for multiple answers, categories, ID numbers and tags); ordering questions are
qtype_ordering's own ``<question type="ordering">`` where the target Moodle
has it, else matching questions. XML carries every text as it is, so nothing
needs GIFT's escapes, and the explanation of an ordering question survives.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

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


def banks_to_moodle_xml(banks: list[QuizBank], target: MoodleTarget, category: tuple[str, ...] = ("Berdaya",)) -> str:
    quiz = ET.Element("quiz")
    for bank in banks:
        quiz.append(_category(category_path(*category, bank.title)))
        for question in bank.questions:
            quiz.append(_question(bank, question, target))
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


def _category(path: str) -> ET.Element:
    element = ET.Element("question", type="category")
    _text(ET.SubElement(element, "category"), path)
    return element


def _text(parent: ET.Element, value: str) -> ET.Element:
    ET.SubElement(parent, "text").text = value
    return parent


def _html(parent: ET.Element, tag: str, markdown_text: str) -> ET.Element:
    return _text(ET.SubElement(parent, tag, format="html"), as_html(markdown_text) if markdown_text else "")


def _moodle_type(question, target: MoodleTarget) -> str:
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        return "multichoice"
    if isinstance(question, TrueFalseQuestion):
        return "truefalse"
    if isinstance(question, OrderingQuestion) and target.native_ordering:
        return "ordering"
    return "matching"


def _question(bank: QuizBank, question, target: MoodleTarget) -> ET.Element:
    kind = _moodle_type(question, target)
    element = ET.Element("question", type=kind)
    _text(ET.SubElement(element, "name"), question.id)
    _html(element, "questiontext", question.prompt)
    _html(element, "generalfeedback", question.explanation)
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = f"{bank.id}.{question.id}"
    _BODIES[kind](element, question)
    tags = ET.SubElement(element, "tags")
    for tag in dict.fromkeys((question.objective, question.section)):
        _text(ET.SubElement(tags, "tag"), tag)
    return element


def _combined_feedback(element: ET.Element) -> None:
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _html(element, tag, "")


def _multichoice(element: ET.Element, question) -> None:
    single = isinstance(question, SingleQuestion)
    ET.SubElement(element, "single").text = "true" if single else "false"
    ET.SubElement(element, "shuffleanswers").text = "true"
    ET.SubElement(element, "answernumbering").text = "abc"
    _combined_feedback(element)
    if single:
        grades = ["100" if choice.correct else "0" for choice in question.choices]
    else:
        grades = [percent(share) for share in multiple_shares([choice.correct for choice in question.choices])]
    for choice, grade in zip(question.choices, grades):
        answer = _html(element, "answer", choice.text)
        answer.set("fraction", grade)
        _html(answer, "feedback", choice.feedback)


def _truefalse(element: ET.Element, question: TrueFalseQuestion) -> None:
    for value, feedback in ((True, question.feedback_true), (False, question.feedback_false)):
        answer = ET.SubElement(element, "answer", fraction="100" if value == question.answer else "0", format="moodle_auto_format")
        _text(answer, "true" if value else "false")
        _html(answer, "feedback", feedback)


def _matching(element: ET.Element, question) -> None:
    ET.SubElement(element, "shuffleanswers").text = "true"
    _combined_feedback(element)
    if isinstance(question, OrderingQuestion):
        pairs = [(item, str(position)) for position, item in enumerate(question.items, start=1)]
    else:
        pairs = [(pair.left, pair.right) for pair in question.pairs]
    for left, right in pairs:
        sub = _html(element, "subquestion", left)
        # Moodle shows the answers in a drop-down list: plain text only.
        _text(ET.SubElement(sub, "answer"), as_label(right))


def _ordering(element: ET.Element, question: OrderingQuestion) -> None:
    for tag, value in (
        ("layouttype", "VERTICAL"),
        ("selecttype", "ALL"),
        ("selectcount", str(len(question.items))),
        ("gradingtype", "ABSOLUTE_POSITION"),
        ("showgrading", "SHOW"),
        ("numberingstyle", "none"),
    ):
        ET.SubElement(element, tag).text = value
    _combined_feedback(element)
    ET.SubElement(element, "shownumcorrect")
    for position, item in enumerate(question.items, start=1):
        answer = _html(element, "answer", item)
        answer.set("fraction", str(position))  # qtype_ordering keeps the right order in 'fraction'


_BODIES = {"multichoice": _multichoice, "truefalse": _truefalse, "matching": _matching, "ordering": _ordering}
