"""Fixtures of the report tests: the ops tests' stations (real SQLCipher files made through the
ops), plus "October": a small station whose October 2025 figures are worked out by hand in
``october.py``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ops import conftest as ops_fixtures
from tests.ops.conftest import StationHandle, Templates
from tests.reports.october import build_october

# The ops tests' fixtures, shared.
_schema_head_read_once = ops_fixtures._schema_head_read_once
templates = ops_fixtures.templates
station = ops_fixtures.station
world = ops_fixtures.world


@pytest.fixture
def october(templates: Templates, tmp_path: Path) -> Iterator[StationHandle]:
    """The October station (ids in ``october.ids``), in-charge logged in, clock fixed."""
    handle = ops_fixtures._open_copy(templates.get("october", build_october), tmp_path)
    yield handle
    handle.close()
