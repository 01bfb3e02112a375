"""The database schema.

Two kinds of tables:

* **facts** (append-only, UUID keys, station + operator + UTC time): what happened. Never
  updated or deleted by the application; sync is the union of these rows.
* **local state** (``unit_state``): derived from the facts for speed, rebuilt by
  :func:`intake_app.services.state.rebuild_unit_state`, never synced.

Reference rows (stations, operators, customers, orders) are created once and treated as facts
too: their changes are new rows (e.g. an operator's PIN change is a credential row).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from .types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), uuid.UUID: Uuid()}


def _fk(target: str, nullable: bool = False, index: bool = False) -> Mapped[Any]:
    return mapped_column(ForeignKey(target), nullable=nullable, index=index)


class FactMixin:
    """Who, where and when for every fact row."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stations.id"))
    operator_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("operators.id"))


class Station(Base):
    __tablename__ = "stations"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    code: Mapped[str] = mapped_column(String(3), unique=True)
    created_at: Mapped[datetime]


class Operator(Base):
    __tablename__ = "operators"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    name_key: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stations.id"))


class OperatorCredential(Base):
    """A PIN or badge hash, or a deactivation: the newest row per operator and kind counts."""

    __tablename__ = "operator_credentials"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    operator_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("operators.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # pin | badge | active
    secret_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stations.id"))
    set_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("operators.id"))


class Customer(FactMixin, Base):
    __tablename__ = "customers"
    name: Mapped[str] = mapped_column(String(120))
    short_name: Mapped[str] = mapped_column(String(40))
    org_number: Mapped[str | None] = mapped_column(String(11), unique=True)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customers.id"))


class Order(FactMixin, Base):
    __tablename__ = "orders"
    # Not unique in the database: two stations offline may give the same typed number to two orders;
    # sync keeps both (a union of facts never conflicts) and the services report the ambiguity.
    number: Mapped[str] = mapped_column(String(40), index=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    customer_ref: Mapped[str | None] = mapped_column(String(80))
    note: Mapped[str | None] = mapped_column(Text)


class OrderEvent(FactMixin, Base):
    """Sign-off and reopen: the newest event decides whether an order is open."""

    __tablename__ = "order_events"
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"))
    kind: Mapped[str] = mapped_column(String(16))  # sign_off | reopen
    reason: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[dict[str, Any] | None]
    __table_args__ = (Index("ix_order_events_order_time", "order_id", "created_at"),)


class ManifestImport(FactMixin, Base):
    __tablename__ = "manifest_imports"
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str] = mapped_column(String(64))
    units: Mapped[int] = mapped_column(Integer)
    count_lines: Mapped[int] = mapped_column(Integer)
    skipped: Mapped[int] = mapped_column(Integer)
    mapping: Mapped[dict[str, Any]]


class ExpectedUnit(Base):
    __tablename__ = "expected_units"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), index=True)
    import_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("manifest_imports.id"))
    line_no: Mapped[int | None] = mapped_column(Integer)
    serial: Mapped[str | None] = mapped_column(String(60))
    serial_key: Mapped[str | None] = mapped_column(String(60), index=True)
    asset_tag: Mapped[str | None] = mapped_column(String(60))
    asset_tag_key: Mapped[str | None] = mapped_column(String(60), index=True)
    manufacturer: Mapped[str | None] = mapped_column(String(200))
    model: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str | None] = mapped_column(String(200))
    category_key: Mapped[str] = mapped_column(String(32))


class CountLine(Base):
    __tablename__ = "count_lines"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), index=True)
    import_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("manifest_imports.id"))
    line_no: Mapped[int | None] = mapped_column(Integer)
    quantity: Mapped[int] = mapped_column(Integer)
    manufacturer: Mapped[str | None] = mapped_column(String(200))
    model: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str | None] = mapped_column(String(200))
    category_key: Mapped[str] = mapped_column(String(32))
    description: Mapped[str | None] = mapped_column(String(200))


class Pallet(FactMixin, Base):
    """A pallet, cage or box opened on an order (the fact of opening it)."""

    __tablename__ = "pallets"
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), index=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # sscc | own
    seq: Mapped[int | None] = mapped_column(Integer)  # sequence of our own pallet ids per station
    __table_args__ = (Index("ix_pallets_station_seq", "station_id", "seq"),)


class PalletEvent(FactMixin, Base):
    __tablename__ = "pallet_events"
    pallet_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("pallets.id"))
    kind: Mapped[str] = mapped_column(String(16))  # close | reopen
    weight_kg: Mapped[float | None] = mapped_column(Float)
    __table_args__ = (Index("ix_pallet_events_pallet_time", "pallet_id", "created_at"),)


class Scan(FactMixin, Base):
    """One code read at the dock, whatever it turned out to be. Immutable."""

    __tablename__ = "scans"
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"))
    pallet_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("pallets.id"))
    raw: Mapped[str] = mapped_column(Text)
    code: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(32))
    expected_unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("expected_units.id"))
    unit_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)  # the unit seen (duplicate, known unit)
    other_order_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("orders.id"))
    source: Mapped[str] = mapped_column(String(16))  # wedge | serial | camera | cli | manual
    detail: Mapped[dict[str, Any] | None]
    __table_args__ = (Index("ix_scans_order_time", "order_id", "created_at"),)


