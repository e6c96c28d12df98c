"""Create, edit and soft-delete entries of every register; serial numbers; derived values."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest

from msk_desktop.domain.errors import NotFound, PermissionDenied, ValidationError
from msk_desktop.domain.fields import IST, clean
from msk_desktop.ops.context import Role
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
from msk_desktop.ops.inspection import record_compliance, record_inspection
from msk_desktop.ops.registers import REGISTERS
from msk_desktop.ops.rosters import (
    add_roster_slot,
    copy_roster_week,
    record_slot_report,
    set_slot_staff,
)
from msk_desktop.store.models import (
    AuditEntry,
    CounsellingCase,
    CounsellingSession,
    DutyRosterAssignment,
    DutyRosterSlot,
    Fir,
    FirAccused,
    FirMilestone,
    FirSection,
    FirVictim,
    FollowUp,
    HelpdeskApplication,
    InspectionDirection,
    InspectionEntry,
    PpkReferral,
    PreventiveAction,
    StaffDeployment,
    StaffDeploymentMember,
    SupportReferral,
)
from tests.ops.conftest import (
    EDIT_FIELD,
    NOW,
    SAMPLES,
    TODAY,
    StationHandle,
    detail_of,
    get_row,
    in_year,
    make_entry,
    new_fir,
    rows,
    sample,
)

ALL_REGISTERS = list(REGISTERS)
EDITABLE = [r for r in REGISTERS if r != "inspection_entry"]  # signed entries are closed


def _row(st: StationHandle, register: str, entry_id: str) -> Any:
    return get_row(st.db, REGISTERS[register].model, entry_id)


# ---- serial numbers ----------------------------------------------------------------------


@pytest.mark.parametrize("register", ALL_REGISTERS)
def test_serials_count_per_register_and_restart_each_year(
    station: StationHandle, register: str
) -> None:
    years = [2025, 2025, 2026, 2025, 2026]
    serials = [make_entry(station.ctx, register, year).serial for year in years]
    assert serials == ["1/2025", "2/2025", "1/2026", "3/2025", "2/2026"]
    numbers = {
        (row.serial_no, row.serial_year, row.serial_confirmed)
        for row in rows(station.db, REGISTERS[register].model)
    }
    assert numbers == {
        (1, 2025, True),
        (2, 2025, True),
        (3, 2025, True),
        (1, 2026, True),
        (2, 2026, True),
    }


def test_every_register_has_its_own_numbering(station: StationHandle) -> None:
    first = {register: make_entry(station.ctx, register).serial for register in ALL_REGISTERS}
    second = {register: make_entry(station.ctx, register).serial for register in ALL_REGISTERS}
    assert set(first.values()) == {"1/2025"}
    assert set(second.values()) == {"2/2025"}


@pytest.mark.parametrize("register", ALL_REGISTERS)
def test_serials_are_per_station(station: StationHandle, register: str) -> None:
    for _ in range(2):
        make_entry(station.ctx, register)
    other = station.other_station()
    result = make_entry(other, register)
    assert result.serial == "1/2025"
    row = _row(station, register, result.entity_id)
    assert row.station_id == other.actor.station_id != station.station_id
    assert make_entry(station.ctx, register).serial == "3/2025"


@pytest.mark.parametrize("register", EDITABLE)
def test_a_deleted_entry_keeps_its_number(station: StationHandle, register: str) -> None:
    make_entry(station.ctx, register)
    second = make_entry(station.ctx, register)
    delete_entry(station.ctx, register, second.entity_id, "entered twice by mistake")
    assert make_entry(station.ctx, register).serial == "3/2025"


def test_the_year_of_a_datetime_entry_is_the_indian_date(station: StationHandle) -> None:
    # 00:30 IST on 1 Jan 2026 is still 31 Dec 2025 in UTC.
    make_entry(station.ctx, "helpdesk_application", 2025)
    late = create_entry(
        station.ctx,
        "helpdesk_application",
        sample("helpdesk_application", received_at="2026-01-01 00:30"),
    )
    assert late.serial == "1/2026"
    row = get_row(station.db, HelpdeskApplication, late.entity_id)
    assert row.applicant_pseudonym == "आवेदिका-2026-0001"


# ---- create / edit / soft delete ---------------------------------------------------------


@pytest.mark.parametrize("register", [r for r in REGISTERS if r != "fir"])
def test_create_stores_the_form_values(station: StationHandle, register: str) -> None:
    result = create_entry(station.ctx, register, SAMPLES[register])
    assert result.serial == "1/2025"
    assert register in result.tables
    row = _row(station, register, result.entity_id)
    assert row.station_id == station.station_id
    assert row.deleted_at is None
    assert (row.created_by, row.sync_state, row.version) == (station.ctx.actor.user_id, "dirty", 0)
    expected, errors = clean(REGISTERS[register].form, SAMPLES[register], today=TODAY, now=NOW)
    assert errors == []
    given = {name: value for name, value in expected.items() if value is not None}
    assert {name: getattr(row, name) for name in given} == given
    assert not any(getattr(row, name) for name in expected.keys() - given.keys())


@pytest.mark.parametrize("register", EDITABLE)
def test_edit_changes_the_field(station: StationHandle, register: str) -> None:
    created = make_entry(station.ctx, register)
    before = _row(station, register, created.entity_id)
    name, value = EDIT_FIELD[register]
    assert getattr(before, name) != value
    result = edit_entry(station.ctx, register, created.entity_id, {name: value})
    assert result.entity_id == created.entity_id
    assert result.serial is None
    after = _row(station, register, created.entity_id)
    assert getattr(after, name) == value
    assert (after.serial_no, after.serial_year) == (before.serial_no, before.serial_year)
    untouched = [s.name for s in REGISTERS[register].form if s.name != name]
    assert [getattr(after, n) for n in untouched] == [getattr(before, n) for n in untouched]


@pytest.mark.parametrize("register", EDITABLE)
def test_soft_delete_then_the_entry_is_gone_for_edits(
    station: StationHandle, register: str
) -> None:
    created = make_entry(station.ctx, register)
    delete_entry(station.ctx, register, created.entity_id, "  duplicate entry  ")
    row = _row(station, register, created.entity_id)
    assert row.deleted_at == NOW  # the row stays, marked deleted at the op's time
    name, value = EDIT_FIELD[register]
    with pytest.raises(NotFound) as refused:
        edit_entry(station.ctx, register, created.entity_id, {name: value})
    assert refused.value.message.hi and refused.value.message.en
    with pytest.raises(NotFound):
        delete_entry(station.ctx, register, created.entity_id, "again")
    assert getattr(_row(station, register, created.entity_id), name) != value
    (audit,) = rows(station.db, AuditEntry, AuditEntry.action == f"{register}.delete")
    assert detail_of(audit)["reason"] == "duplicate entry"


@pytest.mark.parametrize("register", EDITABLE)
def test_delete_needs_a_reason(station: StationHandle, register: str) -> None:
    created = make_entry(station.ctx, register)
    with pytest.raises(ValidationError) as refused:
        delete_entry(station.ctx, register, created.entity_id, "   ")
    assert [e.field for e in refused.value.errors] == ["reason"]
    assert _row(station, register, created.entity_id).deleted_at is None


@pytest.mark.parametrize("register", EDITABLE)
def test_entries_of_another_station_are_not_found(station: StationHandle, register: str) -> None:
    mine = make_entry(station.ctx, register)
    other = station.other_station()
    name, value = EDIT_FIELD[register]
    with pytest.raises(NotFound):
        edit_entry(other, register, mine.entity_id, {name: value})
    with pytest.raises(NotFound):
        delete_entry(other, register, mine.entity_id, "not mine to delete")
    assert _row(station, register, mine.entity_id).deleted_at is None


def test_an_unknown_id_is_not_found(station: StationHandle) -> None:
    with pytest.raises(NotFound):
        edit_entry(
            station.ctx,
            "helpdesk_application",
            "01a20000-0000-7000-8000-000000000000",
            {"assigned_to": "x"},
        )


# ---- derived values ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "action_on", "months", "expires_on"),
    [
        ("bond_peace", "2025-05-01", 6, date(2025, 10, 31)),
        ("bond_peace", "2025-05-01", None, date(2026, 4, 30)),  # the kind's maximum, 12
        ("bond_habitual", "2025-06-10", 24, date(2027, 6, 9)),
        ("inquiry_interim", "2025-08-31", None, date(2026, 2, 27)),
        ("arrest_prevent", "2025-05-01", None, None),
        ("goonda_extern", "2025-01-10", 6, date(2025, 7, 9)),
    ],
)
def test_preventive_action_bond_expiry(
    station: StationHandle,
    code: str,
    action_on: str,
    months: int | None,
    expires_on: date | None,
) -> None:
    values = sample("preventive_action", action_code=code, action_on=action_on, bond_months=months)
    result = create_entry(station.ctx, "preventive_action", values)
    assert get_row(station.db, PreventiveAction, result.entity_id).expires_on == expires_on


def test_preventive_action_expiry_follows_an_edit(station: StationHandle) -> None:
    result = create_entry(station.ctx, "preventive_action", SAMPLES["preventive_action"])
    assert get_row(station.db, PreventiveAction, result.entity_id).expires_on == date(2025, 10, 31)
    edit_entry(station.ctx, "preventive_action", result.entity_id, {"bond_months": 3})
    assert get_row(station.db, PreventiveAction, result.entity_id).expires_on == date(2025, 7, 31)
    edit_entry(station.ctx, "preventive_action", result.entity_id, {"action_on": "2025-06-15"})
    assert get_row(station.db, PreventiveAction, result.entity_id).expires_on == date(2025, 9, 14)


@pytest.mark.parametrize(
    ("received_at", "status", "extra", "next_follow_up_on"),
    [
        ("2025-06-01 11:00", "pending", {}, date(2025, 6, 8)),
        ("2025-06-01 01:30", "pending", {}, date(2025, 6, 8)),  # 31 May in UTC
        ("2025-06-01 23:59", "referred", {}, None),
        ("2025-06-01 11:00", "disposed", {"disposed_on": "2025-06-03"}, None),
    ],
)
def test_helpdesk_next_follow_up(
    station: StationHandle,
    received_at: str,
    status: str,
    extra: dict[str, Any],
    next_follow_up_on: date | None,
) -> None:
    values = sample("helpdesk_application", received_at=received_at, status=status, **extra)
    result = create_entry(station.ctx, "helpdesk_application", values)
    row = get_row(station.db, HelpdeskApplication, result.entity_id)
    assert row.next_follow_up_on == next_follow_up_on


def test_helpdesk_follow_up_is_cleared_when_disposed(station: StationHandle) -> None:
    result = create_entry(station.ctx, "helpdesk_application", SAMPLES["helpdesk_application"])
    edit_entry(
        station.ctx,
        "helpdesk_application",
        result.entity_id,
        {"status": "disposed", "disposed_on": "2025-06-10"},
    )
    row = get_row(station.db, HelpdeskApplication, result.entity_id)
    assert (row.status, row.disposed_on, row.next_follow_up_on) == (
        "disposed",
        date(2025, 6, 10),
        None,
    )


@pytest.mark.parametrize(
    ("register", "done_on", "next_due_on", "moved_to"),
    [
        ("helpdesk_application", "2025-06-05", None, date(2025, 6, 12)),
        ("helpdesk_application", "2025-06-05", "2025-06-20", date(2025, 6, 20)),
        ("ppk_referral", "2025-06-10", None, date(2025, 6, 25)),
        ("support_referral", "2025-06-10", None, date(2025, 6, 25)),
        ("support_referral", "2025-06-10", "2025-06-11", date(2025, 6, 11)),
    ],
)
def test_follow_up_moves_the_next_due_date(
    world: StationHandle,
    register: str,
    done_on: str,
    next_due_on: str | None,
    moved_to: date,
) -> None:
    entry_id = world.ids[register]
    before = _row(world, register, entry_id).next_follow_up_on
    assert before is not None and before != moved_to
    values = {
        "kind": "follow_up",
        "done_on": done_on,
        "note": "पीड़िता से सम्पर्क किया",
        "next_due_on": next_due_on,
    }
    result = add_follow_up(world.ctx, register, entry_id, values)
    assert _row(world, register, entry_id).next_follow_up_on == moved_to
    follow_up = get_row(world.db, FollowUp, result.entity_id)
    assert (follow_up.parent_table, follow_up.parent_id) == (register, entry_id)
    assert (follow_up.kind, follow_up.done_on) == ("follow_up", date.fromisoformat(done_on))


def test_follow_up_of_a_preventive_action_is_kept(world: StationHandle) -> None:
    entry_id = world.ids["preventive_action"]
    values = {"kind": "follow_up", "done_on": "2025-07-01", "note": "जेल से रिहा, सत्यापन किया"}
    result = add_follow_up(world.ctx, "preventive_action", entry_id, values)
    follow_up = get_row(world.db, FollowUp, result.entity_id)
    assert (follow_up.parent_table, follow_up.parent_id) == ("preventive_action", entry_id)
    assert follow_up.note == "जेल से रिहा, सत्यापन किया"
    assert follow_up.next_due_on is None


def test_follow_up_does_not_reopen_a_disposed_application(world: StationHandle) -> None:
    entry_id = world.ids["helpdesk_application"]
    edit_entry(
        world.ctx,
        "helpdesk_application",
        entry_id,
        {"status": "disposed", "disposed_on": "2025-06-04"},
    )
    add_follow_up(
        world.ctx,
        "helpdesk_application",
        entry_id,
        {"kind": "victim_update", "done_on": "2025-06-09", "note": "सूचित किया"},
    )
    assert get_row(world.db, HelpdeskApplication, entry_id).next_follow_up_on is None
    assert len(rows(world.db, FollowUp, FollowUp.parent_id == entry_id)) == 1


def test_follow_up_of_a_deleted_entry_is_refused(world: StationHandle) -> None:
    entry_id = world.ids["support_referral"]
    delete_entry(world.ctx, "support_referral", entry_id, "entered in error")
    with pytest.raises(NotFound):
        add_follow_up(
            world.ctx,
            "support_referral",
            entry_id,
            {"kind": "follow_up", "done_on": "2025-06-10", "note": "x"},
        )
    assert rows(world.db, FollowUp) == []


@pytest.mark.parametrize(
    ("case_kind", "fir_sections", "mandatory"),
    [
        ("elopement", None, True),
        ("false_accusation_front", None, True),
        ("matrimonial", None, False),
        ("other", None, False),
        ("matrimonial", ("BNS 87",), True),
        ("other", ("BNS 137(2)",), True),
        ("matrimonial", ("BNS 85",), False),
    ],
)
def test_counselling_mandatory(
    station: StationHandle,
    case_kind: str,
    fir_sections: tuple[str, ...] | None,
    mandatory: bool,
) -> None:
    values = sample("counselling_case", case_kind=case_kind)
    if fir_sections is not None:
        values["fir_id"] = new_fir(station.ctx, sections=fir_sections).entity_id
    result = create_entry(station.ctx, "counselling_case", values)
    row = get_row(station.db, CounsellingCase, result.entity_id)
    assert row.mandatory is mandatory
    assert row.parties_label == "पक्ष-2025-0001"


def test_counselling_mandatory_follows_an_edit(station: StationHandle) -> None:
    result = create_entry(station.ctx, "counselling_case", SAMPLES["counselling_case"])
    assert get_row(station.db, CounsellingCase, result.entity_id).mandatory is False
    edit_entry(station.ctx, "counselling_case", result.entity_id, {"case_kind": "elopement"})
    assert get_row(station.db, CounsellingCase, result.entity_id).mandatory is True


@pytest.mark.parametrize(
    ("sections", "registered_at", "cooling_off_until"),
    [
        (("BNS 85",), "2025-06-10 10:00", date(2025, 8, 10)),
        (("BNS 85", "BNS 74"), "2025-12-31 09:00", date(2026, 2, 28)),
        (("BNS 74",), "2025-06-10 10:00", None),
    ],
)
def test_ppk_referral_cooling_off(
    station: StationHandle,
    sections: tuple[str, ...],
    registered_at: str,
    cooling_off_until: date | None,
) -> None:
    fir = new_fir(station.ctx, sections=sections, registered_at=registered_at)
    values = sample("ppk_referral", fir_id=fir.entity_id, referred_on="2026-01-05")
    result = create_entry(station.ctx, "ppk_referral", values)
    row = get_row(station.db, PpkReferral, result.entity_id)
    assert row.cooling_off_until == cooling_off_until
    assert row.next_follow_up_on == date(2026, 1, 20)


def test_ppk_referral_without_fir_has_no_cooling_off(station: StationHandle) -> None:
    result = create_entry(station.ctx, "ppk_referral", SAMPLES["ppk_referral"])
    row = get_row(station.db, PpkReferral, result.entity_id)
    assert row.cooling_off_until is None
    assert row.next_follow_up_on == date(2025, 6, 20)


def test_ppk_referral_closed_clears_the_follow_up(world: StationHandle) -> None:
    entry_id = world.ids["ppk_referral"]
    edit_entry(
        world.ctx,
        "ppk_referral",
        entry_id,
        {"status": "closed", "outcome": "reconciled", "outcome_on": "2025-07-01"},
    )
    row = get_row(world.db, PpkReferral, entry_id)
    assert (row.status, row.outcome, row.next_follow_up_on) == ("closed", "reconciled", None)


def test_helpdesk_applicant_pseudonyms(station: StationHandle) -> None:
    ids = [
        create_entry(station.ctx, "helpdesk_application", SAMPLES["helpdesk_application"]).entity_id
        for _ in range(2)
    ]
    names = [get_row(station.db, HelpdeskApplication, i).applicant_pseudonym for i in ids]
    assert names == ["आवेदिका-2025-0001", "आवेदिका-2025-0002"]


def test_fir_victim_pseudonyms(station: StationHandle) -> None:
    two = ({"age": 30, "gender": "female"}, {"age": 12, "gender": "female"})
    first = new_fir(station.ctx, crime_no=1, victims=two)
    second = new_fir(station.ctx, crime_no=2)
    added = add_victim(station.ctx, first.entity_id, {"age": 40, "gender": "female"})
    by_fir = {
        fir_id: sorted(v.pseudonym for v in rows(station.db, FirVictim, FirVictim.fir_id == fir_id))
        for fir_id in (first.entity_id, second.entity_id)
    }
    assert by_fir[first.entity_id] == ["पीड़िता-2025-0001", "पीड़िता-2025-0002", "पीड़िता-2025-0004"]
    assert by_fir[second.entity_id] == ["पीड़िता-2025-0003"]
    assert get_row(station.db, FirVictim, added.entity_id).pseudonym == "पीड़िता-2025-0004"


@pytest.mark.parametrize(
    ("sections", "ages", "offence_date", "registered_at", "head", "rule", "code"),
    [
        (("BNS 64",), (30,), "2025-06-09", "2025-06-10 10:00", "rape", "statutory", "BNS"),
        (("BNS 74",), (24,), "2025-06-09", "2025-06-10 10:00", "molestation", "default", "BNS"),
        (("BNS 74",), (15,), "2025-06-09", "2025-06-10 10:00", "molestation", "statutory", "BNS"),
        (
            ("BNS 74",),
            (30, 17),
            "2025-06-09",
            "2025-06-10 10:00",
            "molestation",
            "statutory",
            "BNS",
        ),
        (("BNS 74",), (None,), "2025-06-09", "2025-06-10 10:00", "molestation", "default", "BNS"),
        (
            ("BNS 74", "BNS 85"),
            (30,),
            "2025-06-09",
            "2025-06-10 10:00",
            "cruelty",
            "default",
            "BNS",
        ),
        (("BNS 85", "BNS 64"), (30,), "2025-06-09", "2025-06-10 10:00", "rape", "statutory", "BNS"),
        (("POCSO 8",), (14,), "2025-06-09", "2025-06-10 10:00", "pocso", "statutory", "BNS"),
        (("IPC 354",), (30,), "2024-06-20", "2024-07-05 10:00", "molestation", "default", "IPC"),
        (("IPC 376",), (30,), "2024-06-30", "2025-01-05 10:00", "rape", "statutory", "IPC"),
        (("BNS 64",), (30,), "2024-07-01", "2024-07-01 23:00", "rape", "statutory", "BNS"),
    ],
)
def test_fir_classification(
    station: StationHandle,
    sections: tuple[str, ...],
    ages: tuple[int | None, ...],
    offence_date: str,
    registered_at: str,
    head: str,
    rule: str,
    code: str,
) -> None:
    victims = tuple({"age": age, "gender": "female"} for age in ages)
    result = new_fir(
        station.ctx,
        sections=sections,
        victims=victims,
        offence_date=offence_date,
        registered_at=registered_at,
        crime_year=int(registered_at[:4]),
    )
    assert result.serial == f"1/{registered_at[:4]}"
    fir = get_row(station.db, Fir, result.entity_id)
    assert (fir.crime_head, fir.identity_rule, fir.penal_code) == (head, rule, code)
    stored = rows(station.db, FirSection, FirSection.fir_id == result.entity_id)
    assert [f"{s.law} {s.section}" for s in sorted(stored, key=lambda s: s.ordinal)] == list(
        sections
    )


def test_fir_register_stores_its_parts(world: StationHandle) -> None:
    fir = get_row(world.db, Fir, world.ids["fir"])
    assert (fir.crime_no, fir.crime_year, fir.status, fir.io_name) == (
        101,
        2025,
        "under_investigation",
        "SI Test IO",
    )
    assert fir.registered_at == datetime(2025, 6, 10, 10, 0, tzinfo=IST)
    assert fir.offence_date == date(2025, 6, 9)
    (accused,) = rows(world.db, FirAccused, FirAccused.fir_id == fir.id)
    assert (accused.named, accused.name, accused.status) == (True, "Accused Husband", "at_large")


def test_fir_penal_code_follows_an_edited_offence_date(station: StationHandle) -> None:
    result = new_fir(
        station.ctx,
        sections=("POCSO 8",),
        victims=({"age": 14, "gender": "female"},),
        offence_date="2024-07-05",
        registered_at="2024-07-06 10:00",
        crime_year=2024,
    )
    assert get_row(station.db, Fir, result.entity_id).penal_code == "BNS"
    edit_entry(station.ctx, "fir", result.entity_id, {"offence_date": "2024-06-28"})
    assert get_row(station.db, Fir, result.entity_id).penal_code == "IPC"


def test_fir_sections_change_the_head(station: StationHandle) -> None:
    result = new_fir(station.ctx, sections=("BNS 74", "BNS 85"))
    set_fir_sections(station.ctx, result.entity_id, ["BNS 64", "BNS 74"])
    fir = get_row(station.db, Fir, result.entity_id)
    assert (fir.crime_head, fir.identity_rule) == ("rape", "statutory")
    live = rows(
        station.db,
        FirSection,
        FirSection.fir_id == result.entity_id,
        FirSection.deleted_at.is_(None),
    )
    assert sorted((s.ordinal, f"{s.law} {s.section}") for s in live) == [
        (0, "BNS 64"),
        (1, "BNS 74"),
    ]
    dropped = rows(
        station.db,
        FirSection,
        FirSection.fir_id == result.entity_id,
        FirSection.deleted_at.is_not(None),
    )
    assert [f"{s.law} {s.section}" for s in dropped] == ["BNS 85"]


def test_adding_a_minor_victim_makes_identity_statutory(station: StationHandle) -> None:
    result = new_fir(station.ctx, sections=("BNS 74",))
    assert get_row(station.db, Fir, result.entity_id).identity_rule == "default"
    add_victim(station.ctx, result.entity_id, {"age": 16, "gender": "female"})
    assert get_row(station.db, Fir, result.entity_id).identity_rule == "statutory"


def test_accused_and_milestones(world: StationHandle) -> None:
    fir_id = world.ids["fir"]
    added = add_accused(world.ctx, fir_id, {"named": False, "status": "at_large"})
    edit_accused(
        world.ctx, world.ids["accused"], {"status": "arrested", "arrested_on": "2025-06-12"}
    )
    arrested = get_row(world.db, FirAccused, world.ids["accused"])
    assert (arrested.status, arrested.arrested_on) == ("arrested", date(2025, 6, 12))
    assert get_row(world.db, FirAccused, added.entity_id).named is False
    milestone = add_milestone(
        world.ctx, fir_id, {"kind": "victim_statement", "happened_at": "2025-06-11 15:00"}
    )
    row = get_row(world.db, FirMilestone, milestone.entity_id)
    assert (row.fir_id, row.kind, row.happened_at) == (
        fir_id,
        "victim_statement",
        datetime(2025, 6, 11, 15, 0, tzinfo=IST),
    )


def test_milestone_before_the_offence_is_refused(world: StationHandle) -> None:
    with pytest.raises(ValidationError) as refused:
        add_milestone(
            world.ctx, world.ids["fir"], {"kind": "medical_exam", "happened_at": "2025-06-08 10:00"}
        )
    assert [e.field for e in refused.value.errors] == ["milestone.happened_at"]
    assert rows(world.db, FirMilestone) == []


# ---- inspection book ---------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.CIRCLE_OFFICER, Role.IN_CHARGE])
def test_inspection_entry_is_signed_and_closed(station: StationHandle, role: Role) -> None:
    ctx = station.as_role(role)
    directions = [
        {"direction": "हेल्प डेस्क रोस्टर प्रदर्शित करें", "due_on": "2025-06-30"},
        {"direction": "पीपीके सन्दर्भों का अनुश्रवण", "responsible": "SI Verma"},
    ]
    result = record_inspection(ctx, SAMPLES["inspection_entry"], directions)
    assert result.serial == "1/2025"
    entry = get_row(station.db, InspectionEntry, result.entity_id)
    assert (entry.signed_at, entry.signed_by) == (NOW, ctx.actor.user_id)
    stored = rows(station.db, InspectionDirection, InspectionDirection.entry_id == entry.id)
    assert sorted(d.direction for d in stored) == sorted(d["direction"] for d in directions)
    assert {d.compliance_status for d in stored} == {"open"}
    with pytest.raises(PermissionDenied) as refused:
        edit_entry(ctx, "inspection_entry", entry.id, {"observations": "rewritten"})
    assert "signed" in refused.value.message.en
    with pytest.raises(PermissionDenied):
        delete_entry(ctx, "inspection_entry", entry.id, "want it gone")
    after = get_row(station.db, InspectionEntry, entry.id)
    assert (after.observations, after.deleted_at) == (
        SAMPLES["inspection_entry"]["observations"],
        None,
    )


def test_inspection_entry_through_create_entry_is_signed_too(station: StationHandle) -> None:
    result = create_entry(station.ctx, "inspection_entry", SAMPLES["inspection_entry"])
    entry = get_row(station.db, InspectionEntry, result.entity_id)
    assert entry.signed_at == NOW
    with pytest.raises(PermissionDenied):
        edit_entry(station.ctx, "inspection_entry", entry.id, {"officer_rank": "SP"})


def test_compliance_with_a_direction(world: StationHandle) -> None:
    direction_id = world.ids["direction"]
    record_compliance(
        world.ctx,
        direction_id,
        {
            "compliance_status": "complied",
            "compliance_note": "रोस्टर लगाया गया",
            "complied_on": "2025-06-20",
        },
    )
    row = get_row(world.db, InspectionDirection, direction_id)
    assert (row.compliance_status, row.compliance_note, row.complied_on) == (
        "complied",
        "रोस्टर लगाया गया",
        date(2025, 6, 20),
    )
    with pytest.raises(ValidationError) as refused:
        record_compliance(world.ctx, direction_id, {"compliance_status": "complied"})
    assert [e.field for e in refused.value.errors] == ["complied_on"]


# ---- rosters -----------------------------------------------------------------------------


def _slot(day: str, roster: str = "anti_romeo", starts: str = "09:00") -> dict[str, Any]:
    return {
        "roster": roster,
        "duty_on": day,
        "starts_at": starts,
        "ends_at": "13:00",
        "place": "बालिका इण्टर कॉलेज गेट",
        "team_name": "Team Shakti",
    }


def _staff_on(st: StationHandle, slot_id: str) -> set[str]:
    return {
        a.staff_id
        for a in rows(
            st.db,
            DutyRosterAssignment,
            DutyRosterAssignment.slot_id == slot_id,
            DutyRosterAssignment.deleted_at.is_(None),
        )
    }


def test_roster_slot_with_staff(world: StationHandle) -> None:
    staff = [world.ids["staff_member"], world.ids["staff_member_2"]]
    result = add_roster_slot(world.ctx, _slot("2025-06-03"), staff + staff[:1])
    slot = get_row(world.db, DutyRosterSlot, result.entity_id)
    assert (slot.roster, slot.duty_on, slot.starts_at, slot.ends_at) == (
        "anti_romeo",
        date(2025, 6, 3),
        time(9, 0),
        time(13, 0),
    )
    assert _staff_on(world, slot.id) == set(staff)
    assert len(rows(world.db, DutyRosterAssignment, DutyRosterAssignment.slot_id == slot.id)) == 2


def test_set_slot_staff_replaces_the_people(world: StationHandle) -> None:
    slot_id = world.ids["roster_slot"]
    first, second = world.ids["staff_member"], world.ids["staff_member_2"]
    assert _staff_on(world, slot_id) == {first}
    set_slot_staff(world.ctx, slot_id, [second])
    assert _staff_on(world, slot_id) == {second}
    (removed,) = rows(
        world.db,
        DutyRosterAssignment,
        DutyRosterAssignment.staff_id == first,
        DutyRosterAssignment.slot_id == slot_id,
    )
    assert removed.deleted_at == NOW
    set_slot_staff(world.ctx, slot_id, [first, second])
    assert _staff_on(world, slot_id) == {first, second}


def test_slot_report(world: StationHandle) -> None:
    slot_id = world.ids["roster_slot"]
    record_slot_report(world.ctx, slot_id, "  3 शोहदों को चेतावनी दी गई  ")
    assert get_row(world.db, DutyRosterSlot, slot_id).report == "3 शोहदों को चेतावनी दी गई"


def test_copy_roster_week(world: StationHandle) -> None:
    staff = world.ids["staff_member_2"]
    monday = add_roster_slot(world.ctx, _slot("2025-06-02"), [staff]).entity_id
    add_roster_slot(world.ctx, _slot("2025-06-04", starts="15:00"), [])
    record_slot_report(world.ctx, monday, "week one report")
    add_roster_slot(world.ctx, _slot("2025-06-09"), [staff])  # next week: not copied
    add_roster_slot(world.ctx, _slot("2025-06-03", roster="women_beat"), [staff])  # other roster
    copy_roster_week(world.ctx, "anti_romeo", date(2025, 6, 2), date(2025, 6, 16))
    copied = rows(world.db, DutyRosterSlot, DutyRosterSlot.duty_on >= date(2025, 6, 16))
    assert sorted((s.roster, s.duty_on, s.starts_at) for s in copied) == [
        ("anti_romeo", date(2025, 6, 16), time(9, 0)),
        ("anti_romeo", date(2025, 6, 18), time(15, 0)),
    ]
    by_day = {s.duty_on: s for s in copied}
    assert _staff_on(world, by_day[date(2025, 6, 16)].id) == {staff}
    assert _staff_on(world, by_day[date(2025, 6, 18)].id) == set()
    assert by_day[date(2025, 6, 16)].report is None
    assert by_day[date(2025, 6, 16)].place == "बालिका इण्टर कॉलेज गेट"


@pytest.mark.parametrize(
    ("from_day", "to_day"),
    [(date(2025, 6, 3), date(2025, 6, 16)), (date(2025, 6, 2), date(2025, 6, 2))],
)
def test_copy_roster_week_needs_two_mondays(
    world: StationHandle, from_day: date, to_day: date
) -> None:
    before = world.counts()
    with pytest.raises(ValidationError) as refused:
        copy_roster_week(world.ctx, "help_desk", from_day, to_day)
    assert [e.field for e in refused.value.errors] == ["week"]
    assert world.counts() == before


# ---- deployments and counselling sessions ------------------------------------------------


def test_record_deployment(world: StationHandle) -> None:
    staff = [world.ids["staff_member"], world.ids["staff_member_2"]]
    values = sample("staff_deployment", fir_id=world.ids["fir"], starts_at="10:00", ends_at="12:30")
    result = record_deployment(world.ctx, values, staff + staff)
    assert result.serial == "2/2025"  # the world holds one deployment already
    entry = get_row(world.db, StaffDeployment, result.entity_id)
    assert (entry.purpose, entry.fir_id, entry.starts_at) == (
        "medical_exam",
        world.ids["fir"],
        time(10, 0),
    )
    members = rows(world.db, StaffDeploymentMember, StaffDeploymentMember.deployment_id == entry.id)
    assert sorted(m.staff_id for m in members) == sorted(staff)


def test_counselling_sessions(world: StationHandle) -> None:
    case_id = world.ids["counselling_case"]
    values = {
        "held_on": "2025-06-04",
        "counsellor": "Counsellor Rekha",
        "attended": "दोनों पक्ष",
        "note": "प्रथम सत्र",
        "next_on": "2025-06-11",
    }
    result = add_counselling_session(world.ctx, case_id, values)
    session_row = get_row(world.db, CounsellingSession, result.entity_id)
    assert (session_row.case_id, session_row.held_on, session_row.next_on) == (
        case_id,
        date(2025, 6, 4),
        date(2025, 6, 11),
    )
    delete_entry(world.ctx, "counselling_case", case_id, "wrong case")
    with pytest.raises(NotFound):
        add_counselling_session(world.ctx, case_id, values)
    assert len(rows(world.db, CounsellingSession)) == 1


def test_support_referral_linked_to_a_victim(world: StationHandle) -> None:
    values = sample(
        "support_referral",
        fir_id=world.ids["fir"],
        victim_id=world.ids["victim"],
        service="dlsa_compensation",
    )
    result = create_entry(world.ctx, "support_referral", values)
    row = get_row(world.db, SupportReferral, result.entity_id)
    assert (row.fir_id, row.victim_id, row.next_follow_up_on) == (
        world.ids["fir"],
        world.ids["victim"],
        date(2025, 6, 21),
    )


def test_results_are_announced(station: StationHandle) -> None:
    heard: list[tuple[str, str | None]] = []
    station.ctx.notifier.subscribe(lambda r: heard.append((r.entity_id, r.serial)))
    result = make_entry(station.ctx, "awareness_programme")
    edit_entry(station.ctx, "awareness_programme", result.entity_id, {"people_reached": 80})
    assert heard == [(result.entity_id, "1/2025"), (result.entity_id, None)]


def test_an_fir_is_not_made_through_the_generic_create(station: StationHandle) -> None:
    before = station.counts()
    with pytest.raises(ValueError, match="register_fir"):
        create_entry(station.ctx, "fir", in_year("fir", 2025, crime_no=7))
    assert station.counts() == before


def test_a_crime_number_already_entered_is_refused_on_save_and_on_edit(
    station: StationHandle,
) -> None:
    first = new_fir(station.ctx, crime_no=31)
    second = new_fir(station.ctx, crime_no=32)
    before = station.counts()
    with pytest.raises(ValidationError) as on_save:
        new_fir(station.ctx, crime_no=31)
    with pytest.raises(ValidationError) as on_edit:
        edit_entry(station.ctx, "fir", second.entity_id, {"crime_no": 31})
    for caught in (on_save, on_edit):
        (error,) = caught.value.errors
        assert error.field == "crime_no"
        assert "31/2025 is already entered" in error.message.en
    assert station.counts() == before
    edit_entry(station.ctx, "fir", first.entity_id, {"crime_no": 31})  # its own number is no clash
