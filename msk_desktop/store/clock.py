"""Hybrid logical clock stamps for outbox ops: ordered across devices even when a thana PC's
wall clock is wrong, and never going backwards on one device."""

from __future__ import annotations

import threading
import time


class HybridClock:
    def __init__(self, device_id: str, last_stamp: str | None = None) -> None:
        self._device = device_id.replace("-", "")[:12]
        self._lock = threading.Lock()
        self._wall_ms, self._counter = 0, 0
        if last_stamp:
            wall, counter, _ = last_stamp.split(":")
            self._wall_ms, self._counter = int(wall), int(counter)

    def stamp(self) -> str:
        with self._lock:
            now_ms = time.time_ns() // 1_000_000
            if now_ms > self._wall_ms:
                self._wall_ms, self._counter = now_ms, 0
            else:
                self._counter += 1
            return f"{self._wall_ms:013d}:{self._counter:05d}:{self._device}"
