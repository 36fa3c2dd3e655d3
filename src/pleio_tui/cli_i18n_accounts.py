"""What `pleio-tui login` and `pleio-tui logout` say, in Dutch (the English text
is the id, as in `cli_i18n`)."""

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
    "{variable} is set and still gives a session to every command": (
        "{variable} is gezet en geeft nog steeds elke opdracht een sessie"
    ),
}
