"""What differs between registers when an entry is saved: checks that need the database or a
catalogue, values derived from the form, and entries that may no longer be edited."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from msk_desktop.domain import bonds, law
from msk_desktop.domain.catalogue import (
    SectionRef,
    offence_catalogue,
    preventive_action_catalogue,
)
from msk_desktop.domain.dates import add_months, ist_date
from msk_desktop.domain.entry_rules import as_day
from msk_desktop.domain.errors import FieldError, Message, PermissionDenied
from msk_desktop.domain.followups import next_follow_up_due
from msk_desktop.domain.staffing import MIN_TENURE_YEARS
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.lookups import find
from msk_desktop.store.base import RegisterEntry
from msk_desktop.store.models import Fir, FirSection

Values = dict[str, Any]


class RegisterHooks:
    """Defaults: nothing extra to check, nothing derived, always editable."""

    def validate(self, session: Session, ctx: OpContext, values: Values) -> list[FieldError]:
        return []

    def derive(
        self, session: Session, ctx: OpContext, values: Values, entry: RegisterEntry | None
    ) -> Values:
        return {}

    def guard_edit(self, entry: RegisterEntry) -> None:
        return None


def fir_sections(session: Session, fir_id: str) -> list[SectionRef]:
    rows = session.execute(
        select(FirSection.law, FirSection.section)
        .where(FirSection.fir_id == fir_id, FirSection.deleted_at.is_(None))
        .order_by(FirSection.ordinal)
    ).all()
    return [SectionRef(law_, section) for law_, section in rows]


# Built once: building the statement for each FIR was half the time of an FIR import's rows.
_CRIME_NO_TAKEN = (
    select(Fir.id)
    .where(
        Fir.station_id == bindparam("station"),
        Fir.crime_no == bindparam("crime_no"),
        Fir.crime_year == bindparam("crime_year"),
        Fir.deleted_at.is_(None),
        Fir.id != bindparam("fir_id"),
    )
    .limit(1)
)


class FirHooks(RegisterHooks):
    def validate(self, session: Session, ctx: OpContext, values: Values) -> list[FieldError]:
        # On the connection, not through the ORM: its per-statement work was a sixth of an FIR
        # import. Nothing is left unflushed here that the query should see: a save or an edit
        # checks before it changes anything, and an import keeps its own rows' numbers.
        wanted = {
            "station": ctx.actor.station_id,
            "crime_no": values["crime_no"],
            "crime_year": values["crime_year"],
            "fir_id": values.get("id", ""),
        }
        clash = session.connection().execute(_CRIME_NO_TAKEN, wanted).first()
        errors = []
        if "id" in values:  # an edit: a new offence date may call for the other penal code
            refs = fir_sections(session, values["id"])
            errors += law.check_sections(refs, values["offence_date"], offence_catalogue())
        if clash is None:
            return errors
        return [
            *errors,
            FieldError(
                "crime_no",
                Message(
                    f"मु0अ0सं0 {values['crime_no']}/{values['crime_year']} पहले से दर्ज है",
                    f"crime number {values['crime_no']}/{values['crime_year']} is already entered",
                ),
            ),
        ]

    def derive(
        self, session: Session, ctx: OpContext, values: Values, entry: RegisterEntry | None
    ) -> Values:
        return {"penal_code": law.penal_code_for(values["offence_date"])}


class PreventiveActionHooks(RegisterHooks):
    def validate(self, session: Session, ctx: OpContext, values: Values) -> list[FieldError]:
        kind = preventive_action_catalogue().get(values["action_code"] or "")
        if kind is None:
            return [FieldError("action_code", Message("सूची में से चुनें", "choose from the list"))]
        return bonds.check_bond_period(kind, values.get("bond_months"))

    def derive(
        self, session: Session, ctx: OpContext, values: Values, entry: RegisterEntry | None
    ) -> Values:
        kind = preventive_action_catalogue().require(values["action_code"])
        return {
            "expires_on": bonds.bond_expiry(kind, values["action_on"], values.get("bond_months"))
        }


class FollowedUpHooks(RegisterHooks):
    """Registers whose open entries are followed up at a fixed interval until closed."""

    def __init__(self, register: str, start_field: str, closed: frozenset[str]) -> None:
        self.register, self.start_field, self.closed = register, start_field, closed

    def derive(
        self, session: Session, ctx: OpContext, values: Values, entry: RegisterEntry | None
    ) -> Values:
        if values.get("status") in self.closed:
            return {"next_follow_up_on": None}
        current = getattr(entry, "next_follow_up_on", None) if entry is not None else None
        if current is not None:
            return {}
        start_day = as_day(values[self.start_field])
        if start_day is None:  # the start field is a required date of the form
            return {}
        return {"next_follow_up_on": next_follow_up_due(self.register, start_day)}


class PpkReferralHooks(FollowedUpHooks):
    def derive(
        self, session: Session, ctx: OpContext, values: Values, entry: RegisterEntry | None
    ) -> Values:
        derived = super().derive(session, ctx, values, entry)
        fir = (
            find(session, Fir, values["fir_id"], ctx.actor.station_id)
            if values.get("fir_id")
            else None
        )
        derived["cooling_off_until"] = (
            law.cooling_off_until(ist_date(fir.registered_at), fir_sections(session, fir.id))
            if fir is not None
            else None
        )
        return derived


MANDATORY_COUNSELLING_KINDS = frozenset({"elopement", "false_accusation_front"})


class CounsellingCaseHooks(RegisterHooks):
    def derive(
        self, session: Session, ctx: OpContext, values: Values, entry: RegisterEntry | None
    ) -> Values:
        # Circular duty ix: elopement cases (IPC 363/366, BNS 137/87) and women used as a front.
        mandatory = values.get("case_kind") in MANDATORY_COUNSELLING_KINDS
        if values.get("fir_id"):
            mandatory = mandatory or law.counselling_mandatory(
                fir_sections(session, values["fir_id"])
            )
        return {"mandatory": mandatory}


class StaffMemberHooks(RegisterHooks):
    def validate(self, session: Session, ctx: OpContext, values: Values) -> list[FieldError]:
        removed, posted = values.get("removed_on"), values.get("posted_on")
        early = (
            removed is not None
            and posted is not None
            and values.get("removal_kind") in ("transfer", "de_induction")
            and removed < add_months(posted, 12 * MIN_TENURE_YEARS)
        )
        if early and not values.get("removal_approval_ref"):
            return [
                FieldError(
                    "removal_approval_ref",
                    Message(
                        "3 वर्ष से पहले कार्यमुक्ति हेतु नोडल अधिकारी का अनुमोदन संदर्भ लिखें",
                        "removal before 3 years needs the nodal officer's approval reference",
                    ),
                )
            ]
        return []


class InspectionEntryHooks(RegisterHooks):
    def derive(
        self, session: Session, ctx: OpContext, values: Values, entry: RegisterEntry | None
    ) -> Values:
        if entry is not None:
            return {}
        # Signed by the officer's own account at the moment of writing.
        return {"signed_at": ctx.now(), "signed_by": ctx.actor.user_id}

    def guard_edit(self, entry: RegisterEntry) -> None:
        if getattr(entry, "signed_at", None) is not None:
            raise PermissionDenied(
                Message(
                    "हस्ताक्षरित निरीक्षण प्रविष्टि बदली नहीं जा सकती; संशोधन नई प्रविष्टि के रूप में लिखें।",
                    "A signed inspection entry cannot be changed; "
                    "write a correction as a new entry.",
                )
            )


_REFERRAL_CLOSED = frozenset({"closed"})

HOOKS: dict[str, RegisterHooks] = {
    "fir": FirHooks(),
    "preventive_action": PreventiveActionHooks(),
    "helpdesk_application": FollowedUpHooks(
        "helpdesk_application", "received_at", frozenset({"disposed", "fir_registered", "referred"})
    ),
    "ppk_referral": PpkReferralHooks("ppk_referral", "referred_on", _REFERRAL_CLOSED),
    "support_referral": FollowedUpHooks("support_referral", "referred_on", _REFERRAL_CLOSED),
    "counselling_case": CounsellingCaseHooks(),
    "staff_member": StaffMemberHooks(),
    "inspection_entry": InspectionEntryHooks(),
}


def hooks_for(register: str) -> RegisterHooks:
    return HOOKS.get(register, RegisterHooks())
