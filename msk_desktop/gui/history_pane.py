"""Beside an entry's form: its parts (victims by pseudonym, accused, milestones, follow-ups,
sessions, directions), its audit trail, and buttons to add a part."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msk_desktop.domain import forms
from msk_desktop.domain.dates import format_moment
from msk_desktop.domain.display import display
from msk_desktop.domain.errors import Message
from msk_desktop.domain.fields import FieldSpec, Kind
from msk_desktop.domain.forms import FORMS_BY_TABLE
from msk_desktop.gui.entry_dialog import EntryDialog
from msk_desktop.gui.identity_reveal import IdentityReveal
from msk_desktop.gui.language import Language
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.fir import add_accused, add_milestone, add_victim, set_fir_sections
from msk_desktop.ops.follow_ups import add_counselling_session, add_follow_up
from msk_desktop.ops.history import entry_history, fir_sections

Save = Callable[[OpContext, str, dict[str, Any]], object]
Prefill = Callable[[OpContext, str], dict[str, Any]]


class Adder(NamedTuple):
    title: Message
    specs: tuple[FieldSpec, ...]
    save: Save
    prefill: Prefill | None = None  # the form starts from the entry's current values


FOLLOW_UP_REGISTERS = (
    "helpdesk_application",
    "ppk_referral",
    "support_referral",
    "preventive_action",
)


def _adders(register_name: str) -> list[Adder]:
    if register_name == "fir":
        return [
            Adder(
                Message("धाराएँ बदलें", "Change sections"),
                forms.FIR_SECTIONS,
                lambda ctx, fir_id, v: set_fir_sections(
                    ctx, fir_id, forms.split_sections(v["sections"] or "")
                ),
                lambda ctx, fir_id: {"sections": ", ".join(fir_sections(ctx, fir_id))},
            ),
            Adder(Message("प्रक्रम जोड़ें", "Add milestone"), forms.FIR_MILESTONE, add_milestone),
            Adder(Message("अभियुक्त जोड़ें", "Add accused"), forms.FIR_ACCUSED, add_accused),
            Adder(
                Message("पीड़िता जोड़ें", "Add victim"),
                forms.FIR_VICTIM + forms.IDENTITY,
                lambda ctx, fir_id, v: add_victim(ctx, fir_id, _victim(v)),
            ),
        ]
    if register_name == "counselling_case":
        return [
            Adder(
                Message("सत्र जोड़ें", "Add session"),
                forms.COUNSELLING_SESSION,
                add_counselling_session,
            )
        ]
    if register_name in FOLLOW_UP_REGISTERS:
        return [
            Adder(
                Message("अनुवर्ती कार्यवाही जोड़ें", "Add follow-up"),
                forms.FOLLOW_UP,
                lambda ctx, entry_id, v: add_follow_up(ctx, register_name, entry_id, v),
            )
        ]
    return []


def _shown(spec: FieldSpec | None, value: Any, lang: Language) -> str:
    """One value in a one-line summary: a yes/no field by its label when yes ("नामजद", not
    "हाँ") and left out when no; empty values left out."""
    if value in (None, "", False):
        return ""
    if spec is None:
        return str(value)
    if spec.kind is Kind.BOOL:
        return lang.text(spec.label)
    return display(spec, value, lang.code)


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
        for adder in _adders(register_name):
            button = QPushButton(language.text(adder.title))
            button.clicked.connect(lambda _c=False, a=adder: self.add(a))
            bar.addWidget(button)
            self.buttons[adder.title.en] = button
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(bar)
        if register_name == "fir":  # the FIR holds the register's protected identities
            self.identity = IdentityReveal(ctx, entry_id, language)
            box.addWidget(self.identity)
        box.addWidget(self.tree)
        self.refresh()

    def refresh(self) -> None:
        lang = self.language
        history = entry_history(self.ctx, self.register_name, self.entry_id)
        self.tree.clear()
        for part in history.parts:
            group = QTreeWidgetItem([f"{lang.text(part.title)} ({len(part.rows)})"])
            specs = {s.name: s for s in FORMS_BY_TABLE.get(part.table, ())}
            for row in part.rows:
                shown = [_shown(specs.get(k), v, lang) for k, v in row.items()]
                group.addChild(QTreeWidgetItem([" · ".join(t for t in shown if t)]))
            self.tree.addTopLevelItem(group)
            group.setExpanded(True)
        trail = QTreeWidgetItem([lang("इतिहास (ऑडिट)", "History (audit)")])
        for at, who, action in history.trail:
            trail.addChild(QTreeWidgetItem([f"{format_moment(at)}  {who or '-'}  {action}"]))
        self.tree.addTopLevelItem(trail)
        trail.setExpanded(True)

    def add(self, adder: Adder) -> EntryDialog:
        dialog = EntryDialog(
            adder.title,
            adder.specs,
            lambda v: adder.save(self.ctx, self.entry_id, v),
            self.language,
            adder.prefill(self.ctx, self.entry_id) if adder.prefill else None,
            parent=self,
        )
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog
