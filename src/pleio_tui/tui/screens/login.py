"""Asking for the site and its `sessionid` cookie.

The screen checks the form only (a usable address, something that can be a
cookie value) and dismisses with a `LoginResult`; whether the session works is the
app's to find out. When it does not, the app opens the screen again with
`error=...`, or calls `show_error` while it is still open.

A site whose session was read from a browser (`login --from-browser`, kept in
the config) gets a button that reads it from that browser again: the way back
in when a session expires.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from pleio_tui.paths import normalise_site_url
from pleio_tui.secret import MalformedSessionError, Secret, session_secret
from pleio_tui.site_url import refuses_plain_http, sends_session_in_clear
from pleio_tui.tui.i18n import Strings, one_line
from pleio_tui.tui.keys import bindings


@dataclass(frozen=True, slots=True)
class LoginResult:
    site_url: str
    """scheme://host[:port], normalised."""
    sessionid: Secret | None
    """None when the site is to be read without an account."""
    anonymous: bool = False


@dataclass(frozen=True, slots=True)
class UrlCheck:
    site_url: str | None
    """The normalised address, None when it cannot be used."""
    error: str | None = None
    """Message id of why not."""
    warning: str | None = None
    """Message id of a risk the user may take (plain http to another machine)."""
    host: str = ""


def check_site_url(raw: str, *, allow_insecure_http: bool = False) -> UrlCheck:
    """An address without a scheme gets https://; only http and https are accepted,
    and plain http to another machine only when the config allows it, as on the
    command line (`site_url.parse_site_url`)."""
    text = raw.strip()
    if not text:
        return UrlCheck(None, "login.url_empty")
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 (raises on a port that is not a number)
    except ValueError:
        return UrlCheck(None, "login.url_no_host")
    if parts.scheme.lower() not in ("http", "https"):
        return UrlCheck(None, "login.url_scheme")
    if "@" in parts.netloc:
        return UrlCheck(None, "login.url_credentials")
    host = parts.hostname or ""
    if not host or any(char.isspace() for char in host):
        return UrlCheck(None, "login.url_no_host")
    if refuses_plain_http(parts.scheme, host, allow_insecure_http=allow_insecure_http):
        return UrlCheck(None, "login.url_insecure_refused", host=host)
    site_url = normalise_site_url(text)
    warning = "login.url_insecure" if sends_session_in_clear(site_url) else None
    return UrlCheck(site_url, warning=warning, host=host)


def check_sessionid(raw: str) -> tuple[Secret | None, str | None]:
    """The session (a pasted "sessionid=..." too), or the message id of what is
    wrong with it."""
    if not raw.strip():
        return None, "login.session_empty"
    try:
        return session_secret(raw), None
    except MalformedSessionError:
        return None, "login.session_invalid"


