"""Women staff deployments: which women police went, for a case's medical examination, a raid
or another duty."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from msk_desktop.domain.errors import FieldError, Message
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.entries import announce, insert_entry, raise_if, validated
from msk_desktop.ops.lookups import find
from msk_desktop.ops.permissions import require_write
from msk_desktop.store.models import StaffDeploymentMember, StaffMember

REGISTER = "staff_deployment"


def record_deployment(
    ctx: OpContext, values: Mapping[str, Any], staff_ids: Sequence[str]
) -> OpResult:
    require_write(ctx, REGISTER)
    cleaned = validated(ctx, REGISTER, values)
    if not staff_ids:
        raise_if([FieldError("staff", Message("कम से कम एक कर्मी चुनें", "choose at least one person"))])
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        entry, serial = insert_entry(ctx, tx, REGISTER, cleaned)
        tx.session.flush()
        for staff_id in dict.fromkeys(staff_ids):
            if find(tx.session, StaffMember, staff_id, ctx.actor.station_id) is None:
                raise_if([FieldError("staff", Message("कर्मी नहीं मिला", "no such staff member"))])
            tx.session.add(
                StaffDeploymentMember(
                    station_id=ctx.actor.station_id, deployment_id=entry.id, staff_id=staff_id
                )
            )
        tx.audit(f"{REGISTER}.create", REGISTER, entry.id, serial=serial)
    return announce(ctx, tx, entry.id, serial)
