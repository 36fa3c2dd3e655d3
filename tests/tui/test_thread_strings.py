"""Every outbox kind and every new thread string has words in both languages."""

from __future__ import annotations

import pytest

from pleio_tui.models import OutboxKind
from pleio_tui.tui.i18n import EN, NL
from pleio_tui.tui.i18n_threads import EN_THREADS, NL_THREADS
from pleio_tui.tui.render import DUTCH, ENGLISH


@pytest.mark.parametrize("kind", list(OutboxKind))
def test_the_outbox_screen_names_every_kind(kind: OutboxKind) -> None:
    assert f"outbox.kind.{kind.value}" in NL
    assert f"outbox.kind.{kind.value}" in EN


def test_thread_strings_exist_in_both_languages_and_differ() -> None:
    assert set(NL_THREADS) == set(EN_THREADS)
    assert all(NL_THREADS[key] != EN_THREADS[key] for key in NL_THREADS)
    assert (DUTCH.voted_up, DUTCH.voted_down) == ("je stemde voor", "je stemde tegen")
    assert (ENGLISH.voted_up, ENGLISH.voted_down) == ("you voted up", "you voted down")
