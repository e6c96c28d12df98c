"""Random schedules of offline edits, syncs and lost answers on two PCs of one station
(bounded, so the suite stays fast): afterwards both PCs agree, every entry made is there
exactly once, and every clash is one conflict that both PCs show."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from msk_desktop.ops import replica
from msk_desktop.ops.entries import create_entry, edit_entry
from msk_desktop.store.models import AwarenessProgramme
from msk_desktop.sync import local_store
from tests.district.conftest import District, reset_district
from tests.ops.conftest import SAMPLES
from tests.sync.conftest import Pc, conflicts, fast_client, first_pc, joining_pc, snapshot

STEPS = st.lists(
    st.tuples(
        st.sampled_from(["create", "edit", "sync", "lost_answer"]),
        st.integers(0, 1),  # which PC
        st.sampled_from(["HC Meena", "HC Rekha", "C Sunita"]),
    ),
    min_size=3,
    max_size=12,
)


def _entries(pc: Pc) -> list[str]:
    with pc.db.read() as session:
        return list(session.execute(select(AwarenessProgramme.id)).scalars())


def _push_and_lose_the_answer(pc: Pc, district: District) -> None:
    enrolment = replica.enrolment(pc.db)
    assert enrolment is not None
    ops = local_store.pending_ops(pc.db, 500)
    if not ops:
        return
    client = fast_client(district.url, pc.db.schema_version, None)
    try:
        client.authenticate(enrolment.device_id, enrolment.private_key)
        client.push(ops)
    finally:
        client.close()


@pytest.mark.slow
@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=STEPS, data=st.data())
def test_random_schedules_converge(
    district: District, steps: list[tuple[str, int, str]], data: st.DataObject
) -> None:
    reset_district(district.engine)
    with tempfile.TemporaryDirectory() as root:
        one = first_pc(Path(root) / "one", district, "LKO-R")
        one.sync()
        two = joining_pc(Path(root) / "two", district, "LKO-R")
        pcs = (one, two)
        made = 0
        try:
            for action, which, value in steps:
                pc = pcs[which]
                if action == "create":
                    values = SAMPLES["awareness_programme"] | {"staff_names": value}
                    create_entry(pc.ctx, "awareness_programme", values)
                    made += 1
                elif action == "edit" and (ids := _entries(pc)):
                    entry = data.draw(st.sampled_from(ids))
                    edit_entry(pc.ctx, "awareness_programme", entry, {"staff_names": value})
                elif action == "sync":
                    pc.sync()
                elif action == "lost_answer":
                    _push_and_lose_the_answer(pc, district)
            for pc in (one, two, one, two):
                pc.sync()
            assert snapshot(one.db) == snapshot(two.db)
            assert len(_entries(one)) == made
            assert conflicts(one.db) == conflicts(two.db)
        finally:
            one.db.close()
            two.db.close()
