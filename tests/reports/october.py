"""A small station made through the ops, whose report of October 2025 is worked out by hand.

Every figure the tests expect is derived in the comments here from the entries below, not from
the report code. The clock of the ops is the ops tests' fixed ``NOW`` (16-03-2026), so October
2025 is over and the report is judged on its last day, 31-10-2025.

FIRs (the 60-day rule covers BNS 64 and POCSO 4, not BNS 74 or 85):

    crime  head                reg.        done          60-day rule
    1/2025 rape (BNS 64)       01-08-2025  -             due 30-09: overdue 31 days on 31-10
    2/2025 modesty (BNS 74)    10-09-2025  CS 05-10-2025 n/a
    3/2025 rape (BNS 64)       03-10-2025  CS 20-10-2025 met on day 17 (in October)
    4/2025 cruelty (BNS 85)    15-10-2025  -             n/a
    5/2025 POCSO (POCSO 4)     05-09-2025  -             due 04-11: due in 4 days on 31-10
    6/2025 rape (BNS 64)       01-06-2025  CS 20-08-2025 met late, day 80 (in August)
    7/2024 modesty (BNS 74)    20-12-2024  FR 10-02-2025 n/a
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from msk_desktop.ops.context import Role
from msk_desktop.ops.entries import create_entry
from msk_desktop.ops.inspection import record_compliance, record_inspection
from msk_desktop.ops.rosters import add_roster_slot
from msk_desktop.ops.station import login
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import InspectionDirection
from tests.ops.conftest import ACCOUNTS, build_blank, fixed_clock, new_fir, rows

FIRS: tuple[dict[str, Any], ...] = (
    {
        "crime_no": 1,
        "registered_at": "2025-08-01 10:00",
        "offence_date": "2025-07-31",
        "sections": ("BNS 64",),
    },
    {
        "crime_no": 2,
        "registered_at": "2025-09-10 11:00",
        "offence_date": "2025-09-09",
        "sections": ("BNS 74",),
        "status": "chargesheeted",
        "chargesheet_on": "2025-10-05",
    },
    {
        "crime_no": 3,
        "registered_at": "2025-10-03 09:30",
        "offence_date": "2025-10-02",
        "sections": ("BNS 64",),
        "status": "chargesheeted",
        "chargesheet_on": "2025-10-20",
    },
    {
        "crime_no": 4,
        "registered_at": "2025-10-15 16:00",
        "offence_date": "2025-10-14",
        "sections": ("BNS 85",),
    },
    {
        "crime_no": 5,
        "registered_at": "2025-09-05 12:00",
        "offence_date": "2025-09-04",
        "sections": ("POCSO 4",),
        "victim_age": 15,
    },
    {
        "crime_no": 6,
        "registered_at": "2025-06-01 10:00",
        "offence_date": "2025-05-31",
        "sections": ("BNS 64",),
        "status": "chargesheeted",
        "chargesheet_on": "2025-08-20",
    },
    {
        "crime_no": 7,
        "crime_year": 2024,
        "registered_at": "2024-12-20 10:00",
        "offence_date": "2024-12-19",
        "sections": ("BNS 74",),
        "status": "final_report",
        "final_report_on": "2025-02-10",
    },
)


def _fir(ctx: Any, spec: dict[str, Any]) -> str:
    values = dict(spec)
    sections = values.pop("sections")
    age = values.pop("victim_age", 25)
    values.setdefault("crime_year", 2025)
    values.setdefault("status", "under_investigation")
    if "chargesheet_on" in values:
        values["chargesheet_no"] = f"CS {values['crime_no']}/2025"
    if "final_report_on" in values:
        values["final_report_no"] = f"FR {values['crime_no']}/2025"
    return new_fir(
        ctx, sections=sections, victims=({"age": age, "gender": "female"},), **values
    ).entity_id


def build_october(root: Path) -> dict[str, str]:
    build_blank(root)
    account = ACCOUNTS[Role.IN_CHARGE]
    ctx = login(DataLayout(root), account.username, account.password)
    ctx.clock = fixed_clock
    ids: dict[str, str] = {}
    for spec in FIRS:
        ids[f"fir{spec['crime_no']}"] = _fir(ctx, spec)

    def add(register: str, **values: Any) -> str:
        return create_entry(ctx, register, values).entity_id

    # Help desk. Received in October: H1, H3, H4 = 3. Closed in October: H1 after 10 days,
    # H2 after 14, H4 on the day FIR 4 was registered (15-10), 5 days: 3, average 29/3 days.
    # Open on 31-10: H3, H5 = 2.
    text = {"category": "dowry", "summary": "दहेज हेतु उत्पीड़न (परीक्षण)"}
    add(
        "helpdesk_application",
        received_at="2025-10-02 11:00",
        status="disposed",
        disposed_on="2025-10-12",
        **text,
    )
    add(
        "helpdesk_application",
        received_at="2025-09-20 10:00",
        status="disposed",
        disposed_on="2025-10-04",
        **text,
    )
    add("helpdesk_application", received_at="2025-10-25 12:00", status="pending", **text)
    add(
        "helpdesk_application",
        received_at="2025-10-10 09:00",
        status="fir_registered",
        fir_id=ids["fir4"],
        **text,
    )
    add("helpdesk_application", received_at="2025-09-01 10:00", status="pending", **text)

    # Preventive actions in October: bond_peace 2, bond_suspect 1 (the September one is out).
    person = {"person_name": "Fictional Testperson", "status": "active", "bond_months": 6}
    for code, day in (
        ("bond_peace", "2025-10-03"),
        ("bond_peace", "2025-10-18"),
        ("bond_suspect", "2025-10-07"),
        ("bond_peace", "2025-09-28"),
    ):
        add("preventive_action", action_code=code, action_on=day, **person)

    # Counselling: opened in October K1 (elopement: mandatory) and K3 = 2, 1 mandatory;
    # closed in October K1 (reconciled) and K2 (referred to PPK) = 2; open on 31-10: K3.
    add(
        "counselling_case",
        opened_on="2025-10-01",
        case_kind="elopement",
        status="closed",
        outcome="reconciled",
        closed_on="2025-10-20",
    )
    add(
        "counselling_case",
        opened_on="2025-09-15",
        case_kind="matrimonial",
        status="closed",
        outcome="referred_ppk",
        closed_on="2025-10-05",
    )
    add("counselling_case", opened_on="2025-10-10", case_kind="matrimonial", status="open")

    # PPK: referred in October 1 (P1, still open); outcome received in October: P2 settled.
    ppk = {"ppk_centre": "परिवार परामर्श केन्द्र (परीक्षण)", "reason": "पति-पत्नी विवाद"}
    add("ppk_referral", referred_on="2025-10-06", status="referred", **ppk)
    add(
        "ppk_referral",
        referred_on="2025-08-01",
        status="closed",
        outcome="settled",
        outcome_on="2025-10-10",
        **ppk,
    )

    # Support: OSC referred 1, result 1, provided 1; DLSA compensation referred 1, no result.
    add(
        "support_referral",
        referred_on="2025-10-08",
        service="osc",
        service_asked="अस्थायी आश्रय",
        status="closed",
        result="provided",
        result_on="2025-10-09",
    )
    add(
        "support_referral",
        referred_on="2025-10-12",
        service="dlsa_compensation",
        service_asked="प्रतिकर",
        status="referred",
    )

    # Awareness in October: cyber safety 2 programmes, 200 people; women safety 1, 50.
    for kind, day, people in (
        ("cyber_safety", "2025-10-05", 120),
        ("cyber_safety", "2025-10-22", 80),
        ("women_safety", "2025-10-14", 50),
        ("women_safety", "2025-11-02", 999),
    ):
        add(
            "awareness_programme",
            held_on=day,
            place="परीक्षण विद्यालय",
            kind=kind,
            audience="students",
            people_reached=people,
        )

    # Staff on 31-10: the in-charge (a woman), two constables (one a woman).
    ids["incharge"] = add(
        "staff_member",
        name="Fictional Incharge",
        rank="sub_inspector",
        gender="female",
        is_in_charge=True,
        posted_on="2025-01-01",
    )
    ids["constable"] = add(
        "staff_member",
        name="Fictional Constable",
        rank="constable",
        gender="female",
        posted_on="2025-02-01",
    )
    add(
        "staff_member",
        name="Fictional Constable Two",
        rank="constable",
        gender="male",
        posted_on="2025-03-01",
    )

    # Rosters in October: help desk 2 shifts, 1 staffed; anti-Romeo 1 shift, staffed.
    slot = {"starts_at": "08:00", "ends_at": "14:00", "place": "परीक्षण स्थल"}
    add_roster_slot(
        ctx, {"roster": "help_desk", "duty_on": "2025-10-06", **slot}, [ids["constable"]]
    )
    add_roster_slot(ctx, {"roster": "help_desk", "duty_on": "2025-10-07", **slot}, [])
    add_roster_slot(
        ctx, {"roster": "anti_romeo", "duty_on": "2025-10-08", **slot}, [ids["constable"]]
    )

    # Inspections. August: one direction, complied 10-09. October: three directions, one
    # complied 25-10; open on 31-10: D1 (due 20-10, overdue 11 days) and D2 (due 15-11).
    visit = {
        "officer_name": "CO Fictional",
        "officer_rank": "Deputy SP",
        "observations": "अभिलेख देखे गए (परीक्षण)",
    }
    august = record_inspection(
        ctx,
        {"visited_on": "2025-08-05", **visit},
        [{"direction": "D4 परीक्षण", "due_on": "2025-09-01"}],
    )
    october = record_inspection(
        ctx,
        {"visited_on": "2025-10-10", **visit},
        [
            {"direction": "D1 परीक्षण", "due_on": "2025-10-20"},
            {"direction": "D2 परीक्षण", "due_on": "2025-11-15"},
            {"direction": "D3 परीक्षण", "due_on": "2025-10-30"},
        ],
    )
    ids["visit_october"] = october.entity_id
    directions = {d.direction: d.id for d in rows(ctx.db, InspectionDirection)}
    record_compliance(
        ctx, directions["D4 परीक्षण"], {"compliance_status": "complied", "complied_on": "2025-09-10"}
    )
    record_compliance(
        ctx, directions["D3 परीक्षण"], {"compliance_status": "complied", "complied_on": "2025-10-25"}
    )
    ids["visit_august"] = august.entity_id
    ctx.db.close()
    return ids
