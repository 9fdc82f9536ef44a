"""Benchmark helpers: results are printed and appended to .benchmarks/results.json."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import pytest

RESULTS = Path(__file__).resolve().parents[2] / ".benchmarks" / "results.json"


def median_ms(fn, repeat: int = 7, warmup: int = 1) -> float:
    """Median wall time of ``fn()`` in milliseconds over ``repeat`` runs."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


@pytest.fixture
def record():
    """Record a named figure: printed in the bench output and kept in results.json."""

    def _record(name: str, **figures: float) -> None:
        line = ", ".join(f"{k} = {v:.2f}" if isinstance(v, float) else f"{k} = {v}" for k, v in figures.items())
        print(f"\n[bench] {name}: {line}")
        RESULTS.parent.mkdir(exist_ok=True)
        data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        data[name] = {**figures, "at": time.strftime("%Y-%m-%d %H:%M:%S")}
        RESULTS.write_text(json.dumps(data, indent=2, ensure_ascii=False))

    return _record
