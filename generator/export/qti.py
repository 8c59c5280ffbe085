"""Quiz banks as IMS QTI 2.1 content packages (a .zip with imsmanifest.xml).

One package per bank: an assessmentTest with one section, and one
assessmentItem file per question. QTI 2.1 is the version the common LMS
importers read (Canvas, Blackboard Learn, Brightspace); every question type
of Berdaya has a native QTI interaction:

single, true_false   choiceInteraction, maxChoices 1, all or nothing
multiple             choiceInteraction, partial credit by a mapping (as Moodle)
ordering             orderInteraction, all or nothing
matching             matchInteraction of directed pairs, a share per right pair

Per-choice feedback and the explanation are modalFeedback elements shown by
outcome variables set in responseProcessing. Text is the site's safe HTML,
parsed as XHTML into the QTI namespace; anything that is not well-formed or
uses an element QTI does not allow is written as plain text instead.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from fractions import Fraction

from ..content.model import (
    MatchingQuestion,
    MultipleQuestion,
    OrderingQuestion,
    QuizBank,
    SingleQuestion,
    TrueFalseQuestion,
)
from ..site.locale import widget_strings
from .moodle import multiple_shares
from .text import as_html, as_plain

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_SCHEMA = "http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_SCHEMA = "http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ITEM_TYPE = "imsqti_item_xmlv2p1"
TEST_TYPE = "imsqti_test_xmlv2p1"

# The XHTML elements QTI 2.1 content may use (and Markdown produces).
_XHTML = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "dfn", "div", "dl", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "q", "samp", "small",
    "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "var",
}
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the same bytes on every run

ET.register_namespace("xsi", XSI)


def q(tag: str) -> str:
    return f"{{{QTI}}}{tag}"


def identifier(slug: str) -> str:
    """A QTI identifier for a Berdaya id: ids that start with a digit get 'Q-' (ids are lowercase, so no clash)."""
    return slug if slug[:1].isalpha() else f"Q-{slug}"


def banks_to_qti_package(banks: list[QuizBank], language: str = "id") -> bytes:
    files: dict[str, bytes] = {}
    resources: list[tuple[str, str, str, list[str]]] = []  # identifier, type, href, dependencies
    for bank in banks:
        item_refs, item_resources = [], []
        for question in bank.questions:
            href = f"items/{bank.id}/{question.id}.xml"
            # "--" never occurs in an id, so bank--question names are unique across banks.
            item_id = identifier(question.id) if len(banks) == 1 else identifier(f"{bank.id}--{question.id}")
            files[href] = _document(assessment_item(question, item_id, language), QTI)
            item_resources.append(f"RES-{bank.id}--{question.id}")
            resources.append((item_resources[-1], ITEM_TYPE, href, []))
            item_refs.append((item_id, href))
        test_href = f"tests/{bank.id}.xml"
        files[test_href] = _document(_assessment_test(bank, item_refs), QTI)
        resources.append((f"RES-{bank.id}", TEST_TYPE, test_href, item_resources))
    files["imsmanifest.xml"] = _document(_manifest(banks, resources), CP)
    return _zip(files)


_CONTENT = {q(tag) for tag in ("div", "simpleChoice", "simpleAssociableChoice", "modalFeedback")}


def _indent(element: ET.Element, level: int = 0) -> None:
    """Indent the structure for people reading the files, never inside text content."""
    if element.tag in _CONTENT or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level


def _document(element: ET.Element, namespace: str) -> bytes:
    _indent(element)
    # The document's own namespace as the default one (no prefixes); attributes
    # stay unqualified, which ElementTree's default_namespace option refuses.
    ET.register_namespace("", namespace)
    text = ET.tostring(element, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ["imsmanifest.xml", *sorted(set(files) - {"imsmanifest.xml"})]:
            info = zipfile.ZipInfo(name, _FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()


# --- content -----------------------------------------------------------------


def flow(parent: ET.Element, markdown_text: str) -> ET.Element:
    """Append the text's safe HTML to ``parent`` as QTI XHTML (plain text if it cannot be)."""
    html_text = as_html(markdown_text)
    try:
        wrapper = ET.fromstring(f'<div xmlns="{QTI}">{html_text}</div>')
    except ET.ParseError:
        wrapper = None
    if wrapper is None or any(element.tag.split("}")[-1] not in _XHTML for element in wrapper.iter() if element is not wrapper):
        parent.text = (parent.text or "") + as_plain(markdown_text)
        return parent
    parent.text = (parent.text or "") + (wrapper.text or "")
    parent.extend(list(wrapper))
    return parent


# --- items -------------------------------------------------------------------


