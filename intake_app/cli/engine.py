"""Commands of the intake engine: set-up, customers, orders, manifests, pallets, scans, corrections,
reconciliation and sign-off."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import InputError
from .root import CliState, cli, emit, pass_state

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")


@cli.command()
@json_option
@pass_state
def init(state: CliState, as_json: bool) -> None:
    """Create or upgrade this station's database."""
    app = state.app
    data = {"database": str(app.store.engine.url.render_as_string(hide_password=True)),
            "station": app.station.name, "station_code": app.station.code, "migrated": app.migrated}
    emit(data, as_json, lambda d: f"database ready: {d['database']} (station {d['station']}, code {d['station_code']})")


@cli.command()
@click.option("--force", is_flag=True, help="Seed even if the database already has orders.")
@click.option("--with-printer", is_flag=True,
              help="Also set up a 'save to folder' printer for labels and receipts (PDF files).")
@json_option
@pass_state
def demo(state: CliState, force: bool, with_printer: bool, as_json: bool) -> None:
    """Seed IT-centrum and its five municipalities with orders and manifests."""
    from ..demo import seed_demo, setup_demo_printer

    data = seed_demo(state.app, force=force)
    if with_printer:
        data["printed_to"] = setup_demo_printer(state.app)
    emit(data, as_json, _demo_text)


def _demo_text(d: dict[str, Any]) -> str:
    lines = [f"demo data ready in {d['database']}"]
    lines += [f"  {o['number']}  {o['customer']:<12} {o['expected']:>4} units  from {o['manifest']}"
              for o in d["orders"]]
    people = ", ".join(f"{o['name']} ({o['role']}, PIN {o['pin']})" for o in d["operators"])
    lines += [f"operators: {people}", f"try: intake scan --order {d['orders'][0]['number']} < {d['codes_file']}"]
    if d.get("printed_to"):
        lines.append(f"labels and receipts are saved as PDF files in {d['printed_to']}")
    return "\n".join(lines)


# -- operators -----------------------------------------------------------------------------------------

@cli.group()
def operator() -> None:
    """Operators and their roles (operator, supervisor, admin)."""


@operator.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["operator", "supervisor", "admin"]), default="operator")
@click.option("--new-pin", metavar="PIN", help="The new operator's PIN.")
@click.option("--badge", metavar="CODE", help="The new operator's badge code.")
@json_option
@pass_state
def operator_add(state: CliState, name: str, role: str, new_pin: str | None, badge: str | None, as_json: bool) -> None:
    """Add an operator (an admin signs in with --operator/--pin; the first supervisor needs none)."""
    actor = state.actor if state.operator else None
    info = state.app.operators.create(actor, name, role, new_pin, badge)
    emit({"id": str(info.id), "name": info.name, "role": info.role.value}, as_json,
         lambda d: f"added {d['name']} ({d['role']})")


@operator.command("list")
@json_option
@pass_state
def operator_list(state: CliState, as_json: bool) -> None:
    """List operators."""
    rows = [{"name": o.name, "role": o.role.value, "pin": o.has_pin, "badge": o.has_badge, "active": o.active}
            for o in state.app.operators.all()]
    emit(rows, as_json, lambda rs: "\n".join(f"{r['name']:<24} {r['role']:<10} {'PIN' if r['pin'] else ''}"
                                             for r in rs))


# -- customers -----------------------------------------------------------------------------------------

@cli.group()
def customer() -> None:
    """Customers (municipalities, and the body acting for them)."""


@customer.command("add")
@click.argument("name")
@click.option("--short", "short_name", help="Short name for labels, e.g. Heby.")
@click.option("--org-number", help="Swedish organisation number, e.g. 212000-0340.")
@click.option("--parent", help="Customer of record, e.g. IT-centrum.")
@json_option
@pass_state
def customer_add(state: CliState, name: str, short_name: str | None, org_number: str | None, parent: str | None,
                 as_json: bool) -> None:
    """Add a customer."""
    info = state.app.customers.add(state.actor, name, short_name, org_number, parent)
    emit(info.as_dict(), as_json, lambda d: f"added {d['name']}")


@customer.command("list")
@json_option
@pass_state
def customer_list(state: CliState, as_json: bool) -> None:
    """List customers."""
    rows = [c.as_dict() for c in state.app.customers.all()]
    emit(rows, as_json, lambda rs: "\n".join(
        f"{r['short_name']:<14} {r['name']:<30} {r['org_number'] or '':<12} {r['parent'] or ''}" for r in rs))


# -- orders --------------------------------------------------------------------------------------------

@cli.group()
def order() -> None:
    """Take-back orders."""


