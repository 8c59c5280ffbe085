from generator.site import csp


def test_only_the_themes_inline_scripts_are_hashed_never_the_content():
    content = "<p>x</p><script>alert(1)</script>"
    output = f'<html><head><script>theme()</script><script src="a.js"></script><script type="application/json">{{}}</script></head><body>{content}</body></html>'
    hashes = csp.theme_script_hashes(output, content)
    assert hashes == {csp._hash("theme()")}


def test_the_placeholder_comes_first_in_head_and_once():
    page = csp.with_placeholder('<html lang="id"><head><meta charset="utf-8"><script>x()</script></head></html>')
    assert page.index(csp.PLACEHOLDER) < page.index("<script>") and csp.with_placeholder(page) == page


def test_policy():
    assert csp.policy({"'sha256-b'", "'sha256-a'"}) == "script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b'; object-src 'none'; base-uri 'self'"
