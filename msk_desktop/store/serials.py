"""Register serial numbers per station, register and year, as paper registers number them."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from msk_desktop.store.base import RegisterEntry
from msk_desktop.store.models import SerialCounter


def next_serial(
    session: Session,
    station_id: str,
    counter: str,
    year: int,
    table: type[RegisterEntry] | None = None,
) -> int:
    """The next number, inside the caller's write transaction (so two saves never share one).

    A missing counter starts from the highest number already in ``table`` (entries that came by
    import or sync), not from 1.
    """
    row = session.get(SerialCounter, (station_id, counter, year))
    if row is None:
        start = 0
        if table is not None:
            start = session.execute(
                select(func.coalesce(func.max(table.serial_no), 0)).where(
                    table.station_id == station_id, table.serial_year == year
                )
            ).scalar_one()
        row = SerialCounter(station_id=station_id, register=counter, year=year, last_no=start)
        session.add(row)
    row.last_no += 1
    return row.last_no
