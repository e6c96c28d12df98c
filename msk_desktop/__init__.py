"""msk-desktop: offline-first registers for Mission Shakti Kendra cells in UP police stations."""

__version__ = "0.1.0"
