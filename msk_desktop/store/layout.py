"""Where a station's files live inside its data folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("msk-desktop", "UP Police WCSO"))


@dataclass(frozen=True)
class DataLayout:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "station.msk"

    @property
    def keyslots(self) -> Path:
        return self.root / "keyslots.json"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    def exists(self) -> bool:
        return self.database.exists() and self.keyslots.exists()
