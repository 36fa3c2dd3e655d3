"""The app names what a Pleio site answers at the door in one notice: two-factor
login required, a site that moved."""

from __future__ import annotations

from pathlib import Path

from test_app_support import SIZE, make_app, notices, wait_for

from fixtures_site import SiteFactory
from pleio_tui.server.doors import Doors


async def test_a_site_that_requires_two_factor_login_says_so(
    site_factory: SiteFactory, tmp_path: Path
) -> None:
    site = site_factory(demo=True, doors=Doors(require_2fa=True))
    app = make_app(site.url, site.login("hadewych"), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: any("tweestapsverificatie" in n for n in notices(pilot)))


async def test_a_site_that_moved_says_so(site_factory: SiteFactory, tmp_path: Path) -> None:
    site = site_factory(demo=True, doors=Doors(primary_domain="pleio.example.nl"))
    app = make_app(site.url, "a-session", tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: any("verhuisd" in n for n in notices(pilot)))
