import pytest

from pleio_tui.richtext import terminal_safe, terminal_safe_line

HOSTILE = [
    ("\x1b[31mrood\x1b[0m", "[31mrood[0m"),  # CSI
    ("\x1b]0;PWNED\x07titel", "]0;PWNEDtitel"),  # OSC ended by BEL
    ("\x1b]8;;https://evil\x1b\\klik\x1b]8;;\x1b\\", "]8;;https://evil\\klik]8;;\\"),  # OSC 8, ST
    ("\x1bP+q544e\x1b\\", "P+q544e\\"),  # DCS
    ("\x9b2J\x9d0;x\x9c", "2J0;x"),  # C1 CSI, OSC, ST
    ("a\x00b\x7fc\x08d", "abcd"),  # NUL, DEL, backspace
    ("admin\u202egnp.exe", "admingnp.exe"),  # right-to-left override
    ("\u2066x\u2069\u200ey\u200f\u061cz", "xyz"),  # isolates and marks
    ("zero\u200bwidth\ufeff", "zerowidth"),
    ("tag\U000e0041\U000e007f", "tag"),
    ("regel\r\nregel\rover", "regel\nregel\nover"),  # \r cannot rewrite a line
    ("a\u2028b\u2029c", "a\nb\nc"),
    ("kolom\tkolom", "kolom    kolom"),
    ("kapot \ud800 surrogaat", "kapot \ufffd surrogaat"),
]


@pytest.mark.parametrize(("hostile", "safe"), HOSTILE)
def test_hostile_sequences_lose_their_control_characters(hostile: str, safe: str) -> None:
    assert terminal_safe(hostile) == safe


def test_ordinary_text_passes_unchanged() -> None:
    text = "Hoi 👨‍👩‍👧 — café, ש, عربي\nnieuwe regel"
    assert terminal_safe(text) == text


def test_one_line_fields_have_no_newlines_or_runs_of_space() -> None:
    assert terminal_safe_line("  Een\n titel\t\r\nmet \x1b[2Jrommel  ") == "Een titel met [2Jrommel"
