"""Typing Hindi in Roman letters: a QLineEdit or QPlainTextEdit in transliteration mode turns
each word into Devanagari when it ends (space, punctuation, Enter, leaving the field).

The word stays in Roman letters while it is typed, so the constable sees exactly what was
keyed; Backspace right after a word was converted brings the Roman word back to be corrected.
Ctrl+Space (or the अ/A mark in a line edit) switches the mode. One mode object is shared by the
fields of the app, as a keyboard layout is: switched on in one field, it is on in all.
The scheme itself is pure and lives in :mod:`msk_desktop.domain.transliteration`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFocusEvent, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from msk_desktop.domain.errors import Message
from msk_desktop.domain.transliteration import inside_braces, pending_roman_start, to_devanagari
from msk_desktop.gui.language import Language

TextField = QLineEdit | QPlainTextEdit

# Characters that end a word. "." is not one: it starts ".D", ".n", ".h"; nor are "|" (the
# danda), "_", "~", "^" and the braces, which the scheme reads inside a word.
WORD_ENDS = frozenset(" \t,;:?!()[]\"'/-")
TOOLTIP = Message(
    "रोमन अक्षरों से हिन्दी टाइप करें (Ctrl+Space): mahila → महिला",
    "Type Hindi in Roman letters (Ctrl+Space): mahila → महिला",
)


class TransliterationMode(QObject):
    """Whether Roman typing becomes Devanagari; shared by every field that follows it."""

    changed = Signal(bool)

    def __init__(self, enabled: bool = False) -> None:
        super().__init__()
        self._enabled = enabled

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        if enabled != self._enabled:
            self._enabled = enabled
            self.changed.emit(enabled)

    def toggle(self) -> None:
        self.set_enabled(not self._enabled)


_app_mode: TransliterationMode | None = None


def app_mode() -> TransliterationMode:
    """The mode the app's fields share (created on first use, off)."""
    global _app_mode  # noqa: PLW0603 - one keyboard mode per running app, like the OS layout
    if _app_mode is None:
        _app_mode = TransliterationMode()
    return _app_mode


@dataclass(frozen=True)
class _Converted:
    """The last word converted, for Backspace to bring back: it sat at ``start`` in its line,
    followed by the ``trigger`` the user typed."""

    line_start: int  # where its line begins in the field (UTF-16 units, as Qt counts)
    start: int  # within the line, in Python characters
    devanagari: str
    roman: str
    trigger: str


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _utf16_prefix(text: str, units: int) -> str:
    return text.encode("utf-16-le")[: 2 * units].decode("utf-16-le", errors="ignore")


