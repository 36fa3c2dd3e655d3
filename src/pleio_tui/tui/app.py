"""The terminal UI: four panes over the offline cache, the network in the background.

The app owns start-up, the screens, the status bar, the key table and the
language; what it does is in `controllers/` (reading, writing, membership, the
network), each with its own state and workers. Attributes go down to the panes
and controllers; messages come up from them (`controllers/messages.py`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol
from urllib.parse import urlsplit

from textual.app import App
from textual.binding import BindingType
from textual.screen import Screen

from pleio_tui.config import Config, load_config
from pleio_tui.models import Blog, OutboxState
from pleio_tui.paths import AppDirs
from pleio_tui.secret import Secret
from pleio_tui.site_url import sends_session_in_clear
from pleio_tui.store import Store, StoreError
from pleio_tui.tui.collection import resume_collection
from pleio_tui.tui.controllers import messages
from pleio_tui.tui.controllers.content_actions import ContentActions
from pleio_tui.tui.controllers.membership import MembershipController
from pleio_tui.tui.controllers.network import NetworkController
from pleio_tui.tui.controllers.reading import ReadingController
from pleio_tui.tui.controllers.writing import WritingController
from pleio_tui.tui.failures import error_code
from pleio_tui.tui.i18n import Strings, language_for
from pleio_tui.tui.keys import bindings, parse_keymap
from pleio_tui.tui.main_screen import MainScreen, Work
from pleio_tui.tui.services.background import SiteAccess
from pleio_tui.tui.storage_guard import StorageGuard

# The other screens are imported when first needed: the first screen does without them.
if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.command import Provider
    from textual.timer import Timer

    from pleio_tui.tui.screens.new_post import NewPostScreen


class SiteSettings(Protocol):
    """The site the command line chose (`pleio_tui.context.SiteContext`)."""

    @property
    def site_url(self) -> str: ...

    @property
    def session(self) -> Secret | None: ...

    @property
    def cache_path(self) -> Path: ...

    @property
    def config(self) -> Config: ...

    @property
    def offline(self) -> bool: ...


def actions_provider() -> type[Provider]:
    """The palette's actions, imported when the palette first opens."""
    from pleio_tui.tui.palette import ActionsProvider

    return ActionsProvider


