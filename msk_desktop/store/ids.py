"""Client-made UUIDv7 ids (RFC 9562): time-ordered, so inserts stay local in the B-tree and a
resent op carries the same id (ODK Collect's lesson in SYNC.md).

Ids made by one process are strictly increasing, also within one millisecond (RFC 9562,
section 6.2, method 2: the random part is incremented), so the parts saved together (the
directions of one inspection, the victims of one FIR) keep the order they were entered in."""

from __future__ import annotations

import os
import threading
import time
import uuid

_RAND_BITS = 74  # rand_a (12) and rand_b (62), around the version and variant bits
_lock = threading.Lock()
_last = (0, 0)  # (unix ms, random part) of the newest id


def _pack(unix_ms: int, rand: int) -> str:
    value = (unix_ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= ((rand >> 62) & 0xFFF) << 64  # rand_a, 12 bits
    value |= 0b10 << 62  # RFC 4122 variant
    value |= rand & ((1 << 62) - 1)  # rand_b, 62 bits
    return str(uuid.UUID(int=value))


def new_id() -> str:
    global _last  # noqa: PLW0603 - one process-wide clock of ids, guarded by the lock
    with _lock:
        unix_ms = time.time_ns() // 1_000_000
        last_ms, last_rand = _last
        if unix_ms <= last_ms:
            # The same millisecond (or the clock stepped back): one more than the last id.
            unix_ms, rand = last_ms, last_rand + 1
            if rand >> _RAND_BITS:
                unix_ms, rand = last_ms + 1, 0
        else:
            # A fresh random start, leaving room below the top to count up within this ms.
            rand = int.from_bytes(os.urandom(10), "big") >> (80 - _RAND_BITS + 1)
        _last = (unix_ms, rand)
        return _pack(unix_ms, rand)
