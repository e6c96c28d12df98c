"""Rules that span fields of one entry (a chargesheeted FIR needs its chargesheet number, an
FIR cannot be registered before the offence, ...). Each checker takes the entry's values after
the change, so a create and an edit are judged alike."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from msk_desktop.domain.dates import IST, format_date
from msk_desktop.domain.errors import FieldError, Message

Values = Mapping[str, Any]
Checker = Callable[[Values], list[FieldError]]


def as_day(value: Any) -> date | None:
    """The Indian calendar day of a date or an aware datetime; None for anything else."""
    if isinstance(value, datetime):
        return value.astimezone(IST).date()
    return value if isinstance(value, date) else None


def requires(field: str, equals: Any, needed: tuple[str, ...], label: Message) -> Checker:
    """When ``field`` is ``equals`` (or, with ``equals=True``, set at all), ``needed`` are too."""

    def check(values: Values) -> list[FieldError]:
        current = values.get(field)
        active = current is not None if equals is True else current == equals
        if not active:
            return []
        return [
            FieldError(name, Message(f"{label.hi} के लिए आवश्यक", f"required when {label.en}"))
            for name in needed
            if values.get(name) in (None, "")
        ]

    return check


def not_before(later: str, earlier: str, label: Message) -> Checker:
    """``later`` (a date or datetime) may not fall before ``earlier``; ``label`` names earlier."""

    def check(values: Values) -> list[FieldError]:
        late, early = as_day(values.get(later)), as_day(values.get(earlier))
        if late is None or early is None or late >= early:
            return []
        return [
            FieldError(
                later,
                Message(
                    f"{label.hi} ({format_date(early)}) से पहले नहीं हो सकती",
                    f"cannot be before the {label.en} ({format_date(early)})",
                ),
            )
        ]

    return check


def _crime_year_matches(values: Values) -> list[FieldError]:
    registered = as_day(values.get("registered_at"))
    year = values.get("crime_year")
    if registered is None or year is None or registered.year == year:
        return []
    return [
        FieldError(
            "crime_year",
            Message(
                f"मु0अ0सं0 का वर्ष पंजीकरण वर्ष ({registered.year}) होना चाहिए",
                f"the crime year must be the year of registration ({registered.year})",
            ),
        )
    ]


def _named_accused_has_name(values: Values) -> list[FieldError]:
    if values.get("named") and not values.get("name"):
        return [
            FieldError("name", Message("नामजद अभियुक्त का नाम लिखें", "a named accused needs a name"))
        ]
    return []


def _times_differ(values: Values) -> list[FieldError]:
    if values.get("starts_at") is not None and values.get("starts_at") == values.get("ends_at"):
        return [
            FieldError(
                "ends_at", Message("आरम्भ और समाप्ति समान हैं", "starts and ends at the same time")
            )
        ]
    return []


_OFFENCE = Message("घटना तिथि", "date of offence")
_REGISTRATION = Message("पंजीकरण तिथि", "registration date")

RULES: dict[str, tuple[Checker, ...]] = {
    "fir": (
        not_before("registered_at", "offence_date", _OFFENCE),
        _crime_year_matches,
        requires(
            "status",
            "chargesheeted",
            ("chargesheet_no", "chargesheet_on"),
            Message("आरोप पत्र प्रेषित", "chargesheeted"),
        ),
        requires(
            "status",
            "final_report",
            ("final_report_no", "final_report_on"),
            Message("अन्तिम रिपोर्ट", "a final report is filed"),
        ),
        not_before("chargesheet_on", "registered_at", _REGISTRATION),
        not_before("final_report_on", "registered_at", _REGISTRATION),
        # A judgment has a date; a trial still pending has none yet.
        *(
            requires(
                "court_outcome",
                outcome,
                ("court_outcome_on",),
                Message("न्यायालय का निर्णय", "there is a judgment"),
            )
            for outcome in ("convicted", "acquitted", "compounded")
        ),
        not_before("court_outcome_on", "registered_at", _REGISTRATION),
    ),
    "fir_accused": (
        _named_accused_has_name,
        requires("status", "arrested", ("arrested_on",), Message("गिरफ्तार", "arrested")),
        requires("status", "on_bail", ("bail_on",), Message("जमानत पर", "on bail")),
        not_before("bail_on", "arrested_on", Message("गिरफ्तारी तिथि", "date of arrest")),
    ),
    "helpdesk_application": (
        requires("status", "disposed", ("disposed_on",), Message("निस्तारित", "disposed")),
        requires(
            "status",
            "fir_registered",
            ("fir_id",),
            Message("एफ0आई0आर0 पंजीकृत", "an FIR was registered"),
        ),
        not_before("disposed_on", "received_at", Message("प्राप्ति तिथि", "date received")),
    ),
    "follow_up": (not_before("next_due_on", "done_on", Message("तिथि", "date")),),
    "counselling_case": (
        requires("status", "closed", ("outcome", "closed_on"), Message("बन्द", "closed")),
        not_before("closed_on", "opened_on", Message("आरम्भ तिथि", "opening date")),
    ),
    "counselling_session": (not_before("next_on", "held_on", Message("तिथि", "date")),),
    "ppk_referral": (
        requires(
            "status",
            "closed",
            ("outcome", "outcome_on"),
            Message("परिणाम प्राप्त", "an outcome is received"),
        ),
        not_before("outcome_on", "referred_on", Message("सन्दर्भ तिथि", "referral date")),
    ),
    "support_referral": (
        requires(
            "status",
            "closed",
            ("result", "result_on"),
            Message("परिणाम प्राप्त", "an outcome is received"),
        ),
        not_before("result_on", "referred_on", Message("सन्दर्भ तिथि", "referral date")),
    ),
    "duty_roster_slot": (_times_differ,),
    "staff_member": (
        not_before("removed_on", "posted_on", Message("तैनाती तिथि", "posting date")),
        requires(
            "removed_on", True, ("removal_kind",), Message("कार्यमुक्ति", "the person was removed")
        ),
    ),
    "inspection_direction": (),
    "direction_compliance": (
        requires("compliance_status", "complied", ("complied_on",), Message("अनुपालित", "complied")),
    ),
}


def check_entry(register: str, values: Values) -> list[FieldError]:
    return [error for rule in RULES.get(register, ()) for error in rule(values)]
