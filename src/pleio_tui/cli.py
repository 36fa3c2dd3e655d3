"""The command line: parse, then hand over to one module per command.

Command modules are imported only when chosen, so `pleio-tui --help` and the
headless commands never pay for importing the terminal UI.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

from pleio_tui import __version__

DEFAULT_PORT = 8000


def build_parser() -> argparse.ArgumentParser:
    import argparse  # 2.3 ms that a plain start does without

    # The help's language (the config, else the locale) and its Dutch lines, and
    # serve's options: for this parser only.
    from pleio_tui.cli_i18n import cli_language, tr
    from pleio_tui.cli_i18n_help import argparse_speaks
    from pleio_tui.commands import serve as serve_command

    argparse_speaks(argparse, cli_language())
    parser = argparse.ArgumentParser(
        prog="pleio-tui",
        description=tr("Read and write the groups of a Pleio site from the terminal."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"pleio-tui {__version__}",
        help=tr("show the version and exit"),
    )
    site_help = tr("the Pleio site (default: the config's default)")
    parser.add_argument("--site", metavar=tr("NAME|URL"), help=site_help)
    parser.add_argument(
        "--offline",
        action="store_true",
        help=tr("read from the cache only; never touch the network"),
    )
    parser.set_defaults(command="tui")
    commands = parser.add_subparsers(dest="command", metavar=tr("COMMAND"))

    demo = commands.add_parser("demo", help=tr("run a local demo site and open the TUI on it"))
    demo.add_argument(
        "--port", type=int, default=0, help=tr("port for the demo site (default: free)")
    )

    serve = commands.add_parser("serve", help=tr("run the local Pleio-compatible site"))
    serve.add_argument(
        "--host", default="127.0.0.1", help=tr("address to bind (default: 127.0.0.1)")
    )
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=tr("port (default: 8000)"))
    serve.add_argument(
        "--data", metavar=tr("DIR"), help=tr("keep the site's data here (default: temp)")
    )
    serve.add_argument("--demo", action="store_true", help=tr("seed demo groups, blogs and users"))
    serve.add_argument(
        "--demo-blogs", type=int, default=0, metavar="N", help=tr("add N generated blogs")
    )
    serve.add_argument(
        "--demo-items",
        type=int,
        default=0,
        metavar="N",
        help=tr("add N generated items of every kind (blogs, discussions, questions, ...)"),
    )
    serve.add_argument(
        "--closed", action="store_true", help=tr("walled garden: anonymous requests get 401")
    )
    serve_command.add_arguments(serve)

    login = commands.add_parser(
        "login", help=tr("add a site and store its session (read from the browser, or pasted)")
    )
    login.add_argument("site_url", metavar="SITE")
    login.add_argument("--name", metavar=tr("NAME"), help=tr("the site's name in the config"))
    how = login.add_mutually_exclusive_group()
    how.add_argument(
        "--from-browser",
        metavar="BROWSER",
        choices=("firefox", "chromium", "chrome", "edge", "brave"),
        help=tr(
            "read the sessionid from this browser's cookies: firefox, chromium, chrome, "
            "edge or brave"
        ),
    )
    how.add_argument(
        "--anonymous", action="store_true", help=tr("add a public site, read without an account")
    )
    login.add_argument(
        "--profile",
        metavar=tr("PATH"),
        help=tr("the browser's profile folder (default: its default)"),
    )

    logout = commands.add_parser("logout", help=tr("forget the stored session"))
    logout.add_argument("site_url", metavar="SITE", nargs="?")

    sync = commands.add_parser("sync", help=tr("fetch for offline reading and send the outbox"))
    which = sync.add_mutually_exclusive_group()
    which.add_argument("--site", dest="sub_site", metavar=tr("NAME|URL"), help=site_help)
    which.add_argument("--all", action="store_true", help=tr("every site in the config, in turn"))

    search = commands.add_parser("search", help=tr("search the offline cache"))
    search.add_argument("query", metavar=tr("QUERY"), nargs="+")
    search.add_argument("--site", dest="sub_site", metavar=tr("NAME|URL"), help=site_help)
    search.add_argument("--limit", type=int, default=20, help=tr("at most this many hits"))

    post = commands.add_parser(
        "post", help=tr("write a blog, discussion, question or status update (queued when offline)")
    )
    post.add_argument("--group", required=True, metavar=tr("NAME|GUID"))
    post.add_argument("--title", metavar="T", help=tr("required but for a status update"))
    post.add_argument(
        "--type", dest="post_type", choices=("blog", "discussion", "question", "status"),
        default="blog", help=tr("what to write (default: blog)"),
    )  # fmt: skip
    post.add_argument("file", metavar=tr("FILE|-"), nargs="?", default="-")
    post.add_argument("--site", dest="sub_site", metavar=tr("NAME|URL"), help=site_help)

    comment = commands.add_parser(
        "comment", help=tr("comment on a blog or reply to a comment (queued when offline)")
    )
    comment.add_argument(
        "item",
        metavar="ITEM",
        help=tr("the guid of a blog, discussion, question, ... or its address"),
    )
    comment.add_argument("file", metavar=tr("FILE|-"), nargs="?", default="-")
    comment.add_argument("--reply-to", metavar=tr("COMMENT_GUID"), help=tr("reply to this comment"))
    comment.add_argument("--site", dest="sub_site", metavar=tr("NAME|URL"), help=site_help)

    notifications = commands.add_parser(
        "notifications", help=tr("the notifications from the cache (synced), one a line")
    )
    notifications.add_argument("--unread", action="store_true", help=tr("only the unread ones"))
    notifications.add_argument("--site", dest="sub_site", metavar=tr("NAME|URL"), help=site_help)
    return parser


def plain_start(argv: Sequence[str]) -> SimpleNamespace | None:
    """The arguments of `pleio-tui [--offline] [--site URL]`, or None for any other
    command line (argparse then parses it, and explains what is wrong).

    Starting the reader is what users wait for; importing argparse and building
    the parser with every command's help cost it 2.3 ms.
    """
    site: str | None = None
    offline = False
    rest = list(argv)
    while rest:
        item = rest.pop(0)
        if item == "--offline" and not offline:
            offline = True
        elif item == "--site" and site is None and rest and not rest[0].startswith("-"):
            site = rest.pop(0)
        elif item.startswith("--site=") and site is None:
            site = item.removeprefix("--site=")
        else:
            return None
    return SimpleNamespace(site=site, offline=offline, command="tui")


def _holds_surrogate(argument: str) -> bool:
    """Python hands bytes that are not UTF-8 over as lone surrogates."""
    return any("\ud800" <= char <= "\udfff" for char in argument)


def main(argv: Sequence[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    if any(_holds_surrogate(argument) for argument in given):
        from pleio_tui.commands.text_input import BadInputError, check_arguments  # rare: bad bytes

        try:
            check_arguments(given)
        except BadInputError as exc:
            print(f"pleio-tui: {exc}", file=sys.stderr)
            return 2
    args = plain_start(given) or build_parser().parse_args(given)
    if getattr(args, "sub_site", None):
        args.site = args.sub_site
    # argparse sets the subparsers' dest to None when no command is given.
    command = importlib.import_module(f"pleio_tui.commands.{args.command or 'tui'}")
    try:
        return command.run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        from pleio_tui.commands.errors import explain  # only once a command failed

        message = explain(exc)
        if message is None:
            raise
        print(f"pleio-tui: {message}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
