"""Client-made UUIDv7 ids (RFC 9562): time-ordered, so inserts stay local in the B-tree and a
resent op carries the same id (ODK Collect's lesson in SYNC.md)."""

from __future__ import annotations

import os
import time
import uuid


def new_id() -> str:
    unix_ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (unix_ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= ((rand >> 62) & 0xFFF) << 64  # rand_a, 12 bits
    value |= 0b10 << 62  # RFC 4122 variant
    value |= rand & ((1 << 62) - 1)  # rand_b, 62 bits
    return str(uuid.UUID(int=value))
