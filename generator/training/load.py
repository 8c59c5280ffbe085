"""curricula/*.yml -> validated trainings, through the content loader (positions, messages).

``load_trainings`` reads every training file, validates each on its own
(content/load.py with the training model), then checks it against the
modules of the catalog and its own schedule (validate.py). Problems are
returned, not raised, so the project loader reports them together with
the modules' and quiz banks' problems.
"""

from __future__ import annotations

from pathlib import Path

from ..content.cache import ParseCache
from ..content.catalog import Catalog, Sources
from ..content.errors import ContentError
from ..content.load import Loaded, load_file
from ..content.messages import message
from .model import TIME_FIELDS, Training
from .validate import check_training


def load_trainings(sources: Sources, catalog: Catalog | None, cache: ParseCache | None = None) -> tuple[list[Loaded[Training]], list[ContentError]]:
    """Every training in ``sources.curricula_dir``; without a catalog, only what one file can check.

    ``cache`` reuses parsed files that did not change; the checks against the catalog always run."""
    load = cache.load if cache is not None else load_file
    loaded: list[Loaded[Training]] = []
    errors: list[ContentError] = []
    for path in sources.training_files():
        entry, problems = load(path, sources.display(path), Training, TIME_FIELDS)
        errors += problems
        if entry is None:
            continue
        problems = _check_file_name(entry, path) + check_training(entry, catalog)
        errors += problems
        if not problems:
            loaded.append(entry)
    errors += _check_unique_ids(loaded)
    loaded.sort(key=lambda entry: entry.item.id)
    return loaded, errors


def _check_file_name(entry: Loaded[Training], path: Path) -> list[ContentError]:
    if entry.item.id == path.stem:
        return []
    return [entry.document.error(("id",), message("training_id_not_file_name", id=entry.item.id, stem=path.stem), message("training_id_not_file_name_hint", id=entry.item.id, stem=path.stem))]


def _check_unique_ids(entries: list[Loaded[Training]]) -> list[ContentError]:
    first: dict[str, Loaded[Training]] = {}
    errors = []
    for entry in entries:
        earlier = first.setdefault(entry.item.id, entry)
        if earlier is not entry:
            errors.append(entry.document.error(("id",), message("training_id_twice", id=entry.item.id, file=earlier.document.file), message("training_id_twice_hint")))
    return errors
