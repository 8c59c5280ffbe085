"""Pages of trainees' results: "Kemajuan saya" (the trainee's own progress on
this device) and, per training, its pre-test, post-test, collection page and
results page. Data for the browser travels as escaped JSON in attributes;
trainer text reaches the page only through the environment's text filters.
"""

from __future__ import annotations

import html
import json
from typing import Any, Callable

from . import urls
from ..content.catalog import Catalog
from ..content.messages import catalog as messages_catalog
from .quizdata import progress_lookup
from .text import slugify

PROGRESS = "kemajuan.md"
SCRIPTS = "results.css resultcode.js results.js"  # loaded by site.js only where a page asks for them


def strings(prefix: str, page_language: str) -> dict[str, str]:
    """Every results.yml message starting with ``prefix``, in the page's language, by the rest of its key."""
    chosen = page_language if page_language in ("id", "en") else "id"
    return {key[len(prefix):]: entry[chosen] for key, entry in messages_catalog().items() if key.startswith(prefix)}


def attribute_json(value: Any) -> str:
    return html.escape(json.dumps(value, ensure_ascii=False, separators=(",", ":")), quote=True)


def progress_page(catalog: Catalog, render: Callable[..., str], site_slug: str, use_directory_urls: bool, page_language: str) -> str:
    modules = []
    for module in catalog.module_items:
        sections = {section.id: section.title for section in module.sections}
        quizzes = []
        for quiz in catalog.quizzes_for(module.id):
            lookup = progress_lookup(quiz, site_slug)
            lookup["pass"] = quiz.pass_percent
            lookup["review"] = {
                question.id: [sections.get(question.section, question.section),
                              urls.url_link(PROGRESS, urls.module_page(module.id), use_directory_urls, question.section)]
                for question in quiz.questions
            }
            quizzes.append({"quiz": quiz, "data": attribute_json(lookup)})
        modules.append({"module": module, "quizzes": quizzes})
    t = strings("results_progress_", page_language)
    state = {"prefix": f"berdaya.v1.{slugify(site_slug)}.", "strings": t,
             # The needs self-assessment's own key and format (README "The self-assessment page").
             "needs": {"key": f"berdaya.needs.v1.{slugify(site_slug)}",
                       "items": [{"id": c.id, "title": c.title} for c in getattr(catalog, "competency_items", [])]}}
    return render("progress.md.j2", PROGRESS, modules=modules, r=t, state=attribute_json(state), scripts=SCRIPTS)


# ---- a training's pre-test, post-test, collection page and results page -------------

TESTS_DIR = "pelatihan"
PAGE_FILES = {"pre": "pre-test.md", "post": "post-test.md", "collect": "kumpul.md", "results": "hasil.md"}
SEND_SCRIPTS = "results.css resultsend.js"
# Loaded on demand ([data-berdaya-later]), when a result is ready: its code, and the QR code.
CODE_SCRIPT = "resultcode.js"
QR_SCRIPT = "vendor/qrcode.js"
# The words results.js shows in a test page's send box (sendBox, preLock): only these
# go into the page's data; the template takes the rest from the same messages.
SEND_STRINGS = ("send_waiting", "send_identity", "send_saved", "send_score", "send_copied", "send_qr_offline",
                "send_qr_alt", "compare", "gain", "no_gain", "no_pre", "pre_open", "pre_locked", "pre_locked_unanswered")


def training_page(training_id: str, kind: str) -> str:
    return f"{TESTS_DIR}/{training_id}/{PAGE_FILES[kind]}"


def test_key(site_slug: str, training_id: str, kind: str) -> str:
    """Where the widget keeps a trainee's answers to a training's test (README "Pre-test and post-test")."""
    return f"berdaya.v1.{slugify(site_slug)}.pelatihan.{training_id}.{kind}"


def identity_key(site_slug: str) -> str:
    return f"berdaya.v1.{slugify(site_slug)}.peserta"


def lock_key(site_slug: str, training_id: str) -> str:
    """Set when the post-test is started on this device: from then on the pre-test cannot be changed."""
    return f"berdaya.v1.{slugify(site_slug)}.pelatihan.{training_id}.kunci"


def collection_key(site_slug: str, training_id: str) -> str:
    return f"berdaya.v1.{slugify(site_slug)}.kumpulan.{training_id}"


def training_pages(catalog: Catalog, trainings, render: Callable[..., str], options, aggregates: dict | None = None) -> dict[str, str]:
    """The results pages of every training that has tests."""
    from ..results.assessment import for_training

    pages = {}
    for training in trainings:
        test = for_training(catalog, training) if training.tests else None
        if test is None:
            continue
        for kind in ("pre", "post"):
            pages[training_page(training.id, kind)] = _test_page(catalog, training, test, kind, render, options)
        pages[training_page(training.id, "collect")] = _collect_page(training, test, render, options)
        if aggregates and training.id in aggregates:
            pages[training_page(training.id, "results")] = _results_page(catalog, training, test, aggregates[training.id], render, options)
    return pages


