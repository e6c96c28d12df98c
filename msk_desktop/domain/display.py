"""How stored values read to a person, on screen, in exports and on paper: DD-MM-YYYY dates,
Indian times, closed lists and catalogue codes by their labels."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from msk_desktop.domain.catalogue import HEAD_TITLES, preventive_action_catalogue
from msk_desktop.domain.dates import format_date, format_moment
from msk_desktop.domain.errors import Message
from msk_desktop.domain.fields import FieldSpec, Kind

YES_NO = (Message("हाँ", "Yes"), Message("नहीं", "No"))


def label_of(spec: FieldSpec, value: Any, language: str) -> str | None:
    """A coded value's label (yes/no, a closed list, a crime head, a preventive action), or
    None when the value is not a code."""
    if isinstance(value, bool):
        return YES_NO[0 if value else 1].in_language(language)
    if spec.kind is Kind.CHOICE:
        for choice in spec.choices:
            if choice.code == value:
                return choice.label.in_language(language)
    if spec.name == "crime_head" and value in HEAD_TITLES:
        return HEAD_TITLES[value].in_language(language)
    if spec.name == "action_code":
        kind = preventive_action_catalogue().get(str(value))
        if kind is not None:
            return kind.title_hi if language == "hi" else kind.title_en
    return None


def display(spec: FieldSpec, value: Any, language: str) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_moment(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, time):
        return f"{value:%H:%M}"
    label = label_of(spec, value, language)
    return label if label is not None else str(value)
