"""Typed, bilingual errors that every layer raises and every front end can show.

A message is always a pair (Hindi, English) so the GUI, the CLI and the server can answer in
the user's language without looking anything up.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    hi: str
    en: str

    def in_language(self, language: str) -> str:
        return self.en if language == "en" else self.hi

    def __str__(self) -> str:
        return f"{self.hi} / {self.en}"


@dataclass(frozen=True)
class FieldError:
    """One problem with one input field; ``field`` is the form/field name it belongs to."""

    field: str
    message: Message


class MskError(Exception):
    """Base of every error a user may see. Never carries victim identity in its text."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


class ValidationError(MskError):
    """Input was rejected; nothing was written."""

    def __init__(self, errors: list[FieldError]) -> None:
        if not errors:
            raise ValueError("ValidationError needs at least one field error")
        joined = Message(
            hi="; ".join(f"{e.field}: {e.message.hi}" for e in errors),
            en="; ".join(f"{e.field}: {e.message.en}" for e in errors),
        )
        super().__init__(joined)
        self.errors = errors

    def for_field(self, field: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == field]


class PermissionDenied(MskError):
    """The signed-in user's role may not do this."""


class NotFound(MskError):
    """The entry does not exist (or was deleted)."""


class WrongPassword(MskError):
    """The password or recovery key does not open the key slot."""


class StoreProblem(MskError):
    """The database file is damaged, unreadable, or the disk refused a write."""


class LoginDelayed(WrongPassword):
    """Too many wrong passwords: the next try is refused until ``seconds`` have passed.

    A wait, never a permanent lock (SECURITY.md): a thana cannot be locked out of its own
    registers by a guesser, but a guesser gets only a few tries an hour."""

    def __init__(self, seconds: int) -> None:
        minutes, rest = divmod(seconds, 60)
        wait = f"{minutes}:{rest:02d}"
        super().__init__(
            Message(
                hi=f"बहुत से गलत पासवर्ड। {wait} मिनट बाद फिर प्रयास करें।",
                en=f"Too many wrong passwords. Try again in {wait} minutes.",
            )
        )
        self.seconds = seconds
