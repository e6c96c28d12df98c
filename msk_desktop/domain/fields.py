"""Declarative field specs and the one cleaner every input path uses (forms, CLI, import).

A spec says what a field holds; ``clean`` turns raw input (strings from a form or a spreadsheet,
or Python values) into typed values, or into bilingual field errors. Nothing is written by the
caller unless the error list is empty.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from msk_desktop.domain.dates import IST, ascii_digits, format_date, parse_date
from msk_desktop.domain.errors import FieldError, Message

# Police record Indian Standard Time: a time typed without a zone is taken as IST.
__all__ = ["IST", "Choice", "FieldSpec", "Kind", "choices", "clean", "clean_value"]
MAX_TEXT = 4000


class Kind(StrEnum):
    TEXT = "text"
    INT = "int"
    DATE = "date"
    DATETIME = "datetime"
    TIME = "time"
    BOOL = "bool"
    CHOICE = "choice"
    REF = "ref"  # id of another entry


@dataclass(frozen=True)
class Choice:
    code: str
    label: Message


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: Message
    kind: Kind
    required: bool = False
    max_length: int = 200
    min_value: int | None = None
    max_value: int | None = None
    choices: tuple[Choice, ...] = ()
    not_future: bool = False
    multiline: bool = False
    # A number or code typed as it is printed (phone, chargesheet or order number): the form
    # never turns its Roman letters into Devanagari.
    reference: bool = False

    @property
    def takes_words(self) -> bool:
        """Free text a user may type in Hindi (names, places, notes)."""
        return self.kind is Kind.TEXT and not self.reference

    def choice_codes(self) -> frozenset[str]:
        return frozenset(c.code for c in self.choices)


def choices(*pairs: tuple[str, str, str]) -> tuple[Choice, ...]:
    """``choices(("code", "हिन्दी", "English"), ...)``."""
    return tuple(Choice(code, Message(hi, en)) for code, hi, en in pairs)


def _err(spec: FieldSpec, hi: str, en: str) -> FieldError:
    return FieldError(spec.name, Message(f"{spec.label.hi}: {hi}", f"{spec.label.en}: {en}"))


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _clean_text(spec: FieldSpec, value: Any) -> tuple[Any, FieldError | None]:
    if not isinstance(value, str):
        return None, _err(spec, "पाठ होना चाहिए", "must be text")
    text = unicodedata.normalize("NFC", value.strip())
    allowed = {"\n", "\t"} if spec.multiline else set()
    # Cc: control characters; Cs: lone surrogates (a broken paste) that no database can store.
    if any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in allowed for ch in text):
        return None, _err(spec, "अमान्य नियंत्रण वर्ण हैं", "contains control characters")
    limit = spec.max_length if not spec.multiline else max(spec.max_length, MAX_TEXT)
    if len(text) > limit:
        return None, _err(spec, f"अधिकतम {limit} अक्षर", f"at most {limit} characters")
    return text, None


def _clean_int(spec: FieldSpec, value: Any) -> tuple[Any, FieldError | None]:
    if isinstance(value, bool):
        return None, _err(spec, "संख्या होनी चाहिए", "must be a whole number")
    try:
        number = int(ascii_digits(str(value).strip()))
    except ValueError:
        return None, _err(spec, "संख्या होनी चाहिए", "must be a whole number")
    if spec.min_value is not None and number < spec.min_value:
        return None, _err(spec, f"कम से कम {spec.min_value}", f"at least {spec.min_value}")
    if spec.max_value is not None and number > spec.max_value:
        return None, _err(spec, f"अधिकतम {spec.max_value}", f"at most {spec.max_value}")
    return number, None


def _clean_date(spec: FieldSpec, value: Any, today: date) -> tuple[Any, FieldError | None]:
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        try:
            value = parse_date(str(value))
        except ValueError:
            return None, _err(spec, "तिथि DD-MM-YYYY में लिखें", "write the date as DD-MM-YYYY")
    if value.year < 1900:
        return None, _err(spec, "तिथि बहुत पुरानी है", "the date is too far in the past")
    if spec.not_future and value > today:
        return None, _err(
            spec,
            f"भविष्य की तिथि ({format_date(value)}) नहीं हो सकती",
            f"cannot be in the future ({format_date(value)})",
        )
    if value.year > today.year + 10:
        return None, _err(spec, "तिथि बहुत आगे की है", "the date is too far in the future")
    return value, None


def _parse_datetime(text: str) -> datetime | None:
    """ "DD-MM-YYYY HH:MM" as registers write it, or ISO; Devanagari digits allowed."""
    text = ascii_digits(text.strip())
    day, _, clock = text.partition(" ")
    try:
        if clock:
            return datetime.combine(parse_date(day), time.fromisoformat(clock.strip()))
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _clean_datetime(spec: FieldSpec, value: Any, now: datetime) -> tuple[Any, FieldError | None]:
    if isinstance(value, str):
        value = _parse_datetime(value)
        if value is None:
            return None, _err(
                spec, "तिथि-समय DD-MM-YYYY HH:MM में लिखें", "write it as DD-MM-YYYY HH:MM"
            )
    if not isinstance(value, datetime):
        return None, _err(spec, "तिथि-समय होना चाहिए", "must be a date and time")
    if value.tzinfo is None:
        value = value.replace(tzinfo=IST)
    if value.year < 1900:
        return None, _err(spec, "तिथि बहुत पुरानी है", "the date is too far in the past")
    # A few minutes of grace: the PC's clock and the officer's watch rarely agree.
    if spec.not_future and value > now + timedelta(minutes=10):
        return None, _err(spec, "भविष्य का समय नहीं हो सकता", "cannot be in the future")
    return value, None


def _clean_time(spec: FieldSpec, value: Any) -> tuple[Any, FieldError | None]:
    if isinstance(value, time):
        return value, None
    try:
        return time.fromisoformat(str(value).strip()), None
    except ValueError:
        return None, _err(spec, "समय HH:MM में लिखें", "write the time as HH:MM")


def _clean_bool(spec: FieldSpec, value: Any) -> tuple[Any, FieldError | None]:
    if isinstance(value, bool):
        return value, None
    text = str(value).strip().casefold()
    if text in {"1", "true", "yes", "y", "हाँ", "हां"}:
        return True, None
    if text in {"0", "false", "no", "n", "नहीं"}:
        return False, None
    return None, _err(spec, "हाँ या नहीं", "yes or no")


def _clean_choice(spec: FieldSpec, value: Any) -> tuple[Any, FieldError | None]:
    code = str(value).strip()
    if code in spec.choice_codes():
        return code, None
    for choice in spec.choices:  # a spreadsheet may hold the label instead of the code
        if code.casefold() in (choice.label.hi.casefold(), choice.label.en.casefold()):
            return choice.code, None
    return None, _err(spec, "सूची में से चुनें", "choose from the list")


def _clean_ref(spec: FieldSpec, value: Any) -> tuple[Any, FieldError | None]:
    text = str(value).strip()
    if len(text) != 36 or text.count("-") != 4:
        return None, _err(spec, "अमान्य संदर्भ", "invalid reference")
    return text, None


def clean_value(
    spec: FieldSpec, value: Any, today: date, now: datetime
) -> tuple[Any, FieldError | None]:
    if _is_blank(value):
        if spec.required:
            return None, _err(spec, "आवश्यक है", "is required")
        return None, None
    match spec.kind:
        case Kind.TEXT:
            return _clean_text(spec, value)
        case Kind.INT:
            return _clean_int(spec, value)
        case Kind.DATE:
            return _clean_date(spec, value, today)
        case Kind.DATETIME:
            return _clean_datetime(spec, value, now)
        case Kind.TIME:
            return _clean_time(spec, value)
        case Kind.BOOL:
            return _clean_bool(spec, value)
        case Kind.CHOICE:
            return _clean_choice(spec, value)
        case Kind.REF:
            return _clean_ref(spec, value)


def clean(
    specs: Sequence[FieldSpec],
    values: Mapping[str, Any],
    *,
    today: date,
    now: datetime,
    partial: bool = False,
) -> tuple[dict[str, Any], list[FieldError]]:
    """Clean ``values`` against ``specs``. ``partial`` (an edit) checks only the fields given."""
    by_name = {s.name: s for s in specs}
    errors = [
        FieldError(name, Message("यह फ़ील्ड इस रजिस्टर में नहीं है", "no such field here"))
        for name in values
        if name not in by_name
    ]
    cleaned: dict[str, Any] = {}
    for spec in specs:
        if partial and spec.name not in values:
            continue
        value, error = clean_value(spec, values.get(spec.name), today, now)
        if error is not None:
            errors.append(error)
        else:
            cleaned[spec.name] = value
    return cleaned, errors
