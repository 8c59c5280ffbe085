"""The whole curriculum in memory, with the checks that span several files.

``load_catalog`` reads every module and quiz bank, validates each on its own
(load.py), then checks what ties them together: ids match file names, ids
are unique, prerequisites and quiz references exist. It returns a Catalog or
raises ContentErrors carrying every problem found in the run.
"""

from __future__ import annotations

import gc
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .cache import ParseCache
from .errors import ContentError, ContentErrors
from .load import Loaded, did_you_mean, load_file
from .messages import message
from .model import RESERVED_ANCHORS, Competency, CompetencyFramework, Module, NeedsReport, QuizBank

YAML_SUFFIXES = (".yml", ".yaml")
# The competency framework lives beside the trainings in curricula/; a
# training loader skips this one file name.
COMPETENCIES_FILE = "competencies.yml"
DEFAULT_CURRICULA_DIR = "curricula"
# Aggregates of needs surveys (berdaya needs analyze), one file per survey.
NEEDS_DIR = "kebutuhan"


@dataclass(frozen=True)
class Sources:
    """Where the content lives. ``root`` is what error messages are relative to."""

    root: Path
    modules_dir: Path
    quizzes_dir: Path
    curricula_dir: Path | None = None  # default: <root>/curricula

    @property
    def curricula(self) -> Path:
        return self.curricula_dir if self.curricula_dir is not None else self.root / DEFAULT_CURRICULA_DIR

    @property
    def competencies_file(self) -> Path:
        return self.curricula / COMPETENCIES_FILE

    def display(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    @property
    def needs_dir(self) -> Path:
        return self.root / NEEDS_DIR

    def content_files(self) -> list[Path]:
        framework = [self.competencies_file] if self.competencies_file.is_file() else []
        return _yaml_files(self.modules_dir) + _yaml_files(self.quizzes_dir) + framework + self.training_files() + _yaml_files(self.needs_dir)

    def training_files(self) -> list[Path]:
        """curricula/*.yml except the competency framework, which lives there too."""
        return [path for path in _yaml_files(self.curricula) if path.name != COMPETENCIES_FILE]


@dataclass
class Catalog:
    modules: list[Loaded[Module]]
    quizzes: list[Loaded[QuizBank]]
    framework: Loaded[CompetencyFramework] | None = None
    needs_reports: list[Loaded[NeedsReport]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._competencies_by_id = {item.id: item for item in self.competency_items}
        # Lookups by id, built once: pages ask for them per module and per question.
        self._modules_by_id = {entry.item.id: entry.item for entry in self.modules}
        self._quizzes_by_module: dict[str, list[QuizBank]] = {}
        for entry in self.quizzes:
            self._quizzes_by_module.setdefault(entry.item.module, []).append(entry.item)

    def module(self, module_id: str) -> Module | None:
        return self._modules_by_id.get(module_id)

    def quizzes_for(self, module_id: str) -> list[QuizBank]:
        return list(self._quizzes_by_module.get(module_id, ()))

    @property
    def module_items(self) -> list[Module]:
        return [entry.item for entry in self.modules]

    @property
    def quiz_items(self) -> list[QuizBank]:
        return [entry.item for entry in self.quizzes]

    @property
    def competency_items(self) -> list[Competency]:
        """The framework's competencies in the order it lists them (none without a framework)."""
        return list(self.framework.item.competencies) if self.framework else []

    def competency(self, competency_id: str) -> Competency | None:
        return self._competencies_by_id.get(competency_id)

    def modules_for_competency(self, competency_id: str) -> list[Module]:
        """Modules that list the competency, in curriculum order."""
        return [module for module in self.module_items if competency_id in module.competencies]


def load_catalog(sources: Sources, cache: ParseCache | None = None) -> Catalog:
    """``cache`` (cache.py) reuses the files that did not change since the last call."""
    errors: list[ContentError] = []
    load = cache.load if cache is not None else load_file
    with _collector_paused():
        modules = _load_all(sources, sources.modules_dir, Module, errors, load)
        quizzes = _load_all(sources, sources.quizzes_dir, QuizBank, errors, load)
        framework = _load_framework(sources, errors, load)
        reports = _load_all(sources, sources.needs_dir, NeedsReport, errors, load)
    errors += _check_file_names(modules) + _check_file_names(quizzes)
    errors += _check_unique_ids(modules, "content_module_id_taken") + _check_unique_ids(quizzes, "content_quiz_id_taken")
    # A module whose file has problems still exists: don't report references
    # to it as broken, that would only bury the real problem.
    unreadable = {path.stem for path in _yaml_files(sources.modules_dir)} - {entry.item.id for entry in modules}
    for entry in modules:
        errors += _check_module(entry)
    errors += _check_prerequisites(modules, unreadable)
    errors += _check_competencies(modules, framework, sources)
    errors += _check_needs_reports(reports, framework, sources)
    module_index = {entry.item.id: entry.item for entry in modules}
    for entry in quizzes:
        if entry.item.module not in unreadable:
            errors += _check_quiz(entry, module_index)
    if errors:
        raise ContentErrors(errors, files_checked=len(sources.content_files()))
    modules.sort(key=lambda entry: (entry.item.order, entry.item.title.casefold(), entry.item.id))
    positions = {entry.item.id: index for index, entry in enumerate(modules)}
    quizzes.sort(key=lambda entry: (positions.get(entry.item.module, len(positions)), entry.item.id))
    reports.sort(key=lambda entry: entry.item.survey)
    return Catalog(modules, quizzes, framework, reports)


@contextmanager
def _collector_paused():
    """Loading creates millions of small objects and no reference cycles worth
    collecting; the cyclic garbage collector would walk them again and again,
    during the load and, as they live on, during rendering. So it pauses, and
    what was loaded is then frozen: later collections skip it (it is still
    freed by reference counting when the next build replaces it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _yaml_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(path for path in directory.iterdir() if path.suffix in YAML_SUFFIXES and path.is_file())


def _load_all(sources: Sources, directory: Path, model_class, errors: list[ContentError], load=load_file) -> list[Loaded]:
    loaded = []
    for path in _yaml_files(directory):
        entry, problems = load(path, sources.display(path), model_class)
        errors += problems
        if entry is not None:
            loaded.append(entry)
    return loaded


def _load_framework(sources: Sources, errors: list[ContentError], load=load_file) -> Loaded[CompetencyFramework] | None:
    path = sources.competencies_file
    if not path.is_file():
        return None
    entry, problems = load(path, sources.display(path), CompetencyFramework)
    errors += problems
    if entry is not None:
        ids = [competency.id for competency in entry.item.competencies]
        errors += _duplicates(entry.document, "competencies", "id", ids)
    return entry


def _check_competencies(modules: list[Loaded[Module]], framework: Loaded[CompetencyFramework] | None, sources: Sources) -> list[ContentError]:
    """Every competency a module names is one of the framework's."""
    if framework is None and sources.competencies_file.is_file():
        return []  # the framework has problems of its own: reported already
    known = {competency.id for competency in framework.item.competencies} if framework else set()
    framework_name = sources.display(sources.competencies_file)
    errors = []
    for entry in modules:
        for index, competency in enumerate(entry.item.competencies):
            if competency in known:
                continue
            if framework is None:
                hint = message("content_no_framework_hint", file=framework_name)
            else:
                hint = _closest(competency, known, "competency ids")
            errors.append(entry.document.error(("competencies", index), message("content_unknown_competency", competency=competency, file=framework_name), hint))
    return errors


def _check_needs_reports(reports: list[Loaded[NeedsReport]], framework: Loaded[CompetencyFramework] | None, sources: Sources) -> list[ContentError]:
    """A report's file is named after its survey, and names only the framework's competencies."""
    known = {competency.id for competency in framework.item.competencies} if framework else set()
    framework_name = sources.display(sources.competencies_file)
    errors = []
    for entry in reports:
        stem = Path(entry.document.file).stem
        if entry.item.survey != stem:
            errors.append(entry.document.error(("survey",), message("content_report_survey_name", survey=entry.item.survey, stem=stem), message("content_report_survey_name_hint", survey=entry.item.survey)))
        if framework is None and sources.competencies_file.is_file():
            continue  # the framework's own problems are reported already
        for index, figures in enumerate(entry.item.competencies):
            if figures.id not in known:
                errors.append(entry.document.error(("competencies", index, "id"), message("content_unknown_competency", competency=figures.id, file=framework_name), message("content_report_competency_hint")))
    return errors


def _check_file_names(entries: list[Loaded]) -> list[ContentError]:
    errors = []
    for entry in entries:
        stem = Path(entry.document.file).stem
        if entry.item.id != stem:
            errors.append(entry.document.error(("id",), message("content_id_differs_from_file_name", id=entry.item.id, stem=stem), message("content_id_differs_from_file_name_hint", id=entry.item.id, stem=stem)))
    return errors


def _check_unique_ids(entries: list[Loaded], key: str) -> list[ContentError]:
    """Two files with one id (dasar.yml and dasar.yaml) would make one page twice."""
    first: dict[str, Loaded] = {}
    errors = []
    for entry in entries:
        earlier = first.setdefault(entry.item.id, entry)
        if earlier is not entry:
            errors.append(entry.document.error(("id",), message(key, id=entry.item.id, file=earlier.document.file), message("content_id_taken_hint")))
    return errors


def _check_module(entry: Loaded[Module]) -> list[ContentError]:
    module, document = entry.item, entry.document
    errors = []
    for field, key in (("objectives", "id"), ("sections", "id"), ("activities", "id"), ("references", "key"), ("glossary", "term")):
        values = [getattr(item, key) for item in getattr(module, field)]
        errors += _duplicates(document, field, key, values)
    for index, section in enumerate(module.sections):
        if section.id in RESERVED_ANCHORS:
            errors.append(document.error(("sections", index, "id"), message("content_reserved_section_id", id=section.id), message("content_reserved_section_id_hint", reserved=", ".join(RESERVED_ANCHORS))))
    if module.id in module.prerequisites:
        index = module.prerequisites.index(module.id)
        errors.append(document.error(("prerequisites", index), message("content_own_prerequisite")))
    return errors


def _duplicates(document, field: str, key: str, values: list[str]) -> list[ContentError]:
    counts = Counter(value.casefold() for value in values)
    errors = []
    seen: set[str] = set()
    for index, value in enumerate(values):
        folded = value.casefold()
        if counts[folded] > 1 and folded in seen:
            errors.append(document.error((field, index, key), message("content_used_twice", key=key, value=value, field=field), message("content_used_twice_hint", key=key, field=field)))
        seen.add(folded)
    return errors


def _check_prerequisites(modules: list[Loaded[Module]], unreadable: set[str]) -> list[ContentError]:
    known = {entry.item.id for entry in modules}
    existing = known | unreadable
    errors = []
    for entry in modules:
        for index, prerequisite in enumerate(entry.item.prerequisites):
            if prerequisite not in existing:
                errors.append(entry.document.error(("prerequisites", index), message("content_no_such_module", id=prerequisite), _closest(prerequisite, known, "content_known_modules_hint")))
    errors += _check_cycles(modules, known)
    return errors


def _check_cycles(modules: list[Loaded[Module]], known: set[str]) -> list[ContentError]:
    graph = {entry.item.id: [p for p in entry.item.prerequisites if p in known and p != entry.item.id] for entry in modules}
    by_id = {entry.item.id: entry for entry in modules}
    reported: set[frozenset[str]] = set()
    errors = []
    for start in sorted(graph):
        cycle = _find_cycle(start, graph)
        if cycle and frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            first = by_id[cycle[0]]
            index = first.item.prerequisites.index(cycle[1])
            chain = " -> ".join([*cycle, cycle[0]])
            errors.append(first.document.error(("prerequisites", index), message("content_prerequisite_cycle", chain=chain), message("content_prerequisite_cycle_hint")))
    return errors


def _find_cycle(start: str, graph: dict[str, list[str]]) -> list[str] | None:
    """Depth-first search for a path from ``start`` back to itself."""
    stack = [(start, [start])]
    visited: set[str] = set()
    while stack:
        node, trail = stack.pop()
        for following in graph.get(node, []):
            if following == start:
                return trail
            if following not in visited:
                visited.add(following)
                stack.append((following, [*trail, following]))
    return None


def _check_quiz(entry: Loaded[QuizBank], modules: dict[str, Module]) -> list[ContentError]:
    quiz, document = entry.item, entry.document
    errors = _duplicates(document, "questions", "id", [question.id for question in quiz.questions])
    module = modules.get(quiz.module)
    if module is None:
        return errors + [document.error(("module",), message("content_no_such_module", id=quiz.module), _closest(quiz.module, set(modules), "content_known_modules_hint"))]
    objectives = {objective.id for objective in module.objectives}
    sections = {section.id for section in module.sections}
    for index, question in enumerate(quiz.questions):
        if question.objective not in objectives:
            errors.append(document.error(("questions", index, "objective"), message("content_no_such_objective", module=module.id, id=question.objective), _closest(question.objective, objectives, "content_known_objectives_hint")))
        if question.section not in sections:
            errors.append(document.error(("questions", index, "section"), message("content_no_such_section", module=module.id, id=question.section), _closest(question.section, sections, "content_known_sections_hint")))
    return errors


def _closest(value: str, options: set[str], known_key: str) -> str:
    """'did you mean ...?' when one is close, else the list of what exists."""
    suggestion = did_you_mean(value, sorted(options))
    if suggestion or not options:
        return suggestion
    return message(known_key, ids=", ".join(sorted(options)))