class TransliterationInput(QObject):
    """Puts one text field under a :class:`TransliterationMode` (its own if none is given)."""

    def __init__(
        self,
        field: TextField,
        mode: TransliterationMode | None = None,
        language: Language | None = None,
    ) -> None:
        super().__init__(field)
        self.field, self.language = field, language
        self.mode = mode if mode is not None else TransliterationMode()
        self._last: _Converted | None = None
        self.indicator: QAction | None = None
        if isinstance(field, QLineEdit):
            self.indicator = QAction(field)
            self.indicator.setCheckable(True)
            self.indicator.setObjectName("transliteration_toggle")
            self.indicator.triggered.connect(self.mode.set_enabled)
            field.addAction(self.indicator, QLineEdit.ActionPosition.TrailingPosition)
        field.installEventFilter(self)
        self.mode.changed.connect(self._show_mode)
        if language is not None:
            language.changed.connect(self._show_mode)
        self._show_mode()

    @property
    def enabled(self) -> bool:
        return self.mode.enabled

    def _show_mode(self, *_args: object) -> None:
        tip = self.language.text(TOOLTIP) if self.language else str(TOOLTIP)
        self.field.setToolTip(tip)
        if self.indicator is not None:
            self.indicator.setChecked(self.mode.enabled)
            self.indicator.setIcon(_mark_icon("अ" if self.mode.enabled else "A"))
            self.indicator.setToolTip(tip)

    # ---- the field's text around the cursor --------------------------------------------------

    def _line_before_cursor(self) -> tuple[int, str]:
        """(where the cursor's line starts in the field, the line's text before the cursor)."""
        field = self.field
        if isinstance(field, QLineEdit):
            return 0, _utf16_prefix(field.text(), field.cursorPosition())
        cursor = field.textCursor()
        block = cursor.block()
        return block.position(), _utf16_prefix(block.text(), cursor.positionInBlock())

    def _replace_before_cursor(self, line_start: int, line: str, start: int, text: str) -> None:
        """Put ``text`` in place of ``line[start:]`` (which ends at the cursor), as one edit
        so Ctrl+Z undoes it."""
        begin = line_start + _utf16_len(line[:start])
        end = line_start + _utf16_len(line)
        field = self.field
        if isinstance(field, QLineEdit):
            field.setSelection(begin, end - begin)
            field.insert(text)
        else:
            cursor = field.textCursor()
            cursor.setPosition(begin)
            cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
            cursor.insertText(text)
            field.setTextCursor(cursor)

    # ---- converting --------------------------------------------------------------------------

    def commit_pending(self, trigger: str = "") -> bool:
        """Convert the Roman word before the cursor; True when something changed. A word inside
        an open "{" is left alone: the user is typing text to keep as it is."""
        self._last = None
        line_start, line = self._line_before_cursor()
        if inside_braces(line):
            return False
        start = pending_roman_start(line)
        roman = line[start:]
        devanagari = to_devanagari(roman)
        if devanagari == roman:
            return False
        self._replace_before_cursor(line_start, line, start, devanagari)
        if trigger:
            self._last = _Converted(line_start, start, devanagari, roman, trigger)
        return True

    def _bring_back_roman(self) -> bool:
        """Backspace just after a converted word and its trigger: the Roman word returns."""
        last, self._last = self._last, None
        if last is None:
            return False
        line_start, line = self._line_before_cursor()
        if line_start != last.line_start or line[last.start :] != last.devanagari + last.trigger:
            return False
        self._replace_before_cursor(line_start, line, last.start, last.roman)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is not self.field:
            return False
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        if event.type() == QEvent.Type.FocusOut and self.mode.enabled:
            assert isinstance(event, QFocusEvent)
            # A context menu or a completer popup takes focus while the word is still typed.
            if event.reason() != Qt.FocusReason.PopupFocusReason:
                self.commit_pending()
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key, modifiers = event.key(), event.modifiers()
        if key == Qt.Key.Key_Space and modifiers == Qt.KeyboardModifier.ControlModifier:
            self.mode.toggle()
            return True
        if not self.mode.enabled:
            return False
        if key == Qt.Key.Key_Backspace and modifiers == Qt.KeyboardModifier.NoModifier:
            return self._bring_back_roman()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            # Before the form saves or the focus moves on: the last word must not stay Roman.
            self.commit_pending()
            return False
        text = event.text()
        if text and text in WORD_ENDS:
            self.commit_pending(trigger=text)
        else:
            self._last = None
        return False  # the field inserts the key as usual


def _mark_icon(mark: str) -> QIcon:
    """The mode shown inside a line edit: अ for Hindi typing, A for plain Roman."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    font = painter.font()
    font.setPixelSize(22)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#7a1f5c") if mark != "A" else QColor("#555555"))
    painter.drawText(QRect(0, 0, 32, 32), Qt.AlignmentFlag.AlignCenter, mark)
    painter.end()
    return QIcon(pixmap)


def enable_transliteration(
    field: TextField, language: Language | None = None, mode: TransliterationMode | None = None
) -> TransliterationInput:
    """Let ``field`` take Roman typing as Hindi, following the app's shared mode by default."""
    return TransliterationInput(field, mode if mode is not None else app_mode(), language)
