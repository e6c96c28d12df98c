"""The stations a database holds: one on a Kendra's PC, every station of the circle on a circle
officer's laptop (brought in by sync)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from msk_desktop.store.models import Station, StationSyncSeen


@dataclass(frozen=True)
class StationRef:
    station_id: str
    code: str
    name_hi: str
    name_en: str
    circle: str
    # When the station last synced with the district, as its last pull answer here said
    # (None: never, or this database was never told).
    last_sync: datetime | None


def stations_on_file(session: Session) -> list[StationRef]:
    rows = session.execute(
        select(
            Station.id,
            Station.code,
            Station.name_hi,
            Station.name_en,
            Station.circle,
            StationSyncSeen.last_sync_at,
        )
        .outerjoin(StationSyncSeen, StationSyncSeen.station_id == Station.id)
        .where(Station.deleted_at.is_(None))
        .order_by(Station.code)
    ).all()
    return [StationRef(*row) for row in rows]
