"""The command line's help, its usage errors and what `login` and `logout` say
follow the language too (the config's `language`, else the locale), in a real
process as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pleio_tui.cli_i18n import NL
from pleio_tui.cli_i18n_help import NL_ARGPARSE
from pleio_tui.credentials import SESSION_ENV, SESSION_SITE_ENV
from pleio_tui.server import LocalSite

LOCALE_NAMES = ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")


def run(
    tmp_path: Path, *argv: str, config: str = "", stdin: str = "", **env_extra: str
) -> subprocess.CompletedProcess[str]:
    drop = (*LOCALE_NAMES, SESSION_ENV, SESSION_SITE_ENV)
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        COLUMNS="100",
        **env_extra,
    )
    if config:
        folder = tmp_path / "config" / "pleio-tui"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "config.toml").write_text(config, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pleio_tui", *argv],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_help_is_dutch_in_a_dutch_locale(tmp_path: Path) -> None:
    done = run(tmp_path, "--help", LANG="nl_NL.UTF-8")
    assert done.returncode == 0, done.stderr
    said = done.stdout
    assert said.startswith("gebruik: pleio-tui [-h] [--version] [--site NAAM|URL] [--offline]")
    assert "Lees en schrijf in de groepen van een Pleio-site vanuit de terminal." in said
    assert "opties:" in said and "toon deze hulp en stop" in said
    assert "haal op om offline te lezen en verstuur de outbox" in said
    assert "usage" not in said and "options:" not in said and "show this help" not in said


def test_a_commands_help_follows_the_config_over_an_english_locale(tmp_path: Path) -> None:
    done = run(tmp_path, "sync", "--help", config='language = "nl"\n', LANG="en_US.UTF-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("gebruik: pleio-tui sync [-h] [--site NAAM|URL | --all]")
    assert "elke site in de config, na elkaar" in done.stdout
    assert "de Pleio-site (standaard: de standaardsite van de config)" in done.stdout


def test_the_help_stays_english_in_an_english_locale(tmp_path: Path) -> None:
    done = run(tmp_path, "sync", "--help", LANG="en_GB.UTF-8")
    assert done.stdout.startswith("usage: pleio-tui sync [-h] [--site NAME|URL | --all]")
    assert "every site in the config, in turn" in done.stdout
    assert "gebruik" not in done.stdout


@pytest.mark.parametrize(
    ("argv", "dutch"),
    [
        (["sync", "--bogus"], "pleio-tui: fout: onbekende argumenten: --bogus"),
        (
            ["post", "--group", "g", "--type", "essay"],
            "pleio-tui post: fout: argument --type: ongeldige keuze: 'essay' (kies uit",
        ),
        (["search"], "pleio-tui search: fout: deze argumenten ontbreken: ZOEKTERM"),
        (["search", "x", "--limit", "veel"], "ongeldige waarde voor int: 'veel'"),
        (["sync", "--all", "--site", "x"], "argument --site: niet samen met argument --all"),
    ],
)
def test_usage_errors_are_dutch(tmp_path: Path, argv: list[str], dutch: str) -> None:
    done = run(tmp_path, *argv, LANG="nl_NL.UTF-8")
    assert done.returncode == 2
    assert done.stderr.startswith("gebruik: pleio-tui")
    assert dutch in done.stderr
    assert "error" not in done.stderr


def test_login_and_logout_notices_are_dutch(tmp_path: Path) -> None:
    offline = run(tmp_path, "--offline", "login", "https://pleio.example", LANG="nl_NL.UTF-8")
    assert offline.returncode == 2
    assert offline.stderr == (
        "pleio-tui: login controleert de sessie bij de site: voer het uit zonder --offline\n"
    )
    nothing = run(tmp_path, "login", "https://pleio.example", LANG="nl_NL.UTF-8")
    assert nothing.stderr == "pleio-tui: geen sessionid gegeven: er is niets bewaard\n"
    both = run(
        tmp_path, "login", "https://pleio.example", "--profile", "p", config='language = "nl"\n'
    )
    assert both.stderr == "pleio-tui: --profile hoort bij --from-browser\n"
    # The null keyring forgets without complaint.
    bound = {SESSION_ENV: "x", SESSION_SITE_ENV: "https://pleio.example"}
    logout = run(tmp_path, "logout", "https://pleio.example", LANG="nl_NL.UTF-8", **bound)
    assert logout.returncode == 0
    assert logout.stderr == (
        "Uitgelogd van https://pleio.example: de bewaarde sessie is weg\n"
        f"{SESSION_ENV} is gezet en geeft https://pleio.example nog steeds een sessie: het is "
        f"de site die {SESSION_SITE_ENV} noemt\n"
    )


def test_a_login_the_keyring_cannot_keep_is_said_in_dutch(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    """The null keyring takes the session and keeps nothing: the site accepted it."""
    done = run(tmp_path, "login", demo_site.url, stdin=f"{hadewych}\n", LANG="nl_NL.UTF-8")
    assert done.returncode == 2
    assert f"pleio-tui: {demo_site.url} neemt de sessie aan, maar hij is niet bewaard" in (
        done.stderr
    )
    assert done.stderr.rstrip().endswith("Niet ingelogd")
    assert "geen bruikbare keyring op deze machine" in done.stderr  # the reason in Dutch too
    assert f"zet in plaats daarvan {SESSION_ENV} op" in done.stderr
    assert f"en {SESSION_SITE_ENV} op het adres van de site" in done.stderr


def test_every_dutch_line_of_argparse_keeps_its_placeholders() -> None:
    import re

    def fields(text: str) -> list[str]:
        return sorted(re.findall(r"%(?:\(\w+\))?[sr]", text))

    for english, dutch in NL_ARGPARSE.items():
        assert fields(english) == fields(dutch), english
    assert all(dutch.strip() for dutch in NL.values())


def literal_tr_calls() -> list[tuple[str, str]]:
    """(where, English) for each `tr("...")` the command line makes with a
    literal, and each literal a name holds that is then given to `tr`."""
    import ast

    package = Path(__file__).resolve().parents[2] / "src" / "pleio_tui"
    found: list[tuple[str, str]] = []
    for path in [package / "cli.py", *sorted((package / "commands").glob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {
            target.id: node.value.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and node.args
            ):
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((f"{path.name}:{node.lineno}", first.value))
            elif isinstance(first, ast.Name) and first.id in constants:
                found.append((f"{path.name}:{node.lineno}", constants[first.id]))
    return found


def test_every_message_of_the_command_line_has_its_dutch_line() -> None:
    calls = literal_tr_calls()
    assert len(calls) > 80
    untranslated = {
        (where, english)
        for where, english in calls
        if english not in NL and english not in ("N", "T", "SITE", "ITEM", "BROWSER")
    }
    assert untranslated == set()


@pytest.mark.parametrize(
    ("argv", "dutch"),
    [
        (
            ["--offline", "sync"],
            "pleio-tui: synchroniseren heeft het netwerk nodig: voer het uit zonder --offline\n",
        ),
        (
            ["comment", "http://127.0.0.1:9/user/jan/profile"],
            "pleio-tui: 'http://127.0.0.1:9/user/jan/profile' is geen blog of ander item: "
            "geef de guid of het adres",
        ),
        (
            [
                "post",
                "--group",
                "g",
                "--title",
                "T",
                "/nergens/tekst.md",
                "--site",
                "http://127.0.0.1:9",
            ],
            "pleio-tui: /nergens/tekst.md kan niet worden gelezen: ",
        ),
        (
            ["post", "--group", "g", "--title", " ", "--site", "http://127.0.0.1:9"],
            "pleio-tui: de titel moet 1 tot 256 tekens lang zijn",
        ),
        (
            ["notifications", "--site", "http://127.0.0.1:9"],
            "pleio-tui: er staat nog niets in de cache voor http://127.0.0.1:9: voer",
        ),
    ],
)
def test_the_commands_refusals_are_dutch(tmp_path: Path, argv: list[str], dutch: str) -> None:
    done = run(tmp_path, *argv, LANG="nl_NL.UTF-8")
    assert done.returncode != 0
    assert done.stderr.startswith(dutch), done.stderr


def test_a_session_without_its_site_is_refused_in_dutch(tmp_path: Path) -> None:
    config = (
        'language = "nl"\n[sites.een]\nurl = "http://127.0.0.1:9"\n'
        '[sites.twee]\nurl = "http://127.0.0.1:10"\n'
    )
    for argv in (["sync", "--all"], ["sync", "--site", "een"]):
        done = run(tmp_path, *argv, config=config, **{SESSION_ENV: "x"})
        assert done.returncode == 2
        assert done.stderr == (
            f"pleio-tui: {SESSION_ENV} is gezet, maar {SESSION_SITE_ENV} noemt niet de site "
            f"waar hij voor is: zet {SESSION_SITE_ENV} op het adres van die site (https://...), "
            f"of haal {SESSION_ENV} weg; er is niets verstuurd\n"
        )
