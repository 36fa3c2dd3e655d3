"""PLEIO_TUI_SESSION goes to the one site PLEIO_TUI_SESSION_SITE names, never to
another; set without a site it is refused and sent nowhere. What each site
received is read off a real loopback relay in front of a real local site."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from command_helpers import cli, graphql

from cookie_relay import CookieRelay
from fixtures_site import SiteFactory
from pleio_tui.credentials import load_session, save_session
from pleio_tui.paths import AppDirs
from pleio_tui.secret import SESSION_ENV, Secret
from pleio_tui.server import LocalSite
from pleio_tui.session_env import SESSION_SITE_ENV, UnboundSessionError

LOCALE_NAMES = ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")
BLOGS = '{ entities(subtype: "blog", limit: 1) { edges { ... on Blog { guid } } } }'


class Relayed(NamedTuple):
    site: LocalSite
    relay: CookieRelay


@pytest.fixture
def relayed(site_factory: SiteFactory) -> Iterator[Callable[[], Relayed]]:
    """Real local sites, each behind a relay that records what it received."""
    started: list[CookieRelay] = []

    def start() -> Relayed:
        site = site_factory(demo=True)
        started.append(CookieRelay(site.url).start())
        return Relayed(site, started[-1])

    yield start
    for relay in started:
        relay.stop()


def run(
    tmp_path: Path, *argv: str, stdin: str = "", **env_extra: str
) -> subprocess.CompletedProcess[str]:
    """`pleio-tui ARGV` in a real process, in English, with a keyring that keeps
    nothing (a machine without one)."""
    drop = (*LOCALE_NAMES, SESSION_ENV, SESSION_SITE_ENV)
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        **env_extra,
    )
    return subprocess.run(
        [sys.executable, "-m", "pleio_tui", *argv],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def refusal_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("pleio-tui: ") and "Traceback" not in done.stderr
    assert SESSION_ENV in line and SESSION_SITE_ENV in line and "nothing was sent" in line
    return line


def write_config(text: str) -> None:
    config_file = AppDirs.default().config_file
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text(text, encoding="utf-8")


# --- which site gets it ---


def test_the_environment_session_is_for_the_named_site_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    save_session("https://b.pleio.nl", Secret("from-keyring"))
    monkeypatch.setenv(SESSION_ENV, "from-env")
    monkeypatch.setenv(SESSION_SITE_ENV, "https://A.pleio.nl/groups/")

    assert load_session("https://a.pleio.nl") == Secret("from-env")
    assert load_session("https://b.pleio.nl") == Secret("from-keyring")
    assert load_session("https://c.pleio.nl") is None
    assert load_session("http://a.pleio.nl") is None  # another scheme: another site
    assert load_session("https://a.pleio.nl:8443") is None


@pytest.mark.parametrize("named", [None, "", "  ", "een", "https://", "ftp://a.pleio.nl"])
def test_a_session_without_a_site_is_refused_for_every_site(
    named: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_session("https://a.pleio.nl", Secret("from-keyring"))
    monkeypatch.setenv(SESSION_ENV, "from-env")
    if named is not None:
        monkeypatch.setenv(SESSION_SITE_ENV, named)
    for site in ("https://a.pleio.nl", "https://b.pleio.nl"):
        with pytest.raises(UnboundSessionError, match=SESSION_SITE_ENV):
            load_session(site)


def test_sync_of_another_site_never_carries_the_environment_session(
    demo_site: LocalSite, relayed: Callable[[], Relayed], tmp_path: Path
) -> None:
    other = relayed().relay
    session = demo_site.login("hadewych")

    done = run(
        tmp_path,
        "sync",
        "--site",
        other.url,
        PLEIO_TUI_SESSION=session,
        PLEIO_TUI_SESSION_SITE=demo_site.url,
    )

    assert done.returncode == 0, done.stderr  # read as a visitor
    assert other.requests > 0 and other.sessions() == {None}
    assert session not in done.stderr
    # The same session bound to that site goes there: the relay would have seen it.
    run(
        tmp_path,
        "sync",
        "--site",
        other.url,
        PLEIO_TUI_SESSION=session,
        PLEIO_TUI_SESSION_SITE=other.url,
    )
    assert session in other.sessions()


def test_a_comment_on_another_sites_address_never_carries_the_session(
    demo_site: LocalSite, relayed: Callable[[], Relayed], tmp_path: Path
) -> None:
    other_site, other = relayed()
    session = other_site.login("hadewych")
    [blog] = graphql(other_site, session, BLOGS)["entities"]["edges"]
    address = f"{other.url}/blog/view/{blog['guid']}/een-blog"

    done = run(
        tmp_path,
        "comment",
        address,
        "-",
        stdin="Een reactie.\n",
        PLEIO_TUI_SESSION=session,
        PLEIO_TUI_SESSION_SITE=demo_site.url,
    )

    assert done.returncode == 1, done.stderr  # a visitor writes nothing
    assert other.requests == 0
    # Bound to that site, the same session goes there: the relay would have seen it.
    sent = run(
        tmp_path,
        "comment",
        address,
        "-",
        stdin="Een reactie.\n",
        PLEIO_TUI_SESSION=session,
        PLEIO_TUI_SESSION_SITE=other.url,
    )
    assert sent.returncode == 0, sent.stderr
    assert other.sessions() == {session}


@pytest.mark.parametrize("named", [None, "een"], ids=["unset", "no-address"])
@pytest.mark.parametrize("command", ["sync", "comment"])
def test_a_session_without_its_site_is_refused_in_one_line_and_sent_nowhere(
    command: str, named: str | None, relayed: Callable[[], Relayed], tmp_path: Path
) -> None:
    site = relayed().relay
    argv = (
        ["sync", "--site", site.url]
        if command == "sync"
        else ["comment", f"{site.url}/blog/view/abc/x", "-"]
    )
    extra = {SESSION_ENV: "geheime-sessie"}
    if named is not None:
        extra[SESSION_SITE_ENV] = named

    done = run(tmp_path, *argv, stdin="Een reactie.\n", **extra)

    line = refusal_line(done)
    assert "geheime-sessie" not in done.stderr and "geheime-sessie" not in line
    assert site.requests == 0


# --- sync --all ---


def test_sync_all_gives_each_site_its_own_session(
    relayed: Callable[[], Relayed],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The variable's site gets it, a site in the keyring its own, the third none."""
    (first_site, bound), (second_site, kept), (_, visited) = relayed(), relayed(), relayed()
    write_config(
        f'[sites.een]\nurl = "{bound.url}"\n[sites.twee]\nurl = "{kept.url}"\n'
        f'[sites.drie]\nurl = "{visited.url}"\n'
    )
    from_env, from_keyring = first_site.login("hadewych"), second_site.login("jan")
    save_session(kept.url, Secret(from_keyring))
    monkeypatch.setenv(SESSION_ENV, from_env)
    monkeypatch.setenv(SESSION_SITE_ENV, bound.url)

    assert cli("sync", "--all") == 0

    lines = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0] for line in lines] == ["een", "twee", "drie"]
    assert "visitor" not in lines[0] + lines[1] and "visitor" in lines[2]
    assert bound.sessions() == {from_env}
    assert kept.sessions() == {from_keyring}
    assert visited.requests > 0 and visited.sessions() == {None}


