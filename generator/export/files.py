"""What ``berdaya export`` writes: one file per quiz bank, and one per training.

A training's file holds the banks of its modules, in the training's order,
each in a category under the training's title. Pure: returns
{file name: bytes}; the command line writes them (output.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..content.catalog import Catalog
from ..content.messages import message
from ..content.model import QuizBank
from .gift import banks_to_gift
from .moodle import MoodleTarget
from .moodle_xml import banks_to_moodle_xml

ROOT_CATEGORY = "Berdaya"
TRAINING_INFIX = ".training"  # <training>.training.gift.txt: never the name of a bank's file


@dataclass
class ExportResult:
    files: dict[str, bytes] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


class UnknownQuiz(ValueError):
    """The trainer named a quiz bank (or training) that does not exist."""


Writer = Callable[[list[QuizBank], MoodleTarget, str, tuple[str, ...]], tuple[bytes, list[str]]]


def _gift(banks, target, language, category):
    written = banks_to_gift(banks, target, category)
    return written.text.encode("utf-8"), written.warnings


def _moodle_xml(banks, target, language, category):
    return banks_to_moodle_xml(banks, target, category).encode("utf-8"), []


def _qti(banks, target, language, category):
    from .qti import banks_to_qti_package  # the zip writer is only needed for this format

    return banks_to_qti_package(banks, language), []


# format -> (file suffix, writer)
FORMATS: dict[str, tuple[str, Writer]] = {
    "gift": (".gift.txt", _gift),
    "moodle-xml": (".moodle.xml", _moodle_xml),
    "qti": (".qti.zip", _qti),
}


def training_banks(catalog: Catalog, training) -> list[QuizBank]:
    """The banks of the modules a training teaches, in the training's order, each once."""
    module_ids = [getattr(item, "module", None) for item in training.program]
    seen: list[str] = []
    for module_id in module_ids:
        if module_id and module_id not in seen:
            seen.append(module_id)
    return [bank for module_id in seen for bank in catalog.quizzes_for(module_id)]


def export(catalog: Catalog, kind: str, ids: list[str] | None, target: MoodleTarget, language: str = "id", trainings: list = ()) -> ExportResult:
    """Every named bank or training (all when ``ids`` is None) in format ``kind``, one file each."""
    suffix, write = FORMATS[kind]
    result = ExportResult()
    banks, chosen_trainings = _chosen(catalog, list(trainings), ids)
    for bank in banks:
        data, warnings = write([bank], target, language, (ROOT_CATEGORY,))
        result.files[bank.id + suffix] = data
        result.warnings += warnings
    for training in chosen_trainings:
        members = training_banks(catalog, training)
        if not members:
            continue
        data, warnings = write(members, target, language, (ROOT_CATEGORY, training.title))
        result.files[training.id + TRAINING_INFIX + suffix] = data
        result.warnings += [w for w in warnings if w not in result.warnings]
    return result


def _chosen(catalog: Catalog, trainings: list, ids: list[str] | None) -> tuple[list[QuizBank], list]:
    banks = {bank.id: bank for bank in catalog.quiz_items}
    by_id = {training.id: training for training in trainings}
    if ids is None:
        return list(banks.values()), list(by_id.values())
    missing = [name for name in ids if name not in banks and name not in by_id]
    if missing:
        raise UnknownQuiz(message("export_unknown_quiz", quiz=", ".join(missing), known=", ".join([*banks, *by_id])))
    return [banks[name] for name in ids if name in banks], [by_id[name] for name in ids if name in by_id and name not in banks]
