"""An entry's parts and its audit trail, for its history pane."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from msk_desktop.store.base import StationScoped
from msk_desktop.store.models import AuditEntry

Child = TypeVar("Child", bound=StationScoped)


def child_rows(
    session: Session,
    model: type[Child],
    parent_column: str,
    parent_id: str,
    order_column: str,
    extra: dict[str, Any] | None = None,
) -> list[Child]:
    conditions = [getattr(model, parent_column) == parent_id, model.deleted_at.is_(None)]
    conditions += [getattr(model, k) == v for k, v in (extra or {}).items()]
    return list(
        session.scalars(select(model).where(*conditions).order_by(getattr(model, order_column)))
    )


def audit_trail(session: Session, entity_id: str) -> list[tuple[datetime, str | None, str]]:
    rows = session.execute(
        select(AuditEntry.at, AuditEntry.username, AuditEntry.action)
        .where(AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.seq)
    ).all()
    return [(row[0], row[1], row[2]) for row in rows]
