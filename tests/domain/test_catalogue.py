from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from msk_desktop.domain.catalogue import (
    HEAD_TITLES,
    OFFENCE_COLUMNS,
    PREVENTIVE_COLUMNS,
    OffenceCatalogue,
    OffenceSection,
    PreventiveActionCatalogue,
    SectionRef,
    offence_catalogue,
    preventive_action_catalogue,
)
from msk_desktop.domain.resources import resources_dir


def ref(text: str) -> SectionRef:
    return SectionRef.parse(text)


def labels(entries: Iterable[OffenceSection]) -> list[str]:
    return [entry.ref.label() for entry in entries]


# --- resources -------------------------------------------------------------------------------


def test_resources_dir_in_a_checkout_holds_the_reference_csvs() -> None:
    folder = resources_dir()
    assert folder.name == "resources"
    assert (folder / "reference" / "offence_sections.csv").is_file()
    assert (folder / "reference" / "preventive_actions.csv").is_file()


def test_resources_dir_in_a_pyinstaller_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "resources").mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"


def test_resources_dir_missing_in_a_bundle_is_reported(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    with pytest.raises(FileNotFoundError, match="resources folder is missing"):
        resources_dir()


# --- SectionRef --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "law", "section"),
    [
        ("BNS 64", "BNS", "64"),
        ("bns 64", "BNS", "64"),
        ("  BNS   64 ", "BNS", "64"),
        ("BNS64", "BNS", "64"),
        ("IPC 376(3)", "IPC", "376(3)"),
        ("ipc 376ab", "IPC", "376AB"),
        ("POCSO 4", "POCSO", "4"),
        ("BNS 70(2)", "BNS", "70(2)"),
        ("ita 66e", "ITA", "66E"),
        ("BNS ६४", "BNS", "64"),
    ],
)
def test_section_ref_parse(text: str, law: str, section: str) -> None:
    parsed = SectionRef.parse(text)
    assert parsed == SectionRef(law, section)
    assert parsed.label() == f"{law} {section}"


@pytest.mark.parametrize(
    "text", ["", "64", "BNS", "BNS sixty", "XYZ 12", "BNS 64 IPC 376", "BNS (2)", "BNS 64-"]
)
def test_section_ref_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        SectionRef.parse(text)


# --- offence catalogue -------------------------------------------------------------------------


def test_offence_catalogue_keeps_csv_order_and_fields() -> None:
    catalogue = offence_catalogue()
    assert len(catalogue.sections) == 103
    first = catalogue.sections[0]
    assert first.ref == ref("IPC 376")
    assert first.title_en == "Rape (punishment)"
    assert first.title_hi == "बलात्कार"
    assert first.head == "rape"
    assert first.equivalents == (ref("BNS 64"),)
    assert first.identity_rule == "statutory"
    assert first.investigation_days == 60
    assert catalogue.sections[-1].ref == ref("JJA 81")


@pytest.mark.parametrize(
    ("text", "equivalents", "identity_rule", "days"),
    [
        ("BNS 69", (), "statutory", None),
        ("BNS 70(2)", ("IPC 376DA", "IPC 376DB"), "statutory", 60),
        ("IPC 376DB", ("BNS 70(2)",), "statutory", 60),
        ("BNS 85", ("IPC 498A",), "default", None),
        ("POCSO 10", (), "statutory", 60),
        ("POCSO 12", (), "statutory", None),
        ("ITA 67B", (), "statutory", None),
    ],
)
def test_offence_rows_are_parsed(
    text: str, equivalents: tuple[str, ...], identity_rule: str, days: int | None
) -> None:
    entry = offence_catalogue().require(ref(text))
    assert entry.equivalents == tuple(ref(e) for e in equivalents)
    assert entry.identity_rule == identity_rule
    assert entry.investigation_days == days


def test_get_and_require() -> None:
    catalogue = offence_catalogue()
    missing = SectionRef("BNS", "999")
    assert catalogue.get(missing) is None
    with pytest.raises(KeyError, match="BNS 999"):
        catalogue.require(missing)
    entry = catalogue.get(ref("bns 64"))
    assert entry is not None
    assert entry.title_hi == "बलात्संग"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IPC 376", ["BNS 64"]),
        ("BNS 64", ["IPC 376"]),
        ("BNS 70(2)", ["IPC 376DA", "IPC 376DB"]),
        ("IPC 376DA", ["BNS 70(2)"]),
        ("IPC 406", ["BNS 316(2)"]),
        ("POCSO 4", []),
        ("BNS 69", []),
        ("BNS 999", []),
    ],
)
def test_equivalents_of_works_both_ways(text: str, expected: list[str]) -> None:
    assert labels(offence_catalogue().equivalents_of(ref(text))) == expected


