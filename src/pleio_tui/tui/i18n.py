"""Everything the interface says, in Dutch and in English, plus dates and ages.

One table per language, the same message ids in both (a test checks it). Values
put into a message (`{title}`, `{name}`) are remote text: they are flattened to one
line and stripped of what `terminal_safe` removes (controls, escapes, bidi and
invisible characters) here, but the result is still plain text. Show it as
`Content`/`Text`, never as markup.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from pleio_tui.richtext.terminal import terminal_safe
from pleio_tui.tui.i18n_content import EN_CONTENT, NL_CONTENT
from pleio_tui.tui.i18n_inbox import EN_INBOX, NL_INBOX
from pleio_tui.tui.i18n_kinds import EN_KINDS, NL_KINDS
from pleio_tui.tui.i18n_reader import EN_READER, NL_READER
from pleio_tui.tui.i18n_refresh import EN_REFRESH, NL_REFRESH
from pleio_tui.tui.i18n_sites import EN_SITES, NL_SITES
from pleio_tui.tui.i18n_threads import EN_THREADS, NL_THREADS
from pleio_tui.tui.i18n_trust import EN_TRUST, NL_TRUST
from pleio_tui.tui.i18n_writing import EN_WRITING, NL_WRITING, STORAGE_ERROR_CODES
from pleio_tui.tui.render import ages as _ages

Lang = Literal["nl", "en"]
LANGUAGES: tuple[Lang, ...] = ("nl", "en")
DEFAULT_LANGUAGE: Lang = "nl"

PLEIO_ERROR_CODES = (
    "not_logged_in",
    "could_not_find",
    "could_not_find_group",
    "could_not_add",
    "could_not_save",
    "could_not_delete",
    "invalid_value",
    "invalid_subtype",
    "text_too_long",
    "already_voted",
    "already_member_of_group",
    "user_not_member_of_group",
    "not_authorized",
    "NO_CONTAINER_GUID",
)
CLIENT_ERROR_CODES = (
    "offline",
    "session_expired",
    "logged_out",
    "bad_request",
    "unexpected_response",
    "two_factor_required",
    "moved",
    "response_too_large",
    "cache_busy",
    "cache_corrupt",
    *STORAGE_ERROR_CODES,
    "unknown",
)

NL: dict[str, str] = {
    # panes
    "pane.groups": "Groepen",
    "pane.feed": "Blogs",
    "pane.post": "Blog",
    "pane.composer": "Reactie",
    "pane.search": "Zoeken in de cache",
    "pane.outbox": "Outbox",
    "empty.groups": "Nog geen groepen. Druk op r om te synchroniseren.",
    "empty.groups_offline": "Nog niets in de cache. Synchroniseer zodra je online bent.",
    "empty.feed": "Geen blogs in deze groep.",
    "empty.post": "Kies een blog om te lezen.",
    "empty.comments": "Nog geen reacties.",
    "empty.search": "Niets gevonden voor {query}.",
    "empty.outbox": "De outbox is leeg: alles is verstuurd.",
    "search.placeholder": "Zoek in blogs en reacties",
    # what a post and a feed row say
    "post.byline": "Door {author} {age}",
    "post.byline_group": "Door {author} in de groep {group} {age}",
    "post.comments.one": "1 reactie",
    "post.comments.other": "{n} reacties",
    "post.votes.one": "1 stem",
    "post.votes.other": "{n} stemmen",
    "post.bookmarked": "bewaard",
    "post.archived": "gearchiveerd",
    "post.unread": "nieuw",
    "post.not_cached": "Dit blog staat niet in de cache.",
    # status bar
    "status.online": "online",
    "status.offline": "offline",
    "status.syncing": "synchroniseren",
    "status.syncing_progress": "synchroniseren {done}/{total}",
    "status.outbox": "outbox {n}",
    "status.failed": "{n} mislukt",
    "status.not_logged_in": "niet ingelogd",
    "status.language": "NL",
    # notices
    "notice.synced": "Bijgewerkt.",
    "notice.sync_failed": "Synchroniseren mislukt: {reason}",
    "notice.queued": "In de outbox gezet; het gaat mee zodra je online bent.",
    "notice.sent": "Verstuurd.",
    "notice.send_failed": "Niet verstuurd: {reason}. Je tekst staat in de outbox.",
    "notice.link_copied": "Link gekopieerd.",
    "notice.opened_in_browser": "Geopend in de browser.",
    "notice.voted": "Gestemd.",
    "notice.bookmarked": "Bewaard.",
    "notice.unbookmarked": "Niet meer bewaard.",
    "notice.joined": "Je bent lid van {name}.",
    "notice.join_requested": "Lidmaatschap van {name} aangevraagd.",
    "notice.left": "Je bent geen lid meer van {name}.",
    "notice.discarded": "Weggegooid.",
    "notice.language": "Taal: Nederlands",
    "notice.keymap_problem": "Toetsen in de configuratie: {problem}",
    # confirmations
    "confirm.title": "Weet je het zeker?",
    "confirm.yes": "Ja",
    "confirm.no": "Nee",
    "confirm.join_group": "Lid worden van de groep {name}?",
    "confirm.request_membership": "Lidmaatschap aanvragen bij de besloten groep {name}?",
    "confirm.leave_group": "De groep {name} verlaten?",
    "confirm.discard_outbox": "Dit onverzonden item weggooien? De tekst gaat verloren.",
    "confirm.quit_unsent.one": "Er staat nog 1 onverzonden item in de outbox. Toch afsluiten?",
    "confirm.quit_unsent.other": "Er staan nog {n} onverzonden items in de outbox. Toch afsluiten?",
    "confirm.discard_draft": "Dit concept weggooien?",
    # composer
    "composer.comment_on": "Reactie op {title}",
    "composer.reply_to": "Antwoord aan {author}",
    "composer.edit": "Bewerken: {title}",
    "composer.placeholder": "Schrijf in Markdown…",
    "composer.hint": "{send} versturen · {leave} concept bewaren · {editor} in $EDITOR",
    "composer.empty": "Er is niets te versturen: de tekst is leeg.",
    "composer.draft_kept": "Concept bewaard.",
    "composer.editor_failed": "De editor gaf een fout ({detail}); je tekst is bewaard.",
    "composer.editor_unavailable": "Een externe editor kan hier niet draaien.",
    # new post
    "new_post.heading": "Nieuw blog in {group}",
    "new_post.title": "Titel",
    "new_post.title_placeholder": "Titel van het blog",
    "new_post.body": "Tekst (Markdown)",
    "new_post.hint": "{send} versturen · {leave} concept bewaren",
    "new_post.title_empty": "Geef het blog een titel.",
    "new_post.title_too_long": "De titel is te lang: {n} tekens, hooguit {max}.",
    # login
    "login.heading": "Inloggen bij {site}",
    "login.heading_no_site": "Inloggen",
    "login.explain": (
        "Log in op de site in je browser, open de ontwikkelhulpmiddelen, kopieer de "
        "waarde van de cookie sessionid en plak die hier."
    ),
    "login.site": "Adres van de site",
    "login.session": "sessionid",
    "login.submit": "Inloggen",
    "login.cancel": "Annuleren",
    "login.url_empty": "Geef het adres van de site, bijvoorbeeld https://gemeente.pleio.nl.",
    "login.url_scheme": "Een site-adres begint met https:// (of http://).",
    "login.url_no_host": "Er staat geen servernaam in het adres.",
    "login.url_credentials": (
        "Zet geen gebruikersnaam of wachtwoord in het adres; plak de sessionid hieronder."
    ),
    "login.url_insecure": (
        "Let op: zonder https gaat je sessie onversleuteld over het netwerk naar {host}."
    ),
    "login.url_insecure_refused": (
        "{host} via gewoon http zou je sessie onversleuteld versturen: gebruik https://, "
        "of zet allow_insecure_http = true in de config als het moet. Er is niets verstuurd."
    ),
    "login.session_empty": "Plak de waarde van de cookie sessionid.",
    "login.session_invalid": "Deze sessionid bevat tekens die een cookie niet kan hebben.",
    "login.checking": "Sessie controleren…",
    # help
    "help.heading": "Toetsen",
    "help.close": "escape of ? sluit deze hulp",
    "help.section.app": "Overal",
    "help.section.list": "Lijsten",
    "help.section.post": "Blogs en reacties",
    "help.section.outbox": "Outbox",
    "help.section.composer": "Schrijven",
    "help.section.dialog": "Vragen",
    # one line per key binding (ids from keys.py)
    "key.pane.next": "Volgend paneel",
    "key.pane.prev": "Vorig paneel",
    "key.app.search": "Zoeken in de cache",
    "key.app.sync": "Nu synchroniseren",
    "key.app.language": "Nederlands / Engels",
    "key.app.help": "Deze hulp",
    "key.app.palette": "Opdrachtenpalet",
    "key.app.outbox": "Outbox tonen",
    "key.app.quit": "Afsluiten",
    "key.list.down": "Omlaag",
    "key.list.up": "Omhoog",
    "key.list.open": "Openen",
    "key.list.first": "Naar het begin",
    "key.group.filter_done": "Van het filter terug naar de lijst",
    "key.search.to_hits": "Van de zoekvraag naar de treffers",
    "key.list.page_down": "Een scherm omlaag",
    "key.list.page_up": "Een scherm omhoog",
    "key.post.down": "Tekst omlaag",
    "key.post.up": "Tekst omhoog",
    "key.post.page_down": "Tekst een scherm omlaag",
    "key.post.page_up": "Tekst een scherm omhoog",
    "key.post.top": "Naar het begin van het blog",
    "key.post.bottom": "Naar het eind van het blog",
    "key.list.last": "Naar het eind",
    "key.post.new": "Nieuw blog, discussie, vraag of statusupdate in deze groep",
    "key.post.comment": "Reageren op het blog",
    "key.post.reply": "Antwoorden op de gekozen reactie",
    "key.post.edit": "Eigen blog bewerken, of de eigen reactie onder de cursor",
    "key.post.vote_up": "Stem voor (op de reactie onder de cursor, of het blog)",
    "key.post.vote_down": "Stem tegen (op de reactie onder de cursor, of het blog)",
    "key.post.bookmark": "Bewaren",
    "key.post.open_browser": "Openen in de browser",
    "key.post.copy_link": "Link kopiëren",
    "key.post.next_comment": "Volgende reactie",
    "key.post.prev_comment": "Vorige reactie",
    "key.group.join": "Lid worden van de groep / groep verlaten",
    "key.group.filter": "Groepen filteren op naam",
    "key.outbox.discard": "Mislukt item weggooien (met bevestiging)",
    "key.composer.send": "Versturen",
    "key.composer.leave": "Editor verlaten, concept bewaren",
    "key.composer.editor": "Bewerken in $EDITOR",
    "key.confirm.yes": "Ja",
    "key.confirm.no": "Nee",
    "key.screen.close": "Sluiten",
    # the [keys] section of the config
    "keymap.unknown_id": "onbekende toets-id {id}",
    "keymap.did_you_mean": " (bedoel je {id}?)",
    "keymap.bad_keys": "{id} = {value} is geen toets of lijst van toetsen",
    "keymap.clash": "{id} = {value} botst met {other}; de standaardtoets blijft",
    # languages
    "language.nl": "Nederlands",
    "language.en": "Engels",
    # errors: Pleio's codes
    "error.not_logged_in": "Je bent niet ingelogd, of je sessie is verlopen.",
    "error.could_not_find": "Niet gevonden: het is verwijderd of je mag het niet zien.",
    "error.could_not_find_group": "Die groep bestaat niet (meer).",
    "error.could_not_add": (
        "Toevoegen lukte niet: je mag hier niets plaatsen."
        " Hoort het bij een groep, word dan eerst lid."
    ),
    "error.could_not_save": "Opslaan lukte niet: je mag dit niet wijzigen.",
    "error.could_not_delete": "Verwijderen lukte niet: je mag dit niet verwijderen.",
    "error.invalid_value": "De site wees een waarde af (bijvoorbeeld een lege titel).",
    "error.invalid_subtype": "De site kent dit soort inhoud niet.",
    "error.text_too_long": "Te lang voor de site: maak de tekst korter.",
    "error.already_voted": "Je hebt hier al op gestemd.",
    "error.already_member_of_group": "Je bent al lid van deze groep.",
    "error.user_not_member_of_group": "Alleen leden van de groep kunnen dit zien of doen.",
    "error.not_authorized": "Je hebt hier geen toestemming voor.",
    "error.NO_CONTAINER_GUID": "Er is geen groep of blog opgegeven om dit in te plaatsen.",
    # errors: the client's own codes
    "error.offline": "De site is niet bereikbaar. Je leest uit de cache.",
    "error.session_expired": "Je sessie is verlopen. Log opnieuw in.",
    "error.logged_out": (
        "Je bent uitgelogd (pleio-tui logout): er gaat niets meer naar de site onder "
        "jouw naam tot je weer inlogt."
    ),
    "error.bad_request": "De site begreep het verzoek niet (een fout in pleio-tui).",
    "error.unexpected_response": "De site gaf een onverwacht antwoord. Klopt het adres?",
    "error.two_factor_required": (
        "De site vraagt tweestapsverificatie. Zet die aan in je browser en log opnieuw in."
    ),
    "error.moved": "De site is verhuisd naar een ander adres. Log in op het nieuwe adres.",
    "error.response_too_large": "Het antwoord van de site was te groot om te lezen.",
    "error.cache_busy": "De cache is bezet door een ander pleio-tui-proces.",
    "error.cache_corrupt": "De cache is beschadigd; zet het bestand opzij en synchroniseer.",
    "error.unknown": "Onbekende fout van de site: {code}",
    "groups.all": "Alle groepen",
    "groups.filter_placeholder": "Filter (f)",
    "groups.members.one": "1 lid",
    "groups.members.other": "{n} leden",
    "groups.unread": "{n} nieuw",
    "groups.closed": "besloten",
    "feed.all": "Alle blogs",
    "search.in_comment": "in een reactie",
    "post.untitled": "(zonder titel)",
    "outbox.kind.blog": "Nieuw blog",
    "outbox.kind.edit_blog": "Bewerking",
    "outbox.kind.comment": "Reactie",
    "outbox.kind.vote": "Stem",
    "outbox.kind.bookmark": "Bewaren",
    "outbox.state.pending": "wacht",
    "outbox.state.sending": "onderweg",
    "outbox.state.sent": "verstuurd",
    "outbox.state.failed": "mislukt",
    "outbox.hint": "{retry} opnieuw proberen · {discard} weggooien · {close} sluiten",
    "outbox.retried": "Gaat opnieuw mee bij de volgende synchronisatie.",
    "notice.no_post": "Open eerst een blog.",
    "notice.no_comment": "Kies eerst een reactie met J of K.",
    "notice.no_group": "Kies eerst een groep.",
    "notice.not_editable": "Dit blog mag je niet bewerken.",
    "notice.no_site": "Nog geen site: log eerst in.",
    "notice.logged_in": "Ingelogd als {name}.",
    "notice.plain_http": "Let op: {site} is gewoon http; je sessie gaat onversleuteld mee.",
    "notice.session_not_saved": (
        "Ingelogd voor nu, maar de sessie is niet bewaard: deze machine heeft geen "
        "bruikbare keyring ({reason}). Zet PLEIO_TUI_SESSION op de waarde van "
        "sessionid en PLEIO_TUI_SESSION_SITE op {site} om de volgende keer ingelogd te zijn."
    ),
    "notice.session_unbound": (
        "PLEIO_TUI_SESSION is gezet, maar PLEIO_TUI_SESSION_SITE noemt niet de site waar "
        "hij voor is: hij wordt niet verstuurd. Zet PLEIO_TUI_SESSION_SITE op het adres "
        "van die site, of log hier in."
    ),
    **NL_WRITING,
    **NL_KINDS,
    **NL_SITES,
    **NL_THREADS,
    **NL_INBOX,
    **NL_REFRESH,
    **NL_READER,
    **NL_CONTENT,
    **NL_TRUST,
}

EN: dict[str, str] = {
    "pane.groups": "Groups",
    "pane.feed": "Blogs",
    "pane.post": "Blog",
    "pane.composer": "Comment",
    "pane.search": "Search the cache",
    "pane.outbox": "Outbox",
    "empty.groups": "No groups yet. Press r to sync.",
    "empty.groups_offline": "Nothing cached yet. Sync once you are online.",
    "empty.feed": "No blogs in this group.",
    "empty.post": "Choose a blog to read.",
    "empty.comments": "No comments yet.",
    "empty.search": "Nothing found for {query}.",
    "empty.outbox": "The outbox is empty: everything has been sent.",
    "search.placeholder": "Search blogs and comments",
    "post.byline": "By {author} {age}",
    "post.byline_group": "By {author} in the group {group} {age}",
    "post.comments.one": "1 comment",
    "post.comments.other": "{n} comments",
    "post.votes.one": "1 vote",
    "post.votes.other": "{n} votes",
    "post.bookmarked": "bookmarked",
    "post.archived": "archived",
    "post.unread": "new",
    "post.not_cached": "This blog is not in the cache.",
    "status.online": "online",
    "status.offline": "offline",
    "status.syncing": "syncing",
    "status.syncing_progress": "syncing {done}/{total}",
    "status.outbox": "outbox {n}",
    "status.failed": "{n} failed",
    "status.not_logged_in": "not logged in",
    "status.language": "EN",
    "notice.synced": "Up to date.",
    "notice.sync_failed": "Sync failed: {reason}",
    "notice.queued": "Put in the outbox; it goes out once you are online.",
    "notice.sent": "Sent.",
    "notice.send_failed": "Not sent: {reason}. Your text is in the outbox.",
    "notice.link_copied": "Link copied.",
    "notice.opened_in_browser": "Opened in the browser.",
    "notice.voted": "Voted.",
    "notice.bookmarked": "Bookmarked.",
    "notice.unbookmarked": "Bookmark removed.",
    "notice.joined": "You are a member of {name}.",
    "notice.join_requested": "Membership of {name} requested.",
    "notice.left": "You left {name}.",
    "notice.discarded": "Discarded.",
    "notice.language": "Language: English",
    "notice.keymap_problem": "Keys in the config: {problem}",
    "confirm.title": "Are you sure?",
    "confirm.yes": "Yes",
    "confirm.no": "No",
    "confirm.join_group": "Join the group {name}?",
    "confirm.request_membership": "Request membership of the closed group {name}?",
    "confirm.leave_group": "Leave the group {name}?",
    "confirm.discard_outbox": "Discard this unsent item? Its text will be lost.",
    "confirm.quit_unsent.one": "1 unsent item is still in the outbox. Quit anyway?",
    "confirm.quit_unsent.other": "{n} unsent items are still in the outbox. Quit anyway?",
    "confirm.discard_draft": "Discard this draft?",
    "composer.comment_on": "Comment on {title}",
    "composer.reply_to": "Reply to {author}",
    "composer.edit": "Editing: {title}",
    "composer.placeholder": "Write in Markdown…",
    "composer.hint": "{send} send · {leave} keep draft · {editor} in $EDITOR",
    "composer.empty": "Nothing to send: the text is empty.",
    "composer.draft_kept": "Draft kept.",
    "composer.editor_failed": "The editor failed ({detail}); your text is kept.",
    "composer.editor_unavailable": "An external editor cannot run here.",
    "new_post.heading": "New blog in {group}",
    "new_post.title": "Title",
    "new_post.title_placeholder": "Title of the blog",
    "new_post.body": "Text (Markdown)",
    "new_post.hint": "{send} send · {leave} keep draft",
    "new_post.title_empty": "Give the blog a title.",
    "new_post.title_too_long": "The title is too long: {n} characters, at most {max}.",
    "login.heading": "Log in to {site}",
    "login.heading_no_site": "Log in",
    "login.explain": (
        "Log in to the site in your browser, open the developer tools, copy the value "
        "of the cookie sessionid and paste it here."
    ),
    "login.site": "Site address",
    "login.session": "sessionid",
    "login.submit": "Log in",
    "login.cancel": "Cancel",
    "login.url_empty": "Give the site's address, for example https://gemeente.pleio.nl.",
    "login.url_scheme": "A site address starts with https:// (or http://).",
    "login.url_no_host": "The address has no host name.",
    "login.url_credentials": (
        "Leave the user name and password out of the address; paste the sessionid below."
    ),
    "login.url_insecure": "Careful: without https your session travels unencrypted to {host}.",
    "login.url_insecure_refused": (
        "{host} over plain http would send your session unencrypted: use https://, or set "
        "allow_insecure_http = true in the config if you must. Nothing was sent."
    ),
    "login.session_empty": "Paste the value of the cookie sessionid.",
    "login.session_invalid": "This sessionid has characters a cookie cannot hold.",
    "login.checking": "Checking the session…",
    "help.heading": "Keys",
    "help.close": "escape or ? closes this help",
    "help.section.app": "Everywhere",
    "help.section.list": "Lists",
    "help.section.post": "Blogs and comments",
    "help.section.outbox": "Outbox",
    "help.section.composer": "Writing",
    "help.section.dialog": "Questions",
    "key.pane.next": "Next pane",
    "key.pane.prev": "Previous pane",
    "key.app.search": "Search the cache",
    "key.app.sync": "Sync now",
    "key.app.language": "Dutch / English",
    "key.app.help": "This help",
    "key.app.palette": "Command palette",
    "key.app.outbox": "Show the outbox",
    "key.app.quit": "Quit",
    "key.list.down": "Down",
    "key.list.up": "Up",
    "key.list.open": "Open",
    "key.list.first": "To the start",
    "key.group.filter_done": "From the filter back to the list",
    "key.search.to_hits": "From the query to the hits",
    "key.list.page_down": "A screen down",
    "key.list.page_up": "A screen up",
    "key.post.down": "Scroll down",
    "key.post.up": "Scroll up",
    "key.post.page_down": "Scroll a screen down",
    "key.post.page_up": "Scroll a screen up",
    "key.post.top": "To the top of the blog",
    "key.post.bottom": "To the end of the blog",
    "key.list.last": "To the end",
    "key.post.new": "New blog, discussion, question or status update in this group",
    "key.post.comment": "Comment on the blog",
    "key.post.reply": "Reply to the selected comment",
    "key.post.edit": "Edit your own blog, or your comment under the cursor",
    "key.post.vote_up": "Vote up (the comment under the cursor, or the blog)",
    "key.post.vote_down": "Vote down (the comment under the cursor, or the blog)",
    "key.post.bookmark": "Bookmark",
    "key.post.open_browser": "Open in the browser",
    "key.post.copy_link": "Copy the link",
    "key.post.next_comment": "Next comment",
    "key.post.prev_comment": "Previous comment",
    "key.group.join": "Join / leave the group",
    "key.group.filter": "Filter the groups by name",
    "key.outbox.discard": "Discard a failed item (asks first)",
    "key.composer.send": "Send",
    "key.composer.leave": "Leave the editor, keep the draft",
    "key.composer.editor": "Edit in $EDITOR",
    "key.confirm.yes": "Yes",
    "key.confirm.no": "No",
    "key.screen.close": "Close",
    "keymap.unknown_id": "unknown key binding id {id}",
    "keymap.did_you_mean": " (did you mean {id}?)",
    "keymap.bad_keys": "{id} = {value} is not a key or a list of keys",
    "keymap.clash": "{id} = {value} clashes with {other}; the default key stays",
    "language.nl": "Dutch",
    "language.en": "English",
    "error.not_logged_in": "You are not logged in, or your session has expired.",
    "error.could_not_find": "Not found: it was removed or you may not see it.",
    "error.could_not_find_group": "That group does not exist (any more).",
    "error.could_not_add": (
        "Could not add it: you may not post here. If it is in a group, join the group first."
    ),
    "error.could_not_save": "Could not save: you may not change this.",
    "error.could_not_delete": "Could not delete: you may not remove this.",
    "error.invalid_value": "The site rejected a value (an empty title, for instance).",
    "error.invalid_subtype": "The site does not know this kind of content.",
    "error.text_too_long": "Too long for the site: make the text shorter.",
    "error.already_voted": "You have already voted on this.",
    "error.already_member_of_group": "You are already a member of this group.",
    "error.user_not_member_of_group": "Only members of the group can see or do this.",
    "error.not_authorized": "You are not allowed to do this.",
    "error.NO_CONTAINER_GUID": "No group or blog was given to put this in.",
    "error.offline": "The site cannot be reached. You are reading from the cache.",
    "error.session_expired": "Your session has expired. Log in again.",
    "error.logged_out": (
        "You were logged out (pleio-tui logout): nothing more goes to the site in your "
        "name until you log in again."
    ),
    "error.bad_request": "The site did not understand the request (a bug in pleio-tui).",
    "error.unexpected_response": "The site answered unexpectedly. Is the address right?",
    "error.two_factor_required": (
        "The site requires two-factor login. Turn it on in your browser, then log in again."
    ),
    "error.moved": "The site has moved to another address. Log in at the new address.",
    "error.response_too_large": "The site's answer was too large to read.",
    "error.cache_busy": "The cache is in use by another pleio-tui process.",
    "error.cache_corrupt": "The cache is damaged; move the file aside and sync again.",
    "error.unknown": "Unknown error from the site: {code}",
    "groups.all": "All groups",
    "groups.filter_placeholder": "Filter (f)",
    "groups.members.one": "1 member",
    "groups.members.other": "{n} members",
    "groups.unread": "{n} new",
    "groups.closed": "closed",
    "feed.all": "All blogs",
    "search.in_comment": "in a comment",
    "post.untitled": "(untitled)",
    "outbox.kind.blog": "New blog",
    "outbox.kind.edit_blog": "Edit",
    "outbox.kind.comment": "Comment",
    "outbox.kind.vote": "Vote",
    "outbox.kind.bookmark": "Bookmark",
    "outbox.state.pending": "waiting",
    "outbox.state.sending": "on its way",
    "outbox.state.sent": "sent",
    "outbox.state.failed": "failed",
    "outbox.hint": "{retry} retry · {discard} discard · {close} close",
    "outbox.retried": "It goes out again with the next sync.",
    "notice.no_post": "Open a blog first.",
    "notice.no_comment": "Choose a comment with J or K first.",
    "notice.no_group": "Choose a group first.",
    "notice.not_editable": "You may not edit this blog.",
    "notice.no_site": "No site yet: log in first.",
    "notice.logged_in": "Logged in as {name}.",
    "notice.plain_http": "Careful: {site} is plain http; your session travels unencrypted.",
    "notice.session_not_saved": (
        "Logged in for now, but the session was not stored: this machine has no "
        "usable keyring ({reason}). Set PLEIO_TUI_SESSION to the sessionid value "
        "and PLEIO_TUI_SESSION_SITE to {site} to be logged in next time."
    ),
    "notice.session_unbound": (
        "PLEIO_TUI_SESSION is set, but PLEIO_TUI_SESSION_SITE does not name the site it "
        "is for: it is not sent. Set PLEIO_TUI_SESSION_SITE to that site's address, or "
        "log in here."
    ),
    **EN_WRITING,
    **EN_KINDS,
    **EN_SITES,
    **EN_THREADS,
    **EN_INBOX,
    **EN_REFRESH,
    **EN_READER,
    **EN_CONTENT,
    **EN_TRUST,
}

TABLES: dict[Lang, dict[str, str]] = {"nl": NL, "en": EN}

_FIELD = re.compile(r"\{(\w+)\}")
_LINE_BREAKS = str.maketrans(dict.fromkeys("\n\r\t\v\f\x85\u2028\u2029", " "))
_SAFE_CODE = re.compile(r"[^A-Za-z0-9_.:-]")
_MAX_CODE_LENGTH = 60


def one_line(value: object) -> str:
    """Remote text made fit for a single terminal line: each line break and tab a
    space, then whatever `terminal_safe` removes (controls, escapes, bidi marks,
    invisible characters) removed."""
    return terminal_safe(str(value).translate(_LINE_BREAKS))


def safe_code(code: str) -> str:
    """An error code as received, reduced to characters that cannot do harm."""
    cleaned = _SAFE_CODE.sub("?", code)[:_MAX_CODE_LENGTH]
    return cleaned or "?"


class Strings(NamedTuple):
    """The messages of one language: `strings("pane.groups")`, `strings.error(code)`."""

    lang: Lang

    def __call__(self, msg_id: str, **values: object) -> str:
        template = TABLES[self.lang].get(msg_id)
        if template is None:
            # A missing id shows itself instead of crashing the interface.
            return msg_id
        if not values:
            return template
        return _FIELD.sub(lambda m: _fill(m, values), template)

    def plural(self, msg_id: str, n: int, **values: object) -> str:
        """`msg_id.one` for 1, `msg_id.other` (with `{n}`) otherwise."""
        form = "one" if n == 1 else "other"
        return self(f"{msg_id}.{form}", n=n, **values)

    def error(self, code: str) -> str:
        """The message for an error code, Pleio's or ours; unknown codes shown safely."""
        msg_id = f"error.{code}"
        if msg_id in TABLES[self.lang] and code != "unknown":
            return self(msg_id)
        return self("error.unknown", code=safe_code(code))

    @property
    def other(self) -> Strings:
        """The other language (what the language key switches to)."""
        return Strings("en" if self.lang == "nl" else "nl")


def _fill(match: re.Match[str], values: dict[str, object]) -> str:
    name = match.group(1)
    if name not in values:
        return match.group(0)
    return one_line(values[name])


def strings_for(lang: str) -> Strings:
    return Strings(_normalise_language(lang) or DEFAULT_LANGUAGE)


def language_for(config_lang: str | None, site_language: str | None) -> Lang:
    """The config's choice when it names nl or en; else the site's language, where a
    site in any language other than Dutch gets English; Dutch when nothing is known."""
    chosen = _normalise_language(config_lang)
    if chosen is not None:
        return chosen
    if site_language:
        return _normalise_language(site_language) or "en"
    return DEFAULT_LANGUAGE


def _normalise_language(value: str | None) -> Lang | None:
    if not value:
        return None
    primary = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    if primary == "nl":
        return "nl"
    if primary == "en":
        return "en"
    return None


# One formatter for every date the app shows (render/ages.py); kept here by name
# for those who import it from the strings.
format_age = _ages.format_age
