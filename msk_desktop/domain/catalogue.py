"""The offence-section and preventive-action catalogues shipped in resources/reference."""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from msk_desktop.domain.dates import ascii_digits
from msk_desktop.domain.errors import Message
from msk_desktop.domain.resources import resources_dir

IdentityRule = Literal["statutory", "default"]

PENAL_CODES = frozenset({"IPC", "BNS"})
LAWS = PENAL_CODES | frozenset({"POCSO", "DPA", "PWDVA", "ITPA", "PCMA", "ITA", "JJA"})

_SECTION = r"[0-9]+[A-Za-z]*(?:\([0-9]+\))*"
_REF = re.compile(rf"([A-Za-z]+)\s*({_SECTION})")
_LAW_QUERY = re.compile(r"([A-Za-z]+)\s*(\S*)")
_IDENTITY_RULES: dict[str, IdentityRule] = {"statutory": "statutory", "default": "default"}

OFFENCE_COLUMNS = (
    "law",
    "section",
    "title_en",
    "title_hi",
    "head",
    "equivalent",
    "identity_rule",
    "investigation_days",
)
PREVENTIVE_COLUMNS = (
    "code",
    "law",
    "section",
    "old_law",
    "title_en",
    "title_hi",
    "ordered_by",
    "max_months",
    "notes",
)
_OFFENCE_REQUIRED = ("law", "section", "title_en", "title_hi", "head", "identity_rule")
_PREVENTIVE_REQUIRED = ("code", "law", "section", "title_en", "title_hi", "ordered_by")

HEAD_TITLES: dict[str, Message] = {
    "rape": Message(hi="बलात्कार", en="Rape"),
    "pocso": Message(hi="पॉक्सो अधिनियम", en="POCSO Act"),
    "molestation": Message(hi="छेड़छाड़ / लज्जा भंग", en="Outraging modesty"),
    "dowry_death": Message(hi="दहेज मृत्यु", en="Dowry death"),
    "cruelty": Message(hi="पति या नातेदार द्वारा क्रूरता", en="Cruelty by husband or relatives"),
    "abetment_suicide": Message(hi="आत्महत्या का दुष्प्रेरण", en="Abetment of suicide"),
    "acid_attack": Message(hi="अम्ल (एसिड) हमला", en="Acid attack"),
    "kidnapping": Message(hi="व्यपहरण / अपहरण", en="Kidnapping and abduction"),
    "trafficking": Message(hi="मानव दुर्व्यापार", en="Human trafficking"),
    "miscarriage": Message(hi="गर्भपात कारित करना", en="Causing miscarriage"),
    "other": Message(hi="अन्य", en="Other"),
    "dowry_prohibition": Message(hi="दहेज प्रतिषेध अधिनियम", en="Dowry Prohibition Act"),
    "domestic_violence": Message(
        hi="घरेलू हिंसा से महिलाओं का संरक्षण अधिनियम",
        en="Protection of Women from Domestic Violence Act",
    ),
    "immoral_traffic": Message(
        hi="अनैतिक व्यापार (निवारण) अधिनियम", en="Immoral Traffic (Prevention) Act"
    ),
    "child_marriage": Message(
        hi="बाल विवाह प्रतिषेध अधिनियम", en="Prohibition of Child Marriage Act"
    ),
    "cyber": Message(hi="साइबर अपराध (आई0टी0 एक्ट)", en="Cyber crime (IT Act)"),
    "jj_act": Message(hi="किशोर न्याय अधिनियम", en="Juvenile Justice Act"),
}


@dataclass(frozen=True)
class SectionRef:
    law: str
    section: str

    def label(self) -> str:
        return f"{self.law} {self.section}"

    @classmethod
    def parse(cls, text: str) -> SectionRef:
        match = _REF.fullmatch(ascii_digits(text.strip()))
        if match is None:
            raise ValueError(f"not a section: {text!r} (expected e.g. 'BNS 64' or 'IPC 376(3)')")
        law = match[1].upper()
        if law not in LAWS:
            raise ValueError(f"unknown law {match[1]!r} in {text!r}")
        return cls(law, match[2].upper())


