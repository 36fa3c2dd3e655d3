"""What the command line says, in Dutch or English.

The English text is the message's id (as with gettext): a call reads as what it
says, `tr("the site cannot be reached: {why}", why=...)`, and a message without a
Dutch line stays English rather than breaking. The language is the config's
`language`, else the locale (LC_ALL, LC_MESSAGES, LANG starting with "nl"),
else English. Plain text for a terminal; values are inserted, never parsed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from typing import Literal

from pleio_tui.cli_i18n_commands import NL_ACCOUNTS, NL_COMMANDS
from pleio_tui.cli_i18n_help import NL_HELP
from pleio_tui.config import load_config
from pleio_tui.paths import AppDirs

Lang = Literal["nl", "en"]

NL: dict[str, str] = {
    # errors.py: why a site could not be reached
    "it took too long to answer": "het duurde te lang voor er antwoord kwam",
    "no connection could be made": "er kon geen verbinding worden gemaakt",
    "the connection broke off": "de verbinding werd verbroken",
    "it had an internal error": "er ging op de site iets mis",
    "its answer was garbled": "het antwoord was onleesbaar",
    "its answer was too large": "het antwoord was te groot",
    # errors.py: Pleio's error codes
    "you are not logged in": "je bent niet ingelogd",
    "it no longer exists on the site": "het bestaat niet meer op de site",
    "the group no longer exists on the site": "de groep bestaat niet meer op de site",
    "the post or group it belongs to no longer exists": (
        "het blog of de groep waar het bij hoort bestaat niet meer"
    ),
    "you may not add this there": "je mag dit daar niet toevoegen",
    "you may not change this": "je mag dit niet wijzigen",
    "you may not delete this": "je mag dit niet verwijderen",
    "the site did not accept a value (an empty or too long title?)": (
        "de site nam een waarde niet aan (een lege of te lange titel?)"
    ),
    "the site does not know this kind of item": "de site kent dit soort item niet",
    "a text is too long for the site": "een tekst is te lang voor de site",
    "you already voted this way": "je hebt al zo gestemd",
    "you are already a member of the group": "je bent al lid van de groep",
    "you are not a member of that group": "je bent geen lid van die groep",
    "you are not allowed to do this": "je mag dit niet doen",
    "the site requires two-factor login": "de site vraagt om inloggen in twee stappen",
    "the site has moved to another address": "de site is naar een ander adres verhuisd",
    "the site said {code}": "de site zei {code}",
    # errors.py: explained errors
    "the disk holding {where} is full: free some space and try again": (
        "de schijf met {where} is vol: maak ruimte vrij en probeer het opnieuw"
    ),
    "{where} cannot be written (the file, its folder or its disk is read-only): "
    "make it writable for your user and try again": (
        "{where} kan niet worden geschreven (het bestand, de map of de schijf is alleen-lezen): "
        "maak het schrijfbaar voor je gebruiker en probeer het opnieuw"
    ),
    "the site no longer accepts the stored session (expired or logged out): "
    "run `pleio-tui login SITE_URL` again": (
        "de site neemt de bewaarde sessie niet meer aan (verlopen of uitgelogd): "
        "voer `pleio-tui login SITE_URL` opnieuw uit"
    ),
    "the site cannot be reached: {why}": "de site is niet bereikbaar: {why}",
    "the site refused: {why}": "de site weigerde: {why}",
    "the site requires two-factor login and has logged the session out: turn it on "
    "for your account in the browser, then run `pleio-tui login SITE_URL` again": (
        "de site vraagt om inloggen in twee stappen en heeft de sessie uitgelogd: zet het "
        "aan voor je account in de browser en voer dan `pleio-tui login SITE_URL` opnieuw uit"
    ),
    "the site has moved to {where}: use that address (`pleio-tui login ADDRESS`)": (
        "de site is verhuisd naar {where}: gebruik dat adres (`pleio-tui login ADRES`)"
    ),
    "the site answered HTTP {status}: is this the address of a Pleio site?": (
        "de site antwoordde met HTTP {status}: is dit het adres van een Pleio-site?"
    ),
    "the site did not understand the request: "
    "it may run a Pleio version this pleio-tui does not know": (
        "de site begreep het verzoek niet: misschien draait er een Pleio-versie "
        "die deze pleio-tui niet kent"
    ),
    # sync.py
    "Synced {site} in {seconds} s: {groups} groups; items {new} new{kinds}, "
    "{updated} updated, {deleted} deleted; {comments} comments; outbox {sent} sent, "
    "{failed} failed, {waiting} waiting; {requests} requests": (
        "{site} gesynchroniseerd in {seconds} s: {groups} groepen; items {new} nieuw{kinds}, "
        "{updated} bijgewerkt, {deleted} verwijderd; {comments} reacties; outbox {sent} "
        "verstuurd, {failed} mislukt, {waiting} wachtend; {requests} verzoeken"
    ),
    "Sync stopped for {site} in {seconds} s: {groups} groups; items {new} new{kinds}, "
    "{updated} updated, {deleted} deleted; {comments} comments; outbox {sent} sent, "
    "{failed} failed, {waiting} waiting; {requests} requests": (
        "Synchroniseren van {site} gestopt na {seconds} s: {groups} groepen; items {new} "
        "nieuw{kinds}, {updated} bijgewerkt, {deleted} verwijderd; {comments} reacties; "
        "outbox {sent} verstuurd, {failed} mislukt, {waiting} wachtend; {requests} verzoeken"
    ),
    # sync.py: the kinds of the new items, and new notifications
    "blogs": "blogs",
    "discussions": "discussies",
    "questions": "vragen",
    "news": "nieuws",
    "events": "evenementen",
    "wiki pages": "wikipagina's",
    "status updates": "statusupdates",
    "files": "bestanden",
    "folders": "mappen",
    "1 new notification": "1 nieuwe melding",
    "{n} new notifications": "{n} nieuwe meldingen",
    "an outbox item": "een item in de outbox",
    "outbox item {id} ({kind} {what})": "outbox-item {id} ({kind} {what})",
    "Rejected: {item}: {reason}": "Geweigerd: {item}: {reason}",
    "sync needs the network: run it without --offline": (
        "synchroniseren heeft het netwerk nodig: voer het uit zonder --offline"
    ),
    "not logged in to {site}: run `pleio-tui login {site}` (or set {variable})": (
        "niet ingelogd op {site}: voer `pleio-tui login {site}` uit (of zet {variable})"
    ),
    "another pleio-tui was sending the outbox; this sync sent nothing": (
        "een andere pleio-tui verstuurde de outbox; deze synchronisatie verstuurde niets"
    ),
    "1 item in the outbox waits for the account that wrote it ({who}); it is sent "
    "once that account is logged in again": (
        "1 item in de outbox wacht op het account dat het schreef ({who}); het wordt "
        "verstuurd zodra dat account weer is ingelogd"
    ),
    "{n} items in the outbox wait for the account that wrote them ({who}); they are "
    "sent once that account is logged in again": (
        "{n} items in de outbox wachten op het account dat ze schreef ({who}); ze worden "
        "verstuurd zodra dat account weer is ingelogd"
    ),
    "{site} cannot be reached ({why}); what was fetched so far is kept, "
    "and the outbox waits for the next sync": (
        "{site} is niet bereikbaar ({why}); wat al is opgehaald blijft bewaard, en de "
        "outbox wacht op de volgende synchronisatie"
    ),
    "{site} no longer accepts the session: run `pleio-tui login {site}`": (
        "{site} neemt de sessie niet meer aan: voer `pleio-tui login {site}` uit"
    ),
    # writing.py (post and comment)
    "the post": "het blog",
    "the comment": "de reactie",
    "the reply": "het antwoord",
    "your text is in {where}": "je tekst staat in {where}",
    "your text follows on standard output": "je tekst volgt op standaarduitvoer",
    "{why}; nothing was sent or queued; {kept}": (
        "{why}; er is niets verstuurd of in de outbox gezet; {kept}"
    ),
    "{thing} has no text to show: nothing was sent or queued": (
        "{thing} heeft geen tekst om te tonen: er is niets verstuurd of in de outbox gezet"
    ),
    "; what you wrote is kept as a draft": "; wat je schreef is bewaard als concept",
    "Queued for {where} (offline): `pleio-tui sync` sends it later": (
        "In de outbox voor {where} (offline): `pleio-tui sync` verstuurt het later"
    ),
    "Queued for {where}, but not logged in to {site}: run `pleio-tui login {site}` "
    "(or set {variable}), then `pleio-tui sync`": (
        "In de outbox voor {where}, maar niet ingelogd op {site}: voer `pleio-tui login "
        "{site}` uit (of zet {variable}), daarna `pleio-tui sync`"
    ),
    "{why}; {thing} waits in the outbox": "{why}; {thing} wacht in de outbox",
    "Rejected: {why}. {thing} is kept in the outbox as failed (and as a draft)": (
        "Geweigerd: {why}. {thing} blijft als mislukt in de outbox (en als concept)"
    ),
    "Rejected: {why}. {thing} is kept in the outbox as failed": (
        "Geweigerd: {why}. {thing} blijft als mislukt in de outbox"
    ),
    "Queued: another pleio-tui is sending the outbox now; it or the next sync sends it": (
        "In de outbox: een andere pleio-tui verstuurt de outbox nu; die of de volgende "
        "synchronisatie verstuurt het"
    ),
    "Queued: {site} no longer accepts the session: run `pleio-tui login {site}`, "
    "then `pleio-tui sync` sends it": (
        "In de outbox: {site} neemt de sessie niet meer aan: voer `pleio-tui login {site}` "
        "uit, daarna verstuurt `pleio-tui sync` het"
    ),
    "no answer": "geen antwoord",
    "Queued: the site cannot be reached ({why}); `pleio-tui sync` sends it later": (
        "In de outbox: de site is niet bereikbaar ({why}); `pleio-tui sync` verstuurt het later"
    ),
    # search.py
    "--limit must be 1 or more": "--limit moet 1 of meer zijn",
    "nothing is cached for {site} yet: run `pleio-tui sync`": (
        "er staat nog niets in de cache voor {site}: voer `pleio-tui sync` uit"
    ),
    "No cached post matches {query}": "Geen blog in de cache past bij {query}",
    # demo.py
    "Demo site on {url} (logins hadewych, jan, admin; password demo)": (
        "Demosite op {url} (inloggen als hadewych, jan of admin; wachtwoord demo)"
    ),
    **NL_HELP,
    **NL_ACCOUNTS,
    **NL_COMMANDS,
}


def language_of(config_language: str | None, environ: Mapping[str, str]) -> Lang:
    if config_language in ("nl", "en"):
        return config_language  # type: ignore[return-value]
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"


@cache
def cli_language() -> Lang:
    """The language of this run of the command line (read once)."""
    config_language: str | None = None
    try:
        config_language = load_config(AppDirs.default().config_file).language
    except Exception:  # a config that cannot be read is said elsewhere; here: the locale
        config_language = None
    return language_of(config_language, os.environ)


def tr(english: str, **values: object) -> str:
    """`english` in the language of this run, with `values` filled in."""
    template = NL.get(english, english) if cli_language() == "nl" else english
    return template.format(**values) if values else template
