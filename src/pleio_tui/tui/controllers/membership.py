"""Joining and leaving groups: asked first, then sent to the site at once (a
membership is not queued: a closed group answers with a request, not a join)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pleio_tui.models import GroupRow, Membership
from pleio_tui.store import StoreError
from pleio_tui.tui.controllers.messages import CacheChanged, NetworkFailed, SiteAnswered
from pleio_tui.tui.services.background import run_job

if TYPE_CHECKING:
    from pleio_tui.tui.controllers.host import AppHost


def membership_question(row: GroupRow) -> tuple[str, bool]:
    """The string id that asks before changing `row`'s membership, and whether
    the change is a join (True) or a leave."""
    if row.membership != Membership.NOT_JOINED:
        return "confirm.leave_group", False
    if row.is_closed or row.is_membership_on_request:
        return "confirm.request_membership", True
    return "confirm.join_group", True


def membership_notice(group_membership: Membership, *, joined: bool) -> str:
    """The string id that says how a join or leave ended."""
    if not joined:
        return "notice.left"
    return "notice.joined" if group_membership == Membership.JOINED else "notice.join_requested"


class MembershipController:
    def __init__(self, host: AppHost) -> None:
        self._host = host

    def toggle_current(self) -> None:
        group = self._host.main.current_group
        if group is None:
            self._host.notify_plain(self._host.strings("notice.no_group"))
            return
        self.toggle(group)

    def toggle(self, row: GroupRow) -> None:
        host = self._host
        if not host.can_reach_site():
            host.notify_plain(host.strings.error("offline"), "warning")
            return
        question_id, joining = membership_question(row)

        def answered(yes: bool | None) -> None:
            if yes:
                host.run_worker(self.change(row.guid, join=joining), group="membership")

        from pleio_tui.tui.screens.confirm import ConfirmScreen  # 3 ms, when first asked

        question = host.strings(question_id, name=row.name)
        host.push_screen(ConfirmScreen(question, host.strings, host.keys), answered)

    async def change(self, guid: str, *, join: bool) -> None:
        from pleio_tui.api import PleioError  # httpx: off the first frame
        from pleio_tui.tui.services.jobs import membership_job  # httpx: network work only

        host = self._host
        if host.site is None:
            return
        try:
            group = await run_job(host.site, membership_job(guid, join=join))
        except (PleioError, StoreError) as exc:
            host.post_message(NetworkFailed(exc))
            return
        host.post_message(SiteAnswered())
        notice = membership_notice(group.membership, joined=join)
        host.notify_plain(host.strings(notice, name=group.name))
        host.post_message(CacheChanged())
