"""The controllers' plain logic, without a terminal."""

from __future__ import annotations

from pleio_tui.models import GroupRow, Membership, OutboxKind
from pleio_tui.sync import OutboxOutcome, OutboxResult
from pleio_tui.tui.controllers.membership import membership_notice, membership_question
from pleio_tui.tui.controllers.network import outbox_notices
from pleio_tui.tui.controllers.writing import LinkedImages, site_host

SITE = "https://kennis.pleio.nl:8443/"
THERE = "![a](https://elders.example/a.png)"
HERE = "![b](https://kennis.pleio.nl:8443/file/download/b.png)"


def test_the_site_host_keeps_the_port_and_drops_the_login() -> None:
    assert site_host(SITE) == "kennis.pleio.nl:8443"
    assert site_host("http://user:pw@127.0.0.1:9/") == "127.0.0.1:9"


def test_images_from_elsewhere_warn_once_per_text() -> None:
    images = LinkedImages()
    assert images.to_warn_of("comment:b1", HERE, SITE) == []
    assert images.to_warn_of("comment:b1", THERE, SITE) == ["https://elders.example/a.png"]
    assert images.to_warn_of("comment:b1", THERE, SITE) == []  # the second send goes
    assert images.to_warn_of("comment:b1", THERE, SITE) != []  # a later send warns again
    changed = THERE + " en meer"
    assert images.to_warn_of("comment:b1", changed, SITE) != []  # changed: warned anew
    assert images.to_warn_of("comment:b2", THERE, SITE) != []  # another draft: its own


def outcome(result: OutboxResult, code: str | None = None) -> OutboxOutcome:
    return OutboxOutcome(item_id=1, kind=OutboxKind.COMMENT, result=result, error_code=code)


def test_a_busy_outbox_is_said_before_what_was_sent() -> None:
    assert outbox_notices([], busy=True) == [("notice.outbox_busy", "information")]
    assert outbox_notices([], busy=False) == []
    said = outbox_notices(
        [outcome(OutboxResult.SENT), outcome(OutboxResult.FAILED, "not_authorized")], busy=False
    )
    assert said == [("notice.sent", "information"), ("send_failed:not_authorized", "error")]


def group(membership: Membership, *, closed: bool = False) -> GroupRow:
    return GroupRow("g", "G", 3, membership, closed, False, 0, 0)


def test_membership_asks_what_it_will_do() -> None:
    assert membership_question(group(Membership.NOT_JOINED)) == ("confirm.join_group", True)
    closed = group(Membership.NOT_JOINED, closed=True)
    assert membership_question(closed) == ("confirm.request_membership", True)
    assert membership_question(group(Membership.JOINED)) == ("confirm.leave_group", False)
    assert membership_notice(Membership.JOINED, joined=True) == "notice.joined"
    assert membership_notice(Membership.REQUESTED, joined=True) == "notice.join_requested"
    assert membership_notice(Membership.NOT_JOINED, joined=False) == "notice.left"
