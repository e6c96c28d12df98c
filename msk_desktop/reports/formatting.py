"""How values print: DD-MM-YYYY dates, IST times, closed lists by their Hindi labels, rates as
percentages. Printouts are Hindi first, so a choice prints its Hindi label."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from msk_desktop.domain.catalogue import HEAD_TITLES, preventive_action_catalogue
from msk_desktop.domain.dates import IST, format_date
from msk_desktop.domain.errors import Message
from msk_desktop.domain.fields import Choice, FieldSpec, Kind

EMPTY = "-"
YES = Message("हाँ", "Yes")
NO = Message("नहीं", "No")


def format_moment(moment: datetime) -> str:
    """An aware timestamp as the Indian date and time, "DD-MM-YYYY HH:MM"."""
    local = moment.astimezone(IST)
    return f"{format_date(local.date())} {local:%H:%M}"


def choice_label(choices: Sequence[Choice], code: str | None) -> str:
    if code is None:
        return EMPTY
    for choice in choices:
        if choice.code == code:
            return choice.label.hi
    return code  # a code from a newer version of the lists: print it rather than hide it


def head_title(head: str) -> Message:
    return HEAD_TITLES.get(head, Message(head, head))


def action_title(code: str) -> Message:
    kind = preventive_action_catalogue().get(code)
    return Message(kind.title_hi, kind.title_en) if kind else Message(code, code)


def format_value(spec: FieldSpec, value: Any) -> str:
    """One stored value of a form field as it prints in a register."""
    if value is None or value == "":
        return EMPTY
    if spec.kind is Kind.CHOICE:
        return choice_label(spec.choices, str(value))
    if isinstance(value, bool):
        return (YES if value else NO).hi
    if isinstance(value, datetime):
        return format_moment(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if spec.name == "action_code":
        return action_title(str(value)).hi
    return str(value)


def format_days(days: float | None) -> str:
    return EMPTY if days is None else f"{days:.1f}"


def format_rate(rate: float | None) -> str:
    """A share as a percentage with one decimal; nothing to divide by prints as "-"."""
    return EMPTY if rate is None else f"{rate * 100:.1f}%"