def _test_page(catalog: Catalog, training, test, kind: str, render, options) -> str:
    from dataclasses import replace

    from .locale import widget_strings
    from .quizdata import QuizContext, _answer_key, _view, json_for_script

    page = training_page(training.id, kind)
    r = strings("results_page_", options.language)
    w = {**widget_strings(options.language), **strings("results_widget_" + kind + "_", options.language)}
    views, keys = [], []
    for item in test.items:
        quiz = next(quiz for quiz in catalog.quiz_items if quiz.id == item.quiz)
        question = next(question for question in quiz.questions if question.id == item.question)
        module = catalog.module(quiz.module)
        view = _view(quiz, question, QuizContext(module, options.site_slug, options.use_directory_urls, w))
        section = question.section
        views.append(replace(view, key=item.ref, review_href=urls.url_link(page, urls.module_page(module.id), options.use_directory_urls, section)))
        keys.append(_answer_key(quiz, question) | {"id": item.ref})
    payload = {"id": f"{training.id}-{kind}", "passPercent": 0, "storageKey": test_key(options.site_slug, training.id, kind), "strings": w, "questions": keys}
    send = {
        "training": training.id, "kind": kind, "trainingTag": test.training_tag, "testTag": test.test_tag,
        "storageKey": payload["storageKey"], "preKey": test_key(options.site_slug, training.id, "pre"),
        "postKey": test_key(options.site_slug, training.id, "post"), "lockKey": lock_key(options.site_slug, training.id),
        "identityKey": identity_key(options.site_slug),
        "collectUrl": urls.url_link(page, training_page(training.id, "collect"), options.use_directory_urls),
        "items": [{"id": item.ref, "type": item.type, "rev": item.rev} for item in test.items],
        "strings": {key: r[key] for key in SEND_STRINGS},
    }
    heading = (r["pre_title"] if kind == "pre" else r["post_title"]).format(training=training.title)
    return render(
        "training_test.md.j2", page, heading=heading, kind=kind, r=r, w=w, scripts=SEND_SCRIPTS, code_script=CODE_SCRIPT, qr_script=QR_SCRIPT,
        quiz={"id": payload["id"], "pass_percent": 0}, questions=views, quiz_json=json_for_script(payload),
        mode="pretest" if kind == "pre" else "", send=attribute_json(send), collect_link=send["collectUrl"],
    )


def _collect_page(training, test, render, options) -> str:
    r = strings("results_page_", options.language)
    config = {"training": training.id, "trainingTag": test.training_tag, "testTag": test.test_tag, "count": len(test.items),
              "listKey": collection_key(options.site_slug, training.id), "strings": r}
    heading = r["collect_title"].format(training=training.title)
    return render("collect.md.j2", training_page(training.id, "collect"), heading=heading, r=r, scripts="results.css resultcode.js results.js", config=attribute_json(config))


def _results_page(catalog: Catalog, training, test, data, render, options) -> str:
    r = strings("results_report_", options.language)
    questions = {f"{quiz.id}/{question.id}": question for quiz in catalog.quiz_items for question in quiz.questions}
    pre = {item.question: item for item in data.items.pre}
    rows = []
    for number, item in enumerate(data.items.post or data.items.pre, start=1):
        question = questions.get(item.question)
        rows.append({"number": number, "item": item, "pre": pre.get(item.question), "question": question,
                     "choices": _choice_cells(question, item.choices, r)})
    gain = data.gain
    band = r["band_" + gain.band] if gain.band else ""
    summary = _summary(data, training, r, band, rows)
    bins = [f"{10 * i}–{10 * i + 9} %" if i < 9 else "90–100 %" for i in range(10)]
    return render("results.md.j2", training_page(training.id, "results"), heading=r["title"].format(training=training.title),
                  r=r, data=data, band=band, rows=rows, summary=summary, bins=zip(bins, data.distribution.pre, data.distribution.post),
                  number=_decimal)


def _decimal(value, places: int = 2) -> str:
    return "—" if value is None else f"{value:.{places}f}"


def _choice_cells(question, counts: list[int], r: dict) -> list[dict]:
    """Each choice with how often it was picked; the right ones marked."""
    if question is None or not counts:
        return []
    if question.type == "true_false":
        labels = [(r["true"], question.answer is True), (r["false"], question.answer is False)]
        return [{"text": text, "right": right, "count": count, "plain": True} for (text, right), count in zip(labels, counts)]
    return [{"text": choice.text, "right": choice.correct, "count": count, "plain": False} for choice, count in zip(question.choices, counts)]


def _summary(data, training, r: dict, band: str, rows: list[dict]) -> list[str]:
    """A plain-language paragraph a trainer can paste into the training report (Kirkpatrick level 2)."""
    counts, gain = data.participants, data.gain
    lines = [r["summary_counts"].format(both=counts.both, left=counts.only_pre + counts.only_post, only_pre=counts.only_pre, only_post=counts.only_post)]
    if gain.class_gain is not None:
        lines.append(r["summary_gain"].format(pre=_decimal(gain.pre_mean, 1), post=_decimal(gain.post_mean, 1), gain=_decimal(gain.class_gain), band=band))
        lines.append(r["summary_bands"].format(high=gain.bands.get("high", 0), medium=gain.bands.get("medium", 0), low=gain.bands.get("low", 0),
                                               mean=_decimal(gain.mean_of_gains), count=gain.with_own_gain))
    else:
        lines.append(r["summary_no_gain"])
    flagged = [str(row["number"]) for row in rows if row["item"].flags]
    lines.append(r["summary_items"].format(numbers=", ".join(flagged)) if flagged else r["summary_items_none"])
    lines.append(r["summary_level"])
    return lines


def project_pages(project, options) -> dict[str, str]:
    """The results pages of a whole project: what render_project adds for trainees' results."""
    from .pages import _Renderer

    renderer = _Renderer(project.catalog, options)
    return training_pages(project.catalog, project.training_items, renderer._render, options, getattr(project, "results", {}))
