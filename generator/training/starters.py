"""``berdaya new training ID``: a starter training file that validates as written."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from ..content.catalog import Sources
from ..content.messages import message
from ..content.model import SLUG_PATTERN
from ..content.stubs import schema_modeline

_TEMPLATES = jinja2.Environment(loader=jinja2.PackageLoader("generator.training", "starters"), keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)


def write_training_stub(sources: Sources, training_id: str, module_ids: list[str]) -> Path:
    """Write curricula/<id>.yml naming ``module_ids``; ValueError when it cannot."""
    if not re.match(SLUG_PATTERN, training_id):
        raise ValueError(message("training_new_bad_id", id=training_id))
    folder = sources.curricula
    target = folder / f"{training_id}.yml"
    if target.exists():
        raise ValueError(message("training_new_exists", file=sources.display(target)))
    folder.mkdir(parents=True, exist_ok=True)
    chosen = module_ids[:3] or ["konsep-pemberdayaan"]
    target.write_text(_TEMPLATES.get_template("new_training.yml.j2").render(id=training_id, modules=chosen, days=3, modeline=schema_modeline(target, sources.root, "training")), encoding="utf-8")
    return target
