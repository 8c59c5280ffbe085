from pathlib import Path

from generator.search.pagefind_index import _skipped, weighted


def test_a_trainings_adapted_module_copies_are_not_indexed():
    # They repeat the shared module page; search leads to the shared page.
    assert _skipped(Path("pelatihan/pelatihan-dasar-3-hari/modul/konsep-pemberdayaan.html"))
    assert not _skipped(Path("modul/konsep-pemberdayaan.html"))
    assert not _skipped(Path("pelatihan/pelatihan-dasar-3-hari/jadwal.html"))
    assert _skipped(Path("404.html"))


def test_training_documents_weigh_less_than_module_text():
    page = "<article><p>Pemberdayaan</p></article>"
    assert 'data-pagefind-weight="0.5"' in weighted("pelatihan/pelatihan-dasar-3-hari/panduan.html", page)
    assert "data-pagefind-weight" not in weighted("modul/konsep-pemberdayaan.html", page)


def test_the_index_is_built_also_from_inside_a_running_event_loop(tmp_path):
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from generator.search.pagefind_index import index_site

    (tmp_path / "index.html").write_text('<html lang="id"><body><article class="md-content__inner"><h1>Pemberdayaan</h1>'
                                         "<p>Pendamping masyarakat desa.</p></article></body></html>", encoding="utf-8")

    async def build():
        return index_site(tmp_path, "id")

    # A thread of its own, so no other test's event loop (Playwright's) is in the way.
    with ThreadPoolExecutor(max_workers=1) as thread:
        summary = thread.submit(asyncio.run, build()).result()
    assert summary.pages == 1 and (tmp_path / "pagefind").is_dir()