def assessment_item(question, item_id: str, language: str) -> ET.Element:
    item = ET.Element(q("assessmentItem"), {
        f"{{{XSI}}}schemaLocation": QTI_SCHEMA,
        "identifier": item_id, "title": question.id, "adaptive": "false", "timeDependent": "false",
    })
    builder = _BUILDERS[type(question)]
    response, choices_feedback = builder.declare(item, question)
    _outcomes(item, multiple_feedback=isinstance(question, MultipleQuestion), with_feedback=bool(choices_feedback))
    body = ET.SubElement(item, q("itemBody"))
    flow(ET.SubElement(body, q("div")), question.prompt)
    builder.interaction(body, question, language)
    _response_processing(item, response, with_feedback=bool(choices_feedback))
    for choice_id, feedback in choices_feedback:
        flow(ET.SubElement(item, q("modalFeedback"), outcomeIdentifier="FEEDBACK", identifier=choice_id, showHide="show"), feedback)
    flow(ET.SubElement(item, q("modalFeedback"), outcomeIdentifier="EXPLANATION", identifier="shown", showHide="show"), question.explanation)
    return item


def _outcomes(item: ET.Element, multiple_feedback: bool, with_feedback: bool) -> None:
    for name, value in (("SCORE", "0"), ("MAXSCORE", "1")):
        outcome = ET.SubElement(item, q("outcomeDeclaration"), identifier=name, cardinality="single", baseType="float")
        ET.SubElement(ET.SubElement(outcome, q("defaultValue")), q("value")).text = value
    if with_feedback:
        ET.SubElement(item, q("outcomeDeclaration"), identifier="FEEDBACK", cardinality="multiple" if multiple_feedback else "single", baseType="identifier")
    ET.SubElement(item, q("outcomeDeclaration"), identifier="EXPLANATION", cardinality="single", baseType="identifier")


def _response_declaration(item: ET.Element, cardinality: str, base_type: str, correct: list[str]) -> ET.Element:
    declaration = ET.SubElement(item, q("responseDeclaration"), identifier="RESPONSE", cardinality=cardinality, baseType=base_type)
    correct_response = ET.SubElement(declaration, q("correctResponse"))
    for value in correct:
        ET.SubElement(correct_response, q("value")).text = value
    return declaration


def _mapping(declaration: ET.Element, shares: dict[str, Fraction]) -> None:
    mapping = ET.SubElement(declaration, q("mapping"), lowerBound="0", upperBound="1", defaultValue="0")
    for key, share in shares.items():
        ET.SubElement(mapping, q("mapEntry"), mapKey=key, mappedValue=_decimal(share))


def _decimal(share: Fraction) -> str:
    return f"{float(share):.6f}".rstrip("0").rstrip(".") or "0"


def _set(parent: ET.Element, outcome: str) -> ET.Element:
    return ET.SubElement(parent, q("setOutcomeValue"), identifier=outcome)


def _base(parent: ET.Element, base_type: str, value: str) -> None:
    ET.SubElement(parent, q("baseValue"), baseType=base_type).text = value


def _response_processing(item: ET.Element, scoring: str, with_feedback: bool) -> None:
    processing = ET.SubElement(item, q("responseProcessing"))
    if scoring == "mapped":
        ET.SubElement(_set(processing, "SCORE"), q("mapResponse"), identifier="RESPONSE")
    else:
        condition = ET.SubElement(processing, q("responseCondition"))
        when = ET.SubElement(condition, q("responseIf"))
        match = ET.SubElement(when, q("match"))
        ET.SubElement(match, q("variable"), identifier="RESPONSE")
        ET.SubElement(match, q("correct"), identifier="RESPONSE")
        _base(_set(when, "SCORE"), "float", "1")
        _base(_set(ET.SubElement(condition, q("responseElse")), "SCORE"), "float", "0")
    if with_feedback:
        ET.SubElement(_set(processing, "FEEDBACK"), q("variable"), identifier="RESPONSE")
    _base(_set(processing, "EXPLANATION"), "identifier", "shown")


def _choice_id(index: int) -> str:
    return f"C{index + 1}"


class _Choices:
    @staticmethod
    def declare(item, question):
        correct = [_choice_id(i) for i, choice in enumerate(question.choices) if choice.correct]
        many = isinstance(question, MultipleQuestion)
        declaration = _response_declaration(item, "multiple" if many else "single", "identifier", correct)
        if many:
            shares = multiple_shares([choice.correct for choice in question.choices])
            _mapping(declaration, {_choice_id(i): share for i, share in enumerate(shares)})
        feedback = [(_choice_id(i), choice.feedback) for i, choice in enumerate(question.choices) if choice.feedback]
        return ("mapped" if many else "match"), feedback

    @staticmethod
    def interaction(body, question, language):
        many = isinstance(question, MultipleQuestion)
        interaction = ET.SubElement(body, q("choiceInteraction"), responseIdentifier="RESPONSE", shuffle="true", maxChoices="0" if many else "1")
        for i, choice in enumerate(question.choices):
            flow(ET.SubElement(interaction, q("simpleChoice"), identifier=_choice_id(i)), choice.text)


