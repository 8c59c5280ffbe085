"""Which objectives the quiz banks assess, and the gaps an author should fill first.

Pure: Catalog in, plain data out; ``berdaya validate`` prints its summary
line, ``berdaya coverage`` the whole report, and the site shows it to
trainers on one page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..content.catalog import Catalog
from ..content.model import QUESTION_TYPES, Competency, Module


@dataclass(frozen=True)
class ObjectiveCoverage:
    id: str
    text: str
    by_type: dict[str, int]  # question type -> how many questions assess the objective

    @property
    def questions(self) -> int:
        return sum(self.by_type.values())


@dataclass(frozen=True)
class SectionRef:
    id: str
    title: str


@dataclass(frozen=True)
class ModuleCoverage:
    module: Module
    objectives: list[ObjectiveCoverage]
    unreviewed_sections: list[SectionRef]  # no question sends a trainee back to them
    questions: int

    @property
    def unassessed(self) -> list[ObjectiveCoverage]:
        return [objective for objective in self.objectives if not objective.questions]


@dataclass(frozen=True)
class CoverageReport:
    modules: list[ModuleCoverage]
    uncovered_competencies: list[Competency] = field(default_factory=list)
    competencies: int = 0

    @property
    def objectives(self) -> int:
        return sum(len(entry.objectives) for entry in self.modules)

    @property
    def assessed(self) -> int:
        return sum(len(entry.objectives) - len(entry.unassessed) for entry in self.modules)

    @property
    def sections(self) -> int:
        return sum(len(entry.module.sections) for entry in self.modules)

    @property
    def unreviewed(self) -> int:
        return sum(len(entry.unreviewed_sections) for entry in self.modules)


def coverage(catalog: Catalog) -> CoverageReport:
    modules = [_module_coverage(catalog, module) for module in catalog.module_items]
    covered = {competency for module in catalog.module_items for competency in module.competencies}
    uncovered = [competency for competency in catalog.competency_items if competency.id not in covered]
    return CoverageReport(modules, uncovered, len(catalog.competency_items))


def _module_coverage(catalog: Catalog, module: Module) -> ModuleCoverage:
    questions = [question for bank in catalog.quizzes_for(module.id) for question in bank.questions]
    counts: dict[str, Counter] = {objective.id: Counter() for objective in module.objectives}
    for question in questions:
        counts.setdefault(question.objective, Counter())[question.type] += 1
    reviewed = {question.section for question in questions}
    return ModuleCoverage(
        module=module,
        objectives=[
            ObjectiveCoverage(objective.id, objective.text, {kind: counts[objective.id][kind] for kind in QUESTION_TYPES if counts[objective.id][kind]})
            for objective in module.objectives
        ],
        unreviewed_sections=[SectionRef(section.id, section.title) for section in module.sections if section.id not in reviewed],
        questions=len(questions),
    )


# --- as text, for the command line ---------------------------------------------


def summary_line(report: CoverageReport) -> str:
    from ..content.messages import message

    return message(
        "export_coverage_line", assessed=report.assessed, objectives=report.objectives, unreviewed=report.unreviewed,
        sections=report.sections, uncovered=len(report.uncovered_competencies), competencies=report.competencies,
    )


def report_text(report: CoverageReport) -> str:
    """The whole report: per module, its objectives with question counts by type, then the gaps."""
    from ..content.messages import message

    lines: list[str] = []
    for entry in report.modules:
        lines.append(message("export_coverage_module", title=entry.module.title, id=entry.module.id, questions=entry.questions))
        for objective in entry.objectives:
            if objective.questions:
                types = ", ".join(f"{count} {kind}" for kind, count in objective.by_type.items())
                lines.append("  " + message("export_coverage_objective", id=objective.id, count=objective.questions, types=types))
            else:
                lines.append("  " + message("export_coverage_objective_none", id=objective.id, text=objective.text))
        if entry.unreviewed_sections:
            lines.append("  " + message("export_coverage_sections", sections=", ".join(section.id for section in entry.unreviewed_sections)))
    if report.uncovered_competencies:
        lines.append(message("export_coverage_competencies", ids=", ".join(item.id for item in report.uncovered_competencies)))
    lines.append(summary_line(report))
    return "\n".join(lines)
