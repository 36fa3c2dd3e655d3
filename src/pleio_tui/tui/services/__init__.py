"""Work the interface hands off: everything that talks to the network."""
