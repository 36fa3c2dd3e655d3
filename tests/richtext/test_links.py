import pytest

from pleio_tui.richtext import absolute_url, safe_link
from pleio_tui.richtext.links import is_relative_link


@pytest.mark.parametrize(
    "href",
    [
        "https://pleio.nl/blog/view/1",
        "http://example.org",
        "HTTPS://EXAMPLE.ORG/x",
        "mailto:jan@example.org",
        "MailTo:jan@example.org",
    ],
)
def test_safe_schemes_pass(href: str) -> None:
    assert safe_link(href) == href


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "  javascript:alert(1)",
        "\x01\x02javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
        "/blog/view/1",
        "//evil.example/x",
        "http://",
        "mailto:",
        "https://pleio.nl/\u202eexe.txt",
        "https://pleio.nl/\x1b]0;x\x07",
        "",
    ],
)
def test_everything_else_is_refused(href: str) -> None:
    assert safe_link(href) is None


def test_surrounding_whitespace_and_controls_are_stripped() -> None:
    assert safe_link("  \x00https://pleio.nl/a \n") == "https://pleio.nl/a"


def test_absolute_url_resolves_pleio_relative_urls() -> None:
    site = "https://www.pleio.nl"
    assert absolute_url(site, "/blog/view/1/titel") == "https://www.pleio.nl/blog/view/1/titel"
    assert absolute_url(site + "/", "groups/view/2") == "https://www.pleio.nl/groups/view/2"
    assert absolute_url(site, "https://other.nl/x") == "https://other.nl/x"
    assert absolute_url(site, "javascript:alert(1)") is None
    assert absolute_url(site, " ") is None


def test_relative_links_may_not_hide_a_scheme() -> None:
    assert is_relative_link("/blog/view/1/titel?x=1&y=2#c")
    assert is_relative_link("blog/view/1")
    for href in ("javascript&#58;alert(1)", "javascript:x", "//evil.example", "a\u202eb", ""):
        assert not is_relative_link(href), href