@order.command("create")
@click.option("--customer", required=True, help="Customer name, short name or organisation number.")
@click.option("--number", help="Order number (default: the next TB-YYYY-NNNN).")
@click.option("--ref", "customer_ref", help="The customer's own reference.")
@click.option("--note")
@json_option
@pass_state
def order_create(state: CliState, customer: str, number: str | None, customer_ref: str | None, note: str | None,
                 as_json: bool) -> None:
    """Create a take-back order."""
    s = state.app.orders.create(state.actor, customer, number, customer_ref, note)
    emit(s.as_dict(), as_json, lambda d: f"created {d['number']} for {d['customer']}")


def _order_line(d: dict[str, Any]) -> str:
    return (f"{d['number']:<14} {d['customer']:<12} {d['status']:<10} {d['matched']:>5} / {d['expected']:<5} "
            f"extras {d['extras']:<4} counted {d['count_received']}/{d['count_expected']}")


@order.command("list")
@click.option("--status", type=click.Choice(["open", "signed_off"]))
@click.option("--customer")
@json_option
@pass_state
def order_list(state: CliState, status: str | None, customer: str | None, as_json: bool) -> None:
    """List orders with their progress (matched / expected)."""
    rows = [s.as_dict() for s in state.app.orders.all(status, customer)]
    emit(rows, as_json, lambda rs: "\n".join(_order_line(r) for r in rs) or "no orders")


@order.command("show")
@click.argument("number")
@json_option
@pass_state
def order_show(state: CliState, number: str, as_json: bool) -> None:
    """Show an order with its expected units, count lines and pallets."""
    d = state.app.orders.detail(number)

    def text(d: dict[str, Any]) -> str:
        lines = [_order_line(d), f"customer: {d['customer_name']} {d['org_number'] or ''}"
                 + (f" (via {d['parent']})" if d["parent"] else "")]
        lines += [f"  {'x' if e['received'] else ' '} {e['serial'] or '':<16} {e['asset_tag'] or '':<12} "
                  f"{e['manufacturer'] or '':<8} {e['model'] or '':<24} {e['category']}" for e in d["expected_units"]]
        lines += [f"  count: {c['quantity']} x {c['description'] or c['model'] or c['category']}"
                  for c in d["count_lines"]]
        lines += [f"  pallet {p['code']} {'closed' if p['closed'] else 'open'}" for p in d["pallets"]]
        return "\n".join(lines)

    emit(d, as_json, text)


# -- manifests -----------------------------------------------------------------------------------------

