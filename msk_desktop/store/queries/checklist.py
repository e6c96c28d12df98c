"""Rows the inspection checklist looks at that no other view reads: open applications with the
day they were last touched, referrals still waiting for an outcome, shifts nobody was put on,
and bonds whose period has ended."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from msk_desktop.store.models import (
    DutyRosterAssignment,
    DutyRosterSlot,
    FollowUp,
    HelpdeskApplication,
    PpkReferral,
    PreventiveAction,
    SupportReferral,
)


@dataclass(frozen=True)
class OpenApplication:
    entry_id: str
    serial: str
    pseudonym: str
    received_at: datetime
    last_follow_up_on: date | None


def open_applications(session: Session, station_id: str) -> list[OpenApplication]:
    """Pending help desk applications with the date of their latest follow-up, if any."""
    last_follow_up = (
        select(FollowUp.parent_id, func.max(FollowUp.done_on).label("last_on"))
        .where(
            FollowUp.station_id == station_id,
            FollowUp.parent_table == "helpdesk_application",
            FollowUp.deleted_at.is_(None),
        )
        .group_by(FollowUp.parent_id)
        .subquery()
    )
    rows = session.execute(
        select(
            HelpdeskApplication.id,
            HelpdeskApplication.serial_no,
            HelpdeskApplication.serial_year,
            HelpdeskApplication.applicant_pseudonym,
            HelpdeskApplication.received_at,
            last_follow_up.c.last_on,
        )
        .outerjoin(last_follow_up, last_follow_up.c.parent_id == HelpdeskApplication.id)
        .where(
            HelpdeskApplication.station_id == station_id,
            HelpdeskApplication.deleted_at.is_(None),
            HelpdeskApplication.status == "pending",
        )
        .order_by(HelpdeskApplication.received_at)
    ).all()
    return [OpenApplication(r[0], f"{r[1]}/{r[2]}", r[3], r[4], r[5]) for r in rows]


@dataclass(frozen=True)
class UnansweredReferral:
    register: str
    entry_id: str
    serial: str
    label: str  # the PPK centre, or the support service's code
    referred_on: date
    cooling_off_until: date | None


def unanswered_referrals(session: Session, station_id: str) -> list[UnansweredReferral]:
    """PPK and support referrals whose outcome has not come back (no outcome date)."""
    ppk = session.execute(
        select(
            PpkReferral.id,
            PpkReferral.serial_no,
            PpkReferral.serial_year,
            PpkReferral.ppk_centre,
            PpkReferral.referred_on,
            PpkReferral.cooling_off_until,
        ).where(
            PpkReferral.station_id == station_id,
            PpkReferral.deleted_at.is_(None),
            PpkReferral.outcome_on.is_(None),
        )
    ).all()
    support = session.execute(
        select(
            SupportReferral.id,
            SupportReferral.serial_no,
            SupportReferral.serial_year,
            SupportReferral.service,
            SupportReferral.referred_on,
        ).where(
            SupportReferral.station_id == station_id,
            SupportReferral.deleted_at.is_(None),
            SupportReferral.result_on.is_(None),
        )
    ).all()
    found = [
        UnansweredReferral("ppk_referral", r[0], f"{r[1]}/{r[2]}", r[3], r[4], r[5]) for r in ppk
    ]
    found += [
        UnansweredReferral("support_referral", r[0], f"{r[1]}/{r[2]}", r[3], r[4], None)
        for r in support
    ]
    return sorted(found, key=lambda r: r.referred_on)


@dataclass(frozen=True)
class UnstaffedSlot:
    slot_id: str
    roster: str
    duty_on: date
    starts_at: time
    ends_at: time
    place: str | None


def unstaffed_slots(
    session: Session, station_id: str, first: date, last: date
) -> list[UnstaffedSlot]:
    someone_on = exists().where(
        DutyRosterAssignment.slot_id == DutyRosterSlot.id,
        DutyRosterAssignment.deleted_at.is_(None),
    )
    rows = session.execute(
        select(
            DutyRosterSlot.id,
            DutyRosterSlot.roster,
            DutyRosterSlot.duty_on,
            DutyRosterSlot.starts_at,
            DutyRosterSlot.ends_at,
            DutyRosterSlot.place,
        )
        .where(
            DutyRosterSlot.station_id == station_id,
            DutyRosterSlot.deleted_at.is_(None),
            DutyRosterSlot.duty_on.between(first, last),
            ~someone_on,
        )
        .order_by(DutyRosterSlot.duty_on, DutyRosterSlot.starts_at)
    ).all()
    return [UnstaffedSlot(*row) for row in rows]


@dataclass(frozen=True)
class EndedBond:
    entry_id: str
    serial: str
    action_code: str
    status: str
    expires_on: date


def bonds_ended_before(session: Session, station_id: str, day: date) -> list[EndedBond]:
    """Preventive actions whose bond period ended before ``day``, whatever their status."""
    rows = session.execute(
        select(
            PreventiveAction.id,
            PreventiveAction.serial_no,
            PreventiveAction.serial_year,
            PreventiveAction.action_code,
            PreventiveAction.status,
            PreventiveAction.expires_on,
        )
        .where(
            PreventiveAction.station_id == station_id,
            PreventiveAction.deleted_at.is_(None),
            PreventiveAction.expires_on < day,
        )
        .order_by(PreventiveAction.expires_on)
    ).all()
    return [EndedBond(r[0], f"{r[1]}/{r[2]}", r[3], r[4], r[5]) for r in rows if r[5] is not None]
