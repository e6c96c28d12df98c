"""Benchmarks: `python -m bench` measures against same-run baselines and writes BENCHMARKS.md."""
