"""Model objects for store tests, with every field set to something non-default."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pleio_tui.models import Blog, Comment, Group, Membership, User

BASE_TIME = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)

HADEWYCH = User(
    guid="user-1", name="Hadewych", username="hadewych", icon="/icon/1", url="/user/hadewych"
)
JAN = User(guid="user-2", name="Jan", username="jan")


def at(minutes: int) -> datetime:
    return BASE_TIME + timedelta(minutes=minutes)


def make_group(
    guid: str, name: str, membership: Membership = Membership.NOT_JOINED, **fields: object
) -> Group:
    values: dict[str, object] = {
        "description": f"About {name}",
        "excerpt": f"{name} in short",
        "url": f"/groups/view/{guid}/{name.lower()}",
        "icon": f"/icon/{guid}",
        "is_closed": False,
        "is_membership_on_request": False,
        "is_featured": False,
        "member_role": "member" if membership == Membership.JOINED else None,
        "member_count": 12,
        "default_access_id": 4,
        "can_edit": False,
        "plugins": ("blog", "events"),
        "tags": ("beleid",),
    }
    values.update(fields)
    return Group(guid=guid, name=name, membership=membership, **values)  # type: ignore[arg-type]


def make_comment(
    guid: str,
    blog_guid: str,
    minutes: int,
    text: str = "Een reactie",
    parent_guid: str | None = None,
    replies: tuple[Comment, ...] = (),
    owner: User | None = JAN,
) -> Comment:
    return Comment(
        guid=guid,
        blog_guid=blog_guid,
        parent_guid=parent_guid or blog_guid,
        rich_description=None,
        description=text,
        time_created=at(minutes),
        time_updated=None,
        owner=owner,
        owner_name=None if owner else "Gast",
        can_edit=False,
        can_comment=parent_guid is None,
        can_vote=True,
        votes=1,
        has_voted=False,
        comment_count=len(replies),
        replies=replies,
    )


def make_blog(
    guid: str,
    group_guid: str | None = "group-1",
    minutes: int = 0,
    title: str | None = None,
    description: str = "Een gewone tekst.",
    comments: tuple[Comment, ...] | None = None,
    **fields: object,
) -> Blog:
    values: dict[str, object] = {
        "url": f"/blog/view/{guid}/slug",
        "abstract": None,
        "rich_description": None,
        "description": description,
        "excerpt": description[:40],
        "tags": ("ministerie", "samenwerking"),
        "time_created": at(minutes),
        "time_updated": at(minutes),
        "time_published": at(minutes),
        "group_name": None if group_guid is None else f"Group {group_guid}",
        "owner": HADEWYCH,
        "can_comment": True,
        "can_vote": True,
        "can_bookmark": True,
        "votes": 3,
        "views": 40,
        "access_id": 4,
        "write_access_id": 0,
        "comment_count": 0 if comments is None else len(comments),
    }
    values.update(fields)
    return Blog(
        guid=guid,
        title=title if title is not None else f"Blog {guid}",
        group_guid=group_guid,
        comments=comments,
        **values,  # type: ignore[arg-type]
    )
