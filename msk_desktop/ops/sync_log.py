"""What the sync log screen shows: the last sync runs with their counts, and every change the
district refused, with the district's own reason (its words, in Hindi and English)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from msk_desktop.domain.errors import Message
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.permissions import require
from msk_desktop.store.models import AuditEntry, OutboxState, SyncOutbox

RUNS_SHOWN = 50


@dataclass(frozen=True)
class SyncRun:
    at: datetime
    username: str | None
    counts: dict[str, int]  # pushed, duplicates, rejected, pulled, conflicts


@dataclass(frozen=True)
class RefusedChange:
    table: str
    row_id: str
    operation: str
    made_at: datetime
    reason: Message


@dataclass(frozen=True)
class SyncLog:
    runs: list[SyncRun]
    refused: list[RefusedChange]


def _reason(answer: str | None) -> Message:
    try:
        reason: Any = json.loads(answer or "{}").get("reason") or {}
        return Message(str(reason["hi"]), str(reason["en"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        return Message("जिले ने कारण नहीं बताया", "The district gave no reason")


def sync_log(ctx: OpContext) -> SyncLog:
    require(ctx, "read_registers")
    with ctx.db.read() as session:
        runs = session.execute(
            select(AuditEntry.at, AuditEntry.username, AuditEntry.detail)
            .where(AuditEntry.action == "sync.run")
            .order_by(AuditEntry.seq.desc())
            .limit(RUNS_SHOWN)
        ).all()
        refused = session.execute(
            select(
                SyncOutbox.table_name,
                SyncOutbox.row_id,
                SyncOutbox.operation,
                SyncOutbox.created_at,
                SyncOutbox.server_answer,
            )
            .where(SyncOutbox.state == OutboxState.REJECTED)
            .order_by(SyncOutbox.local_seq.desc())
        ).all()
    return SyncLog(
        [
            SyncRun(
                at,
                who,
                {k: v for k, v in json.loads(detail or "{}").items() if isinstance(v, int)},
            )
            for at, who, detail in runs
        ],
        [RefusedChange(t, r, op, at, _reason(answer)) for t, r, op, at, answer in refused],
    )
