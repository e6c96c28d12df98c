"""The sync protocol, version 1: the request and answer shapes shared by the station PC and the
district server, and the limits both sides enforce.

Every refusal carries a ``Reason`` in Hindi and English, so the PC can show the server's words
to its user unchanged.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from msk_desktop.store.models import SyncConflict

PROTOCOL_VERSION = 1
API = "/v1"
PROTOCOL_HEADER = "X-MSK-Protocol"
SCHEMA_HEADER = "X-MSK-Schema"

MAX_BATCH = 500  # ops per push
MAX_AUDIT_BATCH = 1000  # audit entries per audit push
MAX_AUDIT_DETAIL = 1_000_000  # characters of one audit entry's detail
MAX_PAGE = 500  # rows per pull page
# A push body may be at most this large once decompressed (a gzip bomb stops here).
MAX_BODY_BYTES = 8 * 1024 * 1024

# What a circle officer's laptop may write; everything else it only reads.
CIRCLE_WRITABLE = frozenset({"inspection_entry", "inspection_direction"})
# What a circle officer's laptop never receives: victims' identities, and the stations' own
# login accounts (user names are unique per PC, and the officer needs none of them).
CIRCLE_HIDDEN = frozenset({"protected_identity", "app_user"})

Role = Literal["station", "circle"]
OpStatus = Literal["applied", "duplicate", "conflict", "rejected"]
# A "resolve" op names a conflict of this table, not a register row.
CONFLICT_TABLE = SyncConflict.__tablename__

_ID = Field(min_length=1, max_length=36)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Reason(_Strict):
    hi: str
    en: str


class ErrorBody(_Strict):
    code: str
    reason: Reason


class Meta(_Strict):
    protocol_version: int
    server_epoch: str
    schema_versions: list[str]
    max_batch: int
    max_page: int
    max_body_bytes: int


class EnrolRequest(_Strict):
    code: str = Field(min_length=4, max_length=64)
    device_id: str = _ID
    public_key: str = Field(min_length=40, max_length=64)  # raw Ed25519 key, base64
    label: str = Field(default="", max_length=80)
    # The station this PC already holds, if any: the district binds the station to it.
    station_id: str | None = Field(default=None, max_length=36)


class EnrolResponse(_Strict):
    device_id: str
    station_code: str
    role: Role
    circle: str
    station_id: str | None
    server_epoch: str
    # The district's public keys for the offline sync file (X25519, Ed25519; raw, base64).
    district_box_key: str
    district_sign_key: str


class ChallengeRequest(_Strict):
    device_id: str = _ID


class ChallengeResponse(_Strict):
    challenge: str
    expires_at: datetime


class TokenRequest(_Strict):
    device_id: str = _ID
    challenge: str = Field(max_length=200)
    signature: str = Field(max_length=200)  # base64 Ed25519 signature of the challenge


class TokenResponse(_Strict):
    token: str
    expires_at: datetime


class Op(_Strict):
    """One outbox row: a change of one row, with only the changed fields."""

    op_id: str = _ID
    table: str = Field(min_length=1, max_length=40)
    row_id: str = _ID
    operation: Literal["insert", "update", "delete", "resolve"]
    fields: dict[str, Any]
    base_version: int = Field(ge=0)
    hlc: str = Field(max_length=48)
    user_id: str | None = Field(default=None, max_length=36)
    schema_version: str = Field(max_length=32)


class PushRequest(_Strict):
    ops: list[Op] = Field(max_length=MAX_BATCH)


class OpOutcome(_Strict):
    op_id: str
    status: OpStatus
    server_seq: int | None = None
    version: int | None = None  # the row's version after this op
    # Values the district set itself (a register serial number renumbered on a clash).
    server_fields: dict[str, Any] = Field(default_factory=dict)
    conflict_fields: list[str] = Field(default_factory=list)
    reason: Reason | None = None


class PushResponse(_Strict):
    server_epoch: str
    results: list[OpOutcome]


class ConflictInfo(_Strict):
    """A field both sides changed: the value that arrived first is kept, the other is here."""

    id: str
    field: str
    kept_value: Any
    other_value: Any
    kept_author: str | None
    kept_at: str | None
    other_author: str | None
    other_at: str | None
    status: Literal["open", "resolved"]
    resolution: str | None


class PulledRow(_Strict):
    """The current state of one row, as the district holds it."""

    server_seq: int
    table: str
    row_id: str
    version: int
    data: dict[str, Any]
    conflicts: list[ConflictInfo] = Field(default_factory=list)


class PullResponse(_Strict):
    server_epoch: str
    rows: list[PulledRow]
    next_since: int
    has_more: bool
    # When each station the caller may read last synced (its station PCs' latest push or
    # pull; None: never), by station id. Empty in an answer of a server that predates it.
    station_syncs: dict[str, datetime | None] = Field(default_factory=dict)


_HASH = Field(pattern=r"^[0-9a-f]{64}$")
MAX_SEQ = 2**62  # fits the district's BIGINT


class AuditRecord(_Strict):
    """One entry of a PC's audit chain, exactly as the PC stored it (store/audit.py): the
    district recomputes its hash from these fields, so nothing may be reshaped on the way."""

    seq: int = Field(ge=1, le=MAX_SEQ)
    id: str = _ID
    at: str = Field(min_length=1, max_length=40)  # ISO time, as the hash covers it
    station_id: str | None = Field(default=None, max_length=36)
    user_id: str | None = Field(default=None, max_length=36)
    username: str | None = Field(default=None, max_length=40)
    action: str = Field(min_length=1, max_length=40)
    entity_table: str | None = Field(default=None, max_length=40)
    entity_id: str | None = Field(default=None, max_length=36)
    detail: str = Field(max_length=MAX_AUDIT_DETAIL)
    prev_hash: str = _HASH
    hash: str = _HASH

    @field_validator("*")
    @classmethod
    def _storable(cls, value: object) -> object:
        # PostgreSQL text holds no NUL character; the PC never writes one.
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("NUL character")
        return value


class AuditPushRequest(_Strict):
    after_seq: int = Field(ge=0, le=MAX_SEQ)  # the entries continue the chain after this one
    entries: list[AuditRecord] = Field(min_length=1, max_length=MAX_AUDIT_BATCH)


class AuditPushResponse(_Strict):
    server_epoch: str
    # The last entry of this device's chain the district now holds; the PC sends from the next.
    held_through: int
    stored: int  # entries new to the district in this push
