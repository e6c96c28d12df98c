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

from sqlalchemy import func, select

from bench import generate
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.station import login
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.models import (
    CounsellingCase,
    DutyRosterSlot,
    Fir,
    FollowUp,
    HelpdeskApplication,
    PreventiveAction,
)

CACHE = Path(__file__).resolve().parent / ".cache"
SEED = 38
STALE_S = 300
POLL_S = 10


def _key(kind: str, size: str) -> str:
    source = hashlib.sha256(Path(generate.__file__).read_bytes()).hexdigest()[:10]
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
        build(scratch)
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
        (generate.USERNAME, generate.PASSWORD),
    )


def busy(scale: float, cache: Path = CACHE) -> DataLayout:
    """The demo station at ``scale``: every register, entered through the ops."""
    return _cached(
        cache,
        _key("busy", f"{scale:g}"),
        lambda root: generate.busy_station(root, scale, SEED),
        (generate.BUSY_USERNAME, generate.BUSY_PASSWORD),
    )


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
    "duty_roster_slot": DutyRosterSlot,
}


def counts(ctx: OpContext) -> dict[str, int]:
    with ctx.db.read() as session:
        return {
            name: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for name, model in COUNTED.items()
        }