def _parse_map(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for v in values:
        field_name, sep, header = v.partition("=")
        if not sep:
            raise InputError(f"--map {v!r}: write field=Header, e.g. serial=Serienr")
        out[field_name] = header
    return out


@cli.command("import-manifest")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--order", "order_number", required=True, help="The order the list belongs to.")
@click.option("--map", "maps", multiple=True, metavar="FIELD=HEADER",
              help="Use this column for a field (serial, asset_tag, manufacturer, model, category, quantity, "
                   "description); the header's name or its column letter.")
@click.option("--sheet", help="Excel sheet name (default: the first with a header row).")
@click.option("--dry-run", is_flag=True, help="Check everything, write nothing.")
@click.option("--skip-invalid", is_flag=True, help="Import the valid rows and skip the invalid ones.")
@json_option
@pass_state
def import_manifest(state: CliState, file: Path, order_number: str, maps: tuple[str, ...], sheet: str | None,
                    dry_run: bool, skip_invalid: bool, as_json: bool) -> None:
    """Import a customer's expected list (CSV or XLSX). Any invalid row: nothing imported, exit 2."""
    report = state.app.manifests.import_file(state.actor, order_number, file, mapping=_parse_map(maps),
                                             sheet=sheet, dry_run=dry_run, skip_invalid=skip_invalid)
    d = report.as_dict()

    def text(d: dict[str, Any]) -> str:
        lines = [f"{d['file']}: {d['rows_read']} rows; header on line {d['header_line']}; columns "
                 + ", ".join(f"{k}={v!r}" for k, v in d["mapping"].items())]
        lines += [f"  line {e['line']}: {e['column']}: {e['reason']}" for e in d["errors"]]
        lines += [f"  warning, line {w['line']}: {w['column']}: {w['reason']}" for w in d["warnings"]]
        if d["error_count"] > len(d["errors"]):
            lines.append(f"  ... and {d['error_count'] - len(d['errors'])} more errors")
        verb = "would import" if d["dry_run"] else "imported"
        count = d["units"] + d["count_lines"] if d["dry_run"] else d["imported"]
        lines.append(f"{verb} {count} ({d['units']} units, {d['count_lines']} count lines)"
                     + (f", skipped {d['skipped']}" if d["skipped"] else ""))
        return "\n".join(lines)

    emit(d, as_json, text)
    if report.error_count and not skip_invalid:
        sys.exit(2)


# -- pallets -------------------------------------------------------------------------------------------

@cli.group()
def pallet() -> None:
    """Pallets, cages and boxes."""


@pallet.command("open")
@click.option("--order", "order_number", required=True)
@click.option("--code", help="The pallet's SSCC or label; default: a new pallet id of ours.")
@json_option
@pass_state
def pallet_open(state: CliState, order_number: str, code: str | None, as_json: bool) -> None:
    """Open a pallet on an order."""
    p = state.app.scanning.open_pallet(state.actor, order_number, code)
    emit({"pallet": p.code, "order": p.order_number, "opened": p.opened, "reopened": p.reopened}, as_json,
         lambda d: f"pallet {d['pallet']} open on {d['order']}")


@pallet.command("close")
@click.argument("code")
@click.option("--weight-kg", type=float, help="Gross weight of the pallet.")
@json_option
@pass_state
def pallet_close(state: CliState, code: str, weight_kg: float | None, as_json: bool) -> None:
    """Close a pallet, with its weight."""
    p = state.app.scanning.close_pallet(state.actor, code, weight_kg)
    emit({"pallet": p.code, "order": p.order_number, "weight_kg": weight_kg}, as_json,
         lambda d: f"pallet {d['pallet']} closed")


# -- scanning ------------------------------------------------------------------------------------------

@cli.command()
@click.option("--order", "order_number", required=True, help="The order being received.")
@click.option("--pallet", "pallet_code", help="The current pallet (a pallet code in the stream switches it).")
@click.option("--source", type=click.Choice(["cli", "wedge", "serial", "camera", "manual"]), default="cli")
@click.option("--text", "as_text", is_flag=True, help="One readable line per scan instead of JSON.")
@click.option("--json", "as_json", is_flag=True, hidden=True, help="JSON lines (the default).")
@click.argument("codes", nargs=-1)
@pass_state
def scan(state: CliState, order_number: str, pallet_code: str | None, source: str, as_text: bool, as_json: bool,
         codes: tuple[str, ...]) -> None:
    """Record scans: the CODEs given, or one code per line from standard input.

    Prints one JSON object per scan, after it is durably committed.
    """
    app, actor = state.app, state.actor
    summary = app.orders.summary(order_number)  # fails early (exit 2) on an unknown order
    if summary.status == "signed_off":
        raise InputError(f"order {summary.number} is signed off; a supervisor must reopen it first")
    current = pallet_code
    for raw in _codes(codes):
        result = app.scanning.record(actor, summary.number, raw, pallet=current, source=source)
        if result.pallet is not None:
            current = result.pallet.code
        d = result.as_dict()
        if as_text:
            click.echo(f"{d['outcome']:<11} {d['identifier'] or repr(d['code']):<22} {d['message']}")
        else:
            click.echo(json.dumps(d, ensure_ascii=False))
        sys.stdout.flush()


def _codes(codes: tuple[str, ...]) -> Any:
    if codes:
        yield from codes
        return
    for line in sys.stdin:
        raw = line.rstrip("\r\n")
        if raw.strip():
            yield raw


# -- corrections ---------------------------------------------------------------------------------------

@cli.command()
@click.argument("scan_id")
@click.option("--reason", required=True)
@json_option
@pass_state
def void(state: CliState, scan_id: str, reason: str, as_json: bool) -> None:
    """Void a scan (the unit it received stops counting)."""
    r = state.app.corrections.void(state.actor, scan_id, reason)
    emit(r.as_dict(), as_json, lambda d: f"voided scan {d['scan_id']}" + (
        f" (unit {d['unit_internal_id']})" if d["unit_internal_id"] else ""))


@cli.command()
@click.argument("scan_id")
@click.option("--reject", is_flag=True, help="It is not the suggested unit: receive it as an extra.")
@click.option("--reason")
@json_option
@pass_state
def confirm(state: CliState, scan_id: str, reject: bool, reason: str | None, as_json: bool) -> None:
    """Answer a near match: receive it as the suggested unit (or --reject: as an extra)."""
    r = state.app.corrections.confirm(state.actor, scan_id, accept=not reject, reason=reason)
    emit(r.as_dict(), as_json, lambda d: f"received as {d['unit_internal_id']}"
         + (" (matched)" if d["expected_id"] else " (extra)"))


@cli.command()
@click.argument("unit")
@click.argument("expected")
@click.option("--reason", required=True)
@json_option
@pass_state
def match(state: CliState, unit: str, expected: str, reason: str, as_json: bool) -> None:
    """Match an extra UNIT (internal id) to an EXPECTED unit (serial, asset tag or id). Supervisor."""
    r = state.app.corrections.manual_match(state.actor, unit, expected, reason)
    emit(r.as_dict(), as_json, lambda d: f"matched {d['unit_internal_id']}")


@cli.command()
@click.argument("unit")
@click.argument("pallet_code")
@click.option("--reason")
@json_option
@pass_state
def move(state: CliState, unit: str, pallet_code: str, reason: str | None, as_json: bool) -> None:
    """Move a UNIT to another pallet of its order. Supervisor."""
    r = state.app.corrections.move(state.actor, unit, pallet_code, reason)
    emit(r.as_dict(), as_json, lambda d: f"moved {d['unit_internal_id']} to {d['pallet']}")


@cli.command()
@click.option("--order", "order_number", required=True)
@click.option("--qty", type=int, required=True, help="How many (negative to correct an earlier count).")
@click.option("--line", help="The count line (its line number in the manifest, or its id).")
@click.option("--category", help="Or the category, e.g. peripheral, cable.")
@click.option("--pallet", "pallet_code")
@json_option
@pass_state
def count(state: CliState, order_number: str, qty: int, line: str | None, category: str | None,
          pallet_code: str | None, as_json: bool) -> None:
    """Count items without serials (mice, cables) onto an order."""
    d = state.app.counts.count(state.actor, order_number, qty, line=line, category=category, pallet=pallet_code)
    emit(d, as_json, lambda d: f"counted {d['quantity']} {d['category']} on {d['order']}")


# -- reconciliation ------------------------------------------------------------------------------------

@cli.command()
@click.argument("order_number")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV, one line per unit of interest.")
@pass_state
def reconcile(state: CliState, order_number: str, as_json: bool, as_csv: bool) -> None:
    """Expected against received for an order: matched, missing, extras, duplicates, wrong order."""
    from ..services.reconciliation import report_csv

    report, _ = state.app.reconciler.reconcile(order_number)
    if as_csv:
        click.echo(report_csv(report), nl=False)
        return
    emit(report, as_json, _reconcile_text)


def _reconcile_text(d: dict[str, Any]) -> str:
    t = d["totals"]
    lines = [f"{d['order']} {d['customer']} ({d['status']})",
             f"expected {t['expected']}  received {t['received']}  matched {t['matched']}  missing {t['missing']}  "
             f"extras {t['extras']}  duplicates {t['duplicates']}  wrong order {t['wrong_order']}", "",
             f"{'category':<16}{'exp':>6}{'recv':>6}{'match':>6}{'miss':>6}{'extra':>6}{'dup':>5}"]
    for cat, c in d["by_category"].items():
        lines.append(f"{cat:<16}{c['expected']:>6}{c['received']:>6}{c['matched']:>6}{c['missing']:>6}"
                     f"{c['extras']:>6}{c['duplicates']:>5}")
    lines.append("")
    for pal, c in d["by_pallet"].items():
        lines.append(f"pallet {pal:<14} received {c['received']:>4}  extras {c['extras']:>3}  "
                     f"duplicates {c['duplicates']:>3}  wrong order {c['wrong_order']:>3}")
    for c in d["count_lines"]:
        lines.append(f"count {c['description'] or c['category']:<20} {c['received']} / {c['expected']}")
    lines += [f"missing: {m['serial'] or m['asset_tag']} {m['model'] or ''}" for m in d["missing"][:50]]
    if len(d["missing"]) > 50:
        lines.append(f"... and {len(d['missing']) - 50} more missing (see --json or --csv)")
    lines += [f"extra:   {u['serial']} label {u['internal_id']}" for u in d["extras"]]
    return "\n".join(lines)


@cli.command("sign-off")
@click.argument("order_number")
@click.option("--reason", help="Required when the order does not balance.")
@json_option
@pass_state
def sign_off(state: CliState, order_number: str, reason: str | None, as_json: bool) -> None:
    """Sign off an order (supervisor): it is closed to further scans."""
    d = state.app.reconciler.sign_off(state.actor, order_number, reason)
    emit(d, as_json, lambda d: f"{d['order']} signed off by {d['by']}")


@cli.command()
@click.argument("order_number")
@click.option("--reason", required=True)
@json_option
@pass_state
def reopen(state: CliState, order_number: str, reason: str, as_json: bool) -> None:
    """Reopen a signed-off order (supervisor, with a reason)."""
    d = state.app.reconciler.reopen(state.actor, order_number, reason)
    emit(d, as_json, lambda d: f"{d['order']} reopened by {d['by']}")