class LoginScreen(ModalScreen[LoginResult | None]):
    DEFAULT_CSS = """
    LoginScreen { align: center middle; }
    LoginScreen > #login-dialog {
        width: 80; max-width: 100%; height: auto;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    LoginScreen #login-heading { text-style: bold; }
    LoginScreen #login-explain { margin-bottom: 1; color: $text-muted; }
    LoginScreen #login-warning { color: $text-warning; }
    LoginScreen #login-error { color: $text-error; }
    LoginScreen #login-buttons { height: auto; align-horizontal: right; }
    LoginScreen Button { margin-left: 2; }
    """

    BINDINGS = bindings("screen")

    def __init__(
        self,
        strings: Strings,
        site_url: str = "",
        error: str | None = None,
        *,
        browser: str | None = None,
        profile: str | None = None,
        allow_insecure_http: bool = False,
    ) -> None:
        """`browser` and `profile`: where the site's session was read before;
        `allow_insecure_http`: the config's setting, which alone lets plain http
        to another machine through."""
        super().__init__()
        self._strings = strings
        self._allow_insecure_http = allow_insecure_http
        self._site_url = site_url
        self._initial_error = error
        self._browser = browser
        self._profile = profile

    def compose(self) -> ComposeResult:
        s = self._strings
        check = self._check(self._site_url)
        heading = s("login.heading", site=check.host) if check.host else s("login.heading_no_site")
        with Vertical(id="login-dialog"):
            yield Static(Content(heading), id="login-heading")
            yield Static(Content(s("login.explain")), id="login-explain")
            yield Static(Content(s("login.site")))
            yield Input(self._site_url, id="login-site")
            yield Static(id="login-warning", markup=False)
            yield Static(Content(s("login.session")))
            yield Input(id="login-session", password=True)
            yield Static(Content(one_line(self._initial_error or "")), id="login-error")
            with Horizontal(id="login-buttons"):
                if self._browser is not None:
                    label = s("expired.from_browser", browser=self._browser)
                    yield Button(Content(label), id="login-browser", variant="primary")
                yield Button(Content(s("login.submit")), id="login-submit", variant="primary")
                yield Button(Content(s("login.anonymous")), id="login-anonymous")
                yield Button(Content(s("login.cancel")), id="login-cancel")

    def on_mount(self) -> None:
        self._show_warning(self._site_url)
        start = "#login-session" if self._check(self._site_url).site_url else "#login-site"
        self.query_one(start, Input).focus()

    def show_error(self, message: str) -> None:
        """Show why logging in failed (the message may quote the site: shown literally)."""
        self.query_one("#login-error", Static).update(Content(one_line(message)))

    def _check(self, raw: str) -> UrlCheck:
        return check_site_url(raw, allow_insecure_http=self._allow_insecure_http)

    def _site_given(self) -> str | None:
        """The address in the form, or None after saying why it cannot be used."""
        check = self._check(self.query_one("#login-site", Input).value)
        if check.site_url is None:
            self.show_error(self._strings(check.error or "login.url_empty", host=check.host))
            self.query_one("#login-site", Input).focus()
        return check.site_url

    def submit(self) -> None:
        site_url = self._site_given()
        if site_url is None:
            return
        sessionid, problem = check_sessionid(self.query_one("#login-session", Input).value)
        if sessionid is None:
            self.show_error(self._strings(problem or "login.session_invalid"))
            self.query_one("#login-session", Input).focus()
            return
        self.dismiss(LoginResult(site_url, sessionid))

    def from_browser(self) -> None:
        """Read the session from the browser it came from before, and go on with it."""
        # the cookie stores' reader, only when the browser is asked
        from pleio_tui.browser_login import BrowserLoginError, session_from_browser

        browser = self._browser or ""
        site_url = self._site_given()
        if site_url is None:
            return
        profile = Path(self._profile) if self._profile else None
        try:
            sessionid = session_from_browser(browser, site_url, profile)
        except BrowserLoginError as exc:
            text = self._strings("expired.browser_failed", browser=browser, reason=str(exc))
            self.show_error(text)
            return
        self.dismiss(LoginResult(site_url, sessionid))

    def action_close(self) -> None:
        self.dismiss(None)

    def as_visitor(self) -> None:
        """Read the site without an account, as it shows itself to visitors."""
        site_url = self._site_given()
        if site_url is None:
            return
        self.dismiss(LoginResult(site_url, None, anonymous=True))

    @on(Button.Pressed, "#login-anonymous")
    def _anonymous_pressed(self) -> None:
        self.as_visitor()

    @on(Button.Pressed, "#login-browser")
    def _browser_pressed(self) -> None:
        self.from_browser()

    @on(Input.Changed, "#login-site")
    def _site_changed(self, event: Input.Changed) -> None:
        self._show_warning(event.value)

    @on(Input.Submitted, "#login-site")
    def _site_submitted(self) -> None:
        self.query_one("#login-session", Input).focus()

    @on(Input.Submitted, "#login-session")
    @on(Button.Pressed, "#login-submit")
    def _submitted(self) -> None:
        self.submit()

    @on(Button.Pressed, "#login-cancel")
    def _cancelled(self) -> None:
        self.dismiss(None)

    def _show_warning(self, raw_url: str) -> None:
        check = self._check(raw_url)
        text = self._strings(check.warning, host=check.host) if check.warning else ""
        self.query_one("#login-warning", Static).update(Content(text))
