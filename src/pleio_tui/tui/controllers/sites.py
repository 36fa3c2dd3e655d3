"""Several sites: the switcher (`S`), each site's place kept while another is
read, the store and the network restarted for the site chosen, and the rule
that only logged-in users write (a site read as a visitor offers to log in).

Every other site's cache is read without being written (`store.site_summary`);
only the site switched to is opened as the app's store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

from pleio_tui.config import Config, SiteEntry, unique_site_name
from pleio_tui.config_file import add_site, set_site_settings
from pleio_tui.site_url import SiteUrlError, parse_site_url
from pleio_tui.store import Store, StoreError
from pleio_tui.store.site_summary import read_summary
from pleio_tui.tui.main_screen import MainScreen
from pleio_tui.tui.services.background import SiteAccess

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pleio_tui.paths import AppDirs
    from pleio_tui.secret import Secret
    from pleio_tui.tui.app import PleioApp
    from pleio_tui.tui.i18n import Strings
    from pleio_tui.tui.screens.sites import SiteChoice


class Place(NamedTuple):
    """Where the user was on a site: the group and blog under the cursors, the
    open post and how far down it was read."""

    group_index: int
    feed_index: int
    blog_guid: str | None
    scroll_y: float


def describe_summary(strings: Strings, cache_file: Path) -> str:
    try:
        summary = read_summary(cache_file)
    except StoreError:
        return strings("sites.unreadable")
    if summary is None:
        return strings("sites.not_synced")
    parts = [strings.plural("sites.unread", summary.unread)]
    if summary.outbox_waiting:
        parts.append(strings.plural("sites.waiting", summary.outbox_waiting))
    if summary.outbox_failed:
        parts.append(strings.plural("sites.failed", summary.outbox_failed))
    return " · ".join(parts)


class SitesController:
    def __init__(self, app: PleioApp, config: Config, dirs: AppDirs) -> None:
        self._app = app
        self._config = config
        self._dirs = dirs
        self._places: dict[str, Place] = {}

    # --- which site ---

    def _url(self, entry: SiteEntry) -> str | None:
        try:
            return parse_site_url(entry.url, allow_insecure_http=self._config.allow_insecure_http)
        except SiteUrlError:
            return None

    def current_entry(self) -> SiteEntry | None:
        site = self._app.site
        return self._config.site_at(site.site_url) if site is not None else None

    def status_name(self) -> str:
        """How the status bar names the site: its name once there are several."""
        site = self._app.site
        if site is None:
            return ""
        entry = self.current_entry()
        host = urlsplit(site.site_url).netloc
        return entry.name if entry is not None and len(self._config.sites) > 1 else host

    def choices(self) -> list[SiteChoice]:
        from pleio_tui.tui.screens.sites import SiteChoice  # the switcher: when first opened

        current = self._app.site.site_url if self._app.site is not None else None
        strings = self._app.strings
        choices = []
        for entry in self._config.sites:
            url = self._url(entry)
            if url is None:
                continue
            state = describe_summary(strings, self._dirs.site_cache_file(url))
            if entry.anonymous:
                state += f" · {strings('sites.visitor')}"
            host = urlsplit(url).netloc
            choices.append(SiteChoice(entry.name, host, state, current=url == current))
        return choices

    # --- switching ---

    def open_switcher(self) -> None:
        from pleio_tui.tui.screens.sites import SitesScreen  # 2 ms, when first opened

        app = self._app
        if not isinstance(app.screen, MainScreen):
            return  # a dialog's text belongs to the site it was opened on
        app.push_screen(SitesScreen(app.strings, self.choices()), self._chosen)

    def _chosen(self, name: str | None) -> None:
        if name is not None:
            self._app.run_worker(self.switch(name), group="switch-site", exclusive=True)

    async def switch(self, name: str) -> bool:
        """Go to the site named `name`; False when it could not be opened (said)."""
        app = self._app
        entry = self._config.site_named(name)
        url = self._url(entry) if entry is not None else None
        if entry is None or url is None:
            return False
        old = app.site
        if old is not None and old.site_url == url:
            return True
        cache_path = self._dirs.site_cache_file(url)
        try:
            store = Store.open(cache_path)
        except StoreError as exc:
            app.report(exc)
            return False
        if old is not None:
            self._places[old.site_url] = self._leave()
        session, in_keyring = self._session(entry, url)
        access = SiteAccess(url, session, cache_path, entry.anonymous, in_keyring)
        app.network.switch_site(access)
        app.reading.forget()
        await app.main.post.set_site(url)
        app.replace_store(store)
        self._restore(self._places.get(url))
        app.notify_plain(app.strings("notice.switched", site=entry.name))
        app.network.start_site()
        return True

    def _session(self, entry: SiteEntry, url: str) -> tuple[Secret | None, bool]:
        """The site's session, and whether it is the keyring's."""
        if entry.anonymous or self._app.offline:
            return None, False
        # keyring: 30 ms
        from pleio_tui.credentials import (
            KeyringUnavailableError,
            UnboundSessionError,
            load_session,
            session_from_env,
        )

        strings = self._app.strings
        try:
            session = load_session(url)
            return session, session is not None and session_from_env(url) is None
        except KeyringUnavailableError as exc:
            text = strings("notice.session_not_saved", reason=exc.detail, site=url)
            self._app.notify_plain(text, "warning")
        except UnboundSessionError:  # sent nowhere: the site is read as a visitor or asks
            self._app.notify_plain(strings("notice.session_unbound"), "warning")
        return None, False

    def _leave(self) -> Place:
        """The place on the site being left; what the composer holds is saved to
        that site's drafts first."""
        app = self._app
        main = app.main
        post = main.post
        if post.is_composing:
            composer = post.composer
            if composer.draft_key is not None:
                app.writing.save_draft(composer.draft_key, "", composer.text)
            composer.close()
        groups = main.groups
        blog = app.reading.open_blog
        return Place(
            groups.row_list.cursor_index if groups is not None else 0,
            main.feed.row_list.cursor_index,
            blog.guid if blog is not None else None,
            post.made_view.scroll_y if post.made_view is not None else 0,
        )

    def _restore(self, place: Place | None) -> None:
        app = self._app
        main = app.main
        if place is None:
            main.activate(main.feed)
            return
        groups = main.groups
        if groups is not None:
            groups.row_list.cursor_index = place.group_index
        app.reading.show_feed()
        main.feed.row_list.cursor_index = place.feed_index
        if place.blog_guid is None:
            main.activate(main.feed)
            return
        app.reading.open_post(place.blog_guid)
        view = main.post.view
        app.call_after_refresh(lambda: view.scroll_to(y=place.scroll_y, animate=False))

    # --- who may write ---

    def write(self, action: Callable[..., None], *args: object) -> None:
        """Run a writing action when there is someone to write as."""
        if self.may_write():
            action(*args)

    def may_write(self) -> bool:
        """True when there is someone to write as; otherwise say that only logged-in
        users write, and offer to log in (online)."""
        app = self._app
        site = app.site
        if site is None or not self._visitor(site):
            return True
        host = urlsplit(site.site_url).netloc
        if app.offline:
            app.notify_plain(app.strings("notice.visitors_cannot_write", site=host), "warning")
            return False
        from pleio_tui.tui.screens.confirm import ConfirmScreen  # 3 ms, when first asked

        question = app.strings("confirm.log_in_to_write", site=host)
        screen = ConfirmScreen(question, app.strings, app.keys)
        app.push_screen(screen, lambda yes: app.network.ask_login() if yes else None)
        return False

    def _visitor(self, site: SiteAccess) -> bool:
        if site.anonymous:
            return True
        if site.session is not None:
            return False
        if not self._app.offline:
            return True
        store = self._app.store
        try:
            viewer = store.load_viewer() if store is not None else None
        except StoreError:
            return False
        return viewer is not None and not viewer.logged_in

    def logged_in(self, access: SiteAccess) -> None:
        """Keep in the config how the site is read now: a site read as a visitor
        is added as one (or marked so); one with a session is so no more."""
        path = self._config.path
        if path is None:
            return
        entry = self._config.site_at(access.site_url)
        try:
            if entry is None and access.anonymous:
                entry = SiteEntry(unique_site_name(self._config, access.site_url), access.site_url)
                add_site(
                    path,
                    entry.name,
                    entry.url,
                    make_default=self._config.site is None,
                    settings={"anonymous": True},
                )
                self._config = self._config._replace(
                    sites=(*self._config.sites, entry._replace(anonymous=True)),
                    site=self._config.site or entry.url,
                )
                return
            if entry is None or entry.anonymous == access.anonymous:
                return
            set_site_settings(path, entry.name, {"anonymous": True if access.anonymous else None})
        except OSError:
            return  # it works for this run; the config is the user's to fix
        sites = tuple(
            e._replace(anonymous=access.anonymous) if e == entry else e for e in self._config.sites
        )
        self._config = self._config._replace(sites=sites)
