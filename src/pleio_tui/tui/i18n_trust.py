"""Giving up an outbox item whose fate cannot be told, in Dutch and English.
Merged into the tables of `i18n`; plain text, never markup."""

from __future__ import annotations

NL_TRUST: dict[str, str] = {
    "key.outbox.give_up": "Stoppen met versturen van een onbevestigd item (met bevestiging)",
    "outbox.state.given_up": "opgegeven",
    "outbox.hint.give_up": "{give_up} stoppen met versturen",
    "outbox.given_up_detail": "misschien wel op de site: kijk daar na",
    "confirm.give_up": (
        "Dit item niet meer versturen? Het KAN de site al hebben bereikt: kijk daar of "
        "het er staat. De tekst blijft bewaard, hier als opgegeven en als concept, en "
        "wordt nooit meer verstuurd."
    ),
    "notice.given_up": (
        "Opgegeven: het wordt niet meer verstuurd. Het kan al op de site staan; de tekst "
        "staat nog in de outbox en als concept."
    ),
    "notice.give_up_busy": (
        "Er wordt nu verstuurd (door deze of een andere pleio-tui); probeer het zo opnieuw."
    ),
    "notice.give_up_not_sending": (
        "Alleen een item dat onderweg is kan worden opgegeven; een wachtend of mislukt "
        "item kun je weggooien."
    ),
    "notice.discard_sending": (
        "Dit item is onderweg en kan de site al hebben bereikt: geef het op in plaats "
        "van het weg te gooien."
    ),
}

EN_TRUST: dict[str, str] = {
    "key.outbox.give_up": "Stop sending an unconfirmed item (asks first)",
    "outbox.state.given_up": "given up",
    "outbox.hint.give_up": "{give_up} stop sending",
    "outbox.given_up_detail": "may be on the site: check there",
    "confirm.give_up": (
        "Stop sending this item? It MAY have reached the site already: check whether "
        "it is there. Its text is kept, here as given up and as a draft, and it is "
        "never sent again."
    ),
    "notice.given_up": (
        "Given up: it is not sent again. It may already be on the site; its text is "
        "still in the outbox and in the draft."
    ),
    "notice.give_up_busy": (
        "The outbox is being sent right now (by this or another pleio-tui); try again in a moment."
    ),
    "notice.give_up_not_sending": (
        "Only an item on its way can be given up; discard a waiting or failed one."
    ),
    "notice.discard_sending": (
        "This item is on its way and may have reached the site: give it up instead of "
        "discarding it."
    ),
}
