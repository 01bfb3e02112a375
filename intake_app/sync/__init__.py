"""Station <-> central PostgreSQL: push what a station wrote, pull what everyone else wrote.

Facts are append-only rows with UUID keys, so a sync is a union of rows: ``INSERT ... ON
CONFLICT (id) DO NOTHING`` both ways, nothing updated, nothing deleted.

* :mod:`.capture` - which rows a station must push (outbox) and which central logged, by transaction
* :mod:`.push`, :mod:`.pull` - the two directions, batched and resumable; pull by snapshot horizon
* :mod:`.syncer` - one sync, its report and the status; :mod:`.background` - the GUI's thread
* :mod:`.central` - connecting (TLS, credentials), ``central init`` and the stations' role
* :mod:`.register` - ``station register``; :mod:`.secrets` - keyring or user-only file
"""
