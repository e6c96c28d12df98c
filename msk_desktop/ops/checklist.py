"""The inspection checklist of one station, computed from its registers on the day of the visit:
each point with the entries behind it, so the officer can open every one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from msk_desktop.domain import choices
from msk_desktop.domain.catalogue import preventive_action_catalogue
from msk_desktop.domain.checklist import (
    INVESTIGATION_STATES,
    MILESTONE_RULES,
    ROSTER_LOOKBACK_DAYS,
    ChecklistPoint,
    Evidence,
    PointCode,
    bond_lapsed,
    checklist_points,
    days_silent,
    outcome_expected_by,
)
from msk_desktop.domain.dates import days_en, format_date, ist_date
from msk_desktop.domain.deadlines import DeadlineRule, DeadlineState
from msk_desktop.domain.errors import Message
from msk_desktop.domain.fields import Choice
from msk_desktop.domain.roster_rules import time_range
from msk_desktop.domain.staffing import Posting, staffing_report
from msk_desktop.ops.circle import station_context
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.deadlines import DeadlineItem, station_deadlines
from msk_desktop.ops.permissions import require
from msk_desktop.store.queries.checklist import (
    EndedBond,
    OpenApplication,
    UnansweredReferral,
    UnstaffedSlot,
    bonds_ended_before,
    open_applications,
    unanswered_referrals,
    unstaffed_slots,
)
from msk_desktop.store.queries.due_items import postings
from msk_desktop.store.queries.report_queries import DirectionRow, directions_until

SEVERITY = {
    "violation": Message("उल्लंघन", "Violation"),
    "warning": Message("चेतावनी", "Warning"),
}


@dataclass(frozen=True)
class Checklist:
    station_id: str
    today: date
    points: tuple[ChecklistPoint, ...]

    def point(self, code: PointCode) -> ChecklistPoint:
        return next(p for p in self.points if p.code is code)


def inspection_checklist(ctx: OpContext, station_id: str | None = None) -> Checklist:
    """The checklist of ``station_id`` (the user's own station by default) as of today."""
    require(ctx, "read_registers")
    station_ctx = station_context(ctx, station_id or ctx.actor.station_id)
    station, today = station_ctx.actor.station_id, ctx.today()
    # Every FIR, not only recent ones: a missed milestone of an old case is still a finding.
    deadlines = station_deadlines(station_ctx, today, INVESTIGATION_STATES, all_firs=True)
    with ctx.db.read() as session:
        applications = open_applications(session, station)
        referrals = unanswered_referrals(session, station)
        slots = unstaffed_slots(
            session, station, today - timedelta(days=ROSTER_LOOKBACK_DAYS), today
        )
        staff = postings(session, station)
        bonds = bonds_ended_before(session, station, today)
        directions = _not_complied(session, station, today)
    evidence: dict[PointCode, list[Evidence]] = {
        PointCode.INVESTIGATIONS: [
            _deadline_evidence(d)
            for d in deadlines
            if d.status.rule is DeadlineRule.INVESTIGATION_60
        ],
        PointCode.MILESTONES: [
            _deadline_evidence(d)
            for d in deadlines
            if d.status.rule in MILESTONE_RULES and d.status.state is DeadlineState.OVERDUE
        ],
        PointCode.HELPDESK_SILENT: _silent_applications(applications, today),
        PointCode.REFERRALS_UNANSWERED: _unanswered(referrals, today),
        PointCode.UNSTAFFED_SHIFTS: [_slot_evidence(s) for s in slots],
        PointCode.STAFFING: _staffing_evidence(staff, today),
        PointCode.BONDS_LAPSED: [
            _bond_evidence(b) for b in bonds if bond_lapsed(b.status, b.expires_on, today)
        ],
        PointCode.DIRECTIONS_OPEN: [_direction_evidence(d, today) for d in directions],
    }
    return Checklist(station, today, checklist_points(evidence))


def directions_to_comply(ctx: OpContext, station_id: str | None = None) -> list[DirectionRow]:
    """Directions of the station's inspections not yet (fully) complied with, in book order."""
    require(ctx, "read_registers")
    station = station_context(ctx, station_id or ctx.actor.station_id).actor.station_id
    with ctx.db.read() as session:
        return _not_complied(session, station, ctx.today())


def _not_complied(session: Session, station_id: str, today: date) -> list[DirectionRow]:
    return [
        d for d in directions_until(session, station_id, today) if d.compliance_status != "complied"
    ]


def _silent_applications(rows: Sequence[OpenApplication], today: date) -> list[Evidence]:
    found = []
    for app in rows:
        last = app.last_follow_up_on or ist_date(app.received_at)
        silent = days_silent(last, today)
        if silent is not None:
            found.append(
                Evidence(
                    "helpdesk_application",
                    app.entry_id,
                    f"{app.serial} {app.pseudonym}",
                    Message(
                        f"{silent} दिन से कोई अनुवर्ती कार्यवाही नहीं (अन्तिम {format_date(last)})",
                        f"no follow-up for {days_en(silent)} (last on {format_date(last)})",
                    ),
                    True,
                )
            )
    return found


def _unanswered(rows: Sequence[UnansweredReferral], today: date) -> list[Evidence]:
    found = []
    for ref in rows:
        expected = outcome_expected_by(ref.register, ref.referred_on, ref.cooling_off_until)
        if expected >= today:
            continue
        where = (
            Message(ref.label, ref.label)
            if ref.register == "ppk_referral"
            else _choice(choices.SUPPORT_SERVICE, ref.label)
        )
        found.append(
            Evidence(
                ref.register,
                ref.entry_id,
                ref.serial,
                Message(
                    f"{where.hi}: {format_date(ref.referred_on)} को सन्दर्भित; परिणाम "
                    f"{format_date(expected)} तक अपेक्षित था",
                    f"{where.en}: referred on {format_date(ref.referred_on)}; outcome was "
                    f"expected by {format_date(expected)}",
                ),
                True,
            )
        )
    return found


def _bond_evidence(bond: EndedBond) -> Evidence:
    action, ended = _action(bond.action_code), format_date(bond.expires_on)
    return Evidence(
        "preventive_action",
        bond.entry_id,
        bond.serial,
        Message(
            f"{action.hi}: अवधि {ended} को समाप्त; नवीनीकरण या समापन अंकित नहीं",
            f"{action.en}: expired on {ended}; no renewal or closure recorded",
        ),
        True,
    )


def _deadline_evidence(item: DeadlineItem) -> Evidence:
    return Evidence(
        "fir",
        item.fir_id,
        item.crime_no,
        item.status.describe(),
        item.status.state is DeadlineState.OVERDUE,
    )


def _slot_evidence(slot: UnstaffedSlot) -> Evidence:
    roster = _choice(choices.ROSTER, slot.roster)
    when = f"{format_date(slot.duty_on)} {time_range(slot.starts_at, slot.ends_at)}"
    place = f" — {slot.place}" if slot.place else ""
    return Evidence(
        "duty_roster_slot",
        slot.slot_id,
        when,
        Message(f"{roster.hi}: कोई कर्मी नियत नहीं{place}", f"{roster.en}: nobody on duty{place}"),
        True,
    )


def _staffing_evidence(staff: Sequence[Posting], today: date) -> list[Evidence]:
    return [
        Evidence(
            "staff_member",
            f.staff_id,
            SEVERITY[f.severity].hi + " / " + SEVERITY[f.severity].en,
            f.message,
            f.severity == "violation",
        )
        for f in staffing_report(staff, today)
    ]


def _direction_evidence(row: DirectionRow, today: date) -> Evidence:
    late = row.due_on is not None and row.due_on < today
    due = (
        Message(f"अन्तिम तिथि {format_date(row.due_on)}", f"comply by {format_date(row.due_on)}")
        if row.due_on is not None
        else Message("अन्तिम तिथि नहीं", "no date set")
    )
    return Evidence(
        "inspection_entry",
        row.entry_id,
        f"{row.entry_serial} ({format_date(row.visited_on)})",
        Message(f"{row.direction} — {due.hi}", f"{row.direction} — {due.en}"),
        late,
    )


def _choice(options: Sequence[Choice], code: str) -> Message:
    return next((c.label for c in options if c.code == code), Message(code, code))


def _action(code: str) -> Message:
    kind = preventive_action_catalogue().get(code)
    return Message(kind.title_hi, kind.title_en) if kind else Message(code, code)
