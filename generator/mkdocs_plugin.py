"""The MkDocs door onto the core: routes MkDocs events, does no content work.

- on_pre_build loads and validates the curriculum (before MkDocs cleans the
  site folder, so broken content never leaves a half-written site); under
  ``mkdocs build`` a mistake fails the build, under ``mkdocs serve`` the
  site is built from the last good content and on_post_page /
  on_post_template put the problems on every page (site/problems.py);
- on_files hides the YAML sources and adds the generated pages and assets;
- on_page_content fits a worked notebook's page to the site (site/notebook.py);
- under ``mkdocs serve``, on_page_markdown / on_page_content let an unchanged
  page keep its last conversion and the search index is rebuilt after the
  pages are served (mkdocs_serve.py);
- on_nav puts modules in curriculum order and names the generated sections;
- on_post_build hands the loaded objects back to the garbage collector;
- on_serve watches the YAML folders so edits reload the browser, and keeps
  the dev server answering when a build fails (see _answer_after_failed_builds).
"""

from __future__ import annotations

import gc
import logging
import threading
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .mkdocs_serve import BackgroundSearchIndex, ConvertedPages
from .site import csp, urls
from .site.assets_files import SERVICE_WORKER, asset_contents, early_script_paths, offline_shim_path, script_paths, service_worker, stylesheet_paths
from .site.page_styles import with_page_styles
from .content.cache import ParseCache
from .content.catalog import YAML_SUFFIXES, Catalog
from .project import Project, load_project, render_project
from .content.errors import ContentErrors
from .content.messages import message, use_language
from .site.locale import page_strings, script_words
from .site.notebook import is_notebook, notebook_html
from .search.pagefind_index import OUTPUT_DIR as SEARCH_DIR, IndexCancelled
from .site.problems import problems_banner, with_banner
from .training.navigation import training_nav_order, training_section_titles
from .settings import DEFAULT_CURRICULA_DIR, DEFAULT_MODULES_DIR, DEFAULT_QUIZZES_DIR, Settings

log = logging.getLogger("mkdocs.plugins.berdaya")


class BerdayaConfig(Config):
    modules_dir = c.Type(str, default=DEFAULT_MODULES_DIR)
    quizzes_dir = c.Type(str, default=DEFAULT_QUIZZES_DIR)
    curricula_dir = c.Type(str, default=DEFAULT_CURRICULA_DIR)
    templates_dir = c.Optional(c.Type(str))
    search_index = c.Type(bool, default=True)  # Pagefind index of the built site (generator/search)


