"""The summary file ``results/<training>.yml`` read back for the site.

``berdaya results collect`` writes it (report.py); the site's results page
is built from it. It is read with the content loader, so a hand-edited or
damaged file is reported with file, line and column like any content file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Optional

from pydantic import Field

from ..content.catalog import Sources
from ..content.errors import ContentError
from ..content.load import Loaded, load_file
from ..content.messages import message
from ..content.model import Slug, Strict

RESULTS_DIR = "results"


class Counts(Strict):
    pre: int = Field(ge=0)
    post: int = Field(ge=0)
    both: int = Field(ge=0)
    only_pre: int = Field(ge=0)
    only_post: int = Field(ge=0)


class GainFigures(Strict):
    pre_mean: Optional[float] = None
    post_mean: Optional[float] = None
    class_gain: Optional[float] = None
    band: Optional[Literal["low", "medium", "high"]] = None
    mean_of_gains: Optional[float] = None
    with_own_gain: int = Field(ge=0)
    perfect_pre: int = Field(ge=0)
    bands: dict[Literal["low", "medium", "high"], int]


class ItemFigures(Strict):
    question: str
    participants: int = Field(ge=0)
    right: int = Field(ge=0)
    unanswered: int = Field(ge=0)
    difficulty: Optional[float] = None
    discrimination: Optional[float] = None
    choices: list[int] = []
    flags: list[Literal["too_easy", "too_hard", "negative_discrimination"]] = []


class Distribution(Strict):
    pre: list[int] = Field(min_length=10, max_length=10)
    post: list[int] = Field(min_length=10, max_length=10)


class Items(Strict):
    pre: list[ItemFigures] = []
    post: list[ItemFigures] = []


class Aggregate(Strict):
    format: Literal["berdaya-results"]
    version: Literal[1]
    example: bool = False  # made-up data (results/samples.py): the page says so
    training: Slug
    test_tag: int = Field(ge=0)
    questions: list[str]
    participants: Counts
    gain: GainFigures
    distribution: Distribution
    items: Items


def load_aggregates(sources: Sources, trainings: dict) -> tuple[dict[str, Aggregate], list[ContentError]]:
    """Every results/<training>.yml beside mkdocs.yml, checked against its training."""
    folder = Path(sources.root) / RESULTS_DIR
    found: dict[str, Aggregate] = {}
    errors: list[ContentError] = []
    if not folder.is_dir():
        return found, errors
    for path in sorted(folder.glob("*.yml")):
        entry, problems = load_file(path, sources.display(path), Aggregate)
        errors += problems
        if entry is None:
            continue
        problem = _check(entry, path, trainings)
        if problem:
            errors.append(problem)
        else:
            found[entry.item.training] = entry.item
    return found, errors


def _check(entry: Loaded[Aggregate], path: Path, trainings: dict) -> ContentError | None:
    data = entry.item
    if data.training != path.stem:
        return entry.document.error(("training",), message("results_aggregate_name", training=data.training, stem=path.stem))
    if data.training not in trainings:
        return entry.document.error(("training",), message("results_aggregate_training_unknown", training=data.training))
    return None
