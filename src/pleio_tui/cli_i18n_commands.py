"""What `pleio-tui login` and `pleio-tui logout` say, and the other commands'
refusals and notices, in Dutch (the English text is the id, as in `cli_i18n`)."""

from __future__ import annotations

NL_ACCOUNTS: dict[str, str] = {
    "Log in to {site} in your browser, then copy the value of the cookie "
    "'{cookie}' (developer tools > Storage or Application > Cookies).": (
        "Log in op {site} in je browser en kopieer dan de waarde van de cookie "
        "'{cookie}' (ontwikkelaarshulpmiddelen > Opslag of Toepassing > Cookies)."
    ),
    "the config already has a site named {name}: choose another --name": (
        "de config heeft al een site met de naam {name}: kies een andere --name"
    ),
    "--name takes letters, digits, - and _ (at most 40)": (
        "--name neemt letters, cijfers, - en _ (hoogstens 40)"
    ),
    "cannot reach {site}: {why}": "{site} is niet bereikbaar: {why}",
    "{site} cannot be read without an account (a closed site): log in with "
    "`pleio-tui login {site} --from-browser firefox` (or another browser)": (
        "{site} is niet te lezen zonder account (een besloten site): log in met "
        "`pleio-tui login {site} --from-browser firefox` (of een andere browser)"
    ),
    "Added {site} as {name}, read without an account: "
    "`pleio-tui sync --site {short}` fetches what visitors may read": (
        "{site} toegevoegd als {name}, gelezen zonder account: "
        "`pleio-tui sync --site {short}` haalt op wat bezoekers mogen lezen"
    ),
    "login checks the session with the site: run it without --offline": (
        "login controleert de sessie bij de site: voer het uit zonder --offline"
    ),
    "--profile goes with --from-browser": "--profile hoort bij --from-browser",
    "--anonymous and --from-browser exclude each other": (
        "--anonymous en --from-browser sluiten elkaar uit"
    ),
    "no sessionid given: nothing was stored": "geen sessionid gegeven: er is niets bewaard",
    "{why}: nothing was stored": "{why}: er is niets bewaard",
    "log in to {site} in {browser} again": "log opnieuw in op {site} in {browser}",
    "log in with the browser and copy it again": "log in met de browser en kopieer hem opnieuw",
    "{site} does not know this session (expired, logged out, or copied from "
    "another site): {again}. Nothing was stored.": (
        "{site} kent deze sessie niet (verlopen, uitgelogd of van een andere site "
        "gekopieerd): {again}. Er is niets bewaard."
    ),
    "{site} accepts the session, but it was not stored: {why}. Not logged in": (
        "{site} neemt de sessie aan, maar hij is niet bewaard: {why}. Niet ingelogd"
    ),
    "Saved {site} as {name}, the default site, in {file}": (
        "{site} bewaard als {name}, de standaardsite, in {file}"
    ),
    "Logged in to {site} as {user} (site {name})": "Ingelogd op {site} als {user} (site {name})",
    "Logged out of {site}: the stored session is gone": (
        "Uitgelogd van {site}: de bewaarde sessie is weg"
    ),
    "No session was stored for {site}": "Er was geen sessie bewaard voor {site}",
    "{variable} is set and still gives {site} a session: it is the site {site_variable} names": (
        "{variable} is gezet en geeft {site} nog steeds een sessie: het is de site die "
        "{site_variable} noemt"
    ),
    "{variable} is set, but no command sends it until {site_variable} names its site": (
        "{variable} is gezet, maar geen opdracht verstuurt hem zolang {site_variable} "
        "zijn site niet noemt"
    ),
    "{variable} is set, but {site_variable} does not name the site it is for: set "
    "{site_variable} to that site's address (https://...), or unset {variable}; "
    "nothing was sent": (
        "{variable} is gezet, maar {site_variable} noemt niet de site waar hij voor is: zet "
        "{site_variable} op het adres van die site (https://...), of haal {variable} weg; "
        "er is niets verstuurd"
    ),
    "no usable keyring on this machine to keep the session in ({detail}); set "
    "{variable} to the sessionid value and {site_variable} to the site's address instead": (
        "geen bruikbare keyring op deze machine om de sessie in te bewaren ({detail}); zet "
        "in plaats daarvan {variable} op de waarde van sessionid en {site_variable} op het "
        "adres van de site"
    ),
}

