"""The registers that ops can write generically: form, model, and what decides the serial year."""

from __future__ import annotations

from dataclasses import dataclass

from msk_desktop.domain import forms
from msk_desktop.domain.errors import Message
from msk_desktop.domain.fields import FieldSpec
from msk_desktop.store.base import RegisterEntry
from msk_desktop.store.models import (
    AwarenessProgramme,
    CounsellingCase,
    Fir,
    HelpdeskApplication,
    InspectionEntry,
    PpkReferral,
    PreventiveAction,
    StaffDeployment,
    StaffMember,
    SupportReferral,
)


@dataclass(frozen=True)
class RegisterSpec:
    name: str
    model: type[RegisterEntry]
    form: tuple[FieldSpec, ...]
    title: Message
    year_field: str  # the date whose year numbers the entry, as on paper
    # (field, prefix) for entries whose person is protected: the field holds "prefix-YYYY-NNNN"
    pseudonym: tuple[str, str] | None = None

    def field(self, name: str) -> FieldSpec:
        return next(s for s in self.form if s.name == name)


def _spec(
    model: type[RegisterEntry],
    hi: str,
    en: str,
    year_field: str,
    pseudonym: tuple[str, str] | None = None,
) -> RegisterSpec:
    table = model.__tablename__
    return RegisterSpec(
        table, model, forms.FORMS_BY_TABLE[table], Message(hi, en), year_field, pseudonym
    )


REGISTERS: dict[str, RegisterSpec] = {
    s.name: s
    for s in (
        _spec(Fir, "समानान्तर एफ0आई0आर0 रजिस्टर", "Parallel FIR register", "registered_at"),
        _spec(
            PreventiveAction,
            "निरोधात्मक कार्यवाही रजिस्टर",
            "Preventive action register",
            "action_on",
        ),
        _spec(
            HelpdeskApplication,
            "महिला हेल्प डेस्क आवेदन रजिस्टर",
            "Help desk applications",
            "received_at",
            ("applicant_pseudonym", "आवेदिका"),
        ),
        _spec(
            CounsellingCase,
            "परामर्श रजिस्टर",
            "Counselling register",
            "opened_on",
            ("parties_label", "पक्ष"),
        ),
        _spec(
            PpkReferral,
            "परिवार परामर्श केन्द्र सन्दर्भ",
            "PPK referrals",
            "referred_on",
        ),
        _spec(
            SupportReferral,
            "सहायता सेवा सन्दर्भ",
            "Support service referrals",
            "referred_on",
        ),
        _spec(
            StaffDeployment,
            "महिला कर्मी उपलब्धता रजिस्टर",
            "Women staff deployments",
            "deployed_on",
        ),
        _spec(
            AwarenessProgramme,
            "जागरूकता कार्यक्रम रजिस्टर",
            "Awareness programmes",
            "held_on",
        ),
        _spec(StaffMember, "कर्मचारी रजिस्टर", "Staff register", "posted_on"),
        _spec(
            InspectionEntry,
            "निरीक्षण पुस्तिका",
            "Inspection book",
            "visited_on",
        ),
    )
}


def register(name: str) -> RegisterSpec:
    try:
        return REGISTERS[name]
    except KeyError:
        raise KeyError(f"no register called {name!r}") from None
