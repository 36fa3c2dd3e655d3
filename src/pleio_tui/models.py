"""Plain data that crosses layers: the API client returns it, the store keeps it,
the sync moves it, the TUI shows it. No behaviour beyond small derived values.

The records are immutable `NamedTuple`s: every start of the TUI imports this
module, and a `NamedTuple` costs a tenth of what a frozen dataclass costs to
define. Change one with `record._replace(field=value)`. Annotations are not
postponed here: NamedTuple compiles each string annotation on its own, a third of
this module's import time.
"""

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Generic, NamedTuple, Protocol, TypeVar


class Membership(StrEnum):
    NOT_JOINED = "not_joined"
    REQUESTED = "requested"
    INVITED = "invited"
    JOINED = "joined"


class AccessId:
    """Pleio's access ids."""

    PRIVATE = 0
    LOGGED_IN = 1
    PUBLIC = 2
    GROUP = 4


class User(NamedTuple):
    guid: str
    name: str
    username: str | None = None
    icon: str | None = None
    url: str | None = None


class Viewer(NamedTuple):
    logged_in: bool
    is_admin: bool = False
    user: User | None = None


class AccessOption(NamedTuple):
    id: int
    description: str


class Site(NamedTuple):
    guid: str
    name: str
    language: str = "nl"
    default_access_id: int = AccessId.LOGGED_IN
    access_ids: tuple[AccessOption, ...] = ()


class Group(NamedTuple):
    guid: str
    name: str
    description: str = ""
    excerpt: str = ""
    url: str = ""
    icon: str | None = None
    is_closed: bool = False
    is_membership_on_request: bool = False
    is_featured: bool = False
    membership: Membership = Membership.NOT_JOINED
    member_role: str | None = None
    member_count: int = 0
    default_access_id: int | None = None
    can_edit: bool = False
    plugins: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @property
    def is_mine(self) -> bool:
        return self.membership == Membership.JOINED


class Comment(NamedTuple):
    guid: str
    blog_guid: str
    """The blog the thread hangs under (for a reply too)."""
    parent_guid: str
    """The blog for a top-level comment, the comment for a reply."""
    rich_description: str | None
    """Tiptap JSON as Pleio sends it (or legacy Draft.js / HTML); render with richtext."""
    description: str
    time_created: datetime
    time_updated: datetime | None = None
    owner: User | None = None
    owner_name: str | None = None
    can_edit: bool = False
    can_comment: bool = False
    can_vote: bool = False
    votes: int = 0
    has_voted: bool = False
    comment_count: int = 0
    replies: "tuple[Comment, ...]" = ()
    own_vote: int | None = None
    """Which way the user's vote goes, as the cache knows it (a vote still in the
    outbox included): 1 or -1; None without a vote, or when the direction is
    unknown (Pleio's `hasVoted` does not tell it)."""
    waiting: str | None = None
    """An unsent change of the user's shown before the site has it: "edit" (the
    text shown is the new one) or "delete"."""

    @property
    def author_name(self) -> str:
        if self.owner is not None:
            return self.owner.name
        return self.owner_name or ""


class ContentDetails(NamedTuple):
    """What a kind of content has beside a blog's fields; the empty value for
    fields its kind lacks. Kept as JSON with the item in the cache."""

    # an event
    start_date: datetime | None = None
    end_date: datetime | None = None
    location: str | None = None
    location_link: str | None = None
    is_attending: str | None = None
    """The viewer's answer: "accept", "maybe", "reject", "waitinglist" or None."""
    enable_maybe: bool = True
    # a question
    is_closed: bool = False
    can_choose_best_answer: bool = False
    best_answer_guid: str | None = None
    # a wiki page: its parent and children as (guid, title); a folder: what it
    # holds as its children (folders first), as the cache knows it
    parent: tuple[str, str] | None = None
    children: tuple[tuple[str, str], ...] = ()
    path: tuple[tuple[str, str], ...] = ()
    """A wiki page's ancestors, or a file's or folder's folders, the top first and
    the nearest last, as far as the cache holds them (filled when read from it)."""
    # a file or folder
    size: int = 0
    mime_type: str | None = None
    download_url: str | None = None
    folder: tuple[str, str] | None = None


class Blog(NamedTuple):
    guid: str
    title: str
    url: str = ""
    """Relative, as Pleio sends it: /blog/view/<guid>/<slug>."""
    abstract: str | None = None
    rich_description: str | None = None
    description: str = ""
    excerpt: str = ""
    tags: tuple[str, ...] = ()
    time_created: datetime | None = None
    time_updated: datetime | None = None
    time_published: datetime | None = None
    status_published: str = "published"
    group_guid: str | None = None
    group_name: str | None = None
    owner: User | None = None
    can_edit: bool = False
    can_comment: bool = False
    can_vote: bool = False
    can_bookmark: bool = False
    votes: int = 0
    has_voted: bool = False
    is_bookmarked: bool = False
    is_following: bool = False
    views: int = 0
    is_pinned: bool = False
    access_id: int | None = None
    write_access_id: int | None = None
    comment_count: int = 0
    comments: tuple[Comment, ...] | None = None
    """Top-level comments newest first, each with its replies; None when not fetched."""
    own_vote: int | None = None
    """As `Comment.own_vote`."""
    subtype: str = "blog"
    """Pleio's kind of content: "blog", "discussion", "question", "news", "event",
    "wiki", "statusupdate", "file" or "folder" (all cached and shown alike)."""
    details: ContentDetails = ContentDetails()

    @property
    def is_archived(self) -> bool:
        """Archived on the site: out of its listings, still readable by its guid."""
        return self.status_published == "archived"


