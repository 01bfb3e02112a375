"""Realistic, deterministic IT fleets and manifest files for the demo, tests and benchmarks.

Serial formats follow the manufacturers' conventions (reference/domain.md section 4): Dell
service tags (7 characters), HP serials (10), Lenovo (8, ``PF``/``R9`` prefixes), Apple
(10, random since 2021), Samsung (11). Asset tags look like municipal inventory numbers.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import openpyxl

_DELL = "BCDFGHJKLMNPQRSTVWXYZ0123456789"
_ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"

# (manufacturer, model, Swedish category, serial style, weight)
MODELS: tuple[tuple[str, str, str, str, int], ...] = (
    ("Dell", "Latitude 5420", "Bärbar dator", "dell", 14),
    ("Dell", "Latitude 7420", "Bärbar dator", "dell", 6),
    ("HP", "EliteBook 840 G8", "Bärbar dator", "hp", 12),
    ("Lenovo", "ThinkPad T14 Gen 2", "Bärbar dator", "lenovo", 10),
    ("Dell", "OptiPlex 7090 Micro", "Stationär dator", "dell", 8),
    ("HP", "ProDesk 400 G7 SFF", "Stationär dator", "hp", 5),
    ("Lenovo", "ThinkCentre M70q", "Stationär dator", "lenovo", 4),
    ("Dell", "P2422H", "Bildskärm", "dell", 12),
    ("HP", "E24 G4", "Bildskärm", "hp", 6),
    ("Apple", "iPhone 12", "Mobiltelefon", "apple", 7),
    ("Apple", "iPhone SE (2nd gen)", "Mobiltelefon", "apple", 4),
    ("Samsung", "Galaxy A52", "Mobiltelefon", "samsung", 4),
    ("Apple", "iPad (9th gen)", "Surfplatta", "apple", 5),
    ("Dell", "WD19S", "Dockningsstation", "dell", 3),
)

MUNICIPALITIES: tuple[tuple[str, str, str, str], ...] = (
    # name, short name, organisation number (valid form; demo data), asset-tag prefix
    ("Heby kommun", "Heby", "212000-0316", "HEB"),
    ("Knivsta kommun", "Knivsta", "212000-3005", "KNI"),
    ("Tierp kommun", "Tierp", "212000-0290", "TIE"),
    ("Älvkarleby kommun", "Älvkarleby", "212000-0282", "ÄLV"),
    ("Östhammar kommun", "Östhammar", "212000-0308", "ÖST"),
)
PARENT = ("IT-centrum, gemensam IT-nämnd", "IT-centrum", "212000-0274")


@dataclass(frozen=True)
class FleetUnit:
    serial: str
    asset_tag: str | None
    manufacturer: str
    model: str
    category: str


def serial_for(style: str, rng: random.Random) -> str:
    def pick(alphabet: str, n: int) -> str:
        return "".join(rng.choice(alphabet) for _ in range(n))

    if style == "dell":
        return pick(_DELL, 7)
    if style == "hp":
        return rng.choice(("5CG", "CND", "8CC", "5CD")) + f"{rng.randint(0, 9)}{rng.randint(10, 52)}" + pick(_ALNUM, 4)
    if style == "lenovo":
        return rng.choice(("PF", "R9", "MJ")) + pick(_ALNUM, 6)
    if style == "apple":
        return pick(_ALNUM, 10)
    return "R5" + pick(_ALNUM, 9)


def fleet(seed: int, n: int, tag_prefix: str, tag_share: float = 0.85, start_tag: int = 1000) -> list[FleetUnit]:
    """``n`` units with unique serials; most carry a municipal asset tag."""
    rng = random.Random(seed)
    weights = [m[4] for m in MODELS]
    seen: set[str] = set()
    out: list[FleetUnit] = []
    tag_no = start_tag
    while len(out) < n:
        make, model, cat, style, _ = rng.choices(MODELS, weights)[0]
        serial = serial_for(style, rng)
        if serial in seen:
            continue
        seen.add(serial)
        tag_no += rng.randint(1, 7)
        tag = f"{tag_prefix}-{tag_no:06d}" if rng.random() < tag_share else None
        out.append(FleetUnit(serial, tag, make, model, cat))
    return out


def iter_big_fleet(seed: int, n: int) -> Iterator[FleetUnit]:
    """A large fleet streamed (benchmarks): serials are unique by construction (a counter inside)."""
    rng = random.Random(seed)
    for i in range(n):
        make, model, cat, style, _ = MODELS[i % len(MODELS)]
        prefix = serial_for(style, rng)[:3]
        yield FleetUnit(f"{prefix}{i:09d}", f"BIG-{i:08d}", make, model, cat)


# -- files ---------------------------------------------------------------------------------------------

SV_HEADERS = ("Inventarienummer", "Serienummer", "Tillverkare", "Modell", "Kategori", "Antal")
EN_HEADERS = ("Asset Tag", "Serial Number", "Manufacturer", "Model", "Category", "Quantity")
COUNT_LINES_SV = (("Logitech", "M185", "Mus", 24), ("Dell", "KB216", "Tangentbord", 18), ("Dell", "65W USB-C",
                                                                                          "Laddare", 30))


def _rows(units: list[FleetUnit], counts: tuple[tuple[str, str, str, int], ...]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = [(u.asset_tag or "", u.serial, u.manufacturer, u.model, u.category, 1)
                                      for u in units]
    rows += [("", "", make, model, cat, qty) for make, model, cat, qty in counts]
    return rows


def write_csv(path: Path, headers: tuple[str, ...], rows: list[tuple[object, ...]], *, delimiter: str = ";",
              encoding: str = "cp1252", newline: str = "\r\n", title: str | None = None) -> None:
    buf = io.StringIO()
    if title:
        buf.write(title + newline + newline)
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline)
    w.writerow(headers)
    w.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


def write_xlsx(path: Path, headers: tuple[str, ...], rows: list[tuple[object, ...]], *, titles: tuple[str, ...] = (),
               sheet: str = "Återlämning") -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    for t in titles:
        ws.append([t])
    if titles:
        ws.append([])
    ws.append(list(headers))
    for r in rows:
        ws.append(list(r))
    for col in ("A", "B"):
        for cell in ws[col]:
            cell.number_format = "@"  # text: what a careful customer does with serials
    wb.properties.creator = "IT-centrum"
    wb.properties.created = wb.properties.modified = datetime(2026, 3, 2, 8, 0)
    wb.save(path)


@dataclass(frozen=True)
class DemoOrder:
    number: str
    municipality: str
    customer_ref: str
    manifest: str
    units: list[FleetUnit]


def demo_orders() -> list[DemoOrder]:
    sizes = (48, 36, 120, 30, 80)
    refs = ("Återtag v.10 Heby skolor", "KNI-2026-014", "Tierp kommunhus plan 2", "ÄLV mobiler Q1", "ÖST-IT 2026/03")
    files = ("heby-aterlamning.csv", "knivsta-aterlamning.xlsx", "tierp-return.csv", "alvkarleby-mobiler.tsv",
             "osthammar-aterlamning.xlsx")
    out = []
    for i, ((_name, short, _org, prefix), size) in enumerate(zip(MUNICIPALITIES, sizes, strict=True)):
        units = fleet(2026_0000 + i, size, prefix, start_tag=1000 + 5000 * i)
        out.append(DemoOrder(f"TB-2026-{i + 1:04d}", short, refs[i], files[i], units))
    return out


def write_demo_files(folder: Path) -> list[Path]:
    """Write the five demo manifests, each in the way its municipality's system exports."""
    folder.mkdir(parents=True, exist_ok=True)
    orders = demo_orders()
    heby, knivsta, tierp, alv, ost = orders
    paths = [folder / o.manifest for o in orders]
    write_csv(paths[0], SV_HEADERS, _rows(heby.units, COUNT_LINES_SV), delimiter=";", encoding="cp1252",
              newline="\r\n")
    write_xlsx(paths[1], SV_HEADERS, _rows(knivsta.units, COUNT_LINES_SV[:1]),
               titles=("Knivsta kommun - återlämning av IT-utrustning", "Export 2026-03-02"))
    write_csv(paths[2], EN_HEADERS, _rows(tierp.units, ()), delimiter=",", encoding="utf-8-sig", newline="\n")
    write_csv(paths[3], ("Inventarienr", "Serienr", "Fabrikat", "Modell", "Typ", "Antal"),
              _rows(alv.units, (("Apple", "USB-C 20W", "Laddare", 25),)), delimiter="\t", encoding="utf-8",
              newline="\n")
    write_xlsx(paths[4], SV_HEADERS, _rows(ost.units, COUNT_LINES_SV[1:]), titles=("Östhammars kommun",))
    paths.append(write_codes_file(folder, orders))
    return paths


