"""What the reader says, in Dutch and English: the keys for going back, panes and
half pages, the link picker, where a link went (browser, clipboard), the theme,
a closed group and the demo. Merged into the tables of `i18n`; plain text, never
markup."""

from __future__ import annotations

NL_READER: dict[str, str] = {
    "key.main.back": "Terug (afsluiten vanaf de groepen)",
    "key.pane.left": "Paneel links",
    "key.pane.right": "Paneel rechts",
    "key.list.half_down": "Een half scherm omlaag",
    "key.list.half_up": "Een half scherm omhoog",
    "key.post.half_down": "Tekst een half scherm omlaag",
    "key.post.half_up": "Tekst een half scherm omhoog",
    "key.post.links": "Links van het blog",
    "key.links.down": "Volgende link",
    "key.feed.join": "Lid worden van de groep / groep verlaten (vanuit de blogs)",
    "key.links.up": "Vorige link",
    "key.app.theme": "Thema kiezen",
    "help.section.links": "Links",
    # the link picker
    "pane.links": "Links",
    "links.prompt": "Nummer van de link, dan enter",
    "links.none": "Dit blog heeft geen links.",
    "links.related": "gerelateerd blog",
    "links.no_such": "Er is geen link {number}.",
    # where a link went
    "notice.opened_in_browser_with": "Geopend in de browser ({opener}).",
    "notice.no_browser": "Geen browser gevonden om te openen. Het adres: {url}",
    "notice.browser_failed": "De browser ({opener}) opende niet. Het adres: {url}",
    "notice.copied_with": "Link gekopieerd naar het klembord ({tool}).",
    "notice.copied_terminal_only": (
        "Geen klembordprogramma gevonden (wl-copy, xclip, xsel, pbcopy); de link is "
        "naar de terminal gestuurd (OSC 52), maar niet elke terminal neemt die aan. "
        "Het adres: {url}"
    ),
    "notice.opening_post": "Blog ophalen van de site…",
    "notice.post_unreachable": (
        "Dit blog staat niet in de cache en de site is niet bereikbaar. Het adres: {url}"
    ),
    # the theme
    "palette.theme": "Thema: {theme}",
    "palette.placeholder": "Zoek een opdracht…",
    "palette.no_matches": "Niets gevonden",
    "notice.theme": "Thema: {theme}",
    "notice.settings_not_saved": "Instelling niet bewaard in {path}: {reason}",
    "notice.unknown_theme": (
        "Thema in de configuratie: {theme} bestaat niet; het standaardthema blijft. "
        "Beschikbaar: {themes}"
    ),
    # groups
    "feed.closed_group": (
        "Dit is een besloten groep: alleen leden zien de blogs. Druk op m om "
        "lidmaatschap aan te vragen."
    ),
    "feed.closed_group_requested": (
        "Dit is een besloten groep: alleen leden zien de blogs. Je hebt lidmaatschap aangevraagd."
    ),
    # the demo
    "notice.demo": (
        "Demo: de site draait op {url}. Inloggen in de browser kan als hadewych, jan "
        "of admin, wachtwoord demo."
    ),
}

EN_READER: dict[str, str] = {
    "key.main.back": "Back (quit from the groups)",
    "key.pane.left": "Pane to the left",
    "key.pane.right": "Pane to the right",
    "key.list.half_down": "Half a screen down",
    "key.list.half_up": "Half a screen up",
    "key.post.half_down": "Scroll half a screen down",
    "key.post.half_up": "Scroll half a screen up",
    "key.post.links": "Links of the blog",
    "key.links.down": "Next link",
    "key.feed.join": "Join / leave the group (from its blogs)",
    "key.links.up": "Previous link",
    "key.app.theme": "Choose a theme",
    "help.section.links": "Links",
    "pane.links": "Links",
    "links.prompt": "Number of the link, then enter",
    "links.none": "This blog has no links.",
    "links.related": "related blog",
    "links.no_such": "There is no link {number}.",
    "notice.opened_in_browser_with": "Opened in the browser ({opener}).",
    "notice.no_browser": "No browser found to open it. The address: {url}",
    "notice.browser_failed": "The browser ({opener}) did not open. The address: {url}",
    "notice.copied_with": "Link copied to the clipboard ({tool}).",
    "notice.copied_terminal_only": (
        "No clipboard program found (wl-copy, xclip, xsel, pbcopy); the link was sent "
        "to the terminal (OSC 52), which not every terminal accepts. The address: {url}"
    ),
    "notice.opening_post": "Fetching the blog from the site…",
    "notice.post_unreachable": (
        "This blog is not in the cache and the site cannot be reached. The address: {url}"
    ),
    "palette.theme": "Theme: {theme}",
    "palette.placeholder": "Search for commands…",
    "palette.no_matches": "No matches found",
    "notice.theme": "Theme: {theme}",
    "notice.settings_not_saved": "Setting not kept in {path}: {reason}",
    "notice.unknown_theme": (
        "Theme in the config: {theme} does not exist; the default theme stays. Available: {themes}"
    ),
    "feed.closed_group": (
        "This is a closed group: only members see its blogs. Press m to request membership."
    ),
    "feed.closed_group_requested": (
        "This is a closed group: only members see its blogs. You requested membership."
    ),
    "notice.demo": (
        "Demo: the site runs at {url}. Log in in a browser as hadewych, jan or admin, "
        "password demo."
    ),
}
