"""What the app does, one concern a module: reading, writing, membership and the
network. Each holds its own state and workers, takes what it needs from the app
(`host.AppHost`) and says what happened with the messages of `messages`."""
