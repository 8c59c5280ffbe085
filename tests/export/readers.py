"""Reading exported files back, each with a reader that is not our writer.

Every reader returns the same plain structure per question, so a test can
compare what came back with what the bank says:

    {"id", "kind", "prompt", "explanation", "answers"}

where ``answers`` is, by kind: choices [(text, earns_credit, feedback)],
true_false (answer, feedback_true, feedback_false), pairs [(left, right)],
order [item, ...].
"""

from __future__ import annotations

import html
import io
import json
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from generator.content.model import MatchingQuestion, MultipleQuestion, OrderingQuestion, SingleQuestion, TrueFalseQuestion
from generator.export.text import as_html, as_label

GIFT_PARSER = Path(__file__).with_name("gift_parse.cjs")


def text_of(html_text: str) -> str:
    """What a reader of the HTML sees: the characters, not the markup."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", html_text)).split())


# --- what the bank says ------------------------------------------------------


def expected(bank, native_ordering: bool, plain=False) -> list[dict]:
    """The questions of ``bank`` as every export should carry them."""
    render = (lambda t: text_of(as_html(t))) if plain else as_html
    out = []
    for question in bank.questions:
        entry = {"id": question.id, "prompt": render(question.prompt), "explanation": render(question.explanation)}
        if isinstance(question, (SingleQuestion, MultipleQuestion)):
            entry["kind"] = "choices"
            entry["answers"] = [(render(c.text), c.correct, render(c.feedback) if c.feedback else "") for c in question.choices]
        elif isinstance(question, TrueFalseQuestion):
            entry["kind"] = "true_false"
            entry["answers"] = (question.answer, render(question.feedback_true) if question.feedback_true else "", render(question.feedback_false) if question.feedback_false else "")
        elif isinstance(question, MatchingQuestion):
            entry["kind"] = "pairs"
            entry["answers"] = [(render(p.left), text_of(as_html(p.right)) if plain else as_label(p.right)) for p in question.pairs]
        elif isinstance(question, OrderingQuestion) and native_ordering:
            entry["kind"] = "order"
            entry["answers"] = [render(item) for item in question.items]
        else:
            entry["kind"] = "pairs"
            entry["answers"] = [(render(item), str(n)) for n, item in enumerate(question.items, start=1)]
        out.append(entry)
    return out


# --- GIFT: gift-pegjs, and qtype_ordering's own pattern ------------------------


def parse_gift_files(paths: list[Path]) -> dict[str, object]:
    """gift-pegjs's reading of each file (node tests/export/gift_parse.cjs)."""
    result = subprocess.run(["node", str(GIFT_PARSER), *map(str, paths)], capture_output=True, text=True, timeout=120)
    return json.loads(result.stdout)


def from_gift_pegjs(parsed: list[dict]) -> list[dict]:
    out = []
    for question in parsed:
        if question["type"] == "Category":
            continue
        entry = {"id": question["title"], "prompt": question["stem"]["text"], "explanation": (question.get("globalFeedback") or {}).get("text", "")}
        assert question["stem"]["format"] == "html", question
        if question["type"] == "MC":
            entry["kind"] = "choices"
            entry["answers"] = [
                (c["text"]["text"], c["isCorrect"] or (c["weight"] or 0) > 0, (c["feedback"] or {}).get("text", ""))
                for c in question["choices"]
            ]
        elif question["type"] == "TF":
            # gift-pegjs names the two feedbacks in the order written; Moodle shows
            # the first to a wrong answer and the second to a right one.
            wrong = (question["trueFeedback"] or {}).get("text", "")
            right = (question["falseFeedback"] or {}).get("text", "")
            answer = question["isTrue"]
            entry["kind"] = "true_false"
            entry["answers"] = (answer, right if answer else wrong, wrong if answer else right)
        elif question["type"] == "Matching":
            entry["kind"] = "pairs"
            entry["answers"] = [(p["subquestion"]["text"], _decode_plain(p["subanswer"])) for p in question["matchPairs"]]
        else:
            raise AssertionError(f"unexpected GIFT question type {question['type']}")
        out.append(entry)
    return out


# gift-pegjs 1.0.2 decodes escapes in rich text but leaves its own markers in
# the plain text of matching answers; Moodle decodes both (escapedchar_post).
_PEGJS_MARKERS = {"&&092;": "\\", "&&058;": ":", "&&035;": "#", "&&061;": "=", "&&123;": "{", "&&125;": "}", "&&126;": "~", "&&010": "\n"}


