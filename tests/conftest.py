"""Shared fixtures: cheap key derivation for tests (the real cost is used by the CLI tests)."""

from __future__ import annotations

import os

import pytest

from msk_desktop.store.keyslots import KdfCost

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def fast_cost() -> KdfCost:
    return KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1)
