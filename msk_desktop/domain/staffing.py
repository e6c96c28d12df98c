"""Staffing rules of DG circular 38/2025 for a Mission Shakti Kendra."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Literal

from msk_desktop.domain.dates import add_months, days_en, format_date
from msk_desktop.domain.errors import Message


class Rank(StrEnum):
    INSPECTOR = "inspector"  # additional inspectors too: the circular treats them alike
    SUB_INSPECTOR = "sub_inspector"
    HEAD_CONSTABLE = "head_constable"
    CONSTABLE = "constable"
    HOME_GUARD = "home_guard"
    COUNSELLOR = "counsellor"


RANK_TITLES: dict[Rank, Message] = {
    Rank.INSPECTOR: Message(hi="निरीक्षक / अपर निरीक्षक", en="Inspector / additional inspector"),
    Rank.SUB_INSPECTOR: Message(hi="उपनिरीक्षक", en="Sub-inspector"),
    Rank.HEAD_CONSTABLE: Message(hi="मुख्य आरक्षी", en="Head constable"),
    Rank.CONSTABLE: Message(hi="आरक्षी", en="Constable"),
    Rank.HOME_GUARD: Message(hi="महिला होमगार्ड / होमगार्ड", en="Home guard"),
    Rank.COUNSELLOR: Message(hi="परामर्शदाता", en="Counsellor"),
}


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


@dataclass(frozen=True)
class Posting:
    staff_id: str
    rank: Rank
    gender: Gender
    is_in_charge: bool
    posted_on: date
    removed_on: date | None = None
    removal_approval_ref: str | None = None
    igot_certified_on: date | None = None

    def __post_init__(self) -> None:
        if self.removed_on is not None and self.removed_on < self.posted_on:
            raise ValueError(f"{self.staff_id}: removed before being posted")

    def active_on(self, day: date) -> bool:
        return self.posted_on <= day and (self.removed_on is None or self.removed_on > day)


@dataclass(frozen=True)
class StaffingFinding:
    code: str
    severity: Literal["violation", "warning"]
    message: Message
    staff_id: str | None = None


IN_CHARGE_RANKS = frozenset({Rank.INSPECTOR, Rank.SUB_INSPECTOR})
SUB_INSPECTORS = (1, 4)
CONSTABULARY = (4, 15)
HOME_GUARDS = (1, 2)

MIN_TENURE_YEARS = 3
MAX_TENURE_YEARS = 5
IGOT_DUE_MONTHS = 1


def check_composition(postings: Sequence[Posting], today: date) -> list[StaffingFinding]:
    active = [p for p in postings if p.active_on(today)]
    findings: list[StaffingFinding] = []

    in_charges = [p for p in active if p.is_in_charge]
    in_charge = in_charges[0] if len(in_charges) == 1 else None
    if not in_charges:
        findings.append(
            _violation(
                "no_in_charge",
                hi="मिशन शक्ति केन्द्र का कोई प्रभारी नियुक्त नहीं है",
                en="the Mission Shakti Kendra has no in-charge",
            )
        )
    elif in_charge is None:
        findings.append(
            _violation(
                "several_in_charges",
                hi=f"{len(in_charges)} प्रभारी नियुक्त हैं, परिपत्र के अनुसार केवल 1 होना चाहिए",
                en=f"{len(in_charges)} in-charges are posted; the circular allows exactly 1",
            )
        )
    else:
        if in_charge.rank not in IN_CHARGE_RANKS:
            findings.append(
                _violation(
                    "in_charge_rank",
                    hi="प्रभारी निरीक्षक / अपर निरीक्षक अथवा उपनिरीक्षक होना चाहिए",
                    en="the in-charge must be an inspector, additional inspector or sub-inspector",
                    staff_id=in_charge.staff_id,
                )
            )
        if in_charge.gender is not Gender.FEMALE:
            findings.append(
                StaffingFinding(
                    "in_charge_not_woman",
                    "warning",
                    Message(
                        hi="प्रभारी महिला अधिकारी नहीं है; परिपत्र में महिला अधिकारी को वरीयता दी गई है",
                        en="the in-charge is not a woman; the circular prefers a woman officer",
                    ),
                    in_charge.staff_id,
                )
            )

    # Counsellors are nominated outside the sanctioned strength, so no count includes them.
    staff = [p for p in active if p.rank is not Rank.COUNSELLOR and not p.is_in_charge]

    sub_inspectors = [p for p in staff if p.rank is Rank.SUB_INSPECTOR]
    findings += _count_finding(
        "sub_inspectors_count",
        len(sub_inspectors),
        SUB_INSPECTORS,
        Message(hi="उपनिरीक्षक", en="sub-inspectors"),
    )
    if in_charge is not None and in_charge.gender is not Gender.FEMALE:
        women = sum(p.gender is Gender.FEMALE for p in sub_inspectors)
        if women == 0:
            findings.append(
                _violation(
                    "no_woman_sub_inspector",
                    hi="प्रभारी महिला न होने पर कम से कम 1 महिला उपनिरीक्षक आवश्यक है (अभी 0)",
                    en="the in-charge is not a woman, so at least 1 woman sub-inspector is "
                    "required (now 0)",
                )
            )

    constabulary = [p for p in staff if p.rank in (Rank.HEAD_CONSTABLE, Rank.CONSTABLE)]
    findings += _count_finding(
        "constables_count",
        len(constabulary),
        CONSTABULARY,
        Message(hi="मुख्य आरक्षी / आरक्षी", en="head constables and constables"),
    )
    women = sum(p.gender is Gender.FEMALE for p in constabulary)
    if constabulary and women * 2 < len(constabulary):
        findings.append(
            StaffingFinding(
                "constables_women_share",
                "warning",
                Message(
                    hi=f"मुख्य आरक्षी / आरक्षी: {len(constabulary)} में से {women} महिला; "
                    "लगभग आधी महिलाएँ होनी चाहिए",
                    en=f"head constables and constables: {women} of {len(constabulary)} are "
                    "women; about half should be",
                ),
            )
        )

    home_guards = [p for p in staff if p.rank is Rank.HOME_GUARD]
    findings += _count_finding(
        "home_guards_count",
        len(home_guards),
        HOME_GUARDS,
        Message(hi="होमगार्ड", en="home guards"),
    )
    return findings


def _count_finding(
    code: str, count: int, bounds: tuple[int, int], post: Message
) -> list[StaffingFinding]:
    low, high = bounds
    if low <= count <= high:
        return []
    return [
        _violation(
            code,
            hi=f"{post.hi}: {count} नियुक्त, परिपत्र के अनुसार {low} से {high} होने चाहिए",
            en=f"{post.en}: {count} posted; the circular requires {low} to {high}",
        )
    ]


def _violation(code: str, *, hi: str, en: str, staff_id: str | None = None) -> StaffingFinding:
    return StaffingFinding(code, "violation", Message(hi=hi, en=en), staff_id)


def check_tenure(p: Posting, today: date) -> list[StaffingFinding]:
    findings: list[StaffingFinding] = []
    minimum_until = add_months(p.posted_on, MIN_TENURE_YEARS * 12)
    approved = bool(p.removal_approval_ref and p.removal_approval_ref.strip())
    if p.removed_on is not None and p.removed_on < minimum_until and not approved:
        removed, until = format_date(p.removed_on), format_date(minimum_until)
        findings.append(
            _violation(
                "early_removal",
                hi=f"{removed} को हटाया गया, जबकि 3 वर्ष {until} को पूर्ण होते; 3 वर्ष से पहले "
                "हटाने हेतु नोडल अधिकारी की स्वीकृति आवश्यक है, उसका सन्दर्भ अंकित करें",
                en=f"removed on {removed}, before completing 3 years on {until}; early removal "
                "needs the nodal officer's approval: record its reference",
                staff_id=p.staff_id,
            )
        )
    maximum_until = add_months(p.posted_on, MAX_TENURE_YEARS * 12)
    if p.active_on(today) and today > maximum_until:
        completed = format_date(maximum_until)
        findings.append(
            StaffingFinding(
                "tenure_exceeded",
                "warning",
                Message(
                    hi=f"{completed} को 5 वर्ष की तैनाती पूर्ण; स्थानान्तरण देय",
                    en=f"completed the 5-year posting on {completed}; due for rotation",
                ),
                p.staff_id,
            )
        )
    return findings


def igot_due_on(p: Posting) -> date:
    return add_months(p.posted_on, IGOT_DUE_MONTHS)


def check_igot(p: Posting, today: date) -> StaffingFinding | None:
    # Someone already moved out can no longer be sent for training; only serving staff count.
    if p.igot_certified_on is not None or not p.active_on(today):
        return None
    due = igot_due_on(p)
    if today <= due:
        return None
    late = (today - due).days
    return _violation(
        "igot_overdue",
        hi=f"आई-गॉट कर्मयोगी (iGOT Karmayogi) प्रशिक्षण प्रमाणपत्र {format_date(due)} तक "
        f"अपेक्षित था; {late} दिन विलम्ब",
        en=f"iGOT Karmayogi training certificate was due by {format_date(due)}; "
        f"overdue by {days_en(late)}",
        staff_id=p.staff_id,
    )


def staffing_report(postings: Sequence[Posting], today: date) -> list[StaffingFinding]:
    findings = check_composition(postings, today)
    for posting in postings:
        findings += check_tenure(posting, today)
        igot = check_igot(posting, today)
        if igot is not None:
            findings.append(igot)
    return findings