class PleioApp(ContentActions, App[int]):
    CSS_PATH = "app.tcss"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [
        (0, "-narrow"),
        (100, "-medium"),
        (160, "-wide"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = bindings("app")
    COMMANDS: ClassVar = {actions_provider}
    TITLE = "pleio-tui"

    def __init__(
        self,
        *,
        site: SiteAccess | None,
        store: Store | None,
        config: Config,
        dirs: AppDirs,
        offline: bool = False,
        demo: bool = False,
    ) -> None:
        super().__init__()
        self._store = store
        self._config = config
        self._offline_mode = offline
        self._storage = StorageGuard(self)
        try:
            site_info = store.load_site() if store is not None else None
        except StoreError:
            site_info = None  # said once the screen shows; the rest may still read
        self._strings = Strings(
            language_for(config.language, site_info.language if site_info else None)
        )
        # Our own names: Textual keeps its keymap in `_keymap`, applied by set_keymap.
        remaps = parse_keymap(config.keys)
        self._key_remaps = remaps.keymap
        self._key_problems = remaps.problems
        self._main: MainScreen | None = None
        self.reading = ReadingController(self)
        self.writing = WritingController(self, self.reading)
        self.membership = MembershipController(self)
        self.downloads = dirs.cache / "files"
        self.network = NetworkController(
            self,
            site,
            every=self.set_interval,
            later=self.set_timer,
            cache_file=dirs.site_cache_file,
        )
        if demo:
            self.title = "pleio-tui demo"

    # --- what the controllers and the panes read ---

    @property
    def strings(self) -> Strings:
        return self._strings

    @property
    def keys(self) -> dict[str, str]:
        """The user's remaps (binding id -> keys), as applied with `set_keymap`."""
        return self._key_remaps

    @property
    def store(self) -> Store | None:
        return self._store

    @property
    def main(self) -> MainScreen:
        if self._main is None:
            raise RuntimeError("the main screen exists once the app runs")
        return self._main

    @property
    def storage(self) -> StorageGuard:
        return self._storage

    @property
    def site(self) -> SiteAccess | None:
        return self.network.site

    @property
    def offline(self) -> bool:
        return self._offline_mode

    @property
    def open_blog(self) -> Blog | None:
        return self.reading.open_blog

    @property
    def is_syncing(self) -> bool:
        return self.network.syncing

    @property
    def is_online(self) -> bool:
        return self.network.online

    def can_reach_site(self) -> bool:
        return self.network.can_reach_site()

    def open_post(self, guid: str) -> None:
        self.reading.open_post(guid)

    # --- start ---

    def get_default_screen(self) -> Screen[None]:
        site_url = self.site.site_url if self.site else ""
        work = Work(self.reading, self.writing, self.membership)
        self._main = MainScreen(
            self._strings, site_url, self._start, self.reading.show_groups, work
        )
        return self._main

    def _start(self) -> None:
        """The main screen is mounted: fill it from the cache, then go online."""
        self.call_after_refresh(resume_collection)
        self.set_keymap(self._key_remaps)
        for problem in self._key_problems:
            text = self._strings("notice.keymap_problem", problem=problem.message(self._strings))
            self.notify_plain(text, "warning")
        self.show_status()
        self.reading.show_cache()
        self.main.activate(self.main.feed)
        if self.site is not None and sends_session_in_clear(self.site.site_url):
            text = self._strings("notice.plain_http", site=self.site.site_url)
            self.notify(text, severity="warning", markup=False, timeout=15)
        self.network.start(self._config.sync_interval_minutes)

    # --- the status bar ---

    def show_status(self) -> None:
        status = self.main.status
        status.strings = self._strings
        status.host = urlsplit(self.site.site_url).netloc if self.site else ""
        viewer = None
        counts: dict[OutboxState, int] = {}
        if self._store is not None:
            try:
                viewer = self._store.load_viewer()
                counts = self._store.outbox_counts()
            except StoreError as exc:
                self.report(exc)
        # --offline never asks the keyring for the session: the cache it reads is
        # still the one the user last synced, so it is shown under their name.
        whose = (self.site is not None and self.site.session is not None) or self._offline_mode
        user = viewer.user if viewer is not None and whose else None
        status.user_name = user.name if user is not None else None
        status.outbox_pending = counts.get(OutboxState.PENDING, 0) + counts.get(
            OutboxState.SENDING, 0
        )
        status.outbox_failed = counts.get(OutboxState.FAILED, 0)
        if not self.network.syncing:
            status.finish_sync(online=self.network.online)

    # --- what the controllers say ---

    def on_cache_changed(self, event: messages.CacheChanged) -> None:
        self.reading.refresh()
        self.show_status()
        if event.delivered:
            self.reading.delivered()

    def on_outbox_queued(self, _event: messages.OutboxQueued) -> None:
        self.network.outbox_queued()

    def on_network_failed(self, event: messages.NetworkFailed) -> None:
        self.network.failed(event.error, quiet_offline=event.quiet_offline)

    def on_site_answered(self, _event: messages.SiteAnswered) -> None:
        self.network.answered()

    async def on_logged_in(self, event: messages.LoggedIn) -> None:
        if not event.same_site:
            try:
                store = Store.open(event.access.cache_path)
            except StoreError as exc:
                self.report(exc)
            else:
                self.reading.forget()
                await self.main.post.set_site(event.access.site_url)
                self.replace_store(store)
        self.show_status()
        self.network.request_sync()

    # The new-post screen: named, not decorated with @on, so it is imported
    # when first opened.

    def on_new_post_screen_draft_changed(self, event: NewPostScreen.DraftChanged) -> None:
        event.stop()
        self.writing.save_draft(event.draft_key, event.title, event.body)

    def on_new_post_screen_draft_kept(self, event: NewPostScreen.DraftKept) -> None:
        event.stop()
        self.writing.keep_draft(event.draft_key, event.title, event.body)

    # --- actions (keys, palette) ---

    def action_comment(self) -> None:
        self.writing.comment()

    def action_reply(self) -> None:
        self.writing.reply()

    def action_edit_post(self) -> None:
        self.writing.edit_post()

    def action_new_post(self) -> None:
        self.writing.new_post()

    def action_vote(self, score: int) -> None:
        self.writing.vote(score)

    def action_bookmark(self) -> None:
        self.writing.bookmark()

    def action_outbox(self) -> None:
        self.writing.show_outbox()

    def action_toggle_membership(self) -> None:
        self.membership.toggle_current()

    def action_sync(self) -> None:
        self.network.sync_asked()

    def action_open_browser(self) -> None:
        url = self.reading.browser_url()
        if url is not None:
            self.open_url(url)
            self.notify_plain(self._strings("notice.opened_in_browser"))

    def action_copy_link(self) -> None:
        url = self.reading.browser_url()
        if url is not None:
            self.copy_to_clipboard(url)
            self.notify_plain(self._strings("notice.link_copied"))

    def action_search(self) -> None:
        self.reading.search_screen()

    def action_toggle_language(self) -> None:
        self._strings = self._strings.other
        self.main.set_strings(self._strings)
        self.reading.show_groups()
        self.show_status()
        self.notify_plain(self._strings("notice.language"))

    def action_help(self) -> None:
        from pleio_tui.tui.screens.help import HelpScreen  # 5 ms, when first asked

        self.push_screen(HelpScreen(self._strings, self._key_remaps))

    async def action_quit(self) -> None:
        question = self.writing.quit_question()
        if question is None:
            self.exit(0)
            return
        from pleio_tui.tui.screens.confirm import ConfirmScreen  # 3 ms, when first asked

        screen = ConfirmScreen(question, self._strings, self._key_remaps)
        self.push_screen(screen, lambda yes: self.exit(0) if yes else None)

    # --- the cache and its faults (for the storage guard) ---

    def replace_store(self, store: Store) -> None:
        """The cache file was deleted or replaced: go on with a new one."""
        if self._store is not None:
            self._store.close()
        self._store = store
        self.reading.show_cache()
        self.show_status()

    def notify_plain(self, text: str, severity: str = "information") -> None:
        self.notify(text, severity=severity, markup=False)  # type: ignore[arg-type]

    def every(self, seconds: float, callback: Callable[[], None]) -> Timer:
        return self.set_interval(seconds, callback)

    def report(self, exc: BaseException) -> None:
        if isinstance(exc, StoreError):
            self._storage.report(exc)
            return
        self.notify_plain(self._strings.error(error_code(exc)), "error")

    def _fatal_error(self) -> None:
        from pleio_tui.tui.crash_report import report_crash  # 23 ms, on a crash only

        report_crash(self)  # without the frames' local variables: they hold the session


def create_app(context: SiteSettings | None, *, dirs: AppDirs, demo: bool = False) -> PleioApp:
    """The app on the site of `context` (its cache opened: StoreError if it cannot
    be), or, without one, an app that asks for a site and session first."""
    if context is None:
        return PleioApp(site=None, store=None, config=load_config(dirs.config_file), dirs=dirs)
    store = Store.open(context.cache_path)
    return PleioApp(
        site=SiteAccess(context.site_url, context.session, context.cache_path),
        store=store,
        config=context.config,
        dirs=dirs,
        offline=context.offline,
        demo=demo,
    )


def run_app(context: SiteSettings | None, *, dirs: AppDirs, demo: bool = False) -> int:
    """Run the TUI; the exit status for the command line."""
    try:
        app = create_app(context, dirs=dirs, demo=demo)
    except StoreError as exc:
        print(f"pleio-tui: {exc}", file=sys.stderr)
        return 1
    try:
        app.run()
    finally:
        if app.store is not None:
            app.store.close()
    return app.return_code or 0
