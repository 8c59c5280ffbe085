"""The questions of a training's pre-test and post-test, as plain data.

A training chooses its test questions (README "Pre-test and post-test"):
either by reference (``quiz-id/question-id``) or a number per module drawn
from that module's quiz banks. The draw is seeded by the training's id and a
seed the trainer may change, so every build, the pre-test and the post-test
get the same questions in the same order.

The Assessment also says how each question's answer becomes the number a
result code carries for it (README "Result codes") and back.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Sequence

from ..content.catalog import Catalog
from ..content.messages import catalog as messages_catalog, message
from ..content.model import MultipleQuestion, SingleQuestion, TrueFalseQuestion
from .code import tag_for

CHOICE_TYPES = ("single", "multiple", "true_false")


@dataclass(frozen=True)
class AssessmentItem:
    quiz: str
    question: str
    type: str
    rev: str  # the question's version (site/quizdata.question_rev)
    options: int  # how many choices; 2 for true_false (true, false); 0 for ordering and matching
    correct_options: tuple[int, ...]

    @property
    def ref(self) -> str:
        return f"{self.quiz}/{self.question}"


@dataclass(frozen=True)
class Assessment:
    training: str
    items: tuple[AssessmentItem, ...]

    @property
    def training_tag(self) -> int:
        return tag_for(self.training, 24)

    @property
    def test_tag(self) -> int:
        return tag_for("\n".join(f"{item.ref}@{item.rev}" for item in self.items), 16)


def chosen_options(item: AssessmentItem, response: int) -> list[int]:
    """The choices a response number stands for (empty when unanswered or not a choice type)."""
    if response == 0 or item.type not in CHOICE_TYPES:
        return []
    if item.type == "multiple":
        return [index for index in range(item.options) if response & (1 << index)]
    return [response - 1] if 0 < response <= item.options else []


def response_number(item: AssessmentItem, answer, correct: bool) -> int:
    """The number a result code carries for the widget's stored answer (None = unanswered)."""
    if answer is None:
        return 0
    if item.type == "single":
        return answer + 1
    if item.type == "true_false":
        return 1 if answer else 2
    if item.type == "multiple":
        return sum(1 << index for index in answer)
    return 1 if correct else 2


def build(catalog: Catalog, training: str, refs: Sequence[str]) -> Assessment:
    """The Assessment for question references already checked by ``resolve``."""
    from ..site.quizdata import question_rev  # the one definition of a question's version

    items = []
    for ref in refs:
        quiz_id, question_id = ref.split("/", 1)
        quiz = next(quiz for quiz in catalog.quiz_items if quiz.id == quiz_id)
        question = next(question for question in quiz.questions if question.id == question_id)
        items.append(AssessmentItem(quiz_id, question_id, question.type, question_rev(question), *_options(question)))
    return Assessment(training, tuple(items))


def _options(question) -> tuple[int, tuple[int, ...]]:
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        return len(question.choices), tuple(i for i, choice in enumerate(question.choices) if choice.correct)
    if isinstance(question, TrueFalseQuestion):
        return 2, (0 if question.answer else 1,)
    return 0, ()


def resolve(catalog: Catalog, refs: Sequence[str]) -> tuple[list[str], list[tuple[int, str, dict]]]:
    """Full ``quiz/question`` references; problems as (index, message key, fields).

    A bare question id is accepted when exactly one bank has a question of that id."""
    by_question: dict[str, list[str]] = {}
    known = set()
    for quiz in catalog.quiz_items:
        for question in quiz.questions:
            by_question.setdefault(question.id, []).append(quiz.id)
            known.add(f"{quiz.id}/{question.id}")
    resolved, problems, seen = [], [], set()
    for index, ref in enumerate(refs):
        full = ref if "/" in ref else None
        if full is None:
            banks = by_question.get(ref, [])
            if len(banks) == 1:
                full = f"{banks[0]}/{ref}"
            elif banks:
                problems.append((index, "results_question_ambiguous", {"question": ref, "banks": ", ".join(banks)}))
                continue
        if full not in known:
            problems.append((index, "results_question_unknown", {"question": ref}))
        elif full in seen:
            problems.append((index, "results_question_twice", {"question": ref}))
        else:
            seen.add(full)
            resolved.append(full)
    return resolved, problems


def module_ids(training) -> list[str]:
    """The training's modules in the order they are taught, each once."""
    from ..training.model import ModuleEntry

    seen: list[str] = []
    for entry in training.modules:
        if isinstance(entry, ModuleEntry) and entry.module not in seen:
            seen.append(entry.module)
    return seen


def training_refs(catalog: Catalog, training) -> list[str]:
    """The question references of a training's tests (assumed checked)."""
    spec = training.tests
    if spec is None:
        return []
    if spec.questions:
        return resolve(catalog, spec.questions)[0]
    return draw(catalog, training.id, module_ids(training), spec.per_module, spec.seed)


def for_training(catalog: Catalog, training) -> Assessment | None:
    """The pre-test and post-test of a training, or None when it has none."""
    refs = training_refs(catalog, training)
    return build(catalog, training.id, refs) if refs else None


def check_tests(training, document, catalog: Catalog) -> list:
    """ContentErrors for the ``tests:`` field of a training file."""
    spec = training.tests
    if spec is None:
        return []
    if spec.questions:
        _, problems = resolve(catalog, spec.questions)
        errors = []
        for index, key, fields in problems:
            hint_key = key + "_hint"
            hint = message(hint_key, **fields) if hint_key in messages_catalog() else ""
            errors.append(document.error(("tests", "questions", index), message(key, **fields), hint))
        return errors
    if not training_refs(catalog, training):
        return [document.error(("tests", "per_module"), message("results_tests_no_questions"))]
    return []


def draw(catalog: Catalog, training: str, modules: Sequence[str], per_module: int, seed: int | str = 0) -> list[str]:
    """``per_module`` questions from each module's banks, the same at every build.

    Within a module the drawn questions keep the banks' order; a module with
    fewer questions gives all it has."""
    refs: list[str] = []
    for module in modules:
        pool = [f"{quiz.id}/{question.id}" for quiz in catalog.quizzes_for(module) for question in quiz.questions]
        rng = random.Random(f"{seed}/{training}/{module}")
        chosen = set(rng.sample(pool, min(per_module, len(pool))))
        refs += [ref for ref in pool if ref in chosen]
    return refs
