"""Names a package exports but imports only on first use, to keep start-up short."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def lazy_exports(package: str, sources: Mapping[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` that imports `sources[name]` when `name` is first used."""

    def __getattr__(name: str) -> object:
        module = sources.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(module), name)

    return __getattr__
