"""Real MkDocs builds of the fixture site, through the plugin."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import get_files

# English messages, which these tests compare; the fixture site itself is Indonesian.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BERDAYA_LANG": "en"}
SITE_LANGUAGE_ENV = {key: value for key, value in ENV.items() if key != "BERDAYA_LANG"}


def mkdocs_build(site: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *extra],
        cwd=site, capture_output=True, text=True, env=ENV, timeout=300,
    )


def berdaya(site: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=site, capture_output=True, text=True, env=ENV, timeout=120)


def pages_from_plugin(site: Path) -> dict[str, str]:
    """The Markdown the plugin hands to MkDocs, through MkDocs' own events."""
    config = load_config(str(site / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    files = config.plugins.on_files(get_files(config), config=config)
    return {f.src_uri: f.content_string for f in files if f.generated_by and f.src_uri.endswith(".md")}


def test_strict_build_produces_every_page(site_copy):
    result = mkdocs_build(site_copy)
    assert result.returncode == 0, result.stderr
    built = site_copy / "site"
    for page in ["index.html", "modul/index.html", "modul/dasar/index.html", "modul/lanjutan/index.html",
                 "uji/index.html", "uji/dasar/index.html", "glosarium/index.html",
                 "assets/berdaya/quiz.js", "assets/berdaya/quiz.css"]:
        assert (built / page).is_file(), page
    # YAML sources are content, not pages: they are not published.
    assert not (built / "modules").exists()
    quiz_page = (built / "uji/dasar/index.html").read_text(encoding="utf-8")
    assert '<template class="berdaya-quiz-data">' in quiz_page and 'data-berdaya-scripts="quiz.css quiz.js"' in quiz_page
    # The widget's stylesheet is in the head, so the quiz is laid out before any script runs.
    head = quiz_page.split("</head>")[0]
    assert '<link rel="stylesheet" href="../../assets/berdaya/quiz.css">' in head and "assets/berdaya/site.css" in head
    # Pages without a quiz download neither the widget's script nor its stylesheet.
    module_page = (built / "modul/dasar/index.html").read_text(encoding="utf-8")
    assert "quiz.js" not in module_page and "quiz.css" not in module_page and "assets/berdaya/site.css" in module_page


def test_module_order_in_navigation_follows_the_curriculum(site_copy):
    (site_copy / "docs/modules/dasar.yml").write_text(
        (site_copy / "docs/modules/dasar.yml").read_text(encoding="utf-8").replace("order: 1", "order: 9"), encoding="utf-8")
    assert mkdocs_build(site_copy).returncode == 0
    html = (site_copy / "site/index.html").read_text(encoding="utf-8")
    assert html.index("Modul Lanjutan") < html.index("Dasar &lt;b&gt;Pemberdayaan")
    # The footer's "next" link follows the same order.
    lanjutan = (site_copy / "site/modul/lanjutan/index.html").read_text(encoding="utf-8")
    next_link = re.search(r'<a href="([^"]*)" class="md-footer__link md-footer__link--next"', lanjutan)
    assert next_link and next_link.group(1) == "../dasar/"


def test_broken_content_fails_the_build_with_file_and_line_and_keeps_the_old_site(site_copy):
    assert mkdocs_build(site_copy).returncode == 0
    marker = site_copy / "site/index.html"
    before = marker.read_bytes()
    quiz = site_copy / "quizzes/dasar.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("section: pengertian", "section: bab-satu", 1), encoding="utf-8")
    result = mkdocs_build(site_copy)
    assert result.returncode == 1
    assert "quizzes/dasar.yml:18:5: questions[0].section: module 'dasar' has no section 'bab-satu'" in result.stderr
    assert "1 problem in 1 of 3 content files" in result.stderr
    assert "Traceback" not in result.stderr
    assert marker.read_bytes() == before


def test_messages_speak_the_site_language_unless_told_otherwise(site_copy):
    quiz = site_copy / "quizzes/dasar.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("section: pengertian", "section: bab-satu", 1), encoding="utf-8")
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=site_copy, capture_output=True, text=True, env=SITE_LANGUAGE_ENV, timeout=300)
    assert built.returncode == 1
    assert "quizzes/dasar.yml:18:5: questions[0].section: modul 'dasar' tidak punya bagian 'bab-satu'" in built.stderr
    assert "1 masalah di 1 dari 3 berkas konten" in built.stderr
    validate = [sys.executable, "-m", "generator.cli", "validate"]
    indonesian = subprocess.run(validate, cwd=site_copy, capture_output=True, text=True, env=SITE_LANGUAGE_ENV)
    assert "petunjuk: id bagian yang ada: kekuasaan, pengertian" in indonesian.stderr
    english = subprocess.run([*validate, "--lang", "en"], cwd=site_copy, capture_output=True, text=True, env=SITE_LANGUAGE_ENV)
    assert "hint: known section ids: kekuasaan, pengertian" in english.stderr


def test_plugin_and_generate_produce_the_same_pages(site_copy, tmp_path):
    out = tmp_path / "generated"
    result = berdaya(site_copy, "generate", str(out))
    assert result.returncode == 0, result.stderr
    written = {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*.md")}

    from_plugin = pages_from_plugin(site_copy)

    assert from_plugin == written
    assert len(written) == 8  # indexes, glossary, progress, coverage, two modules, one quiz


def test_cli_validate_reports_problems_as_text_and_github_annotations(site_copy):
    quiz = site_copy / "quizzes/dasar.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("type: single", "type: singel", 1), encoding="utf-8")
    text = berdaya(site_copy, "validate", "--format", "text")
    assert text.returncode == 1
    assert text.stderr.splitlines()[0] == "quizzes/dasar.yml:8:5: questions[0].type: unknown question type 'singel'; use one of: single, multiple, true_false, ordering, matching"
    github = berdaya(site_copy, "validate", "--format", "github")
    assert github.returncode == 1
    assert github.stdout.startswith("::error file=quizzes/dasar.yml,line=8,col=5,title=Berdaya content::questions[0].type: unknown question type")


def test_cli_validate_ok(site_copy):
    result = berdaya(site_copy, "validate")
    assert result.returncode == 0 and "2 modules and 1 quiz banks" in result.stdout


def test_generate_refuses_to_replace_a_folder_it_did_not_write(site_copy):
    result = berdaya(site_copy, "generate", "docs")
    assert result.returncode == 2 and "was not made by 'berdaya generate'" in result.stderr
    assert (site_copy / "docs/index.md").exists()


def test_new_writes_a_module_and_quiz_that_validate(site_copy):
    result = berdaya(site_copy, "new", "modul-baru")
    assert result.returncode == 0, result.stderr
    assert "created docs/modules/modul-baru.yml" in result.stdout
    assert berdaya(site_copy, "validate").returncode == 0
    again = berdaya(site_copy, "new", "modul-baru")
    assert again.returncode == 1 and "already exists" in again.stderr


def test_plugin_and_generate_agree_on_the_real_project_site(tmp_path):
    """The shipped mkdocs.yml uses the offline plugin, which changes URLs."""
    project = Path(__file__).resolve().parents[2]
    out = tmp_path / "generated"
    assert berdaya(project, "generate", str(out)).returncode == 0
    written = {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*.md")}
    from_plugin = pages_from_plugin(project)
    assert from_plugin == written
    assert '.html#' in written["uji/prinsip-pemberdayaan.md"]


def test_cli_validate_warns_about_trainer_text_and_strict_makes_it_fail(site_copy):
    relaxed = berdaya(site_copy, "validate", "--format", "github")
    assert relaxed.returncode == 0
    assert "::warning file=quizzes/dasar.yml,line=16,col=68," in relaxed.stdout and "javascript:alert(1)" in relaxed.stdout
    strict = berdaya(site_copy, "validate", "--strict")
    assert strict.returncode == 1
    assert "quizzes/dasar.yml:16:68: questions[0].explanation: the link address 'javascript:alert(1)' is not allowed" in strict.stderr


def test_search_index_from_the_command_line(site_copy, tmp_path):
    """The other door: after building `berdaya generate` output with any engine, `berdaya search-index SITE`."""
    assert mkdocs_build(site_copy).returncode == 0
    built = site_copy / "site"
    index = built / "pagefind"
    assert (index / "pagefind.js").is_file()  # the plugin indexed it
    shutil.rmtree(index)
    result = berdaya(site_copy, "search-index", str(built))
    assert result.returncode == 0, result.stderr
    assert re.match(r"berdaya: search index \(Pagefind\) of \d+ pages: \d+ files, \d+ KB", result.stdout)
    listed = json.loads((index / "files.json").read_text(encoding="utf-8"))
    assert "pagefind.js" in listed and "pagefind-entry.json" in listed and "wasm.id.pagefind" in listed
    assert all((index / name).is_file() for name in listed)
    assert not (index / "pagefind-ui.js").exists() and not list(built.glob(".pagefind-*"))
    assert berdaya(site_copy, "search-index", str(tmp_path)).returncode == 2
