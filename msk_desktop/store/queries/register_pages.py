"""Pages of a register for table views: count and fetch with sort and filters, never all rows
(ARCHITECTURE.md: views page through SQL)."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, literal_column, select, text
from sqlalchemy.orm import Session

from msk_desktop.store.base import RegisterEntry, SyncState
from msk_desktop.store.queries.search import count_matching, matching_entry_rowids


@dataclass(frozen=True)
class ColumnFilter:
    """One column narrowed down: equal to a value, containing a text, or within a range
    (``low`` inclusive, ``high`` exclusive), whichever parts are given."""

    column: str
    equals: Any = None
    contains: str | None = None
    low: Any = None
    high: Any = None


@dataclass(frozen=True)
class PageQuery:
    columns: tuple[str, ...]  # attribute names of the model, shown in this order
    sort_column: str | None = None  # None: newest entry first (year, serial descending)
    descending: bool = False
    status: str | None = None  # an exact value of the register's ``status`` column
    text: str | None = None  # words (as in global search, Hindi or English), or "12/2025"
    column_filter: ColumnFilter | None = None
    only_ids: frozenset[str] | None = None  # entries a rule picked (e.g. overdue investigations)
    unsynced: bool = False  # changed here and not yet accepted by the district

    @property
    def narrowed(self) -> bool:
        return bool(
            self.status is not None
            or self.text
            or self.column_filter
            or self.only_ids is not None
            or self.unsynced
        )


def _serial(words: str) -> tuple[int, int | None] | None:
    """ "12/2025" or "12": a serial number (and year) rather than words to search."""
    number, _, year = words.strip().partition("/")
    if number.isdigit() and (not year or year.isdigit()):
        return int(number), int(year) if year else None
    return None


def _like_escaped(text_: str) -> str:
    return text_.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _column_condition(
    model: type[RegisterEntry], wanted: ColumnFilter
) -> list[ColumnElement[bool]]:
    column = getattr(model, wanted.column)
    conditions: list[ColumnElement[bool]] = []
    if wanted.equals is not None:
        conditions.append(column == wanted.equals)
    if wanted.contains:
        pattern = f"%{_like_escaped(wanted.contains)}%"
        conditions.append(column.like(pattern, escape="\\"))
    if wanted.low is not None:
        conditions.append(column >= wanted.low)
    if wanted.high is not None:
        conditions.append(column < wanted.high)
    return conditions


def _filters(model: type[RegisterEntry], station_id: str, query: PageQuery) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = [
        model.station_id == station_id,
        model.deleted_at.is_(None),
    ]
    if query.status is not None and hasattr(model, "status"):
        conditions.append(model.status == query.status)
    if query.column_filter is not None:
        conditions.extend(_column_condition(model, query.column_filter))
    if query.only_ids is not None:
        # One JSON parameter, not one per id: thousands of overdue cases stay one statement.
        picked: Select[Any] = select(literal_column("value")).select_from(
            func.json_each(json.dumps(sorted(query.only_ids)))
        )
        conditions.append(model.id.in_(picked))
    if query.unsynced:
        # A literal, not a parameter: SQLite uses the partial index only for its own words.
        conditions.append(model.sync_state != literal_column(f"'{SyncState.SYNCED}'"))
    words = (query.text or "").strip()
    serial = _serial(words)
    if serial is not None:
        number, year = serial
        match = model.serial_no == number
        conditions.append(and_(match, model.serial_year == year) if year else match)
    elif words:
        rowids = matching_entry_rowids(model.__tablename__, station_id, words)
        conditions.append(literal_column(f"{model.__tablename__}.rowid").in_(rowids))
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
    session: Session,
    model: type[RegisterEntry],
    station_id: str,
    query: PageQuery,
    cap: int | None = None,
) -> int:
    """How many rows the query shows; with ``cap``, a count above it comes back as ``cap + 1``
    ("more than ``cap``"). A filter most rows pass (a status of 97 % of 100,000 FIRs) is
    counted by reading every row it passes, 80 ms; capped, it stops after ``cap + 1``."""
    if not query.narrowed:
        # The index of live rows answers an unfiltered count alone; SQLite's planner, seeing
        # one station in the table, reads the whole table instead. (SQLAlchemy's SQLite
        # dialect renders no index hints, hence the plain SQL; both names are ours.)
        table = model.__tablename__
        statement = text(
            f"SELECT count(*) FROM {table} INDEXED BY ix_{table}_station_serial "
            "WHERE station_id = :station AND deleted_at IS NULL"
        )
        found = int(session.execute(statement, {"station": station_id}).scalar_one())
    elif query.text and _serial(query.text) is None and not replace(query, text=None).narrowed:
        found = count_matching(session, model.__tablename__, station_id, query.text)
    else:
        passing: Select[Any] = select(literal_column("1")).select_from(model)
        passing = passing.where(_filters(model, station_id, query))
        if cap is not None:
            passing = passing.limit(cap + 1)
        counted = select(func.count()).select_from(passing.subquery())
        found = int(session.execute(counted).scalar_one())
    return found if cap is None else min(found, cap + 1)


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