def _decode_plain(text: str) -> str:
    for marker, char in _PEGJS_MARKERS.items():
        text = text.replace(marker, char)
    return text


# qtype_ordering's import_from_gift (Moodle 4.4+, question/type/ordering/questiontype.php),
# the pattern it matches the question's raw lines against.
_ORDERING = re.compile(
    r"^([^{]*)\s*\{>\s*(\d+)\s*(ALL|EXACT|RANDOM|REL|CONTIGUOUS|CONTIG)?\s*"
    r"(HORIZONTAL|HORI|H|1|VERTICAL|VERT|V|0)?\s*"
    r"(ALL_OR_NOTHING|ABSOLUTE_POSITION|ABSOLUTE|ABS|RELATIVE_NEXT_EXCLUDE_LAST|RELATIVE_NEXT_INCLUDE_LAST|"
    r"RELATIVE_ONE_PREVIOUS_AND_NEXT|RELATIVE_ALL_PREVIOUS_AND_NEXT|RELATIVE_TO_CORRECT|RELATIVE|REL)?\s*"
    r"(SHOW|TRUE|YES|1|HIDE|FALSE|NO|0)?\s*(.*?)\s*\}\s*$",
    re.DOTALL,
)


def split_gift_blocks(text: str) -> list[str]:
    """Questions are separated by blank lines, as Moodle reads them."""
    return [block for block in re.split(r"\n[ \t]*\n", text) if block.strip()]


def read_native_ordering(block: str) -> dict:
    """One ordering question as Moodle with qtype_ordering would read it."""
    lines = [" " if line.strip().startswith("//") else line for line in block.split("\n")]
    match = _ORDERING.match("\n".join(lines))
    assert match, block
    head = match.group(1).strip()
    name = re.match(r"::(.*?)::", head)
    items = [line.strip() for line in match.group(7).split("\n") if line.strip()]
    assert int(match.group(2)) == len(items)
    prompt = head[name.end():]
    assert prompt.startswith("[html]")
    # Moodle's GIFT reader unescapes the prompt; item lines are kept as written.
    prompt = re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), prompt[len("[html]"):])
    return {"id": name.group(1), "kind": "order", "prompt": _references(prompt), "explanation": None, "answers": [_references(item) for item in items]}


def _references(html_text: str) -> str:
    """The character references the writer uses for GIFT's braces and '#', read as the browser does."""
    return html_text.replace("&#123;", "{").replace("&#125;", "}").replace("&#35;", "#")


# --- Moodle XML ----------------------------------------------------------------


def from_moodle_xml(text: str) -> list[dict]:
    root = ET.fromstring(text)
    assert root.tag == "quiz"
    out = []
    for question in root.findall("question"):
        kind = question.get("type")
        if kind == "category":
            assert question.findtext("category/text", "").startswith("$course$/top/")
            continue
        for tag in ("questiontext", "generalfeedback"):
            assert question.find(tag).get("format") == "html"
        entry = {
            "id": question.findtext("name/text"),
            "prompt": question.findtext("questiontext/text") or "",
            "explanation": question.findtext("generalfeedback/text") or "",
        }
        if kind == "multichoice":
            answers = question.findall("answer")
            fractions = [float(a.get("fraction")) for a in answers]
            assert abs(sum(f for f in fractions if f > 0) - 100) < 0.01, fractions
            if question.findtext("single") == "false" and any(f < 0 for f in fractions):
                assert abs(sum(f for f in fractions if f < 0) + 100) < 0.01, fractions
            entry["kind"] = "choices"
            entry["answers"] = [(a.findtext("text") or "", f > 0, a.findtext("feedback/text") or "") for a, f in zip(answers, fractions)]
        elif kind == "truefalse":
            by_value = {a.findtext("text"): a for a in question.findall("answer")}
            entry["kind"] = "true_false"
            entry["answers"] = (
                by_value["true"].get("fraction") == "100",
                by_value["true"].findtext("feedback/text") or "",
                by_value["false"].findtext("feedback/text") or "",
            )
        elif kind == "matching":
            entry["kind"] = "pairs"
            entry["answers"] = [(s.findtext("text") or "", s.findtext("answer/text") or "") for s in question.findall("subquestion")]
        elif kind == "ordering":
            answers = sorted(question.findall("answer"), key=lambda a: float(a.get("fraction")))
            entry["kind"] = "order"
            entry["answers"] = [a.findtext("text") or "" for a in answers]
        else:
            raise AssertionError(f"unexpected Moodle question type {kind}")
        out.append(entry)
    return out


