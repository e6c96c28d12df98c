"""Measures that need a fresh process each time: start-up to the first window, and memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.measure import median
from msk_desktop.gui.app import EXIT_WHEN_SHOWN

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 120


def _environment(**extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **extra)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _until_shown(command: list[str], env: dict[str, str]) -> float:
    """Milliseconds from starting the process to its "shown" line; the process then quits."""
    start = time.perf_counter()
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("shown"):
                elapsed = (time.perf_counter() - start) * 1000
                break
        else:
            raise RuntimeError(f"{command} exited without showing a window")
        process.wait(TIMEOUT_S)
    return elapsed


def startup(station: Path, runs: int) -> tuple[float, float]:
    """(app to its login window, bare PySide6 window to shown): medians, taken in turns so that
    both see the same drift of the machine."""
    bare = [sys.executable, "-m", "bench.probe", "bare"]
    app = [sys.executable, "-m", "msk_desktop", "--data-dir", str(station)]
    bare_env, app_env = _environment(), _environment(**{EXIT_WHEN_SHOWN: "1"})
    _until_shown(bare, bare_env)  # the first start of each reads its files from disk
    _until_shown(app, app_env)
    ours, base = [], []
    for _ in range(runs):
        base.append(_until_shown(bare, bare_env))
        ours.append(_until_shown(app, app_env))
    return median(ours), median(base)


def _rss(arguments: list[str]) -> int:
    done = subprocess.run(
        [sys.executable, "-m", "bench.probe", *arguments],
        cwd=ROOT,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=True,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("rss ")]
    return int(lines[-1].split()[1])


def memory(station: Path, password: str, runs: int) -> tuple[int, int]:
    """(app RSS with the station open, bare window RSS): medians in bytes."""
    ours = [_rss(["app-rss", str(station), password]) for _ in range(runs)]
    base = [_rss(["bare-rss"]) for _ in range(runs)]
    return int(median([float(r) for r in ours])), int(median([float(r) for r in base]))
