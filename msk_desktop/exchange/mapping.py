"""Which spreadsheet column holds which field: suggested from the header (Hindi or English,
the app's own labels, common paper-register headings), changed by the user, then applied."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from msk_desktop.domain.catalogue import preventive_action_catalogue
from msk_desktop.domain.errors import Message, MskError
from msk_desktop.domain.fields import FieldSpec
from msk_desktop.exchange.sheets import Sheet
from msk_desktop.ops.exchange import SourceRow, import_fields

# Headings stations use besides the app's labels (compared after ``_normal``).
ALIASES: dict[str, tuple[str, ...]] = {
    "crime_no": ("fir no", "crime no", "मुकदमा अपराध संख्या", "अपराध संख्या", "case no"),
    "crime_year": ("year", "सन"),
    "registered_at": ("fir date", "date of fir", "date of registration", "पंजीकरण तिथि"),
    "offence_date": ("offence date", "date of incident", "घटना की तिथि"),
    "sections": ("section", "sections of law", "धारा", "धाराएं"),
    "io_name": ("io", "विवेचक का नाम", "investigating officer name"),
    "received_at": ("date of receipt", "प्राप्ति तिथि", "आवेदन तिथि"),
    "summary": ("complaint", "शिकायत", "विवरण"),
    "action_code": ("action", "धारा / कार्यवाही"),
    "person_name": ("name", "नाम"),
    "held_on": ("date", "तिथि"),
    "people_reached": ("participants", "प्रतिभागियों की संख्या", "संख्या"),
}

_DROPPED = re.compile(r"[\s.,:;_\-/()\[\]'\"#*।]+")
# Hindi abbreviations are written with a zero or a dot: मु0अ0सं0, मु.अ.सं.
_ABBREVIATION = re.compile(r"(?<=[\u0900-\u097f])[0०]")


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    return _DROPPED.sub("", _ABBREVIATION.sub("", text))


def _names(spec: FieldSpec) -> tuple[str, ...]:
    label = spec.label
    return (spec.name, label.hi, label.en, f"{label.hi} / {label.en}", *ALIASES.get(spec.name, ()))


def _candidates(header: str) -> list[str]:
    """The header, then its parts: an export's heading is "हिन्दी / English"."""
    parts = [p for p in re.split(r"\s*[/|\n]\s*", header) if p.strip()]
    return [header, *parts]


def suggest_mapping(register_name: str, headers: Sequence[str]) -> list[str | None]:
    """For each column, the field its header names (each field taken once, first column
    first), or None for a column to leave out."""
    index: dict[str, str] = {}
    for spec in import_fields(register_name):
        for name in _names(spec):
            index.setdefault(_normal(name), spec.name)
    taken: set[str] = set()
    mapping: list[str | None] = []
    for header in headers:
        found = next(
            (
                index[key]
                for key in map(_normal, _candidates(header))
                if key in index and index[key] not in taken
            ),
            None,
        )
        if found is not None:
            taken.add(found)
        mapping.append(found)
    return mapping


def _bad_mapping(hi: str, en: str) -> MskError:
    return MskError(Message(f"स्तम्भ-मिलान सही नहीं: {hi}", f"The column mapping is wrong: {en}"))


def mapping_from_headers(
    register_name: str, headers: Sequence[str], chosen: Mapping[str, str | None]
) -> list[str | None]:
    """The suggestion with the user's choices (header -> field name or None) laid over it."""
    unknown = [h for h in chosen if h not in headers]
    if unknown:
        raise _bad_mapping(f"फ़ाइल में ये स्तम्भ नहीं: {unknown}", f"no such columns: {unknown}")
    mapping = suggest_mapping(register_name, headers)
    # A field the user gave to a column is taken from any column the suggestion gave it.
    picked = {field for field in chosen.values() if field}
    for column, header in enumerate(headers):
        if header in chosen:
            mapping[column] = chosen[header]
        elif mapping[column] in picked:
            mapping[column] = None
    return mapping


def check_mapping(register_name: str, mapping: Sequence[str | None]) -> None:
    fields = {f.name for f in import_fields(register_name)}
    unknown = sorted({m for m in mapping if m is not None and m not in fields})
    if unknown:
        raise _bad_mapping(f"अज्ञात फ़ील्ड {unknown}", f"unknown fields {unknown}")
    used = [m for m in mapping if m is not None]
    twice = sorted({m for m in used if used.count(m) > 1})
    if twice:
        raise _bad_mapping(f"एक फ़ील्ड दो स्तम्भों में: {twice}", f"a field in two columns: {twice}")


def _split_crime_number(values: dict[str, Any]) -> None:
    """ "123/2025" in the crime-number column, as many registers write it."""
    text = str(values.get("crime_no") or "")
    number, slash, year = text.partition("/")
    if slash and "crime_year" not in values:
        values["crime_no"], values["crime_year"] = number.strip(), year.strip()


def _action_code(values: dict[str, Any]) -> None:
    """A preventive action written as the register writes it ("BNSS 126", "CrPC 107" or its
    title) rather than as the catalogue's code."""
    text = values.get("action_code")
    if not isinstance(text, str):
        return
    wanted = _normal(text)
    for kind in preventive_action_catalogue().kinds:
        names = (kind.code, f"{kind.law} {kind.section}", kind.old_law or "", kind.title_hi)
        if wanted in {_normal(n) for n in (*names, kind.title_en) if n}:
            values["action_code"] = kind.code
            return


# Cells that registers write differently from the form, put in the form's terms.
_ADAPT = {"fir": _split_crime_number, "preventive_action": _action_code}


def source_rows(register_name: str, sheet: Sheet, mapping: Sequence[str | None]) -> list[SourceRow]:
    check_mapping(register_name, mapping)
    columns = [(i, name) for i, name in enumerate(mapping) if name is not None]
    rows = []
    for number, cells in sheet.rows:
        values = {name: cells[i] for i, name in columns}
        if register_name in _ADAPT:
            _ADAPT[register_name](values)
        rows.append(SourceRow(number, values))
    return rows
