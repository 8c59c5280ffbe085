from generator.content import messages
from generator.content.yamlsource import YamlProblem, format_path, read_yaml

import pytest


def problem(text: bytes | str) -> str:
    raw = text.encode() if isinstance(text, str) else text
    with pytest.raises(YamlProblem) as caught:
        read_yaml(raw, "docs/modules/x.yml")
    return str(caught.value.error)


def test_positions_point_at_keys_and_list_items():
    document = read_yaml(b"id: a\nsections:\n  - id: b\n    title: c\n", "f.yml")
    assert document.data == {"id": "a", "sections": [{"id": "b", "title": "c"}]}
    assert document.positions[("sections",)] == (2, 1)
    assert document.positions[("sections", 0)] == (3, 5)
    assert document.positions[("sections", 0, "title")] == (4, 5)


def test_position_falls_back_to_nearest_parent():
    document = read_yaml(b"id: a\nsections:\n  - id: b\n", "f.yml")
    assert document.position(("sections", 0, "body")) == (3, 5)


def test_keys_stay_text_even_when_yaml_11_would_make_booleans():
    document = read_yaml(b"no: 1\non: 2\n", "f.yml")
    assert set(document.data) == {"no", "on"}


def test_duplicate_key_is_reported_at_the_second_one():
    assert problem("id: a\ntitle: b\nid: c\n").startswith("docs/modules/x.yml:3:1: id: the field 'id' appears twice")


def test_python_tags_are_refused():
    message = problem("id: !!python/object/apply:os.system ['echo hi']\n")
    assert "is not allowed" in message and "python/object" in message


def test_custom_tags_are_refused():
    assert "the tag '!foo' is not allowed" in problem("id: !foo bar\n")


def test_tabs_get_a_hint():
    # libyaml words this problem differently: messages always come from the pure-Python parser.
    message = problem("id: a\n\ttitle: b\n")
    assert message.startswith("docs/modules/x.yml:2:1: this line is indented with a tab")
    assert "hint: replace the tab with spaces" in message


def test_unquoted_colon_gets_a_hint():
    assert "put the whole value in quotes" in problem("id: a\ntitle: Strategi: mikro: x\n")


def test_parser_words_become_what_to_do_in_indonesian():
    with messages.language("id"):
        message = problem("id: a\nsections:\n  - id: b\n   title: c\n")
    assert "while parsing" not in message and "<block end>" not in message
    assert "indentasi" in message and "petunjuk:" in message


def test_empty_and_comment_only_files():
    assert "the file is empty" in problem("")
    assert "the file is empty" in problem("# only a comment\n")


def test_top_level_must_be_a_mapping():
    assert "must be a YAML mapping" in problem("- a\n- b\n")


def test_invalid_utf8_names_the_line():
    assert problem(b"id: a\ntitle: caf\xe9\n").startswith("docs/modules/x.yml:2:11: the file is not valid UTF-8")


def test_byte_order_mark_is_accepted():
    assert read_yaml("\ufeffid: a\n".encode(), "f.yml").data == {"id": "a"}


def test_alias_bomb_is_stopped():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefgh":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"
    assert "expands to more than" in problem(bomb)


def test_huge_file_is_refused_before_parsing():
    assert "the file is too large" in problem(b"id: a\n" + b"# padding\n" * 200_000)


def test_format_path():
    assert format_path(("questions", 3, "choices", 0, "text")) == "questions[3].choices[0].text"
    assert format_path(()) == ""


# libyaml parses valid files (fast); the pure-Python parser words problems.
# Both must see the same values at the same lines and columns.
_PROJECT = __import__("pathlib").Path(__file__).resolve().parents[2]
_SHIPPED = sorted((_PROJECT / "docs" / "modules").glob("*.yml")) + sorted((_PROJECT / "quizzes").glob("*.yml"))


@pytest.mark.skipif(not hasattr(__import__("yaml"), "CSafeLoader"), reason="PyYAML without libyaml")
@pytest.mark.parametrize("text", [
    *(path.read_text(encoding="utf-8") for path in _SHIPPED),
    "id: x\ntitle: \"😀é ü\"\nlist: [\"😀😀\", {a: 1, b: 'ü😀'}, c]\nnested:\n  - k: v\n    😀: 2\n",
    "a: &base {x: 1, y: 2}\nb:\n  <<: *base\n  y: 3\nwhen: 2024-02-03\nn: 1.50\nno: off\n",
], ids=[*(path.stem for path in _SHIPPED), "unicode", "merge-and-scalars"])
def test_libyaml_and_pure_parser_agree_on_values_and_positions(text):
    import yaml
    from generator.content.yamlsource import _parse

    fast, pure = _parse(text, "f.yml", yaml.CSafeLoader), _parse(text, "f.yml", yaml.SafeLoader)
    assert (fast.data, fast.positions, fast.scalars) == (pure.data, pure.positions, pure.scalars)



def test_a_block_line_one_space_short_is_reported_on_that_line_even_when_it_reads_as_a_comment():
    text = "id: a\nsections:\n  - id: b\n    body: |\n      Awal.\n\n     ### Judul\n\n      Lanjut.\n"
    assert problem(text).startswith("docs/modules/x.yml:7:6: this line is indented less than the rest of the text block 'body' (from line 4)")


def test_a_real_comment_after_a_block_is_not_blamed_for_a_mistake_below_it():
    text = "id: a\nsections:\n  - id: b\n    body: |\n      Awal.\n     # catatan\n  - id: c\n   title: x\n"
    assert problem(text).startswith("docs/modules/x.yml:8:4: this line is not indented in line")
