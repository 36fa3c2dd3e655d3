"""Two lines per search hit: title and age; then group, author and the matching snippet."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from pleio_tui.models import SearchHit
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.tui.render.ages import AgeFormatter, english_age
from pleio_tui.tui.widgets.row_layout import fit_row, joined

SEARCH_ROW_HEIGHT = 2
DIM = Style(dim=True)
SNIPPET = Style(italic=True)


@dataclass(frozen=True, slots=True)
class SearchRowLabels:
    in_comment: str = "in a comment"
    untitled: str = "(untitled)"


def search_row_formatter(
    format_age: AgeFormatter = english_age,
    labels: SearchRowLabels = SearchRowLabels(),
) -> Callable[[SearchHit, int, bool], Text]:
    def format_search_row(hit: SearchHit, width: int, selected: bool) -> Text:
        title = Text(" ")
        title.append(terminal_safe_line(hit.title) or labels.untitled, Style(bold=True))
        if hit.in_comment:
            title.append(f" ({labels.in_comment})", DIM)
        age = format_age(hit.time_published) if hit.time_published is not None else ""
        details = Text(
            "   "
            + joined(
                [terminal_safe_line(hit.group_name or ""), terminal_safe_line(hit.author_name)]
            ),
            DIM,
        )
        snippet = terminal_safe_line(hit.snippet)
        if snippet:
            details.append(" — ", DIM)
            details.append(snippet, SNIPPET)
        result = fit_row(title, Text(age + " ", DIM) if age else Text(), width)
        result.append("\n")
        result.append_text(fit_row(details, Text(), width))
        return result

    return format_search_row


format_search_row = search_row_formatter()
