"""Synthetic demo data: a fictional station with two years of entries in every register."""

from msk_desktop.demo.seed import DEMO_PASSWORD, DEMO_USERNAME, DemoSummary, seed_demo

__all__ = ["DEMO_PASSWORD", "DEMO_USERNAME", "DemoSummary", "seed_demo"]
