import json

from generator.content.catalog import Sources, load_catalog
from generator.site.quizdata import QuizContext, json_for_script, question_views, quiz_payload, storage_key
from tests.conftest import FIXTURE_SITE


def quiz_and_context(use_directory_urls=True):
    catalog = load_catalog(Sources(FIXTURE_SITE, FIXTURE_SITE / "docs/modules", FIXTURE_SITE / "quizzes"))
    quiz = catalog.quiz_items[0]
    return quiz, QuizContext(catalog.module(quiz.module), "Situs Uji", use_directory_urls, {"check": "Periksa"})


def payload(use_directory_urls=True):
    return quiz_payload(*quiz_and_context(use_directory_urls))


def views(use_directory_urls=True):
    return question_views(*quiz_and_context(use_directory_urls))


def test_storage_key_is_versioned_per_site_and_quiz():
    assert storage_key("Situs Uji!", "dasar") == "berdaya.v1.situs-uji.dasar"


def test_review_links_follow_the_url_style():
    assert views(True)[0].review_href == "../../modul/dasar/#pengertian"
    assert views(False)[0].review_href == "../modul/dasar.html#pengertian"


def test_ordering_is_shuffled_deterministically_and_never_solved():
    assert views()[3] == views()[3] and payload() == payload()
    shown, answer = views()[3].items, payload()["questions"][3]["answer"]
    solved = [shown[index] for index in answer]
    assert solved == ["Pertama", "Kedua", "Ketiga"]
    assert shown != solved


def test_matching_answers_point_at_the_right_side():
    view, answer = views()[4], payload()["questions"][4]["answer"]
    pairs = {pair.left: view.right[answer[i]] for i, pair in enumerate(view.question.pairs)}
    assert pairs == {"Mikro": "Individu", "Mezzo": "Kelompok", "Makro": "Sistem"}
    assert view.right != [pair.right for pair in view.question.pairs]


def test_answer_key_holds_no_trainer_text():
    text = json_for_script(payload())
    for question in views():
        assert question.question.prompt not in text and question.question.explanation not in text


def test_rev_changes_when_a_question_changes():
    questions = payload()["questions"]
    assert len({question["rev"] for question in questions}) == len(questions)


def test_json_cannot_close_the_script_element():
    text = json_for_script({"a": "</script><!-- & >"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- & >"}
