"""``python -m intake_app`` is the ``intake`` command."""

from intake_app.cli import main

raise SystemExit(main())
