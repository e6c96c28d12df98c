"""Local sync bookkeeping (SYNC.md): the outbox, the device's cursor, kept conflicts and when
each station last synced."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from msk_desktop.store.base import Base
from msk_desktop.store.types import UtcDateTime


class OutboxState:
    PENDING = "pending"
    SENT = "sent"
    APPLIED = "applied"
    CONFLICT = "conflict"
    REJECTED = "rejected"


class SyncOutbox(Base):
    """One row per change, written in the same transaction as the change; never purged silently."""

    __tablename__ = "sync_outbox"

    local_seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    operation: Mapped[str] = mapped_column(String(8))  # insert, update, delete
    fields: Mapped[str] = mapped_column(Text)  # JSON of the changed fields only
    base_version: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[str] = mapped_column(String(48))
    user_id: Mapped[str | None] = mapped_column(String(36))
    schema_version: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(12), index=True, default=OutboxState.PENDING)
    server_answer: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class DeviceSyncState(Base):
    """This device's identity and cursor; one row."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    server_url: Mapped[str | None] = mapped_column(String(200))
    server_epoch: Mapped[str | None] = mapped_column(String(36))
    pulled_through_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hlc: Mapped[str | None] = mapped_column(String(48))
    last_sync_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # Set at enrolment with the district (migration 0006). The device's Ed25519 private key
    # lives here, inside the encrypted database, never in a file of its own.
    station_code: Mapped[str | None] = mapped_column(String(32))
    device_role: Mapped[str | None] = mapped_column(String(8))  # station, circle
    device_key: Mapped[str | None] = mapped_column(Text)
    server_cert: Mapped[str | None] = mapped_column(Text)  # pinned TLS certificate (PEM)
    # The district's public keys for the offline sync file (migration 0007): X25519 to
    # encrypt a station file to it, Ed25519 to check its answer files.
    district_box_key: Mapped[str | None] = mapped_column(Text)
    district_sign_key: Mapped[str | None] = mapped_column(Text)
    # The last audit entry the district holds a copy of (migration 0008); the next sync sends
    # the entries after it.
    audit_acked_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class SyncConflict(Base):
    """A field both sides changed: both values kept until a person resolves it."""

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(40))
    local_value: Mapped[str | None] = mapped_column(Text)
    server_value: Mapped[str | None] = mapped_column(Text)
    local_author: Mapped[str | None] = mapped_column(String(80))
    local_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    server_author: Mapped[str | None] = mapped_column(String(80))
    server_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(12), default="open")  # open, resolved
    resolution: Mapped[str | None] = mapped_column(Text)
    resolved_by: Mapped[str | None] = mapped_column(String(36))
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class StationSyncSeen(Base):
    """When a station's PCs last synced with the district, as the district said in its last
    pull answer (local only, never synced): the circle view shows how fresh each station's
    figures are. No foreign key to ``station``: the answer may name a station whose row comes
    in a later page."""

    __tablename__ = "station_sync_seen"

    station_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    last_sync_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
