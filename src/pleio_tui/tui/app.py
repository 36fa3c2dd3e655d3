"""The terminal UI: four panes over the offline cache, the network in the background.

Everything shows from the cache at once; a sync (outbox first, then what changed)
runs in a background thread and the panes re-read the cache when it reports.
Whatever the user writes is saved as a draft while typed and goes out through the
outbox, so nothing is lost to a bad connection. Attributes go down to the panes,
messages come up from them.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol
from urllib.parse import urlsplit

from textual import on
from textual.app import App
from textual.binding import BindingType
from textual.screen import Screen

from pleio_tui.config import Config, load_config
from pleio_tui.models import (
    Blog,
    Comment,
    FeedRow,
    GroupRow,
    Membership,
    OutboxItem,
    OutboxState,
    SearchHit,
)
from pleio_tui.paths import AppDirs
from pleio_tui.secret import Secret
from pleio_tui.site_url import sends_session_in_clear
from pleio_tui.store import Store, StoreError
from pleio_tui.tui.app_hosts import ReconnectHostMixin, StorageHostMixin
from pleio_tui.tui.collection import resume_collection
from pleio_tui.tui.drafts import DraftTarget, draft_target
from pleio_tui.tui.failures import error_code
from pleio_tui.tui.i18n import Strings, language_for
from pleio_tui.tui.keys import bindings, parse_keymap
from pleio_tui.tui.main_screen import MainScreen
from pleio_tui.tui.panes.post_pane import ReadingView
from pleio_tui.tui.services.background import SiteAccess, run_job, thread_safe
from pleio_tui.tui.storage_guard import StorageGuard
from pleio_tui.tui.widgets.row_list import RowList

# The other screens, the sync's results and the network's errors are imported
# when first needed: the first screen does without them.
if TYPE_CHECKING:
    from textual.command import Provider

    from pleio_tui.sync import OutboxOutcome, SyncProgress, SyncReport
    from pleio_tui.tui.panes.groups_pane import GroupsPane
    from pleio_tui.tui.screens.login import LoginResult
    from pleio_tui.tui.screens.new_post import NewPost, NewPostScreen
    from pleio_tui.tui.services.reconnect import ReconnectProbe
    from pleio_tui.tui.widgets.composer import Composer

SENT_ITEMS_SHOWN = 20
"""Sent items the outbox screen still lists, newest last, under the unsent ones."""


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


class PleioApp(StorageHostMixin, ReconnectHostMixin, App[int]):
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
        self._site = site
        self._store = store
        self._config = config
        self._dirs = dirs
        self._offline_mode = offline
        self._storage = StorageGuard(self)
        self._reconnect_probe: ReconnectProbe | None = None
        try:
            site_info = store.load_site() if store is not None else None
        except StoreError:
            site_info = None  # said once the screen shows; the rest may still read
        self._strings = Strings(
            language_for(config.language, site_info.language if site_info else None)
        )
        parsed = parse_keymap(config.keys)
        self._keymap = parsed.keymap
        self._keymap_problems = parsed.problems
        self._open_blog: Blog | None = None
        self._online = False
        self._sync_running = False
        self._sync_again = False
        self._outbox_lock = asyncio.Lock()
        self._main: MainScreen | None = None
        if demo:
            self.title = "pleio-tui demo"

    # --- what other parts read ---

    @property
    def strings(self) -> Strings:
        return self._strings

    @property
    def user_keymap(self) -> dict[str, str]:
        return self._keymap

    @property
    def store(self) -> Store | None:
        return self._store

    @property
    def main(self) -> MainScreen:
        if self._main is None:
            raise RuntimeError("the main screen exists once the app runs")
        return self._main

    @property
    def open_blog(self) -> Blog | None:
        return self._open_blog

    @property
    def storage(self) -> StorageGuard:
        return self._storage

    @property
    def is_syncing(self) -> bool:
        return self._sync_running

    @property
    def is_online(self) -> bool:
        return self._online

    # --- start ---

    def get_default_screen(self) -> Screen[None]:
        site_url = self._site.site_url if self._site else ""
        self._main = MainScreen(self._strings, site_url, self._start, self._show_groups)
        return self._main

    def _start(self) -> None:
        """The main screen is mounted: fill it from the cache, then go online."""
        self.call_after_refresh(resume_collection)
        self.set_keymap(self._keymap)
        for problem in self._keymap_problems:
            text = self._strings("notice.keymap_problem", problem=problem.message(self._strings))
            self.notify(text, severity="warning", markup=False)
        self._show_status()
        self._show_cache()
        self.main.activate(self.main.feed)
        if self._site is not None and sends_session_in_clear(self._site.site_url):
            text = self._strings("notice.plain_http", site=self._site.site_url)
            self.notify(text, severity="warning", markup=False, timeout=15)
        # --offline only reads the cache: it has no session (the keyring is not
        # asked) and needs none, so it does not ask to log in.
        if self._site is None or (self._site.session is None and not self._offline_mode):
            self._ask_login()
        elif not self._offline_mode:
            self.request_sync()
        if self._config.sync_interval_minutes > 0 and not self._offline_mode:
            self.set_interval(self._config.sync_interval_minutes * 60, self.request_sync)

    # --- showing the cache ---

    def _show_cache(self) -> None:
        self._show_groups()
        self._show_feed()

    def _show_groups(self) -> None:
        groups = self.main.groups
        if self._store is None or groups is None:
            return
        try:
            source = self._storage.guarded(self._store.groups(groups.filter_text))
            unread = self._store.unread_total()
        except StoreError as exc:
            self._report(exc)
            return
        empty = "empty.groups_offline" if self._offline_mode else "empty.groups"
        groups.show(source, unread, self._strings(empty))

    def _show_feed(self) -> None:
        if self._store is None:
            return
        group = self.main.current_group
        try:
            source = self._storage.guarded(
                self._store.feed(group.guid if group is not None else None)
            )
        except StoreError as exc:
            self._report(exc)
            return
        self.main.feed.show(source, group.name if group is not None else None)

    def _refresh_from_cache(self) -> None:
        """The cache changed under the panes (a sync, a send): read it again."""
        self._storage.check_file()
        self._show_groups()
        self.main.feed.row_list.refresh_rows()
        if self._open_blog is not None:
            self._reload_open_blog()
        self._show_status()

    def _reload_open_blog(self) -> None:
        if self._store is None or self._open_blog is None:
            return
        try:
            blog = self._store.blog(self._open_blog.guid)
            related = self._store.related_blogs(self._open_blog.guid) if blog else []
        except StoreError as exc:
            self._report(exc)
            return
        if blog is None:
            return
        self._open_blog = blog
        self.main.post.view.show_blog(self._with_waiting(blog), related)

    def _show_status(self) -> None:
        status = self.main.status
        status.strings = self._strings
        status.host = urlsplit(self._site.site_url).netloc if self._site else ""
        viewer = None
        counts: dict[OutboxState, int] = {}
        if self._store is not None:
            try:
                viewer = self._store.load_viewer()
                counts = self._store.outbox_counts()
            except StoreError as exc:
                self._report(exc)
        has_session = self._site is not None and self._site.session is not None
        # --offline never asks the keyring for the session: the cache it reads is
        # still the one the user last synced, so it is shown under their name.
        whose = has_session or self._offline_mode
        user = viewer.user if viewer is not None and whose else None
        status.user_name = user.name if user is not None else None
        status.outbox_pending = counts.get(OutboxState.PENDING, 0) + counts.get(
            OutboxState.SENDING, 0
        )
        status.outbox_failed = counts.get(OutboxState.FAILED, 0)
        if not self._sync_running:
            status.finish_sync(online=self._online)

    # --- pane messages ---

    @on(RowList.Highlighted, "#group-list")
    def _group_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        self._show_feed()

    @on(RowList.Selected, "#group-list")
    def _group_selected(self, event: RowList.Selected) -> None:
        event.stop()
        self.main.activate(self.main.feed)

    def on_groups_pane_filter_changed(self, event: GroupsPane.FilterChanged) -> None:
        event.stop()
        self._show_groups()

    @on(RowList.Selected, "#feed")
    def _feed_selected(self, event: RowList.Selected) -> None:
        event.stop()
        row: FeedRow = event.row
        self.open_post(row.guid)

    def open_post(self, guid: str) -> None:
        """Show a blog from the cache, mark it read, and fetch its comments if the
        cache has none yet."""
        if self._store is None:
            return
        try:
            blog = self._store.blog(guid)
            if blog is None:
                self.notify(self._strings("post.not_cached"), markup=False)
                return
            related = self._store.related_blogs(guid)
        except StoreError as exc:
            self._report(exc)
            return
        try:
            self._store.mark_read(guid)
        except StoreError as exc:
            self._report(exc)  # the post still shows: reading needs no writing
        if self.main.post.is_composing:
            self.main.post.composer.action_leave()
        self._open_blog = blog
        self.main.post.view.show_blog(self._with_waiting(blog), related)
        self.main.activate(self.main.post)
        self.main.feed.row_list.refresh_rows()
        self._show_groups()
        if blog.comments is None and self._can_reach_site():
            self.run_worker(self._fetch_blog(guid), group="fetch-blog", exclusive=True)

    # --- the composer ---
    # Handlers named, not decorated with @on: the composer is imported when the
    # user first writes, not at start.

    def on_composer_draft_changed(self, event: Composer.DraftChanged) -> None:
        event.stop()
        self._save_draft(event.draft_key, "", event.text)

    def on_composer_closed(self, event: Composer.Closed) -> None:
        event.stop()
        self._save_draft(event.draft_key, "", event.text)
        self.main.post.view.focus()

    def on_composer_editor_failed(self, event: Composer.EditorFailed) -> None:
        event.stop()
        text = self._strings("composer.editor_failed", detail=event.reason)
        self.notify(text, severity="warning", markup=False)

    def on_composer_send_requested(self, event: Composer.SendRequested) -> None:
        event.stop()
        # The send key is a priority binding: keys typed just before it may still
        # wait in the text area's queue. Send once that queue has been worked off.
        self.main.post.composer.after_typed(self._send_composed, event.draft_key, event.text)

    def _send_composed(self, draft_key: str, text_at_request: str) -> None:
        composer = self.main.post.composer
        text = composer.text if composer.draft_key == draft_key else text_at_request
        target = draft_target(draft_key)
        if target is None or self._store is None:
            return
        from pleio_tui.richtext import is_blank_markdown

        if is_blank_markdown(text):
            composer.show_warning(self._strings("composer.blank"))
            return
        title = ""
        if target.kind == "edit":
            try:
                blog = self._store.blog(target.guid)
            except StoreError as exc:
                self._report(exc)
                return
            title = blog.title if blog is not None else ""
        if self._enqueue(target, text, title):
            self.main.post.composer.close()
            self.main.post.view.focus()

    @on(ReadingView.ReplyRequested)
    def _reply_requested(self, event: ReadingView.ReplyRequested) -> None:
        event.stop()
        self.action_reply()

    def _open_composer(self, draft_key: str, heading: str, initial: str = "") -> None:
        text = self._draft_text(draft_key) or initial
        composer = self.main.post.composer
        composer.keymap = self._keymap
        composer.open(draft_key, heading, text)
        self.main.activate(self.main.post)

    def _draft_text(self, draft_key: str) -> str:
        """The saved draft, unless it is exactly what already waits in the outbox
        (its draft goes once the site has it): reopening must not send it twice."""
        if self._store is None:
            return ""
        kept = self._storage.kept_draft(draft_key)
        if kept is not None:
            return kept[1]
        try:
            draft = self._store.load_draft(draft_key)
            if draft is None:
                return ""
            queued = self._store.outbox((OutboxState.PENDING, OutboxState.SENDING))
        except StoreError as exc:
            self._report(exc)
            return ""
        if any(item.draft_key == draft_key and item.body == draft.body for item in queued):
            return ""
        return draft.body

    def _save_draft(self, key: str, title: str, body: str) -> None:
        """Save what the user typed; kept in memory (and said so) if the cache fails."""
        self._storage.save_draft(key, title, body)

    def _enqueue(self, target: DraftTarget, body: str, title: str = "") -> bool:
        """Put what the user wrote in the outbox and start sending it. False when
        the cache would not take it: the text then stays where it was typed."""
        if self._store is None:
            return False
        self._storage.save_draft(target.draft_key, title, body)
        try:
            self._store.enqueue(
                target.outbox_kind, target.guid, title=title, body=body, draft_key=target.draft_key
            )
        except StoreError as exc:
            self._storage.not_queued(exc)
            return False
        self._storage.written(target.draft_key)
        self._after_enqueue()
        return True

    def _after_enqueue(self) -> None:
        self._show_status()
        self._reload_open_blog()  # a comment shows in its thread at once, waiting
        if self._can_reach_site():
            self.run_worker(self._replay(), group="replay")
        else:
            self.notify(self._strings("notice.queued"), markup=False)

    # --- actions (keys, palette) ---

    def action_comment(self) -> None:
        blog = self._require_open_blog()
        if blog is None:
            return
        heading = self._strings("composer.comment_on", title=blog.title)
        self._open_composer(f"comment:{blog.guid}", heading)

    def action_reply(self) -> None:
        blog = self._require_open_blog()
        if blog is None:
            return
        selected = self.main.post.view.selected_comment_guid
        comment = _find_comment(blog, selected) if selected else None
        if comment is None:
            self.notify(self._strings("notice.no_comment"), markup=False)
            return
        # Two levels: a reply to a reply goes under the top-level comment.
        target = comment.guid if comment.parent_guid == blog.guid else comment.parent_guid
        heading = self._strings("composer.reply_to", author=comment.author_name)
        self._open_composer(f"reply:{target}", heading)

    def action_edit_post(self) -> None:
        blog = self._require_open_blog()
        if blog is None:
            return
        if not blog.can_edit:
            self.notify(self._strings("notice.not_editable"), markup=False)
            return
        from pleio_tui.richtext import body_to_markdown

        heading = self._strings("composer.edit", title=blog.title)
        body = body_to_markdown(blog.rich_description, blog.description)
        self._open_composer(f"edit:{blog.guid}", heading, body)

    def action_new_post(self) -> None:
        if self._store is None:
            self.notify(self._strings("notice.no_site"), markup=False)
            return
        chosen = self.main.current_group
        group_guid = chosen.guid if chosen is not None else None
        if group_guid is None and self._open_blog is not None:
            group_guid = self._open_blog.group_guid
        from pleio_tui.tui.screens.new_post import NewPostScreen, post_draft_key

        try:
            group = self._store.group(group_guid) if group_guid else None
            draft = self._store.load_draft(post_draft_key(group.guid)) if group else None
        except StoreError as exc:
            self._report(exc)
            return
        if group is None:
            self.notify(self._strings("notice.no_group"), markup=False)
            return
        title, body = (draft.title, draft.body) if draft else ("", "")
        title, body = self._storage.kept_draft(post_draft_key(group.guid)) or (title, body)
        screen = NewPostScreen(
            group.guid,
            group.name,
            self._strings,
            title=title,
            body=body,
            keymap=self._keymap,
            send=self._send_new_post,
        )
        self.push_screen(screen)

    def _send_new_post(self, post: NewPost) -> bool:
        """Queue a new blog; False (the screen stays, with its text) if it cannot be."""
        return self._enqueue(DraftTarget("post", post.group_guid), post.body, post.title)

    # Named, not decorated with @on, so the new-post screen need not be imported.
    def on_new_post_screen_draft_changed(self, event: NewPostScreen.DraftChanged) -> None:
        event.stop()
        self._save_draft(event.draft_key, event.title, event.body)

    # Named, not decorated with @on, so the new-post screen need not be imported.
    def on_new_post_screen_draft_kept(self, event: NewPostScreen.DraftKept) -> None:
        event.stop()
        if self._storage.save_draft(event.draft_key, event.title, event.body):
            self.notify(self._strings("composer.draft_kept"), markup=False)

    def action_vote(self, score: int) -> None:
        blog = self._require_open_blog()
        if blog is None or self._store is None:
            return
        try:
            self._store.queue_vote(blog.guid, score)
        except StoreError as exc:
            self._report(exc)
            return
        self._reload_open_blog()
        self.main.feed.row_list.refresh_rows()
        self.notify(self._strings("notice.voted"), markup=False)
        self._after_enqueue()

    def action_bookmark(self) -> None:
        blog = self._require_open_blog()
        if blog is None or self._store is None:
            return
        adding = not blog.is_bookmarked
        try:
            kind = DraftTarget("bookmark", blog.guid).outbox_kind
            self._store.enqueue(kind, blog.guid, score=1 if adding else 0)
            self._store.set_bookmarked(blog.guid, adding)
        except StoreError as exc:
            self._report(exc)
            return
        self._reload_open_blog()
        self.main.feed.row_list.refresh_rows()
        notice = "notice.bookmarked" if adding else "notice.unbookmarked"
        self.notify(self._strings(notice), markup=False)
        self._after_enqueue()

    def action_open_browser(self) -> None:
        url = self._open_blog_url()
        if url is not None:
            self.open_url(url)
            self.notify(self._strings("notice.opened_in_browser"), markup=False)

    def action_copy_link(self) -> None:
        url = self._open_blog_url()
        if url is not None:
            self.copy_to_clipboard(url)
            self.notify(self._strings("notice.link_copied"), markup=False)

    def _open_blog_url(self) -> str | None:
        from pleio_tui.tui.post_links import browser_url

        blog = self._require_open_blog()
        if blog is None or self._site is None:
            return None
        return browser_url(self._site.site_url, blog.url)

    def action_search(self) -> None:
        if self._store is None:
            self.notify(self._strings("notice.no_site"), markup=False)
            return
        from pleio_tui.tui.screens.search import SearchScreen

        self.push_screen(SearchScreen(self._search, self._strings), self._search_done)

    def _search(self, query: str) -> list[SearchHit]:
        if self._store is None:
            return []
        try:
            return self._store.search(query)
        except StoreError as exc:
            self._report(exc)
            return []

    def _search_done(self, blog_guid: str | None) -> None:
        if blog_guid is not None:
            self.open_post(blog_guid)

    def action_outbox(self) -> None:
        if self._store is None:
            self.notify(self._strings("notice.no_site"), markup=False)
            return
        from pleio_tui.tui.screens.outbox import OutboxActions, OutboxScreen

        actions = OutboxActions(
            items=self._outbox_items,
            retry=self._retry_item,
            discard=self._discard_item,
        )
        self.push_screen(OutboxScreen(actions, self._strings, self._keymap))

    def _outbox_items(self) -> list[OutboxItem]:
        if self._store is None:
            return []
        try:
            return _outbox_listing(self._store)
        except StoreError as exc:
            self._report(exc)
            return []

    def _retry_item(self, item_id: int) -> None:
        if self._store is None:
            return
        try:
            self._store.retry(item_id)
        except StoreError as exc:
            self._report(exc)
            return
        self._after_enqueue()

    def _discard_item(self, item_id: int) -> None:
        if self._store is None:
            return
        try:
            self._store.discard(item_id)
        except StoreError as exc:
            self._report(exc)
        self._show_status()

    def action_toggle_membership(self) -> None:
        group = self.main.current_group
        if group is None:
            self.notify(self._strings("notice.no_group"), markup=False)
            return
        self._membership_toggle(group)

    # Named, not decorated with @on: the group list is imported when first made.
    def on_groups_pane_membership_toggle(self, event: GroupsPane.MembershipToggle) -> None:
        event.stop()
        self._membership_toggle(event.group)

    def _membership_toggle(self, row: GroupRow) -> None:
        if not self._can_reach_site():
            self.notify(self._strings.error("offline"), severity="warning", markup=False)
            return
        joining = row.membership == Membership.NOT_JOINED
        if not joining:
            question = self._strings("confirm.leave_group", name=row.name)
        elif row.is_closed or row.is_membership_on_request:
            question = self._strings("confirm.request_membership", name=row.name)
        else:
            question = self._strings("confirm.join_group", name=row.name)

        def answered(yes: bool | None) -> None:
            if yes:
                work = self._change_membership(row.guid, join=joining)
                self.run_worker(work, group="membership")

        from pleio_tui.tui.screens.confirm import ConfirmScreen

        self.push_screen(ConfirmScreen(question, self._strings, self._keymap), answered)

    def action_sync(self) -> None:
        if self._offline_mode:
            self.notify(self._strings.error("offline"), markup=False)
            return
        if self._site is None or self._site.session is None:
            self._ask_login()
            return
        self.request_sync()

    def action_toggle_language(self) -> None:
        self._strings = self._strings.other
        self.main.set_strings(self._strings)
        self._show_groups()
        self._show_status()
        self.notify(self._strings("notice.language"), markup=False)

    def action_help(self) -> None:
        from pleio_tui.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self._strings, self._keymap))

    async def action_quit(self) -> None:
        try:
            counts = self._store.outbox_counts() if self._store is not None else {}
        except StoreError:
            counts = {}
        unsent = counts.get(OutboxState.PENDING, 0) + counts.get(OutboxState.SENDING, 0)
        in_memory = self._storage.drafts_in_memory
        if not unsent and not in_memory:
            self.exit(0)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit(0)

        from pleio_tui.tui.screens.confirm import ConfirmScreen

        if in_memory:
            question = self._strings.plural("confirm.quit_drafts_in_memory", in_memory)
        else:
            question = self._strings.plural("confirm.quit_unsent", unsent)
        self.push_screen(ConfirmScreen(question, self._strings, self._keymap), answered)

    def _require_open_blog(self) -> Blog | None:
        if self._open_blog is None:
            self.notify(self._strings("notice.no_post"), markup=False)
        return self._open_blog

    # --- the network, in the background ---

    def _can_reach_site(self) -> bool:
        """Worth trying the network: a session, and not started with --offline."""
        return not self._offline_mode and self._site is not None and self._site.session is not None

    def request_sync(self) -> None:
        """Sync now, or right after the sync that is running."""
        if not self._can_reach_site():
            return
        if self._sync_running:
            self._sync_again = True
            return
        self._sync_running = True
        self.main.status.set_sync_progress(0, 0)
        self.run_worker(self._sync(), group="sync")

    async def _sync(self) -> None:
        from pleio_tui.api import PleioError
        from pleio_tui.tui.services.jobs import sync_job

        assert self._site is not None
        on_progress = thread_safe(asyncio.get_running_loop(), self._sync_progress)
        report: SyncReport | None = None
        try:
            async with self._outbox_lock:
                report = await run_job(self._site, sync_job(on_progress))
        except (PleioError, StoreError) as exc:
            self._network_failed(exc)
        finally:
            self._sync_running = False
        if report is not None:
            self._sync_finished(report)
        self._refresh_from_cache()
        if self._sync_again:
            self._sync_again = False
            self.request_sync()

    def _sync_progress(self, progress: SyncProgress) -> None:
        if self._sync_running:
            self.main.status.set_sync_progress(progress.done, progress.total)

    def _sync_finished(self, report: SyncReport) -> None:
        from pleio_tui.api import OfflineError, SessionExpiredError
        from pleio_tui.sync import StopReason

        if report.stopped == StopReason.SESSION_EXPIRED:
            self._network_failed(SessionExpiredError(report.stop_detail))
        elif report.stopped == StopReason.OFFLINE:
            self._network_failed(OfflineError(report.stop_detail or "network"))
        else:
            self._online = True
        self._announce_outbox(report.outbox)

    async def _replay(self) -> None:
        from pleio_tui.api import OfflineError, PleioError
        from pleio_tui.tui.services.jobs import replay_job

        assert self._site is not None
        try:
            async with self._outbox_lock:
                result = await run_job(self._site, replay_job())
        except (PleioError, StoreError) as exc:
            self._network_failed(exc)
            self._show_status()
            return
        if result.stopped_by is not None:
            self._network_failed(result.stopped_by)
            if isinstance(result.stopped_by, OfflineError):
                self.notify(self._strings("notice.queued"), markup=False)
        else:
            self._online = True
        self._announce_outbox(result.outcomes)
        self._refresh_from_cache()
        if self._open_blog is not None and any(o.delivered for o in result.outcomes):
            # A reply hangs under a comment: fetch the thread to show it.
            await self._fetch_blog(self._open_blog.guid)

    def _announce_outbox(self, outcomes: Sequence[OutboxOutcome]) -> None:
        from pleio_tui.sync import OutboxResult

        for outcome in outcomes:
            result = outcome.result
            if result == OutboxResult.FAILED:
                reason = self._strings.error(outcome.error_code or "unknown")
                text = self._strings("notice.send_failed", reason=reason)
                self.notify(text, severity="error", markup=False)
            elif result in (OutboxResult.SENT, OutboxResult.FOUND):
                self.notify(self._strings("notice.sent"), markup=False)

    async def _fetch_blog(self, guid: str) -> None:
        from pleio_tui.api import PleioError
        from pleio_tui.tui.services.jobs import fetch_blog_job

        if self._site is None:
            return
        try:
            await run_job(self._site, fetch_blog_job(guid))
        except (PleioError, StoreError) as exc:
            self._network_failed(exc, quiet_offline=True)
            return
        self._online = True
        if self._open_blog is not None and self._open_blog.guid == guid:
            self._reload_open_blog()
        self.main.feed.row_list.refresh_rows()
        self._show_status()

    async def _change_membership(self, guid: str, *, join: bool) -> None:
        from pleio_tui.api import PleioError
        from pleio_tui.tui.services.jobs import membership_job

        if self._site is None:
            return
        try:
            group = await run_job(self._site, membership_job(guid, join=join))
        except (PleioError, StoreError) as exc:
            self._network_failed(exc)
            return
        if not join:
            notice = "notice.left"
        elif group.membership == Membership.JOINED:
            notice = "notice.joined"
        else:
            notice = "notice.join_requested"
        self.notify(self._strings(notice, name=group.name), markup=False)
        self._show_groups()

    def _network_failed(self, exc: BaseException, *, quiet_offline: bool = False) -> None:
        """Say what went wrong and carry on from the cache."""
        from pleio_tui.api import OfflineError, SessionExpiredError

        if isinstance(exc, SessionExpiredError):
            self._online = False
            self.notify(self._strings.error("session_expired"), severity="error", markup=False)
            self._ask_login()
        elif isinstance(exc, OfflineError):
            self._online = False
            if not quiet_offline:
                self.notify(self._strings.error("offline"), severity="warning", markup=False)
            self._reconnect.site_unreachable()
        else:
            self._report(exc)
        self._show_status()

    def _report(self, exc: BaseException) -> None:
        if isinstance(exc, StoreError):
            self._storage.report(exc)
            return
        self.notify(self._strings.error(error_code(exc)), severity="error", markup=False)

    # --- logging in ---

    def _ask_login(self, error: str | None = None) -> None:
        from pleio_tui.tui.screens.login import LoginScreen

        if isinstance(self.screen, LoginScreen):
            self.screen.show_error(error or "")
            return
        site_url = self._site.site_url if self._site else ""
        self.push_screen(LoginScreen(self._strings, site_url, error), self._login_given)

    def _login_given(self, result: LoginResult | None) -> None:
        if result is not None:
            self.run_worker(self._check_login(result), group="login", exclusive=True)

    async def _check_login(self, result: LoginResult) -> None:
        from pleio_tui.api import PleioError
        from pleio_tui.tui.services.jobs import viewer_job

        same_site = self._site is not None and self._site.site_url == result.site_url
        cache_path = (
            self._site.cache_path
            if same_site and self._site
            else self._dirs.site_cache_file(result.site_url)
        )
        access = SiteAccess(result.site_url, result.sessionid, cache_path)
        self.notify(self._strings("login.checking"), markup=False)
        try:
            viewer = await run_job(access, viewer_job())
        except (PleioError, StoreError) as exc:
            self._ask_login(self._strings.error(error_code(exc)))
            return
        if not viewer.logged_in or viewer.user is None:
            self._ask_login(self._strings.error("session_expired"))
            return
        # keyring takes 20 ms to import: paid only when a session is stored.
        from pleio_tui.credentials import KeyringUnavailableError, save_session

        try:
            save_session(result.site_url, result.sessionid)
        except KeyringUnavailableError as exc:
            # The session still works for this run; the message names the way out.
            self.notify(
                self._strings("notice.session_not_saved", reason=exc.detail),
                severity="warning",
                markup=False,
            )
        if not same_site:
            await self._switch_site(access)
        self._site = access
        self._online = True
        self.notify(self._strings("notice.logged_in", name=viewer.user.name), markup=False)
        self._show_status()
        self.request_sync()

    async def _switch_site(self, access: SiteAccess) -> None:
        try:
            store = Store.open(access.cache_path)
        except StoreError as exc:
            self._report(exc)
            return
        if self._store is not None:
            self._store.close()
        self._store = store
        self._open_blog = None
        self.main.post.view.clear()
        await self.main.post.set_site(access.site_url)
        self._show_cache()

    def _fatal_error(self) -> None:
        from pleio_tui.tui.crash_report import report_crash

        report_crash(self)  # without the frames' local variables: they hold the session


def _find_comment(blog: Blog, guid: str | None) -> Comment | None:
    for comment in blog.comments or ():
        if comment.guid == guid:
            return comment
        for reply in comment.replies:
            if reply.guid == guid:
                return reply
    return None


def _outbox_listing(store: Store) -> list[OutboxItem]:
    unsent = store.outbox((OutboxState.PENDING, OutboxState.SENDING, OutboxState.FAILED))
    sent = store.outbox((OutboxState.SENT,))[-SENT_ITEMS_SHOWN:]
    return [*unsent, *sent]


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
