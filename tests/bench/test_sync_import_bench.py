"""Importing a national year of packages at HQ (issue 4 performance).

Reference year: 23 states × 12 months × ~10,400 facilities × ~40 variables ≈ 5 M values
(``COORDINA_BENCH_STATES`` / ``COORDINA_BENCH_MONTHS`` scale it down for a quick look).
Each side runs in its own process, one after the other in the same run:

- the end-to-end first import (verify, decrypt, validate, upsert, log, archive) against a
  bare ``executemany`` upsert of the same rows into the same schema — the throughput ratio;
- the re-import of the same packages (idempotent: the stored summaries) — the speed-up;
- the peak memory of the import process plus its part reader's, and the package bytes per
  value.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .sync_generator import build_world

ROOT = Path(__file__).resolve().parents[2]


def _probe(world: Path, mode: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "tests.bench.sync_import_probe", str(world), mode],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    states = int(os.environ.get("COORDINA_BENCH_STATES", "23"))
    months = int(os.environ.get("COORDINA_BENCH_MONTHS", "12"))
    folder = tmp_path_factory.mktemp("sync_world")
    return folder, build_world(folder, states, months)


def test_import_throughput_reimport_memory_size(world, record):
    folder, info = world
    imported = _probe(folder, "import")
    raw = _probe(folder, "raw")
    assert imported["values"] == raw["values"] == info["values"]
    ratio = raw["raw_s"] / imported["first_s"]
    record(
        "sync import (national year)",
        states=info["states"],
        months=info["months"],
        facilities=info["facilities"],
        values=info["values"],
        first_import_s=imported["first_s"],
        values_per_s=info["values"] / imported["first_s"],
        raw_upsert_s=raw["raw_s"],
        throughput_ratio=ratio,
        reimport_s=imported["again_s"],
        reimport_speedup=imported["first_s"] / imported["again_s"],
        peak_mb=imported["peak_mb"],
        reader_peak_mb=imported["reader_peak_mb"],
        peak_total_mb=imported["peak_mb"] + imported["reader_peak_mb"],
        bytes_per_value=info["bytes"] / info["values"],
    )
    assert imported["first_s"] / imported["again_s"] >= 10
    # Both processes' peaks added: an upper bound of what the import holds at once.
    assert imported["peak_mb"] + imported["reader_peak_mb"] <= 500