class BerdayaPlugin(BasePlugin[BerdayaConfig]):
    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.catalog: Catalog | None = None
        self.project: Project | None = None
        self.serving = False
        self.problems: ContentErrors | None = None  # while serving: the mistakes of the last save
        # Parsed files by content: a rebuild after a save parses only the files that changed.
        self.cache = ParseCache()
        self.script_hashes: set[str] = set()  # the theme's inline scripts, for the Content-Security-Policy
        self.converted = ConvertedPages()
        self.background_index = BackgroundSearchIndex(
            lambda site_dir, cancelled: _index_for_search(site_dir, self.settings.language, cancelled), log)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this plugin object across the rebuilds
        # of `mkdocs serve`, with the last good project in it.
        self.serving = command == "serve"

    @event_priority(100)  # before Material's offline plugin, which would add a CDN script
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.settings = self._settings(config)
        use_language(self.settings.language)  # or BERDAYA_LANG when set
        polyfills = config.extra.setdefault("polyfills", [])
        shim = [offline_shim_path()] if _offline_enabled(config) else []
        for path in [*shim, *early_script_paths()]:
            if path not in polyfills:
                polyfills.append(path)
        for path in stylesheet_paths():
            if path not in config.extra_css:
                config.extra_css.append(path)
        for path in script_paths():
            if path not in [str(script) for script in config.extra_javascript]:
                config.extra_javascript.append(path)
        # Words site.js needs on every page, hand-written ones included
        # (overrides/main.html writes them into the page as JSON).
        config.extra["berdaya_words"] = script_words(self.settings.language)
        return config

    def _settings(self, config: MkDocsConfig) -> Settings:
        return Settings(
            root=Path(config.config_file_path).parent,
            modules_dir=self.config.modules_dir,
            quizzes_dir=self.config.quizzes_dir,
            curricula_dir=self.config.curricula_dir,
            templates_dir=self.config.templates_dir,
            language=config.theme.get("language") or "id",
            site_name=config.site_name,
            use_directory_urls=config.use_directory_urls,
        )

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.script_hashes: set[str] = set()
        if self.serving and self.config.search_index:
            self.background_index.before_build(Path(config.site_dir), SEARCH_DIR)
        # Read again: other plugins' on_config (e.g. offline) may have changed URLs.
        self.settings = self._settings(config)
        try:
            self.cache.forget_missing()
            self.project = load_project(self.settings.sources, self.cache)
        except ContentErrors as problems:
            if not self.serving:
                raise PluginError(message("site_build_problems") + "\n" + problems.render()) from None
            self._keep_serving(problems)
        else:
            if self.problems is not None:
                log.info(message("site_serve_fixed"))
            self.problems = None
        self.catalog = self.project.catalog

    def _keep_serving(self, problems: ContentErrors) -> None:
        """Serve the last good pages with the problems on them, and print them all.

        Our own logger, because MkDocs drops a message its build logger has
        printed before: the same mistake saved twice would show no file or line."""
        self.problems = problems
        log.error(message("site_serve_problems") + "\n" + problems.render())
        if self.project is None:  # broken from the start: an empty site carries the banner
            self.project = Project(Catalog([], []))

    @event_priority(-100)  # the Markdown as every other plugin left it
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.serving:
            self.converted.reuse_or_watch(page, markdown)
        return markdown

    @event_priority(100)  # the conversion as MkDocs made it, before any plugin changes it
    def _remember_conversion(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.serving:
            self.converted.remember(page)
        return html

    def _fit_notebook(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # A worked notebook rendered by mkdocs-jupyter: the site's look, no scripts or CDN addresses.
        return notebook_html(html) if is_notebook(page.file.src_uri) else html

    on_page_content = CombinedEvent(_remember_conversion, _fit_notebook)

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        output = with_banner(output, problems_banner(self.problems)) if self.problems else output
        content = getattr(page, "content", None) or ""
        # The quiz widget's, the training documents' ... stylesheets: in the head, only where named.
        output = with_page_styles(output, content, page.url) if page is not None else output
        return self._with_policy(output, content, config)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        if self.problems and template_name.endswith(".html"):  # 404.html
            output_content = with_banner(output_content, problems_banner(self.problems))
        return self._with_policy(output_content, "", config) if template_name.endswith(".html") else output_content

    def _with_policy(self, output: str, content: str, config: MkDocsConfig) -> str:
        if not _policy_wanted(config, self.serving):
            return output
        self.script_hashes |= csp.theme_script_hashes(output, content)
        return csp.with_placeholder(output)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        modules_dir = (self.settings.root / self.settings.modules_dir).resolve()
        for file in list(files):
            if Path(file.abs_src_path or "").suffix in YAML_SUFFIXES and Path(file.abs_src_path).resolve().parent == modules_dir:
                files.remove(file)
        pages = render_project(self.project, self.settings.page_options)
        generated = [File.generated(config, path, content=markdown) for path, markdown in pages.items()]
        generated.append(File.generated(config, SERVICE_WORKER, content=service_worker(pages)))
        generated += [File.generated(config, path, content=data) for path, data in asset_contents().items()]
        _replace(files, generated)
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        if self.serving:
            self.converted.start_build(config, files)  # every plugin's on_files has run
        strings = page_strings(self.settings.language)
        pages = [urls.module_page(module.id) for module in self.catalog.module_items]
        pages += [urls.quiz_page(quiz.id) for quiz in self.catalog.quiz_items]
        pages += training_nav_order(self.project)
        titles = training_section_titles(self.project, self.settings.language)
        order = {page: index for index, page in enumerate(pages)}
        for section in _sections(nav.items):
            uris = {getattr(getattr(child, "file", None), "src_uri", None) for child in section.children}
            if urls.MODULES_INDEX in uris:
                section.title = strings["modules_title"]
            if urls.QUIZZES_INDEX in uris:
                section.title = strings["quizzes_title"]
            for uri, title in titles.items():
                if uri in uris:
                    section.title = title
            section.children.sort(key=lambda child: _nav_position(child, order))
        _relink(nav)
        return nav

    def on_post_build(self, config: MkDocsConfig) -> None:
        if _policy_wanted(config, self.serving):
            _write_policy(Path(config.site_dir), csp.policy(self.script_hashes))
        # load_catalog froze what it loaded out of the garbage collector's
        # sight (catalog.py). A build ends here; `mkdocs serve` goes on to
        # rebuild many times, and the previous build's reference cycles must
        # stay collectable, so the freeze ends with the build.
        gc.unfreeze()
        if self.config.search_index and self.serving:
            self.background_index.after_build(Path(config.site_dir), SEARCH_DIR)
        elif self.config.search_index:
            _index_for_search(Path(config.site_dir), self.settings.language)
        if self.serving and self.converted.reused:
            log.debug("%d pages kept their last conversion", self.converted.reused)

    def on_build_error(self, error: Exception) -> None:
        gc.unfreeze()  # a failed build ends too

    def on_serve(self, server, config: MkDocsConfig, builder):
        for folder in (self.settings.root / self.settings.quizzes_dir, self.settings.root / self.settings.modules_dir, self.settings.root / self.settings.curricula_dir, self.settings.sources.needs_dir):
            if folder.is_dir():
                server.watch(str(folder))
        if self.settings.templates_dir:
            server.watch(str(self.settings.root / self.settings.templates_dir))
        _answer_after_failed_builds(server)
        return server


def _answer_after_failed_builds(server) -> None:
    """MkDocs 1.6's dev server (mkdocs/livereload) holds every request until the
    build under way has finished (``_visible_epoch == _wanted_epoch``); a build
    that raises never finishes, so every page hangs until a later build
    succeeds. Content mistakes no longer raise while serving, but any other
    failure would still hang the browser: after a failed build, stop waiting
    for it and answer from what is on disk."""
    build, condition = getattr(server, "builder", None), getattr(server, "_epoch_cond", None)
    if build is None or condition is None or not hasattr(server, "_wanted_epoch") or getattr(build, "berdaya_guard", False):
        return  # another MkDocs version: leave it as it is

    def guarded(*args, **kwargs):
        try:
            return build(*args, **kwargs)
        except BaseException:
            with condition:
                server._wanted_epoch = server._visible_epoch
                condition.notify_all()
            raise

    guarded.berdaya_guard = True
    server.builder = guarded


def _index_for_search(site_dir: Path, language: str, cancelled: threading.Event | None = None) -> None:
    from .search.pagefind_index import index_site

    try:
        summary = index_site(site_dir, language, cancelled)
    except IndexCancelled:
        raise
    except Exception as error:  # the binary is missing or failed: say so, the pages are still fine
        raise PluginError(message("site_search_failed", reason=error)) from None
    log.info(message("site_search_indexed", pages=summary.pages, files=summary.files, size=round(summary.bytes / 1000)))


def _policy_wanted(config: MkDocsConfig, serving: bool) -> bool:
    """A Content-Security-Policy, except where it would break a feature: opened
    from disk (the offline plugin) pages have no origin, so 'self' matches
    none of the site's scripts and the search worker's shim is blocked; and
    `mkdocs serve` injects its own live-reload script."""
    return not serving and not _offline_enabled(config)


def _write_policy(site_dir: Path, policy: str) -> None:
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if csp.PLACEHOLDER in text:
            page.write_text(text.replace(csp.PLACEHOLDER, policy, 1), encoding="utf-8")


def _offline_enabled(config: MkDocsConfig) -> bool:
    for name in ("material/offline", "offline"):
        plugin = config.plugins.get(name)
        if plugin is not None:
            return bool(plugin.config.get("enabled", True))
    return False


def _replace(files: Files, generated: list[File]) -> None:
    """Add the generated files; one with the same name in docs/ gives way."""
    existing = {file.src_uri: file for file in files}
    for file in generated:
        if file.src_uri in existing:
            log.warning(message("site_generated_replaces_file", file=file.src_uri))
            files.remove(existing[file.src_uri])
        files.append(file)


def _relink(nav: Navigation) -> None:
    """MkDocs links previous/next pages before on_nav; follow the new order."""
    nav.pages = [item for item in _walk(nav.items) if isinstance(item, Page)]
    bookended = [None, *nav.pages, None]
    for before, page, after in zip(bookended[:-2], nav.pages, bookended[2:]):
        page.previous_page, page.next_page = before, after


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.children or [])


def _sections(items) -> list[Section]:
    found = []
    for item in items:
        if isinstance(item, Section):
            found.append(item)
            found += _sections(item.children)
    return found


def _nav_position(child, order: dict[str, int]) -> tuple[int, int]:
    """Index pages first, then generated pages in curriculum order, then the rest as MkDocs had them."""
    uri = child.file.src_uri if isinstance(child, Page) else ""
    if uri.endswith("index.md"):
        return (0, 0)
    if uri in order:
        return (1, order[uri])
    return (2, 0)
