"""The documents of an incremental sync, valid against Pleio's own schema.

`SYNC_CHANGES` asks every question of a sync of an unchanged site in one
request, with aliases: who the user is, the first page of groups by what changes
about them (name and the user's membership), the newest few items of every kind
(blogs and the others in one listing) by `timeUpdated` (edits, new posts) and by
`lastAction` (new comments), each as a change mark only (kind, guid, time and
comment count), and the newest notification with the counts. What changes
seldom or costs the site a count of every readable item is asked for only when
due (`$withDetails`: the site's settings and the groups in full; `$withTotals`:
the count of blogs and of the other kinds). `queries` re-exports them, so the
full-schema test checks each."""

from __future__ import annotations

CONTENT_MARKS = """
      ... on Discussion { timeUpdated commentCount }
      ... on Question { timeUpdated commentCount }
      ... on News { timeUpdated commentCount }
      ... on Event { timeUpdated commentCount }
      ... on Wiki { timeUpdated }
      ... on StatusUpdate { timeUpdated commentCount }
      ... on File { timeUpdated commentCount }
      ... on Folder { timeUpdated commentCount }"""

_BLOG_MARKS = "__typename guid ... on Blog { timeUpdated commentCount }"
_MARKS = _BLOG_MARKS + CONTENT_MARKS

SYNC_CHANGES_BODY = f"""
query SyncChanges($probe: Int, $everyKind: [String], $subtypes: [String], $groupLimit: Int,
                  $withTotals: Boolean!, $withDetails: Boolean!,
                  $withNotifications: Boolean!) {{
  viewer {{ guid loggedIn isAdmin user {{ ...UserFields }} }}
  site @include(if: $withDetails) {{
    guid name language defaultAccessId accessIds {{ id description }}
  }}
  groups(limit: $groupLimit) @include(if: $withDetails) {{ total edges {{ ...GroupFields }} }}
  groupMarks: groups(limit: $groupLimit) @skip(if: $withDetails) {{
    total edges {{ guid name membership memberRole }}
  }}
  newestByUpdate: entities(subtypes: $everyKind, limit: $probe,
                           orderBy: timeUpdated, orderDirection: desc) {{
    edges {{ {_MARKS} }}
  }}
  newestByAction: entities(subtypes: $everyKind, limit: $probe,
                           orderBy: lastAction, orderDirection: desc) {{
    edges {{ {_MARKS} }}
  }}
  blogCount: entities(subtype: "blog", limit: 1) @include(if: $withTotals) {{ total }}
  contentCount: entities(subtypes: $subtypes, limit: 1) @include(if: $withTotals) {{ total }}
  notifications(limit: 1) @include(if: $withNotifications) {{
    total totalUnread edges {{ id isUnread }}
  }}
}}
"""

BLOG_MARKS_BODY = f"""
query BlogMarks($offset: Int, $limit: Int, $orderBy: OrderBy) {{
  entities(subtype: "blog", offset: $offset, limit: $limit,
           orderBy: $orderBy, orderDirection: desc) {{
    edges {{ {_BLOG_MARKS} }}
  }}
}}
"""