def test_sync_all_refuses_a_session_without_its_site_before_asking_any_site(
    relayed: Callable[[], Relayed],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, second = relayed().relay, relayed().relay
    write_config(f'[sites.een]\nurl = "{first.url}"\n[sites.twee]\nurl = "{second.url}"\n')
    monkeypatch.setenv(SESSION_ENV, "geheime-sessie")

    assert cli("sync", "--all") == 2

    [line] = capsys.readouterr().err.strip().splitlines()
    assert SESSION_ENV in line and SESSION_SITE_ENV in line
    assert first.requests == second.requests == 0


# --- logout ---


@pytest.mark.parametrize(
    ("named", "said"),
    [
        (
            "https://a.pleio.nl",
            "PLEIO_TUI_SESSION is set and still gives https://a.pleio.nl a "
            "session: it is the site PLEIO_TUI_SESSION_SITE names",
        ),
        ("https://b.pleio.nl", None),
        (
            None,
            "PLEIO_TUI_SESSION is set, but no command sends it until PLEIO_TUI_SESSION_SITE "
            "names its site",
        ),
    ],
    ids=["this-site", "another-site", "no-site"],
)
def test_logout_says_what_the_environment_session_still_does(
    named: str | None,
    said: str | None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(SESSION_ENV, "x")
    if named is not None:
        monkeypatch.setenv(SESSION_SITE_ENV, named)

    assert cli("logout", "https://a.pleio.nl") == 0

    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "No session was stored for https://a.pleio.nl"
    assert lines[1:] == ([said] if said else [])
