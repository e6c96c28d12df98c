"""The stations a database holds: one on a Kendra's PC, every station of the circle on a circle
officer's laptop (brought in by sync)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from msk_desktop.store.models import Station


@dataclass(frozen=True)
class StationRef:
    station_id: str
    code: str
    name_hi: str
    name_en: str
    circle: str


def stations_on_file(session: Session) -> list[StationRef]:
    rows = session.execute(
        select(Station.id, Station.code, Station.name_hi, Station.name_en, Station.circle)
        .where(Station.deleted_at.is_(None))
        .order_by(Station.code)
    ).all()
    return [StationRef(*row) for row in rows]
