"""Loading the demo: the same data and log as value-by-value entry, faster, honest progress.

Issue 12: the demo took 33–45 s on a busy machine with its bar stuck at 25 %. It now writes
each month's values in bulk with a block-linked change log (as package imports do) and
reports progress in proportion to the values written.
"""

from __future__ import annotations

import random

from app.models.values import ValueChange, ValueKey
from app.services.files import demo
from app.services.workspace import open_workspace, write_transaction
from app.storage import changelog, facilities_repo, values_repo

STATE = "06"  # Colima: a small state keeps the test quick
_LOG = "user, org_unit, period, variable, disaggregation, field, old_value, new_value, source"


def _value_by_value(ws) -> None:
    """The reference: the demo's values entered one ValueChange at a time (the old way)."""
    state = ws.catalog.state(STATE)
    rng = random.Random(f"coordina-demo-{state.code}")
    figures = demo.demo_figures(state.code)
    facilities = demo._make_facilities(rng, state.code, state.clues_prefix, figures)
    values = demo.generate_values(ws.catalog, rng, state.code, facilities, figures, demo.PERIODS, demo.YTD_PERIODS)
    now = "2026-01-01T00:00:00"
    with write_transaction(ws):
        facilities_repo.upsert_facilities(ws.conn, facilities, now)
        for period in demo.PERIODS:
            changes = [
                ValueChange(ValueKey(org, p, var, opt), value, comment or None)
                for (org, p, var, opt), (value, comment) in values.items()
                if p == period
            ]
            values_repo.apply_changes(ws.conn, changes, ws.user, "demo", now)


def _stored(ws) -> tuple[list[tuple], list[tuple]]:
    values = ws.conn.execute(
        "SELECT org_unit, period, variable, disaggregation, value, comment, provisional, follow_up, "
        "version, updated_by FROM data_values ORDER BY 1, 2, 3, 4"
    ).fetchall()
    log = ws.conn.execute(f"SELECT {_LOG} FROM change_log ORDER BY {_LOG}").fetchall()
    return values, log


def test_bulk_demo_stores_what_value_by_value_entry_stores(tmp_path):
    reference = open_workspace(tmp_path / "reference", user="demo")
    bulk = open_workspace(tmp_path / "bulk", user="demo")
    try:
        _value_by_value(reference)
        demo.build_demo(bulk, STATE)
        assert _stored(bulk) == _stored(reference)
        assert changelog.verify_chain(bulk.conn) is None
        uuids = bulk.conn.execute("SELECT count(DISTINCT uuid), count(*) FROM data_values").fetchone()
        assert uuids[0] == uuids[1]
        # One log row per changed field, chained in blocks (not one SHA-256 per row).
        links = bulk.conn.execute("SELECT count(*) FROM change_log WHERE hash != ''").fetchone()[0]
        assert links < 50
    finally:
        reference.close()
        bulk.close()


def test_rebuilding_over_an_edited_demo_logs_only_what_it_restores(tmp_path):
    ws = open_workspace(tmp_path / "d", user="demo")
    try:
        demo.build_demo(ws, STATE)
        org, period, var, opt, value, version = ws.conn.execute(
            "SELECT org_unit, period, variable, disaggregation, value, version FROM data_values "
            "WHERE typeof(value) = 'integer' LIMIT 1"
        ).fetchone()
        key = ValueKey(org, period, var, opt)
        with write_transaction(ws):
            values_repo.apply_changes(ws.conn, [ValueChange(key, value + 1)], "ana", "manual", "t")
        before = ws.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
        demo.build_demo(ws, STATE)
        assert ws.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == before + 1
        assert ws.conn.execute(
            "SELECT value, version FROM data_values WHERE org_unit = ? AND period = ? "
            "AND variable = ? AND disaggregation = ?",
            (org, period, var, opt),
        ).fetchone() == (value, version + 2)
        assert changelog.verify_chain(ws.conn) is None
    finally:
        ws.close()


def test_progress_moves_in_small_even_steps(tmp_path):
    """No stretch of work hides behind one step: the bar moves at least every 5 %."""
    ws = open_workspace(tmp_path / "d", user="demo")
    steps: list[tuple[int, int]] = []
    try:
        demo.build_demo(ws, STATE, progress=lambda done, total: steps.append((done, total)))
    finally:
        ws.close()
    total = steps[-1][1]
    assert steps[0][0] == 0 and steps[-1][0] == total
    assert all(t == total for _, t in steps)
    done = [d for d, _ in steps]
    assert done == sorted(done)
    assert max(b - a for a, b in zip(done, done[1:], strict=False)) <= 0.05 * total
