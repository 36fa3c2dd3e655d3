"""`pleio-tui notifications [--unread]`: from the cache alone, one a line."""

from __future__ import annotations

import pytest
from command_helpers import cli

from pleio_tui.credentials import save_session
from pleio_tui.secret import Secret
from pleio_tui.server import LocalSite

SEED_GROUP = "Van buiten naar binnen in het ministerie van V&J"


@pytest.fixture
def logged_in(demo_site: LocalSite, hadewych: str) -> str:
    save_session(demo_site.url, Secret(hadewych))
    return demo_site.url


def test_without_a_cache_it_says_to_sync(
    logged_in: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("notifications", "--site", logged_in) == 1
    assert "pleio-tui sync" in capsys.readouterr().err


def test_every_notification_and_the_unread_ones_one_a_line(
    logged_in: str, demo_site: LocalSite, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("sync", "--site", logged_in) == 0
    capsys.readouterr()
    demo_site.stop()  # from the cache alone

    assert cli("notifications", "--unread", "--site", logged_in) == 0
    unread = capsys.readouterr().out.splitlines()
    assert len(unread) == 3
    fields = [line.split("\t") for line in unread]
    assert all(len(f) == 7 and f[2] == "unread" for f in fields)
    assert {f[3] for f in fields} == {"commented", "mentioned"}
    dlg = next(f for f in fields if f[5] == "Innovatie binnen de overheid ... DLG's aanpak")
    assert (dlg[4], dlg[6]) == ("Marieke de Vries", SEED_GROUP)

    assert cli("notifications", "--site", logged_in) == 0
    everything = capsys.readouterr().out.splitlines()
    assert len(everything) > len(unread)
    assert everything[: len(unread)] == unread  # newest first: the unread are the newest
    assert everything[-1].split("\t")[3] == "welcome"


def test_remote_text_cannot_reach_the_terminal_as_escapes(
    logged_in: str, demo_site: LocalSite, capsys: pytest.CaptureFixture[str]
) -> None:
    import httpx

    marieke = demo_site.login("marieke")
    headers = {"cookie": f"sessionid={marieke}"}
    groups = httpx.post(
        f"{demo_site.url}/graphql",
        json={"query": '{ groups(q: "Van buiten") { edges { guid } } }'},
        headers=headers,
    ).json()["data"]["groups"]["edges"]
    add = """mutation($input: addEntityInput!) { addEntity(input: $input) { entity { guid } } }"""
    title = "Kijk \x1b]52;c;aGFjaw==\x07 hier\x1b[2J"
    blog = {"subtype": "blog", "title": title, "containerGuid": groups[0]["guid"], "accessId": 1}
    answer = httpx.post(
        f"{demo_site.url}/graphql",
        json={"query": add, "variables": {"input": blog}},
        headers=headers,
    ).json()
    assert "errors" not in answer, answer
    assert cli("sync", "--site", logged_in) == 0
    capsys.readouterr()

    assert cli("notifications", "--unread", "--site", logged_in) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert out.splitlines()[0].split("\t")[3] == "created"