DEMO_SSCC = ("373500123400000019", "373500123400000026")


def demo_codes(orders: list[DemoOrder]) -> list[str]:
    """What a dock operator scans receiving the first pallet of TB-2026-0001: every outcome once or more."""
    heby, knivsta = orders[0], orders[1]
    s = [u.serial for u in heby.units]
    tagged = next(u for u in heby.units[20:] if u.asset_tag)
    swaps = {"0": "O", "1": "I", "5": "S", "8": "B", "O": "0", "I": "1", "S": "5", "B": "8"}
    near = next(u.serial for u in heby.units[19:] if any(ch in swaps for ch in u.serial))
    i = next(i for i, ch in enumerate(near) if ch in swaps)
    confusable = near[:i] + swaps[near[i]] + near[i + 1:]  # as if typed by hand from the sticker
    return [
        "00" + DEMO_SSCC[0],                # pallet: the sender's SSCC, scanned as 00 + 18 digits
        *s[:10],                            # matched
        s[3],                               # duplicate
        knivsta.units[0].serial,            # wrong order: Knivsta's laptop on Heby's pallet
        "7350012345679",                    # rejected: an EAN product code from the box
        "5CG0ZZ9NEW1",                      # unexpected: on no list, received as an extra
        f"S/N: {s[10]}",                    # matched, with the label text the scanner picked up
        tagged.asset_tag or "",             # matched by the municipality's asset tag
        confusable,                         # near match: one confusable character away
        "%%%",                              # rejected: garbage
        "]C100" + DEMO_SSCC[1],             # second pallet, GS1-128 with symbology identifier
        *s[11:19],                          # matched
    ]


def write_codes_file(folder: Path, orders: list[DemoOrder]) -> Path:
    path = folder / f"pallet-{orders[0].number}.txt"
    path.write_text("\n".join(demo_codes(orders)) + "\n", encoding="utf-8")
    return path
