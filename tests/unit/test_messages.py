"""The message catalog: every entry in both languages, every key used exists, none unused."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from generator.content import messages

GENERATOR = Path(messages.__file__).resolve().parents[1]
PARTS = ("content", "site", "training", "needs", "results", "export", "cli")
KEY = re.compile(rf"^(?:{'|'.join(PARTS)})_[a-z0-9_]+$")


def _trees():
    for path in sorted(GENERATOR.rglob("*.py")):
        yield f"{path.relative_to(GENERATOR.parent)}", ast.parse(path.read_text(encoding="utf-8"))


def _code_strings() -> tuple[set[str], set[str]]:
    """Texts in generator/ shaped like message keys: whole keys, and the fixed
    starts of key families (message(f"results_band_{band}"), "results_progress_")."""
    keys, prefixes = set(), set()
    for _, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                start = str(node.values[0].value)
                if KEY.match(start.rstrip("_") or "-"):
                    prefixes.add(start)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.match(node.value):
                # "results_progress_" names a family of keys (a page's strings, looked up by prefix)
                (prefixes if node.value.endswith("_") else keys).add(node.value)
    return keys, prefixes


def _message_calls() -> list[tuple[str, ast.Call]]:
    calls = []
    for where, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "message":
                calls.append((f"{where}:{node.lineno}", node))
    return calls


def test_every_entry_has_both_languages_and_the_same_fields():
    for key, entry in messages.catalog().items():
        assert set(entry) == set(messages.LANGUAGES), f"{key}: needs exactly {messages.LANGUAGES}, has {sorted(entry)}"
        fields = {}
        for language in messages.LANGUAGES:
            text = entry[language]
            assert isinstance(text, str) and text.strip(), f"{key}: empty {language} text"
            fields[language] = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        assert fields["id"] == fields["en"], f"{key}: the languages use different fields {fields}"


def test_keys_start_with_their_part():
    assert all(KEY.match(key) for key in messages.catalog()), [k for k in messages.catalog() if not KEY.match(k)]


def test_every_message_call_names_a_key_of_the_catalog():
    catalog = messages.catalog()
    for where, call in _message_calls():
        assert call.args, where
        key = call.args[0]
        if isinstance(key, ast.Constant):
            assert key.value in catalog, f"{where}: no message {key.value!r} in the catalog"
        elif isinstance(key, ast.JoinedStr) and isinstance(key.values[0], ast.Constant):
            start = key.values[0].value
            assert any(name.startswith(start) for name in catalog), f"{where}: no message starts with {start!r}"


def test_every_catalog_entry_is_used():
    keys, prefixes = _code_strings()

    def used(key: str) -> bool:
        # A hint is named after its message (key + "_hint" in the code counts).
        return key in keys or key.startswith(tuple(prefixes)) or (key.endswith("_hint") and used(key[: -len("_hint")]))

    unused = sorted(key for key in messages.catalog() if not used(key))
    assert not unused, f"catalog entries no code uses (delete them, or use them): {unused}"


def test_language_comes_from_lang_then_environment_then_site(monkeypatch):
    monkeypatch.delenv(messages.ENVIRONMENT_VARIABLE, raising=False)
    assert messages.choose_language(None) == "id"
    assert messages.choose_language("en") == "en"
    assert messages.choose_language("id-ID") == "id"
    assert messages.choose_language("fr") == "en"  # a site in another language: English
    monkeypatch.setenv(messages.ENVIRONMENT_VARIABLE, "en")
    assert messages.choose_language("id") == "en"
    assert messages.choose_language("id", override="id") == "id"


@pytest.mark.parametrize("language", messages.LANGUAGES)
def test_language_block_restores_the_language(language):
    before = messages.current_language()
    with messages.language(language):
        assert messages.current_language() == language
    assert messages.current_language() == before


def test_a_field_picks_its_word_by_number():
    from generator.content.messages import fill

    assert fill("{days} {days:day|days}", days=1) == "1 day"
    assert fill("{days} {days:day|days}", days=3) == "3 days"
    assert fill("{n} {n:question was|questions were} left", n=0) == "0 questions were left"
    assert fill("{title!r} at {x:>3}", title="a", x=7) == "'a' at   7"  # str.format's own fields still work


def test_english_messages_say_one_day_and_one_question():
    with messages.language("en"):
        assert messages.message("results_progress_answered", answered=1, total=1) == "1 of 1 question answered"
        assert messages.message("results_progress_answered", answered=2, total=5) == "2 of 5 questions answered"
    with messages.language("id"):
        assert messages.message("results_progress_answered", answered=1, total=1) == "1 dari 1 soal dijawab"