class _TrueFalse:
    @staticmethod
    def declare(item, question: TrueFalseQuestion):
        _response_declaration(item, "single", "identifier", ["TRUE" if question.answer else "FALSE"])
        feedback = [(key, text) for key, text in (("TRUE", question.feedback_true), ("FALSE", question.feedback_false)) if text]
        return "match", feedback

    @staticmethod
    def interaction(body, question, language):
        strings = widget_strings(language)
        interaction = ET.SubElement(body, q("choiceInteraction"), responseIdentifier="RESPONSE", shuffle="false", maxChoices="1")
        for key, label in (("TRUE", strings["optTrue"]), ("FALSE", strings["optFalse"])):
            ET.SubElement(interaction, q("simpleChoice"), identifier=key).text = label


class _Ordering:
    @staticmethod
    def declare(item, question: OrderingQuestion):
        _response_declaration(item, "ordered", "identifier", [_choice_id(i) for i in range(len(question.items))])
        return "match", []

    @staticmethod
    def interaction(body, question, language):
        interaction = ET.SubElement(body, q("orderInteraction"), responseIdentifier="RESPONSE", shuffle="true")
        for i, text in enumerate(question.items):
            flow(ET.SubElement(interaction, q("simpleChoice"), identifier=_choice_id(i)), text)


class _Matching:
    @staticmethod
    def declare(item, question: MatchingQuestion):
        pairs = [f"L{i + 1} R{i + 1}" for i in range(len(question.pairs))]
        declaration = _response_declaration(item, "multiple", "directedPair", pairs)
        _mapping(declaration, {pair: Fraction(1, len(pairs)) for pair in pairs})
        return "mapped", []

    @staticmethod
    def interaction(body, question, language):
        count = str(len(question.pairs))
        interaction = ET.SubElement(body, q("matchInteraction"), responseIdentifier="RESPONSE", shuffle="true", maxAssociations=count)
        for prefix, side in (("L", "left"), ("R", "right")):
            match_set = ET.SubElement(interaction, q("simpleMatchSet"))
            for i, pair in enumerate(question.pairs):
                flow(ET.SubElement(match_set, q("simpleAssociableChoice"), identifier=f"{prefix}{i + 1}", matchMax="1"), getattr(pair, side))


_BUILDERS = {
    SingleQuestion: _Choices, MultipleQuestion: _Choices, TrueFalseQuestion: _TrueFalse,
    OrderingQuestion: _Ordering, MatchingQuestion: _Matching,
}


# --- test and manifest -------------------------------------------------------


def _assessment_test(bank: QuizBank, item_refs: list[tuple[str, str]]) -> ET.Element:
    test = ET.Element(q("assessmentTest"), {f"{{{XSI}}}schemaLocation": QTI_SCHEMA, "identifier": identifier(bank.id), "title": bank.title})
    part = ET.SubElement(test, q("testPart"), identifier="P1", navigationMode="nonlinear", submissionMode="individual")
    section = ET.SubElement(part, q("assessmentSection"), identifier="S1", title=bank.title, visible="true")
    for item_id, href in item_refs:
        ET.SubElement(section, q("assessmentItemRef"), identifier=item_id, href=f"../{href}")
    return test


def _manifest(banks: list[QuizBank], resources) -> ET.Element:
    c = lambda tag: f"{{{CP}}}{tag}"  # noqa: E731 - a local shorthand
    manifest = ET.Element(c("manifest"), {f"{{{XSI}}}schemaLocation": CP_SCHEMA, "identifier": "MANIFEST-" + "-".join(bank.id for bank in banks)})
    metadata = ET.SubElement(manifest, c("metadata"))
    ET.SubElement(metadata, c("schema")).text = "QTIv2.1 Package"
    ET.SubElement(metadata, c("schemaversion")).text = "1.0.0"
    ET.SubElement(manifest, c("organizations"))
    listing = ET.SubElement(manifest, c("resources"))
    for ref, kind, href, dependencies in resources:
        resource = ET.SubElement(listing, c("resource"), identifier=ref, type=kind, href=href)
        ET.SubElement(resource, c("file"), href=href)
        for dependency in dependencies:
            ET.SubElement(resource, c("dependency"), identifierref=dependency)
    return manifest