NL_COMMANDS: dict[str, str] = {
    # sync.py
    "read as a visitor, not logged in: to write, log in with {how}": (
        "gelezen als bezoeker, niet ingelogd: log in met {how} om te schrijven"
    ),
    "{site} no longer accepts the session: run {how}": (
        "{site} neemt de sessie niet meer aan: voer {how} uit"
    ),
    "{site} cannot be reached ({why})": "{site} is niet bereikbaar ({why})",
    "{site} shows nothing to visitors (a closed site); log in with {how} "
    "(or set {variable} and {site_variable})": (
        "{site} laat bezoekers niets zien (een besloten site); log in met {how} "
        "(of zet {variable} en {site_variable})"
    ),
    "{failed} of {count} sites failed to sync": (
        "{failed} van {count} sites konden niet worden gesynchroniseerd"
    ),
    # comment.py, post.py, writing.py, sites.py
    "{item} is not a blog or other item: give its guid or its address "
    "(…/blog/view/<guid>/…, …/discussion/view/<guid>/…)": (
        "{item} is geen blog of ander item: geef de guid of het adres "
        "(…/blog/view/<guid>/…, …/discussion/view/<guid>/…)"
    ),
    "that blog is on {origin}, not on {site}: give --site {origin} to comment there": (
        "dat blog staat op {origin}, niet op {site}: geef --site {origin} om daar te reageren"
    ),
    "--reply-to takes the guid of a comment": "--reply-to neemt de guid van een reactie",
    "no groups in the cache yet: run `pleio-tui sync` first": (
        "nog geen groepen in de cache: voer eerst `pleio-tui sync` uit"
    ),
    "{count} groups match {wanted}: give the name in full or the guid": (
        "{count} groepen passen bij {wanted}: geef de volledige naam of de guid"
    ),
    "no cached group matches {wanted}; the groups are:": (
        "geen groep in de cache past bij {wanted}; de groepen zijn:"
    ),
    "... and {count} more": "... en nog {count}",
    "the title must be 1 to {most} characters (after trimming spaces)": (
        "de titel moet 1 tot {most} tekens lang zijn (zonder spaties aan begin en eind)"
    ),
    "{why}; nothing was sent or queued, what you wrote is kept as a draft": (
        "{why}; er is niets verstuurd of in de outbox gezet, wat je schreef is bewaard als concept"
    ),
    "{why}; nothing was sent or queued; a draft written earlier for the same place stays": (
        "{why}; er is niets verstuurd of in de outbox gezet; een eerder concept voor dezelfde "
        "plek blijft bewaard"
    ),
    "only logged-in users can write on {site}, as on Pleio: log in with {how}": (
        "alleen ingelogde gebruikers kunnen schrijven op {site}, zoals op Pleio: log in met {how}"
    ),
    # notices.py, text_input.py
    "warning: {site} is plain http: your session cookie travels unencrypted "
    "(allow_insecure_http is set in the config)": (
        "waarschuwing: {site} is gewoon http: je sessiecookie reist onversleuteld "
        "(allow_insecure_http staat aan in de config)"
    ),
    "argument {position} holds bytes that are not UTF-8 text: "
    "give it in UTF-8 (is the terminal set to UTF-8?)": (
        "argument {position} bevat bytes die geen UTF-8-tekst zijn: geef het in UTF-8 "
        "(staat de terminal op UTF-8?)"
    ),
    "{where} is not UTF-8 text (byte 0x{byte} at offset {offset}): {advice}": (
        "{where} is geen UTF-8-tekst (byte 0x{byte} op positie {offset}): {advice}"
    ),
    "save it as UTF-8 (for example with `iconv -f latin1 -t utf-8`)": (
        "bewaar het als UTF-8 (bijvoorbeeld met `iconv -f latin1 -t utf-8`)"
    ),
    "standard input": "standaardinvoer",
    "cannot read {file}: {why}": "{file} kan niet worden gelezen: {why}",
}
