"""UUIDv7 ids: valid version 7, and strictly increasing within one process even when many are
made in the same millisecond (so parts saved together keep their order)."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

from msk_desktop.store.ids import new_id


def test_ids_are_version_7_and_strictly_increasing() -> None:
    ids = [new_id() for _ in range(20_000)]  # far more than one per millisecond
    parsed = [uuid.UUID(i) for i in ids]
    assert all(p.version == 7 and p.variant == uuid.RFC_4122 for p in parsed)
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


def test_ids_from_threads_never_clash() -> None:
    with ThreadPoolExecutor(4) as pool:
        batches = list(pool.map(lambda _: [new_id() for _ in range(2_000)], range(8)))
    every = [i for batch in batches for i in batch]
    assert len(set(every)) == len(every)
    assert all(batch == sorted(batch) for batch in batches)
