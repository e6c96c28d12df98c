"""How much this PC has not yet sent to the district."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msk_desktop.store.models import OutboxState, SyncOutbox


def pending_count(session: Session) -> int:
    return int(
        session.execute(
            select(func.count()).where(SyncOutbox.state == OutboxState.PENDING)
        ).scalar_one()
    )
