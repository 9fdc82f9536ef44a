"""Loading the Nayarit demo: bulk writes against value-by-value entry (issue 12).

Both run in this process, alternating, each on a fresh data directory: ``build_demo`` (bulk
upsert per chunk, block-linked change log) and the way it wrote before, one ``ValueChange`` per
value through ``values_repo.apply_changes`` (per-row hash chain). Target: ≤ 0.6 × the old way (both pay the same SQLite writes).
"""

from __future__ import annotations

import random
import statistics
import time

from app.models.values import ValueChange, ValueKey
from app.services.files import demo
from app.services.workspace import open_workspace, write_transaction
from app.storage import facilities_repo, values_repo

ROUNDS = 3


def _old_way(ws) -> None:
    state = ws.catalog.state(demo.REFERENCE_STATE)
    rng = random.Random(f"coordina-demo-{state.code}")
    figures = demo.demo_figures(state.code)
    facilities = demo._make_facilities(rng, state.code, state.clues_prefix, figures)
    values = demo.generate_values(ws.catalog, rng, state.code, facilities, figures, demo.PERIODS, demo.YTD_PERIODS)
    with write_transaction(ws):
        facilities_repo.upsert_facilities(ws.conn, facilities, "2026-01-01T00:00:00")
        for period in demo.PERIODS:
            changes = [
                ValueChange(ValueKey(*key), value, comment or None)
                for key, (value, comment) in values.items()
                if key[1] == period
            ]
            values_repo.apply_changes(ws.conn, changes, ws.user, "demo", "2026-01-01T00:00:00")


def _timed(path, build) -> float:
    ws = open_workspace(path, user="demo")
    try:
        start = time.perf_counter()
        build(ws)
        return (time.perf_counter() - start) * 1000
    finally:
        ws.close()


def test_demo_load_ratio(tmp_path, record):
    new, old = [], []
    for index in range(ROUNDS):
        new.append(_timed(tmp_path / f"new{index}", demo.build_demo))
        old.append(_timed(tmp_path / f"old{index}", _old_way))
    ratio = statistics.median(new) / statistics.median(old)
    record("demo_load", bulk_ms=statistics.median(new), value_by_value_ms=statistics.median(old), ratio=ratio)
    assert ratio <= 0.6
