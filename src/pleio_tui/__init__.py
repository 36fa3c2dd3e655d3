"""pleio-tui: read and write Pleio groups, blogs and comments from a terminal."""

__version__ = "0.1.0"
APP_NAME = "pleio-tui"
