"""Parsed files kept between builds, keyed by their content.

`mkdocs serve` rebuilds the whole site on every save. Reading and validating
every YAML file again is most of the core's work on a large site, although
usually one file changed. ``ParseCache.load`` is ``load.load_file`` with a
memory: a file whose bytes hash to the same SHA-256 as last time (and that is
read with the same model, name and options) gives back the same ``Loaded``
object without parsing. Only files that loaded cleanly are kept: a file with
mistakes is parsed again on every build, so its messages are always fresh
(and in the language of the moment), and fixing it can never bring back a
stale result. One entry per file: an edit replaces the old entry, so memory
does not grow with the number of saves.

The cached objects are shared between builds: nothing after loading may
change a ``Loaded`` item or document (nothing does; the checks only read).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from .errors import ContentError
from .load import Loaded, load_bytes, load_file

M = TypeVar("M", bound=BaseModel)


class ParseCache:
    def __init__(self) -> None:
        self._entries: dict[tuple, tuple[bytes, Loaded]] = {}
        self.hits = 0
        self.misses = 0

    def load(self, path: Path, display_name: str, model_class: type[M], as_written: frozenset[str] = frozenset()) -> tuple[Loaded[M] | None, list[ContentError]]:
        try:
            raw = path.read_bytes()
        except OSError:
            return load_file(path, display_name, model_class, as_written)  # worded by the loader; never kept
        key = (str(path.resolve()), display_name, model_class, as_written)
        digest = hashlib.sha256(raw).digest()
        kept = self._entries.get(key)
        if kept is not None and kept[0] == digest:
            self.hits += 1
            return kept[1], []
        self.misses += 1
        entry, problems = load_bytes(raw, display_name, model_class, as_written)
        if entry is not None and not problems:
            self._entries[key] = (digest, entry)
        else:
            self._entries.pop(key, None)
        return entry, problems

    def forget_missing(self) -> None:
        """Drop entries of files that no longer exist (renamed or deleted while serving)."""
        for key in [key for key in self._entries if not Path(key[0]).exists()]:
            del self._entries[key]

    def __len__(self) -> int:
        return len(self._entries)
