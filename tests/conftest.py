import signal
from pathlib import Path

pytest_plugins = ["fixtures_keyring"]
if (Path(__file__).parent / "fixtures_site.py").exists():
    pytest_plugins.append("fixtures_site")

# Ctrl-C as a terminal gives it, whatever started the tests: a shell without job
# control starts a background command (`bash .ci/run &`) with SIGINT ignored, and
# every process a test starts would inherit that, so `pleio-tui serve` would
# never hear the Ctrl-C a test sends it.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)
