"""What `berdaya validate` says about trainer text the sanitising step changes.

Every text value of every loaded file (modules, quiz banks, the competency
framework, trainings, needs reports) is checked with ``sanitize.changes``;
each construct that a page will not show as the trainer meant (raw HTML,
attribute lists, script addresses, images from elsewhere, unknown box types)
becomes a warning at its own line and column.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable, Iterator

from ..content.errors import ContentError, content_warning
from ..content.messages import catalog, message
from ..content.yamlsource import Path, YamlDocument, format_path
from .sanitize import changes


def text_warnings(documents: Iterable[YamlDocument]) -> list[ContentError]:
    found: list[ContentError] = []
    for document in documents:
        for path, text in _texts(document.data, ()):
            seen: Counter[str] = Counter()
            for change in changes(text):
                line, column = document.locate(path, change.needle, seen[change.needle])
                seen[change.needle] += 1
                hint = f"{change.key}_hint"
                found.append(content_warning(
                    document.file, line, column, format_path(path),
                    message(change.key, **change.fields), message(hint) if hint in catalog() else "",
                ))
    return sorted(set(found))


def loaded_documents(*groups: Iterable[Any]) -> list[YamlDocument]:
    """The documents of loaded files (anything with a ``.document``), None skipped."""
    return [entry.document for group in groups for entry in group if entry is not None]


def _texts(value: Any, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))
