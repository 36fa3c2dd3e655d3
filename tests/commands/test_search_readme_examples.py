"""`pleio-tui search` finds the README's examples: a word inside a compound, and a tag."""

from __future__ import annotations

import pytest
from command_helpers import cli

from pleio_tui.credentials import save_session
from pleio_tui.secret import Secret
from pleio_tui.server import LocalSite

SEED_TITLE = "Leren door doen; overheidsparticipatie in een energieke samenleving"


@pytest.mark.parametrize("word", ["participatie", "sturing"])
def test_search_finds_the_seed_blog_by_a_compound_and_a_tag(
    demo_site: LocalSite, hadewych: str, capsys: pytest.CaptureFixture[str], word: str
) -> None:
    """The seed blog is tagged participatie and sturing; its title says
    overheidsparticipatie."""
    save_session(demo_site.url, Secret(hadewych))
    cli("sync", "--site", demo_site.url)
    capsys.readouterr()

    assert cli("search", word, "--site", demo_site.url) == 0

    # Among the first hits: "Participatiewijzer" in a news item's title ranks too.
    titles = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()[:3]]
    assert SEED_TITLE in titles
