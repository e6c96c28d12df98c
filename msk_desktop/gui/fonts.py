"""Bundled fonts, so Hindi renders the same on every thana PC whatever fonts it has."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from msk_desktop.domain.resources import resources_dir

FONT_SUFFIXES = (".ttf", ".otf")


def install_fonts(app: QApplication) -> str | None:
    """Register every font in resources/fonts; make the one covering Devanagari the app's
    font. Returns its family (None when no font is bundled)."""
    folder = resources_dir() / "fonts"
    families: list[str] = []
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path.suffix.lower() in FONT_SUFFIXES:
            font_id = QFontDatabase.addApplicationFont(str(path))
            families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    devanagari = [
        f
        for f in families
        if QFontDatabase.WritingSystem.Devanagari in QFontDatabase.writingSystems(f)
    ]
    candidates = devanagari or families
    if not candidates:
        return None
    app.setFont(QFont(candidates[0], 10))
    return candidates[0]
