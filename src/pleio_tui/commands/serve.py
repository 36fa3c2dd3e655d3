from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(serve: argparse.ArgumentParser) -> None:
    """The flags of `serve` beyond the basic ones: a proxy to trust, and answers a
    Pleio site gives at the door, for testing clients against them."""
    serve.add_argument(
        "--trust-proxy",
        metavar="ADDR",
        action="append",
        default=[],
        help="believe X-Forwarded-For/-Proto from this proxy address (repeatable)",
    )
    serve.add_argument(
        "--require-2fa",
        action="store_true",
        help="as a site that demands two-factor login: requests with a session get 403 HTML",
    )
    serve.add_argument(
        "--primary-domain",
        metavar="HOST",
        help="requests on any other host name are answered 301 to this one",
    )
    serve.add_argument(
        "--fail-every",
        type=int,
        default=0,
        metavar="N",
        help="answer every Nth /graphql request with Pleio's 500 error page",
    )


def run(args: argparse.Namespace) -> int:
    # The site (uvicorn, ariadne: 300 ms) only when served; `add_arguments` is
    # imported by every parse of a command line.
    from pleio_tui.server.doors import Doors
    from pleio_tui.server.runner import serve_forever

    return serve_forever(
        host=args.host,
        port=args.port,
        data_dir=Path(args.data) if args.data else None,
        demo=args.demo,
        demo_blogs=args.demo_blogs,
        demo_items=args.demo_items,
        closed=args.closed,
        doors=Doors(
            require_2fa=args.require_2fa,
            primary_domain=args.primary_domain,
            fail_every=max(0, args.fail_every),
        ),
        trusted_proxies=tuple(args.trust_proxy),
    )
