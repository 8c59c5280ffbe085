"""``berdaya new``: a trainer's starting point for a module and its quiz bank,
either the commented template or a copy of an existing module (``--from``)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import jinja2
import yaml
from yaml.nodes import MappingNode, ScalarNode

from .catalog import Sources, YAML_SUFFIXES
from .load import did_you_mean
from .messages import message
from .model import SLUG_PATTERN

# The JSON Schemas (berdaya schema schemas/) live in this folder of the site.
SCHEMA_FOLDER = "schemas"


def schema_modeline(target: Path, root: Path, kind: str) -> str:
    """The first line that tells yaml-language-server which schema ``target`` follows."""
    schema = Path(os.path.relpath(root / SCHEMA_FOLDER / f"{kind}.schema.json", target.parent))
    return f"# yaml-language-server: $schema={schema.as_posix()}"


COMMENT_COLUMN = 34  # the starters' comments start in column 35, whatever the id's length


def _pad(text: str, width: int = COMMENT_COLUMN) -> str:
    return text.ljust(width - 1) + " "


_TEMPLATES = jinja2.Environment(loader=jinja2.PackageLoader("generator.content", "starters"), keep_trailing_newline=True)
_TEMPLATES.filters["pad"] = _pad


def _check_new_id(module_id: str) -> None:
    if not re.match(SLUG_PATTERN, module_id):
        raise ValueError(f"{message('content_new_invalid_id', id=module_id)}: {message('content_id_hint')}")


def _refuse_existing(sources: Sources, targets) -> None:
    existing = [sources.display(path) for path in targets if path.exists()]
    if existing:
        raise ValueError(message("content_new_exists", files=", ".join(existing)))


def write_module_stub(sources: Sources, module_id: str) -> list[Path]:
    _check_new_id(module_id)
    targets = {
        sources.modules_dir / f"{module_id}.yml": ("new_module.yml.j2", "module"),
        sources.quizzes_dir / f"{module_id}.yml": ("new_quiz.yml.j2", "quiz"),
    }
    _refuse_existing(sources, targets)
    for path, (template, kind) in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        text = _TEMPLATES.get_template(template).render(id=module_id, modeline=schema_modeline(path, sources.root, kind))
        path.write_text(text, encoding="utf-8")
    return list(targets)


# --- berdaya new ID --from MODULE -------------------------------------------


def copy_module(sources: Sources, module_id: str, source_id: str) -> list[Path]:
    """Copy module ``source_id`` and the quiz banks that check it under ``module_id``.

    The files are edited as text, not loaded and written again, so the
    trainer's comments, quotes, block texts and order stay as they were; only
    the values of ``id`` (and of ``module`` in a quiz bank) change."""
    _check_new_id(module_id)
    source = _module_file(sources, source_id)
    copies = {sources.modules_dir / f"{module_id}.yml": _with_values(source.read_text(encoding="utf-8-sig"), {"id": module_id})}
    for quiz_file, quiz_id in _quiz_banks_of(sources, source_id):
        new_quiz_id = quiz_id.replace(source_id, module_id) if source_id in quiz_id else f"{module_id}-{quiz_id}"
        text = _with_values(quiz_file.read_text(encoding="utf-8-sig"), {"id": new_quiz_id, "module": module_id})
        copies[sources.quizzes_dir / f"{new_quiz_id}.yml"] = text
    _refuse_existing(sources, copies)
    for path, text in copies.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(copies)


def _module_file(sources: Sources, module_id: str) -> Path:
    for suffix in YAML_SUFFIXES:
        path = sources.modules_dir / f"{module_id}{suffix}"
        if path.is_file():
            return path
    known = sorted(path.stem for path in sources.modules_dir.glob("*") if path.suffix in YAML_SUFFIXES)
    hint = did_you_mean(module_id, known) or (message("content_known_modules_hint", ids=", ".join(known)) if known else "")
    text = message("content_no_such_module", id=module_id)
    raise ValueError(f"{text}; {hint}" if hint else text)


def _quiz_banks_of(sources: Sources, module_id: str) -> list[tuple[Path, str]]:
    banks = []
    folder = sources.quizzes_dir
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path.suffix not in YAML_SUFFIXES:
            continue
        fields = _top_level_values(path.read_text(encoding="utf-8-sig"))
        if fields.get("module", (None,))[0] == module_id:
            banks.append((path, fields.get("id", (path.stem,))[0]))
    return banks


def _top_level_values(text: str) -> dict[str, tuple[str, int, int]]:
    """Plain top-level fields: name -> (value, start offset, end offset) in ``text``."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    if not isinstance(node, MappingNode):
        return {}
    return {
        key.value: (value.value, value.start_mark.index, value.end_mark.index)
        for key, value in node.value
        if isinstance(key, ScalarNode) and isinstance(value, ScalarNode)
    }


def _with_values(text: str, new_values: dict[str, str]) -> str:
    """``text`` with the written values of top-level fields replaced, nothing else touched."""
    found = _top_level_values(text)
    edits = sorted(((found[name][1], found[name][2], value) for name, value in new_values.items() if name in found), reverse=True)
    for start, end, value in edits:
        text = text[:start] + value + text[end:]
    return text
