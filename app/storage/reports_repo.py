"""Report status per (state, month): borrador → cerrado → recibido → aprobado."""

from __future__ import annotations

import sqlite3
from typing import overload

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
    changelog.append(
        conn, [changelog.LogEntry(now, user, state_code, period, REPORT_VARIABLE, "", "status", old, status, source)]
    )
    return old


@overload
def settings_get(conn: sqlite3.Connection, key: str, default: str = "") -> str: ...
@overload
def settings_get(conn: sqlite3.Connection, key: str, default: None) -> str | None: ...
def settings_get(conn: sqlite3.Connection, key: str, default: str | None = "") -> str | None:
    """The stored setting ``key``, or ``default`` (None tells "never set" from "set to ''")."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def settings_set(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


# -- issue 10: cut-off date and section notes ---------------------------------------------


def report_cutoff(conn: sqlite3.Connection, state_code: str, period: str) -> str | None:
    """The cut-off date stored with the report ("YYYY-MM-DD"), or None for the whole month."""
    row = conn.execute(
        "SELECT cutoff_date FROM reports WHERE state_code = ? AND period = ?", (state_code, period)
    ).fetchone()
    return row[0] if row and row[0] else None


def set_report_cutoff(
    conn: sqlite3.Connection, state_code: str, period: str, cutoff: str | None, user: str, now: str, source: str
) -> None:
    """Store the report's cut-off date (None clears it); logged in the change log when it changes."""
    old = report_cutoff(conn, state_code, period)
    if old == cutoff:
        return
    conn.execute(
        "INSERT INTO reports (state_code, period, status, updated_at, updated_by, cutoff_date) "
        "VALUES (?, ?, 'borrador', ?, ?, ?) ON CONFLICT (state_code, period) DO UPDATE SET "
        "cutoff_date = excluded.cutoff_date, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        (state_code, period, now, user, cutoff or ""),
    )
    changelog.append(
        conn, [changelog.LogEntry(now, user, state_code, period, REPORT_VARIABLE, "", "cutoff", old, cutoff, source)]
    )


def section_notes(conn: sqlite3.Connection, state_code: str, period: str) -> dict[str, str]:
    """The month's notes by section code."""
    return dict(
        conn.execute(
            "SELECT section, text FROM section_notes WHERE state_code = ? AND period = ? ORDER BY section",
            (state_code, period),
        )
    )


def set_section_note(
    conn: sqlite3.Connection, state_code: str, period: str, section: str, text: str, user: str, now: str, source: str
) -> bool:
    """Store (or, with "", delete) one section's note; logged. Returns whether anything changed."""
    old = section_notes(conn, state_code, period).get(section)
    if (old or "") == text:
        return False
    if text:
        conn.execute(
            "INSERT INTO section_notes (state_code, period, section, text, updated_at, updated_by) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (state_code, period, section) DO UPDATE SET "
            "text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            (state_code, period, section, text, now, user),
        )
    else:
        conn.execute(
            "DELETE FROM section_notes WHERE state_code = ? AND period = ? AND section = ?",
            (state_code, period, section),
        )
    changelog.append(
        conn,
        [
            changelog.LogEntry(
                now, user, state_code, period, REPORT_VARIABLE, section, "note", old, text or None, source
            )
        ],
    )
    return True


def settings_delete(conn: sqlite3.Connection, key: str) -> int:
    """Remove a setting; returns how many rows went (0 when there was none)."""
    return conn.execute("DELETE FROM settings WHERE key = ?", (key,)).rowcount


def settings_with_prefix(conn: sqlite3.Connection, prefix: str) -> list[tuple[str, str]]:
    """Every (key, value) whose key starts with ``prefix``, by key."""
    return conn.execute(
        "SELECT key, value FROM settings WHERE substr(key, 1, ?) = ? ORDER BY key", (len(prefix), prefix)
    ).fetchall()
