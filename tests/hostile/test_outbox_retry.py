"""The outbox goes out by itself when the site comes back: while something waits
and the site is out of reach, the app probes it with backoff; the first answer
sends the outbox and clears the status line, without `r` and without the
15-minute timer (turned off here).

A real loopback proxy stands between the app and the real local site and is
switched off (its port refuses connections) and on again."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from switch_proxy import SwitchProxy
from test_app_support import BLOG_THREAD, SIZE, graphql, make_app, open_blog, synced, wait_for

from pleio_tui.server import LocalSite
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.i18n import NL
from pleio_tui.tui.services.reconnect import Backoff

WAITING = NL["post.waiting"]


def comment_texts(site: LocalSite, session: str, guid: str) -> list[str]:
    blog = graphql(site.url, session, BLOG_THREAD, guid=guid)["entity"]
    return [comment["description"].strip() for comment in blog["comments"]]


def status_line(app: PleioApp) -> str:
    return app.main.status.render().plain


def thread_lines(app: PleioApp) -> list[str]:
    """Every line of the open post, not only those on screen."""
    post = app.main.post.view._post
    assert post is not None
    post.finish()
    return [strip.text for strip in post.lines]


def waiting_line(app: PleioApp, text: str) -> bool:
    """Whether the comment with `text` shows, under a header marking it waiting."""
    lines = thread_lines(app)
    for number, line in enumerate(lines):
        if text in line:
            return number > 0 and WAITING in lines[number - 1]
    return False


async def test_a_comment_queued_offline_reaches_the_site_when_it_comes_back(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    parts = urlsplit(demo_site.url)
    assert parts.hostname is not None and parts.port is not None
    with SwitchProxy(parts.hostname, parts.port) as proxy:
        app = make_app(proxy.url, hadewych, tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await synced(pilot)
            await open_blog(pilot, "Leren door doen")
            assert app.open_blog is not None
            guid = app.open_blog.guid

            proxy.off()
            await pilot.press("c", *"Vanzelf verstuurd", "ctrl+s")
            await wait_for(pilot, lambda: not app.is_online)
            await wait_for(pilot, lambda: app.main.status.outbox_pending == 1)
            assert "outbox 1" in status_line(app)
            assert waiting_line(app, "Vanzelf verstuurd")  # in its thread at once
            assert "Vanzelf verstuurd" not in comment_texts(demo_site, hadewych, guid)

            proxy.on()  # no key pressed from here on
            await wait_for(
                pilot, lambda: "Vanzelf verstuurd" in comment_texts(demo_site, hadewych, guid)
            )
            await wait_for(pilot, lambda: app.main.status.outbox_pending == 0)
            await wait_for(pilot, lambda: app.is_online)
            assert "outbox" not in status_line(app)
            # Shown as sent: the site's own comment, no longer marked waiting.
            await wait_for(pilot, lambda: any("Vanzelf verstuurd" in x for x in thread_lines(app)))
            assert not waiting_line(app, "Vanzelf verstuurd")
            assert not any(WAITING in line for line in thread_lines(app))
            assert comment_texts(demo_site, hadewych, guid).count("Vanzelf verstuurd") == 1


def test_backoff_doubles_to_a_minute_with_jitter() -> None:
    steady = Backoff(rng=lambda: 0.5)
    assert [round(steady.next_delay(), 3) for _ in range(7)] == [2, 4, 8, 16, 32, 60, 60]
    steady.reset()
    assert steady.next_delay() == 2
    early, late = Backoff(rng=lambda: 0.0), Backoff(rng=lambda: 1.0)
    assert early.next_delay() < 2 < late.next_delay()
    assert early.next_delay() / 2 >= 1.5 and late.next_delay() / 4 <= 1.25


def test_retry_delays_leave_the_shared_random_generator_alone() -> None:
    """Jitter drawn in a network thread would move the state of `random` under
    whatever else the process seeded or draws from (a test's generated examples)."""
    import random

    from pleio_tui.api import RetryPolicy

    before = random.getstate()
    Backoff().next_delay()
    RetryPolicy().delay(2)
    assert random.getstate() == before
