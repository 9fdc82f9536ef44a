"""The ``conflicts`` table: values and units flagged at HQ for review. Plain SQL; callers own
the transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

#: The columns :func:`list_conflicts` and :func:`get_conflict` return, in this order.
COLUMNS = (
    "id, org_unit, period, variable, disaggregation, ours, theirs, applied, package_uuid, "
    "state_code, created_at, resolved_at, resolved_by, resolution"
)
_INSERT = (
    "INSERT INTO conflicts (org_unit, period, variable, disaggregation, ours, theirs, applied, "
    "package_uuid, state_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def add_conflicts(conn: sqlite3.Connection, rows: Sequence[tuple[object, ...]]) -> None:
    """Record flagged conflicts: (org_unit, period, variable, disaggregation, ours, theirs,
    applied, package_uuid, state_code, created_at) each, ``ours``/``theirs`` as JSON texts."""
    if rows:
        conn.executemany(_INSERT, rows)


def list_conflicts(
    conn: sqlite3.Connection, state_code: str | None = None, open_only: bool = True
) -> list[tuple[Any, ...]]:
    """Conflict rows (:data:`COLUMNS`) oldest first; only unreviewed ones unless ``open_only`` is False."""
    sql = f"SELECT {COLUMNS} FROM conflicts WHERE 1 = 1"
    params: list[str] = []
    if open_only:
        sql += " AND resolved_at IS NULL"
    if state_code:
        sql += " AND state_code = ?"
        params.append(state_code)
    return conn.execute(sql + " ORDER BY id", params).fetchall()


def get_conflict(conn: sqlite3.Connection, conflict_id: int) -> tuple[Any, ...] | None:
    """One conflict row (:data:`COLUMNS`), or None."""
    row: tuple[Any, ...] | None = conn.execute(
        f"SELECT {COLUMNS} FROM conflicts WHERE id = ?", (conflict_id,)
    ).fetchone()
    return row


def mark_resolved(conn: sqlite3.Connection, conflict_id: int, at: str, by: str, choice: str) -> None:
    """Record a person's review of a conflict: when, who, and the side they accepted."""
    conn.execute(
        "UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?",
        (at, by, choice, conflict_id),
    )


def open_count(conn: sqlite3.Connection) -> int:
    """How many conflicts no one has reviewed yet."""
    return int(conn.execute("SELECT count(*) FROM conflicts WHERE resolved_at IS NULL").fetchone()[0])


def open_by_state(conn: sqlite3.Connection) -> dict[str, int]:
    """Unreviewed conflicts per state code."""
    return dict(
        conn.execute(
            "SELECT state_code, count(*) FROM conflicts WHERE resolved_at IS NULL GROUP BY state_code"
        ).fetchall()
    )


def open_by_state_period(conn: sqlite3.Connection, first: str, last: str) -> dict[tuple[str, str], int]:
    """Unreviewed conflicts per (state code, period) for periods ``first`` to ``last``."""
    return {
        (s, p): n
        for s, p, n in conn.execute(
            "SELECT state_code, period, count(*) FROM conflicts WHERE resolved_at IS NULL "
            "AND period BETWEEN ? AND ? GROUP BY 1, 2",
            (first, last),
        )
    }


def flagged_for_state(conn: sqlite3.Connection, state_code: str) -> list[tuple[Any, ...]]:
    """Every conflict of a state, reviewed or not, oldest first, as (org_unit, period, variable,
    disaggregation, ours, theirs, applied, package_uuid, resolution): what an ack carries."""
    return conn.execute(
        "SELECT org_unit, period, variable, disaggregation, ours, theirs, applied, package_uuid, "
        "resolution FROM conflicts WHERE state_code = ? ORDER BY id",
        (state_code,),
    ).fetchall()
