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
    assert "assets/berdaya/quiz.css" in config.extra_css
    assert "assets/berdaya/quiz.js" in [str(script) for script in config.extra_javascript]
    assert "assets/berdaya/site.js" in [str(script) for script in config.extra_javascript]


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
