"""What applying a pulled page does besides writing the rows: the search index follows what
another PC changed (and keeps what this PC's own rows, coming back, already had), and the
serial counter moves past every number the district gave out."""

from __future__ import annotations

from pathlib import Path

from msk_desktop.ops.entries import create_entry, edit_entry
from msk_desktop.ops.search import global_search
from msk_desktop.store.models import HelpdeskApplication
from tests.district.conftest import District
from tests.ops.conftest import SAMPLES
from tests.sync.conftest import Pc, joining_pc


def _found(pc: Pc, query: str) -> list[str]:
    return [hit.entry_id for hit in global_search(pc.ctx, query)]


def _serial(pc: Pc, entry_id: str) -> int:
    with pc.db.read() as session:
        entry = session.get(HelpdeskApplication, entry_id)
        assert entry is not None
        return entry.serial_no


def test_search_and_serial_numbers_follow_pulled_rows(
    tmp_path: Path, district: District, station_a: Pc
) -> None:
    sample = SAMPLES["helpdesk_application"]
    made = [
        create_entry(
            station_a.ctx, "helpdesk_application", sample | {"summary": f"प्रोफाइल शिकायत {n}"}
        ).entity_id
        for n in range(3)
    ]
    station_a.sync()  # its own rows come back in the same sync
    assert sorted(_found(station_a, "प्रोफाइल")) == sorted(made)

    pc2 = joining_pc(tmp_path / "a2", district, "LKO-A")
    assert sorted(_found(pc2, "प्रोफाइल")) == sorted(made)

    edit_entry(station_a.ctx, "helpdesk_application", made[0], {"summary": "धमकी भरे संदेश"})
    station_a.sync()
    pc2.sync()
    assert sorted(_found(pc2, "प्रोफाइल")) == sorted(made[1:])
    assert _found(pc2, "संदेश") == [made[0]]

    # The first PC's counter moves past the number the second PC gave its own entry.
    highest = max(_serial(station_a, entry_id) for entry_id in made)
    theirs = create_entry(pc2.ctx, "helpdesk_application", sample).entity_id
    pc2.sync()
    station_a.sync()
    mine = create_entry(station_a.ctx, "helpdesk_application", sample).entity_id
    assert _serial(pc2, theirs) == highest + 1
    assert _serial(station_a, mine) == highest + 2