T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Page(NamedTuple, Generic[T]):
    """One page of an offset/limit listing, with the server's total."""

    total: int
    items: tuple[T, ...] = ()


class RowSource(Protocol[T_co]):
    """A list a view can page through a window at a time without loading it whole."""

    def count(self) -> int: ...

    def window(self, offset: int, limit: int) -> Sequence[T_co]: ...


# --- rows the cache hands to list views (small, flat, cheap to page) ---


class GroupRow(NamedTuple):
    guid: str
    name: str
    member_count: int
    membership: Membership
    is_closed: bool
    is_membership_on_request: bool
    unread_count: int
    blog_count: int


class FeedRow(NamedTuple):
    guid: str
    title: str
    author_name: str
    group_guid: str | None
    group_name: str | None
    time_published: datetime | None
    comment_count: int
    votes: int
    excerpt: str
    is_read: bool
    is_bookmarked: bool
    is_archived: bool = False
    subtype: str = "blog"


class SearchHit(NamedTuple):
    blog_guid: str
    """The post to open (for a hit in a comment, the post it hangs under)."""
    title: str
    group_name: str | None
    author_name: str
    time_published: datetime | None
    snippet: str
    in_comment: bool = False


# --- what the user writes ---


class Draft(NamedTuple):
    key: str
    """What it is a draft of: "comment:<blog guid>", "reply:<comment guid>",
    "post:<group guid>", "edit:<blog guid>"."""
    title: str
    body: str
    updated_at: datetime


class OutboxKind(StrEnum):
    BLOG = "blog"
    EDIT_BLOG = "edit_blog"
    COMMENT = "comment"
    VOTE = "vote"
    BOOKMARK = "bookmark"
    EDIT_COMMENT = "edit_comment"
    DELETE_COMMENT = "delete_comment"
    NOTIFICATION_READ = "notification_read"
    """A desired state: target_guid is a notification's id, or `all:<id>` for every
    notification up to that id."""
    DISCUSSION = "discussion"
    QUESTION = "question"
    STATUS_UPDATE = "statusupdate"
    """A new discussion, question or status update in the group `target_guid`
    (the site for ""), like a new blog."""
    BEST_ANSWER = "best_answer"
    """Make `target_guid` (an answer) the best of its question (`thread_guid`)."""
    ATTEND = "attend"
    """Answer an event's invitation: `title` is "accept", "maybe" or "reject"."""


class OutboxState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    """Handed to the network and not confirmed. Only the process holding the
    outbox lease sends; an item it finds SENDING (a crash, a lost answer) is of
    unknown fate and is looked up on the site before anything is sent again."""
    SENT = "sent"
    FAILED = "failed"
    """Rejected by the site; kept with its reason until the user retries or discards it."""
    GIVEN_UP = "given_up"
    """The user stopped an item of unknown fate (it may have reached the site):
    kept with its text, never sent again, until the user discards it."""


class OutboxItem(NamedTuple):
    id: int
    kind: OutboxKind
    target_guid: str
    """Group guid for a new blog; blog or comment guid for a comment, reply,
    edit, vote, bookmark, or a comment's edit or deletion."""
    title: str = ""
    body: str = ""
    """Markdown as the user wrote it."""
    score: int = 0
    """For a vote, what the user's vote is to be once sent: +1, -1 or 0 (none);
    for a bookmark 1 adds and 0 removes it."""
    state: OutboxState = OutboxState.PENDING
    attempts: int = 0
    error_code: str | None = None
    error_message: str | None = None
    remote_guid: str | None = None
    created_at: datetime | None = None
    draft_key: str | None = None
    """The draft this item came from, deleted once the site has it."""
    thread_guid: str | None = None
    """The blog whose thread a comment, reply or comment vote belongs to (Pleio
    finds comments only through their blog)."""
    first_sent_at: datetime | None = None
    """The site's clock when the item first went out: only what the site created
    at or after it can be this item."""
    unconfirmed_at: datetime | None = None
    """When the last send ended without a definite answer (None otherwise)."""
    tags: tuple[str, ...] | None = None
    """For a blog's edit, the tags it is to have; None leaves them as they are."""
    changed_at: datetime | None = None
    """When the item last changed state: for a SENDING item with no outcome
    recorded (its sender stopped mid-send), when its last attempt left."""
    author_guid: str | None = None
    """The account that wrote it (the viewer's guid when it was queued): only a
    session of that account sends it or looks it up. None: queued before the
    cache knew any viewer; it is taken for the first one it learns."""


class WaitingAuthor(NamedTuple):
    """Outbox items that wait for an account other than the one logged in."""

    guid: str
    name: str | None
    """As the cache knows the account; None when it does not."""
    count: int

    @property
    def shown(self) -> str:
        return self.name or self.guid


class Notification(NamedTuple):
    """One of the user's notifications on the site (Pleio's `Notification`)."""

    id: int
    action: str
    """`commented`, `mentioned`, `created`, `welcome`, or another verb of the site."""
    time_created: datetime
    is_unread: bool
    performer: User | None = None
    entity_guid: str | None = None
    entity_type: str | None = None
    """The entity's GraphQL type: `Blog`, `Comment`, `User`, ..."""
    item_guid: str | None = None
    """The item to open for it: the entity itself, or for a comment its blog."""
    title: str = ""
    excerpt: str = ""
    container_guid: str | None = None
    container_name: str | None = None
