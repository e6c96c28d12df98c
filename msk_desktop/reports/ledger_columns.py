"""The columns of each register's printout, as the paper register rules them.

A column is a heading (Hindi first, the form's own label where the form has the field), a share
of the printable width, and how to write one entry's cell. Free texts that could point at a
victim (the FIR's place of offence, its remarks and compensation notes) and the accused's names
are not printed: an accused relative or a home address identifies a victim as surely as her name
(Nipun Saxena v. Union of India, 2018).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from msk_desktop.domain import choices
from msk_desktop.domain.dates import format_date
from msk_desktop.domain.errors import Message
from msk_desktop.domain.fields import FieldSpec
from msk_desktop.domain.forms import FORMS_BY_TABLE
from msk_desktop.ops.report_data import PRINTABLE, RegisterRow
from msk_desktop.reports.formatting import (
    EMPTY,
    choice_label,
    format_moment,
    format_value,
    head_title,
)

Write = Callable[[RegisterRow], str]


@dataclass(frozen=True)
class Column:
    label: Message
    share: float  # of the printable width
    write: Write
    fields: tuple[str, ...] = ()  # stored fields the cell reads


@dataclass(frozen=True)
class LedgerLayout:
    register: str
    title: Message
    columns: tuple[Column, ...]

    def __post_init__(self) -> None:
        total = sum(c.share for c in self.columns)
        if abs(total - 1) > 0.005:
            raise ValueError(f"{self.register}: column shares add up to {total:.3f}, not 1")

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(name for c in self.columns for name in c.fields))


# ---- kinds of column ---------------------------------------------------------------------


def _spec(register: str, name: str) -> FieldSpec:
    return next(s for s in FORMS_BY_TABLE[register] if s.name == name)


def _cell(register: str, row: RegisterRow, name: str) -> str:
    return format_value(_spec(register, name), row.values.get(name))


def field(register: str, name: str, share: float, label: Message | None = None) -> Column:
    """A form field in a column of its own, headed by the form's label."""
    return Column(
        label or _spec(register, name).label,
        share,
        lambda row: _cell(register, row, name),
        (name,),
    )


def combined(
    register: str, label: Message, share: float, *names: str, labelled: bool = True
) -> Column:
    """Several form fields in one cell, a line each; ``labelled``: each after its Hindi label
    (where the value alone would not say what it is)."""

    def write(row: RegisterRow) -> str:
        lines = [
            f"{_spec(register, name).label.hi}: {_cell(register, row, name)}"
            if labelled
            else _cell(register, row, name)
            for name in names
            if row.values.get(name) not in (None, "")
        ]
        return "\n".join(lines) or EMPTY

    return Column(label, share, write, names)


def linked(register: str, name: str, share: float) -> Column:
    """A reference written as what it points at: a crime no., a serial or a pseudonym."""
    return Column(
        _spec(register, name).label, share, lambda row: row.linked.get(name, EMPTY), (name,)
    )


def dated(label: Message, share: float, name: str) -> Column:
    """A date or timestamp the ops derive (not a form field), e.g. a bond's expiry."""

    def write(row: RegisterRow) -> str:
        value = row.values.get(name)
        if isinstance(value, datetime):
            return format_moment(value)
        return format_date(value) if isinstance(value, date) else EMPTY

    return Column(label, share, write, (name,))


def serial(share: float) -> Column:
    return Column(Message("क्रमांक", "Serial no."), share, lambda row: row.serial or EMPTY)


# ---- cells that need more than one field -------------------------------------------------


def _crime_no(row: RegisterRow) -> str:
    return f"{row.values['crime_no']}/{row.values['crime_year']}"


def _victims(row: RegisterRow) -> str:
    lines = [
        f"{v.pseudonym} ({v.age} वर्ष)" if v.age is not None else v.pseudonym for v in row.victims
    ]
    return "\n".join(lines) or EMPTY


def _disposal(row: RegisterRow) -> str:
    lines = []
    for number, day, what in (
        ("chargesheet_no", "chargesheet_on", "आरोप पत्र"),
        ("final_report_no", "final_report_on", "अन्तिम रिपोर्ट"),
    ):
        on = row.values.get(day)
        if row.values.get(number) or on:
            dated = f" दि0 {format_date(on)}" if on else ""
            lines.append(f"{what} {row.values.get(number) or ''}{dated}".strip())
    return "\n".join(lines) or EMPTY


def _bond(row: RegisterRow) -> str:
    amount, months = row.values.get("bond_amount"), row.values.get("bond_months")
    parts = [f"₹ {amount:,}"] if amount is not None else []
    parts += [f"{months} माह"] if months is not None else []
    return ", ".join(parts) or EMPTY


