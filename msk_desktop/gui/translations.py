"""Qt's own strings (standard buttons, edit menus) in Hindi.

The `.ts` sources live in resources/translations; the `.qm` files are built from them by
`python -m msk_desktop.gui.translations` (run.sh does it; the installer bundles the result),
never committed by hand.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from msk_desktop.domain.resources import resources_dir
from msk_desktop.gui.language import HINDI, Language


def translations_dir() -> Path:
    return resources_dir() / "translations"


def _lrelease() -> Path:
    return Path(PySide6.__file__).parent / (
        "lrelease.exe" if sys.platform == "win32" else "lrelease"
    )


def build_translations(folder: Path | None = None) -> list[Path]:
    """Compile every .ts to a .qm beside it; returns the .qm files."""
    folder = folder or translations_dir()
    built = []
    for source in sorted(folder.glob("*.ts")):
        target = source.with_suffix(".qm")
        subprocess.run([str(_lrelease()), "-silent", str(source), "-qm", str(target)], check=True)
        built.append(target)
    return built


class QtTranslations:
    """Keeps Qt's translator in step with the app's language."""

    def __init__(self, app: QApplication, language: Language) -> None:
        self.app = app
        self.translator = QTranslator()
        qm = translations_dir() / f"qt_{HINDI}.qm"
        self.available = self.translator.load(str(qm))
        self.installed = False
        language.changed.connect(self.apply)
        self.apply(language.code)

    def apply(self, code: str) -> None:
        wanted = code == HINDI and self.available
        if wanted and not self.installed:
            self.app.installTranslator(self.translator)
        elif not wanted and self.installed:
            self.app.removeTranslator(self.translator)
        self.installed = wanted


if __name__ == "__main__":
    for path in build_translations():
        print(path)
