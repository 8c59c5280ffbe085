"""YAML the parser cannot read, told as the trainer's mistake.

PyYAML says what its grammar expected ("while parsing a block collection:
expected <block end>, but found '<block mapping start>'") at the place it
gave up. A trainer needs what to change and where: this module recognises
the usual hand-editing mistakes from the parser's words and answers with a
message from the catalog, at the line to fix.
"""

from __future__ import annotations

import re

import yaml

from .errors import ContentError
from .messages import message


def syntax_error(problem: yaml.MarkedYAMLError, file: str, text: str) -> ContentError:
    """The ContentError for a parser error in ``text`` (the whole file)."""
    return _earlier_mistake(problem, file, text) or _as_reported(problem, file, text)


def _earlier_mistake(problem: yaml.MarkedYAMLError, file: str, text: str) -> ContentError | None:
    """Mistakes the parser only notices lines later, at the line the trainer must fix."""
    mark = problem.problem_mark or problem.context_mark
    if mark is None:
        return None
    dedented = dedented_block_line(text, mark.line + 1)
    if dedented and _indenting_helps(text, dedented[0], dedented[4], mark.line):
        line, column, field, start, spaces = dedented
        return ContentError(file, line, column, "", message("content_yaml_dedented_block_line", field=field, start=start), message("content_yaml_dedented_block_line_hint", spaces=spaces))
    quoted = _quoted_value_ending_at(text, mark)
    if quoted is not None and quoted.start_mark.line < quoted.end_mark.line:
        # An unclosed quote swallows the lines below it, up to the next quote of the file.
        quote = quoted.style or '"'
        return _at(file, quoted.start_mark.line + 1, quoted.start_mark.column + 1, "content_yaml_quote_runs_on", "content_yaml_unclosed_quote_hint", quote=quote, end=quoted.end_mark.line + 1)
    if quoted is not None:
        quote = quoted.style or '"'
        return _at(file, mark.line + 1, mark.column + 1, "content_yaml_text_after_quote", "content_yaml_text_after_quote_hint", quote=quote)
    if "could not find expected ':'" in (problem.problem or "") and problem.context_mark is not None:
        # PyYAML gives up on the next line; the key without ':' is where it started.
        start = problem.context_mark
        return _at(file, start.line + 1, start.column + 1, "content_yaml_missing_colon", "content_yaml_missing_colon_hint")
    return None


# A line that opens a block of text: "body: |", "- >-", "notes: |2 # comment".
_BLOCK_HEADER = re.compile(r"^(?P<indent> *)(?:- +)*(?:(?P<key>[^\s#'\"\[{][^:#]*?|'[^']*'|\"[^\"]*\"):(?: +|$))?(?:&\S+ +)?[|>][+-]?(?P<digit>[1-9])?[+-]?(?: +#.*)?$")


def dedented_block_line(text: str, last_line: int) -> tuple[int, int, str, int, int] | None:
    """The first line, up to ``last_line``, that ends a '|' or '>' text block by
    being indented less than the block but more than its field: almost always
    a line of the text typed one space short. (line, column, field, header line, spaces)."""
    lines = text.split("\n")
    for number, line in enumerate(lines[:last_line], start=1):
        header = _BLOCK_HEADER.match(line)
        if not header or header.group("digit"):
            continue
        parent = len(line) - len(line.lstrip(" -")) if header.group("key") else len(line) - len(line.lstrip(" ")) 
        found = _first_short_line(lines, number, parent)
        if found and found[0] <= last_line:
            field = (header.group("key") or "-").strip("'\"")
            return (found[0], found[1] + 1, field, number, found[2])
    return None


def _first_short_line(lines: list[str], header: int, parent: int) -> tuple[int, int, int] | None:
    """(line, indent, block indent) of the first line after ``header`` (1-based)
    indented between ``parent`` and the block's own indentation, if any."""
    block = None
    for number in range(header + 1, len(lines) + 1):
        line = lines[number - 1]
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        if block is None:
            if indent <= parent:
                return None  # an empty block
            block = indent
        elif indent < block:
            return (number, indent, block) if indent > parent else None
    return None


def _indenting_helps(text: str, line: int, spaces: int, error_line: int) -> bool:
    """Whether indenting ``line`` to ``spaces`` makes the file readable, or at
    least moves the parser's complaint further down: then that line is the
    mistake (and not, say, a comment that happens to sit there)."""
    lines = text.split("\n")
    lines[line - 1] = " " * spaces + lines[line - 1].lstrip(" ")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)("\n".join(lines))
    try:
        loader.get_single_node()
    except yaml.MarkedYAMLError as problem:
        mark = problem.problem_mark or problem.context_mark
        return mark is not None and mark.line > error_line
    except yaml.YAMLError:
        return False
    finally:
        loader.dispose()
    return True


def _quoted_value_ending_at(text: str, mark) -> yaml.ScalarToken | None:
    """The quoted value that ends on the problem's line, before it, if any."""
    last = None
    try:
        for token in yaml.scan(text):
            if (token.start_mark.line, token.start_mark.column) >= (mark.line, mark.column):
                break
            last = token
    except yaml.YAMLError:
        pass
    if isinstance(last, yaml.ScalarToken) and last.style in ('"', "'") and last.end_mark.line == mark.line:
        return last
    return None


def _as_reported(problem: yaml.MarkedYAMLError, file: str, text: str) -> ContentError:
    """The parser's own position, told as what to change."""
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