def test_every_equivalence_is_symmetric_and_crosses_the_2024_change() -> None:
    catalogue = offence_catalogue()
    for entry in catalogue.sections:
        for other in catalogue.equivalents_of(entry.ref):
            assert {entry.ref.law, other.ref.law} == {"IPC", "BNS"}
            assert entry in catalogue.equivalents_of(other.ref)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "376",
            [
                "IPC 376",
                "BNS 64",
                "IPC 376(3)",
                "IPC 376AB",
                "IPC 376A",
                "IPC 376B",
                "IPC 376C",
                "IPC 376D",
                "IPC 376DA",
                "IPC 376DB",
                "IPC 376E",
                "BNS 65(1)",
                "BNS 65(2)",
                "BNS 66",
                "BNS 67",
                "BNS 68",
                "BNS 70(1)",
                "BNS 70(2)",
                "BNS 71",
            ],
        ),
        ("64", ["BNS 64", "IPC 376"]),
        ("३७६(3)", ["IPC 376(3)", "BNS 65(1)"]),
        ("65", ["BNS 65(1)", "BNS 65(2)", "IPC 376(3)", "IPC 376AB"]),
        ("498a", ["IPC 498A", "BNS 85"]),
        ("bns 85", ["BNS 85"]),
        ("BNS85", ["BNS 85"]),
        ("ipc 376d", ["IPC 376D", "IPC 376DA", "IPC 376DB"]),
        ("bns 6", ["BNS 64", "BNS 65(1)", "BNS 65(2)", "BNS 66", "BNS 67", "BNS 68", "BNS 69"]),
        (
            "pocso",
            ["POCSO 4", "POCSO 6", "POCSO 8", "POCSO 10", "POCSO 12", "POCSO 14", "POCSO 15"],
        ),
        ("cruelty", ["IPC 498A", "BNS 85", "JJA 75"]),
        ("CRUELTY BY", ["IPC 498A", "BNS 85"]),
        ("क्रूरता", ["IPC 498A", "BNS 85", "JJA 75"]),
        ("दहेज मृत्यु", ["IPC 304B", "BNS 80"]),
        # ड़ typed as ड + nukta must find the precomposed spelling in the CSV
        ("छेड\u093cछाड\u093c", ["IPC 354"]),
        ("stalking", ["IPC 354D", "BNS 78"]),
        ("999", []),
        ("no such offence", []),
        ("   ", []),
    ],
)
def test_search(query: str, expected: list[str]) -> None:
    assert labels(offence_catalogue().search(query)) == expected


def test_search_ranks_exact_numbers_of_any_law_first() -> None:
    found = labels(offence_catalogue().search("4"))
    assert found[:3] == ["POCSO 4", "DPA 4", "ITPA 4"]
    assert "IPC 498A" in found
    assert found.index("IPC 498A") < found.index("BNS 85")


def test_search_limit() -> None:
    catalogue = offence_catalogue()
    assert labels(catalogue.search("376", limit=3)) == ["IPC 376", "BNS 64", "IPC 376(3)"]
    assert len(catalogue.search("a")) == 20
    with pytest.raises(ValueError):
        catalogue.search("376", limit=0)


def test_heads_are_distinct_in_csv_order() -> None:
    assert offence_catalogue().heads() == (
        "rape",
        "molestation",
        "dowry_death",
        "cruelty",
        "abetment_suicide",
        "acid_attack",
        "kidnapping",
        "trafficking",
        "miscarriage",
        "other",
        "pocso",
        "dowry_prohibition",
        "domestic_violence",
        "immoral_traffic",
        "child_marriage",
        "cyber",
        "jj_act",
    )


def test_every_head_has_a_bilingual_title() -> None:
    for head in offence_catalogue().heads():
        title = HEAD_TITLES[head]
        assert title.hi.strip()
        assert title.en.strip()
        assert title.hi != title.en


@pytest.mark.parametrize(
    ("head", "hi", "en"),
    [
        ("rape", "बलात्कार", "Rape"),
        ("pocso", "पॉक्सो अधिनियम", "POCSO Act"),
        ("molestation", "छेड़छाड़ / लज्जा भंग", "Outraging modesty"),
    ],
)
def test_head_titles(head: str, hi: str, en: str) -> None:
    assert (HEAD_TITLES[head].hi, HEAD_TITLES[head].en) == (hi, en)


# --- CSV validation ------------------------------------------------------------------------------

GOOD_OFFENCE_ROWS = [
    "IPC,376,Rape (punishment),बलात्कार,rape,BNS 64,statutory,60",
    "BNS,64,Rape (punishment),बलात्संग,rape,IPC 376,statutory,60",
]


def write_csv(folder: Path, columns: tuple[str, ...], rows: list[str], name: str) -> Path:
    path = folder / name
    path.write_text("\n".join([",".join(columns), *rows]) + "\n", encoding="utf-8")
    return path


