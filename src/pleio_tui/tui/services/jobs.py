"""The network jobs the interface starts; each gets its own client and Store
(see `background.run_job`) and leaves what it learnt in the cache."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pleio_tui.api import PleioError
from pleio_tui.models import Blog, Group, Viewer, WaitingAuthor
from pleio_tui.store import Store
from pleio_tui.tui.services.background import Job

if TYPE_CHECKING:
    # Types only: the sync package is imported when a sync first runs.
    from pleio_tui.api import PleioClient
    from pleio_tui.sync import OutboxOutcome, SyncReport
    from pleio_tui.sync.events import ProgressCallback


@dataclass(frozen=True, slots=True)
class ReplayResult:
    outcomes: tuple[OutboxOutcome, ...]
    stopped_by: PleioError | None
    """What stopped the replay (no network, an expired session), None if nothing did."""
    busy: bool = False
    """Another replay (another pleio-tui process) held the outbox: nothing was sent."""
    for_others: tuple[WaitingAuthor, ...] = ()
    """Unsent items that wait for another account than the session's."""


def sync_job(on_progress: ProgressCallback) -> Job[SyncReport]:
    """The outbox first, then whatever changed on the site."""

    async def job(client: PleioClient, store: Store) -> SyncReport:
        from pleio_tui.sync import SyncEngine  # the sync layer with httpx, on the first sync

        return await SyncEngine(client, store, on_progress=on_progress).run()

    return job


def replay_job() -> Job[ReplayResult]:
    async def job(client: PleioClient, store: Store) -> ReplayResult:
        from pleio_tui.sync import OutboxReplayer  # the sync layer with httpx, on the first send

        replayer = OutboxReplayer(client, store)
        outcomes = await replayer.replay()
        return ReplayResult(
            tuple(outcomes), replayer.stopped_by, replayer.busy, tuple(replayer.for_others)
        )

    return job


def fetch_blog_job(guid: str) -> Job[Blog | None]:
    """One blog with its whole comment thread, into the cache; gone from the site
    (or no longer readable) means gone from the cache and its search index: None."""

    async def job(client: PleioClient, store: Store) -> Blog | None:
        from pleio_tui.sync.reconcile import refresh_blog  # the sync package: network work only

        return await refresh_blog(client, store, guid)

    return job


def membership_job(group_guid: str, *, join: bool) -> Job[Group]:
    async def job(client: PleioClient, store: Store) -> Group:
        if join:
            group = await client.join_group(group_guid)
        else:
            group = await client.leave_group(group_guid)
        store.upsert_groups([group])
        return group

    return job


def viewer_job() -> Job[Viewer]:
    """Who the session belongs to (not logged in: `logged_in` is False)."""

    async def job(client: PleioClient, store: Store) -> Viewer:
        viewer = await client.viewer()
        if viewer.logged_in:
            store.save_viewer(viewer)
        return viewer

    return job
