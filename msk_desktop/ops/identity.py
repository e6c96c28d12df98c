"""A protected person's identity: recorded apart, shown only on a reveal that needs the role
and a reason, and every reveal is audited (without the identity itself)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from msk_desktop.domain.errors import FieldError, Message, ValidationError
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.permissions import require
from msk_desktop.store.models import ProtectedIdentity

MIN_REASON_LENGTH = 10


@dataclass(frozen=True)
class RevealedIdentity:
    person_role: str
    name: str
    parentage: str | None
    address: str | None
    phone: str | None
    school: str | None


def reveal_identity(
    ctx: OpContext, owner_table: str, owner_id: str, reason: str
) -> list[RevealedIdentity]:
    require(ctx, "reveal_identity")
    if len(reason.strip()) < MIN_REASON_LENGTH:
        raise ValidationError(
            [
                FieldError(
                    "reason",
                    Message(
                        "पहचान देखने का कारण स्पष्ट लिखें (कम से कम 10 अक्षर)",
                        "write the reason for seeing the identity (at least 10 characters)",
                    ),
                )
            ]
        )
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        rows = tx.session.scalars(
            select(ProtectedIdentity).where(
                ProtectedIdentity.station_id == ctx.actor.station_id,
                ProtectedIdentity.owner_table == owner_table,
                ProtectedIdentity.owner_id == owner_id,
                ProtectedIdentity.deleted_at.is_(None),
            )
        ).all()
        revealed = [
            RevealedIdentity(r.person_role, r.name, r.parentage, r.address, r.phone, r.school)
            for r in rows
        ]
        tx.audit(
            "identity.reveal", owner_table, owner_id, reason=reason.strip(), persons=len(revealed)
        )
    return revealed
