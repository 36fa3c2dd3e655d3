from pleio_tui.richtext import html_to_markdown

ELGG = """
<p>Beste collega's,</p>
<p>Lees <a href="https://www.pleio.nl/blog/view/1">dit <strong>blog</strong></a> en
<a href="/groups/view/2/groep">de groep</a>.</p>
<script type="text/javascript">document.cookie = "x";</script>
<style>p { color: red }</style>
<ul><li>een</li><li>twee<ul><li>diep</li></ul></li></ul>
<ol><li>eerst</li><li>dan</li></ol>
<h3>Kop</h3>
<blockquote><p>geciteerd</p></blockquote>
<iframe src="https://evil.example">fallback tekst</iframe>
<p><a href="javascript:steal()">klik</a> <img src="javascript:x" alt="plaatje">
<img src="/file/view/3/foto.jpg" alt="foto"></p>
"""


def test_elgg_html_becomes_markdown() -> None:
    markdown = html_to_markdown(ELGG)
    assert "Beste collega's," in markdown
    assert "[dit **blog**](https://www.pleio.nl/blog/view/1)" in markdown
    assert "[de groep](/groups/view/2/groep)" in markdown
    assert "* een\n* twee\n  * diep" in markdown
    assert "1. eerst\n2. dan" in markdown
    assert "### Kop" in markdown
    assert "> geciteerd" in markdown
    assert "![foto](/file/view/3/foto.jpg)" in markdown


def test_scripts_styles_embeds_and_unsafe_links_are_gone() -> None:
    markdown = html_to_markdown(ELGG)
    for gone in ("document.cookie", "color: red", "fallback tekst", "javascript", "evil"):
        assert gone not in markdown
    assert "klik plaatje" in markdown


def test_text_that_looks_like_markdown_is_escaped() -> None:
    assert html_to_markdown("<p># geen kop *ster*</p>") == "\\# geen kop \\*ster\\*"
