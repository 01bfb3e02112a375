"""Importing a manifest into an order: all rows validated, then written in one transaction.

Rows stream from the file into ``expected_units``/``count_lines`` inside the transaction
(bounded memory: no list of a million rows). Checks that need every row - duplicates inside
the file, serials already expected on another open order, leading zeros Excel dropped - then
run as SQL over what was written. If anything is wrong and ``skip_invalid`` is off, the
transaction rolls back and nothing was imported; a dry run always rolls back.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, select, update

from ..domain.manifest_rules import CountLine, ExpectedLine, Field, validate_row
from ..domain.roles import Permission
from ..errors import Conflict
from ..manifests.reader import Notice, open_manifest
from ..store import tables as t
from .context import Actor, Context
from .queries import order_ref, order_status

BATCH = 5000
MAX_NOTICES = 2000  # details kept per list; the totals always count everything
LEADING_ZERO_SHARE = 0.8  # a length shared by 80 % of numeric serials is "the" length
LEADING_ZERO_MIN = 10


@dataclass
class ImportReport:
    file: str
    order: str
    format: str
    sheet: str | None
    encoding: str | None
    delimiter: str | None
    header_line: int
    mapping: dict[str, str]
    ignored_columns: list[str]
    rows_read: int = 0
    units: int = 0
    count_lines: int = 0
    skipped: int = 0
    imported: int = 0
    dry_run: bool = False
    errors: list[Notice] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    error_count: int = 0
    warning_count: int = 0

    def error(self, line: int | None, column: str, reason: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_NOTICES:
            self.errors.append(Notice(line, column, reason))

    def warn(self, line: int | None, column: str, reason: str) -> None:
        self.warning_count += 1
        if len(self.warnings) < MAX_NOTICES:
            self.warnings.append(Notice(line, column, reason))

    def as_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in self.__dict__.items() if k not in ("errors", "warnings")}
        d["errors"] = [n.as_dict() for n in self.errors]
        d["warnings"] = [n.as_dict() for n in self.warnings]
        return d


class _Rollback(Exception):
    """Raised inside the transaction to undo it while keeping the report."""


class Manifests:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def import_file(self, actor: Actor, order: str | uuid.UUID, path: Path, *, mapping: dict[str, str] | None = None,
                    sheet: str | None = None, dry_run: bool = False, skip_invalid: bool = False,
                    progress: Callable[[int], None] | None = None) -> ImportReport:
        """Import ``path`` into ``order``. Returns the report; ``imported`` is 0 unless rows were written.

        ``progress`` (optional) is called with the number of rows read so far, every few thousand rows.
        """
        actor.require(Permission.IMPORT_MANIFEST)
        source = open_manifest(path, sheet=sheet, mapping=mapping)
        try:
            digest = _sha256(path)
            with self.ctx.store.read() as conn:
                ref = order_ref(conn, order)
            report = ImportReport(path.name, ref.number, source.format, source.sheet, source.encoding,
                                  source.delimiter, source.header_line, source.mapping_names(),
                                  source.ignored_columns(), dry_run=dry_run)
            for n in source.notices:
                report.warn(source.header_line, n.column, n.reason)
            if Field.SERIAL not in source.mapping and Field.ASSET_TAG not in source.mapping:
                report.warn(source.header_line, "serial",
                            "no serial number or asset tag column: only count lines can be imported")
            try:
                with self.ctx.store.write() as conn:
                    self._import(conn, actor, ref.id, source, digest, report, skip_invalid, progress)
                    if dry_run or (report.error_count and not skip_invalid):
                        raise _Rollback
            except _Rollback:
                report.imported = 0
            else:
                self.ctx.publish("manifest", ref.id)
        finally:
            source.close()
        return report

    def _import(self, conn: Connection, actor: Actor, order_id: uuid.UUID, source: Any, digest: str,
                report: ImportReport, skip_invalid: bool, progress: Callable[[int], None] | None = None) -> None:
        if order_status(conn, order_id) == "signed_off":
            raise Conflict(f"order {report.order} is signed off; reopen it before importing")
        earlier = conn.execute(select(t.manifest_imports.c.created_at).where(
            t.manifest_imports.c.order_id == order_id, t.manifest_imports.c.file_sha256 == digest)).scalar()
        if earlier is not None:
            raise Conflict(f"this file was already imported into {report.order} on {earlier:%Y-%m-%d %H:%M} UTC")
        fact = self.ctx.fact(actor)
        import_id: uuid.UUID = fact["id"]  # type: ignore[assignment]
        conn.execute(insert(t.manifest_imports).values(
            **fact, order_id=order_id, file_name=report.file[:255], file_sha256=digest, units=0, count_lines=0,
            skipped=0, mapping=report.mapping))
        self._stream_rows(conn, order_id, import_id, source, report, progress)
        bad_lines = self._whole_file_checks(conn, order_id, import_id, report)
        if skip_invalid and bad_lines:
            for i in range(0, len(bad_lines), BATCH):
                chunk = sorted(bad_lines)[i:i + BATCH]
                for table in (t.expected_units, t.count_lines):
                    conn.execute(delete(table).where(table.c.import_id == import_id, table.c.line_no.in_(chunk)))
        report.units = conn.execute(select(func.count()).where(t.expected_units.c.import_id == import_id)).scalar_one()
        report.count_lines = conn.execute(select(func.count()).where(t.count_lines.c.import_id == import_id)
                                          ).scalar_one()
        report.skipped = report.rows_read - report.units - report.count_lines
        report.imported = report.units + report.count_lines
        conn.execute(update(t.manifest_imports).where(t.manifest_imports.c.id == import_id).values(
            units=report.units, count_lines=report.count_lines, skipped=report.skipped))

    def _stream_rows(self, conn: Connection, order_id: uuid.UUID, import_id: uuid.UUID, source: Any,
                     report: ImportReport, progress: Callable[[int], None] | None = None) -> None:
        units: list[dict[str, Any]] = []
        counts: list[dict[str, Any]] = []
        new_id = self.ctx.new_id
        for line, cells in source.rows():
            parsed, problems = validate_row(cells)
            if parsed is None and not problems:
                continue  # empty row
            report.rows_read += 1
            for p in problems:
                report.error(line, source.mapping_names().get(p.column, p.column), p.reason)
            if isinstance(parsed, ExpectedLine):
                units.append({"id": new_id(), "order_id": order_id, "import_id": import_id, "line_no": line,
                              "serial": parsed.serial, "serial_key": parsed.serial_key,
                              "asset_tag": parsed.asset_tag, "asset_tag_key": parsed.asset_tag_key,
                              "manufacturer": parsed.manufacturer, "model": parsed.model,
                              "category": parsed.category, "category_key": parsed.category_key})
            elif isinstance(parsed, CountLine):
                counts.append({"id": new_id(), "order_id": order_id, "import_id": import_id, "line_no": line,
                               "quantity": parsed.quantity, "manufacturer": parsed.manufacturer,
                               "model": parsed.model, "category": parsed.category,
                               "category_key": parsed.category_key, "description": parsed.description})
            if len(units) >= BATCH:
                conn.execute(insert(t.expected_units), units)
                units = []
                if progress is not None:
                    progress(report.rows_read)
            if len(counts) >= BATCH:
                conn.execute(insert(t.count_lines), counts)
                counts = []
        if units:
            conn.execute(insert(t.expected_units), units)
        if counts:
            conn.execute(insert(t.count_lines), counts)
        if progress is not None:
            progress(report.rows_read)
        if report.rows_read == 0:
            report.error(None, "", "the file has a header but no rows")

    def _whole_file_checks(self, conn: Connection, order_id: uuid.UUID, import_id: uuid.UUID,
                           report: ImportReport) -> set[int]:
        bad: set[int] = {n.line for n in report.errors if n.line is not None}
        bad |= self._duplicates_in_file(conn, import_id, report)
        bad |= self._already_expected(conn, order_id, import_id, report)
        bad |= self._lost_leading_zeros(conn, import_id, report)
        return bad

    def _duplicates_in_file(self, conn: Connection, import_id: uuid.UUID, report: ImportReport) -> set[int]:
        e = t.expected_units
        bad: set[int] = set()
        for key_col, shown, label, column in ((e.c.serial_key, e.c.serial, "serial number", "serial"),
                                              (e.c.asset_tag_key, e.c.asset_tag, "asset tag", "asset_tag")):
            first = select(key_col.label("k"), func.min(e.c.line_no).label("first")).where(
                e.c.import_id == import_id, key_col.is_not(None)).group_by(key_col).having(func.count() > 1
                                                                                           ).subquery()
            rows = conn.execute(
                select(e.c.line_no, shown, first.c.first).join(first, first.c.k == key_col)
                .where(e.c.import_id == import_id, e.c.line_no != first.c.first).order_by(e.c.line_no)
            ).all()
            for r in rows:
                report.error(r.line_no, column, f"{label} {r[1]} is already on line {r.first} of this file")
                bad.add(r.line_no)
        return bad

    def _already_expected(self, conn: Connection, order_id: uuid.UUID, import_id: uuid.UUID,
                          report: ImportReport) -> set[int]:
        """Serials/asset tags this file shares with earlier imports (this order or another open one).

        Asset tags are numbered by each customer: they only collide within the same customer.
        """
        e, old = t.expected_units, t.expected_units.alias("old")
        bad: set[int] = set()
        orders_status: dict[uuid.UUID, str] = {}
        customer: uuid.UUID = conn.execute(select(t.orders.c.customer_id).where(t.orders.c.id == order_id)).scalar_one()
        for key, old_key, shown, label, column in (
            (e.c.serial_key, old.c.serial_key, e.c.serial, "serial number", "serial"),
            (e.c.asset_tag_key, old.c.asset_tag_key, e.c.asset_tag, "asset tag", "asset_tag"),
        ):
            stmt = (
                select(e.c.line_no, shown, old.c.order_id, old.c.line_no.label("old_line"), t.orders.c.number)
                .join(old, and_(old_key == key, old.c.import_id != import_id))
                .join(t.orders, t.orders.c.id == old.c.order_id)
                .where(e.c.import_id == import_id, key.is_not(None)).order_by(e.c.line_no)
            )
            if column == "asset_tag":
                stmt = stmt.where(t.orders.c.customer_id == customer)
            rows = conn.execute(stmt).all()
            for r in rows:
                if r.order_id not in orders_status:
                    orders_status[r.order_id] = order_status(conn, r.order_id)
                where = "this order" if r.order_id == order_id else r.number
                if r.order_id != order_id and orders_status[r.order_id] == "signed_off":
                    report.warn(r.line_no, column, f"{label} {r[1]} was expected on {where} (signed off)")
                    continue
                report.error(r.line_no, column, f"{label} {r[1]} is already expected on {where} "
                                                f"(line {r.old_line} of an earlier import)")
                bad.add(r.line_no)
        return bad

    def _lost_leading_zeros(self, conn: Connection, import_id: uuid.UUID, report: ImportReport) -> set[int]:
        """All-digit serials shorter than the length most all-digit serials share."""
        e = t.expected_units
        if conn.dialect.name == "sqlite":
            digits = ~e.c.serial_key.op("GLOB", is_comparison=True)("*[^0-9]*")
        else:
            digits = e.c.serial_key.op("~", is_comparison=True)("^[0-9]+$")
        lengths: Counter[int] = Counter(dict(conn.execute(
            select(func.length(e.c.serial_key), func.count()).where(e.c.import_id == import_id,
                                                                   e.c.serial_key.is_not(None), digits)
            .group_by(func.length(e.c.serial_key))).all()))
        total = sum(lengths.values())
        if total < LEADING_ZERO_MIN:
            return set()
        length, n = lengths.most_common(1)[0]
        if n < LEADING_ZERO_SHARE * total:
            return set()
        bad: set[int] = set()
        for r in conn.execute(select(e.c.line_no, e.c.serial).where(
                e.c.import_id == import_id, digits, func.length(e.c.serial_key) < length).order_by(e.c.line_no)):
            padded = r.serial.zfill(length)
            report.error(r.line_no, "serial",
                         f"serial number {r.serial} is shorter than the other numeric serials ({length} digits): "
                         f"Excel may have dropped its leading zeros (was it {padded}?); format the column as Text "
                         "and export again")
            bad.add(r.line_no)
        return bad


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()
