"""Reading the printing resources: label templates, CO2e factor tables, fonts folder.

Each problem with a resource file is one :class:`ResourceError` naming the file, so a broken
installation is reported as such and never as a crash in a renderer.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..domain.co2e import FactorTable, FactorTableError
from ..errors import IntakeError
from .labels import FIELDS
from .layout import Template, TemplateError


class ResourceError(IntakeError):
    code = "resource_error"


@dataclass(frozen=True)
class PrintResources:
    """Where the templates, factor tables and fonts are (``resources/`` unless told otherwise)."""

    root: Path

    @property
    def fonts(self) -> Path:
        return self.root / "fonts"

    def template(self, kind: str) -> Template:
        """The label template ``resources/label_templates/<kind>.toml``."""
        path = self.root / "label_templates" / f"{kind}.toml"
        try:
            return Template.from_dict(_toml(path), FIELDS[kind])
        except TemplateError as exc:
            raise ResourceError(f"{path}: {exc}") from None

    def factor_tables(self) -> list[FactorTable]:
        """Every CO2e factor table in ``resources/co2e`` (old versions stay for old receipts)."""
        folder = self.root / "co2e"
        tables = []
        for path in sorted(folder.glob("*.toml")):
            try:
                tables.append(FactorTable.from_dict(_toml(path)))
            except FactorTableError as exc:
                raise ResourceError(f"{path}: {exc}") from None
        if not tables:
            raise ResourceError(f"no CO2e factor table in {folder}")
        return tables


def _toml(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ResourceError(f"{path} is missing; reinstall the application") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"{path} cannot be read: {exc}") from None
