"""Messages about several sites and visitors, in Dutch and English: the site
switcher, reading without an account, and an expired session read again from
the browser. Merged into the tables of `i18n`; plain text, never markup."""

from __future__ import annotations

NL_SITES: dict[str, str] = {
    "key.app.sites": "Wissel van site",
    "sites.heading": "Sites",
    "sites.explain": "enter wisselt naar de gekozen site; escape sluit.",
    "sites.current": "huidige",
    "sites.not_synced": "nog niet gesynchroniseerd",
    "sites.unread.one": "1 ongelezen",
    "sites.unread.other": "{n} ongelezen",
    "sites.waiting.one": "1 in de outbox",
    "sites.waiting.other": "{n} in de outbox",
    "sites.failed.one": "1 mislukt",
    "sites.failed.other": "{n} mislukt",
    "sites.visitor": "bezoeker",
    "sites.unreadable": "cache niet leesbaar",
    "sites.none": "Er staat maar één site in de configuratie: voeg er een toe met "
    "`pleio-tui login ADRES --name NAAM`.",
    "notice.switched": "Nu op {site}.",
    "notice.visitors_cannot_write": "Alleen ingelogde gebruikers kunnen schrijven op {site}, "
    "net als op Pleio.",
    "confirm.log_in_to_write": "Alleen ingelogde gebruikers kunnen schrijven op {site}. "
    "Nu inloggen?",
    "login.anonymous": "Lezen zonder account",
    "expired.from_browser": "Opnieuw lezen uit {browser}",
    "expired.browser_failed": "Uit {browser} lezen mislukte: {reason}",
}

EN_SITES: dict[str, str] = {
    "key.app.sites": "Switch site",
    "sites.heading": "Sites",
    "sites.explain": "enter switches to the chosen site; escape closes.",
    "sites.current": "current",
    "sites.not_synced": "not synced yet",
    "sites.unread.one": "1 unread",
    "sites.unread.other": "{n} unread",
    "sites.waiting.one": "1 in the outbox",
    "sites.waiting.other": "{n} in the outbox",
    "sites.failed.one": "1 failed",
    "sites.failed.other": "{n} failed",
    "sites.visitor": "visitor",
    "sites.unreadable": "cache cannot be read",
    "sites.none": "The config holds one site: add another with "
    "`pleio-tui login ADDRESS --name NAME`.",
    "notice.switched": "Now on {site}.",
    "notice.visitors_cannot_write": "Only logged-in users can write on {site}, as on Pleio.",
    "confirm.log_in_to_write": "Only logged-in users can write on {site}. Log in now?",
    "login.anonymous": "Read without an account",
    "expired.from_browser": "Read again from {browser}",
    "expired.browser_failed": "Reading from {browser} failed: {reason}",
}
