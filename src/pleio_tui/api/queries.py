"""The GraphQL documents the client sends, valid against Pleio's own schema.

Lists select what a feed row needs; the body of a blog and its comments come
only with `*_WITH_BODY` and the detail query, so a page of fifty posts stays small.
Fragments cannot recurse, so the two comment levels Pleio allows are spelled out.
"""

from __future__ import annotations

USER_FIELDS = """
fragment UserFields on User { guid name username icon url }
"""

GROUP_FIELDS = """
fragment GroupFields on Group {
  guid name description excerpt url icon
  isClosed isMembershipOnRequest isFeatured
  membership memberRole memberCount defaultAccessId canEdit plugins tags
}
"""

BLOG_SUMMARY = """
fragment BlogSummary on Blog {
  guid title url abstract excerpt tags
  timeCreated timeUpdated timePublished statusPublished
  group { guid name }
  owner { ...UserFields }
  canEdit canComment canVote canBookmark
  votes hasVoted isBookmarked isFollowing views isPinned
  accessId writeAccessId commentCount
}
"""

BLOG_BODY = """
fragment BlogBody on Blog { richDescription description }
"""

COMMENT_FIELDS = """
fragment CommentFields on Comment {
  guid richDescription description timeCreated timeUpdated
  owner { ...UserFields }
  ownerName canEdit canComment canVote votes hasVoted commentCount
}
"""

BLOG_WITH_THREAD = """
fragment BlogWithThread on Blog {
  ...BlogSummary ...BlogBody
  comments { ...CommentFields comments { ...CommentFields } }
}
"""


def _document(body: str, *fragments: str) -> str:
    return body.strip() + "\n" + "".join(fragment.strip() + "\n" for fragment in fragments)


VIEWER = _document(
    """
query Viewer {
  viewer { guid loggedIn isAdmin user { ...UserFields } }
}
""",
    USER_FIELDS,
)

SITE = """
query Site {
  site { guid name language defaultAccessId accessIds { id description } }
}
""".strip()

GROUPS = _document(
    """
query Groups($q: String, $filter: GroupFilter, $offset: Int, $limit: Int) {
  groups(q: $q, filter: $filter, offset: $offset, limit: $limit) {
    total
    edges { ...GroupFields }
  }
}
""",
    GROUP_FIELDS,
)

_BLOGS = """
query {name}($containerGuid: String, $offset: Int, $limit: Int,
             $orderBy: OrderBy, $orderDirection: OrderDirection) {{
  entities(subtype: "blog", containerGuid: $containerGuid, offset: $offset, limit: $limit,
           orderBy: $orderBy, orderDirection: $orderDirection) {{
    total
    edges {{ __typename ... on Blog {{ {spreads} }} }}
  }}
}}
"""

BLOGS = _document(_BLOGS.format(name="Blogs", spreads="...BlogSummary"), BLOG_SUMMARY, USER_FIELDS)

BLOGS_WITH_BODY = _document(
    _BLOGS.format(name="BlogsWithBody", spreads="...BlogSummary ...BlogBody"),
    BLOG_SUMMARY,
    BLOG_BODY,
    USER_FIELDS,
)

BLOG_DETAIL = _document(
    """
query BlogDetail($guid: String!) {
  entity(guid: $guid) {
    __typename
    ...BlogWithThread
  }
}
""",
    BLOG_WITH_THREAD,
    BLOG_SUMMARY,
    BLOG_BODY,
    COMMENT_FIELDS,
    USER_FIELDS,
)

ENTITY_EXISTS = """
query EntityExists($guid: String!) { entity(guid: $guid) { guid } }
""".strip()

# What the user's reactions on a blog are now: an outbox vote or bookmark reads
# this before it sends, so that what it sends moves the site to what was asked.
REACTION_STATE = """
query ReactionState($guid: String!) {
  entity(guid: $guid) { __typename guid ... on Blog { votes hasVoted isBookmarked } }
}
""".strip()

BOOKMARKS = _document(
    """
query Bookmarks($offset: Int, $limit: Int) {
  bookmarks(subtype: "blog", offset: $offset, limit: $limit) {
    total
    edges { __typename ... on Blog { ...BlogSummary } }
  }
}
""",
    BLOG_SUMMARY,
    USER_FIELDS,
)

ADD_BLOG = _document(
    """
mutation AddBlog($input: addEntityInput!) {
  addEntity(input: $input) { entity { __typename ... on Blog { ...BlogSummary ...BlogBody } } }
}
""",
    BLOG_SUMMARY,
    BLOG_BODY,
    USER_FIELDS,
)

EDIT_BLOG = _document(
    """
mutation EditBlog($input: editEntityInput!) {
  editEntity(input: $input) { entity { __typename ... on Blog { ...BlogSummary ...BlogBody } } }
}
""",
    BLOG_SUMMARY,
    BLOG_BODY,
    USER_FIELDS,
)

DELETE_ENTITY = """
mutation DeleteEntity($input: deleteEntityInput!) { deleteEntity(input: $input) { success } }
""".strip()

ADD_COMMENT = _document(
    """
mutation AddComment($input: addEntityInput!) {
  addEntity(input: $input) { entity { __typename ... on Comment { ...CommentFields } } }
}
""",
    COMMENT_FIELDS,
    USER_FIELDS,
)

