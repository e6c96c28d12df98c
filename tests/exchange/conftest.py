"""The exchange tests run on the ops tests' stations: a real encrypted database per test,
copied from a template, with users of every role and a fixed clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ops.conftest import _schema_head_read_once, station, templates  # noqa: F401

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture
def data() -> Path:
    return DATA
