"""The interface language, switchable while the app runs.

App text is bilingual at the source (``Message``: the same objects the domain, the CLI and the
server use), so switching needs no catalogue lookup; widgets re-read their texts when told.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from msk_desktop.domain.errors import Message

HINDI, ENGLISH = "hi", "en"


class Language(QObject):
    changed = Signal(str)

    def __init__(self, code: str = HINDI) -> None:
        super().__init__()
        self.code = code

    def set(self, code: str) -> None:
        if code != self.code:
            self.code = code
            self.changed.emit(code)

    def text(self, message: Message) -> str:
        return message.in_language(self.code)

    def __call__(self, hi: str, en: str) -> str:
        return hi if self.code == HINDI else en
