"""The worked notebook: shipped without outputs, and its page fitted to the site.

``notebook_html`` is checked on what mkdocs-jupyter really writes: the
shipped notebook converted without running it (fast, no kernel). The
executed page is checked in tests/site/test_built_site.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.site.notebook import is_notebook, notebook_html

PROJECT = Path(__file__).resolve().parents[2]
NOTEBOOK = PROJECT / "docs/panduan/analisis-kebutuhan.ipynb"


def test_the_shipped_notebook_has_no_outputs_and_a_python_kernel():
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code and all(cell["outputs"] == [] and cell["execution_count"] is None for cell in code)
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    assert "widgets" not in notebook["metadata"]  # no widget state: notebook_html may drop every script


@pytest.fixture(scope="module")
def rendered() -> str:
    convert = pytest.importorskip("mkdocs_jupyter.convert")
    return convert.nb2html(str(NOTEBOOK), execute=False, no_prompt=True, custom_mathjax_url="")


def test_mkdocs_jupyter_output_still_has_what_we_remove(rendered):
    # If mkdocs-jupyter changes its markup, this says so before the page breaks.
    assert "<style" in rendered and "<script" in rendered and "cdnjs.cloudflare.com" in rendered
    assert 'class="clipboard-copy-txt"' in rendered and 'class="highlight-ipynb hl-python"' in rendered


def test_no_script_style_or_other_host_is_left(rendered):
    page = notebook_html(rendered)
    assert "<script" not in page and "<style" not in page
    assert "clipboard" not in page
    assert re.findall(r"https?://[^\s\"'<>]+", page) == []
    assert len(page) < len(rendered) / 5


def test_code_takes_materials_markup_and_appears_once(rendered):
    page = notebook_html(rendered)
    blocks = re.findall(r'<div class="language-python highlight"><pre><code>', page)
    code_cells = [c for c in json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    assert len(blocks) == len(code_cells)
    assert page.count("BUDGET_JP</span> <span") == 1  # the hidden clipboard copy is gone
    assert 'class="anchor-link"' not in page and 'class="headerlink"' in page
    assert 'tabindex="0"' not in page


def test_download_link_points_at_the_copy_beside_the_page(rendered):
    # Relative, so it works with and without directory URLs and from disk (include_source copies it there).
    assert notebook_html(rendered).count('<a download="" href="analisis-kebutuhan.ipynb">') == 2


def test_only_notebooks_are_touched():
    assert is_notebook("panduan/analisis-kebutuhan.ipynb")
    assert not is_notebook("modul/konsep.md")
