"""Picking an FIR's sections from the catalogue while typing: "376" offers IPC 376 and its BNS
equivalent 64, "बलात्" or "rape" offer the sections so titled. The field stays plain text
("BNS 64, POCSO 4"), so a user who knows the sections just types them."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from msk_desktop.domain.catalogue import OffenceSection, offence_catalogue

OFFERED = 12
SEPARATOR = " — "


def offer_text(entry: OffenceSection) -> str:
    return f"{entry.ref.label()}{SEPARATOR}{entry.title_hi} / {entry.title_en}"


class SectionPicker(QCompleter):
    """Completes the part of the field after the last comma."""

    def __init__(self, field: QLineEdit) -> None:
        self._offers = QStringListModel()
        super().__init__(self._offers, field)
        self.field = field
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # The catalogue already chose and ranked the offers: show them all, as they are.
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setMaxVisibleItems(OFFERED)
        self.setWidget(field)
        field.textEdited.connect(self._typed)
        self.activated.connect(self._chosen)

    def _typed(self, text: str) -> None:
        typed = text.rsplit(",", 1)[-1].strip()
        found = offence_catalogue().search(typed, OFFERED) if typed else []
        self._offers.setStringList([offer_text(e) for e in found])
        if found:
            self.complete()
        elif (popup := self.popup()) is not None:
            popup.hide()

    def _chosen(self, offer: str) -> None:
        before, comma, _ = self.field.text().rpartition(",")
        chosen = offer.split(SEPARATOR, 1)[0]
        self.field.setText(f"{before}{comma} {chosen}".lstrip(" ") if comma else chosen)

    @property
    def offers(self) -> list[str]:
        return self._offers.stringList()
