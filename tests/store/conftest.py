from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from msk_desktop.store.database import StationDatabase
from msk_desktop.store.keyslots import KdfCost
from msk_desktop.store.layout import DataLayout

PASSWORD = "store-test-password"


@pytest.fixture
def layout(tmp_path: Path) -> DataLayout:
    return DataLayout(tmp_path / "station")


@pytest.fixture
def created(layout: DataLayout, fast_cost: KdfCost) -> Iterator[tuple[StationDatabase, str]]:
    db, recovery = StationDatabase.create(layout, "incharge", PASSWORD, fast_cost)
    yield db, recovery
    db.close()
