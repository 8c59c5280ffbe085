"""The MkDocs adapter's own duties: watch paths, assets, language."""

from pathlib import Path

from mkdocs.config import load_config

from generator.site.locale import language_code, widget_strings
from tests.conftest import FIXTURE_SITE


class FakeServer:
    def __init__(self):
        self.watched = []

    def watch(self, path):
        self.watched.append(Path(path))


def loaded_config(site: Path):
    config = load_config(str(site / "mkdocs.yml"))
    return config.plugins.on_config(config)


def test_serve_watches_the_yaml_folders(site_copy):
    config = loaded_config(site_copy)
    server = FakeServer()
    config.plugins.on_serve(server, config=config, builder=None)
    assert site_copy / "quizzes" in server.watched
    assert site_copy / "docs/modules" in server.watched


def test_widget_assets_are_added_to_every_page(site_copy):
    config = loaded_config(site_copy)
    assert "assets/berdaya/site.css" in config.extra_css  # tables, the offline box, the search dialog
    # The widget's and the training documents' styles only on their pages (linked in the head).
    assert "assets/berdaya/quiz.css" not in config.extra_css and "assets/berdaya/training.css" not in config.extra_css
    assert "assets/berdaya/site.js" in [str(script) for script in config.extra_javascript]
    # quiz.js only where a quiz is (site.js loads it: data-berdaya-scripts); search.js before Material.
    assert "assets/berdaya/quiz.js" not in [str(script) for script in config.extra_javascript]
    assert config.extra["polyfills"][-1] == "assets/berdaya/search.js"
    # site.js names wide tables' scroll regions in the site's language (overrides/main.html).
    assert config.extra["berdaya_words"]["table_region"] == "Tabel: {title}, dapat digeser ke samping"


def test_interface_language_follows_theme_language():
    assert language_code("en") == "en" and language_code("en-GB") == "en"
    assert language_code("id") == "id" and language_code(None) == "id"
    assert language_code("fr") == "id"  # content is Indonesian; unknown languages fall back to it
    assert widget_strings("en")["check"] != widget_strings("id")["check"]
    assert set(widget_strings("en")) == set(widget_strings("id"))


def test_the_build_hands_loaded_objects_back_to_the_garbage_collector(site_copy):
    import gc

    config = loaded_config(site_copy)
    config.plugins.on_pre_build(config=config)  # loads the curriculum, frozen out of the collector's sight
    assert gc.get_freeze_count() > 0
    config.plugins.on_post_build(config=config)  # `mkdocs serve` rebuilds: old cycles must stay collectable
    assert gc.get_freeze_count() == 0


def _break_module(site: Path, value: str = "dasr") -> None:
    module = site / "docs/modules/dasar.yml"
    module.write_text(module.read_text(encoding="utf-8").replace("level: dasar", f"level: {value}", 1), encoding="utf-8")


def test_while_serving_a_mistake_keeps_the_last_good_pages_and_puts_the_problems_on_them(site_copy):
    config = loaded_config(site_copy)
    plugin = config.plugins["berdaya"]
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_pre_build(config=config)
    good = plugin.catalog
    _break_module(site_copy, '"<script>alert(1)</script>"')
    plugin.on_pre_build(config=config)  # no exception: the site goes on
    assert plugin.catalog is good
    page = plugin.on_post_page('<html><body class="x"><h1>Dasar</h1></body></html>', page=None, config=config)
    assert page.startswith('<html><body class="x"><div id="berdaya-problems"')
    assert "<code>docs/modules/dasar.yml:4:1</code> <code>level</code>: " in page
    assert "<script>alert" not in page and "&lt;script&gt;" in page  # the trainer's text is escaped
    plugin.on_post_build(config=config)
    (site_copy / "docs/modules/dasar.yml").write_text((FIXTURE_SITE / "docs/modules/dasar.yml").read_text(encoding="utf-8"), encoding="utf-8")
    plugin.on_pre_build(config=config)
    assert plugin.problems is None
    assert plugin.on_post_page("<body></body>", page=None, config=config) == "<body></body>"
    plugin.on_post_build(config=config)


def test_mkdocs_build_still_fails_on_a_mistake(site_copy):
    import pytest
    from mkdocs.exceptions import PluginError

    config = loaded_config(site_copy)
    plugin = config.plugins["berdaya"]
    plugin.on_startup(command="build", dirty=False)
    _break_module(site_copy)
    with pytest.raises(PluginError, match="docs/modules/dasar.yml:4:1"):
        plugin.on_pre_build(config=config)
    plugin.on_build_error(error=None)


def test_after_a_failed_build_the_dev_server_stops_waiting_for_it():
    import threading

    from generator.mkdocs_plugin import _answer_after_failed_builds

    class Server:  # the parts of mkdocs.livereload.LiveReloadServer the guard uses
        _epoch_cond = threading.Condition()
        _visible_epoch, _wanted_epoch = 1, 2

        def builder(self):
            raise RuntimeError("a template is broken")

    server = Server()
    _answer_after_failed_builds(server)
    try:
        server.builder()
    except RuntimeError:
        pass
    assert server._wanted_epoch == server._visible_epoch  # requests are answered again


def test_page_stylesheets_are_those_a_page_names():
    from generator.site.assets_files import page_stylesheets

    html = ('<div data-berdaya-scripts="results.css resultcode.js results.js"></div>'
            '<article data-berdaya-scripts="quiz.css quiz.js"></article><p data-berdaya-scripts="quiz.css evil.css ../x.css"></p>')
    assert page_stylesheets(html) == ["results.css", "quiz.css"]  # in order, once, only the site's own
    assert page_stylesheets("<p>no widget</p>") == []
