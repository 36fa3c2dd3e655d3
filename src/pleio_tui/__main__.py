from pleio_tui.cli import main

raise SystemExit(main())
