"""Report status per (state, month): borrador → cerrado → recibido → aprobado."""

from __future__ import annotations

import sqlite3

from . import changelog

REPORT_VARIABLE = "__report__"


def report_status(conn: sqlite3.Connection, state_code: str, period: str) -> str:
    row = conn.execute(
        "SELECT status FROM reports WHERE state_code = ? AND period = ?", (state_code, period)
    ).fetchone()
    return row[0] if row else "borrador"


def set_report_status(
    conn: sqlite3.Connection, state_code: str, period: str, status: str, user: str, now: str, source: str
) -> str:
    """Change the status and log it in the change log. Returns the old status."""
    old = report_status(conn, state_code, period)
    conn.execute(
        "INSERT INTO reports (state_code, period, status, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (state_code, period) DO UPDATE SET status = excluded.status, "
        "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        (state_code, period, status, now, user),
    )
    changelog.append(conn, [changelog.LogEntry(now, user, state_code, period, REPORT_VARIABLE, "",
                                               "status", old, status, source)])
    return old


def settings_get(conn: sqlite3.Connection, key: str, default: str = "") -> str:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def settings_set(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