@dataclass(frozen=True)
class OffenceSection:
    ref: SectionRef
    title_en: str
    title_hi: str
    head: str
    equivalents: tuple[SectionRef, ...]
    identity_rule: IdentityRule
    investigation_days: int | None


@dataclass(frozen=True)
class PreventiveActionKind:
    code: str
    law: str
    section: str
    old_law: str | None
    title_en: str
    title_hi: str
    ordered_by: str
    max_months: int | None
    notes: str


def _parse_equivalents(text: str) -> tuple[SectionRef, ...]:
    """``""``, ``"BNS 64"`` or ``"IPC 376DA/376DB"`` (a slash lists sections of one law)."""
    text = text.strip()
    if not text:
        return ()
    law, _, sections = text.partition(" ")
    return tuple(SectionRef.parse(f"{law} {section}") for section in sections.split("/"))


def _nfc(text: str) -> str:
    # Typed Hindi may carry nukta letters (ड़) precomposed or not; NFC makes both spellings equal.
    return unicodedata.normalize("NFC", text)


class OffenceCatalogue:
    def __init__(self, sections: Iterable[OffenceSection]) -> None:
        self.sections = tuple(sections)
        self._by_ref: dict[SectionRef, OffenceSection] = {}
        self._position: dict[SectionRef, int] = {}
        for index, entry in enumerate(self.sections):
            if entry.ref in self._by_ref:
                raise ValueError(f"section {entry.ref.label()} is listed twice")
            self._by_ref[entry.ref] = entry
            self._position[entry.ref] = index
        self._equivalents: dict[SectionRef, list[SectionRef]] = {}
        for entry in self.sections:
            for other in entry.equivalents:
                if other not in self._by_ref:
                    raise ValueError(
                        f"{entry.ref.label()}: equivalent {other.label()} is not in the catalogue"
                    )
                self._link(entry.ref, other)
                self._link(other, entry.ref)
        # Once: every FIR saved asks for them (an import of 10,000 FIRs asked 10,000 times).
        self._heads = tuple(dict.fromkeys(entry.head for entry in self.sections))

    def _link(self, ref: SectionRef, other: SectionRef) -> None:
        linked = self._equivalents.setdefault(ref, [])
        if other not in linked:
            linked.append(other)

    @classmethod
    def from_csv(cls, path: Path) -> OffenceCatalogue:
        rows = _read_rows(path, OFFENCE_COLUMNS, _OFFENCE_REQUIRED)
        return cls(_offence_row(where, row) for where, row in rows)

    def get(self, ref: SectionRef) -> OffenceSection | None:
        return self._by_ref.get(ref)

    def require(self, ref: SectionRef) -> OffenceSection:
        entry = self._by_ref.get(ref)
        if entry is None:
            raise KeyError(f"section {ref.label()} is not in the catalogue")
        return entry

    def equivalents_of(self, ref: SectionRef) -> tuple[OffenceSection, ...]:
        """Sections of the other penal code, whichever side of the 2024 change ``ref`` is on."""
        return tuple(self._by_ref[other] for other in self._equivalents.get(ref, ()))

    def heads(self) -> tuple[str, ...]:
        return self._heads

    def search(self, text: str, limit: int = 20) -> list[OffenceSection]:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        query = _nfc(ascii_digits(text.strip()))
        if not query:
            return []
        law_query = _LAW_QUERY.fullmatch(query)
        if law_query is not None and law_query[1].upper() in LAWS:
            law = law_query[1].upper()
            found = self._by_number(law_query[2].upper(), law=law, with_equivalents=False)
        elif query[0].isdigit():
            found = self._by_number(query.upper(), law=None, with_equivalents=True)
        else:
            needle = query.casefold()
            found = [
                entry
                for entry in self.sections
                if needle in entry.title_en.casefold() or needle in entry.title_hi.casefold()
            ]
        return found[:limit]

    def _by_number(
        self, number: str, *, law: str | None, with_equivalents: bool
    ) -> list[OffenceSection]:
        # Ranks: 0 exact section, 1 its equivalent, 2 section starting with the number,
        # 3 equivalent of such a section; ties keep CSV order.
        rank: dict[SectionRef, int] = {}
        for entry in self.sections:
            if law is not None and entry.ref.law != law:
                continue
            if entry.ref.section == number:
                rank[entry.ref] = 0
            elif entry.ref.section.startswith(number):
                rank[entry.ref] = 2
        if with_equivalents:
            for ref, own in list(rank.items()):
                for other in self._equivalents.get(ref, ()):
                    rank[other] = min(rank.get(other, own + 1), own + 1)
        ordered = sorted(rank, key=lambda ref: (rank[ref], self._position[ref]))
        return [self._by_ref[ref] for ref in ordered]


