"""CO2e factors: the shipped table is cited and does not over-claim; garbage tables are refused."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from intake_app.domain.co2e import FactorTable, FactorTableError, estimate, pick_table
from intake_app.printing.resources import PrintResources, ResourceError

from .conftest import REPO

RES = PrintResources(REPO / "resources")
BASE = {"name": "T", "version": "1", "valid_from": date(2026, 1, 1), "method": "m",
        "factor": [{"category": "laptop", "kg_co2e": 200, "low": 150, "high": 250, "source": "s", "year": 2023}]}


def test_the_shipped_table_is_versioned_and_every_factor_cited():
    tables = RES.factor_tables()
    assert tables
    for table in tables:
        assert table.name and table.version and table.method and table.method_sv
        for f in table.factors.values():
            assert f.source.strip() and 2000 <= f.year <= 2100 and f.low <= f.kg <= f.high


def test_the_shipped_factors_do_not_over_claim():
    """reference/domain.md section 3: manufacturing share only; servers are not credited their whole PCF."""
    factors = RES.factor_tables()[-1].factors
    assert factors["laptop"].kg <= 280  # never above the published reuse figure (IVL/Inrego)
    assert factors["monitor"].kg <= 520
    assert factors["server"].kg < 0.25 * 7980  # ~1.2 t of manufacture, not the ~8 t life-cycle footprint
    assert "docking_station" not in factors  # no public figure: counts nothing rather than a guess


def test_estimate_arithmetic_and_categories_without_a_factor():
    table = FactorTable.from_dict(BASE)
    e = estimate(table, {"laptop": 3, "cable": 5, "monitor": 0})
    assert [line.category for line in e.lines] == ["laptop", "cable"]
    assert (e.total_kg, e.total_low, e.total_high) == (600, 450, 750)
    assert e.uncounted == ("cable",)
    assert e.as_dict()["by_category"]["cable"] == {"units": 5, "kg": 0.0, "factor_kg": None}


def test_the_table_is_picked_by_the_date_or_by_what_a_receipt_recorded():
    old = FactorTable.from_dict(BASE)
    new = FactorTable.from_dict({**BASE, "version": "2", "valid_from": date(2027, 1, 1)})
    assert pick_table([old, new], date(2026, 6, 1)) is old
    assert pick_table([old, new], date(2027, 6, 1)) is new
    assert pick_table([old, new], date(2027, 6, 1), ("T", "1")) is old
    with pytest.raises(FactorTableError, match="not installed"):
        pick_table([old], date(2027, 1, 1), ("T", "9"))
    with pytest.raises(FactorTableError, match="no factor table valid"):
        pick_table([new], date(2026, 1, 1))


def _factor(**changes: object) -> dict[str, object]:
    return {**BASE, "factor": [{**BASE["factor"][0], **changes}]}  # type: ignore[index]


@pytest.mark.parametrize("raw,match", [
    ({k: v for k, v in BASE.items() if k != "name"}, "missing 'name'"),
    ({**BASE, "valid_from": "2026-01-01"}, "valid_from"),
    ({**BASE, "factor": {"laptop": 1}}, "rows"),
    ({**BASE, "factor": ["laptop"]}, "not a table"),
    (_factor(kg_co2e="lots"), "factor 1"),
    (_factor(low=300), "low <= kg_co2e <= high"),
    (_factor(kg_co2e=-5, low=-5), "low <= kg_co2e"),
    (_factor(source=" "), "source"),
    (_factor(year=1066), "year"),
    (_factor(category=None, kg_co2e=None), "factor 1"),
    ({**BASE, "factor": BASE["factor"] * 2}, "twice"),
])
def test_garbage_factor_tables_are_refused_with_a_reason(raw: dict, match: str):
    with pytest.raises(FactorTableError, match=match):
        FactorTable.from_dict(raw)


def test_a_broken_resource_file_is_reported_as_such(tmp_path: Path):
    (tmp_path / "co2e").mkdir()
    res = PrintResources(tmp_path)
    with pytest.raises(ResourceError, match="no CO2e factor table"):
        res.factor_tables()
    (tmp_path / "co2e" / "bad.toml").write_text("name = [", encoding="utf-8")
    with pytest.raises(ResourceError, match="cannot be read"):
        res.factor_tables()
    (tmp_path / "co2e" / "bad.toml").write_bytes(b"\xff\xfe")
    with pytest.raises(ResourceError, match="cannot be read"):
        res.factor_tables()
    (tmp_path / "co2e" / "bad.toml").write_text('name = "x"', encoding="utf-8")
    with pytest.raises(ResourceError, match="missing"):
        res.factor_tables()
    with pytest.raises(ResourceError, match="missing; reinstall"):
        res.template("unit")


def test_the_shipped_file_parses_as_plain_toml():
    path = REPO / "resources" / "co2e" / "intake-co2e-2026.1.toml"
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert raw["version"] == "2026.1" and len(raw["factor"]) == len(FactorTable.from_dict(raw).factors)
