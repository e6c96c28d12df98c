"""Timing and the rows of the results table (PERFORMANCE.md method: medians of several runs,
percentiles where the target is one, and a ratio against a baseline measured in the same run)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from msk_desktop.domain.dates import IST

# Every station ends on this day (bench/generate.py END); "today" in the app is this moment.
NOW = datetime(2025, 11, 20, 12, 0, tzinfo=IST)


def clock() -> datetime:
    return NOW


@dataclass(frozen=True)
class Result:
    measure: str
    value: str
    target: str
    baseline: str
    ratio: str
    verdict: str


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def timed(action: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds of each of ``runs`` calls."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def repeated(action: Callable[[], float], runs: int, budget_s: float) -> list[float]:
    """Up to ``runs`` figures of ``action`` (each its own, in seconds), stopping early once they
    add up to ``budget_s``: the slowest measures still end in minutes, and say how many ran."""
    samples: list[float] = []
    while len(samples) < runs:
        samples.append(action())
        if sum(samples) >= budget_s:
            break
    return samples


def seconds_of(action: Callable[[], object]) -> Callable[[], float]:
    def run() -> float:
        start = time.perf_counter()
        action()
        return time.perf_counter() - start

    return run


def ms(value: float) -> str:
    return f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"


def ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}×" if base > 0 else "—"


def verdict(checks: list[tuple[bool, str]]) -> str:
    """MET when every part of the target holds; else MISSED, naming each part missed."""
    missed = [why for ok, why in checks if not ok]
    return "MET" if not missed else "MISSED (" + "; ".join(missed) + ")"


def within(value: float, limit: float, unit: str = "ms") -> tuple[bool, str]:
    return value <= limit, f"{value - limit:,.0f} {unit} over {limit:,.0f} {unit}"


def at_least(value: float, limit: float, unit: str) -> tuple[bool, str]:
    return value >= limit, f"{limit - value:,.0f} {unit} under {limit:,.0f} {unit}"


def secs(value: float) -> str:
    return f"{value:,.2f} s" if value < 10 else f"{value:,.1f} s"


def within_ratio(value: float, base: float, limit: float) -> tuple[bool, str]:
    got = value / base if base > 0 else float("inf")
    return got <= limit, f"{got:.2f}× of baseline, over {limit}×"