def _time_span(row: RegisterRow) -> str:
    starts, ends = row.values.get("starts_at"), row.values.get("ends_at")
    if starts is None:
        return EMPTY
    return f"{starts:%H:%M}-{ends:%H:%M}" if ends is not None else f"{starts:%H:%M}"


def _staff(row: RegisterRow) -> str:
    return "\n".join(row.staff) or EMPTY


def _directions(row: RegisterRow) -> str:
    lines = []
    for number, d in enumerate(row.directions, start=1):
        due = f"; अन्तिम तिथि {format_date(d.due_on)}" if d.due_on else ""
        status = choice_label(choices.COMPLIANCE_STATUS, d.compliance_status)
        lines.append(f"{number}. {d.direction}{due} — {status}")
    return "\n".join(lines) or EMPTY


# ---- the registers -----------------------------------------------------------------------


def _layout(register: str, *columns: Column) -> LedgerLayout:
    return LedgerLayout(register, PRINTABLE[register].title, columns)


LAYOUTS: dict[str, LedgerLayout] = {
    layout.register: layout
    for layout in (
        _layout(
            "fir",
            serial(0.05),
            Column(Message("मु0अ0सं0", "Crime no."), 0.06, _crime_no, ("crime_no", "crime_year")),
            field("fir", "registered_at", 0.08),
            field("fir", "offence_date", 0.07),
            Column(Message("धाराएँ", "Sections"), 0.09, lambda row: ", ".join(row.sections)),
            Column(
                Message("अपराध शीर्ष", "Crime head"),
                0.08,
                lambda row: head_title(str(row.values["crime_head"])).hi,
                ("crime_head",),
            ),
            Column(Message("पीड़िता (छद्म नाम, आयु)", "Victims (pseudonym, age)"), 0.12, _victims),
            field("fir", "complainant_relation", 0.07),
            combined(
                "fir",
                Message("विवेचक", "Investigating officer"),
                0.1,
                "io_name",
                "io_rank",
                labelled=False,
            ),
            field("fir", "status", 0.08),
            Column(
                Message("आरोप पत्र / अन्तिम रिपोर्ट", "Chargesheet / final report"),
                0.09,
                _disposal,
                ("chargesheet_no", "chargesheet_on", "final_report_no", "final_report_on"),
            ),
            combined(
                "fir",
                Message("न्यायालय", "Court"),
                0.07,
                "court_case_no",
                "court_outcome",
                "court_outcome_on",
            ),
            field("fir", "on_itsso_portal", 0.04, Message("आई0टी0एस0एस0ओ0", "ITSSO")),
        ),
        _layout(
            "preventive_action",
            serial(0.05),
            combined(
                "preventive_action",
                Message("व्यक्ति", "Person"),
                0.15,
                "person_name",
                "person_parentage",
                "person_age",
            ),
            field("preventive_action", "person_address", 0.12),
            linked("preventive_action", "fir_id", 0.07),
            field("preventive_action", "action_code", 0.15),
            field("preventive_action", "action_on", 0.07),
            combined(
                "preventive_action",
                Message("आदेश", "Order"),
                0.12,
                "ordered_by",
                "order_ref",
            ),
            Column(Message("बंधपत्र", "Bond"), 0.08, _bond, ("bond_amount", "bond_months")),
            dated(Message("समाप्ति तिथि", "Expires on"), 0.07, "expires_on"),
            field("preventive_action", "status", 0.06),
            field("preventive_action", "remarks", 0.06),
        ),
        _layout(
            "helpdesk_application",
            serial(0.05),
            field("helpdesk_application", "received_at", 0.08),
            Column(
                Message("आवेदिका (छद्म नाम)", "Applicant (pseudonym)"),
                0.1,
                lambda row: str(row.values["applicant_pseudonym"]),
                ("applicant_pseudonym",),
            ),
            field("helpdesk_application", "category", 0.08),
            field("helpdesk_application", "summary", 0.22),
            field("helpdesk_application", "assigned_to", 0.1),
            field("helpdesk_application", "action_taken", 0.17),
            field("helpdesk_application", "status", 0.07),
            field("helpdesk_application", "disposed_on", 0.07),
            linked("helpdesk_application", "fir_id", 0.06),
        ),
        _layout(
            "counselling_case",
            serial(0.05),
            field("counselling_case", "opened_on", 0.07),
            Column(
                Message("पक्षकार (छद्म नाम)", "Parties (pseudonym)"),
                0.1,
                lambda row: str(row.values["parties_label"]),
                ("parties_label",),
            ),
            field("counselling_case", "case_kind", 0.12),
            Column(
                Message("अनिवार्य", "Mandatory"),
                0.06,
                lambda row: "हाँ" if row.values["mandatory"] else "नहीं",
                ("mandatory",),
            ),
            linked("counselling_case", "fir_id", 0.07),
            linked("counselling_case", "helpdesk_application_id", 0.07),
            field("counselling_case", "counsellor", 0.16),
            field("counselling_case", "status", 0.06),
            field("counselling_case", "outcome", 0.17),
            field("counselling_case", "closed_on", 0.07),
        ),
        _layout(
            "ppk_referral",
            serial(0.05),
            field("ppk_referral", "referred_on", 0.07),
            field("ppk_referral", "ppk_centre", 0.15),
            field("ppk_referral", "reason", 0.24),
            linked("ppk_referral", "counselling_case_id", 0.07),
            linked("ppk_referral", "fir_id", 0.07),
            dated(Message("शीतलन अवधि (तक)", "Cooling off until"), 0.08, "cooling_off_until"),
            field("ppk_referral", "status", 0.08),
            field("ppk_referral", "outcome", 0.12),
            field("ppk_referral", "outcome_on", 0.07),
        ),
        _layout(
            "support_referral",
            serial(0.05),
            field("support_referral", "referred_on", 0.07),
            field("support_referral", "service", 0.14),
            field("support_referral", "service_asked", 0.2),
            linked("support_referral", "fir_id", 0.07),
            linked("support_referral", "victim_id", 0.1),
            field("support_referral", "status", 0.08),
            field("support_referral", "result", 0.08),
            field("support_referral", "result_note", 0.14),
            field("support_referral", "result_on", 0.07),
        ),
        _layout(
            "staff_deployment",
            serial(0.05),
            field("staff_deployment", "deployed_on", 0.07),
            Column(Message("समय", "Time"), 0.08, _time_span, ("starts_at", "ends_at")),
            field("staff_deployment", "purpose", 0.13),
            field("staff_deployment", "place", 0.18),
            linked("staff_deployment", "fir_id", 0.07),
            Column(Message("तैनात महिला कर्मी", "Women staff sent"), 0.25, _staff),
            field("staff_deployment", "remarks", 0.17),
        ),
        _layout(
            "awareness_programme",
            serial(0.05),
            field("awareness_programme", "held_on", 0.07),
            field("awareness_programme", "place", 0.2),
            field("awareness_programme", "kind", 0.14),
            field("awareness_programme", "audience", 0.1),
            field("awareness_programme", "people_reached", 0.07),
            field("awareness_programme", "staff_names", 0.22),
            field("awareness_programme", "remarks", 0.15),
        ),
        _layout(
            "staff_member",
            serial(0.05),
            field("staff_member", "name", 0.2),
            field("staff_member", "rank", 0.1),
            field("staff_member", "gender", 0.05),
            field("staff_member", "is_in_charge", 0.05),
            field("staff_member", "police_no", 0.08),
            field("staff_member", "mobile", 0.08),
            field("staff_member", "posted_on", 0.07),
            combined(
                "staff_member",
                Message("कार्यमुक्ति", "Removal"),
                0.18,
                "removed_on",
                "removal_kind",
                "removal_approval_ref",
            ),
            combined(
                "staff_member",
                Message("आई-गॉट प्रमाणपत्र", "iGOT certificate"),
                0.14,
                "igot_certificate_no",
                "igot_certified_on",
            ),
        ),
        _layout(
            "inspection_entry",
            serial(0.05),
            field("inspection_entry", "visited_on", 0.07),
            combined(
                "inspection_entry",
                Message("निरीक्षणकर्ता अधिकारी", "Inspecting officer"),
                0.14,
                "officer_name",
                "officer_rank",
                labelled=False,
            ),
            field("inspection_entry", "observations", 0.32),
            Column(Message("निर्देश एवं अनुपालन", "Directions and compliance"), 0.35, _directions),
            dated(Message("हस्ताक्षरित", "Signed"), 0.07, "signed_at"),
        ),
        _layout(
            "duty_roster_slot",
            Column(Message("क्रम", "No."), 0.04, lambda row: row.serial or EMPTY),
            field("duty_roster_slot", "roster", 0.1),
            field("duty_roster_slot", "duty_on", 0.07),
            Column(Message("समय", "Time"), 0.08, _time_span, ("starts_at", "ends_at")),
            field("duty_roster_slot", "place", 0.14),
            field("duty_roster_slot", "area", 0.14),
            field("duty_roster_slot", "team_name", 0.09),
            Column(Message("ड्यूटी पर कर्मी", "Staff on duty"), 0.2, _staff),
            field("duty_roster_slot", "report", 0.14),
        ),
    )
}
