"""Declarative base, naming convention and the columns every synced row carries (SYNC.md)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ForeignKey, Index, Integer, MetaData, String, text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from msk_desktop.store.ids import new_id
from msk_desktop.store.types import UtcDateTime, utc_now

# Alembic's batch mode on SQLite rebuilds tables and needs every constraint named.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SyncState:
    DIRTY = "dirty"  # changed here, not yet accepted by the district
    SYNCED = "synced"
    CONFLICT = "conflict"  # the district kept both values; a person must choose


class SyncedRow:
    """Columns of every row that travels to the district.

    ``version`` is the last server version seen (0: never synced); the outbox records it as the
    base of each edit so the server can do a three-way merge. Rows are never hard-deleted.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=0)
    sync_state: Mapped[str] = mapped_column(String(12), default=SyncState.DIRTY)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    created_by: Mapped[str | None] = mapped_column(String(36))
    updated_by: Mapped[str | None] = mapped_column(String(36))
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    if TYPE_CHECKING:
        # Given by Base on every concrete model; declared so code typed against the mixin
        # can build rows and name their table.
        __tablename__: str

        def __init__(self, **values: Any) -> None: ...

    # Bookkeeping the outbox never sends as "changed fields".
    SYNC_BOOKKEEPING = frozenset(
        {"version", "sync_state", "created_at", "updated_at", "created_by", "updated_by"}
    )


class StationScoped(SyncedRow):
    """A row that belongs to one police station."""

    @declared_attr
    def station_id(cls) -> Mapped[str]:  # noqa: N805 - declared_attr passes the class
        return mapped_column(String(36), ForeignKey("station.id"), index=True)


class RegisterEntry(StationScoped):
    """A top-level entry of a paper-like register: its own serial number per station and year.

    ``serial_confirmed`` is False while a number is provisional (two PCs of one station offline
    at once); the district confirms or renumbers it, so two entries never show the same final
    number.
    """

    serial_year: Mapped[int] = mapped_column(Integer)
    serial_no: Mapped[int] = mapped_column(Integer)
    serial_confirmed: Mapped[bool] = mapped_column(default=True)

    @declared_attr.directive
    def __table_args__(cls) -> tuple[Index, ...]:  # noqa: N805
        table = cls.__tablename__
        return (
            # Unique among final numbers only: provisional ones may clash until the district
            # decides.
            Index(
                f"uq_{table}_serial",
                "station_id",
                "serial_year",
                "serial_no",
                unique=True,
                sqlite_where=text("serial_confirmed = 1"),
                postgresql_where=text("serial_confirmed"),
            ),
            # Register views count live entries and page newest first: this index of live rows
            # answers both without reading the table.
            Index(
                f"ix_{table}_station_serial",
                "station_id",
                "serial_year",
                "serial_no",
                sqlite_where=text("deleted_at IS NULL"),
                postgresql_where=text("deleted_at IS NULL"),
            ),
            # "Not yet sent to the district": few rows once a station syncs, found at once.
            Index(
                f"ix_{table}_unsynced",
                "station_id",
                sqlite_where=text(f"sync_state != '{SyncState.SYNCED}'"),
                postgresql_where=text(f"sync_state != '{SyncState.SYNCED}'"),
            ),
        )
