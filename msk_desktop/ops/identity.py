"""A protected person's identity: recorded apart, shown only on a reveal that needs the role
and a reason, and every reveal is audited (without the identity itself).

Where the law does not require protection (``identity_rule`` "default"), the in-charge may lift
it for one case with a reason: the station's staff then see the case's identities without a
reason each time (still audited). Reports, exports, dashboards and logs keep pseudonyms even
then: nothing that leaves the screen names a victim. A statutory case cannot be lifted, and a
lifted case that becomes statutory (a section added, a child victim) is protected again."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from msk_desktop.domain.errors import FieldError, Message, PermissionDenied, ValidationError
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.entries import announce
from msk_desktop.ops.lookups import load
from msk_desktop.ops.permissions import ACTION_ROLES, require
from msk_desktop.store.models import Fir, FirVictim, ProtectedIdentity

MIN_REASON_LENGTH = 10


@dataclass(frozen=True)
class RevealedIdentity:
    person_role: str
    name: str
    parentage: str | None
    address: str | None
    phone: str | None
    school: str | None


def _check_reason(reason: str, why: Message | None = None) -> None:
    if len(reason.strip()) < MIN_REASON_LENGTH:
        why = why or Message("पहचान देखने का कारण", "the reason for seeing the identity")
        raise ValidationError(
            [
                FieldError(
                    "reason",
                    Message(
                        f"{why.hi} स्पष्ट लिखें (कम से कम {MIN_REASON_LENGTH} अक्षर)",
                        f"write {why.en} (at least {MIN_REASON_LENGTH} characters)",
                    ),
                )
            ]
        )


def _revealed(row: ProtectedIdentity) -> RevealedIdentity:
    return RevealedIdentity(
        row.person_role, row.name, row.parentage, row.address, row.phone, row.school
    )


def _identities(
    session: Session, station_id: str, owner_table: str, owner_ids: list[str]
) -> list[ProtectedIdentity]:
    return list(
        session.scalars(
            select(ProtectedIdentity)
            .where(
                ProtectedIdentity.station_id == station_id,
                ProtectedIdentity.owner_table == owner_table,
                ProtectedIdentity.owner_id.in_(owner_ids),
                ProtectedIdentity.deleted_at.is_(None),
            )
            .order_by(ProtectedIdentity.owner_id)
        ).all()
    )


def reveal_identity(
    ctx: OpContext, owner_table: str, owner_id: str, reason: str
) -> list[RevealedIdentity]:
    require(ctx, "reveal_identity")
    _check_reason(reason)
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        rows = _identities(tx.session, ctx.actor.station_id, owner_table, [owner_id])
        revealed = [_revealed(r) for r in rows]
        tx.audit(
            "identity.reveal", owner_table, owner_id, reason=reason.strip(), persons=len(revealed)
        )
    return revealed


def reveal_case_identities(
    ctx: OpContext, fir_id: str, reason: str
) -> list[tuple[str, RevealedIdentity]]:
    """Every protected person of an FIR (complainant and victims) in one reveal and one audit
    entry; each comes with the name the case shows for them (a victim's pseudonym). A case
    whose protection was lifted needs no reason, and the station's staff may see it."""
    lifted = identity_lifted(ctx, fir_id)
    require(ctx, "see_lifted_identity" if lifted else "reveal_identity")
    if not lifted:
        _check_reason(reason)
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        pseudonyms = dict(
            tx.session.execute(
                select(FirVictim.id, FirVictim.pseudonym)
                .where(
                    FirVictim.fir_id == fir_id,
                    FirVictim.station_id == ctx.actor.station_id,
                    FirVictim.deleted_at.is_(None),
                )
                .order_by(FirVictim.pseudonym)
            ).all()
        )
        complainants = _identities(tx.session, ctx.actor.station_id, "fir", [fir_id])
        victims = _identities(tx.session, ctx.actor.station_id, "fir_victim", list(pseudonyms))
        revealed = [(row.person_role, _revealed(row)) for row in complainants] + sorted(
            ((pseudonyms[row.owner_id], _revealed(row)) for row in victims), key=lambda p: p[0]
        )
        tx.audit(
            "identity.reveal",
            "fir",
            fir_id,
            reason=reason.strip() or "protection lifted",
            persons=len(revealed),
        )
    return revealed


def identity_lifted(ctx: OpContext, fir_id: str) -> bool:
    require(ctx, "read_registers")
    with ctx.db.read() as session:
        return load(session, Fir, fir_id, ctx.actor.station_id).identity_lifted_reason is not None


def may_lift_identity(ctx: OpContext, fir_id: str) -> bool:
    """Whether this user may lift this case's protection now (for offering the button)."""
    if ctx.actor.role not in ACTION_ROLES["lift_identity_protection"]:
        return False
    with ctx.db.read() as session:
        fir = load(session, Fir, fir_id, ctx.actor.station_id)
        return fir.identity_rule != "statutory" and fir.identity_lifted_reason is None


def lift_identity_protection(ctx: OpContext, fir_id: str, reason: str) -> OpResult:
    require(ctx, "lift_identity_protection")
    _check_reason(reason, Message("संरक्षण हटाने का कारण", "the reason for lifting the protection"))
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        fir = load(tx.session, Fir, fir_id, ctx.actor.station_id)
        if fir.identity_rule == "statutory":
            raise PermissionDenied(
                Message(
                    "इस मामले में पहचान का संरक्षण कानूनन अनिवार्य है (BNS 72, POCSO 23); "
                    "इसे हटाया नहीं जा सकता।",
                    "The law requires this case's identity to stay protected (BNS 72, "
                    "POCSO 23); it cannot be lifted.",
                )
            )
        fir.identity_lifted_reason = reason.strip()
        tx.audit("identity.lift", "fir", fir.id, reason=reason.strip())
    return announce(ctx, tx, fir_id)


def restore_identity_protection(ctx: OpContext, fir_id: str) -> OpResult:
    require(ctx, "lift_identity_protection")
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        fir = load(tx.session, Fir, fir_id, ctx.actor.station_id)
        fir.identity_lifted_reason = None
        tx.audit("identity.restore", "fir", fir.id)
    return announce(ctx, tx, fir_id)
