"""Where the shipped reference data lives, in a source checkout or a PyInstaller build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle is not None:
        # PyInstaller unpacks data files next to the bundled code, not beside the package source.
        folder = Path(bundle) / "resources"
    else:
        folder = Path(__file__).resolve().parents[2] / "resources"
    if not folder.is_dir():
        raise FileNotFoundError(
            f"the resources folder is missing: {folder} (the installation is incomplete)"
        )
    return folder
