"""A local site full of hostile content, put there as a stranger would put it.

Blogs, tags, comments and replies go in over GraphQL, the way any Pleio user can
write them. A display name and a group name cannot be set through the API the
client speaks, but any Pleio user edits their own profile and any group owner
their group's name: those are written into the site's database directly.
"""

from __future__ import annotations

import json
import socket
import sqlite3
from dataclasses import dataclass
from typing import Any

import httpx
from corpus import HOSTILE, HOSTILE_HREFS, HUGE

from pleio_tui.server import LocalSite
from pleio_tui.server.db import DB_FILE_NAME

SEED_GROUP = "Van buiten naar binnen in het ministerie van V&J"
HOSTILE_USER_NAME = "Hadewych \x1b]0;PWNED\x07[@click=app.quit]x[/]\u202e\x9b2J"
HOSTILE_GROUP_NAME = (
    "Groep \x1b[2J[bold red]alarm[/bold red]\u2066:skull:\x1b]8;;https://evil.example/\x07"
)
HOSTILE_TAGS = [HOSTILE["osc_title"], HOSTILE["textual_click"], HOSTILE["bidi_override"]]
SAFE_LINK = "https://www.pleio.nl/veilig"
HUGE_TITLE = "Enorm \x1b[2J bericht"

ADD_ENTITY = """
mutation Add($input: addEntityInput!) { addEntity(input: $input) { entity { guid } } }
"""


@dataclass(frozen=True, slots=True)
class HostileContent:
    site_url: str
    session: str
    group_guid: str
    blog_guids: dict[str, str]
    """Corpus name -> the blog whose title carries that string."""
    body_blog_guid: str
    """The blog whose body holds the whole corpus, the hostile links, image and mention."""
    huge_blog_guid: str


def text(value: str, marks: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "text", "text": value}
    if marks:
        node["marks"] = marks
    return node


def paragraph(*content: dict[str, Any]) -> dict[str, Any]:
    return {"type": "paragraph", "content": list(content)}


def doc(*blocks: dict[str, Any]) -> str:
    return json.dumps({"type": "doc", "content": list(blocks)})


def hostile_body() -> str:
    """Every corpus string as text, every hostile href as a link, a data: image,
    a hostile mention and alt text, and one safe link that must stay a link."""
    blocks = [paragraph(text(f"{name}: {value}")) for name, value in HOSTILE.items()]
    for number, href in enumerate(HOSTILE_HREFS):
        link = {"type": "link", "attrs": {"href": href}}
        blocks.append(paragraph(text(f"badlink{number}", [link])))
    blocks.append(paragraph(text("goodlink", [{"type": "link", "attrs": {"href": SAFE_LINK}}])))
    blocks.append(
        paragraph(
            text("mention "),
            {"type": "mention", "attrs": {"id": "1", "label": HOSTILE["osc_title"]}},
        )
    )
    blocks.append(
        {
            "type": "image",
            "attrs": {"src": "data:image/svg+xml;base64,PHN2Zz4=", "alt": HOSTILE["textual_click"]},
        }
    )
    blocks.append(
        {"type": "image", "attrs": {"src": "javascript:alert(1)", "alt": "[bold]img[/bold]"}}
    )
    return doc(*blocks)


class SiteWriter:
    def __init__(self, site: LocalSite, session: str) -> None:
        self.site = site
        self.session = session

    def data(self, query: str, variables: dict[str, Any] | None = None) -> Any:
        response = httpx.post(
            f"{self.site.url}/graphql",
            json={"query": query, "variables": variables or {}},
            headers={"Cookie": f"sessionid={self.session}"},
            timeout=30,
        )
        payload = response.json()
        assert "errors" not in payload, payload
        return payload["data"]

    def add(self, **fields: Any) -> str:
        data = self.data(ADD_ENTITY, {"input": fields})
        return str(data["addEntity"]["entity"]["guid"])

    def blog(self, group_guid: str, title: str, body: str, tags: list[str] | None = None) -> str:
        return self.add(
            subtype="blog",
            containerGuid=group_guid,
            title=title,
            richDescription=body,
            tags=tags or [],
            accessId=1,
            writeAccessId=0,
        )

    def comment(self, container_guid: str, body: str) -> str:
        return self.add(subtype="comment", containerGuid=container_guid, richDescription=body)

    def group_guid(self, name: str) -> str:
        data = self.data("query { groups(limit: 100) { edges { guid name } } }")
        return next(g["guid"] for g in data["groups"]["edges"] if g["name"] == name)


def rename_in_site_database(site: LocalSite, group_guid: str) -> None:
    with sqlite3.connect(site.data_dir / DB_FILE_NAME, timeout=10) as conn:
        conn.execute("UPDATE users SET name = ? WHERE username = 'hadewych'", (HOSTILE_USER_NAME,))
        conn.execute(
            "UPDATE groups SET name = ?, tags = ? WHERE id = ?",
            (HOSTILE_GROUP_NAME, json.dumps(HOSTILE_TAGS), group_guid),
        )
    conn.close()


def seed_hostile_content(site: LocalSite, session: str) -> HostileContent:
    """Fill the demo site with the corpus; `session` must be Hadewych's."""
    writer = SiteWriter(site, session)
    group = writer.group_guid(SEED_GROUP)
    titled = {
        name: writer.blog(group, f"{name} {value}", doc(paragraph(text(value))), HOSTILE_TAGS)
        for name, value in HOSTILE.items()
    }
    body_blog = writer.blog(group, "Alles \x1b[2J in een [@click=app.quit]x[/]", hostile_body())
    for name, value in HOSTILE.items():
        comment = writer.comment(body_blog, doc(paragraph(text(f"comment {name} {value}"))))
        if name in ("osc_title", "textual_click", "c1_csi"):
            writer.comment(comment, doc(paragraph(text(f"reply {value}"))))
    huge = writer.blog(group, HUGE_TITLE, doc(paragraph(text(HUGE))))
    rename_in_site_database(site, group)
    return HostileContent(
        site_url=site.url,
        session=session,
        group_guid=group,
        blog_guids=titled,
        body_blog_guid=body_blog,
        huge_blog_guid=huge,
    )


def refused_site_url() -> str:
    """A loopback address where nothing listens: the connection is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def give_id(site: LocalSite, old: str, new: str) -> None:
    """Give the record `old` (a user, group, blog or comment) the id `new` in the
    site's database, everywhere it is named: a site under someone else's control
    answers with whatever guids it likes."""
    with sqlite3.connect(site.data_dir / DB_FILE_NAME, timeout=10) as conn:
        listed = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = [row[0] for row in listed]
        for table in tables:
            for column in conn.execute(f"PRAGMA table_info({table})").fetchall():
                name = column[1]
                conn.execute(f"UPDATE {table} SET {name} = ? WHERE {name} = ?", (new, old))
    conn.close()
