"""Property tests: whatever a trainer types, the loader answers with findings.

Random values, structures and raw text go through ``load_bytes`` (as a
module and as a quiz bank) and ``read_yaml``. The only thing allowed out is
ContentError findings with a real position; any other exception is a crash a
trainer would see as a traceback. Valid random modules and quiz banks must
load cleanly and render.

Bugs these properties found are kept as regression tests at the end:
characters YAML forbids, scalars PyYAML resolves but cannot build
(2024-02-30, 0x_, '!!int dua'), and a reference url with markup in it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.catalog import Sources, load_catalog
from generator.content.errors import ContentError, ContentErrors
from generator.content.load import load_bytes
from generator.content.model import LEVELS, METHODS, RESERVED_ANCHORS, Module, QuizBank
from generator.site.pages import PageOptions, render_site
from generator.content.yamlsource import YamlProblem, read_yaml

# Modest counts keep the unit suite fast; raise them by hand to hunt for more.
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SOME = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MODULE_FILE = "docs/modules/acak.yml"
QUIZ_FILE = "quizzes/acak.yml"

# --- checking one input ---------------------------------------------------------


def _assert_sound(errors: list[ContentError], file: str) -> None:
    for error in errors:
        assert isinstance(error, ContentError)
        assert error.file == file
        assert isinstance(error.line, int) and error.line >= 1, error
        assert isinstance(error.column, int) and error.column >= 1, error
        assert error.message.strip(), error
        assert not any(word in str(error) for word in PARSER_JARGON), error  # told as what to do
        assert str(error)  # renders


# The parser's own words; a trainer is told what to change instead.
PARSER_JARGON = ("while parsing", "while scanning", "<block", "<document", "expected <", "stream", "token", "mapping values")


def check_load(raw: bytes, model_class) -> list[ContentError]:
    file = MODULE_FILE if model_class is Module else QUIZ_FILE
    loaded, errors = load_bytes(raw, file, model_class)
    assert (loaded is None) == bool(errors)
    _assert_sound(errors, file)
    return errors


def check_read_yaml(raw: bytes) -> None:
    try:
        document = read_yaml(raw, MODULE_FILE)
    except YamlProblem as problem:
        _assert_sound([problem.error], MODULE_FILE)
        return
    assert isinstance(document.data, dict)
    for line, column in document.positions.values():
        assert line >= 1 and column >= 1


def check_everything(raw: bytes) -> None:
    check_read_yaml(raw)
    check_load(raw, Module)
    check_load(raw, QuizBank)


# --- random values and structures ---------------------------------------------------

# Every character YAML can read: no C0/C1 controls but tab and line breaks, no surrogates, no U+FFFE/U+FFFF.
_letters = st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="\ufffe\uffff", include_characters="\t\n\r")
any_text = st.text(_letters, max_size=30)


def _all_field_names() -> list[str]:
    from pydantic import BaseModel

    from generator.content import model

    names: set[str] = set()
    for item in vars(model).values():
        if isinstance(item, type) and issubclass(item, BaseModel):
            names.update(item.model_fields)
    return sorted(names)


FIELD_NAMES = _all_field_names() + ["type", "<<", "Id", "judul", "soal", ""]

TRICKY_TEXT = [
    "<script>alert(1)</script>",
    "</script><script>x</script>",
    "single",
    "multiple",
    "true_false",
    "ordering",
    "matching",
    *LEVELS,
    *METHODS,
    *RESERVED_ANCHORS,
    "yes",
    "No",
    "on",
    "~",
    "null",
    "",
    "   ",
    "2024-08-17",
    "10:30",
    "0x1F",
    "1_000",
    ".inf",
    ".nan",
    "Strategi: mikro",
    "- item",
    "&a",
    "*a",
    "!!python/object/apply:os.system",
    "!persen 60",
    "# komentar",
    "a\tb",
    "baris satu\nbaris dua",
    "\u00e9\u0301 \u4e2d\u6587 \U0001f600",
    "\ufeff",
    "x" * 300,
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([10**100, -(10**100), 2**63, 2**64 + 1, 0, -1, 101, 201, 601]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    any_text,
    st.sampled_from(TRICKY_TEXT),
)
keys = st.one_of(st.sampled_from(FIELD_NAMES), any_text, st.integers(), st.booleans(), st.none())


def _structures(children):
    return st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(keys, children, max_size=4),
    )


values = st.recursive(scalars, _structures, max_leaves=12)

# Shapes close to the real format, so validation goes deep instead of failing at the top.
_field_values = st.dictionaries(st.sampled_from(FIELD_NAMES), values, max_size=6)
_near_module = st.fixed_dictionaries(
    {},
    optional={
        "id": values,
        "title": values,
        "summary": values,
        "level": values,
        "duration_jp": values,
        "order": values,
        "prerequisites": values,
        "objectives": st.lists(_field_values, max_size=3) | values,
        "sections": st.lists(_field_values, max_size=3) | values,
        "activities": st.lists(_field_values, max_size=2) | values,
        "glossary": st.lists(_field_values, max_size=3),
        "references": st.lists(_field_values, max_size=2),
    },
)
_near_question = st.fixed_dictionaries(
    {"type": st.sampled_from(["single", "multiple", "true_false", "ordering", "matching"]) | values},
    optional={
        "id": values,
        "prompt": values,
        "choices": st.lists(_field_values, max_size=4) | values,
        "pairs": st.lists(_field_values, max_size=3) | values,
        "items": values,
        "answer": values,
        "explanation": values,
        "objective": values,
        "section": values,
    },
)
_near_quiz = st.fixed_dictionaries(
    {"questions": st.lists(_near_question, max_size=4) | values},
    optional={"id": values, "module": values, "title": values, "pass_percent": values},
)
documents = st.one_of(values, _near_module, _near_quiz, st.dictionaries(keys, values, max_size=8))


def dump(data: Any, **options: Any) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, **options).encode("utf-8")


@SETTINGS
@given(documents, st.sampled_from([{}, {"default_flow_style": True}, {"default_style": '"'}, {"width": 20}]))
def test_random_structures_only_give_content_errors(data, dump_options):
    check_everything(dump(data, **dump_options))


@SETTINGS
@given(any_text | st.text(max_size=200))
def test_random_text_only_gives_content_errors(text):
    check_everything(text.encode("utf-8"))


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes_only_give_content_errors(raw):
    check_everything(raw)


# Line-based YAML made from the pieces people get wrong: indentation, tabs,
# quotes, colons, anchors, aliases, tags, merge keys, comments, documents.
_pieces = st.sampled_from(
    [
        "id: ",
        "title: ",
        "questions:",
        "choices:",
        "pairs:",
        "items:",
        "  - ",
        "- ",
        "    ",
        "  ",
        "\t",
        ": ",
        ":",
        '"',
        "'",
        "[",
        "]",
        "{",
        "}",
        ",",
        "&a ",
        "*a",
        "*b",
        "<<: *a",
        "!!python/object:os.system ",
        "!!str ",
        "!!int ",
        "!!binary ",
        "!x ",
        "? ",
        "|",
        ">-",
        "# ",
        "---",
        "...",
        "%YAML 1.1",
        "2024-08-17",
        "10:30",
        "0x1F",
        "yes",
        "~",
        "<script>",
        "true",
        "single",
        "dasar",
        "\u00e9\U0001f600",
        "\u2028",
        "\r\n",
        "\r",
    ]
)
yamlish = st.lists(st.lists(_pieces | any_text, max_size=6).map("".join), max_size=12).map("\n".join)


@SETTINGS
@given(yamlish, st.booleans())
def test_yaml_like_text_only_gives_content_errors(text, bom):
    check_everything((("\ufeff" if bom else "") + text).encode("utf-8"))


# --- valid random content loads and renders -------------------------------------------------

# Like _letters, without "\r"; U+0085 (in Cc) must stay out: PyYAML does not read back the NEL it writes.
# U+2028/U+2029 too: the loader rightly reports them as invisible line breaks.
_plain = st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="\ufffe\uffff\u2028\u2029", include_characters="\t\n")
text_value = st.text(_plain, min_size=1, max_size=40).map(lambda text: text if text.strip() else text + "x")
_slug_part = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6)
slugs = st.lists(_slug_part, min_size=1, max_size=3).map("-".join)
section_ids = slugs.filter(lambda slug: slug not in RESERVED_ANCHORS)


def _folded(text: str) -> str:
    return text.strip().casefold()


@st.composite
def module_data(draw, module_id: str, earlier: list[str]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": module_id,
        "title": draw(text_value),
        "summary": draw(text_value),
        "level": draw(st.sampled_from(LEVELS)),
        "duration_jp": draw(st.integers(1, 200)),
        "order": draw(st.integers(0, 1000)),
        "objectives": [{"id": i, "text": draw(text_value)} for i in draw(st.lists(slugs, min_size=1, max_size=3, unique=True))],
        "sections": [
            {"id": i, "title": draw(text_value), "body": draw(text_value | st.lists(text_value, max_size=4).map("\n\n".join).filter(str.strip))}
            for i in draw(st.lists(section_ids, min_size=1, max_size=3, unique=True))
        ],
    }
    if earlier:
        data["prerequisites"] = draw(st.lists(st.sampled_from(earlier), max_size=2, unique=True))
    if draw(st.booleans()):
        data["competencies"] = draw(st.lists(slugs, max_size=2))
        data["key_points"] = draw(st.lists(text_value, max_size=3))
    if draw(st.booleans()):
        data["activities"] = [
            {
                "id": i,
                "title": draw(text_value),
                "method": draw(st.sampled_from(METHODS)),
                "duration_minutes": draw(st.integers(1, 600)),
                "group_size": draw(text_value | st.integers(1, 40)),
                "materials": draw(st.lists(text_value, max_size=2)),
                "steps": draw(st.lists(text_value, min_size=1, max_size=3)),
                "facilitator_notes": draw(st.just("") | text_value),
            }
            for i in draw(st.lists(slugs, min_size=1, max_size=2, unique=True))
        ]
    if draw(st.booleans()):
        terms = draw(st.lists(text_value, max_size=3, unique_by=_folded))
        data["glossary"] = [{"term": term, "definition": draw(text_value)} for term in terms]
        data["references"] = [{"key": key, "citation": draw(text_value)} for key in draw(st.lists(slugs, max_size=2, unique=True))]
    return data


@st.composite
def question_data(draw, question_id: str, module: dict[str, Any]) -> dict[str, Any]:
    kind = draw(st.sampled_from(["single", "multiple", "true_false", "ordering", "matching"]))
    data: dict[str, Any] = {
        "id": question_id,
        "type": kind,
        "prompt": draw(text_value),
        "explanation": draw(text_value),
        "objective": draw(st.sampled_from([o["id"] for o in module["objectives"]])),
        "section": draw(st.sampled_from([s["id"] for s in module["sections"]])),
    }
    if kind in ("single", "multiple"):
        texts = draw(st.lists(text_value, min_size=2, max_size=5))
        if kind == "single":
            right = {draw(st.integers(0, len(texts) - 1))}
        else:
            right = set(draw(st.lists(st.integers(0, len(texts) - 1), min_size=1, unique=True)))
        data["choices"] = [{"text": t, "correct": n in right, "feedback": draw(st.just("") | text_value)} for n, t in enumerate(texts)]
    elif kind == "true_false":
        data["answer"] = draw(st.booleans())
    elif kind == "ordering":
        data["items"] = draw(st.lists(text_value, min_size=2, max_size=5, unique_by=_folded))
    else:
        lefts = draw(st.lists(text_value, min_size=2, max_size=4, unique_by=_folded))
        rights = draw(st.lists(text_value, min_size=len(lefts), max_size=len(lefts), unique_by=_folded))
        data["pairs"] = [{"left": left, "right": right} for left, right in zip(lefts, rights)]
    return data


@st.composite
def sites(draw) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    module_ids = draw(st.lists(slugs, min_size=1, max_size=3, unique=True))
    modules = [draw(module_data(module_id, module_ids[:index])) for index, module_id in enumerate(module_ids)]
    quizzes = []
    for quiz_id in draw(st.lists(slugs, max_size=3, unique=True)):
        module = draw(st.sampled_from(modules))
        questions = [draw(question_data(i, module)) for i in draw(st.lists(slugs, min_size=1, max_size=4, unique=True))]
        quizzes.append({"id": quiz_id, "module": module["id"], "title": draw(text_value), "pass_percent": draw(st.integers(1, 100)), "questions": questions})
    return modules, quizzes


def write_site(root: Path, modules: list[dict], quizzes: list[dict]) -> Sources:
    (root / "docs/modules").mkdir(parents=True)
    (root / "quizzes").mkdir()
    for module in modules:
        (root / f"docs/modules/{module['id']}.yml").write_bytes(dump(module))
    for quiz in quizzes:
        (root / f"quizzes/{quiz['id']}.yml").write_bytes(dump(quiz))
    named = sorted({competency.strip() for module in modules for competency in module.get("competencies", [])})
    if named:  # a framework that holds every competency the modules name
        (root / "curricula").mkdir()
        framework = {"competencies": [{"id": item, "title": item, "description": item} for item in named]}
        (root / "curricula/competencies.yml").write_bytes(dump(framework))
    return Sources(root, root / "docs/modules", root / "quizzes")


@SOME
@given(sites())
def test_valid_random_modules_load(site):
    modules, quizzes = site
    for module in modules:
        loaded, errors = load_bytes(dump(module), f"docs/modules/{module['id']}.yml", Module)
        assert errors == []
        assert loaded.item.id == module["id"]
        assert loaded.item.title == module["title"].strip()
    for quiz in quizzes:
        loaded, errors = load_bytes(dump(quiz), f"quizzes/{quiz['id']}.yml", QuizBank)
        assert errors == []
        assert [question.type for question in loaded.item.questions] == [question["type"] for question in quiz["questions"]]


@FEW
@given(sites(), st.sampled_from(["id", "en"]), st.booleans())
def test_valid_random_sites_pass_the_catalog_and_render(site, language, directory_urls):
    modules, quizzes = site
    with tempfile.TemporaryDirectory() as folder:
        catalog = load_catalog(write_site(Path(folder), modules, quizzes))
    pages = render_site(catalog, PageOptions(language=language, use_directory_urls=directory_urls))
    self_assessment = 1 if catalog.competency_items else 0  # the needs self-assessment asks the framework's competencies
    assert len(pages) == 5 + len(modules) + len(quizzes) + self_assessment  # indexes, glossary, progress, coverage
    assert all(isinstance(text, str) and text for text in pages.values())


_no_code = st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="`~\ufffe\uffff", include_characters="\n")
_markup_text = st.lists(st.text(_no_code, max_size=8) | st.sampled_from(["<script>alert(1)</script>", "<b>", "&amp;", "<!--", "</p>"]), min_size=1, max_size=4).map(lambda parts: "".join(parts) + "x")


@FEW
@given(sites(), st.data())
def test_raw_html_typed_by_a_trainer_never_reaches_a_page(site, data):
    """Outside code (no backticks or tildes here) every '<' is escaped or JSON-encoded."""
    modules, quizzes = site
    for module in modules:
        module["title"] = data.draw(_markup_text)
        module["sections"][0]["body"] = data.draw(_markup_text)
        module["objectives"][0]["text"] = data.draw(_markup_text)
    for quiz in quizzes:
        quiz["title"] = data.draw(_markup_text)
        quiz["questions"][0]["prompt"] = data.draw(_markup_text)
    with tempfile.TemporaryDirectory() as folder:
        catalog = load_catalog(write_site(Path(folder), modules, quizzes))
    for path, text in render_site(catalog, PageOptions()).items():
        assert "<script" not in text, path
        assert "<!--" not in text, path


# --- regressions: bugs found by the properties above -----------------------------------------------


@pytest.mark.parametrize("raw", [b"id: a\x01\n", b"id: a\ntitle: \x00\n", b"title: Judul\x0b\n", "title: \u0085x\u0080\n".encode()], ids=["soh", "nul", "vtab", "c1"])
def test_control_characters_are_findings(raw):
    check_everything_strict(raw)


@pytest.mark.parametrize(
    "raw",
    [
        b"title: 2024-02-30\n",
        b"id: 2024-13-01\n",
        b"title: 2024-01-01 25:00:00\n",
        b"id: 0x_\n",
        b"id: 0b_\n",
        b"duration_jp: !!int dua\n",
        b"duration_jp: !!int\n",
        b"pass_percent: !!float lima\n",
        b"answer: !!bool mungkin\n",
        b"title: !!timestamp kemarin\n",
    ],
    ids=["feb-30", "month-13", "hour-25", "hex", "binary", "int-tag", "empty-int-tag", "float-tag", "bool-tag", "timestamp-tag"],
)
def test_scalars_that_yaml_cannot_build_are_findings(raw):
    check_everything_strict(raw)


def check_everything_strict(raw: bytes) -> None:
    for model_class in (Module, QuizBank):
        loaded, errors = load_bytes(raw, MODULE_FILE, model_class)
        assert errors
        _assert_sound(errors, MODULE_FILE)


def test_markup_in_a_reference_url_is_a_finding(tmp_path):
    module = {
        "id": "m",
        "title": "Judul",
        "summary": "Ringkasan.",
        "level": "dasar",
        "duration_jp": 1,
        "objectives": [{"id": "o", "text": "Tujuan."}],
        "sections": [{"id": "s", "title": "Bagian", "body": "Isi."}],
        "references": [{"key": "r", "citation": "Sumber.", "url": 'https://contoh.id/"><script>alert(1)</script>'}],
    }
    with pytest.raises(ContentErrors) as caught:
        load_catalog(write_site(tmp_path, [module], []))
    assert "is not a web address" in caught.value.render()


# Characters that matter to Markdown mixed with ordinary ones, so that random
# fragments often look plain and often do not.
_MARKDOWN_ALPHABET = st.sampled_from(list("ab é😀 ,.:;'\"()?/%!|~=#+-*_`[]<>&\\1\t\n") + ["- ", "1. ", "# ", "> ", "---", "&amp;", "\u00a0"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(_MARKDOWN_ALPHABET, max_size=12).map("".join))
def test_plain_text_shortcut_gives_what_markdown_gives(fragment):
    from generator.site.text import inline_html, render_inline_markdown

    assert inline_html(fragment) == render_inline_markdown(fragment.strip())


@settings(max_examples=2000, deadline=None)
@given(st.lists(_MARKDOWN_ALPHABET, max_size=12).map("".join))
def test_plain_words_shortcut_gives_what_the_parser_gives(fragment):
    from generator.site.text import html_words, inline_html, inline_plain

    assert inline_plain(fragment) == html_words(inline_html(fragment))
