"""Sections are picked from the catalogue by number or name in either law."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from msk_desktop.domain import forms
from msk_desktop.gui.field_widgets import FieldInput
from msk_desktop.gui.language import Language
from msk_desktop.gui.section_picker import SectionPicker


def picker(qtbot: QtBot) -> tuple[QLineEdit, SectionPicker]:
    field = FieldInput(forms.FIR_SECTIONS[0], Language("hi"))
    assert isinstance(field.widget, QLineEdit)
    qtbot.addWidget(field.widget)
    field.widget.show()
    return field.widget, field.section_picker


def test_typing_an_ipc_number_offers_its_bns_equivalent(qtbot: QtBot) -> None:
    line, sections = picker(qtbot)
    qtbot.keyClicks(line, "376")
    offered = [o.split(" — ")[0] for o in sections.offers]
    assert offered[0] == "IPC 376"
    assert "BNS 64" in offered
    sections.activated.emit(sections.offers[offered.index("BNS 64")])
    assert line.text() == "BNS 64"


def test_the_part_after_the_last_comma_is_completed(qtbot: QtBot) -> None:
    line, sections = picker(qtbot)
    qtbot.keyClicks(line, "BNS 64, pocso 4")
    assert sections.offers and sections.offers[0].startswith("POCSO 4 — ")
    sections.activated.emit(sections.offers[0])
    assert line.text() == "BNS 64, POCSO 4"
    assert forms.split_sections(line.text()) == ["BNS 64", "POCSO 4"]


def test_a_title_in_hindi_finds_the_section(qtbot: QtBot) -> None:
    line, sections = picker(qtbot)
    # Hindi arrives from the keyboard's input method as committed text, not as key codes.
    typed = QInputMethodEvent()
    typed.setCommitString("बलात्")
    QApplication.sendEvent(line, typed)
    assert line.text() == "बलात्"
    assert any(o.startswith(("BNS 64", "IPC 376")) for o in sections.offers)


def test_nothing_typed_offers_nothing(qtbot: QtBot) -> None:
    line, sections = picker(qtbot)
    qtbot.keyClicks(line, "BNS 64, ")
    assert sections.offers == []
