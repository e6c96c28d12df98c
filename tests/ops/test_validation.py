"""Bad input is refused with bilingual field errors and writes nothing at all."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msk_desktop.domain.dates import format_date
from msk_desktop.domain.errors import ValidationError
from msk_desktop.domain.fields import IST
from msk_desktop.ops.context import Role
from msk_desktop.ops.deployments import record_deployment
from msk_desktop.ops.entries import create_entry, delete_entry, edit_entry
from msk_desktop.ops.fir import add_accused, add_milestone, add_victim, edit_accused, register_fir
from msk_desktop.ops.follow_ups import add_counselling_session, add_follow_up
from msk_desktop.ops.inspection import record_inspection
from msk_desktop.ops.registers import REGISTERS
from msk_desktop.ops.rosters import add_roster_slot, record_slot_report, set_slot_staff
from msk_desktop.ops.station import add_user
from msk_desktop.store.models import HelpdeskApplication, PreventiveAction
from tests.ops.conftest import (
    FAST_KDF,
    FIR_VALUES,
    SAMPLES,
    StationHandle,
    assert_bilingual,
    count_rows,
    get_row,
    sample,
)

MISSING_ID = "01a20000-0000-7000-8000-000000000000"  # well formed, points at nothing


def _without(values: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k not in names}


def _fir(
    st_: StationHandle,
    sections: tuple[str, ...] = ("BNS 74",),
    victims: tuple[dict[str, Any], ...] = ({"age": 24, "gender": "female"},),
    accused: tuple[dict[str, Any], ...] = (),
    **values: Any,
) -> Any:
    return register_fir(
        st_.ctx,
        FIR_VALUES | {"crime_no": 202} | values,
        list(sections),
        list(victims),
        list(accused),
    )


def _pre_bns(st_: StationHandle, section: str) -> Any:
    return _fir(
        st_,
        sections=(section,),
        offence_date="2024-06-20",
        registered_at="2024-07-05 10:00",
        crime_year=2024,
    )


def _post_bns(st_: StationHandle, section: str) -> Any:
    return _fir(
        st_,
        sections=(section,),
        offence_date="2024-07-02",
        registered_at="2024-07-05 10:00",
        crime_year=2024,
    )


def _create(register: str, **changes: Any) -> Callable[[StationHandle], Any]:
    return lambda st_: create_entry(st_.ctx, register, sample(register, **changes))


def _link_target(how: str) -> Callable[[StationHandle], None]:
    """Prepare ``ids["target"]``: an FIR id that is "missing" (no such id), "deleted", of
    "other_station", or "malformed"."""

    def prepare(st_: StationHandle) -> None:
        if how == "missing":
            target = MISSING_ID
        elif how == "malformed":
            target = "101/2025"
        elif how == "deleted":
            delete_entry(st_.ctx, "fir", st_.ids["fir"], "registered twice")
            target = st_.ids["fir"]
        else:
            other = st_.other_station()
            target = register_fir(
                other, FIR_VALUES, ["BNS 74"], [{"age": 30, "gender": "female"}]
            ).entity_id
        st_.ids["target"] = target

    return prepare


def _create_linked(register: str, field: str) -> Callable[[StationHandle], Any]:
    return lambda st_: create_entry(
        st_.ctx, register, sample(register, **{field: st_.ids["target"]})
    )


@dataclass(frozen=True)
class Case:
    name: str
    run: Callable[[StationHandle], Any]
    fields: frozenset[str]
    mentions: tuple[str, ...] = ()  # texts the English message holds
    shared: tuple[str, ...] = ()  # texts both the Hindi and the English message hold
    prepare: Callable[[StationHandle], None] | None = None  # done before counting rows

    def __str__(self) -> str:
        return self.name


def case(
    name: str,
    run: Callable[[StationHandle], Any],
    *fields: str,
    mentions: tuple[str, ...] = (),
    shared: tuple[str, ...] = (),
    prepare: Callable[[StationHandle], None] | None = None,
) -> Case:
    return Case(name, run, frozenset(fields), mentions, shared, prepare)


HD = "helpdesk_application"
PA = "preventive_action"
LONG = "क" * 121
FUTURE_DAY = "2026-03-17"  # the day after the fixed clock's today

CASES = [
    # required fields
    case(
        "helpdesk missing summary and category",
        lambda s: create_entry(s.ctx, HD, _without(sample(HD, category="  "), "summary")),
        "summary",
        "category",
        mentions=("required",),
    ),
    case(
        "preventive missing everything",
        lambda s: create_entry(s.ctx, PA, {}),
        "person_name",
        "action_code",
        "action_on",
        "status",
    ),
    case(
        "fir missing crime number",
        lambda s: register_fir(
            s.ctx, _without(FIR_VALUES, "crime_no"), ["BNS 74"], [{"gender": "female"}]
        ),
        "crime_no",
    ),
    case("fir without victims", lambda s: _fir(s, victims=()), "victims"),
    case("fir without sections", lambda s: _fir(s, sections=()), "sections"),
    case("staff missing rank", _create("staff_member", rank=None), "rank"),
    case(
        "awareness missing people",
        _create("awareness_programme", people_reached=""),
        "people_reached",
    ),
    case(
        "inspection missing observations",
        lambda s: record_inspection(
            s.as_role(Role.CIRCLE_OFFICER), sample("inspection_entry", observations=" \n ")
        ),
        "observations",
    ),
    case(
        "inspection direction without text",
        lambda s: record_inspection(s.ctx, SAMPLES["inspection_entry"], [{"responsible": "SI"}]),
        "directions[0].direction",
    ),
    # sizes
    case("person name too long", _create(PA, person_name=LONG), "person_name", shared=("120",)),
    case("summary too long", _create(HD, summary="अ" * 4001), "summary", shared=("4000",)),
    case(
        "identity name too long",
        lambda s: _fir(s, victims=({"gender": "female", "identity": {"name": LONG}},)),
        "victims[0].name",
    ),
    case(
        "victim age out of range",
        lambda s: _fir(s, victims=({"age": 130, "gender": "female"},)),
        "victims[0].age",
        shared=("120",),
    ),
    case(
        "people reached negative",
        _create("awareness_programme", people_reached=-5),
        "people_reached",
    ),
    # control characters
    case(
        "nul in a name", _create(PA, person_name="Ram\x00esh"), "person_name", mentions=("control",)
    ),
    case("escape in a summary", _create(HD, summary="abc\x1b[2J"), "summary"),
    case("newline in a one-line field", _create(PA, person_name="Ram\nesh"), "person_name"),
    case(
        "bell in an identity",
        lambda s: _fir(s, victims=({"gender": "female", "identity": {"name": "Sita\x07"}},)),
        "victims[0].name",
    ),
    # dates in the future
    case(
        "preventive action tomorrow",
        _create(PA, action_on=FUTURE_DAY),
        "action_on",
        mentions=("future",),
    ),
    case(
        "application received in an hour",
        _create(HD, received_at="2026-03-16 13:00"),
        "received_at",
    ),
    case("fir offence tomorrow", lambda s: _fir(s, offence_date=FUTURE_DAY), "offence_date"),
    case(
        "milestone in the future",
        lambda s: add_milestone(
            s.ctx, s.ids["fir"], {"kind": "medical_exam", "happened_at": "2026-03-18 10:00"}
        ),
        "milestone.happened_at",
    ),
    case("staff posted tomorrow", _create("staff_member", posted_on=FUTURE_DAY), "posted_on"),
    case("date nonsense", _create(PA, action_on="31-02-2025"), "action_on"),
    case("date before 1900", _create(PA, action_on="01-01-1850"), "action_on"),
    # FIR rules
    case(
        "registered before the offence",
        lambda s: _fir(s, registered_at="2025-06-08 10:00", offence_date="2025-06-09"),
        "registered_at",
        shared=("09-06-2025",),
    ),
    case(
        "crime year not the registration year",
        lambda s: _fir(s, crime_year=2024),
        "crime_year",
        shared=("2025",),
    ),
    case(
        "duplicate crime number", lambda s: _fir(s, crime_no=101), "crime_no", shared=("101/2025",)
    ),
    case(
        "BNS section before 1 Jul 2024",
        lambda s: _pre_bns(s, "BNS 64"),
        "sections",
        shared=("IPC 376", "01-07-2024"),
    ),
    case(
        "BNS 74 before 1 Jul 2024", lambda s: _pre_bns(s, "BNS 74"), "sections", shared=("IPC 354",)
    ),
    case(
        "IPC section after 1 Jul 2024",
        lambda s: _post_bns(s, "IPC 498A"),
        "sections",
        shared=("BNS 85",),
    ),
    case(
        "unknown section",
        lambda s: _fir(s, sections=("BNS 9999",)),
        "sections",
        shared=("BNS 9999",),
    ),
    case("unknown law", lambda s: _fir(s, sections=("XYZ 12",)), "sections"),
    case("not a section", lambda s: _fir(s, sections=("धारा",)), "sections"),
    case("section twice", lambda s: _fir(s, sections=("BNS 74", "BNS 74")), "sections"),
    case(
        "chargesheeted without number and date",
        lambda s: _fir(s, status="chargesheeted"),
        "chargesheet_no",
        "chargesheet_on",
    ),
    case(
        "final report before registration",
        lambda s: _fir(
            s, status="final_report", final_report_no="FR 1", final_report_on="2025-06-01"
        ),
        "final_report_on",
    ),
    case(
        "court outcome without date",
        lambda s: _fir(s, court_outcome="convicted"),
        "court_outcome_on",
    ),
    case(
        "named accused without name",
        lambda s: _fir(s, accused=({"named": True, "status": "at_large"},)),
        "accused[0].name",
    ),
    case(
        "bail before arrest",
        lambda s: _fir(
            s,
            accused=(
                {
                    "named": False,
                    "status": "on_bail",
                    "arrested_on": "2025-06-12",
                    "bail_on": "2025-06-11",
                },
            ),
        ),
        "accused[0].bail_on",
        shared=("12-06-2025",),
    ),
    case(
        "arrested without date",
        lambda s: add_accused(s.ctx, s.ids["fir"], {"named": False, "status": "arrested"}),
        "accused.arrested_on",
    ),
    case(
        "edit accused bail before arrest",
        lambda s: edit_accused(
            s.ctx,
            s.ids["accused"],
            {"status": "on_bail", "arrested_on": "2025-06-12", "bail_on": "2025-06-10"},
        ),
        "bail_on",
    ),
    case(
        "victim added without gender",
        lambda s: add_victim(s.ctx, s.ids["fir"], {"age": 9}),
        "victims[0].gender",
    ),
    # preventive actions
    case(
        "bond months over the kind's maximum",
        _create(PA, bond_months=13),
        "bond_months",
        shared=("12",),
    ),
    case(
        "habitual bond over three years",
        _create(PA, action_code="bond_habitual", bond_months=37),
        "bond_months",
        shared=("36",),
    ),
    case("bond months zero", _create(PA, bond_months=0), "bond_months"),
    case("unknown action code", _create(PA, action_code="bond_xyz"), "action_code"),
    # links
    *[
        case(
            f"{register} {field} {how}",
            _create_linked(register, field),
            field,
            prepare=_link_target(how),
        )
        for register, field in [
            (HD, "fir_id"),
            (PA, "fir_id"),
            ("ppk_referral", "fir_id"),
            ("staff_deployment", "fir_id"),
            ("counselling_case", "fir_id"),
            ("support_referral", "fir_id"),
        ]
        for how in ("missing", "deleted", "other_station", "malformed")
    ],
    case(
        "support referral victim missing",
        _create("support_referral", victim_id=MISSING_ID),
        "victim_id",
    ),
    case(
        "ppk counselling case missing",
        _create("ppk_referral", counselling_case_id=MISSING_ID),
        "counselling_case_id",
    ),
    case(
        "counselling application missing",
        _create("counselling_case", helpdesk_application_id=MISSING_ID),
        "helpdesk_application_id",
    ),
    case("fir registered without the fir", _create(HD, status="fir_registered"), "fir_id"),
    # rosters and staff
    case(
        "roster starts equals ends",
        lambda s: add_roster_slot(
            s.ctx,
            {
                "roster": "help_desk",
                "duty_on": "2025-06-02",
                "starts_at": "08:00",
                "ends_at": "08:00",
            },
        ),
        "ends_at",
    ),
    case(
        "roster unknown staff",
        lambda s: add_roster_slot(
            s.ctx,
            {
                "roster": "women_beat",
                "duty_on": "2025-06-02",
                "starts_at": "08:00",
                "ends_at": "12:00",
            },
            [MISSING_ID],
        ),
        "staff",
    ),
    case(
        "roster unknown roster",
        lambda s: add_roster_slot(
            s.ctx,
            {
                "roster": "night_patrol",
                "duty_on": "2025-06-02",
                "starts_at": "08:00",
                "ends_at": "12:00",
            },
        ),
        "roster",
    ),
    case(
        "roster time nonsense",
        lambda s: add_roster_slot(
            s.ctx,
            {
                "roster": "help_desk",
                "duty_on": "2025-06-02",
                "starts_at": "25:00",
                "ends_at": "12:00",
            },
        ),
        "starts_at",
    ),
    case(
        "slot staff unknown",
        lambda s: set_slot_staff(s.ctx, s.ids["roster_slot"], [MISSING_ID]),
        "staff",
    ),
    case(
        "slot report too long",
        lambda s: record_slot_report(s.ctx, s.ids["roster_slot"], "x" * 4001),
        "report",
    ),
    case(
        "early transfer without approval",
        _create(
            "staff_member", posted_on="2024-01-10", removed_on="2025-06-01", removal_kind="transfer"
        ),
        "removal_approval_ref",
        mentions=("3 years",),
    ),
    case(
        "early de-induction without approval",
        _create(
            "staff_member",
            posted_on="2023-03-17",
            removed_on="2026-03-16",
            removal_kind="de_induction",
        ),
        "removal_approval_ref",
    ),
    case("removed without kind", _create("staff_member", removed_on="2025-06-01"), "removal_kind"),
    case(
        "removed before posting",
        _create("staff_member", removed_on="2024-06-01", removal_kind="retirement"),
        "removed_on",
    ),
    case(
        "deployment without staff",
        lambda s: record_deployment(s.ctx, SAMPLES["staff_deployment"], []),
        "staff",
    ),
    case(
        "deployment with unknown staff",
        lambda s: record_deployment(
            s.ctx, SAMPLES["staff_deployment"], [s.ids["staff_member"], MISSING_ID]
        ),
        "staff",
    ),
    # help desk, referrals, counselling, follow-ups
    case(
        "disposed without date",
        _create(HD, status="disposed"),
        "disposed_on",
        mentions=("disposed",),
    ),
    case(
        "disposed before received",
        _create(HD, status="disposed", disposed_on="2025-05-31"),
        "disposed_on",
    ),
    case("unknown category", _create(HD, category="theft"), "category"),
    case(
        "ppk closed without outcome",
        _create("ppk_referral", status="closed"),
        "outcome",
        "outcome_on",
    ),
    case(
        "support closed without result",
        _create("support_referral", status="closed"),
        "result",
        "result_on",
    ),
    case(
        "counselling closed without outcome",
        _create("counselling_case", status="closed"),
        "outcome",
        "closed_on",
    ),
    case(
        "follow-up next due before done",
        lambda s: add_follow_up(
            s.ctx,
            HD,
            s.ids[HD],
            {
                "kind": "follow_up",
                "done_on": "2025-06-05",
                "note": "x",
                "next_due_on": "2025-06-04",
            },
        ),
        "next_due_on",
    ),
    case(
        "follow-up without note",
        lambda s: add_follow_up(
            s.ctx, HD, s.ids[HD], {"kind": "follow_up", "done_on": "2025-06-05"}
        ),
        "note",
    ),
    case(
        "session next before held",
        lambda s: add_counselling_session(
            s.ctx,
            s.ids["counselling_case"],
            {"held_on": "2025-06-05", "note": "x", "next_on": "2025-06-01"},
        ),
        "next_on",
    ),
    # unknown fields and edits
    case("unknown field name", _create(HD, colour="red"), "colour", mentions=("no such field",)),
    case(
        "unknown field in an edit",
        lambda s: edit_entry(s.ctx, HD, s.ids[HD], {"colour": 1}),
        "colour",
    ),
    case(
        "edit disposed without date",
        lambda s: edit_entry(s.ctx, HD, s.ids[HD], {"status": "disposed"}),
        "disposed_on",
    ),
    case(
        "edit removes a required value",
        lambda s: edit_entry(s.ctx, HD, s.ids[HD], {"summary": ""}),
        "summary",
    ),
    case(
        "edit bond over maximum",
        lambda s: edit_entry(s.ctx, PA, s.ids[PA], {"bond_months": 24}),
        "bond_months",
    ),
    case(
        "edit action code unknown",
        lambda s: edit_entry(s.ctx, PA, s.ids[PA], {"action_code": "nope"}),
        "action_code",
    ),
    case(
        "edit fir offence into the IPC era",
        lambda s: edit_entry(s.ctx, "fir", s.ids["fir"], {"offence_date": "2024-06-01"}),
        "sections",
        shared=("IPC 498A",),
    ),
    case(
        "edit fir registered before offence",
        lambda s: edit_entry(s.ctx, "fir", s.ids["fir"], {"registered_at": "2025-06-08 10:00"}),
        "registered_at",
    ),
    case(
        "edit staff early removal",
        lambda s: edit_entry(
            s.ctx,
            "staff_member",
            s.ids["staff_member"],
            {"removed_on": "2025-12-01", "removal_kind": "transfer"},
        ),
        "removal_approval_ref",
    ),
    case(
        "edit crime number onto another",
        lambda s: edit_entry(s.ctx, "fir", s.ids["fir"], {"crime_no": 102}),
        "crime_no",
        prepare=lambda s: _fir(s, crime_no=102) and None,
    ),
    # users
    case(
        "user with a short password",
        lambda s: add_user(s.ctx, "new.user", "New User", Role.HELPDESK, "short", FAST_KDF),
        "password",
    ),
    case(
        "user name with spaces",
        lambda s: add_user(
            s.ctx, "new user", "New User", Role.HELPDESK, "long-enough-pass", FAST_KDF
        ),
        "username",
    ),
    case(
        "user name taken",
        lambda s: add_user(
            s.ctx, "SI.Verma", "Another", Role.HELPDESK, "long-enough-pass", FAST_KDF
        ),
        "username",
    ),
]


@pytest.mark.parametrize("bad", CASES, ids=str)
def test_bad_input_is_refused_and_writes_nothing(world: StationHandle, bad: Case) -> None:
    if bad.prepare is not None:
        bad.prepare(world)
    before = world.counts()
    with pytest.raises(ValidationError) as refused:
        bad.run(world)
    assert world.counts() == before
    error = refused.value
    assert {e.field for e in error.errors} == bad.fields
    assert_bilingual(error)
    for text in bad.mentions + bad.shared:
        assert any(text in e.message.en for e in error.errors), (text, error.message.en)
    for text in bad.shared:
        assert any(text in e.message.hi for e in error.errors), (text, error.message.hi)
    for field_error in error.errors:  # the joined message names every field
        assert field_error.field in error.message.hi
        assert field_error.field in error.message.en


def test_the_messages_follow_the_language(world: StationHandle) -> None:
    with pytest.raises(ValidationError) as refused:
        create_entry(world.ctx, PA, sample(PA, bond_months=13))
    (error,) = refused.value.errors
    assert error.message.in_language("en") == "BNSS 126: at most 12 months"
    assert error.message.in_language("hi") == "BNSS 126: अधिकतम 12 माह"


def test_multiline_fields_keep_newlines_and_tabs(station: StationHandle) -> None:
    result = create_entry(station.ctx, HD, sample(HD, summary="  पहली पंक्ति\n\tदूसरी  "))
    row = get_row(station.db, HelpdeskApplication, result.entity_id)
    assert row.summary == "पहली पंक्ति\n\tदूसरी"


def test_early_removal_with_approval_is_accepted(station: StationHandle) -> None:
    values = sample(
        "staff_member",
        posted_on="2024-01-10",
        removed_on="2025-06-01",
        removal_kind="transfer",
        removal_approval_ref="SP/Est/2025/17",
    )
    assert create_entry(station.ctx, "staff_member", values).serial == "1/2024"


def test_removal_after_three_years_needs_no_approval(station: StationHandle) -> None:
    values = sample(
        "staff_member", posted_on="2022-06-01", removed_on="2025-06-01", removal_kind="transfer"
    )
    assert create_entry(station.ctx, "staff_member", values).serial == "1/2022"


def test_ten_minutes_of_clock_grace(station: StationHandle) -> None:
    result = create_entry(station.ctx, HD, sample(HD, received_at="2026-03-16 12:09"))
    assert result.serial == "1/2026"


def test_devanagari_digits_are_read(station: StationHandle) -> None:
    result = create_entry(station.ctx, PA, sample(PA, action_on="०१-०५-२०२५", bond_months="६"))
    row = get_row(station.db, PreventiveAction, result.entity_id)
    assert (row.action_on, row.bond_months, row.expires_on) == (
        date(2025, 5, 1),
        6,
        date(2025, 10, 31),
    )


def test_choice_labels_are_read(station: StationHandle) -> None:
    result = create_entry(station.ctx, HD, sample(HD, category="दहेज उत्पीड़न", status="Pending"))
    row = get_row(station.db, HelpdeskApplication, result.entity_id)
    assert (row.category, row.status) == ("dowry", "pending")


def test_lone_surrogates_are_refused(station: StationHandle) -> None:
    before = station.counts()
    try:
        with pytest.raises(ValidationError):
            create_entry(station.ctx, HD, sample(HD, summary="broken \ud800 paste"))
    finally:
        assert station.counts() == before


# ---- fuzzing -----------------------------------------------------------------------------

HOSTILE_TEXTS = [
    "'); DROP TABLE fir;--",
    "Robert'); DROP TABLE audit_log;--",
    "' OR '1'='1",
    '"; DELETE FROM sync_outbox; --',
    "<script>alert(1)</script>",
    "%s%s%s%n",
    "{0}{1}{__class__}",
    "NULL",
    "\x00",
    "\x1b[31m",
    "\r\n",
    "\u202eevil",
    "\ufeff",
    "ऩ़ि़",
    "क्ष त्र ज्ञ 𝕏 🙂 مرحبا 中文",
    "a" * 5000,
    "क" * 4001,
    " " * 300,
    "١٢٣",
    "०१-०६-२०२५",
]
ZONES = [None, UTC, IST, timezone(timedelta(hours=-12)), timezone(timedelta(hours=14))]

texts = st.one_of(
    st.text(max_size=200),
    st.sampled_from(HOSTILE_TEXTS),
    st.tuples(st.sampled_from(HOSTILE_TEXTS), st.text(max_size=50)).map("".join),
    st.text(min_size=3995, max_size=4005, alphabet="अ \n"),
)
days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
date_like = st.one_of(
    days,
    days.map(format_date),
    days.map(date.isoformat),
    st.datetimes(timezones=st.sampled_from(ZONES)),
    st.datetimes().map(lambda d: d.isoformat(sep=" ", timespec="minutes")),
    st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 4, 30)),
    st.datetimes(
        min_value=datetime(2024, 1, 1),
        max_value=datetime(2026, 4, 30),
        timezones=st.sampled_from(ZONES),
    ),
)
anything = st.one_of(
    st.none(),
    texts,
    date_like,
    st.integers(),
    st.booleans(),
    st.floats(),
    st.lists(st.integers(), max_size=3),
)


def _mostly(valid: Any, special: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """The valid value three times in four, so that whole entries get saved too."""
    other = st.one_of(special, anything)
    return st.integers(0, 3).flatmap(lambda k: other if k == 0 else st.just(valid))


HELPDESK_INPUT = st.fixed_dictionaries(
    {
        "received_at": _mostly("2025-06-01 11:00", date_like),
        "category": _mostly("dowry", st.sampled_from(["cyber", "घरेलू हिंसा", "x"])),
        "summary": _mostly("शिकायत", texts),
        "status": _mostly("pending", st.sampled_from(["disposed", "fir_registered", "referred"])),
    },
    optional={
        "assigned_to": texts,
        "action_taken": texts,
        "disposed_on": date_like,
        "fir_id": st.one_of(texts, st.just(MISSING_ID), st.uuids().map(str)),
        "'); DROP TABLE fir;--": texts,
    },
)
PREVENTIVE_INPUT = st.fixed_dictionaries(
    {
        "person_name": _mostly("Ramesh", texts),
        "action_code": _mostly(
            "bond_peace",
            st.sampled_from(
                ["bond_habitual", "goonda_extern", "arrest_prevent", "'; DROP TABLE x;--"]
            ),
        ),
        "action_on": _mostly("2025-05-01", date_like),
        "status": _mostly("active", st.sampled_from(["expired", "closed", "Renewed"])),
    },
    optional={
        "person_parentage": texts,
        "person_address": texts,
        "person_age": anything,
        "bond_months": st.one_of(st.integers(-5, 70), anything),
        "bond_amount": st.one_of(st.integers(), anything),
        "order_ref": texts,
        "remarks": texts,
    },
)

FUZZ_EXAMPLES = 150
fuzz_outcomes: dict[str, dict[str, int]] = {}


def _fuzz_once(st_: StationHandle, register: str, values: dict[str, Any]) -> str:
    before = count_rows(st_.db)
    try:
        result = create_entry(st_.ctx, register, values)
    except ValidationError as refused:
        assert count_rows(st_.db) == before
        assert_bilingual(refused)
        assert refused.errors
        return "refused"
    after = count_rows(st_.db)
    assert after[register] == before[register] + 1
    assert after["audit_log"] == before["audit_log"] + 1
    assert after["sync_outbox"] == before["sync_outbox"] + 1
    row = get_row(st_.db, REGISTERS[register].model, result.entity_id)
    for name in ("summary", "person_name", "remarks", "person_address"):
        given = values.get(name)
        if isinstance(given, str) and given.strip():
            assert getattr(row, name) == unicodedata.normalize("NFC", given.strip())
    assert "fir" in after  # the hostile SQL did not drop anything
    return "saved"


@pytest.mark.parametrize(
    ("register", "inputs"),
    [(HD, HELPDESK_INPUT), (PA, PREVENTIVE_INPUT)],
    ids=[HD, PA],
)
def test_fuzzed_input_is_saved_cleanly_or_refused(
    station: StationHandle, register: str, inputs: st.SearchStrategy[dict[str, Any]]
) -> None:
    outcomes = fuzz_outcomes.setdefault(register, {"saved": 0, "refused": 0})

    @settings(
        max_examples=FUZZ_EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )
    @given(values=inputs)
    def check(values: dict[str, Any]) -> None:
        outcomes[_fuzz_once(station, register, values)] += 1

    check()
    total = outcomes["saved"] + outcomes["refused"]
    print(f"\n{register}: {total} hypothesis examples, {outcomes}")
    assert total >= FUZZ_EXAMPLES
    assert outcomes["saved"] > 0 and outcomes["refused"] > 0