def test_a_small_offence_csv_loads(tmp_path: Path) -> None:
    path = write_csv(tmp_path, OFFENCE_COLUMNS, [*GOOD_OFFENCE_ROWS, ""], "o.csv")
    catalogue = OffenceCatalogue.from_csv(path)
    assert labels(catalogue.sections) == ["IPC 376", "BNS 64"]


def test_a_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    text = "\n".join([",".join(OFFENCE_COLUMNS), *GOOD_OFFENCE_ROWS])
    path.write_text(text, encoding="utf-8-sig")
    assert len(OffenceCatalogue.from_csv(path).sections) == 2


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        ("XYZ,12,Something,कुछ,other,,default,", r"o\.csv line 3: unknown law 'XYZ'"),
        ("BNS,75,Harassment,उत्पीड़न,molestation,,sometimes,", r"o\.csv line 3: identity_rule"),
        ("BNS,65(1),Rape,बलात्संग,rape,,statutory,sixty", r"o\.csv line 3: investigation_days"),
        ("BNS,65(1),Rape,बलात्संग,rape,,statutory,0", r"o\.csv line 3: investigation_days"),
        ("BNS,65(1),Rape,बलात्संग,rape,,statutory,-5", r"o\.csv line 3: investigation_days"),
        ("BNS,65(1),Rape,बलात्संग,rape,,statutory,६०", r"o\.csv line 3: investigation_days"),
        ("BNS,75,,उत्पीड़न,molestation,,default,", r"o\.csv line 3: title_en is empty"),
        ("BNS,75,Harassment,उत्पीड़न,,,default,", r"o\.csv line 3: head is empty"),
        ("BNS,75,Harassment,उत्पीड़न,molestation,default,", r"o\.csv line 3: 7 fields"),
        ("BNS,75,Harassment,उत्पीड़न,molestation,IPC,default,", r"o\.csv line 3: not a section"),
        ("BNS,75,Harassment,उत्पीड़न,molestation,IPC 354A,default,", "IPC 354A is not in"),
        ("BNS,64,Rape again,बलात्संग,rape,,statutory,60", "BNS 64 is listed twice"),
    ],
)
def test_bad_offence_rows_are_rejected(tmp_path: Path, bad_row: str, message: str) -> None:
    path = write_csv(
        tmp_path, OFFENCE_COLUMNS, [GOOD_OFFENCE_ROWS[0], bad_row, *GOOD_OFFENCE_ROWS[1:]], "o.csv"
    )
    with pytest.raises(ValueError, match=message):
        OffenceCatalogue.from_csv(path)


def test_wrong_columns_are_rejected(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path, OFFENCE_COLUMNS[:-1], ["IPC,376,Rape,बलात्कार,rape,,statutory"], "o.csv"
    )
    with pytest.raises(ValueError, match="expected the columns"):
        OffenceCatalogue.from_csv(path)


# --- preventive actions --------------------------------------------------------------------------


def test_preventive_action_catalogue() -> None:
    catalogue = preventive_action_catalogue()
    assert [kind.code for kind in catalogue.kinds][:4] == [
        "bond_peace",
        "bond_suspect",
        "bond_habitual",
        "inquiry_interim",
    ]
    assert len(catalogue.kinds) == 11
    peace = catalogue.require("bond_peace")
    assert (peace.law, peace.section, peace.old_law, peace.max_months) == (
        "BNSS",
        "126",
        "CrPC 107",
        12,
    )
    assert peace.ordered_by == "Executive Magistrate"
    assert catalogue.require("bond_habitual").max_months == 36
    gangster = catalogue.require("gangster")
    assert (gangster.old_law, gangster.max_months, gangster.notes) == (None, None, "")
    assert catalogue.get("no_such_action") is None
    with pytest.raises(KeyError, match="no_such_action"):
        catalogue.require("no_such_action")


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        (
            "bond_x,BNSS,126,,Bond,बंधपत्र,Executive Magistrate,twelve,",
            r"p\.csv line 3: max_months",
        ),
        ("bond_x,BNSS,126,,Bond,बंधपत्र,,12,", r"p\.csv line 3: ordered_by is empty"),
        (",BNSS,126,,Bond,बंधपत्र,Executive Magistrate,12,", r"p\.csv line 3: code is empty"),
        (
            "bond_peace,BNSS,126,,Bond,बंधपत्र,Executive Magistrate,12,",
            "'bond_peace' is listed twice",
        ),
    ],
)
def test_bad_preventive_rows_are_rejected(tmp_path: Path, bad_row: str, message: str) -> None:
    good = "bond_peace,BNSS,126,CrPC 107,Peace,शांति,Executive Magistrate,12,at most a year"
    path = write_csv(tmp_path, PREVENTIVE_COLUMNS, [good, bad_row], "p.csv")
    with pytest.raises(ValueError, match=message):
        PreventiveActionCatalogue.from_csv(path)
