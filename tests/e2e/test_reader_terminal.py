"""The reader in a real terminal (tmux) at 80x24, 120x40 and 200x50, in Dutch and
English: the demo names its address and logins on screen, links are numbered
and reach the terminal as OSC 8 hyperlinks with their whole target, the link
picker opens a blog of the site in the app, dates are dates (a post's header
with the day and time), a wide terminal holds three panes with the post at a
readable measure, and `escape`/`q` go back one level at a time before `q` quits
from the top or `Q` at once. Skipped where tmux is missing."""

from __future__ import annotations

import re
import shlex
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from test_terminal import EXIT_MARK, Terminal, program_env

from pleio_tui.tui.panes.widths import FEED_MIN, GROUPS_MAX, POST_COLUMNS

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

SIZES = [(80, 24), (120, 40), (200, 50)]
WORDS = {
    "nl": {
        "search": "Zoeken in de cache",
        "login": "wachtwoord demo",
        "links": "Nummer van de link",
    },
    "en": {"search": "Search the cache", "login": "password demo", "links": "Number of the link"},
}
OSC8 = re.compile(rb"\x1b\]8;[^;\x1b\x07]*;([^\x1b\x07]*)(?:\x1b\\|\x07)")
SHORT_DATE = {
    "nl": re.compile(r"\b\d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec) \d{4}\b"),
    "en": re.compile(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b"),
}
_DAYS = {
    "nl": "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag",
    "en": "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday",
}
_MONTHS = {
    "nl": "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december",
    "en": "January|February|March|April|May|June|July|August|September|October|November|December",
}
FULL_DATE = {
    "nl": re.compile(rf"\b({_DAYS['nl']}) \d{{1,2}} ({_MONTHS['nl']}) \d{{4}} om \d\d:\d\d\b"),
    "en": re.compile(rf"\b({_DAYS['en']}) \d{{1,2}} ({_MONTHS['en']}) \d{{4}}, \d\d:\d\d\b"),
}


class SizedTerminal(Terminal):
    """A tmux pane of the given size, whose output is also written to a file."""

    def __init__(self, tmp_path: Path, size: tuple[int, int]) -> None:
        super().__init__(tmp_path)
        self.width, self.height = size
        self.output = tmp_path / "output.bin"

    def start(self, command: list[str], env: dict[str, str]) -> None:
        size = ["-x", str(self.width), "-y", str(self.height)]
        self.tmux("new-session", "-d", "-s", self.session, *size)
        # Held at this size: without a client tmux may otherwise fall back to 80x24
        # after the program has read its first size.
        self.tmux("set-option", "-t", self.session, "window-size", "manual")
        self.tmux("resize-window", "-t", self.session, *size)
        deadline = time.monotonic() + 5
        while self.pane("pane_width") != str(self.width) or self.pane("pane_height") != str(
            self.height
        ):
            assert time.monotonic() < deadline, "tmux did not take the size"
            time.sleep(0.05)
        self.tmux("set-option", "-t", self.session, "remain-on-exit", "on")
        self.tmux("pipe-pane", "-t", self.session, f"cat >> {shlex.quote(str(self.output))}")
        # Without the pipe no hyperlink could be read back: say so here, not later.
        assert self.pane("pane_pipe") == "1", "tmux did not start the output pipe"
        assignments = [f"{name}={value}" for name, value in env.items()]
        wrapped = ["sh", "-c", f'"$@"; echo "{EXIT_MARK}$?"', "sh"]
        # COLUMNS and LINES, when the test process has them, would fix the
        # program's idea of its size (Python's get_terminal_size reads them first).
        unset = ["-u", "COLUMNS", "-u", "LINES"]
        self.tmux(
            "respawn-pane",
            "-k",
            "-t",
            self.session,
            *wrapped,
            "env",
            *unset,
            *assignments,
            *command,
        )

    def hyperlinks(self) -> list[str]:
        data = self.output.read_bytes() if self.output.exists() else b""
        # The closing sequence has an empty target.
        return [t.decode("utf-8", "replace") for t in OSC8.findall(data) if t]

    def wait_for_hyperlinks(
        self, condition: Callable[[list[str]], bool], timeout: float = 15
    ) -> list[str]:
        """The hyperlink targets written so far, once they meet the condition.

        The screen and the pipe to the output file are two readers of the pane
        that tmux serves in turn: the file is read until it holds the link, not
        only at the moment the screen shows it (one CI run found no hyperlink
        at all in it then)."""
        deadline = time.monotonic() + timeout
        while True:
            targets = self.hyperlinks()
            if condition(targets):
                return targets
            if time.monotonic() > deadline:
                size = self.output.stat().st_size if self.output.exists() else None
                raise AssertionError(f"timed out; {size} bytes written, hyperlinks: {targets}")
            time.sleep(0.1)


@pytest.fixture(params=SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def sized(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SizedTerminal]:
    term = SizedTerminal(tmp_path, request.param)
    yield term
    term.kill()


def demo_env(tmp_path: Path, lang: str) -> dict[str, str]:
    env = program_env(tmp_path)
    config = Path(env["XDG_CONFIG_HOME"]) / "pleio-tui" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f'language = "{lang}"\n', encoding="utf-8")
    return env


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_links_dates_and_back_in_a_real_terminal(
    sized: SizedTerminal, tmp_path: Path, lang: str
) -> None:
    words = WORDS[lang]
    sized.start([sys.executable, "-m", "pleio_tui", "demo"], demo_env(tmp_path, lang))
    sized.wait_for_text("Werksessie")  # the newest item: the first sync is in
    # The demo says where it runs and how to log in, inside the app.
    shown = sized.wait_for(lambda text: "Demo" in text and "hadewych" in text)
    assert "127.0.0.1" in shown and "admin" in shown
    # Old blogs, at the end of the feed, show a date, not "1447 dagen geleden".
    sized.keys("G")
    sized.wait_for(lambda text: SHORT_DATE[lang].search(text) is not None)

    sized.keys("/")
    sized.wait_for_text(words["search"])
    sized.type("Leren door doen")
    sized.keys("Enter")
    shown = sized.wait_for_text("NSOB en PBL")
    if sized.width >= 200:
        wide_layout(shown)

    sized.keys("u")
    shown = sized.wait_for(lambda text: words["links"] in text and "[1] Regels" in text)
    # The address is on a line of its own, whole or cut with "…", never broken.
    url_line = next(line for line in shown.splitlines() if "http://127.0.0.1:" in line)
    shown_url = url_line.split("http://", 1)[1].split()[0].rstrip("│┃ ")
    assert shown_url.endswith("…") or "/blog/view/" in shown_url, url_line
    # The terminal got the whole target as a hyperlink, and nothing but http(s).
    targets = sized.wait_for_hyperlinks(
        lambda written: any("/blog/view/" in t and "regels-verminderen" in t for t in written)
    )
    assert all(t.startswith(("http://", "https://", "mailto:")) for t in targets), targets

    sized.type("1")
    sized.keys("Enter")
    byline = "Door Marieke de Vries" if lang == "nl" else "By Marieke de Vries"
    shown = sized.wait_for(lambda text: "[1] Regels" not in text and byline in text)
    # The post header has the full date and time.
    assert FULL_DATE[lang].search(post_header(shown, byline)), shown

    # escape and q: post -> feed -> groups; then q quits from the top, or Q at
    # once from the feed (nothing waits in the outbox).
    sized.keys("Escape")
    # A key right behind escape would reach the program as alt+key: a person's pause.
    time.sleep(0.3)
    sized.keys("q")
    group_list = "Alle groepen" if lang == "nl" else "All groups"
    sized.wait_for_text(group_list)
    if lang == "nl":
        sized.keys("q")
    else:
        sized.keys("l")
        sized.keys("Q")
    assert sized.wait_for_exit() == "0"


def post_header(screen: str, byline: str) -> str:
    """The byline and the two lines under it, from the post's column alone (the
    panes beside it cut away), as one line."""
    lines = screen.splitlines()
    row = next(i for i, line in enumerate(lines) if byline in line)
    column = lines[row].index(byline)
    parts = [line[column:].rstrip().rstrip("│┃").strip() for line in lines[row : row + 3]]
    return " ".join(" ".join(parts).split())


def wide_layout(screen: str) -> None:
    """At 200 columns the three panes stand side by side: the post at its
    readable measure, the group list at most its widest, the feed the rest."""
    top = screen.splitlines()[0]
    starts = [column for column, char in enumerate(top) if char == "╭"]
    assert len(starts) == 3, top
    groups, feed = starts[1] - starts[0], starts[2] - starts[1]
    post = len(top) - starts[2]
    assert groups <= GROUPS_MAX and feed >= FEED_MIN, (groups, feed, post)
    assert POST_COLUMNS <= post <= POST_COLUMNS + 4, (groups, feed, post)
