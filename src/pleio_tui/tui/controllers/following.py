"""Following what a post points to: its links (`u`), its address in a browser
(`o`) or on the clipboard (`y`). A blog of this site opens in the app, from the
cache or fetched; anything else goes to the browser. What happened is said as it
happened: the program that took the address, or the address to copy by hand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pleio_tui.store import StoreError
from pleio_tui.tui.controllers.messages import NetworkFailed, SiteAnswered
from pleio_tui.tui.handoff import copy_with_tool, open_in_browser
from pleio_tui.tui.post_links import site_blog_guid
from pleio_tui.tui.services.background import run_job

if TYPE_CHECKING:
    from pleio_tui.tui.controllers.host import AppHost
    from pleio_tui.tui.controllers.reading import ReadingController
    from pleio_tui.tui.render.post import PostLink

NOTICE_WITH_URL_SECONDS = 20
"""A notice that holds an address to copy by hand stays long enough to copy it."""


class LinkFollower:
    def __init__(self, host: AppHost, reading: ReadingController) -> None:
        self._host = host
        self._reading = reading

    def pick(self) -> None:
        """The link picker over the open post's links."""
        host = self._host
        if self._reading.require_open_blog() is None:
            return
        rendered = host.main.post.view.rendered
        links = rendered.finish().links if rendered is not None else []
        if not links:
            host.notify_plain(host.strings("links.none"))
            return
        from pleio_tui.tui.screens.links import LinksScreen  # when `u` is first pressed

        host.push_screen(LinksScreen(links, host.strings), self._chosen)

    def _chosen(self, link: PostLink | None) -> None:
        if link is not None:
            self.follow(link.url, link.blog_guid)

    def follow(self, url: str, blog_guid: str | None = None) -> None:
        site = self._host.site
        guid = blog_guid or (site_blog_guid(site.site_url, url) if site is not None else None)
        if guid is not None:
            self.open_blog(guid, url)
        else:
            self.browse(url)

    def open_blog(self, guid: str, url: str) -> None:
        """A blog of this site: from the cache, else fetched, else its address."""
        host = self._host
        try:
            cached = host.store is not None and host.store.blog(guid) is not None
        except StoreError as exc:
            host.report(exc)
            return
        if cached:
            self._reading.open_post(guid)
        elif host.can_reach_site():
            host.notify_plain(host.strings("notice.opening_post"))
            host.run_worker(self._fetch_and_open(guid, url), group="follow", exclusive=True)
        else:
            self._say_with_url(host.strings("notice.post_unreachable", url=url))

    async def _fetch_and_open(self, guid: str, url: str) -> None:
        from pleio_tui.api import PleioError  # httpx: off the first frame
        from pleio_tui.tui.services.jobs import fetch_blog_job

        host = self._host
        if host.site is None:
            return
        try:
            blog = await run_job(host.site, fetch_blog_job(guid))
        except (PleioError, StoreError) as exc:
            host.post_message(NetworkFailed(exc, quiet_offline=True))
            self._say_with_url(host.strings("notice.post_unreachable", url=url))
            return
        host.post_message(SiteAnswered())
        if blog is None:  # not a blog this user can read: the site may still show it
            self.browse(url)
        else:
            self._reading.open_post(guid)

    # --- outside the app ---

    def browse(self, url: str) -> None:
        self._host.run_worker(self._browse(url), group="browser")

    async def _browse(self, url: str) -> None:
        strings = self._host.strings
        opener = await open_in_browser(url)
        if opener is not None:
            self._host.notify_plain(strings("notice.opened_in_browser_with", opener=opener))
        else:
            self._say_with_url(strings("notice.no_browser", url=url))

    def copy(self, url: str, send_to_terminal: object) -> None:
        """`send_to_terminal` is the app's OSC 52 copy, sent whatever else works."""
        if callable(send_to_terminal):
            send_to_terminal(url)
        self._host.run_worker(self._copy(url), group="clipboard")

    async def _copy(self, url: str) -> None:
        strings = self._host.strings
        tool = await copy_with_tool(url)
        if tool is not None:
            self._host.notify_plain(strings("notice.copied_with", tool=tool))
        else:
            self._say_with_url(strings("notice.copied_terminal_only", url=url))

    def _say_with_url(self, text: str) -> None:
        notify = getattr(self._host, "notify", None)
        if callable(notify):
            notify(text, severity="warning", markup=False, timeout=NOTICE_WITH_URL_SECONDS)
        else:
            self._host.notify_plain(text, "warning")
