"""What ``berdaya export`` writes: one file per quiz bank, chosen by format.

Pure: returns {file name: bytes}; the command line writes them (output.py).
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


@dataclass
class ExportResult:
    files: dict[str, bytes] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


class UnknownQuiz(ValueError):
    """The trainer named a quiz bank that does not exist."""


def _gift(banks: list[QuizBank], target: MoodleTarget, language: str) -> tuple[bytes, list[str]]:
    written = banks_to_gift(banks, target)
    return written.text.encode("utf-8"), written.warnings


def _moodle_xml(banks: list[QuizBank], target: MoodleTarget, language: str) -> tuple[bytes, list[str]]:
    return banks_to_moodle_xml(banks, target).encode("utf-8"), []


def _qti(banks: list[QuizBank], target: MoodleTarget, language: str) -> tuple[bytes, list[str]]:
    from .qti import banks_to_qti_package  # the zip writer is only needed for this format

    return banks_to_qti_package(banks, language), []


# format -> (file suffix, writer)
FORMATS: dict[str, tuple[str, Callable[[list[QuizBank], MoodleTarget, str], tuple[bytes, list[str]]]]] = {
    "gift": (".gift.txt", _gift),
    "moodle-xml": (".moodle.xml", _moodle_xml),
    "qti": (".qti.zip", _qti),
}


def export(catalog: Catalog, kind: str, quiz_ids: list[str] | None, target: MoodleTarget, language: str = "id") -> ExportResult:
    """Every named bank (all when ``quiz_ids`` is None) in format ``kind``, one file each."""
    suffix, write = FORMATS[kind]
    result = ExportResult()
    for bank in _chosen(catalog, quiz_ids):
        data, warnings = write([bank], target, language)
        result.files[bank.id + suffix] = data
        result.warnings += warnings
    return result


def _chosen(catalog: Catalog, quiz_ids: list[str] | None) -> list[QuizBank]:
    banks = {bank.id: bank for bank in catalog.quiz_items}
    if quiz_ids is None:
        return list(banks.values())
    missing = [quiz_id for quiz_id in quiz_ids if quiz_id not in banks]
    if missing:
        raise UnknownQuiz(message("export_unknown_quiz", quiz=", ".join(missing), known=", ".join(banks)))
    return [banks[quiz_id] for quiz_id in quiz_ids]
