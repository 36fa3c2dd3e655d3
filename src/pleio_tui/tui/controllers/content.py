"""Every kind of content beside blogs in the reader: the feed's type filter,
writing a discussion, question or status update, answering an event, choosing
a question's best answer, and downloading a file into the cache folder."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pleio_tui.models import Blog, OutboxKind
from pleio_tui.store import StoreError
from pleio_tui.tui.file_names import is_inside, opens_at_once, safe_file_name

if TYPE_CHECKING:
    from pleio_tui.tui.controllers.host import AppHost
    from pleio_tui.tui.controllers.reading import ReadingController
    from pleio_tui.tui.controllers.writing import WritingController
    from pleio_tui.tui.screens.new_post import NewPost

FILTER_KINDS: tuple[str | None, ...] = (
    None, "blog", "discussion", "question", "event", "wiki", "news", "statusupdate", "file",
)  # fmt: skip
"""What `t` steps through: everything, then one kind at a time."""
NEW_KINDS = {
    "discussion": OutboxKind.DISCUSSION,
    "question": OutboxKind.QUESTION,
    "statusupdate": OutboxKind.STATUS_UPDATE,
}
ATTENDANCE_CYCLE = ("accept", "maybe", "reject")


def next_kind(current: str | None) -> str | None:
    index = FILTER_KINDS.index(current) if current in FILTER_KINDS else 0
    return FILTER_KINDS[(index + 1) % len(FILTER_KINDS)]


def next_attendance(current: str | None, *, maybe: bool = True) -> str:
    """The answer after `current`: going, maybe (where the event offers it), not going."""
    cycle = ATTENDANCE_CYCLE if maybe else ("accept", "reject")
    if current not in cycle:
        return cycle[0]
    return cycle[(cycle.index(current) + 1) % len(cycle)]


def item_draft_key(kind: str, group_guid: str) -> str:
    return f"{kind}:{group_guid}"


def open_with_system(path: Path) -> None:
    """The system's opener (xdg-open, open, start), detached; its output is not ours."""
    if sys.platform == "win32":
        os.startfile(path)  # type: ignore[attr-defined]
        return
    import subprocess  # on a download only: not on the path of the first frame

    opener = "open" if sys.platform == "darwin" else "xdg-open"
    # No opener here: the file is saved all the same, and the notice says where.
    with contextlib.suppress(OSError):
        subprocess.Popen(
            [opener, str(path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )


class ContentController:
    def __init__(
        self,
        host: AppHost,
        reading: ReadingController,
        writing: WritingController,
        downloads: Path,
    ) -> None:
        self._host = host
        self._reading = reading
        self._writing = writing
        self.downloads = downloads
        self.opener = open_with_system

    # --- the feed's type filter ---

    def cycle_kind_filter(self) -> None:
        self.set_kind_filter(next_kind(self._reading.kind_filter))

    def set_kind_filter(self, kind: str | None) -> None:
        host = self._host
        self._reading.kind_filter = kind
        self._reading.show_feed()
        shown = host.strings(f"kind.{kind}") if kind else host.strings("filter.kind_all")
        host.notify_plain(host.strings("filter.shown", kind=shown))

    # --- writing a new item ---

    def new_item(self) -> None:
        """`n`: ask which kind, then open its screen (a blog: the blog screen)."""
        host = self._host
        group = self._group()
        if group is None:
            self._writing.new_post()  # says why not
            return
        from pleio_tui.tui.screens.new_item import KindChoiceScreen  # when first asked

        host.push_screen(KindChoiceScreen(group[1], host.strings), self._kind_chosen)

    def _kind_chosen(self, kind: str | None) -> None:
        if kind is None:
            return
        if kind == "blog":
            self._writing.new_post()
            return
        group = self._group()
        host = self._host
        if group is None or host.store is None:
            return
        from pleio_tui.tui.screens.new_item import NewItemScreen  # when first asked

        key = item_draft_key(kind, group[0])
        try:
            draft = host.store.load_draft(key)
        except StoreError as exc:
            host.report(exc)
            return
        title, body = (draft.title, draft.body) if draft else ("", "")
        title, body = host.storage.kept_draft(key) or (title, body)
        screen = NewItemScreen(
            kind,
            group[0],
            group[1],
            host.strings,
            title=title,
            body=body,
            keymap=host.keys,
            send=lambda post: self.send_new_item(kind, post),
        )
        host.push_screen(screen)

    def _group(self) -> tuple[str, str] | None:
        host = self._host
        chosen = host.main.current_group
        if chosen is not None:
            return chosen.guid, chosen.name
        blog = self._reading.open_blog
        if blog is not None and blog.group_guid and host.store is not None:
            group = host.store.group(blog.group_guid)
            if group is not None:
                return group.guid, group.name
        return None

    def send_new_item(self, kind: str, post: NewPost) -> bool:
        """Queue it; False (the screen stays, with its text) when the cache will not."""
        host = self._host
        if host.store is None:
            return False
        key = item_draft_key(kind, post.group_guid)
        host.storage.save_draft(key, post.title, post.body)
        try:
            host.store.enqueue(
                NEW_KINDS[kind], post.group_guid, title=post.title, body=post.body, draft_key=key
            )
        except StoreError as exc:
            host.storage.not_queued(exc)
            return False
        host.storage.written(key)
        self._writing.queued()
        return True

    # --- an event's answer, a question's best answer ---

    def attend(self, state: str | None = None) -> None:
        host = self._host
        blog = self._reading.require_open_blog()
        if blog is None or host.store is None:
            return
        if blog.subtype != "event":
            host.notify_plain(host.strings("notice.not_an_event"))
            return
        details = blog.details
        wanted = state or next_attendance(details.is_attending, maybe=details.enable_maybe)
        try:
            host.store.queue_attendance(blog.guid, wanted)
        except StoreError as exc:
            host.report(exc)
            return
        host.notify_plain(host.strings(f"notice.attending.{wanted}"))
        self._writing.queued()

    def best_answer(self) -> None:
        host = self._host
        blog = self._reading.require_open_blog()
        if blog is None or host.store is None:
            return
        problem = self._best_answer_problem(blog)
        answer = self._reading.selected_comment()
        if problem is None and (answer is None or answer.parent_guid != blog.guid):
            problem = "notice.choose_an_answer"
        if problem is not None or answer is None:
            host.notify_plain(host.strings(problem or "notice.choose_an_answer"))
            return
        choose = blog.details.best_answer_guid != answer.guid
        try:
            host.store.queue_best_answer(blog.guid, answer.guid, choose=choose)
        except StoreError as exc:
            host.report(exc)
            return
        notice = "notice.best_answer_chosen" if choose else "notice.best_answer_undone"
        host.notify_plain(host.strings(notice))
        self._writing.queued()

    def _best_answer_problem(self, blog: Blog) -> str | None:
        if blog.subtype != "question":
            return "notice.not_a_question"
        if blog.details.is_closed:
            return "notice.question_closed"
        if blog.details.can_choose_best_answer:
            return None
        # The site said no. To the questioner or an admin that can only mean the
        # site lets nobody choose (Pleio's default); to anyone else, not theirs.
        store = self._host.store
        viewer = store.load_viewer() if store is not None else None
        me = viewer.user if viewer is not None else None
        mine = me is not None and blog.owner is not None and me.guid == blog.owner.guid
        if mine or (viewer is not None and viewer.is_admin):
            return "notice.best_answer_off"
        return "notice.not_your_question"

    # --- a file ---

    def download(self) -> None:
        host = self._host
        blog = self._reading.require_open_blog()
        if blog is None:
            return
        if blog.subtype != "file" or not blog.details.download_url:
            host.notify_plain(host.strings("notice.not_a_file"))
            return
        if not host.can_reach_site():
            host.notify_plain(host.strings("notice.download_offline"))
            return
        host.notify_plain(host.strings("notice.downloading"))
        host.run_worker(self._download(blog), group="download", exclusive=True)

    async def _download(self, blog: Blog) -> None:
        from pleio_tui.api import PleioError  # httpx: network work only
        from pleio_tui.tui.services.background import run_job

        host = self._host
        address = blog.details.download_url or ""
        if host.site is None:
            return

        async def job(client, _store) -> bytes:  # type: ignore[no-untyped-def]
            return await client.download(address)

        try:
            content = await run_job(host.site, job)
        except (PleioError, ValueError) as exc:
            reason = getattr(exc, "message", None) or str(exc) or type(exc).__name__
            host.notify_plain(host.strings("notice.download_failed", reason=reason), "error")
            return
        path = self.downloads / safe_file_name(blog.guid, "item") / safe_file_name(blog.title)
        try:
            saved = self._save(path, content)
        except OSError as exc:
            host.notify_plain(host.strings("notice.download_failed", reason=str(exc)), "error")
            return
        if not saved:
            notice = host.strings("notice.download_outside", path=str(path), folder=self.downloads)
            host.notify_plain(notice, "error")
            return
        if not opens_at_once(path):
            host.notify_plain(host.strings("notice.downloaded_unopened", path=str(path)), "warning")
            return
        host.notify_plain(host.strings("notice.downloaded", path=str(path)))
        self.opener(path)

    def _save(self, path: Path, content: bytes) -> bool:
        """Write `path`, private, unless it (its folder a link elsewhere, say)
        resolves to a place outside the downloads folder: False then."""
        if not is_inside(path, self.downloads):
            return False
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not is_inside(path, self.downloads):
            return False
        path.write_bytes(content)
        path.chmod(0o600)
        return True
