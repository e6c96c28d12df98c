"""Open work that falls due: follow-ups, expiring bonds, inspection directions, staff postings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from msk_desktop.domain.staffing import Gender, Posting, Rank
from msk_desktop.store.models import (
    HelpdeskApplication,
    InspectionDirection,
    PpkReferral,
    PreventiveAction,
    StaffMember,
    SupportReferral,
)


@dataclass(frozen=True)
class DueEntry:
    register: str
    entry_id: str
    serial: str
    label: str  # a pseudonym, a service or a person named in a public order, never a victim
    due_on: date


def follow_ups_due(session: Session, station_id: str, until: date) -> list[DueEntry]:
    due: list[DueEntry] = []
    for model, label_column in (
        (HelpdeskApplication, HelpdeskApplication.applicant_pseudonym),
        (PpkReferral, PpkReferral.ppk_centre),
        (SupportReferral, SupportReferral.service),
    ):
        rows = session.execute(
            select(
                model.id, model.serial_no, model.serial_year, label_column, model.next_follow_up_on
            )
            .where(
                model.station_id == station_id,
                model.deleted_at.is_(None),
                model.next_follow_up_on <= until,
            )
            .order_by(model.next_follow_up_on)
        ).all()
        due += [
            DueEntry(model.__tablename__, r[0], f"{r[1]}/{r[2]}", r[3], r[4])
            for r in rows
            if r[4] is not None
        ]
    return sorted(due, key=lambda d: d.due_on)


def bonds_expiring(session: Session, station_id: str, since: date, until: date) -> list[DueEntry]:
    rows = session.execute(
        select(
            PreventiveAction.id,
            PreventiveAction.serial_no,
            PreventiveAction.serial_year,
            PreventiveAction.action_code,
            PreventiveAction.expires_on,
        )
        .where(
            PreventiveAction.station_id == station_id,
            PreventiveAction.deleted_at.is_(None),
            PreventiveAction.status == "active",
            PreventiveAction.expires_on.between(since, until),
        )
        .order_by(PreventiveAction.expires_on)
    ).all()
    return [
        DueEntry("preventive_action", r[0], f"{r[1]}/{r[2]}", r[3], r[4])
        for r in rows
        if r[4] is not None
    ]


def open_directions(session: Session, station_id: str) -> list[InspectionDirection]:
    return list(
        session.scalars(
            select(InspectionDirection)
            .where(
                InspectionDirection.station_id == station_id,
                InspectionDirection.deleted_at.is_(None),
                InspectionDirection.compliance_status != "complied",
            )
            .order_by(InspectionDirection.due_on)
        )
    )


def postings(session: Session, station_id: str) -> list[Posting]:
    """The staff register as the circular's rules read it."""
    rows = session.scalars(
        select(StaffMember).where(
            StaffMember.station_id == station_id, StaffMember.deleted_at.is_(None)
        )
    )
    return [
        Posting(
            staff_id=s.id,
            rank=Rank(s.rank),
            gender=Gender(s.gender),
            is_in_charge=s.is_in_charge,
            posted_on=s.posted_on,
            removed_on=s.removed_on,
            removal_approval_ref=s.removal_approval_ref,
            igot_certified_on=s.igot_certified_on,
        )
        for s in rows
    ]
