from __future__ import annotations

import argparse
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from pleio_tui.server.runner import serve_forever

    return serve_forever(
        host=args.host,
        port=args.port,
        data_dir=Path(args.data) if args.data else None,
        demo=args.demo,
        demo_blogs=args.demo_blogs,
        closed=args.closed,
    )
