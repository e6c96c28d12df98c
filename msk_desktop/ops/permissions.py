"""Who may do what (SECURITY.md, "People and roles"), checked in every op, not only in the GUI."""

from __future__ import annotations

from msk_desktop.domain.errors import Message, PermissionDenied
from msk_desktop.ops.context import OpContext, Role

_ALL = frozenset(Role)
_STATION_STAFF = frozenset({Role.IN_CHARGE, Role.SUB_INSPECTOR})
_DESK = frozenset({Role.IN_CHARGE, Role.SUB_INSPECTOR, Role.HELPDESK})

# Writing to a register (create, edit, follow-up, soft delete).
WRITE_ROLES: dict[str, frozenset[Role]] = {
    "fir": _STATION_STAFF,
    "preventive_action": _STATION_STAFF,
    "duty_roster_slot": _STATION_STAFF,
    "helpdesk_application": _DESK,
    "counselling_case": _DESK,
    "ppk_referral": _STATION_STAFF,
    "support_referral": _STATION_STAFF,
    "staff_deployment": _STATION_STAFF,
    "awareness_programme": _STATION_STAFF,
    "staff_member": frozenset({Role.IN_CHARGE}),
    "inspection_entry": frozenset({Role.CIRCLE_OFFICER, Role.IN_CHARGE}),
}

# Actions that are not a plain register write.
ACTION_ROLES: dict[str, frozenset[Role]] = {
    "read_registers": _ALL,
    "record_compliance": frozenset({Role.IN_CHARGE}),
    "reveal_identity": frozenset({Role.IN_CHARGE}),
    "lift_identity_protection": frozenset({Role.IN_CHARGE}),
    # Identities of a case whose (non-statutory) protection the in-charge lifted.
    "see_lifted_identity": _STATION_STAFF,
    "manage_users": frozenset({Role.IN_CHARGE}),
    "station_settings": frozenset({Role.IN_CHARGE}),
    "read_audit": frozenset({Role.IN_CHARGE, Role.CIRCLE_OFFICER}),
    "backup_restore": frozenset({Role.IN_CHARGE}),
    # Files that leave the PC (password-protected spreadsheets of a register).
    "export": _STATION_STAFF,
}


def _deny(ctx: OpContext, what: str) -> PermissionDenied:
    return PermissionDenied(
        Message(
            hi=f"आपकी भूमिका ({ctx.actor.role}) को यह कार्य ({what}) करने की अनुमति नहीं है।",
            en=f"Your role ({ctx.actor.role}) may not do this ({what}).",
        )
    )


def require_write(ctx: OpContext, register: str) -> None:
    if ctx.actor.role not in WRITE_ROLES[register]:
        raise _deny(ctx, register)


def require(ctx: OpContext, action: str) -> None:
    if ctx.actor.role not in ACTION_ROLES[action]:
        raise _deny(ctx, action)
