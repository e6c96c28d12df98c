"""Follow-ups of help desk applications, referrals and preventive actions, and counselling
sessions: rows of their own that also move the entry's next due date."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from msk_desktop.domain import forms
from msk_desktop.domain.entry_rules import check_entry
from msk_desktop.domain.fields import clean
from msk_desktop.domain.followups import FOLLOW_UP_INTERVAL_DAYS, next_follow_up_due
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.entries import announce, raise_if
from msk_desktop.ops.lookups import load
from msk_desktop.ops.permissions import require_write
from msk_desktop.ops.registers import register
from msk_desktop.store.models import CounsellingCase, CounsellingSession, FollowUp


def add_follow_up(
    ctx: OpContext, register_name: str, entry_id: str, values: Mapping[str, Any]
) -> OpResult:
    """Record a follow-up; an open entry's next due date moves to the one given, or to the
    register's usual interval after this follow-up."""
    require_write(ctx, register_name)
    cleaned, errors = clean(forms.FOLLOW_UP, values, today=ctx.today(), now=ctx.now())
    raise_if(errors or check_entry("follow_up", cleaned))
    spec = register(register_name)
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        entry = load(tx.session, spec.model, entry_id, ctx.actor.station_id)
        row = FollowUp(
            station_id=ctx.actor.station_id,
            parent_table=register_name,
            parent_id=entry.id,
            **cleaned,
        )
        tx.session.add(row)
        still_open = getattr(entry, "next_follow_up_on", None) is not None
        if still_open and register_name in FOLLOW_UP_INTERVAL_DAYS:
            next_due = cleaned["next_due_on"] or next_follow_up_due(
                register_name, cleaned["done_on"]
            )
            setattr(entry, "next_follow_up_on", next_due)  # noqa: B010 - not every register has it
        tx.session.flush()
        tx.audit(f"{register_name}.follow_up", register_name, entry.id, kind=cleaned["kind"])
    return announce(ctx, tx, row.id)


def add_counselling_session(ctx: OpContext, case_id: str, values: Mapping[str, Any]) -> OpResult:
    require_write(ctx, "counselling_case")
    cleaned, errors = clean(forms.COUNSELLING_SESSION, values, today=ctx.today(), now=ctx.now())
    raise_if(errors or check_entry("counselling_session", cleaned))
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        case = load(tx.session, CounsellingCase, case_id, ctx.actor.station_id)
        row = CounsellingSession(station_id=ctx.actor.station_id, case_id=case.id, **cleaned)
        tx.session.add(row)
        tx.session.flush()
        tx.audit("counselling_case.session", "counselling_case", case.id)
    return announce(ctx, tx, row.id)