EDIT_COMMENT = _document(
    """
mutation EditComment($input: editEntityInput!) {
  editEntity(input: $input) { entity { __typename ... on Comment { ...CommentFields } } }
}
""",
    COMMENT_FIELDS,
    USER_FIELDS,
)

VOTE = """
mutation Vote($input: voteInput!) {
  vote(input: $input) {
    object {
      guid
      ... on Blog { votes hasVoted }
      ... on Comment { votes hasVoted }
    }
  }
}
""".strip()

BOOKMARK = """
mutation Bookmark($input: bookmarkInput!) {
  bookmark(input: $input) { object { guid ... on Blog { isBookmarked } } }
}
""".strip()

FOLLOW = """
mutation Follow($input: followInput!) {
  follow(input: $input) { object { guid ... on Blog { isFollowing } } }
}
""".strip()

JOIN_GROUP = _document(
    """
mutation JoinGroup($input: joinGroupInput!) {
  joinGroup(input: $input) { group { ...GroupFields } }
}
""",
    GROUP_FIELDS,
)

LEAVE_GROUP = _document(
    """
mutation LeaveGroup($input: leaveGroupInput!) {
  leaveGroup(input: $input) { group { ...GroupFields } }
}
""",
    GROUP_FIELDS,
)

# --- what a sync needs: whole pages with threads, bare guids, one thread ---

BLOGS_WITH_THREADS = _document(
    """
query BlogsWithThreads($offset: Int, $limit: Int,
                       $orderBy: OrderBy, $orderDirection: OrderDirection) {
  entities(subtype: "blog", offset: $offset, limit: $limit,
           orderBy: $orderBy, orderDirection: $orderDirection) {
    total
    edges {
      __typename
      ...BlogWithThread
    }
  }
}
""",
    BLOG_WITH_THREAD,
    BLOG_SUMMARY,
    BLOG_BODY,
    COMMENT_FIELDS,
    USER_FIELDS,
)

BLOG_GUIDS = """
query BlogGuids($offset: Int, $limit: Int) {
  entities(subtype: "blog", offset: $offset, limit: $limit,
           orderBy: timeCreated, orderDirection: asc) {
    total
    edges { guid }
  }
}
""".strip()

THREAD = _document(
    """
query Thread($guid: String!) {
  entity(guid: $guid) {
    __typename
    ... on Blog { guid comments { ...CommentFields comments { ...CommentFields } } }
    ... on Comment { guid comments { ...CommentFields } }
  }
}
""",
    COMMENT_FIELDS,
    USER_FIELDS,
)

# --- notifications ---

NOTIFICATIONS = _document(
    """
query Notifications($offset: Int, $limit: Int, $unread: Boolean) {
  notifications(offset: $offset, limit: $limit, unread: $unread) {
    total totalUnread
    edges {
      id action timeCreated isUnread
      performer { ...UserFields }
      entity {
        guid __typename
        ... on Blog { title url }
        ... on Discussion { title url }
        ... on Question { title url }
        ... on News { title url }
        ... on Event { title url }
        ... on Wiki { title url }
        ... on StatusUpdate { title url }
        ... on File { title url }
        ... on Comment { title url description }
        ... on User { name }
      }
      container { guid ... on Group { name } }
    }
  }
}""",
    USER_FIELDS,
)

MARK_NOTIFICATION_READ = """
mutation MarkAsRead($input: markAsReadInput!) {
  markAsRead(input: $input) { success notification { id isUnread } }
}
"""

MARK_ALL_NOTIFICATIONS_READ = """
mutation MarkAllAsRead($input: markAllAsReadInput!) {
  markAllAsRead(input: $input) { success }
}
"""

# --- every kind of content beside blogs (api/content_queries.py) ---

from pleio_tui.api import content_queries as _content  # noqa: E402

CONTENT_PAGE = _document(
    _content.CONTENT_PAGE_BODY, _content.CONTENT_FIELDS, COMMENT_FIELDS, USER_FIELDS
)
CONTENT_GUIDS = _content.CONTENT_GUIDS_BODY.strip()
CONTENT_DETAIL = _document(
    _content.CONTENT_DETAIL_BODY, _content.CONTENT_FIELDS, COMMENT_FIELDS, USER_FIELDS
)
ADD_CONTENT = _document(
    _content.ADD_CONTENT_BODY, _content.CONTENT_FIELDS, COMMENT_FIELDS, USER_FIELDS
)
ATTEND_EVENT = _content.ATTEND_EVENT_BODY.strip()
TOGGLE_BEST_ANSWER = _content.TOGGLE_BEST_ANSWER_BODY.strip()
BEST_ANSWER = _content.BEST_ANSWER_BODY.strip()
ATTENDANCE = _content.ATTENDANCE_BODY.strip()
CONTENT_THREAD = _document(_content.CONTENT_THREAD_BODY, COMMENT_FIELDS, USER_FIELDS)
CONTENT_REACTION_STATE = _content.CONTENT_REACTION_STATE_BODY.strip()
CONTENT_CHANGES = _document(
    _content.CONTENT_CHANGES_BODY, _content.CONTENT_FIELDS, COMMENT_FIELDS, USER_FIELDS
)

# --- an incremental sync: every question in one request (api/change_queries.py) ---

from pleio_tui.api import change_queries as _changes  # noqa: E402

SYNC_CHANGES = _document(_changes.SYNC_CHANGES_BODY, GROUP_FIELDS, USER_FIELDS)
BLOG_MARKS = _changes.BLOG_MARKS_BODY.strip()
