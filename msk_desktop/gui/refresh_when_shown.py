"""Refresh a view on a change only while it is on screen, else the next time it is shown: a
save elsewhere should not wait for a view nobody is looking at to recompute (the inspection
checklist and the circle view read every FIR of a station)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from msk_desktop.ops.changes import OpResult


class RefreshWhenShown(QObject):
    def __init__(self, widget: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget, self.refresh, self.stale = widget, refresh, False
        widget.installEventFilter(self)

    def changed(self, _result: OpResult | None = None) -> None:
        if self.widget.isVisible():
            self.refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget and event.type() is QEvent.Type.Show and self.stale:
            self.stale = False
            self.refresh()
        return False
