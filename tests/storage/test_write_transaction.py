"""``write_transaction``: the immediate write lock and :class:`Rollback` (used by sync imports)."""

from __future__ import annotations

import sqlite3

import pytest

from app.services.workspace import Rollback, write_transaction
from app.storage import facilities_repo, reports_repo
from app.storage.database import DB_FILENAME


def _other(ws) -> sqlite3.Connection:
    """A second connection to the same database, failing at once on a lock."""
    return sqlite3.connect(str(ws.data_dir / DB_FILENAME), isolation_level=None, timeout=0)


def test_immediate_takes_the_write_lock_at_the_start(ws):
    other = _other(ws)
    try:
        with write_transaction(ws, immediate=True):
            # Nothing written yet, and still no other writer can start.
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # released at the end
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_deferred_by_default_takes_no_lock_before_writing(ws):
    other = _other(ws)
    try:
        with write_transaction(ws):
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
    finally:
        other.close()


def test_rollback_undoes_the_block_and_hands_its_result_out(ws):
    with pytest.raises(Rollback) as caught:
        with write_transaction(ws, immediate=True):
            reports_repo.settings_set(ws.conn, "probe", "1")
            raise Rollback({"status": "SUCCESS", "dryRun": True})
    assert caught.value.result == {"status": "SUCCESS", "dryRun": True}
    assert reports_repo.settings_get(ws.conn, "probe", "") == ""
    assert not ws.conn.in_transaction


def test_a_committed_block_is_kept(ws):
    with write_transaction(ws, immediate=True):
        reports_repo.settings_set(ws.conn, "probe", "1")
    assert reports_repo.settings_get(ws.conn, "probe", "") == "1"
    assert facilities_repo.facility_count(ws.conn) == 3
