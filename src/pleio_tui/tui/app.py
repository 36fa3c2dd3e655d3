"""The terminal UI: four panes over the offline cache, the network in the background.

The app owns start-up, the screens, the status bar, the key table and the
language; what it does is in `controllers/` (reading, writing, membership, the
network), each with its own state and workers. Attributes go down to the panes
and controllers; messages come up from them (`controllers/messages.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import BindingType
from textual.screen import Screen

from pleio_tui.config import Config
from pleio_tui.models import Blog
from pleio_tui.paths import AppDirs
from pleio_tui.site_url import sends_session_in_clear
from pleio_tui.store import Store, StoreError
from pleio_tui.tui.collection import resume_collection
from pleio_tui.tui.controllers import messages
from pleio_tui.tui.controllers.content_actions import ContentActions
from pleio_tui.tui.controllers.inbox import InboxController
from pleio_tui.tui.controllers.membership import MembershipController
from pleio_tui.tui.controllers.network import NetworkController
from pleio_tui.tui.controllers.reading import ReadingController
from pleio_tui.tui.controllers.sites import SitesController
from pleio_tui.tui.controllers.writing import WritingController
from pleio_tui.tui.failures import error_code
from pleio_tui.tui.i18n import Strings, language_for
from pleio_tui.tui.keys import bindings, parse_keymap
from pleio_tui.tui.main_screen import MainScreen, Work
from pleio_tui.tui.services.background import SiteAccess
from pleio_tui.tui.settings import SettingsKeeper, unknown_theme
from pleio_tui.tui.status import show_status
from pleio_tui.tui.storage_guard import StorageGuard

# The other screens are imported when first needed: the first screen does without them.
if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.command import Provider
    from textual.timer import Timer

    from pleio_tui.tui.screens.new_post import NewPostScreen


def actions_provider() -> type[Provider]:
    """The palette's actions, imported when the palette first opens."""
    from pleio_tui.tui.palette import ActionsProvider  # textual.command, when first opened

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
        session_refused: bool = False,
    ) -> None:
        """`session_refused`: PLEIO_TUI_SESSION was set without the site it is for
        and not used; the app says so at start."""
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
        kept = {"language": config.language, "theme": config.theme}
        self.settings = SettingsKeeper(config.path, self, kept)
        self._theme_problem = unknown_theme(config.theme, self.available_themes, self._strings)
        if config.theme is not None and self._theme_problem is None:
            self.theme = config.theme
        # Our own names: Textual keeps its keymap in `_keymap`, applied by set_keymap.
        remaps = parse_keymap(config.keys)
        self._key_remaps = remaps.keymap
        self._key_problems = remaps.problems
        self._main: MainScreen | None = None
        self.reading = ReadingController(self)
        self.writing = WritingController(self, self.reading)
        self.membership = MembershipController(self)
        self.inbox = InboxController(self)
        self.downloads = dirs.cache / "files"
        self.network = NetworkController(
            self,
            site,
            every=self.set_interval,
            later=self.set_timer,
            cache_file=dirs.site_cache_file,
            allow_insecure_http=config.allow_insecure_http,
        )
        self.sites = SitesController(self, config, dirs)
        self._demo = demo
        self._session_refused = session_refused
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
        if self._theme_problem is not None:
            self.notify_plain(self._theme_problem, "warning")
        self.show_status()
        self.reading.show_cache()
        self.main.activate(self.main.feed)
        if self.site is not None and sends_session_in_clear(self.site.site_url):
            text = self._strings("notice.plain_http", site=self.site.site_url)
            self.notify(text, severity="warning", markup=False, timeout=15)
        if self._session_refused:
            text = self._strings("notice.session_unbound")
            self.notify(text, severity="warning", markup=False, timeout=30)
        if self._demo and self.site is not None:
            text = self._strings("notice.demo", url=self.site.site_url)
            self.notify(text, markup=False, timeout=30)
        self.network.start(self._config.sync_interval_minutes)

    # --- the status bar ---

    def show_status(self) -> None:
        show_status(self, self.main.status)
        self.inbox.show_count()

    # --- what the controllers say ---

    def on_cache_changed(self, event: messages.CacheChanged) -> None:
        self.reading.refresh()
        self.show_status()
        self.inbox.cache_changed()
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
        self.sites.logged_in(event.access)
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
        self.sites.write(self.writing.comment)

    def action_reply(self) -> None:
        self.sites.write(self.writing.reply)

    def action_edit_post(self) -> None:
        self.sites.write(self.writing.edit_post)

    def action_new_post(self) -> None:
        self.sites.write(self.writing.new_post)

    def action_delete_comment(self) -> None:
        self.writing.delete_comment()

    def action_vote(self, score: int) -> None:
        self.sites.write(self.writing.vote, score)

    def action_bookmark(self) -> None:
        self.sites.write(self.writing.bookmark)

    def action_switch_site(self) -> None:
        self.sites.open_switcher()

    def action_outbox(self) -> None:
        self.writing.show_outbox()

    def action_inbox(self) -> None:
        self.inbox.show()

    def action_mark_read(self) -> None:
        self.inbox.mark_read()

    def action_toggle_membership(self) -> None:
        self.membership.toggle_current()

    def action_sync(self) -> None:
        self.network.sync_asked()

    def watch_theme(self, theme: str) -> None:
        self.settings.remember("theme", theme)

    def action_command_palette(self) -> None:
        from pleio_tui.tui.palette import open_palette  # when first opened

        open_palette(self)

    def action_search(self) -> None:
        self.reading.search_screen()

    def action_toggle_language(self) -> None:
        self._strings = self._strings.other
        self.settings.remember("language", self._strings.lang)
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
