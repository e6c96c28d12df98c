"""The audit log a page at a time, filtered by user, action and time, newest first; and a
user's last logins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from msk_desktop.store.models import AuditEntry


@dataclass(frozen=True)
class AuditFilter:
    username: str | None = None
    action: str | None = None
    since: datetime | None = None  # inclusive, aware
    before: datetime | None = None  # exclusive, aware


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    username: str | None
    action: str
    entity_table: str | None
    entity_id: str | None
    detail: str  # canonical JSON, identity already masked when written


_ROW_COLUMNS = (
    AuditEntry.seq,
    AuditEntry.at,
    AuditEntry.username,
    AuditEntry.action,
    AuditEntry.entity_table,
    AuditEntry.entity_id,
    AuditEntry.detail,
)


def _conditions(station_id: str, where: AuditFilter) -> list[ColumnElement[bool]]:
    # Entries without a station (database creation) belong to every station of the file.
    conditions: list[ColumnElement[bool]] = [
        (AuditEntry.station_id == station_id) | AuditEntry.station_id.is_(None)
    ]
    if where.username:
        conditions.append(AuditEntry.username == where.username)
    if where.action:
        conditions.append(AuditEntry.action == where.action)
    if where.since is not None:
        conditions.append(AuditEntry.at >= where.since)
    if where.before is not None:
        conditions.append(AuditEntry.at < where.before)
    return conditions


def audit_page(
    session: Session, station_id: str, where: AuditFilter, offset: int, limit: int
) -> tuple[list[AuditRow], int]:
    """One page of matching entries, newest first, and how many match in all."""
    conditions = _conditions(station_id, where)
    total = session.execute(
        select(func.count()).select_from(AuditEntry).where(*conditions)
    ).scalar_one()
    found = session.execute(
        select(*_ROW_COLUMNS)
        .where(*conditions)
        .order_by(AuditEntry.seq.desc())
        .offset(offset)
        .limit(limit)
    ).all()
    return [AuditRow(*row) for row in found], total


def audit_choices(session: Session, station_id: str) -> tuple[list[str], list[str]]:
    """The user names and actions that occur in the log, for the filter lists."""
    base = _conditions(station_id, AuditFilter())
    users = session.scalars(
        select(AuditEntry.username)
        .where(*base, AuditEntry.username.is_not(None))
        .distinct()
        .order_by(AuditEntry.username)
    ).all()
    actions = session.scalars(
        select(AuditEntry.action).where(*base).distinct().order_by(AuditEntry.action)
    ).all()
    return [u for u in users if u], list(actions)


def recent_logins(session: Session, user_id: str, limit: int = 2) -> list[AuditRow]:
    """The user's latest successful logins, newest first."""
    found = session.execute(
        select(*_ROW_COLUMNS)
        .where(AuditEntry.action == "login", AuditEntry.entity_id == user_id)
        .order_by(AuditEntry.seq.desc())
        .limit(limit)
    ).all()
    return [AuditRow(*row) for row in found]
