"""addEntity, editEntity and deleteEntity for blogs and comments (Pleio has no
separate comment mutations)."""

from __future__ import annotations

from typing import Any

from ariadne import MutationType
from graphql import GraphQLResolveInfo

from pleio_tui.server import notifications
from pleio_tui.server import repository as repo
from pleio_tui.server.access import (
    can_write_blog,
    can_write_comment,
    effective_access_id,
    may_take_part,
)
from pleio_tui.server.context import RequestContext
from pleio_tui.server.errors import (
    COULD_NOT_ADD,
    COULD_NOT_DELETE,
    COULD_NOT_FIND,
    COULD_NOT_FIND_GROUP,
    COULD_NOT_SAVE,
    INVALID_SUBTYPE,
    NO_CONTAINER_GUID,
    USER_NOT_MEMBER_OF_GROUP,
    fail,
)
from pleio_tui.server.records import BlogRecord, CommentRecord, GroupRecord
from pleio_tui.server.records_content import FolderRecord, WikiRecord
from pleio_tui.server.resolvers.content_kinds import (
    ADDABLE_SUBTYPES,
    add_content,
    edit_kind_fields,
)
from pleio_tui.server.resolvers.lookup import (
    blog_of,
    check_uuid,
    context_of,
    readable_blog,
    require_user,
    visible_entity,
)
from pleio_tui.server.text import checked_abstract, checked_title, plain_text
from pleio_tui.server.timestamps import now_iso

content_mutations = MutationType()


@content_mutations.field("addEntity")
def resolve_add_entity(_: None, info: GraphQLResolveInfo, input: dict[str, Any]) -> dict[str, Any]:
    ctx = context_of(info)
    if input["subtype"] == "comment":
        return {"entity": _add_comment(ctx, input)}
    if input["subtype"] in ADDABLE_SUBTYPES:
        return {"entity": add_content(ctx, input)}
    user = require_user(ctx)
    if input["subtype"] != "blog":
        fail(INVALID_SUBTYPE)
    group: GroupRecord | None = None
    if input.get("container_guid") is not None:
        check_uuid(input["container_guid"])
        group = repo.get_group(ctx.conn, input["container_guid"])
        if group is None:
            fail(COULD_NOT_FIND_GROUP)
        if not may_take_part(ctx.viewer, group.guid):
            fail(USER_NOT_MEMBER_OF_GROUP)
    title = checked_title(input.get("title"))
    now = now_iso()
    rich_description = input.get("rich_description")
    new_blog = repo.NewBlog(
        owner_id=user.guid,
        group_id=None if group is None else group.guid,
        title=title,
        abstract=checked_abstract(input.get("abstract")),
        rich_description=rich_description,
        description=plain_text(rich_description),
        tags=[t for t in input.get("tags") or () if t],
        access_id=effective_access_id(input.get("access_id"), group),
        write_access_id=effective_access_id(input.get("write_access_id"), group),
        created_at=now,
        # Omitted: published now. Sent as null: a draft.
        published_at=input.get("time_published", now),
    )
    with ctx.conn:
        guid = repo.insert_blog(ctx.conn, new_blog)
        notifications.blog_added(ctx.conn, guid, now)
    return {"entity": repo.get_blog(ctx.conn, guid)}


def _add_comment(ctx: RequestContext, input: dict[str, Any]) -> CommentRecord | None:
    user = require_user(ctx)
    container_guid = input.get("container_guid")
    if container_guid is None:
        fail(NO_CONTAINER_GUID)
    check_uuid(container_guid)
    # Content or a comment, as Pleio looks (a group or a user is not found).
    container = repo.get_blog(ctx.conn, container_guid) or repo.get_comment(
        ctx.conn, container_guid
    )
    if container is None:
        fail(COULD_NOT_FIND)
    if isinstance(container, WikiRecord | FolderRecord):  # Pleio takes no comments on these
        fail(COULD_NOT_ADD)
    if isinstance(container, BlogRecord):
        blog, parent_id = container, None
    elif isinstance(container, CommentRecord) and not container.is_reply:
        blog, parent_id = blog_of(ctx, container), container.guid
    else:  # a reply: threads are two levels deep
        fail(COULD_NOT_ADD)
    # Pleio finds the container whoever asks and then refuses with `could_not_add`
    # whoever may not comment: outside the group, or (stricter than Pleio, which
    # looks no further) on a blog the viewer may not read.
    if readable_blog(ctx, blog) is None or not may_take_part(ctx.viewer, blog.group_id):
        fail(COULD_NOT_ADD)
    rich_description = input.get("rich_description")
    now = now_iso()
    with ctx.conn:
        guid = repo.insert_comment(
            ctx.conn,
            blog_id=blog.guid,
            parent_id=parent_id,
            owner_id=user.guid,
            rich_description=rich_description,
            description=plain_text(rich_description),
            now=now,
        )
        notifications.comment_added(ctx.conn, guid, now)
    return repo.get_comment(ctx.conn, guid)


