from generator.site.text import escape_html_in_markdown, inline_html, inline_text, markdown_block, slugify, table_cell


def test_raw_html_is_escaped_outside_code():
    assert escape_html_in_markdown("a <script>x</script> & b") == "a &lt;script>x&lt;/script> &amp; b"


def test_code_spans_and_fences_are_left_as_typed():
    text = "see `a <b> & c` here\n\n```\n<div> & </div>\n```\nafter <i>\n"
    assert escape_html_in_markdown(text) == "see `a <b> & c` here\n\n```\n<div> & </div>\n```\nafter &lt;i>\n"


def test_unclosed_fence_keeps_the_rest_as_code():
    assert escape_html_in_markdown("x <a>\n~~~\n<b>\n") == "x &lt;a>\n~~~\n<b>\n"


def test_typed_entities_stay_visible_as_typed():
    assert escape_html_in_markdown("&amp; &lt;") == "&amp;amp; &amp;lt;"


def test_inline_text_is_one_line():
    assert inline_text("satu\n dua  <b>") == "satu dua &lt;b&gt;"


def test_table_cell_keeps_pipes_inside_the_cell():
    assert table_cell("a | b") == "a &#124; b"


def test_md_block_is_html_that_markdown_leaves_alone():
    assert markdown_block("Isi **tebal** dan a_b_c.") == "<p>Isi <strong>tebal</strong> dan a&#95;b&#95;c.</p>"


def test_inline_html_renders_markdown_but_not_html():
    assert inline_html("**tebal** <script>alert(1)</script> & \"q\"") == '<strong>tebal</strong> &lt;script&gt;alert(1)&lt;/script&gt; &amp; "q"'


def test_inline_html_drops_script_links_and_keeps_good_ones():
    assert inline_html("[x](javascript:alert(1))") == "x"
    assert inline_html("[x](https://example.org/a)") == '<a href="https://example.org/a">x</a>'
    assert inline_html("[x](../modul/a/#b)") == '<a href="../modul/a/#b">x</a>'


def test_inline_html_keeps_several_paragraphs():
    assert inline_html("satu\n\ndua") == "<p>satu</p>\n<p>dua</p>"


def test_slugify():
    assert slugify("Posisi Tawar (bargaining)") == "posisi-tawar-bargaining"
    assert slugify("Énergie") == "energie"
    assert slugify("<>") == "x"
