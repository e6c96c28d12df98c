"""The installer spec builds a one-folder app that runs: PyInstaller builds it into a temporary
folder, the built program passes its own --self-check without a display, and the folder stays
within the 250 MB of PERFORMANCE.md."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIMIT_BYTES = 250 * 2**20
BUILD_TIMEOUT_S = 1800


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.mark.slow
def test_built_app_passes_its_self_check_within_the_size_limit(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(ROOT / "installer.spec"),
            "--noconfirm",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    folder = tmp_path / "dist" / "msk-desktop"
    program = folder / ("msk-desktop-cli.exe" if sys.platform == "win32" else "msk-desktop")
    assert program.is_file()

    checked = subprocess.run(
        [str(program), "--self-check"],
        cwd=tmp_path,  # nothing of the source tree is within reach of the built app
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.splitlines()[-1] == "OK"
    assert "monthly report" in checked.stdout

    size = _folder_bytes(folder)
    assert size <= LIMIT_BYTES, f"{size / 2**20:.0f} MiB"
