"""Which law governs a case, and the rules that follow from its sections."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Literal

from msk_desktop.domain.catalogue import LAWS, PENAL_CODES, OffenceCatalogue, SectionRef
from msk_desktop.domain.dates import add_months, format_date
from msk_desktop.domain.errors import FieldError, Message

PenalCode = Literal["IPC", "BNS"]
ProcedureCode = Literal["CrPC", "BNSS"]

BNS_COMMENCEMENT = date(2024, 7, 1)

# These statutes did not change on 1 Jul 2024, so their sections are right on either side of it.
SPECIAL_LAWS = LAWS - PENAL_CODES

PENAL_CODE_NAMES: dict[PenalCode, Message] = {
    "IPC": Message(hi="भारतीय दण्ड विधान (IPC)", en="Indian Penal Code (IPC)"),
    "BNS": Message(hi="भारतीय न्याय संहिता (BNS)", en="Bharatiya Nyaya Sanhita (BNS)"),
}

# Graver heads first; a case filed under several sections is counted under the first one here.
HEAD_SEVERITY = (
    "rape",
    "pocso",
    "dowry_death",
    "acid_attack",
    "trafficking",
    "kidnapping",
    "cruelty",
    "molestation",
)
CATCH_ALL_HEAD = "other"

ELOPEMENT_SECTIONS = frozenset(
    SectionRef.parse(text) for text in ("IPC 363", "IPC 366", "BNS 137(2)", "BNS 87")
)
CRUELTY_SECTIONS = frozenset(SectionRef.parse(text) for text in ("IPC 498A", "BNS 85"))
COOLING_OFF_MONTHS = 2
MAJORITY_AGE = 18


def penal_code_for(offence_date: date) -> PenalCode:
    """The code in force when the offence was committed; registering it later changes nothing."""
    return "IPC" if offence_date < BNS_COMMENCEMENT else "BNS"


def procedure_code_for(registered_on: date) -> ProcedureCode:
    """Investigations already pending on 1 Jul 2024 continue under the CrPC (BNSS 531)."""
    return "CrPC" if registered_on < BNS_COMMENCEMENT else "BNSS"


def check_sections(
    sections: Sequence[SectionRef], offence_date: date, catalogue: OffenceCatalogue
) -> list[FieldError]:
    if not sections:
        return [_error(hi="कम से कम एक धारा अंकित करें", en="enter at least one section")]
    errors: list[FieldError] = []
    seen: set[SectionRef] = set()
    reported_twice: set[SectionRef] = set()
    for ref in sections:
        label = ref.label()
        if ref in seen:
            if ref not in reported_twice:
                reported_twice.add(ref)
                errors.append(
                    _error(
                        hi=f"धारा {label} एक से अधिक बार अंकित है",
                        en=f"{label} is entered more than once",
                    )
                )
            continue
        seen.add(ref)
        if catalogue.get(ref) is None:
            errors.append(
                _error(hi=f"धारा {label} सूची में नहीं है", en=f"{label} is not in the list of sections")
            )
            continue
        wrong_code = _wrong_penal_code(ref, offence_date, catalogue)
        if wrong_code is not None:
            errors.append(FieldError("sections", wrong_code))
    return errors


def _wrong_penal_code(
    ref: SectionRef, offence_date: date, catalogue: OffenceCatalogue
) -> Message | None:
    code = penal_code_for(offence_date)
    if ref.law in SPECIAL_LAWS or ref.law == code:
        return None
    cutoff = format_date(BNS_COMMENCEMENT)
    if code == "IPC":
        when = Message(hi=f"अपराध दिनांक {cutoff} से पूर्व का है", en=f"offence before {cutoff}")
    else:
        when = Message(
            hi=f"अपराध दिनांक {cutoff} को या उसके बाद का है", en=f"offence on or after {cutoff}"
        )
    label = ref.label()
    replacements = [entry.ref.label() for entry in catalogue.equivalents_of(ref)]
    if not replacements:
        name = PENAL_CODE_NAMES[code]
        return Message(
            hi=f"{when.hi}: {label} लागू नहीं, {name.hi} की धारा लगाएँ",
            en=f"{when.en}: {label} does not apply; use a section of the {name.en}",
        )
    return Message(
        hi=f"{when.hi}: {label} के स्थान पर {' या '.join(replacements)} लगाएँ",
        en=f"{when.en}: use {' or '.join(replacements)} instead of {label}",
    )


def _error(*, hi: str, en: str) -> FieldError:
    return FieldError("sections", Message(hi=hi, en=en))


def primary_head(sections: Iterable[SectionRef], catalogue: OffenceCatalogue) -> str:
    """The crime head a case is counted under in the monthly report."""
    heads = {catalogue.require(ref).head for ref in sections}
    if not heads:
        raise ValueError("a case needs at least one section to have a head")
    listed = catalogue.heads()

    def gravity(head: str) -> tuple[int, int]:
        if head in HEAD_SEVERITY:
            return (0, HEAD_SEVERITY.index(head))
        # The catch-all head must not hide a specific one such as the JJ Act or IT Act.
        if head == CATCH_ALL_HEAD:
            return (2, 0)
        return (1, listed.index(head))

    return min(heads, key=gravity)


def identity_rule_for(
    sections: Iterable[SectionRef], catalogue: OffenceCatalogue, any_victim_minor: bool
) -> Literal["statutory", "default"]:
    # POCSO 23 and JJ Act 74 protect a child's identity whatever section the FIR is under.
    if any_victim_minor:
        return "statutory"
    if any(catalogue.require(ref).identity_rule == "statutory" for ref in sections):
        return "statutory"
    return "default"


def counselling_mandatory(sections: Iterable[SectionRef]) -> bool:
    """The circular makes first-level counselling mandatory in elopement cases."""
    return any(ref in ELOPEMENT_SECTIONS for ref in sections)


def cooling_off_until(registered_on: date, sections: Iterable[SectionRef]) -> date | None:
    """End of the two-month family-welfare cooling-off in cruelty cases (Allahabad HC, 2022)."""
    if any(ref in CRUELTY_SECTIONS for ref in sections):
        return add_months(registered_on, COOLING_OFF_MONTHS)
    return None


def is_minor(age: int | None) -> bool | None:
    if age is None:
        return None
    if age < 0:
        raise ValueError(f"age cannot be negative: {age}")
    return age < MAJORITY_AGE
