"""``berdaya new``: a trainer's starting point for a module and its quiz bank."""

from __future__ import annotations

import os
import re
from pathlib import Path

import jinja2

from .catalog import Sources
from .messages import message
from .model import SLUG_PATTERN

# The JSON Schemas (berdaya schema schemas/) live in this folder of the site.
SCHEMA_FOLDER = "schemas"


def schema_modeline(target: Path, root: Path, kind: str) -> str:
    """The first line that tells yaml-language-server which schema ``target`` follows."""
    schema = Path(os.path.relpath(root / SCHEMA_FOLDER / f"{kind}.schema.json", target.parent))
    return f"# yaml-language-server: $schema={schema.as_posix()}"


_TEMPLATES = jinja2.Environment(loader=jinja2.PackageLoader("generator.content", "starters"), keep_trailing_newline=True)


def write_module_stub(sources: Sources, module_id: str) -> list[Path]:
    if not re.match(SLUG_PATTERN, module_id):
        raise ValueError(f"{message('content_new_invalid_id', id=module_id)}: {message('content_id_hint')}")
    targets = {
        sources.modules_dir / f"{module_id}.yml": ("new_module.yml.j2", "module"),
        sources.quizzes_dir / f"{module_id}.yml": ("new_quiz.yml.j2", "quiz"),
    }
    existing = [sources.display(path) for path in targets if path.exists()]
    if existing:
        raise ValueError(message("content_new_exists", files=", ".join(existing)))
    for path, (template, kind) in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        text = _TEMPLATES.get_template(template).render(id=module_id, modeline=schema_modeline(path, sources.root, kind))
        path.write_text(text, encoding="utf-8")
    return list(targets)
