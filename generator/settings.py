"""What the core needs to know about a site, read from mkdocs.yml.

The MkDocs plugin builds Settings from MkDocs' own parsed config; the CLI
reads mkdocs.yml itself (leniently: tags such as !ENV or !!python/name are
ignored) so that ``berdaya validate`` and ``generate`` work without MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .content.catalog import Sources
from .site.pages import PageOptions
from .site.text import slugify

DEFAULT_MODULES_DIR = "docs/modules"
DEFAULT_QUIZZES_DIR = "quizzes"
DEFAULT_CURRICULA_DIR = "curricula"


@dataclass(frozen=True)
class Settings:
    root: Path
    modules_dir: str = DEFAULT_MODULES_DIR
    quizzes_dir: str = DEFAULT_QUIZZES_DIR
    curricula_dir: str = DEFAULT_CURRICULA_DIR
    templates_dir: str | None = None
    language: str = "id"
    site_name: str = "Berdaya"
    use_directory_urls: bool = True

    @property
    def sources(self) -> Sources:
        return Sources(self.root, self.root / self.modules_dir, self.root / self.quizzes_dir, self.root / self.curricula_dir)

    @property
    def page_options(self) -> PageOptions:
        templates = self.root / self.templates_dir if self.templates_dir else None
        return PageOptions(self.language, self.use_directory_urls, slugify(self.site_name), templates)


class _LenientLoader(yaml.SafeLoader):
    """mkdocs.yml may carry tags for MkDocs' loader; we only need plain values."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_LenientLoader.add_multi_constructor("!", _ignore_tag)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def read_settings(config_file: Path) -> Settings:
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}
    theme = data.get("theme") or {}
    plugins = data.get("plugins") or []
    options = _plugin_options(plugins)
    return Settings(
        root=config_file.parent,
        modules_dir=options.get("modules_dir", DEFAULT_MODULES_DIR),
        quizzes_dir=options.get("quizzes_dir", DEFAULT_QUIZZES_DIR),
        curricula_dir=options.get("curricula_dir", DEFAULT_CURRICULA_DIR),
        templates_dir=options.get("templates_dir"),
        language=(theme.get("language") if isinstance(theme, dict) else None) or "id",
        site_name=data.get("site_name") or "Berdaya",
        use_directory_urls=data.get("use_directory_urls", True) and not _offline_enabled(plugins),
    )


def _plugin_entries(plugins: list[Any] | dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    if isinstance(plugins, dict):
        return [(name, options or {}) for name, options in plugins.items()]
    return [next(iter(p.items())) if isinstance(p, dict) else (p, {}) for p in plugins]


def _plugin_options(plugins: list[Any] | dict[str, Any]) -> dict[str, Any]:
    return next((options or {} for name, options in _plugin_entries(plugins) if name == "berdaya"), {})


def _offline_enabled(plugins: list[Any] | dict[str, Any]) -> bool:
    """Material's offline plugin switches MkDocs to file URLs (page.html)."""
    for name, options in _plugin_entries(plugins):
        if name in ("offline", "material/offline"):
            return (options or {}).get("enabled", True) is not False
    return False