# --- QTI 2.1 content package ---------------------------------------------------

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


def _content(element) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def from_qti(package: bytes) -> list[dict]:
    """Read a package as an importer would: manifest, then the test, then its items."""
    archive = zipfile.ZipFile(io.BytesIO(package))
    names = set(archive.namelist())
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    assert manifest.tag == f"{CP}manifest"
    resources = {r.get("identifier"): r for r in manifest.iter(f"{CP}resource")}
    listed = set()
    for resource in resources.values():
        assert resource.get("href") in names
        listed |= {f.get("href") for f in resource.findall(f"{CP}file")}
        for dependency in resource.findall(f"{CP}dependency"):
            assert dependency.get("identifierref") in resources
    assert listed | {"imsmanifest.xml"} == names
    out = []
    for test_resource in (r for r in resources.values() if r.get("type") == "imsqti_test_xmlv2p1"):
        test_path = test_resource.get("href")
        test = ET.fromstring(archive.read(test_path))
        assert test.tag == f"{QTI}assessmentTest"
        for ref in test.iter(f"{QTI}assessmentItemRef"):
            item = ET.fromstring(archive.read(_join(test_path, ref.get("href"))))
            assert item.get("identifier") == ref.get("identifier")
            out.append(_item(item))
    return out


def _join(base: str, href: str) -> str:
    parts = base.split("/")[:-1]
    for piece in href.split("/"):
        if piece == "..":
            parts.pop()
        else:
            parts.append(piece)
    return "/".join(parts)


def _item(item) -> dict:
    assert item.tag == f"{QTI}assessmentItem"
    declaration = item.find(f"{QTI}responseDeclaration")
    correct = [v.text for v in declaration.find(f"{QTI}correctResponse")]
    body = item.find(f"{QTI}itemBody")
    feedback = {f.get("identifier"): _content(f) for f in item.findall(f"{QTI}modalFeedback") if f.get("outcomeIdentifier") == "FEEDBACK"}
    explanation = next(f for f in item.findall(f"{QTI}modalFeedback") if f.get("outcomeIdentifier") == "EXPLANATION")
    declared_outcomes = {o.get("identifier") for o in item.findall(f"{QTI}outcomeDeclaration")}
    for used in item.iter(f"{QTI}setOutcomeValue"):
        assert used.get("identifier") in declared_outcomes
    entry = {"id": item.get("title"), "prompt": _content(body.find(f"{QTI}div")), "explanation": _content(explanation)}
    interaction = next(child for child in body if child.tag.endswith("Interaction"))
    assert interaction.get("responseIdentifier") == declaration.get("identifier")
    name = interaction.tag[len(QTI):]
    if name == "choiceInteraction":
        choices = interaction.findall(f"{QTI}simpleChoice")
        ids = [c.get("identifier") for c in choices]
        assert set(correct) <= set(ids) and set(feedback) <= set(ids)
        if ids == ["TRUE", "FALSE"]:
            entry["kind"] = "true_false"
            entry["answers"] = (correct == ["TRUE"], feedback.get("TRUE", ""), feedback.get("FALSE", ""))
        else:
            entry["kind"] = "choices"
            entry["answers"] = [(_content(c), c.get("identifier") in correct, feedback.get(c.get("identifier"), "")) for c in choices]
            assert (interaction.get("maxChoices") == "1") == (declaration.get("cardinality") == "single")
    elif name == "orderInteraction":
        assert declaration.get("cardinality") == "ordered"
        by_id = {c.get("identifier"): _content(c) for c in interaction.findall(f"{QTI}simpleChoice")}
        entry["kind"] = "order"
        entry["answers"] = [by_id[i] for i in correct]
    elif name == "matchInteraction":
        assert declaration.get("baseType") == "directedPair"
        left_set, right_set = interaction.findall(f"{QTI}simpleMatchSet")
        left = {c.get("identifier"): _content(c) for c in left_set}
        right = {c.get("identifier"): _content(c) for c in right_set}
        entry["kind"] = "pairs"
        entry["answers"] = [(left[a], right[b]) for a, b in (pair.split() for pair in correct)]
    else:
        raise AssertionError(f"unexpected interaction {name}")
    return entry
