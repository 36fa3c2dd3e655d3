"""Field resolvers of Discussion, Question, News, Event, Wiki, StatusUpdate, File
and Folder: what they share with a blog, then what each has of its own."""

from __future__ import annotations

from ariadne import ObjectType
from graphql import GraphQLResolveInfo

from pleio_tui.server import repository as repo
from pleio_tui.server import repository_content as content_repo
from pleio_tui.server.access import can_read_blog
from pleio_tui.server.records import BlogRecord, CommentRecord
from pleio_tui.server.records_content import (
    EventRecord,
    FileRecord,
    FolderRecord,
    QuestionRecord,
    WikiRecord,
)
from pleio_tui.server.resolvers import types_blog
from pleio_tui.server.resolvers.content_kinds import may_choose_best_answer
from pleio_tui.server.resolvers.lookup import context_of
from pleio_tui.server.site_setup import best_answers_enabled

SHARED_FIELDS = {
    "owner": types_blog.resolve_owner,
    "group": types_blog.resolve_group,
    "canEdit": types_blog.resolve_can_edit,
    "canBookmark": types_blog.resolve_logged_in,
    "isBookmarked": types_blog.resolve_is_bookmarked,
}
SOCIAL_FIELDS = {
    "canComment": types_blog.resolve_can_comment,
    "canVote": types_blog.resolve_logged_in,
    "votes": types_blog.resolve_votes,
    "hasVoted": types_blog.resolve_has_voted,
    "isFollowing": types_blog.resolve_is_following,
    "comments": types_blog.resolve_comments,
    "commentCount": types_blog.resolve_comment_count,
}


def _content_type(name: str, *, social: bool = True, in_group: bool = True) -> ObjectType:
    kind = ObjectType(name)
    fields = {**SHARED_FIELDS, **(SOCIAL_FIELDS if social else {})}
    if not in_group:
        del fields["group"]
    for field, resolver in fields.items():
        kind.set_field(field, resolver)
    return kind


discussion_type = _content_type("Discussion")
question_type = _content_type("Question")
news_type = _content_type("News", in_group=False)
event_type = _content_type("Event")
wiki_type = _content_type("Wiki", social=False)
status_update_type = _content_type("StatusUpdate")
file_type = _content_type("File")
folder_type = _content_type("Folder")
best_answer_type = ObjectType("Comment")


def _viewer_may_run(question: QuestionRecord, info: GraphQLResolveInfo) -> bool:
    """Pleio's questioner (or a site admin) may close it."""
    viewer = context_of(info).viewer
    return viewer.logged_in and (viewer.is_admin or viewer.user_id == question.owner_id)


@question_type.field("canClose")
def resolve_can_close(question: QuestionRecord, info: GraphQLResolveInfo) -> bool:
    return _viewer_may_run(question, info)


@question_type.field("canChooseBestAnswer")
def resolve_can_choose_best_answer(question: QuestionRecord, info: GraphQLResolveInfo) -> bool:
    return may_choose_best_answer(context_of(info), question)


@question_type.field("isLocked")
def resolve_is_locked(_question: QuestionRecord, _info: GraphQLResolveInfo) -> bool:
    return False


@question_type.field("comments")
def resolve_answers(question: QuestionRecord, info: GraphQLResolveInfo) -> list[CommentRecord]:
    """Newest first, as every thread, but the best answer on top while the site lets
    questioners choose one (`isBestAnswer` tells it either way)."""
    answers = types_blog.resolve_comments(question, info)
    if not best_answers_enabled(context_of(info).conn):
        return answers
    best = [a for a in answers if a.guid == question.best_answer_id]
    return best + [a for a in answers if a.guid != question.best_answer_id]


@best_answer_type.field("isBestAnswer")
def resolve_is_best_answer(comment: CommentRecord, info: GraphQLResolveInfo) -> bool:
    if comment.is_reply:
        return False
    container = repo.get_blog(context_of(info).conn, comment.blog_id)
    return isinstance(container, QuestionRecord) and container.best_answer_id == comment.guid


@event_type.field("isAttending")
def resolve_is_attending(event: EventRecord, info: GraphQLResolveInfo) -> str | None:
    ctx = context_of(info)
    if ctx.viewer.user_id is None:
        return None
    return content_repo.attendance(ctx.conn, event.guid, ctx.viewer.user_id)


@event_type.field("enableMaybeAttendEvent")
def resolve_enable_maybe(event: EventRecord, _info: GraphQLResolveInfo) -> bool:
    return bool(event.extra.get("enable_maybe", True))


def _readable(info: GraphQLResolveInfo, records: list[BlogRecord]) -> list[BlogRecord]:
    ctx = context_of(info)
    return [
        r for r in records if can_read_blog(ctx.viewer, r, repo.get_group(ctx.conn, r.group_id))
    ]


@wiki_type.field("parent")
def resolve_wiki_parent(wiki: WikiRecord, info: GraphQLResolveInfo) -> BlogRecord | None:
    if wiki.parent_id is None:
        return None
    parent = repo.get_blog(context_of(info).conn, wiki.parent_id)
    return next(iter(_readable(info, [parent])), None) if parent is not None else None


@wiki_type.field("children")
def resolve_wiki_children(wiki: WikiRecord, info: GraphQLResolveInfo) -> list[BlogRecord]:
    pages = content_repo.children(context_of(info).conn, ("wiki",), "parent", wiki.guid)
    return _readable(info, pages)


@wiki_type.field("hasChildren")
def resolve_wiki_has_children(wiki: WikiRecord, info: GraphQLResolveInfo) -> bool:
    return bool(resolve_wiki_children(wiki, info))


@file_type.field("parentFolder")
@folder_type.field("parentFolder")
def resolve_parent_folder(
    item: FileRecord | FolderRecord, info: GraphQLResolveInfo
) -> BlogRecord | None:
    if item.parent_folder_id is None:
        return None
    folder = repo.get_blog(context_of(info).conn, item.parent_folder_id)
    return next(iter(_readable(info, [folder])), None) if folder is not None else None


@file_type.field("hasChildren")
def resolve_file_has_children(_file: FileRecord, _info: GraphQLResolveInfo) -> bool:
    return False


@folder_type.field("hasChildren")
def resolve_folder_has_children(folder: FolderRecord, info: GraphQLResolveInfo) -> bool:
    conn = context_of(info).conn
    return bool(content_repo.children(conn, ("file", "folder"), "parent_folder", folder.guid))


CONTENT_TYPES = (
    discussion_type,
    question_type,
    news_type,
    event_type,
    wiki_type,
    status_update_type,
    file_type,
    folder_type,
    best_answer_type,
)
