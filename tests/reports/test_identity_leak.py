"""No victim's identity reaches a printed report (BNS 72, POCSO 23, Nipun Saxena v. Union of
India): the demo station, plus one FIR whose victim and complainant carry unmistakable identity
strings, printed as every report there is; the text PDFium reads back from each PDF must hold
none of what the protected identity table keeps.

Latin letters and digits come back from a PDF exactly. Shaped Hindi comes back as its glyphs,
so a Hindi name is looked for as the same extraction of that name gives it (``as_extracted``);
the test shows this finds Hindi that is printed (the station's name) before trusting it to
find Hindi that must not be."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from msk_desktop.demo import DEMO_PASSWORD, DEMO_USERNAME, seed_demo
from msk_desktop.domain.dates import IST
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.entries import create_entry
from msk_desktop.ops.fir import register_fir
from msk_desktop.ops.report_data import PRINTABLE, inspection_visit_list
from msk_desktop.ops.station import login
from msk_desktop.reports.jobs import (
    DistrictRequest,
    InspectionRequest,
    MonthlyRequest,
    RegisterRequest,
    ReportRequest,
    render_report,
)
from msk_desktop.reports.monthly_data import ReportMonth
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import FirVictim, ProtectedIdentity
from tests.ops.conftest import FAST_KDF, rows
from tests.reports.pdf_tools import as_extracted, pdf_text

TODAY = date(2025, 11, 20)
NOW = datetime(2025, 11, 20, 15, 0, tzinfo=IST)
SCALE = 0.3
PLANTED_VICTIM = {
    "name": "लीकजाँच कुमारी / Leakcheck Victimname",
    "parentage": "Leakcheck Fathername",
    "address": "House 42, Leakcheck Lane, Testpur",
    "phone": "9123456780",
    "school": "Leakcheck Girls School",
}
PLANTED_COMPLAINANT = {
    "name": "Leakcheck Complainant",
    "address": "House 43, Leakcheck Lane",
    "phone": "9123456781",
}
PLANTED_CRIME = "990/2025"
IDENTITY_COLUMNS = ("name", "parentage", "address", "phone", "school")


@dataclass(frozen=True)
class Printed:
    texts: dict[str, str]  # report name -> text of its PDF
    identities: list[ProtectedIdentity]


def _plant(ctx: OpContext) -> None:
    fir = register_fir(
        ctx,
        {
            "crime_no": 990,
            "crime_year": 2025,
            "registered_at": "2025-11-10 10:00",
            "offence_date": "2025-11-09",
            "status": "under_investigation",
            "io_name": "SI Fictional IO",
        },
        ["BNS 64"],
        [{"age": 16, "gender": "female", "identity": PLANTED_VICTIM}],
        [],
        PLANTED_COMPLAINANT,
    )
    (victim,) = rows(ctx.db, FirVictim, FirVictim.fir_id == fir.entity_id)
    create_entry(
        ctx,
        "support_referral",
        {
            "referred_on": "2025-11-11",
            "service": "osc",
            "service_asked": "अस्थायी आश्रय",
            "fir_id": fir.entity_id,
            "victim_id": victim.id,
            "status": "referred",
        },
    )


def _requests(ctx: OpContext) -> dict[str, ReportRequest]:
    first = date(2023, 1, 1)  # before the demo's two years begin
    requests: dict[str, ReportRequest] = {
        "monthly-2025-10": MonthlyRequest(ReportMonth(2025, 10)),
        "monthly-2025-11": MonthlyRequest(ReportMonth(2025, 11)),
        "district-2025-11": DistrictRequest(ReportMonth(2025, 11)),
    }
    for register in PRINTABLE:
        requests[f"register-{register}"] = RegisterRequest(register, first, TODAY)
    for visit in inspection_visit_list(ctx):
        requests[f"inspection-{visit.serial}"] = InspectionRequest(visit.id)
    return requests


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Printed]:
    layout = DataLayout(Path(tmp_path_factory.mktemp("leak")) / "demo")
    seed_demo(layout, today=TODAY, cost=FAST_KDF, scale=SCALE)
    ctx = login(layout, DEMO_USERNAME, DEMO_PASSWORD)
    ctx.clock = lambda: NOW
    try:
        _plant(ctx)
        texts = {
            name: pdf_text(render_report(ctx, request).data)
            for name, request in _requests(ctx).items()
        }
        identities = rows(ctx.db, ProtectedIdentity)
    finally:
        ctx.db.close()
    yield Printed(texts, identities)


def _secrets(identities: list[ProtectedIdentity]) -> set[str]:
    """Every part of every kept identity, Hindi and English halves apart ("डेमो पीड़िता 03 /
    Demo Victim 03"), in the form PDFium would give it back. Demo addresses are left to the
    planted address: theirs are only a demo village and the district, which reports print as
    places (beats, programmes), not as anyone's address."""
    found = set()
    for person in identities:
        for column in IDENTITY_COLUMNS:
            value = getattr(person, column)
            if not value or (column == "address" and "Leakcheck" not in value):
                continue
            for part in (value, *value.split(" / ")):
                found.add(as_extracted(part.strip()))
    return {secret for secret in found if secret}


def test_every_report_was_printed(printed: Printed) -> None:
    assert {name.split("-")[0] for name in printed.texts} == {
        "monthly",
        "register",
        "inspection",
        "district",
    }
    assert {n.removeprefix("register-") for n in printed.texts if n.startswith("register-")} == set(
        PRINTABLE
    )
    # The planted case is in the printouts: under its crime number, not its victim's name.
    assert PLANTED_CRIME in printed.texts["register-fir"]
    assert PLANTED_CRIME in printed.texts["register-support_referral"]


def test_hindi_is_found_the_way_the_test_looks_for_it(printed: Printed) -> None:
    station = as_extracted("मिशन शक्ति केन्द्र – डेमो थाना")
    assert station
    assert all(station in " ".join(text.split()) for text in printed.texts.values())


def test_no_identity_reaches_any_report(printed: Printed) -> None:
    secrets = _secrets(printed.identities)
    assert as_extracted(PLANTED_VICTIM["phone"]) in secrets
    assert len(printed.identities) > 10  # the demo's victims and complainants are there
    for name, text in printed.texts.items():
        flat = " ".join(text.split())
        leaked = sorted(secret for secret in secrets if secret in flat)
        assert not leaked, f"{name} prints protected identity: {leaked}"
        assert "Leakcheck" not in flat, name