class PreventiveActionCatalogue:
    def __init__(self, kinds: Iterable[PreventiveActionKind]) -> None:
        self.kinds = tuple(kinds)
        self._by_code: dict[str, PreventiveActionKind] = {}
        for kind in self.kinds:
            if kind.code in self._by_code:
                raise ValueError(f"preventive action {kind.code!r} is listed twice")
            self._by_code[kind.code] = kind

    @classmethod
    def from_csv(cls, path: Path) -> PreventiveActionCatalogue:
        rows = _read_rows(path, PREVENTIVE_COLUMNS, _PREVENTIVE_REQUIRED)
        return cls(_preventive_row(where, row) for where, row in rows)

    def get(self, code: str) -> PreventiveActionKind | None:
        return self._by_code.get(code)

    def require(self, code: str) -> PreventiveActionKind:
        kind = self._by_code.get(code)
        if kind is None:
            raise KeyError(f"preventive action {code!r} is not in the catalogue")
        return kind


@functools.cache
def offence_catalogue() -> OffenceCatalogue:
    return OffenceCatalogue.from_csv(resources_dir() / "reference" / "offence_sections.csv")


@functools.cache
def preventive_action_catalogue() -> PreventiveActionCatalogue:
    return PreventiveActionCatalogue.from_csv(
        resources_dir() / "reference" / "preventive_actions.csv"
    )


def _read_rows(
    path: Path, columns: tuple[str, ...], required: tuple[str, ...]
) -> Iterator[tuple[str, dict[str, str]]]:
    """Yield ("<file> line <n>", row) so every complaint about the data says where to look."""
    # utf-8-sig: a file saved from Excel starts with a byte-order mark the header must not keep.
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None or tuple(header) != columns:
            raise ValueError(f"{path.name}: expected the columns {', '.join(columns)}")
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            where = f"{path.name} line {reader.line_num}"
            if len(cells) != len(columns):
                raise ValueError(f"{where}: {len(cells)} fields instead of {len(columns)}")
            row = {name: _nfc(cell.strip()) for name, cell in zip(columns, cells, strict=True)}
            for name in required:
                if not row[name]:
                    raise ValueError(f"{where}: {name} is empty")
            yield where, row


def _offence_row(where: str, row: dict[str, str]) -> OffenceSection:
    try:
        ref = SectionRef.parse(f"{row['law']} {row['section']}")
        equivalents = _parse_equivalents(row["equivalent"])
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None
    identity_rule = _IDENTITY_RULES.get(row["identity_rule"])
    if identity_rule is None:
        raise ValueError(
            f"{where}: identity_rule must be 'statutory' or 'default', not {row['identity_rule']!r}"
        )
    return OffenceSection(
        ref=ref,
        title_en=row["title_en"],
        title_hi=row["title_hi"],
        head=row["head"],
        equivalents=equivalents,
        identity_rule=identity_rule,
        investigation_days=_optional_positive_int(where, "investigation_days", row),
    )


def _preventive_row(where: str, row: dict[str, str]) -> PreventiveActionKind:
    return PreventiveActionKind(
        code=row["code"],
        law=row["law"],
        section=row["section"],
        old_law=row["old_law"] or None,
        title_en=row["title_en"],
        title_hi=row["title_hi"],
        ordered_by=row["ordered_by"],
        max_months=_optional_positive_int(where, "max_months", row),
        notes=row["notes"],
    )


def _optional_positive_int(where: str, name: str, row: dict[str, str]) -> int | None:
    text = row[name]
    if not text:
        return None
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise ValueError(f"{where}: {name} must be a whole number above 0, not {text!r}")
    return int(text)
