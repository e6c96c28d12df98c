"""The district server's own tables (PostgreSQL; SQLite for a laptop demo).

The district keeps every station row as JSON with a version and the version at which each
field last changed (for the three-way merge), every op it ever received (so a resent op gets
its stored answer), and every conflict until a person resolves it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from msk_desktop.store.types import UtcDateTime

# 2: the copies of the PCs' audit chains (AuditCopy, AuditAlarm); `init` adds them.
SCHEMA_VERSION = 2


class DistrictBase(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class SchemaVersion(DistrictBase):
    """The version of these tables; ``msk-district init`` writes it, ``serve`` checks it."""

    __tablename__ = "district_schema"

    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    applied_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ServerState(DistrictBase):
    """One row. ``epoch`` changes when the database is restored from a backup; ``last_seq``
    numbers changes in commit order (its row lock serialises pushes, so a pull never skips a
    change that commits late)."""

    __tablename__ = "server_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    epoch: Mapped[str] = mapped_column(String(36))
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    secret: Mapped[str] = mapped_column(String(64))  # signs tokens; hex


class DistrictStation(DistrictBase):
    __tablename__ = "district_station"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    circle: Mapped[str] = mapped_column(String(80), index=True)
    # The station row's id, bound when the first PC of the station enrols.
    station_id: Mapped[str | None] = mapped_column(String(36), unique=True)


class EnrolCode(DistrictBase):
    __tablename__ = "enrol_code"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_code: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(8))
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_by: Mapped[str | None] = mapped_column(String(36))


class Device(DistrictBase):
    __tablename__ = "device"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_code: Mapped[str] = mapped_column(String(32), index=True)
    role: Mapped[str] = mapped_column(String(8))
    label: Mapped[str] = mapped_column(String(80))
    public_key: Mapped[str] = mapped_column(String(64))
    enrolled_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_push_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_pull_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Challenge(DistrictBase):
    __tablename__ = "auth_challenge"

    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ChangeLog(DistrictBase):
    """Every op received, with its answer; a repeated ``op_id`` gets that answer again."""

    __tablename__ = "change_log"

    server_seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    device_id: Mapped[str] = mapped_column(String(36))
    station_id: Mapped[str | None] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    operation: Mapped[str] = mapped_column(String(8))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    base_version: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[str] = mapped_column(String(48))
    user_id: Mapped[str | None] = mapped_column(String(36))
    outcome: Mapped[str] = mapped_column(String(12))
    answer: Mapped[dict[str, Any]] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)


class RowState(DistrictBase):
    """The current state of one station row."""

    __tablename__ = "row_state"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_id: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    field_versions: Mapped[dict[str, int]] = mapped_column(JSON)
    field_authors: Mapped[dict[str, Any]] = mapped_column(JSON)  # field -> [user, hlc]
    created_seq: Mapped[int] = mapped_column(BigInteger, index=True)
    last_seq: Mapped[int] = mapped_column(BigInteger, index=True)
    # Register serial numbers, kept as columns to find a clash between two offline PCs.
    serial_year: Mapped[int | None] = mapped_column(Integer)
    serial_no: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        Index("ix_row_state_serial", "table_name", "station_id", "serial_year", "serial_no"),
    )


class Conflict(DistrictBase):
    __tablename__ = "conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    station_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(40))
    kept_value: Mapped[Any] = mapped_column(JSON)
    other_value: Mapped[Any] = mapped_column(JSON)
    kept_author: Mapped[str | None] = mapped_column(String(80))
    kept_at: Mapped[str | None] = mapped_column(String(48))
    other_author: Mapped[str | None] = mapped_column(String(80))
    other_at: Mapped[str | None] = mapped_column(String(48))
    op_id: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(12), index=True)  # open, resolved
    resolution: Mapped[str | None] = mapped_column(Text)
    resolved_by: Mapped[str | None] = mapped_column(String(36))
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class AuditCopy(DistrictBase):
    """Each PC's audit chain as the PC sent it, field for field (store/audit.py), so the
    district can check it: the PC's own copy can be rewritten by whoever holds its key, this
    one only grows, and only by entries that continue it."""

    __tablename__ = "audit_copy"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    id: Mapped[str] = mapped_column(String(36))
    at: Mapped[str] = mapped_column(String(40))  # the ISO text the hash covers
    station_id: Mapped[str | None] = mapped_column(String(36))
    user_id: Mapped[str | None] = mapped_column(String(36))
    username: Mapped[str | None] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    entity_table: Mapped[str | None] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(36))
    detail: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AuditAlarm(DistrictBase):
    """A PC sent audit entries that do not continue the district's copy of its chain: entries
    already sent were rewritten or deleted on the PC. One row per device and entry; a PC that
    keeps sending the same entries bumps ``times``."""

    __tablename__ = "audit_alarm"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(36), index=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(200))
    first_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_at: Mapped[datetime] = mapped_column(UtcDateTime)
    times: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (UniqueConstraint("device_id", "seq"),)
