"""The hash chain of the audit log: append and verify.

Each entry's hash covers its own fields and the previous entry's hash, so editing, deleting or
reordering any entry breaks the chain from that point on (SECURITY.md, "Audit").
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msk_desktop.store.ids import new_id
from msk_desktop.store.jsonvalue import canonical_json, to_json_value
from msk_desktop.store.models import AuditEntry
from msk_desktop.store.types import utc_now

GENESIS_HASH = "0" * 64


# The fields an entry's hash covers, besides the previous entry's hash. The district keeps
# copies of every PC's chain and checks them with the same functions (district/service.py).
HASHED_FIELDS = (
    "seq",
    "id",
    "at",
    "station_id",
    "user_id",
    "username",
    "action",
    "entity_table",
    "entity_id",
    "detail",
)


def chain_hash(fields: Mapping[str, Any], prev_hash: str) -> str:
    """The hash of one entry from its fields in their JSON form (``at`` an ISO text)."""
    body = canonical_json({name: fields[name] for name in HASHED_FIELDS} | {"prev_hash": prev_hash})
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def entry_fields(entry: AuditEntry) -> dict[str, Any]:
    """The hashed fields of a stored entry as JSON carries them (and the district keeps them)."""
    return {name: to_json_value(getattr(entry, name)) for name in HASHED_FIELDS}


def _entry_hash(entry: AuditEntry, prev_hash: str) -> str:
    return chain_hash(entry_fields(entry), prev_hash)


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


class ChainWalk:
    """The chain checked one entry at a time, in order, from a point already trusted (the
    start, or the last entry the district holds of a PC)."""

    def __init__(self, after_seq: int = 0, after_hash: str = GENESIS_HASH) -> None:
        self.expected_seq, self.expected_prev = after_seq + 1, after_hash
        self.count = 0

    def step(self, fields: Mapping[str, Any], prev_hash: str, hash_: str) -> str | None:
        """Why this entry does not continue the chain, or None when it does."""
        if fields["seq"] != self.expected_seq:
            return f"entry {self.expected_seq} is missing"
        if prev_hash != self.expected_prev:
            return "link to the previous entry is broken"
        if chain_hash(fields, prev_hash) != hash_:
            return "entry was altered after it was written"
        self.expected_prev, self.expected_seq = hash_, self.expected_seq + 1
        self.count += 1
        return None


Link = tuple[Mapping[str, Any], str, str]  # (hashed fields, prev_hash, hash)


def walk_chain(links: Iterable[Link]) -> ChainReport:
    """Check a whole chain from its start; name the first entry whose link or hash fails."""
    walk = ChainWalk()
    for fields, prev_hash, hash_ in links:
        broken = walk.step(fields, prev_hash, hash_)
        if broken is not None:
            return ChainReport(walk.count, fields["seq"], broken)
    return ChainReport(walk.count, None, None)


def _stored_links(session: Session, batch: int) -> Iterator[Link]:
    # Plain rows, not ORM objects: a sync checks the whole chain each run (ops/replica.py), and
    # this halves the time of a long chain.
    columns = [getattr(AuditEntry, name) for name in HASHED_FIELDS]
    last_seq = 0
    while rows := session.execute(
        select(*columns, AuditEntry.prev_hash, AuditEntry.hash)
        .where(AuditEntry.seq > last_seq)
        .order_by(AuditEntry.seq)
        .limit(batch)
    ).all():
        for row in rows:
            fields = {name: to_json_value(getattr(row, name)) for name in HASHED_FIELDS}
            yield fields, row.prev_hash, row.hash
        last_seq = rows[-1].seq


def verify_chain(session: Session, batch: int = 5000) -> ChainReport:
    """Walk the chain in order; name the first entry whose link or hash does not hold."""
    return walk_chain(_stored_links(session, batch))
