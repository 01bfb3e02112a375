"""Core table objects for the services' queries (the hot paths use Core, not the ORM)."""

from __future__ import annotations

from sqlalchemy import Table

from . import models as m


def _t(model: type[m.Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


stations = _t(m.Station)
operators = _t(m.Operator)
operator_credentials = _t(m.OperatorCredential)
customers = _t(m.Customer)
orders = _t(m.Order)
order_events = _t(m.OrderEvent)
manifest_imports = _t(m.ManifestImport)
expected_units = _t(m.ExpectedUnit)
count_lines = _t(m.CountLine)
pallets = _t(m.Pallet)
pallet_events = _t(m.PalletEvent)
scans = _t(m.Scan)
units = _t(m.Unit)
corrections = _t(m.Correction)
count_receipts = _t(m.CountReceipt)
unit_state = _t(m.UnitState)
print_jobs = _t(m.PrintJob)
print_marks = _t(m.PrintMark)
sync_outbox = _t(m.SyncOutbox)
sync_log = _t(m.SyncLog)
sync_state = _t(m.SyncState)
