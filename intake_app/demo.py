"""``intake demo``: IT-centrum, its five municipalities, operators, orders and their manifests.

The manifests are imported from ``resources/demo`` through the real importer, each in the
format its municipality's system exports (semicolon CSV in Windows-1252, XLSX with title
rows, UTF-8 CSV with a BOM, tab-separated). Tierp's order is half received on two pallets so
the screens have something to show; Heby's order is left for the README's walk-through.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from .app import IntakeApp
from .demo_data import MUNICIPALITIES, PARENT, demo_orders
from .errors import Conflict
from .paths import resources_dir
from .store import tables as t

DEMO_PRINTER = "demo-folder"
DEMO_OPERATORS = (("Anna Lindqvist", "operator", "1357"), ("Sven Ekström", "supervisor", "2468"),
                  ("Admin", "admin", "9753"))


def seed_demo(app: IntakeApp, *, force: bool = False) -> dict[str, Any]:
    """Seed the demo data; refuses (Conflict) if orders exist, unless ``force``."""
    with app.store.read() as conn:
        has_orders = conn.execute(select(func.count()).select_from(t.orders)).scalar_one() > 0
        has_people = conn.execute(select(func.count()).select_from(t.operators)
                                  .where(t.operators.c.role != "operator")).scalar_one() > 0
    if has_orders and not force:
        raise Conflict("this database already has orders; use --force to add the demo orders anyway, "
                       "or point --db / INTAKE_HOME at a new database")
    if not has_people:
        admin_name, _, admin_pin = DEMO_OPERATORS[2]
        app.operators.create(None, admin_name, "admin", admin_pin)  # the set-up admin needs no sign-in
        admin = app.sign_in(admin_name, admin_pin)
        for name, role, pin in DEMO_OPERATORS[:2]:
            app.operators.create(admin, name, role, pin)
    boss = app.sign_in("Sven Ekström", "2468")
    anna = app.sign_in("Anna Lindqvist", "1357")
    existing = {c.short_name for c in app.customers.all()}
    if PARENT[1] not in existing:
        app.customers.add(boss, PARENT[0], PARENT[1], PARENT[2])
    for name, short, org, _prefix in MUNICIPALITIES:
        if short not in existing:
            app.customers.add(boss, name, short, org, parent=PARENT[1])
    folder = resources_dir() / "demo"
    summary: list[dict[str, Any]] = []
    for o in demo_orders():
        number = o.number if not has_orders else None
        created = app.orders.create(boss, o.municipality, number, o.customer_ref)
        report = app.manifests.import_file(boss, created.number, folder / o.manifest)
        summary.append({"number": created.number, "customer": o.municipality, "manifest": o.manifest,
                        "expected": report.units, "count_lines": report.count_lines})
    _receive_half(app, anna, summary[2]["number"], demo_orders()[2])
    return {
        "database": app.store.engine.url.render_as_string(hide_password=True),
        "station": app.station.name,
        "orders": summary,
        "operators": [{"name": n, "role": r, "pin": p} for n, r, p in DEMO_OPERATORS if r != "admin"],
        "codes_file": str(folder / f"pallet-{demo_orders()[0].number}.txt"),
    }


def setup_demo_printer(app: IntakeApp) -> str:
    """A "save to folder" printer for labels and receipts: PDF files in the station's ``printed`` folder.

    Lets the demo show auto-printed labels, the print queue and receipts without a printer. A
    station that already has printers keeps them."""
    folder = app.paths.data_dir / "printed"
    if not app.settings.get("printing.printers"):
        app.settings.set("printing.printers", {DEMO_PRINTER: {"driver": "folder", "format": "pdf",
                                                              "path": str(folder)}})
        app.settings.set("printing.label_printer", DEMO_PRINTER)
        app.settings.set("printing.receipt_printer", DEMO_PRINTER)
        app.settings.save()
    return str(folder)


def _receive_half(app: IntakeApp, actor: Any, number: str, order: Any) -> None:
    """Receive about half of an order on two pallets, with one extra, so the screens show progress."""
    pallet = None
    for i, unit in enumerate(order.units[: len(order.units) // 2]):
        if i % 30 == 0:
            pallet = app.scanning.open_pallet(actor, number).code
        app.scanning.record(actor, number, unit.serial, pallet=pallet, source="wedge")
    app.scanning.record(actor, number, "CZC1234XTRA", pallet=pallet, source="wedge")

