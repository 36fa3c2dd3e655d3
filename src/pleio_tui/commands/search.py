"""`pleio-tui search QUERY...`: full-text search of the offline cache, one hit a line.

Never touches the network: it answers on a train as well as at a desk.
"""

from __future__ import annotations

import argparse
import sys

from pleio_tui.cli_i18n import tr
from pleio_tui.context import site_context
from pleio_tui.models import SearchHit
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.store import Store


def hit_line(hit: SearchHit) -> str:
    """Title, group, author and date, tab-separated; remote text made harmless."""
    date = hit.time_published.date().isoformat() if hit.time_published else "-"
    fields = (hit.title, hit.group_name or "-", hit.author_name or "-", date)
    return "\t".join(terminal_safe_line(field) for field in fields)


def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        print("pleio-tui: " + tr("--limit must be 1 or more"), file=sys.stderr)
        return 2
    context = site_context(args.site, offline=True, read_keyring=False)
    query = " ".join(args.query)
    if not context.cache_path.exists():
        text = tr("nothing is cached for {site} yet: run `pleio-tui sync`", site=context.site_url)
        print("pleio-tui: " + text, file=sys.stderr)
        return 1
    with Store.open(context.cache_path) as store:
        hits = store.search(query, limit=args.limit)
    if not hits:
        text = tr("No cached post matches {query}", query=repr(terminal_safe_line(query)))
        print(text, file=sys.stderr)
        return 1
    for hit in hits:
        print(hit_line(hit))
    return 0
