"""A local Pleio-compatible site: the same GraphQL API, login by form, SQLite storage.

It serves the demo, the tests and the benchmarks over loopback HTTP.
"""

from pleio_tui.server.runner import LocalSite, serve_forever

__all__ = ["LocalSite", "serve_forever"]
