"""Rules the demo seeder showed were missing or wrong."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from msk_desktop.domain.dates import IST
from msk_desktop.domain.errors import ValidationError
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.entries import edit_entry
from msk_desktop.ops.fir import register_fir
from msk_desktop.ops.inspection import record_compliance, record_inspection
from msk_desktop.ops.rosters import add_roster_slot, copy_roster_week
from msk_desktop.ops.station import setup_station
from msk_desktop.store.keyslots import KdfCost
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import DutyRosterSlot, InspectionDirection


@pytest.fixture
def ctx(tmp_path: Path, fast_cost: KdfCost) -> OpContext:
    context, _ = setup_station(
        DataLayout(tmp_path / "s"),
        {"code": "R-1", "name_hi": "थाना", "name_en": "T", "district": "D", "circle": "C"},
        "fake.incharge",
        "Fake In-charge",
        "rules-password",
        fast_cost,
    )
    context.clock = lambda: datetime(2025, 11, 20, 12, 0, tzinfo=IST)
    return context


def test_a_pending_trial_has_no_judgment_date_but_a_judgment_does(ctx: OpContext) -> None:
    fir = register_fir(
        ctx,
        {
            "crime_no": 1,
            "crime_year": 2025,
            "registered_at": "2025-01-05 10:00",
            "offence_date": "2025-01-04",
            "status": "chargesheeted",
            "chargesheet_no": "CS-1",
            "chargesheet_on": "2025-02-20",
        },
        ["BNS 74"],
        [{"age": 30, "gender": "female"}],
    ).entity_id
    edit_entry(ctx, "fir", fir, {"court_outcome": "pending_trial"})
    with pytest.raises(ValidationError) as refused:
        edit_entry(ctx, "fir", fir, {"court_outcome": "convicted"})
    assert [e.field for e in refused.value.errors] == ["court_outcome_on"]
    edit_entry(ctx, "fir", fir, {"court_outcome": "convicted", "court_outcome_on": "2025-10-01"})


def test_compliance_cannot_predate_the_inspection(ctx: OpContext) -> None:
    record_inspection(
        ctx,
        {
            "visited_on": "2025-09-10",
            "officer_name": "Fake CO",
            "officer_rank": "क्षेत्राधिकारी",
            "observations": "निरीक्षण",
        },
        [{"direction": "रोस्टर अद्यतन करें", "due_on": "2025-09-30"}],
    )
    with ctx.db.read() as session:
        direction_id = session.scalars(select(InspectionDirection.id)).one()
    with pytest.raises(ValidationError) as refused:
        record_compliance(
            ctx, direction_id, {"compliance_status": "complied", "complied_on": "2025-09-01"}
        )
    assert refused.value.errors[0].field == "complied_on"
    assert "10-09-2025" in refused.value.errors[0].message.en
    record_compliance(
        ctx, direction_id, {"compliance_status": "complied", "complied_on": "2025-09-12"}
    )


def test_a_week_is_not_copied_twice(ctx: OpContext) -> None:
    monday, next_monday = date(2025, 11, 3), date(2025, 11, 10)
    add_roster_slot(
        ctx, {"roster": "help_desk", "duty_on": monday, "starts_at": "08:00", "ends_at": "14:00"}
    )
    copy_roster_week(ctx, "help_desk", monday, next_monday)
    with pytest.raises(ValidationError):
        copy_roster_week(ctx, "help_desk", monday, next_monday)
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(DutyRosterSlot)) == 2
    # Adding to a week that has shifts is allowed once the user has said so.
    copy_roster_week(ctx, "help_desk", monday, next_monday, add_to_existing=True)
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(DutyRosterSlot)) == 3
