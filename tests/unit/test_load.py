"""Each validation rule of a single file, seen as the trainer sees it."""

from generator.content.load import load_bytes
from generator.content.model import Module, QuizBank

MODULE = """\
id: m
title: Judul
summary: Ringkasan.
level: dasar
duration_jp: 2
objectives:
  - id: o
    text: Menjelaskan.
sections:
  - id: s
    title: Bagian
    body: Isi.
"""

QUIZ_HEAD = """\
id: q
module: m
title: Uji
questions:
"""

QUESTION = """\
  - id: a
    type: single
    prompt: Apa?
    choices:
      - text: Ya
        correct: true
      - text: Tidak
    explanation: Karena.
    objective: o
    section: s
"""


def module_errors(text: str) -> list[str]:
    loaded, errors = load_bytes(text.encode(), "docs/modules/m.yml", Module)
    assert (loaded is None) == bool(errors)
    return [str(error) for error in errors]


def quiz_errors(questions: str) -> list[str]:
    loaded, errors = load_bytes((QUIZ_HEAD + questions).encode(), "quizzes/q.yml", QuizBank)
    return [str(error) for error in errors]


def test_valid_module_loads_with_defaults():
    loaded, errors = load_bytes(MODULE.encode(), "docs/modules/m.yml", Module)
    assert errors == []
    assert loaded.item.order == 100 and loaded.item.prerequisites == []


def test_missing_required_field_points_at_the_parent():
    errors = module_errors(MODULE.replace("summary: Ringkasan.\n", ""))
    assert errors == ["docs/modules/m.yml:1:1: the required field 'summary' is missing"]


def test_unknown_field_suggests_the_right_name():
    errors = module_errors(MODULE + "duration_jam: 3\n")
    assert errors == ["docs/modules/m.yml:13:1: duration_jam: unknown field 'duration_jam'\n    hint: did you mean 'duration_jp'?"]


def test_wrong_level_lists_the_allowed_values():
    errors = module_errors(MODULE.replace("level: dasar", "level: dasr"))
    assert errors == ["docs/modules/m.yml:4:1: level: 'dasr' is not one of: dasar, menengah, lanjut\n    hint: did you mean 'dasar'?"]


def test_number_where_text_is_expected_gets_a_quote_hint():
    errors = module_errors(MODULE.replace("title: Judul", "title: 2024"))
    assert errors == ["docs/modules/m.yml:2:1: title: expected text, found 2024\n    hint: put the value in quotes so YAML reads it as text"]


def test_yes_no_are_booleans_in_yaml_so_a_hint_says_quote():
    errors = module_errors(MODULE.replace("title: Bagian", "title: No"))
    assert errors == ["docs/modules/m.yml:11:5: sections[0].title: expected text, found false\n    hint: put the value in quotes so YAML reads it as text"]


def test_invalid_id_explains_the_id_rules():
    errors = module_errors(MODULE.replace("  - id: s", "  - id: Bagian Satu"))
    assert errors[0].startswith("docs/modules/m.yml:10:5: sections[0].id: 'Bagian Satu' is not a valid id")
    assert "lowercase letters, digits and single hyphens" in errors[0]


def test_empty_lists_and_texts_are_refused():
    errors = module_errors(MODULE.replace("title: Judul", "title: ''").split("sections:")[0] + "sections: []\n")
    assert "docs/modules/m.yml:2:1: title: must not be empty" in errors
    assert "docs/modules/m.yml:9:1: sections: needs at least 1 item" in errors


def test_duration_must_be_positive_whole_number():
    assert module_errors(MODULE.replace("duration_jp: 2", "duration_jp: 0")) == ["docs/modules/m.yml:5:1: duration_jp: must be greater than 0, found 0"]
    assert module_errors(MODULE.replace("duration_jp: 2", "duration_jp: dua")) == ["docs/modules/m.yml:5:1: duration_jp: expected a whole number, found 'dua'"]


def test_list_expected():
    errors = module_errors(MODULE + "key_points: satu poin\n")
    assert errors == ["docs/modules/m.yml:13:1: key_points: expected a list, found 'satu poin'\n    hint: write each item on its own line starting with '- '"]


