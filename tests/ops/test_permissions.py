"""Who may do what: every op tried by every role, against a table written from SECURITY.md
("People and roles") and the MSK circular, not from ops/permissions.py."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from msk_desktop.domain.errors import PermissionDenied, ValidationError
from msk_desktop.ops.audit_log import read_audit_log, verify_audit_chain
from msk_desktop.ops.context import OpContext, Role
from msk_desktop.ops.deadlines import station_deadlines
from msk_desktop.ops.deployments import record_deployment
from msk_desktop.ops.entries import create_entry, delete_entry, edit_entry
from msk_desktop.ops.fir import (
    add_accused,
    add_milestone,
    add_victim,
    edit_accused,
    set_fir_sections,
)
from msk_desktop.ops.follow_ups import add_counselling_session, add_follow_up
from msk_desktop.ops.identity import (
    lift_identity_protection,
    restore_identity_protection,
    reveal_case_identities,
    reveal_identity,
)
from msk_desktop.ops.inspection import record_compliance, record_inspection
from msk_desktop.ops.registers import REGISTERS
from msk_desktop.ops.rosters import (
    add_roster_slot,
    copy_roster_week,
    record_slot_report,
    set_slot_staff,
)
from msk_desktop.ops.station import add_user
from msk_desktop.ops.station_settings import SecuritySettings, set_security_settings
from msk_desktop.ops.users import disable_user, enable_user, list_users, reset_password
from msk_desktop.store.models import AppUser
from tests.ops.conftest import (
    ACCOUNTS,
    FAST_KDF,
    ROLES,
    SAMPLES,
    StationHandle,
    has_devanagari,
    make_entry,
    rows,
)

IC, SI, HD, CO = Role.IN_CHARGE, Role.SUB_INSPECTOR, Role.HELPDESK, Role.CIRCLE_OFFICER

# SECURITY.md: the in-charge may do everything for the station; a sub-inspector creates and
# edits the registers, counselling and referrals, but not the staff register, users, reveals or
# compliance; the help desk constable keeps help desk applications, their follow-ups and
# counselling notes, and only sees rosters; the circle officer reads, and writes inspection
# entries only.
EVERYONE = frozenset(ROLES)
REGISTER_KEEPERS = frozenset({IC, SI})
HELP_DESK = frozenset({IC, SI, HD})
INSPECTION_BOOK = frozenset({IC, CO})
IN_CHARGE_ONLY = frozenset({IC})

EXPECTED_WRITERS: dict[str, frozenset[Role]] = {
    "fir": REGISTER_KEEPERS,
    "preventive_action": REGISTER_KEEPERS,
    "duty_roster": REGISTER_KEEPERS,
    "helpdesk_application": HELP_DESK,
    "counselling_case": HELP_DESK,
    "ppk_referral": REGISTER_KEEPERS,
    "support_referral": REGISTER_KEEPERS,
    "staff_deployment": REGISTER_KEEPERS,
    "awareness_programme": REGISTER_KEEPERS,
    "staff_member": IN_CHARGE_ONLY,
    "inspection_entry": INSPECTION_BOOK,
}
EXPECTED_ACTIONS: dict[str, frozenset[Role]] = {
    "read": EVERYONE,
    "compliance": IN_CHARGE_ONLY,
    "reveal": IN_CHARGE_ONLY,
    "users": IN_CHARGE_ONLY,
    "settings": IN_CHARGE_ONLY,
    "audit": frozenset({IC, CO}),
}

# Audited actions that change no synced row: nothing goes to the outbox.
CHANGE_NO_SYNCED_ROW = frozenset(
    {
        "identity.reveal",
        "identity.see_lifted",
        "user.reset_password",
        "settings.security",
        "audit.verify",
    }
)

Run = Callable[[StationHandle, OpContext], Any]
Prepare = Callable[[StationHandle], object]


@dataclass(frozen=True)
class Op:
    name: str
    allowed: frozenset[Role]
    run: Run
    prepare: Prepare | None = None  # by the in-charge, before each role's attempt
    writes: bool = True

    def __str__(self) -> str:
        return self.name


def _fresh(register: str) -> Prepare:
    def prepare(world: StationHandle) -> None:
        world.ids["fresh"] = make_entry(world.ctx, register).entity_id

    return prepare


_new_names = itertools.count(1)


def _fresh_user(disabled: bool = False) -> Prepare:
    def prepare(world: StationHandle) -> None:
        name = f"fresh.{next(_new_names)}"
        user = add_user(world.ctx, name, "Fresh Person", HD, "fresh-person-pass", FAST_KDF)
        if disabled:
            disable_user(world.ctx, user.entity_id)
        world.ids["fresh_user"] = user.entity_id

    return prepare


def _register_ops(register: str) -> list[Op]:
    allowed = EXPECTED_WRITERS[register]
    field, value = {
        "fir": ("io_name", "SI Other"),
        "preventive_action": ("ordered_by", "SDM"),
        "helpdesk_application": ("assigned_to", "HC Meena"),
        "counselling_case": ("counsellor", "Rekha"),
        "ppk_referral": ("ppk_centre", "PPK Sadar"),
        "support_referral": ("result_note", "दिया गया"),
        "staff_deployment": ("remarks", "ठीक"),
        "awareness_programme": ("people_reached", 99),
        "staff_member": ("mobile", "9000000002"),
    }[register]
    ops = [
        Op(
            f"{register}.edit",
            allowed,
            lambda w, c: edit_entry(c, register, w.ids[register], {field: value}),
        ),
        Op(
            f"{register}.delete",
            allowed,
            lambda w, c: delete_entry(c, register, w.ids["fresh"], "entered twice"),
            prepare=_fresh(register),
        ),
    ]
    if register != "fir":
        ops.append(
            Op(
                f"{register}.create",
                allowed,
                lambda w, c: create_entry(c, register, SAMPLES[register]),
            )
        )
    return ops


def _follow_up(register: str) -> Op:
    return Op(
        f"{register}.follow_up",
        EXPECTED_WRITERS[register],
        lambda w, c: add_follow_up(
            c,
            register,
            w.ids[register],
            {"kind": "follow_up", "done_on": "2025-07-01", "note": "x"},
        ),
    )


SLOT = {"roster": "anti_romeo", "duty_on": "2025-06-03", "starts_at": "09:00", "ends_at": "11:00"}
FIR_ = EXPECTED_WRITERS["fir"]
ROSTER = EXPECTED_WRITERS["duty_roster"]

OPS: list[Op] = [
    *[
        op
        for register in REGISTERS
        if register != "inspection_entry"
        for op in _register_ops(register)
    ],
    Op("fir.register", FIR_, lambda w, c: make_entry(c, "fir")),
    Op("fir.sections", FIR_, lambda w, c: set_fir_sections(c, w.ids["fir"], ["BNS 85", "BNS 74"])),
    Op("fir.victim.add", FIR_, lambda w, c: add_victim(c, w.ids["fir"], {"gender": "female"})),
    Op(
        "fir.accused.add",
        FIR_,
        lambda w, c: add_accused(c, w.ids["fir"], {"named": False, "status": "at_large"}),
    ),
    Op(
        "fir.accused.edit",
        FIR_,
        lambda w, c: edit_accused(c, w.ids["accused"], {"status": "absconding"}),
    ),
    Op(
        "fir.milestone.add",
        FIR_,
        lambda w, c: add_milestone(
            c, w.ids["fir"], {"kind": "medical_exam", "happened_at": "2025-06-10 18:00"}
        ),
    ),
    Op("roster.slot.add", ROSTER, lambda w, c: add_roster_slot(c, SLOT, [w.ids["staff_member"]])),
    Op(
        "roster.slot.staff",
        ROSTER,
        lambda w, c: set_slot_staff(c, w.ids["roster_slot"], [w.ids["staff_member_2"]]),
    ),
    Op(
        "roster.slot.report",
        ROSTER,
        lambda w, c: record_slot_report(c, w.ids["roster_slot"], "सब ठीक"),
    ),
    Op(
        "roster.copy_week",
        ROSTER,
        lambda w, c: copy_roster_week(
            c, "help_desk", date(2025, 6, 2), date(2025, 6, 9), add_to_existing=True
        ),
    ),
    Op(
        "staff_deployment.record",
        EXPECTED_WRITERS["staff_deployment"],
        lambda w, c: record_deployment(c, SAMPLES["staff_deployment"], [w.ids["staff_member"]]),
    ),
    Op(
        "inspection_entry.record",
        EXPECTED_WRITERS["inspection_entry"],
        lambda w, c: record_inspection(c, SAMPLES["inspection_entry"], [{"direction": "x"}]),
    ),
    Op(
        "inspection_entry.create",
        EXPECTED_WRITERS["inspection_entry"],
        lambda w, c: create_entry(c, "inspection_entry", SAMPLES["inspection_entry"]),
    ),
    Op(
        "inspection_direction.compliance",
        EXPECTED_ACTIONS["compliance"],
        lambda w, c: record_compliance(
            c, w.ids["direction"], {"compliance_status": "partly_complied"}
        ),
    ),
    _follow_up("helpdesk_application"),
    _follow_up("ppk_referral"),
    _follow_up("support_referral"),
    _follow_up("preventive_action"),
    Op(
        "counselling_case.session",
        EXPECTED_WRITERS["counselling_case"],
        lambda w, c: add_counselling_session(
            c, w.ids["counselling_case"], {"held_on": "2025-06-04", "note": "सत्र"}
        ),
    ),
    Op(
        "identity.reveal",
        EXPECTED_ACTIONS["reveal"],
        lambda w, c: reveal_identity(
            c, "fir_victim", w.ids["victim"], "आरोप पत्र हेतु पहचान का सत्यापन"
        ),
    ),
    Op(
        "identity.lift",
        EXPECTED_ACTIONS["reveal"],
        lambda w, c: lift_identity_protection(c, w.ids["fir"], "पीड़िता की लिखित सहमति प्राप्त"),
        prepare=lambda w: restore_identity_protection(w.ctx, w.ids["fir"]),
    ),
    Op(
        "identity.see_lifted",
        REGISTER_KEEPERS,
        lambda w, c: reveal_case_identities(c, w.ids["fir"], ""),
        prepare=lambda w: lift_identity_protection(
            w.ctx, w.ids["fir"], "पीड़िता की लिखित सहमति प्राप्त"
        ),
    ),
    Op(
        "user.add",
        EXPECTED_ACTIONS["users"],
        lambda w, c: add_user(
            c, f"new.{c.actor.role}", "New Person", Role.HELPDESK, "new-person-pass", FAST_KDF
        ),
    ),
    Op("user.list", EXPECTED_ACTIONS["users"], lambda w, c: list_users(c), writes=False),
    Op(
        "user.disable",
        EXPECTED_ACTIONS["users"],
        lambda w, c: disable_user(c, w.ids["fresh_user"]),
        prepare=_fresh_user(),
    ),
    Op(
        "user.enable",
        EXPECTED_ACTIONS["users"],
        lambda w, c: enable_user(c, w.ids["fresh_user"], "enabled-again-pass", FAST_KDF),
        prepare=_fresh_user(disabled=True),
    ),
    Op(
        "user.reset_password",
        EXPECTED_ACTIONS["users"],
        lambda w, c: reset_password(c, w.users[HD].id, "reset-to-this-pass", FAST_KDF),
    ),
    Op(
        "settings.security",
        EXPECTED_ACTIONS["settings"],
        lambda w, c: set_security_settings(c, SecuritySettings(5, 30)),
    ),
    Op("audit.read", EXPECTED_ACTIONS["audit"], lambda w, c: read_audit_log(c), writes=False),
    Op("audit.verify", EXPECTED_ACTIONS["audit"], lambda w, c: verify_audit_chain(c)),
    Op(
        "deadlines.read",
        EXPECTED_ACTIONS["read"],
        lambda w, c: station_deadlines(c, date(2025, 9, 1)),
        writes=False,
    ),
]


def test_the_table_covers_every_register() -> None:
    covered = {op.name.split(".")[0] for op in OPS}
    assert set(REGISTERS) <= covered
    assert len({op.name for op in OPS}) == len(OPS)


@pytest.mark.parametrize("op", OPS, ids=str)
def test_permission_matrix(world: StationHandle, op: Op) -> None:
    outcome: dict[Role, str] = {}
    for role in ROLES:
        if op.prepare is not None:
            op.prepare(world)
        ctx = world.as_role(role)
        before = world.counts()
        try:
            op.run(world, ctx)
        except PermissionDenied as denied:
            outcome[role] = "denied"
            assert world.counts() == before, f"{op} refused for {role} but wrote something"
            assert str(role) in denied.message.en and str(role) in denied.message.hi
            assert has_devanagari(denied.message.hi)
        else:
            outcome[role] = "allowed"
            after = world.counts()
            if op.writes:
                assert after["audit_log"] == before["audit_log"] + 1, (op, role)
                # Repeating an edit with the same value changes no row, so only the first
                # allowed role (the in-charge) must have sent something.
                if role is IC and op.name not in CHANGE_NO_SYNCED_ROW:
                    assert after["sync_outbox"] > before["sync_outbox"], op
            else:
                assert after == before
    expected = {role: "allowed" if role in op.allowed else "denied" for role in ROLES}
    assert outcome == expected


@pytest.mark.parametrize("role", [SI, HD, CO])
def test_the_role_is_checked_before_the_input(world: StationHandle, role: Role) -> None:
    """A refused role learns nothing from validation: empty input still gets PermissionDenied."""
    ctx = world.as_role(role)
    before = world.counts()
    with pytest.raises(PermissionDenied):
        create_entry(ctx, "staff_member", {})
    with pytest.raises(PermissionDenied):
        reveal_identity(ctx, "fir_victim", world.ids["victim"], "")
    with pytest.raises(PermissionDenied):
        record_compliance(ctx, world.ids["direction"], {})
    assert world.counts() == before


def test_an_allowed_role_with_bad_input_gets_a_validation_error(world: StationHandle) -> None:
    with pytest.raises(ValidationError):
        create_entry(world.as_role(HD), "helpdesk_application", {})


@pytest.mark.parametrize("role", ROLES)
def test_a_real_login_carries_the_role(world: StationHandle, role: Role) -> None:
    ctx = world.login(role)
    (user,) = rows(world.db, AppUser, AppUser.username == ACCOUNTS[role].username)
    assert (ctx.actor.role, ctx.actor.user_id, ctx.actor.station_id) == (
        role,
        user.id,
        world.station_id,
    )
    may_write_help_desk = role in EXPECTED_WRITERS["helpdesk_application"]
    may_write_book = role in EXPECTED_WRITERS["inspection_entry"]
    for register, allowed in (
        ("helpdesk_application", may_write_help_desk),
        ("inspection_entry", may_write_book),
    ):
        if allowed:
            assert create_entry(ctx, register, SAMPLES[register]).serial == "2/2025"
        else:
            with pytest.raises(PermissionDenied):
                create_entry(ctx, register, SAMPLES[register])
