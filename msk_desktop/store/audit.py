"""The hash chain of the audit log: append and verify.

Each entry's hash covers its own fields and the previous entry's hash, so editing, deleting or
reordering any entry breaks the chain from that point on (SECURITY.md, "Audit").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msk_desktop.store.ids import new_id
from msk_desktop.store.jsonvalue import canonical_json, to_json_value
from msk_desktop.store.models import AuditEntry
from msk_desktop.store.types import utc_now

GENESIS_HASH = "0" * 64


def _entry_hash(entry: AuditEntry, prev_hash: str) -> str:
    body = canonical_json(
        {
            "seq": entry.seq,
            "id": entry.id,
            "at": to_json_value(entry.at),
            "station_id": entry.station_id,
            "user_id": entry.user_id,
            "username": entry.username,
            "action": entry.action,
            "entity_table": entry.entity_table,
            "entity_id": entry.entity_id,
            "detail": entry.detail,
            "prev_hash": prev_hash,
        }
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def append_audit(
    session: Session,
    *,
    action: str,
    station_id: str | None,
    user_id: str | None,
    username: str | None,
    entity_table: str | None = None,
    entity_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry. Call inside a write (BEGIN IMMEDIATE) transaction, so no other writer
    can take the same ``seq``/``prev_hash`` between the read and the insert."""
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    prev_seq, prev_hash = (last[0], last[1]) if last else (0, GENESIS_HASH)
    entry = AuditEntry(
        seq=prev_seq + 1,
        id=new_id(),
        at=utc_now(),
        station_id=station_id,
        user_id=user_id,
        username=username,
        action=action,
        entity_table=entity_table,
        entity_id=entity_id,
        detail=canonical_json(detail or {}),
        prev_hash=prev_hash,
    )
    entry.hash = _entry_hash(entry, prev_hash)
    session.add(entry)
    return entry


@dataclass(frozen=True)
class ChainReport:
    entries: int
    first_broken_seq: int | None
    reason: str | None

    @property
    def ok(self) -> bool:
        return self.first_broken_seq is None


def verify_chain(session: Session, batch: int = 5000) -> ChainReport:
    """Walk the chain in order; name the first entry whose link or hash does not hold."""
    expected_prev, expected_seq, count = GENESIS_HASH, 1, 0
    last_seq = 0
    while True:
        rows = (
            session.execute(
                select(AuditEntry)
                .where(AuditEntry.seq > last_seq)
                .order_by(AuditEntry.seq)
                .limit(batch)
            )
            .scalars()
            .all()
        )
        if not rows:
            return ChainReport(count, None, None)
        for entry in rows:
            if entry.seq != expected_seq:
                return ChainReport(count, entry.seq, f"entry {expected_seq} is missing")
            if entry.prev_hash != expected_prev:
                return ChainReport(count, entry.seq, "link to the previous entry is broken")
            if _entry_hash(entry, entry.prev_hash) != entry.hash:
                return ChainReport(count, entry.seq, "entry was altered after it was written")
            expected_prev, expected_seq = entry.hash, entry.seq + 1
            count += 1
        last_seq = rows[-1].seq
        session.expunge_all()