@content_mutations.field("editEntity")
def resolve_edit_entity(_: None, info: GraphQLResolveInfo, input: dict[str, Any]) -> dict[str, Any]:
    ctx = context_of(info)
    require_user(ctx)
    entity = visible_entity(ctx, input["guid"])
    if isinstance(entity, BlogRecord):
        _edit_blog(ctx, entity, input)
        edit_kind_fields(ctx, entity, input)
        return {"entity": repo.get_blog(ctx.conn, entity.guid)}
    if isinstance(entity, CommentRecord):
        return {"entity": _edit_comment(ctx, entity, input)}
    if entity is None:
        fail(COULD_NOT_FIND)
    fail(COULD_NOT_SAVE)


def _edit_blog(ctx: RequestContext, blog: BlogRecord, input: dict[str, Any]) -> BlogRecord | None:
    if not can_write_blog(ctx.viewer, blog):
        fail(COULD_NOT_SAVE)
    group = repo.get_group(ctx.conn, blog.group_id)
    now = now_iso()
    changes: dict[str, object] = {"updated_at": now}
    if input.get("title") is not None:
        changes["title"] = checked_title(input["title"])
    if input.get("rich_description") is not None:
        changes["rich_description"] = input["rich_description"]
        changes["description"] = plain_text(input["rich_description"])
    if "abstract" in input:
        changes["abstract"] = checked_abstract(input["abstract"])
    if input.get("tags") is not None:
        changes["tags"] = [t for t in input["tags"] if t]
    if input.get("access_id") is not None:
        changes["access_id"] = effective_access_id(input["access_id"], group)
    if input.get("write_access_id") is not None:
        changes["write_access_id"] = effective_access_id(input["write_access_id"], group)
    if "time_published" in input:
        changes["published_at"] = input["time_published"]
    # As on Pleio, only a site admin may move the creation time; others are ignored.
    if input.get("time_created") is not None and ctx.viewer.is_admin:
        changes["created_at"] = input["time_created"]
    with ctx.conn:
        repo.update_blog(ctx.conn, blog.guid, changes)
        notifications.text_saved(ctx.conn, blog.guid, now)
    return repo.get_blog(ctx.conn, blog.guid)


def _edit_comment(
    ctx: RequestContext,
    comment: CommentRecord,
    input: dict[str, Any],
) -> CommentRecord | None:
    if not can_write_comment(ctx.viewer, comment):
        fail(COULD_NOT_SAVE)
    rich_description = input.get("rich_description")
    if rich_description is not None:
        now = now_iso()
        with ctx.conn:
            repo.update_comment(
                ctx.conn, comment.guid, rich_description, plain_text(rich_description), now
            )
            notifications.text_saved(ctx.conn, comment.guid, now)
    return repo.get_comment(ctx.conn, comment.guid)


@content_mutations.field("deleteEntity")
def resolve_delete_entity(
    _: None, info: GraphQLResolveInfo, input: dict[str, Any]
) -> dict[str, Any]:
    ctx = context_of(info)
    require_user(ctx)
    entity = visible_entity(ctx, input["guid"])
    if entity is None:
        fail(COULD_NOT_FIND)
    if isinstance(entity, BlogRecord):
        if not can_write_blog(ctx.viewer, entity):
            fail(COULD_NOT_SAVE)
        with ctx.conn:
            notifications.forget_entity(ctx.conn, entity.guid)
            repo.delete_blog(ctx.conn, entity.guid)
    elif isinstance(entity, CommentRecord):
        if not can_write_comment(ctx.viewer, entity):
            fail(COULD_NOT_SAVE)
        with ctx.conn:
            notifications.forget_entity(ctx.conn, entity.guid)
            repo.delete_comment(ctx.conn, entity.guid)
    else:
        fail(COULD_NOT_DELETE)
    return {"success": True}


@content_mutations.field("toggleEntityArchived")
def resolve_toggle_entity_archived(_: None, info: GraphQLResolveInfo, guid: str) -> dict[str, Any]:
    """Archived or back again, by whoever may edit it; found whether or not the
    viewer can see it, as Pleio looks it up."""
    ctx = context_of(info)
    require_user(ctx)
    blog = repo.get_blog(ctx.conn, guid)
    if blog is None:
        fail(COULD_NOT_FIND)
    if not can_write_blog(ctx.viewer, blog):
        fail(COULD_NOT_SAVE)
    with ctx.conn:
        repo.set_archived(ctx.conn, blog.guid, not blog.is_archived)
    return {"success": True}
