"""Frozen entry point of ``intake-app`` (the dock application)."""

from ui.main import main

raise SystemExit(main())
