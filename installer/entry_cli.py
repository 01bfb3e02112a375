"""Frozen entry point of ``intake`` (the command line)."""

from intake_app.cli import main

raise SystemExit(main())
