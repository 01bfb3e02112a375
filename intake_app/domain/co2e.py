"""CO2e arithmetic: what reusing the received units is estimated to avoid.

Pure: the factor table is parsed from a plain mapping (the services read it from
``resources/co2e``) and the estimate is a frozen result the receipt prints as it is. The rules:

* only units actually received count (matched and extras; a duplicate is the same unit twice);
* a category without a factor counts nothing and is listed as such (no guessing);
* each factor carries its source and year; the table's name and version go on every receipt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any


class FactorTableError(ValueError):
    """The factor table is malformed (a resource error, reported with what is wrong)."""


@dataclass(frozen=True)
class Factor:
    category: str
    kg: float  # kg CO2e avoided per reused unit (central value)
    low: float
    high: float
    source: str
    year: int
    note: str = ""


@dataclass(frozen=True)
class FactorTable:
    name: str
    version: str
    valid_from: date
    method: str
    factors: Mapping[str, Factor]
    method_sv: str = ""

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> FactorTable:
        """Parse a table; every problem names the entry it is in."""
        try:
            name, version, method = (str(raw[k]).strip() for k in ("name", "version", "method"))
            valid_from = raw["valid_from"]
            rows = raw["factor"]
        except KeyError as exc:
            raise FactorTableError(f"factor table: missing {exc.args[0]!r}") from None
        if not name or not version or not isinstance(valid_from, date) or not isinstance(rows, list):
            raise FactorTableError("factor table: name, version, valid_from (a date) and [[factor]] rows needed")
        factors: dict[str, Factor] = {}
        for i, row in enumerate(rows, start=1):
            f = _factor(i, row)
            if f.category in factors:
                raise FactorTableError(f"factor table: category {f.category!r} appears twice")
            factors[f.category] = f
        return cls(name, version, valid_from, method, factors, str(raw.get("method_sv", "")).strip())


def _factor(i: int, row: Any) -> Factor:
    if not isinstance(row, Mapping):
        raise FactorTableError(f"factor {i}: not a table")
    try:
        kg = float(row["kg_co2e"])
        low, high = float(row.get("low", kg)), float(row.get("high", kg))
        f = Factor(str(row["category"]), kg, low, high, str(row["source"]), int(row["year"]),
                   str(row.get("note", "")))
    except (KeyError, TypeError, ValueError) as exc:
        raise FactorTableError(f"factor {i}: {exc!r}") from None
    if not (0 <= low <= kg <= high) or not f.source.strip() or not 1990 <= f.year <= 2100:
        raise FactorTableError(f"factor {i} ({f.category}): needs 0 <= low <= kg_co2e <= high, a source and a year")
    return f


@dataclass(frozen=True)
class Co2eLine:
    category: str
    units: int
    factor: Factor | None  # None: no published factor for this category, counted as nothing

    @property
    def kg(self) -> float:
        return self.units * self.factor.kg if self.factor else 0.0

    @property
    def low(self) -> float:
        return self.units * self.factor.low if self.factor else 0.0

    @property
    def high(self) -> float:
        return self.units * self.factor.high if self.factor else 0.0


@dataclass(frozen=True)
class Co2eEstimate:
    table_name: str
    table_version: str
    method: str
    lines: tuple[Co2eLine, ...]
    method_sv: str = ""

    def method_in(self, lang: str) -> str:
        return self.method_sv if lang == "sv" and self.method_sv else self.method

    @property
    def total_kg(self) -> float:
        return sum(line.kg for line in self.lines)

    @property
    def total_low(self) -> float:
        return sum(line.low for line in self.lines)

    @property
    def total_high(self) -> float:
        return sum(line.high for line in self.lines)

    @property
    def uncounted(self) -> tuple[str, ...]:
        """Categories with received units but no factor."""
        return tuple(line.category for line in self.lines if line.factor is None and line.units)

    def as_dict(self) -> dict[str, Any]:
        return {
            "table": self.table_name, "version": self.table_version,
            "total_kg": round(self.total_kg, 1), "low_kg": round(self.total_low, 1),
            "high_kg": round(self.total_high, 1),
            "by_category": {line.category: {"units": line.units, "kg": round(line.kg, 1),
                                            "factor_kg": line.factor.kg if line.factor else None}
                            for line in self.lines},
        }


def estimate(table: FactorTable, received: Mapping[str, int]) -> Co2eEstimate:
    """The estimate for ``received`` units per category key, in the given order (zero counts left out)."""
    lines = tuple(Co2eLine(cat, n, table.factors.get(cat)) for cat, n in received.items() if n > 0)
    return Co2eEstimate(table.name, table.version, table.method, lines, table.method_sv)


def pick_table(tables: list[FactorTable], on: date, name_version: tuple[str, str] | None = None) -> FactorTable:
    """The table recorded for a receipt (``name_version``), else the newest valid ``on`` that day."""
    if name_version is not None:
        for t in tables:
            if (t.name, t.version) == name_version:
                return t
        raise FactorTableError(f"factor table {name_version[0]} version {name_version[1]} is not installed")
    valid = [t for t in tables if t.valid_from <= on]
    if not valid:
        raise FactorTableError(f"no factor table valid on {on.isoformat()}")
    return max(valid, key=lambda t: t.valid_from)
