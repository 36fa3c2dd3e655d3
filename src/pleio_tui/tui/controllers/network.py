"""The network: syncing, sending the outbox, knowing whether the site answers
(and probing it until it does while something waits, `services.reconnect`),
logging in, and an expired session. Work runs off the interface's thread
(`services.background`); what it changed in the cache comes back as
`CacheChanged`."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING

from pleio_tui.models import OutboxState
from pleio_tui.store import StoreError
from pleio_tui.tui.controllers.messages import CacheChanged, LoggedIn
from pleio_tui.tui.failures import error_code
from pleio_tui.tui.services.background import SiteAccess, run_job, thread_safe
from pleio_tui.tui.services.reconnect import ReconnectProbe

if TYPE_CHECKING:
    from pathlib import Path

    from textual.timer import Timer

    from pleio_tui.models import WaitingAuthor
    from pleio_tui.sync import OutboxOutcome, SyncProgress, SyncReport
    from pleio_tui.tui.controllers.host import AppHost
    from pleio_tui.tui.screens.login import LoginResult


def outbox_notices(outcomes: Sequence[OutboxOutcome], *, busy: bool) -> list[tuple[str, str]]:
    """What to say about a replay: (string id or error code, severity) pairs; an
    error code comes as "send_failed:<code>"."""
    from pleio_tui.sync import OutboxResult  # 8 ms: loaded with the first sync

    said: list[tuple[str, str]] = []
    if busy:
        said.append(("notice.outbox_busy", "information"))
    for outcome in outcomes:
        if outcome.result == OutboxResult.FAILED:
            said.append((f"send_failed:{outcome.error_code or 'unknown'}", "error"))
        elif outcome.result in (OutboxResult.SENT, OutboxResult.FOUND):
            said.append(("notice.sent", "information"))
    return said


class NetworkController:
    def __init__(
        self,
        host: AppHost,
        site: SiteAccess | None,
        *,
        every: Callable[[float, Callable[[], None]], Timer],
        later: Callable[[float, Callable[[], None]], Timer],
        cache_file: Callable[[str], Path],
        allow_insecure_http: bool = False,
    ) -> None:
        """`every`/`later` run a callback on the app's timers; `cache_file` names
        the cache of a site logged in to for the first time; `allow_insecure_http`
        is the config's, for the addresses typed on the login screen."""
        self._host = host
        self.site = site
        self.online = False
        self.syncing = False
        self._sync_again = False
        self._outbox_lock = asyncio.Lock()
        self._probe: ReconnectProbe | None = None
        self._every = every
        self._later = later
        self._cache_file = cache_file
        self._allow_insecure_http = allow_insecure_http
        self._said_for_others: tuple[WaitingAuthor, ...] = ()

    def can_reach_site(self) -> bool:
        """Worth trying the network: a session (or a site read as a visitor), and
        not started with --offline."""
        site = self.site
        return not self._host.offline and site is not None and bool(site.session or site.anonymous)

    def switch_site(self, site: SiteAccess) -> None:
        """Another site from now on; a sync of the one before ends on its own."""
        self.site = site
        self.online = False
        self._said_for_others = ()

    def start_site(self) -> None:
        """The site switched to: sync it, or ask to log in when it needs a session."""
        if self.can_reach_site():
            self.request_sync()
        elif not self._host.offline and self.site is not None and not self.site.anonymous:
            self.ask_login()

    def start(self, interval_minutes: int) -> None:
        """The main screen shows: log in, or sync now and every `interval_minutes`."""
        # --offline only reads the cache: it has no session (the keyring is not
        # asked) and needs none, so it does not ask to log in.
        offline = self._host.offline
        site = self.site
        if site is None or (site.session is None and not site.anonymous and not offline):
            self.ask_login()
        elif not offline:
            self.request_sync()
        if interval_minutes > 0 and not offline:
            self._every(interval_minutes * 60, self.request_sync)

    # --- syncing ---

    def sync_asked(self) -> None:
        """The user asked for a sync."""
        host = self._host
        if host.offline:
            host.notify_plain(host.strings.error("offline"))
        elif not self.can_reach_site():
            self.ask_login()
        else:
            self.request_sync()

    def request_sync(self) -> None:
        """Sync now, or right after the sync that is running."""
        if not self.can_reach_site():
            return
        if self.syncing:
            self._sync_again = True
            return
        self.syncing = True
        self._host.main.status.set_sync_progress(0, 0)
        self._host.run_worker(self._sync(), group="sync")

    async def _sync(self) -> None:
        from pleio_tui.api import PleioError  # httpx: off the first frame
        from pleio_tui.tui.services.jobs import sync_job  # httpx: network work only

        assert self.site is not None
        on_progress = thread_safe(asyncio.get_running_loop(), self._progress)
        report: SyncReport | None = None
        try:
            async with self._outbox_lock:
                report = await run_job(self.site, sync_job(on_progress))
        except (PleioError, StoreError) as exc:
            self.failed(exc)
        finally:
            self.syncing = False
        if report is not None:
            self._sync_finished(report)
        self._host.show_status()
        self._host.post_message(CacheChanged())
        if self._sync_again:
            self._sync_again = False
            self.request_sync()

    def _progress(self, progress: SyncProgress) -> None:
        if self.syncing:
            self._host.main.status.set_sync_progress(progress.done, progress.total)

    def _sync_finished(self, report: SyncReport) -> None:
        from pleio_tui.api import OfflineError, SessionExpiredError  # httpx: off the first frame
        from pleio_tui.sync import StopReason  # 8 ms: loaded with the first sync

        if report.stopped == StopReason.SESSION_EXPIRED:
            self.failed(SessionExpiredError(report.stop_detail))
        elif report.stopped == StopReason.OFFLINE:
            self.failed(OfflineError(report.stop_detail or "network"))
        else:
            self.online = True
        self._announce(report.outbox, busy=report.outbox_busy)
        self._announce_for_others(report.outbox_for_others)

    # --- the outbox ---

    def outbox_queued(self) -> None:
        """Something waits in the outbox: send it, or say it waits."""
        self._host.show_status()
        if self.can_reach_site():
            self._host.run_worker(self._replay(), group="replay")
        else:
            self._host.notify_plain(self._host.strings("notice.queued"))

    async def _replay(self) -> None:
        from pleio_tui.api import OfflineError, PleioError  # httpx: off the first frame
        from pleio_tui.tui.services.jobs import replay_job  # httpx: network work only

        assert self.site is not None
        try:
            async with self._outbox_lock:
                result = await run_job(self.site, replay_job())
        except (PleioError, StoreError) as exc:
            self.failed(exc)
            return
        if result.stopped_by is not None:
            self.failed(result.stopped_by)
            if isinstance(result.stopped_by, OfflineError):
                self._host.notify_plain(self._host.strings("notice.queued"))
        else:
            self.online = True
        self._announce(result.outcomes, busy=result.busy)
        if result.stopped_by is None and not result.busy:
            self._announce_for_others(result.for_others)
        self._host.show_status()
        delivered = any(outcome.delivered for outcome in result.outcomes)
        self._host.post_message(CacheChanged(delivered=delivered))

    def _announce(self, outcomes: Sequence[OutboxOutcome], *, busy: bool) -> None:
        strings = self._host.strings
        for said, severity in outbox_notices(outcomes, busy=busy):
            if said.startswith("send_failed:"):
                reason = strings.error(said.partition(":")[2])
                said = strings("notice.send_failed", reason=reason)
            else:
                said = strings(said)
            self._host.notify_plain(said, severity)

    def _announce_for_others(self, for_others: Sequence[WaitingAuthor]) -> None:
        """Say that items wait for the account that wrote them: once, and again
        only when that changes (every sync would say it otherwise)."""
        said = tuple(for_others)
        if said and said != self._said_for_others:
            strings = self._host.strings
            who = ", ".join(author.shown for author in said)
            n = sum(author.count for author in said)
            self._host.notify_plain(strings.plural("notice.for_others", n, who=who), "warning")
        self._said_for_others = said

    # --- failures and coming back ---

    def answered(self) -> None:
        """Some request got an answer from the site."""
        self.online = True
        self._host.show_status()

    def failed(self, exc: BaseException, *, quiet_offline: bool = False) -> None:
        """Say what went wrong and carry on from the cache."""
        from pleio_tui.api import OfflineError, SessionExpiredError  # httpx: off the first frame

        host = self._host
        if isinstance(exc, SessionExpiredError):
            self.online = False
            host.notify_plain(host.strings.error(exc.code), "error")
            self.ask_login()
        elif isinstance(exc, OfflineError):
            self.online = False
            if not quiet_offline:
                host.notify_plain(host.strings.error("offline"), "warning")
            self._reconnect.site_unreachable()
        else:
            host.report(exc)
        host.show_status()

    @property
    def _reconnect(self) -> ReconnectProbe:
        """Made when the site first fails to answer."""
        if self._probe is None:
            self._probe = ReconnectProbe(self)
        return self._probe

    # What the reconnect probe asks of its host.

    def has_waiting_items(self) -> bool:
        store = self._host.store
        try:
            counts = store.outbox_counts() if store is not None else {}
        except StoreError:
            return False
        return counts.get(OutboxState.PENDING, 0) > 0

    def may_use_network(self) -> bool:
        return self.can_reach_site()

    def later(self, seconds: float, callback: Callable[[], None]) -> Timer:
        return self._later(seconds, callback)

    def start_probe(self, probe: Callable[[], Awaitable[None]]) -> None:
        self._host.run_worker(probe(), group="probe", exclusive=True)

    async def ask_site(self) -> bool:
        """Whether the site answers; any answer counts, the replay says the rest."""
        from pleio_tui.api import OfflineError, PleioError  # httpx: off the first frame
        from pleio_tui.tui.services.jobs import viewer_job  # httpx: network work only

        if self.site is None:
            return False
        try:
            await run_job(self.site, viewer_job())
        except OfflineError:
            return False
        except (PleioError, StoreError):
            return True
        return True

    def site_answers(self) -> None:
        """The site is back: send what waits, without being asked."""
        self.online = True
        self._host.notify_plain(self._host.strings("notice.back_online"))
        self._host.show_status()
        self._host.run_worker(self._replay(), group="replay")

    # --- logging in ---

    def ask_login(self, error: str | None = None) -> None:
        from pleio_tui.tui.screens.login import LoginScreen  # 7 ms, when first asked

        host = self._host
        if isinstance(host.screen, LoginScreen):
            host.screen.show_error(error or "")
            return
        site_url = self.site.site_url if self.site else ""
        sites = getattr(host, "sites", None)  # the browser the session came from, if known
        entry = sites.current_entry() if sites is not None else None
        browser, profile = (entry.browser, entry.profile) if entry else (None, None)
        screen = LoginScreen(
            host.strings,
            site_url,
            error,
            browser=browser,
            profile=profile,
            allow_insecure_http=self._allow_insecure_http,
        )
        host.push_screen(screen, self._login_given)

    def _login_given(self, result: LoginResult | None) -> None:
        if result is not None and result.anonymous:
            self._visit(result.site_url)
        elif result is not None:
            self._host.run_worker(self._check_login(result), group="login", exclusive=True)

    def _visit(self, site_url: str) -> None:
        """Read the site as a visitor: no session, nothing written under any name."""
        same_site = self.site is not None and self.site.site_url == site_url
        cache_path = self.site.cache_path if same_site and self.site else self._cache_file(site_url)
        self.site = SiteAccess(site_url, None, cache_path, anonymous=True)
        self._host.post_message(LoggedIn(self.site, same_site))

    async def _check_login(self, result: LoginResult) -> None:
        from pleio_tui.api import PleioError  # httpx: off the first frame
        from pleio_tui.tui.services.jobs import viewer_job  # httpx: network work only

        host = self._host
        assert result.sessionid is not None  # a visitor goes through _visit
        same_site = self.site is not None and self.site.site_url == result.site_url
        cache_path = (
            self.site.cache_path if same_site and self.site else self._cache_file(result.site_url)
        )
        access = SiteAccess(result.site_url, result.sessionid, cache_path)
        host.notify_plain(host.strings("login.checking"))
        try:
            viewer = await run_job(access, viewer_job())
        except (PleioError, StoreError) as exc:
            self.ask_login(host.strings.error(error_code(exc)))
            return
        if not viewer.logged_in or viewer.user is None:
            self.ask_login(host.strings.error("session_expired"))
            return
        # keyring takes 20 ms to import: paid only when a session is stored.
        from pleio_tui.credentials import KeyringUnavailableError, save_session

        try:
            save_session(result.site_url, result.sessionid)
            access = access._replace(session_in_keyring=True)
        except KeyringUnavailableError as exc:
            # The session still works for this run; the message names the way out.
            text = host.strings("notice.session_not_saved", reason=exc.detail, site=result.site_url)
            host.notify_plain(text, "warning")
        self.site = access
        self.online = True
        host.notify_plain(host.strings("notice.logged_in", name=viewer.user.name))
        host.post_message(LoggedIn(access, same_site))
