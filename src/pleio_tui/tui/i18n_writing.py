"""Messages about keeping what the user writes, in Dutch and English: a cache that
cannot be written, an empty text, an item waiting in the outbox, the site coming
back. Merged into the tables of `i18n`; plain text, never markup."""

from __future__ import annotations

STORAGE_ERROR_CODES = (
    "cache_full",
    "cache_read_only",
    "cache_open",
    "cache_io",
    "cache_replaced",
)

NL_WRITING: dict[str, str] = {
    "error.cache_full": "De schijf met de cache is vol: maak ruimte vrij.",
    "error.cache_read_only": "De cache kan niet worden geschreven (alleen-lezen bestand of map).",
    "error.cache_open": "De cache kan niet worden geopend.",
    "error.cache_io": "Lezen of schrijven van de cache mislukte (een schijffout).",
    "error.cache_replaced": "De cache is verwijderd of vervangen terwijl pleio-tui liep.",
    "storage.where": "{message} (bestand: {path})",
    "notice.draft_in_memory": (
        "Concept niet opgeslagen: {reason} Het blijft in het geheugen en wordt opgeslagen "
        "zodra er weer geschreven kan worden (bijvoorbeeld als de schijf weer ruimte heeft)."
    ),
    "notice.drafts_saved_again": "De concepten uit het geheugen zijn nu opgeslagen.",
    "notice.not_queued": "Niet in de outbox gezet: {reason} Je tekst blijft staan.",
    "notice.cache_restarted": (
        "De cache {path} was verwijderd of vervangen; er is een nieuwe begonnen, met je "
        "concepten en wat nog verstuurd moet worden."
    ),
    "notice.back_online": "De site is weer bereikbaar; de outbox wordt verstuurd.",
    "confirm.quit_drafts_in_memory.one": (
        "1 concept staat alleen in het geheugen (de cache kan niet worden geschreven) "
        "en gaat verloren. Toch stoppen?"
    ),
    "confirm.quit_drafts_in_memory.other": (
        "{n} concepten staan alleen in het geheugen (de cache kan niet worden geschreven) "
        "en gaan verloren. Toch stoppen?"
    ),
    "composer.blank": "Er is niets te versturen: de tekst is leeg of laat niets zien.",
    "new_post.body_blank": "Het blog heeft nog geen tekst die iets laat zien.",
    "post.waiting": "⏳ wacht op verzending",
    "notice.outbox_busy": (
        "Een ander pleio-tui-proces verstuurt de outbox nu; wat hier wacht, verstuurt "
        "dat proces of de volgende sync."
    ),
    "notice.for_others.one": (
        "1 item in de outbox wacht op het account dat het schreef ({who}); het wordt "
        "verstuurd zodra dat account weer is ingelogd."
    ),
    "notice.for_others.other": (
        "{n} items in de outbox wachten op het account dat ze schreef ({who}); ze worden "
        "verstuurd zodra dat account weer is ingelogd."
    ),
    "outbox.for_other": "wacht op het account van {name}",
    "composer.external_images": (
        "Afbeeldingen van een andere site gaan als link mee, niet als afbeelding: "
        "{images}. Druk nogmaals {send} om zo te versturen."
    ),
}

EN_WRITING: dict[str, str] = {
    "error.cache_full": "The disk holding the cache is full: free some space.",
    "error.cache_read_only": "The cache cannot be written (read-only file or folder).",
    "error.cache_open": "The cache cannot be opened.",
    "error.cache_io": "Reading or writing the cache failed (a disk error).",
    "error.cache_replaced": "The cache was deleted or replaced while pleio-tui ran.",
    "storage.where": "{message} (file: {path})",
    "notice.draft_in_memory": (
        "Draft not saved: {reason} It is kept in memory and will be saved as soon as "
        "writing works again (for instance when the disk has room)."
    ),
    "notice.drafts_saved_again": "The drafts kept in memory are saved now.",
    "notice.not_queued": "Not put in the outbox: {reason} Your text stays where it is.",
    "notice.cache_restarted": (
        "The cache {path} was deleted or replaced; a new one was started, with your "
        "drafts and what still has to be sent."
    ),
    "notice.back_online": "The site answers again; sending the outbox.",
    "confirm.quit_drafts_in_memory.one": (
        "1 draft is only in memory (the cache cannot be written) and will be lost. Quit anyway?"
    ),
    "confirm.quit_drafts_in_memory.other": (
        "{n} drafts are only in memory (the cache cannot be written) and will be lost. Quit anyway?"
    ),
    "composer.blank": "Nothing to send: the text is empty or shows nothing.",
    "new_post.body_blank": "The blog has no text that shows anything yet.",
    "post.waiting": "⏳ waiting to be sent",
    "notice.outbox_busy": (
        "Another pleio-tui process is sending the outbox now; it or the next sync "
        "sends what waits here."
    ),
    "notice.for_others.one": (
        "1 item in the outbox waits for the account that wrote it ({who}); it is sent "
        "once that account is logged in again."
    ),
    "notice.for_others.other": (
        "{n} items in the outbox wait for the account that wrote them ({who}); they are "
        "sent once that account is logged in again."
    ),
    "outbox.for_other": "waits for {name}'s account",
    "composer.external_images": (
        "Images from another site go as links, not as images: {images}. "
        "Press {send} again to send it so."
    ),
}
