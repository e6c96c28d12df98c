"""Sync over a link that cuts connections at any byte: after enough retries every PC holds
the same rows, nothing is lost and nothing is doubled."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from msk_desktop.district.tables import RowState
from msk_desktop.ops.entries import create_entry, edit_entry
from msk_desktop.store.models import AwarenessProgramme
from msk_desktop.sync.client import DistrictClient, SyncUnavailable
from tests.district.conftest import District
from tests.ops.conftest import SAMPLES
from tests.sync.conftest import Pc, joining_pc, outbox_states, snapshot
from tests.sync.proxy import CuttingProxy


@pytest.fixture
def proxy(district: District) -> Iterator[CuttingProxy]:
    cutting = CuttingProxy(
        int(district.url.rsplit(":", 1)[1]), seed=20261123, cut_rate=0.7, max_cut=2_000
    )
    yield cutting
    cutting.close()


def sync_until_done(pc: Pc, tries: int = 60) -> int:
    """Sync as a PC on a bad link does: again and again until a run completes."""
    for failed in range(tries):
        try:
            pc.sync()
        except SyncUnavailable:
            continue
        return failed
    raise AssertionError(f"{pc.name}: no sync completed in {tries} tries")


def test_nothing_lost_or_doubled_over_a_dropping_link(
    tmp_path: Path, district: District, station_a: Pc, proxy: CuttingProxy
) -> None:
    station_a.sync()
    pc2 = joining_pc(tmp_path / "a2", district, "LKO-A")

    def via_proxy(url: str, schema: str, cert: str | None) -> DistrictClient:
        return DistrictClient(proxy.url, schema, server_cert=cert, attempts=2, backoff=0, timeout=5)

    station_a.factory = pc2.factory = via_proxy
    made: list[str] = []
    failures = 0
    # Rounds of offline work and syncs over the bad link, in alternating order.
    for round_ in range(6):
        for pc in (station_a, pc2):
            for n in range(4):
                values = SAMPLES["awareness_programme"] | {"people_reached": 10 * round_ + n + 1}
                made.append(create_entry(pc.ctx, "awareness_programme", values).entity_id)
        edit_entry(station_a.ctx, "awareness_programme", made[-8], {"staff_names": "HC Meena"})
        edit_entry(pc2.ctx, "awareness_programme", made[-1], {"place": "Gram Sabha Bhawan"})
        for pc in (pc2, station_a) if round_ % 2 else (station_a, pc2):
            failures += sync_until_done(pc)
    for pc in (pc2, station_a):
        failures += sync_until_done(pc)
    assert proxy.cuts >= 3 and failures > 0  # the link really did drop, again and again

    assert snapshot(station_a.db) == snapshot(pc2.db)
    with station_a.db.read() as session:
        programmes = session.execute(select(AwarenessProgramme)).scalars().all()
        numbers = sorted(p.serial_no for p in programmes)
    assert len(programmes) == len(made) == 48
    assert numbers == list(range(1, 49))
    with district.session() as session:
        at_district = session.execute(
            select(func.count())
            .select_from(RowState)
            .where(RowState.table_name == "awareness_programme")
        ).scalar_one()
    assert at_district == 48
    for pc in (station_a, pc2):
        assert set(outbox_states(pc.db)) == {"applied"}
