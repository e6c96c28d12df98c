"""Generated stations cached under bench/.cache, so a rerun measures instead of generating.

A cached station is keyed by what shapes it: its kind and size, the seed and the generator's
source. Each use logs in once first, which brings a station made under an older schema to head
(as a station PC's database is on the first start of a new version). A station is built in a
scratch folder and renamed into place when complete, so an interrupted run never leaves half a
station to be measured later.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from sqlalchemy import func, select

from bench import fiveyear, generate
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.station import login
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import (
    CounsellingCase,
    DutyRosterSlot,
    Fir,
    FollowUp,
    HelpdeskApplication,
    PpkReferral,
    PreventiveAction,
)

CACHE = Path(__file__).resolve().parent / ".cache"
SEED = 38
STALE_S = 300
POLL_S = 10
GENERATED = "bench-generated-seconds.txt"  # how long the station took to generate


def _key(kind: str, size: str, module: ModuleType = generate) -> str:
    source = hashlib.sha256(Path(str(module.__file__)).read_bytes()).hexdigest()[:10]
    return f"{kind}-{size}-seed{SEED}-{source}"


def _cached(
    cache: Path, key: str, build: Callable[[Path], object], user: tuple[str, str]
) -> DataLayout:
    folder = cache / key
    scratch = cache / f".building-{key}"
    while _being_built(scratch) and not DataLayout(folder).exists():
        time.sleep(POLL_S)  # another run is building this station: wait for it, not twice
    if not DataLayout(folder).exists():
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.parent.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        build(scratch)
        (scratch / GENERATED).write_text(f"{time.perf_counter() - start:.1f}\n")
        scratch.rename(folder)
    layout = DataLayout(folder)
    login(layout, *user).db.close()  # migrates to head on open, after a backup, when behind
    return layout


def _being_built(scratch: Path) -> bool:
    """A scratch folder written to within the last minutes belongs to a run still building."""
    files = [p for p in scratch.glob("*") if p.is_file()] if scratch.is_dir() else []
    return any(time.time() - p.stat().st_mtime < STALE_S for p in files)


def stress(firs: int, cache: Path = CACHE) -> DataLayout:
    """A station with ``firs`` FIRs (one section and one victim each) and nothing else."""
    return _cached(
        cache,
        _key("stress", str(firs)),
        lambda root: generate.stress_station(root, firs, SEED),
        (fiveyear.USERNAME, fiveyear.PASSWORD),
    )


def five_year(scale: float = 1.0, cache: Path = CACHE) -> DataLayout:
    """PERFORMANCE.md's busy station: five years of every register (bench/fiveyear.py)."""
    return _cached(
        cache,
        _key("fiveyear", f"{scale:g}", fiveyear),
        lambda root: fiveyear.five_year_station(root, SEED, scale),
        (fiveyear.USERNAME, fiveyear.PASSWORD),
    )


def many_stations(stations: int, scale: float = 1.0, cache: Path = CACHE) -> DataLayout:
    """``stations`` five-year stations in one file: a circle's laptop, the district replica."""
    return _cached(
        cache,
        _key("stations", f"{stations}x{scale:g}", fiveyear),
        lambda root: fiveyear.many_stations(root, stations, SEED, scale),
        (fiveyear.USERNAME, fiveyear.PASSWORD),
    )


def with_outbox(ops: int, scale: float = 1.0, cache: Path = CACHE) -> DataLayout:
    """The five-year station (at ``scale``) whose first ``ops`` rows wait in the outbox: a
    station that worked before it was enrolled, for the sync benchmarks."""
    return _cached(
        cache,
        _key("outbox", f"{ops}x{scale:g}", fiveyear),
        lambda root: fiveyear.five_year_station(root, SEED, scale, outbox_limit=ops),
        (fiveyear.USERNAME, fiveyear.PASSWORD),
    )


def generation_seconds(station: DataLayout) -> float | None:
    found = station.root / GENERATED
    return float(found.read_text()) if found.exists() else None


def working_copy(station: DataLayout, into: Path) -> DataLayout:
    """A copy to write into, so that saves measured never change the cached station."""
    shutil.copytree(station.root, into)
    return DataLayout(into)


# What the busy station holds, by table (the figures it gives are read against these sizes).
COUNTED = {
    "fir": Fir,
    "preventive_action": PreventiveAction,
    "helpdesk_application": HelpdeskApplication,
    "follow_up": FollowUp,
    "counselling_case": CounsellingCase,
    "ppk_referral": PpkReferral,
    "duty_roster_slot": DutyRosterSlot,
}


def counts(ctx: OpContext) -> dict[str, int]:
    with ctx.db.read() as session:
        return {
            name: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for name, model in COUNTED.items()
        }
