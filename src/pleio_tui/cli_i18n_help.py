"""The command line's help and usage errors in Dutch: the help of each command
and option (English text as the id, as in `cli_i18n`), and argparse's own words
("usage:", "options", "error:", "invalid choice", …), which it reads through
its module's gettext names at the moment it speaks."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

NL_HELP: dict[str, str] = {
    "Read and write the groups of a Pleio site from the terminal.": (
        "Lees en schrijf in de groepen van een Pleio-site vanuit de terminal."
    ),
    "show the version and exit": "toon de versie en stop",
    "the Pleio site (default: the config's default)": (
        "de Pleio-site (standaard: de standaardsite van de config)"
    ),
    "read from the cache only; never touch the network": (
        "lees alleen uit de cache; gebruik nooit het netwerk"
    ),
    "NAME|URL": "NAAM|URL",
    "NAME": "NAAM",
    "COMMAND": "OPDRACHT",
    "DIR": "MAP",
    "PATH": "PAD",
    "QUERY": "ZOEKTERM",
    "FILE|-": "BESTAND|-",
    "NAME|GUID": "NAAM|GUID",
    "COMMENT_GUID": "REACTIE_GUID",
    "run a local demo site and open the TUI on it": (
        "start een lokale demosite en open de TUI erop"
    ),
    "port for the demo site (default: free)": "poort voor de demosite (standaard: een vrije)",
    "run the local Pleio-compatible site": "start de lokale Pleio-compatibele site",
    "address to bind (default: 127.0.0.1)": "adres om op te luisteren (standaard: 127.0.0.1)",
    "port (default: 8000)": "poort (standaard: 8000)",
    "keep the site's data here (default: temp)": (
        "bewaar de gegevens van de site hier (standaard: tijdelijk)"
    ),
    "seed demo groups, blogs and users": "vul de site met demogroepen, -blogs en -gebruikers",
    "add N generated blogs": "voeg N gemaakte blogs toe",
    "add N generated items of every kind (blogs, discussions, questions, ...)": (
        "voeg N gemaakte items van elke soort toe (blogs, discussies, vragen, ...)"
    ),
    "walled garden: anonymous requests get 401": (
        "besloten site: verzoeken zonder sessie krijgen 401"
    ),
    "add a site and store its session (read from the browser, or pasted)": (
        "voeg een site toe en bewaar de sessie (uit de browser gelezen, of geplakt)"
    ),
    "the site's name in the config": "de naam van de site in de config",
    "read the sessionid from this browser's cookies: firefox, chromium, chrome, edge or brave": (
        "lees de sessionid uit de cookies van deze browser: firefox, chromium, chrome, "
        "edge of brave"
    ),
    "add a public site, read without an account": (
        "voeg een openbare site toe, gelezen zonder account"
    ),
    "the browser's profile folder (default: its default)": (
        "de profielmap van de browser (standaard: de standaardmap)"
    ),
    "forget the stored session": "vergeet de bewaarde sessie",
    "fetch for offline reading and send the outbox": (
        "haal op om offline te lezen en verstuur de outbox"
    ),
    "every site in the config, in turn": "elke site in de config, na elkaar",
    "search the offline cache": "zoek in de offline cache",
    "at most this many hits": "hoogstens zoveel treffers",
    "write a blog, discussion, question or status update (queued when offline)": (
        "schrijf een blog, discussie, vraag of statusupdate (in de outbox als je offline bent)"
    ),
    "required but for a status update": "verplicht, behalve bij een statusupdate",
    "what to write (default: blog)": "wat je schrijft (standaard: blog)",
    "comment on a blog or reply to a comment (queued when offline)": (
        "reageer op een blog of beantwoord een reactie (in de outbox als je offline bent)"
    ),
    "the guid of a blog, discussion, question, ... or its address": (
        "de guid van een blog, discussie, vraag, ... of het adres ervan"
    ),
    "reply to this comment": "beantwoord deze reactie",
    "the notifications from the cache (synced), one a line": (
        "de meldingen uit de cache (gesynchroniseerd), één per regel"
    ),
    "only the unread ones": "alleen de ongelezen",
}

NL_ARGPARSE: dict[str, str] = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "not allowed with argument %s": "niet samen met argument %s",
    "ignored explicit argument %r": "genegeerde waarde %r",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "one of the arguments %s is required": "een van de argumenten %s is verplicht",
    "expected one argument": "verwachtte één waarde",
    "expected at most one argument": "verwachtte hoogstens één waarde",
    "expected at least one argument": "verwachtte minstens één waarde",
    "expected %s argument": "verwachtte %s waarde",
    "expected %s arguments": "verwachtte %s waarden",
    "ambiguous option: %(option)s could match %(matches)s": (
        "dubbelzinnige optie: %(option)s kan %(matches)s zijn"
    ),
    "invalid %(type)s value: %(value)r": "ongeldige waarde voor %(type)s: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
}


def argparse_speaks(argparse: ModuleType, lang: str) -> None:
    """Have `argparse` say its own words in `lang` from now on in this process.

    argparse looks its words up through the module globals `_` and `ngettext`
    (gettext's) each time it speaks; a command line speaks one language a run.
    """
    table = NL_ARGPARSE if lang == "nl" else {}
    gettext: Callable[[str], str] = lambda text: table.get(text, text)  # noqa: E731

    def ngettext(singular: str, plural: str, count: int) -> str:
        return gettext(singular if count == 1 else plural)

    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