class Unit(FactMixin, Base):
    """A physical item received: gets our internal asset id and label."""

    __tablename__ = "units"
    # Unique by construction (station code + the station's sequence), not by constraint: a station
    # restored from an old backup may issue a number again, and sync must keep both units.
    internal_id: Mapped[str] = mapped_column(String(20), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"))
    scan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("scans.id"), index=True)
    expected_unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("expected_units.id"))
    pallet_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("pallets.id"))
    serial: Mapped[str] = mapped_column(String(120))
    serial_key: Mapped[str] = mapped_column(String(60))
    __table_args__ = (Index("ix_units_station_seq", "station_id", "seq"),)


class Correction(FactMixin, Base):
    """void | manual_match | move_pallet | confirm: a supervisor's or operator's fix, as a fact."""

    __tablename__ = "corrections"
    kind: Mapped[str] = mapped_column(String(16))
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), index=True)
    scan_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("scans.id"), index=True)
    unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("units.id"), index=True)
    expected_unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("expected_units.id"))
    pallet_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("pallets.id"))
    reason: Mapped[str | None] = mapped_column(Text)


class CountReceipt(FactMixin, Base):
    """N items of a count line (mice, cables) counted onto an order."""

    __tablename__ = "count_receipts"
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("orders.id"), index=True)
    count_line_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("count_lines.id"))
    category_key: Mapped[str] = mapped_column(String(32))
    quantity: Mapped[int] = mapped_column(Integer)
    pallet_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("pallets.id"))


class UnitState(Base):
    """Local, derived: each unit's current expected unit, pallet and whether it is active."""

    __tablename__ = "unit_state"
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("units.id"), primary_key=True)
    order_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    expected_unit_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    pallet_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    serial_key: Mapped[str] = mapped_column(String(60), index=True)
    active: Mapped[bool] = mapped_column(Boolean)


class PrintJob(Base):
    """A job in this station's print spool: local, mutable state (its status), never synced.

    Written before it is sent; ``status`` moves queued -> sending -> done (acknowledged by the
    printer), or back to queued with a later ``next_attempt_at`` when the printer is down, or to
    failed / cancelled. ``payload`` holds the exact bytes sent, so a retry sends the same bytes.
    A reprint is a new job pointing at the job it repeats.
    """

    __tablename__ = "print_jobs"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stations.id"))
    operator_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("operators.id"))
    kind: Mapped[str] = mapped_column(String(16))  # unit_label | pallet_label | receipt | test
    subject: Mapped[str] = mapped_column(String(80))  # internal id, pallet code, order number, printer
    printer: Mapped[str] = mapped_column(String(40))
    format: Mapped[str] = mapped_column(String(8))  # zpl | pdf
    options: Mapped[dict[str, Any]]  # language, dpi, label size, ...
    reason: Mapped[str | None] = mapped_column(Text)
    reprint_of: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    status: Mapped[str] = mapped_column(String(16))  # queued | sending | done | failed | cancelled
    attempts: Mapped[int] = mapped_column(Integer)
    next_attempt_at: Mapped[datetime]
    claimed_at: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(120))
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    printer_ref: Mapped[str | None] = mapped_column(String(300))
    payload: Mapped[bytes | None] = mapped_column(LargeBinary)
    payload_sha256: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (Index("ix_print_jobs_printer_status", "printer", "status", "created_at"),
                      Index("ix_print_jobs_subject", "kind", "subject"))


class PrintMark(Base):
    """How far the spool has looked for new units of this station to label (their ``seq``).

    Unit labels are queued from the units table, not by the scan: scanning does no printing
    work at all, and a crash loses no label (the next look starts from the mark).
    """

    __tablename__ = "print_marks"
    name: Mapped[str] = mapped_column(String(80), primary_key=True)  # unit_labels:<station id>
    value: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime]


FACT_TABLES = (
    "stations", "operators", "operator_credentials", "customers", "orders", "order_events",
    "manifest_imports", "expected_units", "count_lines", "pallets", "pallet_events", "scans", "units",
    "corrections", "count_receipts",
)


# -- sync bookkeeping (not facts, never synced) ---------------------------------------------------------


class SyncOutbox(Base):
    """Station: fact rows written here and not yet confirmed by central, in the order they were written.

    Filled by an ``AFTER INSERT`` trigger on every fact table (SQLite; see :mod:`intake_app.sync.capture`),
    emptied by a successful push. ``error`` holds central's reason when it refused the row.
    """

    __tablename__ = "sync_outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tbl: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    error: Mapped[str | None] = mapped_column(Text)
    __table_args__ = ({"sqlite_autoincrement": True},)  # a pushed seq is never handed out again


class SyncLog(Base):
    """Central: which transaction (``xid``, PostgreSQL's 64-bit id) inserted each fact row.

    Filled by a statement trigger on every fact table (PostgreSQL). Stations pull by ``xid`` with a
    snapshot horizon, so a transaction that commits late is never skipped.
    """

    __tablename__ = "sync_log"
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                     autoincrement=True)
    xid: Mapped[int] = mapped_column(BigInteger)
    tbl: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    __table_args__ = (Index("ix_sync_log_tbl_xid", "tbl", "xid", "seq"),)


class SyncState(Base):
    """Station: sync bookkeeping (registration, pull horizons, last result) as small JSON values."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[dict[str, Any] | None]
    updated_at: Mapped[datetime | None]
