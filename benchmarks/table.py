"""One row per measurement, printed as a text table and written as Markdown."""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from importlib.metadata import version
from pathlib import Path


class Unit(Enum):
    SECONDS = "s"
    MEGABYTES = "MB"
    COUNT = "n"


@dataclass(frozen=True, slots=True)
class Result:
    """A measured median against its target.

    With a `floor`, the target is a ratio to it (measured / floor); without one,
    the target is in the measurement's own unit.
    """

    what: str
    measured: float
    target: float
    unit: Unit = Unit.SECONDS
    floor: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.floor is None:
            return None
        return self.measured / self.floor if self.floor > 0 else float("inf")

    @property
    def passed(self) -> bool:
        value = self.ratio if self.floor is not None else self.measured
        return value is not None and value <= self.target


def _amount(value: float | None, unit: Unit) -> str:
    if value is None:
        return "-"
    if unit is Unit.SECONDS:
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if unit is Unit.MEGABYTES:
        return f"{value:.0f} MB"
    return f"{value:.0f}"


def _cells(result: Result) -> list[str]:
    if result.floor is not None:
        target = f"≤ {result.target:g}x floor"
    else:
        target = f"≤ {_amount(result.target, result.unit)}"
    ratio = result.ratio
    return [
        result.what,
        _amount(result.measured, result.unit),
        target,
        _amount(result.floor, result.unit),
        "-" if ratio is None else f"{ratio:.2f}",
        "pass" if result.passed else "FAIL",
    ]


HEADERS = ["what", "median", "target", "floor", "ratio", "result"]


def text_table(results: list[Result]) -> str:
    rows = [HEADERS, *(_cells(result) for result in results)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(HEADERS))]

    def line(row: list[str]) -> str:
        first = row[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True))
        return "  ".join([first, *rest])

    return "\n".join(
        [line(rows[0]), "  ".join("-" * width for width in widths), *map(line, rows[1:])]
    )


def machine() -> str:
    """CPU model, cores, Python and Textual versions: what the numbers depend on."""
    model = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    python = f"{platform.python_implementation()} {sys.version.split()[0]}"
    return (
        f"{model}, {os.cpu_count()} cores; {python}; Textual {version('textual')}; "
        f"SQLite {__import__('sqlite3').sqlite_version}"
    )


def markdown(results: list[Result], *, quick: bool, notes: list[str]) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    mode = "quick run (fewer repeats)" if quick else "full run"
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {machine()}  ",
        f"Date: {when}, {mode}. Made by `python benchmarks/run.py`.",
        "",
        "| " + " | ".join(HEADERS) + " |",
        "|" + "|".join("---" for _ in HEADERS) + "|",
    ]
    for result in results:
        cells = [cell.replace("|", "\\|") for cell in _cells(result)]
        lines.append("| " + " | ".join(cells) + " |")
    if notes:
        lines += ["", *(f"- {note}" for note in notes)]
    return "\n".join(lines) + "\n"
