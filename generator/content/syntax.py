"""YAML the parser cannot read, told as the trainer's mistake.

PyYAML says what its grammar expected ("while parsing a block collection:
expected <block end>, but found '<block mapping start>'") at the place it
gave up. A trainer needs what to change and where: this module recognises
the usual hand-editing mistakes from the parser's words and answers with a
message from the catalog, at the line to fix.
"""

from __future__ import annotations

import yaml

from .errors import ContentError
from .messages import message


def syntax_error(problem: yaml.MarkedYAMLError, file: str, text: str) -> ContentError:
    """The ContentError for a parser error in ``text`` (the whole file)."""
    context = problem.context or ""
    what = problem.problem or ""
    mark = problem.problem_mark or problem.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    opened = problem.context_mark
    opened_at = (opened.line + 1, opened.column + 1) if opened else (line, column)

    if "cannot start any token" in what:
        char = what.split("'")[1] if what.count("'") >= 2 else "?"
        if char == "\\t":
            return _at(file, line, column, "content_yaml_tab", "content_yaml_tab_hint")
        return _at(file, line, column, "content_yaml_bad_start", "content_yaml_bad_start_hint", char=char)
    if context.startswith("while scanning a quoted scalar"):
        if "unknown escape" in what or "expected escape" in what:
            return _at(file, line, column, "content_yaml_bad_escape", "content_yaml_bad_escape_hint")
        quote = _char_at(text, opened) or '"'
        return _at(file, *opened_at, "content_yaml_unclosed_quote", "content_yaml_unclosed_quote_hint", quote=quote)
    if context.startswith("while parsing a flow") or "expected ',' or" in what:
        bracket = _char_at(text, opened) or "["
        closing = {"[": "]", "{": "}"}.get(bracket, "]")
        return _at(file, *opened_at, "content_yaml_unclosed_bracket", "content_yaml_unclosed_bracket_hint", bracket=bracket, closing=closing)
    if "expected a single document" in context:
        return _at(file, line, column, "content_yaml_second_document", "content_yaml_second_document_hint")
    if "found undefined alias" in what:
        name = what.split("'")[1] if what.count("'") >= 2 else ""
        return _at(file, line, column, "content_yaml_undefined_alias", "content_yaml_undefined_alias_hint", name=name)
    if "mapping values are not allowed" in what:
        return _at(file, line, column, "content_yaml_colon_in_value", "content_yaml_colon_in_value_hint")
    if "could not find expected ':'" in what:
        return _at(file, line, column, "content_yaml_missing_colon", "content_yaml_missing_colon_hint")
    if "did not find expected '-' indicator" in what:
        return _at(file, line, column, "content_yaml_list_indentation", "content_yaml_list_indentation_hint")
    if "expected <block end>" in what or "did not find expected key" in what or "expected '<document start>'" in what:
        return _at(file, line, column, "content_yaml_indentation", "content_yaml_indentation_hint")
    if context.startswith("while scanning a block scalar"):
        return _at(file, line, column, "content_yaml_block_header", "content_yaml_block_header_hint")
    if context.startswith(("while scanning an anchor", "while scanning an alias")):
        return _at(file, line, column, "content_yaml_anchor_name", "content_yaml_unreadable_hint")
    if "found unexpected end of stream" in what:
        return _at(file, line, column, "content_yaml_unclosed_quote", "content_yaml_unclosed_quote_hint", quote='"')
    return _at(file, line, column, "content_yaml_unreadable", "content_yaml_unreadable_hint")


def _at(file: str, line: int, column: int, key: str, hint_key: str, **fields) -> ContentError:
    return ContentError(file, line, column, "", message(key, **fields), message(hint_key, **fields))


def _char_at(text: str, mark) -> str:
    if mark is None:
        return ""
    lines = text.splitlines()
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""
