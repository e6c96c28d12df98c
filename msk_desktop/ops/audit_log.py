"""The audit log as the in-charge and the circle officer read it: a page at a time with filters,
and the hash-chain check. What a row shows never includes a protected identity: identity fields
are masked when the entry is written, and the detail shown here is built only from the change
summary (tables and field names), never from values."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from msk_desktop.domain.fields import IST
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.permissions import require
from msk_desktop.store.audit import ChainReport, verify_chain
from msk_desktop.store.queries.audit_pages import (
    AuditFilter,
    AuditRow,
    audit_choices,
    audit_page,
)

PAGE_SIZE = 100


@dataclass(frozen=True)
class AuditLine:
    seq: int
    at: datetime  # IST
    username: str
    action: str
    register: str
    entry_id: str
    summary: str  # which fields changed, and plain counts/flags; never values of a field


@dataclass(frozen=True)
class AuditPage:
    lines: list[AuditLine]
    total: int
    offset: int


# Detail keys whose values are plain facts about the action, safe to show as they are.
_SHOWN_DETAIL = ("persons", "failed_attempts_before", "ok", "entries", "role", "username", "code")


def _summary(detail_json: str) -> str:
    detail: dict[str, Any] = json.loads(detail_json)
    parts = [f"{k}={detail[k]}" for k in _SHOWN_DETAIL if k in detail]
    for change in detail.get("changes", []):
        names = ", ".join(sorted(change.get("new", {})))
        parts.append(f"{change.get('op', '')} {change.get('table', '')}: {names}")
    return "; ".join(parts)


def _line(row: AuditRow) -> AuditLine:
    return AuditLine(
        seq=row.seq,
        at=row.at.astimezone(IST),
        username=row.username or "-",
        action=row.action,
        register=row.entity_table or "",
        entry_id=row.entity_id or "",
        summary=_summary(row.detail),
    )


def read_audit_log(
    ctx: OpContext,
    *,
    username: str | None = None,
    action: str | None = None,
    first_day: date | None = None,
    last_day: date | None = None,
    offset: int = 0,
    limit: int = PAGE_SIZE,
) -> AuditPage:
    """Newest first. Days are IST calendar days, both ends included."""
    require(ctx, "read_audit")
    where = AuditFilter(
        username=username or None,
        action=action or None,
        since=datetime.combine(first_day, time(), IST) if first_day else None,
        before=datetime.combine(last_day + timedelta(days=1), time(), IST) if last_day else None,
    )
    with ctx.db.read() as session:
        rows, total = audit_page(session, ctx.actor.station_id, where, max(offset, 0), limit)
    return AuditPage([_line(r) for r in rows], total, max(offset, 0))


def audit_filter_choices(ctx: OpContext) -> tuple[list[str], list[str]]:
    require(ctx, "read_audit")
    with ctx.db.read() as session:
        return audit_choices(session, ctx.actor.station_id)


def verify_audit_chain(ctx: OpContext) -> ChainReport:
    """Walk the whole chain; the check itself is audited (the district sees who checked)."""
    require(ctx, "read_audit")
    with ctx.db.read() as session:
        report = verify_chain(session)
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        tx.audit(
            "audit.verify",
            None,
            None,
            ok=report.ok,
            entries=report.entries,
            first_broken=report.first_broken_seq,
        )
    return report
