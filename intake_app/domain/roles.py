"""Operator roles and what each may do. The engine checks these, not only the GUI."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Permission(enum.StrEnum):
    SCAN = "scan"
    VOID = "void"
    CONFIRM_NEAR_MATCH = "confirm_near_match"
    OPEN_CLOSE_PALLET = "open_close_pallet"
    MANUAL_MATCH = "manual_match"
    MOVE_UNIT = "move_unit"
    SIGN_OFF = "sign_off"
    REOPEN = "reopen"
    IMPORT_MANIFEST = "import_manifest"
    MANAGE_ORDERS = "manage_orders"
    MANAGE_OPERATORS = "manage_operators"
    CONFIGURE_STATION = "configure_station"


_OPERATOR = {Permission.SCAN, Permission.VOID, Permission.CONFIRM_NEAR_MATCH, Permission.OPEN_CLOSE_PALLET}
_SUPERVISOR = _OPERATOR | {
    Permission.MANUAL_MATCH, Permission.MOVE_UNIT, Permission.SIGN_OFF, Permission.REOPEN,
    Permission.IMPORT_MANIFEST, Permission.MANAGE_ORDERS, Permission.CONFIGURE_STATION,
}
GRANTS: dict[Role, frozenset[Permission]] = {
    Role.OPERATOR: frozenset(_OPERATOR),
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.ADMIN: frozenset(_SUPERVISOR | {Permission.MANAGE_OPERATORS}),
}


def may(role: Role, permission: Permission) -> bool:
    return permission in GRANTS[role]
