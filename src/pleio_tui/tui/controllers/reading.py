"""Reading: the group list, the feed, the open post with its thread, unread marks,
and opening a search hit. Everything shows from the cache; a thread the cache
does not hold yet is fetched in the background."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.css.query import NoMatches

from pleio_tui.models import Blog, Comment, GroupRow, Membership, OutboxState, SearchHit
from pleio_tui.store import StoreError
from pleio_tui.tui.controllers.inbox import comments_new_since
from pleio_tui.tui.controllers.messages import NetworkFailed, SiteAnswered
from pleio_tui.tui.post_links import browser_url
from pleio_tui.tui.render.waiting import with_waiting_comments
from pleio_tui.tui.services.background import run_job

if TYPE_CHECKING:
    from pleio_tui.tui.controllers.following import LinkFollower
    from pleio_tui.tui.controllers.host import AppHost


class ReadingController:
    def __init__(self, host: AppHost) -> None:
        self._host = host
        self.open_blog: Blog | None = None
        """The post the post pane shows, as the cache last held it."""
        self._follower: LinkFollower | None = None
        self.kind_filter: str | None = None
        """The one kind of content the feed lists ("discussion", ...); None for all."""

    @property
    def links(self) -> LinkFollower:
        """Following links and addresses, made when first used."""
        if self._follower is None:
            # handoff (subprocess, shutil): off the first frame
            from pleio_tui.tui.controllers.following import LinkFollower

            self._follower = LinkFollower(self._host, self)
        return self._follower

    # --- the lists ---

    def show_cache(self) -> None:
        self.show_groups()
        self.show_feed()

    def show_groups(self) -> None:
        host = self._host
        groups = host.main.groups
        if host.store is None or groups is None:
            return
        try:
            source = host.storage.guarded(host.store.groups(groups.filter_text))
            unread = host.store.unread_total()
        except StoreError as exc:
            host.report(exc)
            return
        empty = "empty.groups_offline" if host.offline else "empty.groups"
        groups.show(source, unread, host.strings(empty))

    def show_feed(self) -> None:
        host = self._host
        if host.store is None:
            return
        group = host.main.current_group
        try:
            source = host.storage.guarded(
                host.store.feed(group.guid if group is not None else None, self.kind_filter)
            )
        except StoreError as exc:
            host.report(exc)
            return
        kind = host.strings(f"kind.{self.kind_filter}") if self.kind_filter else None
        host.main.feed.show(
            source,
            group.name if group is not None else None,
            self.feed_placeholder(group),
            kind=kind,
        )

    def feed_placeholder(self, group: GroupRow | None) -> str:
        """What an empty feed says: a closed group the user is not in says why."""
        strings = self._host.strings
        if group is None or not group.is_closed or group.membership == Membership.JOINED:
            return strings("empty.feed")
        if group.membership == Membership.REQUESTED:
            return strings("feed.closed_group_requested")
        return strings("feed.closed_group")

    def refresh(self) -> None:
        """The cache changed under the panes: read it again."""
        self._host.storage.check_file()
        self.show_groups()
        self._host.main.feed.row_list.refresh_rows()
        if self.open_blog is not None:
            self.reload_open_blog()

    def forget(self) -> None:
        """Another site: nothing of the old one stays open."""
        self.open_blog = None
        view = self._host.main.post.made_view
        if view is not None:
            view.clear()

    # --- the open post ---

    def open_post(self, guid: str) -> None:
        """Show a blog from the cache, mark it read, and fetch its comments if the
        cache has none yet."""
        host = self._host
        if host.store is None:
            return
        try:
            blog = host.store.blog(guid)
            if blog is None:
                host.notify_plain(host.strings("post.not_cached"))
                return
            related = host.store.related_blogs(guid)
        except StoreError as exc:
            host.report(exc)
            return
        new_since = comments_new_since(host.store, guid)
        try:
            host.store.mark_read(guid)
        except StoreError as exc:
            host.report(exc)  # the post still shows: reading needs no writing
        main = host.main
        if main.post.is_composing:
            main.post.composer.action_leave()
        self.open_blog = blog
        main.post.view.new_since = new_since
        main.post.view.show_blog(self.with_waiting(blog), related)
        main.activate(main.post)
        main.feed.row_list.refresh_rows()
        main.feed.row_list.move_to_key(guid)  # opened from search or a link: the feed follows
        self.show_groups()
        # The site's own version, or that it is gone, while the site answers (not
        # after it refused the session); a thread never fetched, whatever it said.
        if host.can_reach_site() and (host.is_online or blog.comments is None):
            self.fetch_thread(guid)

    def reload_open_blog(self) -> None:
        host = self._host
        if host.store is None or self.open_blog is None:
            return
        try:
            blog = host.store.blog(self.open_blog.guid)
            related = host.store.related_blogs(self.open_blog.guid) if blog else []
        except StoreError as exc:
            host.report(exc)
            return
        if blog is None:
            return
        self.open_blog = blog
        host.main.post.view.show_blog(self.with_waiting(blog), related)

    def with_waiting(self, blog: Blog) -> Blog:
        """The blog with the comments on it still in the outbox, marked as waiting."""
        host = self._host
        if host.store is None:
            return blog
        try:
            items = host.store.outbox((OutboxState.PENDING, OutboxState.SENDING))
            viewer = host.store.load_viewer() if items else None
        except StoreError as exc:
            host.report(exc)
            return blog
        return with_waiting_comments(blog, items, viewer.user if viewer else None)

    def require_open_blog(self) -> Blog | None:
        if self.open_blog is None:
            self._host.notify_plain(self._host.strings("notice.no_post"))
        return self.open_blog

    def browser_url(self) -> str | None:
        """Where the open post is on the site (None, and said, without one)."""
        blog = self.require_open_blog()
        site = self._host.site
        if blog is None or site is None:
            return None
        return browser_url(site.site_url, blog.url)

    def selected_comment(self) -> Comment | None:
        blog = self.open_blog
        selected = self._host.main.post.view.selected_comment_guid
        return find_comment(blog, selected) if blog is not None and selected else None

    # --- the thread from the site ---

    def fetch_thread(self, guid: str) -> None:
        self._host.run_worker(self.fetch_blog(guid), group="fetch-blog", exclusive=True)

    def delivered(self) -> None:
        """A reply hangs under a comment: fetch the open thread to show it."""
        if self.open_blog is not None and self._host.can_reach_site():
            self.fetch_thread(self.open_blog.guid)

    async def fetch_blog(self, guid: str) -> None:
        from pleio_tui.api import PleioError  # httpx: off the first frame
        from pleio_tui.tui.services.jobs import fetch_blog_job  # httpx: network work only

        host = self._host
        if host.site is None:
            return
        try:
            blog = await run_job(host.site, fetch_blog_job(guid))
        except (PleioError, StoreError) as exc:
            host.post_message(NetworkFailed(exc, quiet_offline=True))
            return
        host.post_message(SiteAnswered())
        try:
            self._show_fetched(guid, blog)
        except NoMatches:
            return  # the app closed while the site answered

    def _show_fetched(self, guid: str, blog: Blog | None) -> None:
        host = self._host
        if self.open_blog is not None and self.open_blog.guid == guid:
            if blog is None:
                self.forget()
                host.notify_plain(host.strings("post.gone"))
                self.show_groups()
            else:
                self.reload_open_blog()
        host.main.feed.row_list.refresh_rows()

    # --- search ---

    def search(self, query: str) -> list[SearchHit]:
        host = self._host
        if host.store is None:
            return []
        try:
            return host.store.search(query)
        except StoreError as exc:
            host.report(exc)
            return []

    def search_screen(self) -> None:
        host = self._host
        if host.store is None:
            host.notify_plain(host.strings("notice.no_site"))
            return
        from pleio_tui.tui.screens.search import SearchScreen  # 11 ms, when first searched

        host.push_screen(SearchScreen(self.search, host.strings), self.search_done)

    def search_done(self, blog_guid: str | None) -> None:
        if blog_guid is not None:
            self.open_post(blog_guid)


def find_comment(blog: Blog, guid: str | None) -> Comment | None:
    for comment in blog.comments or ():
        if comment.guid == guid:
            return comment
        for reply in comment.replies:
            if reply.guid == guid:
                return reply
    return None
