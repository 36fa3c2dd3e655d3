"""Every fault a site can produce is explained, in Dutch and English, and never
crashes a command.

- Every error code the client can raise (found by walking its exception classes,
  not from a list kept by hand) has its own message in both languages, and the
  headless commands explain every one of those exceptions in one line.
- `pleio-tui sync` against a real misbehaving server (500, HTML login pages with
  200 and 401/403, broken and truncated JSON, a connection closed mid-answer, a
  huge answer, a 404, an unknown GraphQL error code full of escapes, a refused
  connection) ends with one inert line on stderr and a non-zero exit, never a
  traceback.
- A lone surrogate in the site's JSON (legal JSON, illegal UTF-8) reaches neither
  the cache nor the terminal as such: it used to make SQLite raise.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus import LONE_SURROGATE, assert_inert
from fault_server import FaultServer
from hostile_site import refused_site_url

from pleio_tui import api
from pleio_tui.api import PleioClient, PleioCode, PleioError, RetryPolicy
from pleio_tui.cli import main
from pleio_tui.commands.errors import explain
from pleio_tui.store import CacheBusyError, CacheCorruptError, Store
from pleio_tui.tui.failures import error_code
from pleio_tui.tui.i18n import EN, NL, Strings

HOSTILE_CODE = "\x1b]0;PWNED\x07[@click=app.quit]weird_code"


def client_error_classes() -> list[type[PleioError]]:
    found: list[type[PleioError]] = []
    pending: list[type[PleioError]] = [PleioError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return found


def client_codes() -> set[str]:
    codes = {
        cls.code for cls in client_error_classes() if isinstance(cls.__dict__.get("code"), str)
    }
    codes |= {code.value for code in PleioCode}
    codes.discard(PleioError.code)  # the base class is never raised itself
    return codes


def test_every_code_the_client_and_cache_raise_has_a_message_in_both_languages() -> None:
    cache_codes = {
        error_code(CacheBusyError(Path("c"))),
        error_code(CacheCorruptError(Path("c"), "x")),
    }
    codes = client_codes() | cache_codes
    assert {"offline", "session_expired", "bad_request", "not_logged_in"} <= codes
    for code in sorted(codes):
        assert f"error.{code}" in NL and f"error.{code}" in EN, code
        for lang in ("nl", "en"):
            assert "{code}" not in Strings(lang).error(code), (code, lang)
    assert NL["error.offline"] != EN["error.offline"]


def example_of(cls: type[PleioError]) -> PleioError:
    if issubclass(cls, api.RemoteError):
        return cls(HOSTILE_CODE if cls is api.RemoteError else "could_not_add")
    if cls is api.OfflineError:
        return cls("timeout", "\x1b[2J detail")
    if cls is api.GraphQLRequestError:
        return cls(["\x1b[2J bad"])
    if cls is api.UnexpectedResponseError:
        return cls(404, "\x1b[2J")
    return cls("\x1b[2J")


@pytest.mark.parametrize("cls", client_error_classes()[1:], ids=lambda cls: cls.__name__)
def test_commands_explain_every_client_error_in_one_inert_line(cls: type[PleioError]) -> None:
    message = explain(example_of(cls))
    assert message is not None
    assert "\n" not in message
    assert_inert(message, cls.__name__)
    # The TUI's words for it: the code's own message, never raw remote text.
    shown = Strings("en").error(error_code(example_of(cls)))
    assert_inert(shown, cls.__name__)
    assert "[@click" not in shown or shown.startswith("Unknown error from the site")


FAULTS = {
    "server_error": "cannot be reached (it had an internal error)",
    "html_200": "no longer accepts the session",
    "html_401": "no longer accepts the session",
    "html_403": "no longer accepts the session",
    "malformed": "cannot be reached (its answer was garbled)",
    "truncated": "cannot be reached",
    "close_early": "cannot be reached",
    "huge_declared": "cannot be reached (its answer was too large)",
    "not_found": "is this the address of a Pleio site?",
    "unknown_code": "the site refused: the site said",
    "refused": "cannot be reached (no connection could be made)",
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_sync_against_a_faulty_site_fails_with_one_clear_line(
    fault: str,
    fault_server: FaultServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(api.transport, "RetryPolicy", lambda: RetryPolicy(1, 0.01, 0.01))
    url = refused_site_url() if fault == "refused" else fault_server.url
    monkeypatch.setenv("PLEIO_TUI_SESSION", "a-session")
    monkeypatch.setenv("PLEIO_TUI_SESSION_SITE", url)
    if fault == "unknown_code":
        fault_server.mode = "ok"
        fault_server.payload = {"data": None, "errors": [{"message": HOSTILE_CODE}]}
    elif fault != "refused":  # nothing listens at a refused address
        fault_server.mode = fault

    code = main(["sync", "--site", url])

    out, err = capsys.readouterr()
    assert code != 0
    assert "Traceback" not in err and out == ""
    assert FAULTS[fault] in err, err
    assert_inert(err.replace("\n", " "), fault)


async def test_a_lone_surrogate_from_the_site_reaches_neither_cache_nor_terminal(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    user = {"guid": "u1", "name": LONE_SURROGATE, "username": "x", "icon": None, "url": "/u"}
    viewer = {"guid": "viewer:1", "loggedIn": True, "isAdmin": False, "user": user}
    fault_server.payload = {"data": {"viewer": viewer}}
    # Both spellings: an escape (as ensure_ascii JSON writes it) and raw encoded bytes.
    assert "\\ud800" in json.dumps(fault_server.payload)

    async with PleioClient(fault_server.url, "a-session") as client:
        escaped = await client.viewer()
    assert escaped.user is not None and escaped.user.name == "broken\ufffdhalf"
    with Store.open(tmp_path / "cache.sqlite3") as store:
        store.save_viewer(escaped)  # SQLite raised UnicodeEncodeError on the half
        loaded = store.load_viewer()
    assert loaded is not None and loaded.user is not None
    loaded.user.name.encode("utf-8")

    assert api.transport._json_or_none(b'{"a": "\xed\xa0\x80 \\ud83d\\ude00"}') == {
        "a": "\ufffd \N{GRINNING FACE}"
    }
