import json

from generator.content.catalog import Sources, load_catalog
from generator.site.quizdata import QuizContext, json_for_script, quiz_payload, storage_key
from tests.conftest import FIXTURE_SITE


def payload(use_directory_urls=True):
    catalog = load_catalog(Sources(FIXTURE_SITE, FIXTURE_SITE / "docs/modules", FIXTURE_SITE / "quizzes"))
    quiz = catalog.quiz_items[0]
    return quiz_payload(quiz, QuizContext(catalog.module(quiz.module), "Situs Uji", use_directory_urls, {"check": "Periksa"}))


def test_storage_key_is_versioned_per_site_and_quiz():
    assert storage_key("Situs Uji!", "dasar") == "berdaya.v1.situs-uji.dasar"


def test_review_links_follow_the_url_style():
    assert payload(True)["questions"][0]["review"]["href"] == "../../modul/dasar/#pengertian"
    assert payload(False)["questions"][0]["review"]["href"] == "../modul/dasar.html#pengertian"


def test_ordering_is_shuffled_deterministically_and_never_solved():
    first, second = payload()["questions"][3], payload()["questions"][3]
    assert first == second
    solved = [first["items"][index] for index in first["answer"]]
    assert solved == ["Pertama", "Kedua", "Ketiga"]
    assert first["items"] != solved


def test_matching_answers_point_at_the_right_side():
    question = payload()["questions"][4]
    pairs = {question["left"][i]: question["right"][question["answer"][i]] for i in range(3)}
    assert pairs == {"Mikro": "Individu", "Mezzo": "Kelompok", "Makro": "Sistem"}


def test_rev_changes_when_a_question_changes():
    questions = payload()["questions"]
    assert len({question["rev"] for question in questions}) == len(questions)


def test_json_cannot_close_the_script_element():
    text = json_for_script({"a": "</script><!-- & >"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- & >"}
