"""The site's few HTML pages: the login form, the GraphQL landing page, the
walled garden's refusal."""

from __future__ import annotations

from html import escape

_STYLE = (
    "body{font-family:sans-serif;max-width:32em;margin:3em auto}label{display:block;margin:.5em 0}"
)


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def login_page(site_name: str, *, error: str | None = None, username: str = "") -> str:
    problem = f'<p role="alert"><strong>{escape(error)}</strong></p>' if error else ""
    return _page(
        f"Inloggen - {site_name}",
        f"<h1>Inloggen op {escape(site_name)}</h1>{problem}"
        '<form method="post" action="/login">'
        f'<label>Gebruikersnaam <input name="username" value="{escape(username)}" '
        'autocomplete="username" required></label>'
        '<label>Wachtwoord <input name="password" type="password" '
        'autocomplete="current-password" required></label>'
        '<button type="submit">Inloggen</button></form>',
    )


def graphql_landing_page(site_name: str) -> str:
    return _page(
        f"GraphQL - {site_name}",
        f"<h1>GraphQL-API van {escape(site_name)}</h1>"
        "<p>Send queries as <code>POST /graphql</code> with a JSON body "
        '<code>{"query": ..., "variables": {...}}</code> and the <code>sessionid</code> '
        "cookie of a logged-in user. Introspection is on.</p>"
        '<p><a href="/login">Inloggen</a></p>',
    )


def walled_garden_page(site_name: str) -> str:
    return _page(
        f"Inloggen vereist - {site_name}",
        f"<h1>{escape(site_name)} is een besloten site</h1>"
        '<p>Log in om verder te gaan: <a href="/login">inloggen</a>.</p>',
    )


def home_page(site_name: str) -> str:
    return _page(
        site_name,
        f"<h1>{escape(site_name)}</h1><p>A local Pleio-compatible site. "
        'The API is at <a href="/graphql">/graphql</a>; '
        '<a href="/login">inloggen</a>.</p>',
    )
