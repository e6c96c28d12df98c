from __future__ import annotations

from datetime import date

import pytest

from msk_desktop.domain.catalogue import SectionRef, offence_catalogue
from msk_desktop.domain.law import (
    BNS_COMMENCEMENT,
    SPECIAL_LAWS,
    check_sections,
    cooling_off_until,
    counselling_mandatory,
    identity_rule_for,
    is_minor,
    penal_code_for,
    primary_head,
    procedure_code_for,
)


def refs(*texts: str) -> list[SectionRef]:
    return [SectionRef.parse(text) for text in texts]


def test_bns_commencement() -> None:
    assert date(2024, 7, 1) == BNS_COMMENCEMENT


def test_special_laws() -> None:
    assert frozenset({"POCSO", "DPA", "PWDVA", "ITPA", "PCMA", "ITA", "JJA"}) == SPECIAL_LAWS


@pytest.mark.parametrize(
    ("offence_date", "code"),
    [
        (date(2020, 1, 1), "IPC"),
        (date(2024, 6, 30), "IPC"),
        (date(2024, 7, 1), "BNS"),
        (date(2025, 3, 1), "BNS"),
    ],
)
def test_penal_code_follows_the_offence_date(offence_date: date, code: str) -> None:
    assert penal_code_for(offence_date) == code


@pytest.mark.parametrize(
    ("registered_on", "code"),
    [
        (date(2023, 5, 5), "CrPC"),
        (date(2024, 6, 30), "CrPC"),
        (date(2024, 7, 1), "BNSS"),
        (date(2025, 3, 1), "BNSS"),
    ],
)
def test_procedure_code_follows_the_registration_date(registered_on: date, code: str) -> None:
    assert procedure_code_for(registered_on) == code


def test_offence_before_registered_after_keeps_ipc_under_bnss() -> None:
    assert penal_code_for(date(2024, 6, 20)) == "IPC"
    assert procedure_code_for(date(2024, 8, 1)) == "BNSS"


BEFORE = date(2024, 6, 20)
AFTER = date(2024, 7, 1)


@pytest.mark.parametrize(
    ("sections", "offence_date", "expected"),
    [
        ([], AFTER, [("कम से कम एक धारा अंकित करें", "enter at least one section")]),
        (["IPC 376"], BEFORE, []),
        (["BNS 64"], AFTER, []),
        (["POCSO 4", "BNS 64"], AFTER, []),
        (["POCSO 4", "IPC 376", "JJA 75"], BEFORE, []),
        (
            ["BNS 64"],
            BEFORE,
            [
                (
                    "अपराध दिनांक 01-07-2024 से पूर्व का है: BNS 64 के स्थान पर IPC 376 लगाएँ",
                    "offence before 01-07-2024: use IPC 376 instead of BNS 64",
                )
            ],
        ),
        (
            ["IPC 376"],
            AFTER,
            [
                (
                    "अपराध दिनांक 01-07-2024 को या उसके बाद का है: IPC 376 के स्थान पर BNS 64 लगाएँ",
                    "offence on or after 01-07-2024: use BNS 64 instead of IPC 376",
                )
            ],
        ),
        (
            ["BNS 70(2)"],
            BEFORE,
            [
                (
                    "अपराध दिनांक 01-07-2024 से पूर्व का है: "
                    "BNS 70(2) के स्थान पर IPC 376DA या IPC 376DB लगाएँ",
                    "offence before 01-07-2024: use IPC 376DA or IPC 376DB instead of BNS 70(2)",
                )
            ],
        ),
        (
            ["BNS 69"],
            BEFORE,
            [
                (
                    "अपराध दिनांक 01-07-2024 से पूर्व का है: BNS 69 लागू नहीं, "
                    "भारतीय दण्ड विधान (IPC) की धारा लगाएँ",
                    "offence before 01-07-2024: BNS 69 does not apply; "
                    "use a section of the Indian Penal Code (IPC)",
                )
            ],
        ),
        (
            ["IPC 498A", "BNS 85"],
            date(2025, 2, 1),
            [
                (
                    "अपराध दिनांक 01-07-2024 को या उसके बाद का है: IPC 498A के स्थान पर BNS 85 लगाएँ",
                    "offence on or after 01-07-2024: use BNS 85 instead of IPC 498A",
                )
            ],
        ),
        (
            ["BNS 64", "BNS 74", "BNS 64", "BNS 64"],
            AFTER,
            [("धारा BNS 64 एक से अधिक बार अंकित है", "BNS 64 is entered more than once")],
        ),
        (
            ["BNS 999"],
            AFTER,
            [("धारा BNS 999 सूची में नहीं है", "BNS 999 is not in the list of sections")],
        ),
    ],
)
def test_check_sections(
    sections: list[str], offence_date: date, expected: list[tuple[str, str]]
) -> None:
    errors = check_sections(refs(*sections), offence_date, offence_catalogue())
    assert [e.field for e in errors] == ["sections"] * len(expected)
    assert [(e.message.hi, e.message.en) for e in errors] == expected


