"""Loading Qt Designer forms from ui/ (beside the package, or inside the frozen app)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget


def ui_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        return Path(frozen_root) / "ui"
    return Path(__file__).resolve().parents[2] / "ui"


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    source = QFile(str(ui_dir() / f"{name}.ui"))
    if not source.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"form {name}.ui is missing from {ui_dir()}")
    try:
        widget = QUiLoader().load(source, parent)
    finally:
        source.close()
    if widget is None:
        raise RuntimeError(f"form {name}.ui could not be loaded")
    return widget
