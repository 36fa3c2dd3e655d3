"""Rows built from segments fit the width exactly as rows built from Rich Text do."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from pleio_tui.tui.widgets.row_layout import fit_line, fit_row

BOLD = Style(bold=True)
DIM = Style(dim=True)
# Wide (CJK, emoji) and narrow characters: a cut may fall inside a wide one.
PIECE = st.text(alphabet=st.sampled_from("abc xyz·●★漢字界🙂é"), max_size=12)
PIECES = st.lists(st.tuples(PIECE, st.sampled_from([None, BOLD, DIM])), max_size=5)
CONSOLE = Console(width=400, force_terminal=True, legacy_windows=False)


def as_text(pieces: list[tuple[str, Style | None]]) -> Text:
    text = Text()
    for part, style in pieces:
        text.append(part, style)
    return text


def cells_and_text(text: Text) -> list[tuple[str, Style | None]]:
    """Each cell's character and style, blank styles counted as none."""
    out = []
    for segment in text.render(CONSOLE):
        style = segment.style or None
        out.extend((char, style if style else None) for char in segment.text)
    return out


def strip_cells(strip) -> list[tuple[str, Style | None]]:  # type: ignore[no-untyped-def]
    out = []
    for segment in strip:
        style = segment.style or None
        out.extend((char, style if style else None) for char in segment.text)
    return out


def unstyled_ellipsis(cells: list[tuple[str, Style | None]]) -> list[tuple[str, Style | None]]:
    return [(char, None if char == "…" else style) for char, style in cells]


@settings(max_examples=300, deadline=None)
@given(PIECES, PIECES, st.integers(0, 40))
def test_fit_line_matches_fit_row(
    left: list[tuple[str, Style | None]], right: list[tuple[str, Style | None]], width: int
) -> None:
    right_cells = as_text(right).cell_len
    # Where no cell is left for the text, Rich still writes an ellipsis past the
    # width; fit_line writes nothing there (tested below).
    assume(width - right_cells - 1 >= 1 if right_cells else width >= 1)
    expected = fit_row(as_text(left), as_text(right), width)
    line = fit_line([Segment(t, s) for t, s in left], [Segment(t, s) for t, s in right], width)
    assert line.text == expected.plain
    assert line.cell_length == expected.cell_len
    # Rich styles its ellipsis by character offset, which a cut wide character
    # shifts; fit_line gives it the style of the part it cuts. Other cells agree.
    assert unstyled_ellipsis(strip_cells(line)) == unstyled_ellipsis(cells_and_text(expected))


def test_a_long_title_ends_in_an_ellipsis_with_room_for_the_mark() -> None:
    line = fit_line([Segment("Overheidsparticipatie in de praktijk", BOLD)], [Segment("★")], 20)
    assert line.text == "Overheidsparticip… ★"
    assert line.cell_length == 20


def test_no_room_at_all_leaves_the_text_out() -> None:
    assert fit_line([Segment("title")], [], 0).cell_length == 0
    line = fit_line([Segment("title")], [Segment("★")], 2)
    assert line.text == " ★" and line.cell_length == 2