def test_check_sections_reports_each_bad_section() -> None:
    errors = check_sections(refs("BNS 64", "BNS 85", "POCSO 8"), BEFORE, offence_catalogue())
    assert [e.message.en for e in errors] == [
        "offence before 01-07-2024: use IPC 376 instead of BNS 64",
        "offence before 01-07-2024: use IPC 498A instead of BNS 85",
    ]


@pytest.mark.parametrize(
    ("sections", "head"),
    [
        (["IPC 354", "IPC 376"], "rape"),
        (["POCSO 8", "BNS 64"], "rape"),
        (["BNS 74", "POCSO 8"], "pocso"),
        (["BNS 85", "BNS 80"], "dowry_death"),
        (["BNS 143", "BNS 124(1)"], "acid_attack"),
        (["BNS 137(2)", "BNS 143"], "trafficking"),
        (["BNS 85", "BNS 87"], "kidnapping"),
        (["BNS 74", "BNS 85"], "cruelty"),
        (["BNS 74", "BNS 108"], "molestation"),
        (["JJA 75", "BNS 108"], "abetment_suicide"),
        (["ITA 67", "PCMA 9"], "child_marriage"),
        (["BNS 81", "ITA 67"], "cyber"),
        (["BNS 82(1)"], "other"),
    ],
)
def test_primary_head(sections: list[str], head: str) -> None:
    assert primary_head(refs(*sections), offence_catalogue()) == head


def test_primary_head_needs_known_sections() -> None:
    with pytest.raises(ValueError):
        primary_head([], offence_catalogue())
    with pytest.raises(KeyError):
        primary_head(refs("BNS 999"), offence_catalogue())


@pytest.mark.parametrize(
    ("sections", "minor", "rule"),
    [
        (["BNS 74"], False, "default"),
        (["BNS 74"], True, "statutory"),
        (["BNS 64"], False, "statutory"),
        (["BNS 85", "JJA 75"], False, "statutory"),
        (["IPC 498A", "IPC 354"], False, "default"),
    ],
)
def test_identity_rule_for(sections: list[str], minor: bool, rule: str) -> None:
    assert identity_rule_for(refs(*sections), offence_catalogue(), minor) == rule


@pytest.mark.parametrize(
    ("sections", "mandatory"),
    [
        (["IPC 363"], True),
        (["IPC 366"], True),
        (["BNS 137(2)"], True),
        (["BNS 74", "BNS 87"], True),
        (["IPC 366A"], False),
        (["BNS 139"], False),
        (["BNS 85"], False),
        ([], False),
    ],
)
def test_counselling_mandatory(sections: list[str], mandatory: bool) -> None:
    assert counselling_mandatory(refs(*sections)) is mandatory


@pytest.mark.parametrize(
    ("registered_on", "sections", "until"),
    [
        (date(2025, 3, 15), ["BNS 85"], date(2025, 5, 15)),
        (date(2024, 12, 31), ["BNS 85", "BNS 74"], date(2025, 2, 28)),
        (date(2023, 12, 31), ["IPC 498A"], date(2024, 2, 29)),
        (date(2025, 3, 15), ["BNS 74"], None),
        (date(2025, 3, 15), ["BNS 316(2)"], None),
    ],
)
def test_cooling_off_until(registered_on: date, sections: list[str], until: date | None) -> None:
    assert cooling_off_until(registered_on, refs(*sections)) == until


@pytest.mark.parametrize(
    ("age", "minor"), [(None, None), (0, True), (17, True), (18, False), (45, False)]
)
def test_is_minor(age: int | None, minor: bool | None) -> None:
    assert is_minor(age) is minor


def test_negative_age_is_rejected() -> None:
    with pytest.raises(ValueError):
        is_minor(-1)
