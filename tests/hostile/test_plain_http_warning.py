"""Plain http to another machine is allowed only by the config's explicit
setting, and then every start says the session travels unencrypted."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app_support import SIZE, make_app, wait_for

from pleio_tui.cli import main
from pleio_tui.config import Config
from pleio_tui.site_url import sends_session_in_clear

INTRANET = "http://intranet.invalid"


def test_only_plain_http_to_another_machine_sends_the_session_in_clear() -> None:
    assert sends_session_in_clear(INTRANET)
    assert not sends_session_in_clear("https://gemeente.pleio.nl")
    assert not sends_session_in_clear("http://127.0.0.1:8000")
    assert not sends_session_in_clear("http://localhost:8000")


def test_a_command_warns_before_talking_to_a_plain_http_site(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from pleio_tui.paths import AppDirs

    config_file = AppDirs.default().config_file
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text(f'site = "{INTRANET}"\nallow_insecure_http = true\n')
    assert main(["sync"]) == 1  # not logged in: stops before the network
    err = capsys.readouterr().err
    assert "warning: http://intranet.invalid is plain http" in err


async def test_the_app_warns_at_start_on_a_plain_http_site(tmp_path: Path) -> None:
    config = Config(allow_insecure_http=True, sync_interval_minutes=0, language="en")
    app = make_app(INTRANET, "s", tmp_path, offline=True, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(
            pilot,
            lambda: any("plain http" in str(n.message) for n in app._notifications),
        )
