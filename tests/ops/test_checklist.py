"""The inspection checklist on a small station built through the ops with fixed dates; every
expected figure is worked out by hand from the dates below (today is 16-03-2026)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from msk_desktop.domain.checklist import HELPDESK_SILENCE_DAYS, PointCode
from msk_desktop.domain.errors import PermissionDenied
from msk_desktop.ops.checklist import Checklist, inspection_checklist
from msk_desktop.ops.context import Role
from msk_desktop.ops.entries import create_entry, delete_entry, edit_entry
from msk_desktop.ops.fir import add_milestone
from msk_desktop.ops.follow_ups import add_follow_up
from msk_desktop.ops.inspection import record_compliance, record_inspection
from msk_desktop.ops.rosters import add_roster_slot
from msk_desktop.ops.today import todays_work
from msk_desktop.store.models import InspectionDirection, InspectionEntry
from tests.ops.conftest import IDENTITY_STRINGS, TODAY, StationHandle, get_row, new_fir, sample


def _ids(checklist: Checklist, code: PointCode) -> list[str | None]:
    return [e.entry_id for e in checklist.point(code).evidence]


def _fir(station: StationHandle, crime_no: int, registered: str, sections: str, **v: Any) -> str:
    return new_fir(
        station.ctx,
        crime_no=crime_no,
        crime_year=int(registered[:4]),
        registered_at=f"{registered} 10:00",
        offence_date=registered,
        sections=(sections,),
        **v,
    ).entity_id


def _milestone(station: StationHandle, fir_id: str, kind: str, at: str) -> None:
    add_milestone(station.ctx, fir_id, {"kind": kind, "happened_at": at})


def test_investigation_and_milestone_points(station: StationHandle) -> None:
    # Rape case of 01-01-2026, no medical examination: investigation due 02-03-2026 (14 days
    # overdue), examination due 02-01-2026; the victim update (due 01-04-2026) is not yet late.
    a = _fir(station, 1, "2026-01-01", "BNS 64")
    # Examined in time; investigation due 21-03-2026, five days left: due this week.
    c = _fir(station, 2, "2026-01-20", "BNS 64")
    _milestone(station, c, "medical_exam", "2026-01-20 18:00")
    # Outraging modesty of 01-10-2025: no 60-day rule, but the victim was never told of the
    # progress, due by 30-12-2025.
    d = _fir(station, 3, "2025-10-01", "BNS 74")
    # Everything done in time: nothing to show.
    e = _fir(
        station,
        4,
        "2025-12-01",
        "BNS 64",
        status="chargesheeted",
        chargesheet_no="CS-1",
        chargesheet_on="2026-01-10",
    )
    _milestone(station, e, "medical_exam", "2025-12-01 15:00")
    _milestone(station, e, "victim_update", "2026-01-05 12:00")
    # Investigation due 10-04-2026, more than a week away; but no medical examination either.
    f = _fir(station, 5, "2026-02-09", "BNS 64")

    checklist = inspection_checklist(station.ctx)

    investigations = checklist.point(PointCode.INVESTIGATIONS).evidence
    assert [(x.entry_id, x.urgent) for x in investigations] == [(a, True), (c, False)]
    assert "overdue by 14 days" in investigations[0].detail.en
    assert "5 days left" in investigations[1].detail.en
    assert investigations[0].register == "fir"
    assert sorted(_ids(checklist, PointCode.MILESTONES), key=str) == sorted([a, d, f], key=str)
    details = {x.entry_id: x.detail.en for x in checklist.point(PointCode.MILESTONES).evidence}
    assert details[a].startswith("Victim's medical examination")
    assert details[d].startswith("Victim told of progress")


def test_helpdesk_and_referral_points(station: StationHandle) -> None:
    ctx = station.ctx

    def application(received: str, **v: Any) -> str:
        values = sample("helpdesk_application", received_at=f"{received} 11:00", **v)
        return create_entry(ctx, "helpdesk_application", values).entity_id

    silent = application("2026-02-01")  # 43 days without a follow-up
    followed = application("2026-02-01")
    add_follow_up(
        ctx,
        "helpdesk_application",
        followed,
        {"kind": "follow_up", "done_on": "2026-03-10", "note": "x"},
    )
    recent = application("2026-03-05")
    boundary = application("2026-03-01")  # exactly 15 days: not yet stale
    application("2026-01-01", status="disposed", disposed_on="2026-01-05")

    def ppk(referred: str, **v: Any) -> str:
        values = sample("ppk_referral", referred_on=referred, **v)
        return create_entry(ctx, "ppk_referral", values).entity_id

    def support(referred: str) -> str:
        values = sample("support_referral", referred_on=referred)
        return create_entry(ctx, "support_referral", values).entity_id

    p1 = ppk("2026-02-01")  # outcome expected by 16-02-2026
    # A cruelty FIR of 01-02-2026: two months' cooling-off, to 01-04-2026, before an outcome.
    cruelty = _fir(station, 7, "2026-02-01", "BNS 85")
    ppk("2026-02-01", fir_id=cruelty)
    ppk("2026-01-05", status="closed", outcome="reconciled", outcome_on="2026-02-01")
    support("2026-03-05")  # answer expected by 20-03-2026
    s2 = support("2026-02-20")  # answer expected by 07-03-2026

    checklist = inspection_checklist(ctx)

    assert HELPDESK_SILENCE_DAYS == 15
    point = checklist.point(PointCode.HELPDESK_SILENT)
    assert _ids(checklist, PointCode.HELPDESK_SILENT) == [silent]
    assert "no follow-up for 43 days" in point.evidence[0].detail.en
    assert {followed, recent, boundary}.isdisjoint(_ids(checklist, PointCode.HELPDESK_SILENT))
    referrals = checklist.point(PointCode.REFERRALS_UNANSWERED).evidence
    assert [(r.register, r.entry_id) for r in referrals] == [
        ("ppk_referral", p1),
        ("support_referral", s2),
    ]
    assert "expected by 07-03-2026" in referrals[1].detail.en


def test_roster_staff_bond_and_direction_points(station: StationHandle) -> None:
    ctx = station.ctx
    in_charge = create_entry(
        ctx,
        "staff_member",
        sample(
            "staff_member",
            name="SI Fake Incharge",
            rank="sub_inspector",
            is_in_charge=True,
            posted_on="2025-01-10",
            igot_certificate_no="IGOT-1",
            igot_certified_on="2025-01-20",
        ),
    ).entity_id
    # Posted 01-01-2026, certificate due by 01-02-2026 and still missing.
    constable = create_entry(
        ctx, "staff_member", sample("staff_member", posted_on="2026-01-01")
    ).entity_id

    def slot(day: str, staff: list[str]) -> str:
        values = {"roster": "help_desk", "duty_on": day, "starts_at": "08:00", "ends_at": "14:00"}
        return add_roster_slot(ctx, values, staff).entity_id

    empty = slot("2026-03-10", [])
    slot("2026-03-11", [constable])
    slot("2026-02-10", [])  # more than 30 days ago

    def bond(action_on: str, status: str) -> str:
        values = sample("preventive_action", action_on=action_on, status=status, bond_months=6)
        return create_entry(ctx, "preventive_action", values).entity_id

    lapsed = bond("2025-05-01", "active")  # ran to 31-10-2025
    bond("2025-05-01", "renewed")
    bond("2026-01-01", "active")  # runs to 30-06-2026
    marked_expired = bond("2025-03-01", "expired")  # ran to 31-08-2025, nothing decided

    visit = record_inspection(
        station.as_role(Role.CIRCLE_OFFICER),
        sample("inspection_entry", visited_on="2026-01-10"),
        [
            {"direction": "रजिस्टर अद्यावधिक करें", "due_on": "2026-02-10"},
            {"direction": "बीट सूची लगाएँ"},
            {"direction": "प्रशिक्षण कराएँ", "due_on": "2026-03-30"},
        ],
    ).entity_id
    with ctx.db.read() as session:
        directions = {
            d.direction: d.id
            for d in session.scalars(
                select(InspectionDirection).where(InspectionDirection.entry_id == visit)
            )
        }
    record_compliance(
        ctx,
        directions["प्रशिक्षण कराएँ"],
        {"compliance_status": "complied", "complied_on": "2026-03-01"},
    )

    checklist = inspection_checklist(ctx)

    assert _ids(checklist, PointCode.UNSTAFFED_SHIFTS) == [empty]
    assert checklist.point(PointCode.UNSTAFFED_SHIFTS).evidence[0].label.startswith("10-03-2026")
    staffing = checklist.point(PointCode.STAFFING).evidence
    # One sub-inspector as in-charge, one constable, no home guard: too few sub-inspectors
    # (the in-charge is not counted), too few constables, no home guard, one iGOT overdue.
    assert len(staffing) == 4
    assert [x.entry_id for x in staffing if x.entry_id] == [constable]
    assert in_charge not in _ids(checklist, PointCode.STAFFING)
    assert sorted(_ids(checklist, PointCode.BONDS_LAPSED), key=str) == sorted(
        [lapsed, marked_expired], key=str
    )
    opened = {
        x.detail.en: (x.register, x.entry_id, x.urgent)
        for x in checklist.point(PointCode.DIRECTIONS_OPEN).evidence
    }
    assert opened == {
        "रजिस्टर अद्यावधिक करें — comply by 10-02-2026": ("inspection_entry", visit, True),
        "बीट सूची लगाएँ — no date set": ("inspection_entry", visit, False),
    }


def test_every_point_is_listed_even_when_clean(station: StationHandle) -> None:
    checklist = inspection_checklist(station.as_role(Role.CIRCLE_OFFICER))
    assert [p.code for p in checklist.points] == list(PointCode)
    assert checklist.today == TODAY
    counts = {p.code: p.count for p in checklist.points}
    # An empty station: only the staffing rules find something (nobody is posted).
    assert {code for code, n in counts.items() if n} == {PointCode.STAFFING}
    assert all(p.title.hi and p.title.en for p in checklist.points)


def test_checklist_of_another_station_in_the_file(station: StationHandle) -> None:
    other = station.other_station()
    other_fir = new_fir(
        other,
        crime_no=9,
        crime_year=2026,
        registered_at="2026-01-01 10:00",
        offence_date="2026-01-01",
        sections=("BNS 64",),
    ).entity_id
    officer = station.as_role(Role.CIRCLE_OFFICER)
    assert _ids(inspection_checklist(officer), PointCode.INVESTIGATIONS) == []
    there = inspection_checklist(officer, other.actor.station_id)
    assert there.station_id == other.actor.station_id
    assert _ids(there, PointCode.INVESTIGATIONS) == [other_fir]


def test_a_signed_inspection_cannot_be_edited_or_deleted(station: StationHandle) -> None:
    officer = station.as_role(Role.CIRCLE_OFFICER)
    entry_id = record_inspection(
        officer, sample("inspection_entry"), [{"direction": "x"}]
    ).entity_id
    before = get_row(station.db, InspectionEntry, entry_id)
    assert before.signed_by == officer.actor.user_id
    for ctx in (officer, station.ctx):
        with pytest.raises(PermissionDenied, match="signed"):
            edit_entry(ctx, "inspection_entry", entry_id, {"observations": "changed later"})
        with pytest.raises(PermissionDenied, match="signed"):
            delete_entry(ctx, "inspection_entry", entry_id, "wrong visit")
    after = get_row(station.db, InspectionEntry, entry_id)
    assert (after.observations, after.deleted_at) == (before.observations, None)
    # A correction is a new entry of its own, signed in turn.
    correction = record_inspection(
        officer, sample("inspection_entry", observations="शुद्धि: पूर्व प्रविष्टि में तिथि")
    ).entity_id
    assert correction != entry_id
    assert get_row(station.db, InspectionEntry, correction).signed_at is not None


def test_open_directions_show_on_the_station_dashboard(station: StationHandle) -> None:
    officer = station.as_role(Role.CIRCLE_OFFICER)
    record_inspection(
        officer,
        sample("inspection_entry", visited_on="2026-03-01"),
        [
            {"direction": "महिला हेल्प डेस्क पर रोस्टर लगाएँ", "due_on": "2026-03-10"},
            {"direction": "जागरूकता कार्यक्रम करें", "due_on": "2026-04-10"},
        ],
    )
    work = todays_work(station.ctx)
    shown = {d.direction: d.overdue for d in work.directions}
    assert shown == {"महिला हेल्प डेस्क पर रोस्टर लगाएँ": True, "जागरूकता कार्यक्रम करें": False}
    complied = next(d for d in work.directions if not d.overdue)
    record_compliance(
        station.ctx, complied.direction_id, {"compliance_status": "complied", "complied_on": TODAY}
    )
    assert [d.direction for d in todays_work(station.ctx).directions] == [
        "महिला हेल्प डेस्क पर रोस्टर लगाएँ"
    ]


def test_no_victim_identity_reaches_the_checklist(world: StationHandle) -> None:
    checklist = inspection_checklist(world.as_role(Role.CIRCLE_OFFICER))
    shown = [
        text
        for point in checklist.points
        for e in point.evidence
        for text in (e.label, e.detail.hi, e.detail.en)
    ]
    assert shown  # the world's entries do show up (its help desk application, its bond ...)
    for secret in IDENTITY_STRINGS:
        assert not any(secret in text for text in shown), secret
