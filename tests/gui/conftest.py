from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from msk_desktop.domain.dates import IST
from msk_desktop.gui.language import Language
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.station import setup_station
from msk_desktop.store.keyslots import KdfCost
from msk_desktop.store.layout import DataLayout

PASSWORD = "gui-test-password"
NOW = datetime(2025, 11, 20, 11, 0, tzinfo=IST)


@pytest.fixture
def layout(tmp_path: Path) -> DataLayout:
    return DataLayout(tmp_path / "station")


@pytest.fixture
def ctx(layout: DataLayout, fast_cost: KdfCost) -> Iterator[OpContext]:
    context, _ = setup_station(
        layout,
        {
            "code": "GUI-01",
            "name_hi": "परीक्षण थाना",
            "name_en": "Test Thana",
            "district": "D",
            "circle": "C",
        },
        "fake.incharge",
        "Fake In-charge (काल्पनिक)",
        PASSWORD,
        fast_cost,
    )
    context.clock = lambda: NOW
    yield context
    context.db.close()


@pytest.fixture
def hindi() -> Language:
    return Language("hi")


def top(tree: QTreeWidget, index: int) -> QTreeWidgetItem:
    item = tree.topLevelItem(index)
    assert item is not None, f"no top-level item {index}"
    return item


def child(parent: QTreeWidgetItem, index: int) -> QTreeWidgetItem:
    item = parent.child(index)
    assert item is not None, f"no child {index}"
    return item
