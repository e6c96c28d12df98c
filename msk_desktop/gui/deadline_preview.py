"""The FIR form's deadlines, recomputed as the user types dates and sections: the in-charge
sees "विवेचना: अंतिम तिथि 09-12-2025 (19 दिन शेष)" before saving, and a typo in a date shows
at once as a deadline that jumps."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from msk_desktop.domain.deadlines import DeadlineState
from msk_desktop.gui.entry_dialog import EntryDialog
from msk_desktop.gui.language import Language
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.deadlines import deadline_preview, saved_fir_facts

WATCHED = ("registered_at", "offence_date", "sections", "chargesheet_on", "final_report_on")
COLOURS = {
    DeadlineState.OVERDUE: "#a61b1b",
    DeadlineState.MET_LATE: "#a15c00",
    DeadlineState.DUE_SOON: "#a15c00",
}


class DeadlinePreview(QObject):
    """Lives as long as its dialog (a child of it)."""

    def __init__(
        self, dialog: EntryDialog, ctx: OpContext, language: Language, fir_id: str | None
    ) -> None:
        super().__init__(dialog)
        self.dialog, self.ctx, self.language, self.fir_id = dialog, ctx, language, fir_id
        # The saved FIR's sections and milestones, read once (and again when they change on
        # its page), so typing recomputes without touching the database.
        self.saved = saved_fir_facts(ctx, fir_id) if fir_id is not None else None
        ctx.notifier.subscribe(self._on_change)
        self.destroyed.connect(lambda: ctx.notifier.unsubscribe(self._on_change))
        label = dialog.form.findChild(QLabel, "deadlines")
        assert label is not None
        self.label = label
        for name in (*WATCHED, "status"):
            if name in dialog.inputs:
                dialog.inputs[name].when_changed(self.refresh)
        language.changed.connect(self.refresh)
        self.refresh()

    def _on_change(self, _result: OpResult) -> None:
        if self.fir_id is not None:
            self.saved = saved_fir_facts(self.ctx, self.fir_id)
            self.refresh()

    def refresh(self, *_args: object) -> None:
        statuses = deadline_preview(self.ctx, self.dialog.values(), self.saved)
        if not statuses:
            self.label.hide()
            return
        lines = [
            f'<span style="color: {COLOURS.get(s.state, "#1d6b2f")}">'
            f"{escape(self.language.text(s.describe()))}</span>"
            for s in statuses
        ]
        heading = self.language("समय-सीमाएँ", "Deadlines")
        self.label.setText(f"<b>{heading}</b><br>" + "<br>".join(lines))
        self.label.show()
