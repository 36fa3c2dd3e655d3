"""Writing: the comment composer, drafts, new posts, edits, votes, bookmarks and
the outbox screen. What the user writes is saved as a draft while typed and goes
out through the outbox (`OutboxQueued` asks the network to send it); an empty text
is refused, and a cache that will not take a draft keeps it in memory
(`storage_guard`)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from pleio_tui.models import Comment, OutboxState
from pleio_tui.store import StoreError
from pleio_tui.tui.controllers.messages import OutboxQueued
from pleio_tui.tui.controllers.outbox_view import show_outbox
from pleio_tui.tui.controllers.post_edit import post_edit_screen
from pleio_tui.tui.controllers.threads import ThreadActions
from pleio_tui.tui.drafts import DraftTarget, draft_target
from pleio_tui.tui.keys import key_label
from pleio_tui.tui.render.waiting import WAITING_PREFIX

if TYPE_CHECKING:
    from pleio_tui.tui.controllers.host import AppHost
    from pleio_tui.tui.controllers.reading import ReadingController
    from pleio_tui.tui.screens.new_post import NewPost


class LinkedImages:
    """Images from another host are sent as links, not images: the first send of
    such a text warns, sending the same text again sends it."""

    def __init__(self) -> None:
        self._warned: dict[str, str] = {}

    def to_warn_of(self, draft_key: str, text: str, site_url: str) -> list[str]:
        """The images to name before `text` may go; [] when it may go now."""
        from pleio_tui.richtext import external_images  # markdown-it: 25 ms, when first sent

        images = external_images(text, site_host(site_url))
        if not images or self._warned.get(draft_key) == text:
            self._warned.pop(draft_key, None)
            return []
        self._warned[draft_key] = text
        return images


def site_host(site_url: str) -> str:
    """host[:port] of the site, as `richtext.external_images` compares it."""
    return urlsplit(site_url).netloc.rpartition("@")[2]


class WritingController:
    def __init__(self, host: AppHost, reading: ReadingController) -> None:
        self._host = host
        self._reading = reading
        self._images = LinkedImages()
        self._threads = ThreadActions(host)

    # --- the composer ---

    def comment(self) -> None:
        blog = self._reading.require_open_blog()
        if blog is None:
            return
        heading = self._host.strings("composer.comment_on", title=blog.title)
        self._open_composer(f"comment:{blog.guid}", heading)

    def reply(self) -> None:
        blog = self._reading.require_open_blog()
        if blog is None:
            return
        comment = self._reading.selected_comment()
        if comment is None:
            # A comment still in the outbox has no guid on the site to reply to yet.
            selected = self._host.main.post.view.selected_comment_guid or ""
            waiting = selected.startswith(WAITING_PREFIX)
            notice = "notice.comment_not_sent" if waiting else "notice.no_comment"
            self._host.notify_plain(self._host.strings(notice))
            return
        # Two levels: a reply to a reply goes under the top-level comment.
        target = comment.guid if comment.parent_guid == blog.guid else comment.parent_guid
        heading = self._host.strings("composer.reply_to", author=comment.author_name)
        self._open_composer(f"reply:{target}", heading)

    def edit_post(self) -> None:
        """Edit the user's comment under the cursor, else the open post."""
        blog = self._reading.require_open_blog()
        if blog is None:
            return
        comment = self._threads.under_cursor()
        if comment is not None:
            self._edit_comment(comment)
            return
        if not blog.can_edit:
            self._host.notify_plain(self._host.strings("notice.not_editable"))
            return
        screen = post_edit_screen(self._host, blog, self.send_new_post)
        if screen is not None:
            self._host.push_screen(screen)

    def _edit_comment(self, comment: Comment) -> None:
        if not self._threads.may_change(comment):
            return
        from pleio_tui.richtext import body_to_markdown  # the converters: 67 ms

        heading = self._host.strings("composer.edit_comment")
        body = body_to_markdown(comment.rich_description, comment.description)
        self._open_composer(f"edit_comment:{comment.guid}", heading, body)

    def delete_comment(self) -> None:
        """Delete the user's comment under the cursor, after asking."""
        if self._reading.require_open_blog() is None:
            return
        comment = self._threads.under_cursor()
        if comment is None:
            self._host.notify_plain(self._host.strings("notice.no_comment"))
            return
        self._threads.ask_delete(comment, self.queued)

    def _open_composer(self, draft_key: str, heading: str, initial: str = "") -> None:
        text = self._draft_text(draft_key) or initial
        main = self._host.main
        composer = main.post.composer
        composer.keymap = self._host.keys
        composer.open(draft_key, heading, text)
        main.activate(main.post)

    def _draft_text(self, draft_key: str) -> str:
        """The saved draft, unless it is exactly what already waits in the outbox
        (its draft goes once the site has it): reopening must not send it twice."""
        host = self._host
        if host.store is None:
            return ""
        kept = host.storage.kept_draft(draft_key)
        if kept is not None:
            return kept[1]
        try:
            draft = host.store.load_draft(draft_key)
            if draft is None:
                return ""
            queued = host.store.outbox((OutboxState.PENDING, OutboxState.SENDING))
        except StoreError as exc:
            host.report(exc)
            return ""
        if any(item.draft_key == draft_key and item.body == draft.body for item in queued):
            return ""
        return draft.body

    def editor_failed(self, reason: str) -> None:
        text = self._host.strings("composer.editor_failed", detail=reason)
        self._host.notify_plain(text, "warning")

    def save_draft(self, key: str, title: str, body: str) -> bool:
        """Save what the user typed; kept in memory (and said so) if the cache fails."""
        return self._host.storage.save_draft(key, title, body)

    def send_composed(self, draft_key: str, text_at_request: str) -> None:
        host = self._host
        composer = host.main.post.composer
        text = composer.text if composer.draft_key == draft_key else text_at_request
        target = draft_target(draft_key)
        if target is None or host.store is None:
            return
        from pleio_tui.richtext import is_blank_markdown  # markdown-it: 6 ms more

        if is_blank_markdown(text):
            composer.show_warning(host.strings("composer.blank"))
            return
        linked = self._linked_images_warning(draft_key, text)
        if linked is not None:
            composer.show_warning(linked)
            return
        title = ""
        if target.kind == "edit":
            try:
                blog = host.store.blog(target.guid)
            except StoreError as exc:
                host.report(exc)
                return
            title = blog.title if blog is not None else ""
        if self.enqueue(target, text, title):
            composer.close()
            host.main.post.view.focus()

    def _linked_images_warning(self, draft_key: str, text: str) -> str | None:
        site = self._host.site
        images = self._images.to_warn_of(draft_key, text, site.site_url if site else "")
        if not images:
            return None
        return self._host.strings(
            "composer.external_images",
            images=", ".join(images),
            send=key_label("composer.send", self._host.keys),
        )

    def enqueue(
        self, target: DraftTarget, body: str, title: str = "", tags: tuple[str, ...] | None = None
    ) -> bool:
        """Put what the user wrote in the outbox and start sending it. False when
        the cache would not take it: the text then stays where it was typed."""
        host = self._host
        if host.store is None:
            return False
        host.storage.save_draft(target.draft_key, title, body)
        try:
            host.store.enqueue(
                target.outbox_kind,
                target.guid,
                title=title,
                body=body,
                draft_key=target.draft_key,
                tags=tags,
            )
        except StoreError as exc:
            host.storage.not_queued(exc)
            return False
        host.storage.written(target.draft_key)
        self.queued()
        return True

    def queued(self) -> None:
        # A comment shows in its thread at once, waiting.
        self._reading.reload_open_blog()
        self._host.post_message(OutboxQueued())

    # --- a new post ---

    def new_post(self) -> None:
        host = self._host
        if host.store is None:
            host.notify_plain(host.strings("notice.no_site"))
            return
        chosen = host.main.current_group
        group_guid = chosen.guid if chosen is not None else None
        open_blog = self._reading.open_blog
        if group_guid is None and open_blog is not None:
            group_guid = open_blog.group_guid
        from pleio_tui.tui.screens.new_post import NewPostScreen, post_draft_key  # 33 ms

        try:
            group = host.store.group(group_guid) if group_guid else None
            draft = host.store.load_draft(post_draft_key(group.guid)) if group else None
        except StoreError as exc:
            host.report(exc)
            return
        if group is None:
            host.notify_plain(host.strings("notice.no_group"))
            return
        title, body = (draft.title, draft.body) if draft else ("", "")
        title, body = host.storage.kept_draft(post_draft_key(group.guid)) or (title, body)
        screen = NewPostScreen(
            group.guid,
            group.name,
            host.strings,
            title=title,
            body=body,
            keymap=host.keys,
            send=self.send_new_post,
        )
        host.push_screen(screen)

    def send_new_post(self, post: NewPost) -> bool:
        """Queue a new blog, or an edit of one; False (the screen stays, with its
        text) if it cannot be or if it first has to say that its images go as links."""
        if post.edit_of:
            target = DraftTarget("edit", post.edit_of)
        else:
            target = DraftTarget("post", post.group_guid)
        linked = self._linked_images_warning(target.draft_key, post.body)
        if linked is not None:
            from pleio_tui.tui.screens.new_post import NewPostScreen  # loaded by now

            screen = self._host.screen
            if isinstance(screen, NewPostScreen):
                screen.show_error(linked)
            return False
        return self.enqueue(target, post.body, post.title, post.tags)

    def keep_draft(self, key: str, title: str, body: str) -> None:
        """The new-post screen was left with text in it."""
        if self.save_draft(key, title, body):
            self._host.notify_plain(self._host.strings("composer.draft_kept"))

    # --- votes and bookmarks ---

    def vote(self, score: int) -> None:
        """Vote on the comment under the cursor, else on the open post."""
        host = self._host
        blog = self._reading.require_open_blog()
        if blog is None or host.store is None:
            return
        comment = self._threads.under_cursor()
        if comment is not None:
            if self._threads.vote(comment, score):
                self.queued()
            return
        try:
            host.store.queue_vote(blog.guid, score)
        except StoreError as exc:
            host.report(exc)
            return
        host.main.feed.row_list.refresh_rows()
        host.notify_plain(host.strings("notice.voted"))
        self.queued()

    def bookmark(self) -> None:
        host = self._host
        blog = self._reading.require_open_blog()
        if blog is None or host.store is None:
            return
        adding = not blog.is_bookmarked
        try:
            host.store.queue_bookmark(blog.guid, adding)
        except StoreError as exc:
            host.report(exc)
            return
        host.main.feed.row_list.refresh_rows()
        notice = "notice.bookmarked" if adding else "notice.unbookmarked"
        host.notify_plain(host.strings(notice))
        self.queued()

    def quit_question(self) -> str | None:
        """What to ask before quitting with text unsent or only in memory."""
        host = self._host
        try:
            counts = host.store.outbox_counts() if host.store is not None else {}
        except StoreError:
            counts = {}
        unsent = counts.get(OutboxState.PENDING, 0) + counts.get(OutboxState.SENDING, 0)
        in_memory = host.storage.drafts_in_memory
        if in_memory:
            return host.strings.plural("confirm.quit_drafts_in_memory", in_memory)
        if unsent:
            return host.strings.plural("confirm.quit_unsent", unsent)
        return None

    # --- the outbox screen ---

    def show_outbox(self) -> None:
        show_outbox(self._host, retried=self.queued, given_up=self._reading.reload_open_blog)
