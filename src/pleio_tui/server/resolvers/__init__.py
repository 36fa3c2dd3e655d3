"""The executable schema: Pleio's SDL subset bound to this site's resolvers."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from ariadne import InterfaceType, ScalarType, load_schema_from_path, make_executable_schema
from graphql import GraphQLResolveInfo, GraphQLSchema

from pleio_tui.server.records import BlogRecord, CommentRecord, GroupRecord, UserRecord
from pleio_tui.server.records_content import CONTENT_RECORDS
from pleio_tui.server.resolvers.content import content_mutations
from pleio_tui.server.resolvers.content_kinds import kind_mutations
from pleio_tui.server.resolvers.membership import membership_mutations
from pleio_tui.server.resolvers.notifications import notification_bindables
from pleio_tui.server.resolvers.query import entity_list_type, query
from pleio_tui.server.resolvers.reactions import reaction_mutations
from pleio_tui.server.resolvers.types_blog import blog_type
from pleio_tui.server.resolvers.types_comment import comment_type
from pleio_tui.server.resolvers.types_content import CONTENT_TYPES
from pleio_tui.server.resolvers.types_group import group_type
from pleio_tui.server.resolvers.types_user import user_type
from pleio_tui.server.resolvers.types_viewer import viewer_type
from pleio_tui.server.secure_rich_text import check_secure_rich_text
from pleio_tui.server.timestamps import normalise_iso

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema.graphql"
TYPE_NAMES = {
    BlogRecord: "Blog",
    CommentRecord: "Comment",
    GroupRecord: "Group",
    UserRecord: "User",
    **{record: record.__name__.removesuffix("Record") for record in CONTENT_RECORDS},
}

entity_interface = InterfaceType("Entity")


@entity_interface.type_resolver
def resolve_entity_type(entity: Any, _info: GraphQLResolveInfo, _type: Any) -> str:
    return TYPE_NAMES[type(entity)]


date_time = ScalarType("DateTime")


@date_time.value_parser
def parse_date_time(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("DateTime must be an ISO 8601 string")
    return normalise_iso(value)


secure_rich_text = ScalarType("SecureRichText", value_parser=check_secure_rich_text)


@cache
def build_schema() -> GraphQLSchema:
    return make_executable_schema(
        load_schema_from_path(str(SCHEMA_FILE)),
        query,
        entity_list_type,
        content_mutations,
        reaction_mutations,
        membership_mutations,
        kind_mutations,
        *CONTENT_TYPES,
        entity_interface,
        blog_type,
        comment_type,
        group_type,
        user_type,
        viewer_type,
        date_time,
        secure_rich_text,
        *notification_bindables,
        convert_names_case=True,
    )