def test_activity_method_must_be_known():
    activity = "activities:\n  - id: a\n    title: T\n    method: diskusi\n    duration_minutes: 30\n    group_size: 5\n    steps: [Mulai]\n"
    errors = module_errors(MODULE + activity)
    assert len(errors) == 1 and errors[0].startswith("docs/modules/m.yml:16:5: activities[0].method: 'diskusi' is not one of: ceramah-interaktif")


def test_group_size_may_be_a_number():
    activity = "activities:\n  - id: a\n    title: T\n    method: fgd\n    duration_minutes: 30\n    group_size: 5\n    steps: [Mulai]\n"
    loaded, errors = load_bytes((MODULE + activity).encode(), "m.yml", Module)
    assert errors == [] and loaded.item.activities[0].group_size == "5"


def test_valid_quiz_loads():
    assert quiz_errors(QUESTION) == []


def test_single_needs_exactly_one_correct_choice():
    errors = quiz_errors(QUESTION.replace("      - text: Tidak", "      - text: Tidak\n        correct: true"))
    assert errors == ["quizzes/q.yml:8:5: questions[0].choices: a 'single' question needs exactly one choice with 'correct: true', found 2\n    hint: use type 'multiple' when several choices are right"]


def test_multiple_needs_a_correct_choice():
    errors = quiz_errors(QUESTION.replace("type: single", "type: multiple").replace("        correct: true\n", ""))
    assert errors == ["quizzes/q.yml:8:5: questions[0].choices: no choice is marked correct\n    hint: add 'correct: true' to every right choice"]


def test_unknown_question_type_points_at_type():
    errors = quiz_errors(QUESTION.replace("type: single", "type: singel"))
    assert errors == ["quizzes/q.yml:6:5: questions[0].type: unknown question type 'singel'; use one of: single, multiple, true_false, ordering, matching\n    hint: did you mean 'single'?"]


def test_missing_type():
    errors = quiz_errors(QUESTION.replace("    type: single\n", ""))
    assert errors[0].startswith("quizzes/q.yml:5:5: questions[0]: the field 'type' is missing")


def test_true_false_needs_a_boolean_answer():
    question = "  - id: b\n    type: true_false\n    prompt: P\n    answer: mungkin\n    explanation: E\n    objective: o\n    section: s\n"
    assert quiz_errors(question) == ["quizzes/q.yml:8:5: questions[0].answer: expected true or false, found 'mungkin'"]


def test_ordering_items_must_differ():
    question = "  - id: b\n    type: ordering\n    prompt: P\n    items: [Satu, Dua, satu]\n    explanation: E\n    objective: o\n    section: s\n"
    errors = quiz_errors(question)
    assert errors == ["quizzes/q.yml:8:5: questions[0].items: the item 'satu' appears twice\n    hint: every item must be different"]


def test_matching_sides_must_differ_and_need_two_pairs():
    pairs = "    pairs:\n      - left: A\n        right: X\n      - left: B\n        right: X\n"
    question = "  - id: b\n    type: matching\n    prompt: P\n" + pairs + "    explanation: E\n    objective: o\n    section: s\n"
    assert quiz_errors(question) == ["quizzes/q.yml:8:5: questions[0].pairs: the right side 'X' appears twice\n    hint: every right side must be different"]
    one_pair = question.replace("      - left: B\n        right: X\n", "")
    assert quiz_errors(one_pair) == ["quizzes/q.yml:8:5: questions[0].pairs: needs at least 2 items"]


def test_every_problem_in_a_file_is_reported_together():
    broken = QUESTION.replace("type: single", "type: singel") + QUESTION.replace("id: a", "id: B B").replace("    explanation: Karena.\n", "")
    errors = quiz_errors(broken)
    assert len(errors) == 3


def test_pass_percent_bounds():
    loaded, errors = load_bytes((QUIZ_HEAD.replace("questions:", "pass_percent: 120\nquestions:") + QUESTION).encode(), "quizzes/q.yml", QuizBank)
    assert [str(e) for e in errors] == ["quizzes/q.yml:4:1: pass_percent: must be at most 100, found 120"]
