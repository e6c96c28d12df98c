"""Beside an entry's form: its parts (victims by pseudonym, accused, milestones, follow-ups,
sessions, directions), its audit trail, and buttons to add a part."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msk_desktop.domain import forms
from msk_desktop.domain.dates import IST, format_date
from msk_desktop.domain.errors import Message
from msk_desktop.domain.forms import FORMS_BY_TABLE
from msk_desktop.gui.entry_dialog import EntryDialog
from msk_desktop.gui.formatting import display
from msk_desktop.gui.language import Language
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.fir import add_accused, add_milestone, add_victim
from msk_desktop.ops.follow_ups import add_counselling_session, add_follow_up
from msk_desktop.ops.history import entry_history

Adder = tuple[Message, tuple[Any, ...], Callable[[OpContext, str, dict[str, Any]], object]]

FOLLOW_UP_REGISTERS = (
    "helpdesk_application",
    "ppk_referral",
    "support_referral",
    "preventive_action",
)


def _adders(register_name: str) -> list[Adder]:
    if register_name == "fir":
        return [
            (Message("प्रक्रम जोड़ें", "Add milestone"), forms.FIR_MILESTONE, add_milestone),
            (Message("अभियुक्त जोड़ें", "Add accused"), forms.FIR_ACCUSED, add_accused),
            (
                Message("पीड़िता जोड़ें", "Add victim"),
                forms.FIR_VICTIM + forms.IDENTITY,
                lambda ctx, fir_id, v: add_victim(ctx, fir_id, _victim(v)),
            ),
        ]
    if register_name == "counselling_case":
        return [
            (Message("सत्र जोड़ें", "Add session"), forms.COUNSELLING_SESSION, add_counselling_session)
        ]
    if register_name in FOLLOW_UP_REGISTERS:
        return [
            (
                Message("अनुवर्ती कार्यवाही जोड़ें", "Add follow-up"),
                forms.FOLLOW_UP,
                lambda ctx, entry_id, v: add_follow_up(ctx, register_name, entry_id, v),
            )
        ]
    return []


def _victim(values: dict[str, Any]) -> dict[str, Any]:
    """The victim form holds both her facts and her identity; the op keeps them apart."""
    identity_fields = {s.name for s in forms.IDENTITY}
    identity = {k: v for k, v in values.items() if k in identity_fields and v}
    facts = {k: v for k, v in values.items() if k not in identity_fields}
    return {**facts, "identity": identity} if identity else facts


class HistoryPane(QWidget):
    def __init__(
        self, ctx: OpContext, register_name: str, entry_id: str, language: Language
    ) -> None:
        super().__init__()
        self.ctx, self.register_name, self.entry_id = ctx, register_name, entry_id
        self.language = language
        self.tree = QTreeWidget()
        self.tree.setObjectName("history_tree")
        self.tree.setHeaderHidden(True)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for title, specs, save in _adders(register_name):
            button = QPushButton(language.text(title))
            button.clicked.connect(lambda _c=False, t=title, s=specs, f=save: self.add(t, s, f))
            bar.addWidget(button)
            self.buttons[title.en] = button
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(bar)
        box.addWidget(self.tree)
        self.refresh()

    def refresh(self) -> None:
        lang = self.language
        history = entry_history(self.ctx, self.register_name, self.entry_id)
        self.tree.clear()
        for part in history.parts:
            group = QTreeWidgetItem([f"{lang.text(part.title)} ({len(part.rows)})"])
            specs = {s.name: s for s in FORMS_BY_TABLE[part.table]}
            for row in part.rows:
                shown = [
                    display(specs[k], v, lang.code) if k in specs else str(v)
                    for k, v in row.items()
                    if v not in (None, "")
                ]
                group.addChild(QTreeWidgetItem([" · ".join(shown)]))
            self.tree.addTopLevelItem(group)
            group.setExpanded(True)
        trail = QTreeWidgetItem([lang("इतिहास (ऑडिट)", "History (audit)")])
        for at, who, action in history.trail:
            local = at.astimezone(IST)
            trail.addChild(
                QTreeWidgetItem(
                    [f"{format_date(local.date())} {local:%H:%M}  {who or '-'}  {action}"]
                )
            )
        self.tree.addTopLevelItem(trail)
        trail.setExpanded(True)

    def add(
        self,
        title: Message,
        specs: tuple[Any, ...],
        save: Callable[[OpContext, str, dict[str, Any]], object],
    ) -> EntryDialog:
        dialog = EntryDialog(
            title, specs, lambda v: save(self.ctx, self.entry_id, v), self.language, parent=self
        )
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog
