"""The documents for every kind of content beside blogs (discussions, questions,
news, events, wiki pages, status updates, files, folders), valid against Pleio's
own schema. `queries` re-exports them, so the full-schema test checks each."""

from __future__ import annotations

CONTENT_SUBTYPES = (
    "discussion", "question", "news", "event", "wiki", "statusupdate", "file", "folder",
)  # fmt: skip
"""Pleio's subtype names of the kinds synced beside blogs."""

_COMMON = """
  guid subtype title url excerpt tags richDescription description
  timeCreated timeUpdated timePublished statusPublished
  owner { ...UserFields }
  canEdit canBookmark isBookmarked isPinned accessId writeAccessId"""
_SOCIAL = """
  canComment canVote votes hasVoted isFollowing views commentCount"""
_THREAD = """
  comments { ...CommentFields comments { ...CommentFields } }"""
_GROUP = """
  group { guid name }"""

CONTENT_FIELDS = f"""
fragment DiscussionFields on Discussion {{{_COMMON}{_SOCIAL}{_GROUP} abstract{_THREAD} }}
fragment QuestionFields on Question {{{_COMMON}{_SOCIAL}{_GROUP} abstract
  isClosed canChooseBestAnswer
  comments {{ ...CommentFields isBestAnswer comments {{ ...CommentFields }} }} }}
fragment NewsFields on News {{{_COMMON}{_SOCIAL} abstract{_THREAD} }}
fragment EventFields on Event {{{_COMMON}{_SOCIAL}{_GROUP} abstract
  startDate endDate location locationLink isAttending enableMaybeAttendEvent{_THREAD} }}
fragment WikiFields on Wiki {{{_COMMON}{_GROUP} abstract
  parent {{ guid title }} children {{ guid title }} }}
fragment StatusUpdateFields on StatusUpdate {{{_COMMON}{_SOCIAL}{_GROUP}{_THREAD} }}
fragment FileFields on File {{{_COMMON}{_SOCIAL}{_GROUP}
  size mimeType download parentFolder {{ guid title }}{_THREAD} }}
fragment FolderFields on Folder {{{_COMMON}{_SOCIAL}{_GROUP} parentFolder {{ guid title }} }}
"""
CONTENT_SPREADS = """
  ...DiscussionFields ...QuestionFields ...NewsFields ...EventFields
  ...WikiFields ...StatusUpdateFields ...FileFields ...FolderFields"""

CONTENT_PAGE_BODY = f"""
query ContentPage($subtypes: [String], $containerGuid: String, $offset: Int, $limit: Int,
                  $orderBy: OrderBy, $orderDirection: OrderDirection) {{
  entities(subtypes: $subtypes, containerGuid: $containerGuid, offset: $offset, limit: $limit,
           orderBy: $orderBy, orderDirection: $orderDirection) {{
    total
    edges {{ __typename {CONTENT_SPREADS} }}
  }}
}}
"""

CONTENT_GUIDS_BODY = """
query ContentGuids($subtypes: [String], $offset: Int, $limit: Int) {
  entities(subtypes: $subtypes, offset: $offset, limit: $limit,
           orderBy: timeCreated, orderDirection: asc) {
    total
    edges { guid }
  }
}
"""

CONTENT_DETAIL_BODY = f"""
query ContentDetail($guid: String!) {{
  entity(guid: $guid) {{ __typename {CONTENT_SPREADS} }}
}}
"""

ADD_CONTENT_BODY = f"""
mutation AddContent($input: addEntityInput!) {{
  addEntity(input: $input) {{ entity {{ __typename {CONTENT_SPREADS} }} }}
}}
"""

ATTEND_EVENT_BODY = """
mutation AttendEvent($input: attendEventInput!) {
  attendEvent(input: $input) { entity { guid isAttending } }
}
"""

TOGGLE_BEST_ANSWER_BODY = """
mutation ToggleBestAnswer($input: toggleBestAnswerInput!) {
  toggleBestAnswer(input: $input) {
    entity { guid canChooseBestAnswer comments { guid isBestAnswer } }
  }
}
"""

BEST_ANSWER_BODY = """
query BestAnswer($guid: String!) {
  entity(guid: $guid) { __typename ... on Question { guid comments { guid isBestAnswer } } }
}
"""

ATTENDANCE_BODY = """
query Attendance($guid: String!) {
  entity(guid: $guid) { __typename ... on Event { guid isAttending } }
}
"""

CONTENT_THREAD_BODY = """
query ContentThread($guid: String!) {
  entity(guid: $guid) {
    __typename
    ... on Discussion { guid comments { ...CommentFields comments { ...CommentFields } } }
    ... on Question { guid comments { ...CommentFields comments { ...CommentFields } } }
    ... on News { guid comments { ...CommentFields comments { ...CommentFields } } }
    ... on Event { guid comments { ...CommentFields comments { ...CommentFields } } }
    ... on StatusUpdate { guid comments { ...CommentFields comments { ...CommentFields } } }
    ... on File { guid comments { ...CommentFields comments { ...CommentFields } } }
  }
}
"""

CONTENT_REACTION_STATE_BODY = """
query ContentReactionState($guid: String!) {
  entity(guid: $guid) {
    __typename guid
    ... on Discussion { votes hasVoted isBookmarked }
    ... on Question { votes hasVoted isBookmarked }
    ... on News { votes hasVoted isBookmarked }
    ... on Event { votes hasVoted isBookmarked }
    ... on StatusUpdate { votes hasVoted isBookmarked }
    ... on File { votes hasVoted isBookmarked }
    ... on Folder { votes hasVoted isBookmarked }
    ... on Wiki { isBookmarked }
  }
}
"""

# Both orders a later sync walks, in one request: what was edited (timeUpdated)
# and what was commented on (lastAction), newest first.
CONTENT_CHANGES_BODY = f"""
query ContentChanges($subtypes: [String], $offset: Int, $limit: Int) {{
  byUpdate: entities(subtypes: $subtypes, offset: $offset, limit: $limit,
                     orderBy: timeUpdated, orderDirection: desc) {{
    total
    edges {{ __typename {CONTENT_SPREADS} }}
  }}
  byAction: entities(subtypes: $subtypes, offset: $offset, limit: $limit,
                     orderBy: lastAction, orderDirection: desc) {{
    total
    edges {{ __typename {CONTENT_SPREADS} }}
  }}
}}
"""
