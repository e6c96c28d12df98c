"""Pages of a register for table views: count and fetch with sort and filters, never all rows
(ARCHITECTURE.md: views page through SQL)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, literal_column, select, text
from sqlalchemy.orm import Session

from msk_desktop.store.base import RegisterEntry
from msk_desktop.store.queries.search import count_matching, matching_entry_ids


@dataclass(frozen=True)
class PageQuery:
    columns: tuple[str, ...]  # attribute names of the model, shown in this order
    sort_column: str | None = None  # None: newest entry first (year, serial descending)
    descending: bool = False
    status: str | None = None  # an exact value of the register's ``status`` column
    text: str | None = None  # words (as in global search, Hindi or English), or "12/2025"


def _serial(words: str) -> tuple[int, int | None] | None:
    """ "12/2025" or "12": a serial number (and year) rather than words to search."""
    number, _, year = words.strip().partition("/")
    if number.isdigit() and (not year or year.isdigit()):
        return int(number), int(year) if year else None
    return None


def _filters(model: type[RegisterEntry], station_id: str, query: PageQuery) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = [
        model.station_id == station_id,
        model.deleted_at.is_(None),
    ]
    if query.status is not None and hasattr(model, "status"):
        conditions.append(model.status == query.status)
    words = (query.text or "").strip()
    serial = _serial(words)
    if serial is not None:
        number, year = serial
        match = model.serial_no == number
        conditions.append(and_(match, model.serial_year == year) if year else match)
    elif words:
        conditions.append(model.id.in_(matching_entry_ids(model.__tablename__, station_id, words)))
    return and_(*conditions)


# Sorting by crime number means by year, then number.
SORT_KEYS: dict[str, tuple[str, ...]] = {"crime_no": ("crime_year", "crime_no")}


def _ordered(model: type[RegisterEntry], query: PageQuery, statement: Select[Any]) -> Select[Any]:
    if query.sort_column is None:
        return statement.order_by(model.serial_year.desc(), model.serial_no.desc())
    names = SORT_KEYS.get(query.sort_column, (query.sort_column,))
    # rowid breaks ties (paging stays stable) in the order an index on the column already has.
    keys = [*(getattr(model, n) for n in names), literal_column(f"{model.__tablename__}.rowid")]
    return statement.order_by(*(k.desc() if query.descending else k.asc() for k in keys))


def count_rows(
    session: Session, model: type[RegisterEntry], station_id: str, query: PageQuery
) -> int:
    if query.status is None and not query.text:
        # The index of live rows answers an unfiltered count alone; SQLite's planner, seeing
        # one station in the table, reads the whole table instead. (SQLAlchemy's SQLite
        # dialect renders no index hints, hence the plain SQL; both names are ours.)
        table = model.__tablename__
        statement = text(
            f"SELECT count(*) FROM {table} INDEXED BY ix_{table}_station_serial "
            "WHERE station_id = :station AND deleted_at IS NULL"
        )
        return int(session.execute(statement, {"station": station_id}).scalar_one())
    if query.status is None and query.text and _serial(query.text) is None:
        return count_matching(session, model.__tablename__, station_id, query.text)
    counted = select(func.count()).select_from(model).where(_filters(model, station_id, query))
    return int(session.execute(counted).scalar_one())


def fetch_page(
    session: Session,
    model: type[RegisterEntry],
    station_id: str,
    query: PageQuery,
    offset: int,
    limit: int,
) -> list[tuple[Any, ...]]:
    """Rows as (id, serial_no, serial_year, *columns)."""
    statement = select(
        model.id, model.serial_no, model.serial_year, *(getattr(model, c) for c in query.columns)
    ).where(_filters(model, station_id, query))
    rows = session.execute(_ordered(model, query, statement).offset(offset).limit(limit)).all()
    return [tuple(row) for row in rows]
