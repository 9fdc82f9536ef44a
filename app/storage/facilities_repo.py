"""The facility registry table and its operating-status history."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from app.models.facility import Facility, StatusPeriod

_FIELDS = (
    "clues",
    "name",
    "state_code",
    "municipality",
    "jurisdiction",
    "type_code",
    "level",
    "institution",
    "status",
    "status_since",
    "is_demo",
)


def _row_to_facility(row: Sequence[Any]) -> Facility:
    data = dict(zip(_FIELDS, row, strict=True))
    data["is_demo"] = bool(data["is_demo"])
    return Facility(**data)


def list_facilities(conn: sqlite3.Connection, state_code: str | None = None) -> list[Facility]:
    """Facilities ordered by state and name, optionally of one state."""
    sql = f"SELECT {', '.join(_FIELDS)} FROM facilities"
    params: tuple[Any, ...] = ()
    if state_code:
        sql += " WHERE state_code = ?"
        params = (state_code,)
    sql += " ORDER BY state_code, name, clues"
    return [_row_to_facility(r) for r in conn.execute(sql, params)]


def get_facility(conn: sqlite3.Connection, clues: str) -> Facility | None:
    row = conn.execute(f"SELECT {', '.join(_FIELDS)} FROM facilities WHERE clues = ?", (clues,)).fetchone()
    return _row_to_facility(row) if row else None


def existing_clues(conn: sqlite3.Connection) -> dict[str, str]:
    """Every registered CLUES with its state code (preloaded by bulk imports)."""
    return dict(conn.execute("SELECT clues, state_code FROM facilities"))


def upsert_facilities(conn: sqlite3.Connection, facilities: Sequence[Facility], now: str) -> tuple[int, int]:
    """Insert or update facilities; records status changes in the history.

    Returns (inserted, updated). Must run inside a transaction.
    """
    before = {f.clues: f for f in list_facilities(conn) if f.clues in {x.clues for x in facilities}}
    inserted = updated = 0
    for fac in facilities:
        old = before.get(fac.clues)
        values = tuple(getattr(fac, name) for name in _FIELDS)
        if old is None:
            conn.execute(
                f"INSERT INTO facilities ({', '.join(_FIELDS)}, created_at, updated_at) "
                f"VALUES ({', '.join('?' * len(_FIELDS))}, ?, ?)",
                (*values[:-1], int(fac.is_demo), now, now),
            )
            conn.execute(
                "INSERT INTO facility_status_history (clues, status, start_date, recorded_at) VALUES (?, ?, ?, ?)",
                (fac.clues, fac.status, fac.status_since or now[:10], now),
            )
            inserted += 1
            continue
        if old == fac:
            continue
        conn.execute(
            f"UPDATE facilities SET {', '.join(f'{n} = ?' for n in _FIELDS[1:])}, updated_at = ? WHERE clues = ?",
            (*values[1:-1], int(fac.is_demo), now, fac.clues),
        )
        if old.status != fac.status:
            start = fac.status_since or now[:10]
            conn.execute(
                "UPDATE facility_status_history SET end_date = ? WHERE clues = ? AND end_date = ''", (start, fac.clues)
            )
            conn.execute(
                "INSERT INTO facility_status_history (clues, status, start_date, recorded_at) VALUES (?, ?, ?, ?)",
                (fac.clues, fac.status, start, now),
            )
        updated += 1
    return inserted, updated


def status_history(conn: sqlite3.Connection, clues: str) -> list[StatusPeriod]:
    """Operating-status periods of a facility, oldest first."""
    rows = conn.execute(
        "SELECT status, start_date, end_date FROM facility_status_history WHERE clues = ? ORDER BY id", (clues,)
    )
    return [StatusPeriod(*r) for r in rows]


def states_with_facilities(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT state_code FROM facilities ORDER BY 1")]


def registry_provisional(conn: sqlite3.Connection, state_code: str) -> dict[str, str]:
    """Registry counts of a state marked provisional: figure code → footnote text."""
    return dict(
        conn.execute(
            "SELECT figure_code, note FROM registry_provisional WHERE state_code = ? ORDER BY figure_code",
            (state_code,),
        )
    )


def set_registry_provisional(
    conn: sqlite3.Connection, state_code: str, figure_code: str, note: str | None, user: str, now: str
) -> None:
    """Mark a registry count provisional with ``note``, or clear the mark (``note`` None)."""
    if note is None:
        conn.execute(
            "DELETE FROM registry_provisional WHERE state_code = ? AND figure_code = ?", (state_code, figure_code)
        )
        return
    conn.execute(
        "INSERT INTO registry_provisional (state_code, figure_code, note, updated_at, updated_by) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (state_code, figure_code) DO UPDATE SET "
        "note = excluded.note, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        (state_code, figure_code, note, now, user),
    )


# -- the registry in sync packages (issue 11) ----------------------------------------------


def sync_marks(conn: sqlite3.Connection, state_code: str) -> dict[str, tuple[str, str, str, str]]:
    """clues → (updated_at, synced_at, remote_updated_at, reported_by) of a state's units.

    ``synced_at`` is when the other side's copy last wrote the row (local time, equal to
    the ``updated_at`` it wrote); ``remote_updated_at`` is that copy's own ``updated_at``.
    A row whose ``updated_at`` is later than ``synced_at`` was edited here since.
    """
    return {
        r[0]: tuple(r[1:])
        for r in conn.execute(
            "SELECT clues, updated_at, synced_at, remote_updated_at, reported_by FROM facilities WHERE state_code = ?",
            (state_code,),
        )
    }


def mark_synced(
    conn: sqlite3.Connection, clues: str, synced_at: str, remote_updated_at: str, reported_by: str | None = None
) -> None:
    """Record that the other side's copy (of ``remote_updated_at``) was written at ``synced_at``."""
    conn.execute(
        "UPDATE facilities SET synced_at = ?, remote_updated_at = ?, "
        "reported_by = coalesce(?, reported_by) WHERE clues = ?",
        (synced_at, remote_updated_at, reported_by, clues),
    )


def replace_status_history(
    conn: sqlite3.Connection, clues: str, periods: Sequence[StatusPeriod], recorded_at: str
) -> None:
    """Make ``periods`` (oldest first) the unit's operating-status history."""
    conn.execute("DELETE FROM facility_status_history WHERE clues = ?", (clues,))
    conn.executemany(
        "INSERT INTO facility_status_history (clues, status, start_date, end_date, recorded_at) VALUES (?, ?, ?, ?, ?)",
        [(clues, p.status, p.start_date, p.end_date, recorded_at) for p in periods],
    )


def updated_at(conn: sqlite3.Connection, clues: str) -> str:
    """When the unit's row last changed here ('' if unknown)."""
    row = conn.execute("SELECT updated_at FROM facilities WHERE clues = ?", (clues,)).fetchone()
    return row[0] if row else ""


def status_histories(conn: sqlite3.Connection, state_code: str) -> dict[str, list[StatusPeriod]]:
    """clues → operating-status history (oldest first) of every unit of a state, in one query."""
    found: dict[str, list[StatusPeriod]] = {}
    for clues, status, start, end in conn.execute(
        "SELECT h.clues, h.status, h.start_date, h.end_date FROM facility_status_history AS h "
        "JOIN facilities AS f ON f.clues = h.clues WHERE f.state_code = ? ORDER BY h.id",
        (state_code,),
    ):
        found.setdefault(clues, []).append(StatusPeriod(status, start, end))
    return found


def last_acknowledged_at(conn: sqlite3.Connection) -> str:
    """When the newest package HQ has acknowledged was made ('' if none): the registry's cutoff."""
    row = conn.execute("SELECT max(created_at) FROM outbox WHERE delivered_at IS NOT NULL").fetchone()
    return row[0] or ""


def facility_count(conn: sqlite3.Connection) -> int:
    """How many facilities the registry holds."""
    return int(conn.execute("SELECT COUNT(*) FROM facilities").fetchone()[0])


def count_by_state(conn: sqlite3.Connection) -> dict[str, int]:
    """Registered facilities per state code."""
    return dict(conn.execute("SELECT state_code, count(*) FROM facilities GROUP BY 1"))


def has_demo(conn: sqlite3.Connection, state_code: str | None = None) -> bool:
    """Whether any facility (of ``state_code``, when given) is demo data."""
    if state_code is None:
        return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM facilities WHERE is_demo = 1)").fetchone()[0])
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM facilities WHERE state_code = ? AND is_demo = 1)", (state_code,)
    ).fetchone()
    return bool(row[0])


def units_by_clues(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """Every facility's (state code, name) by CLUES."""
    return {
        clues: (state, name) for clues, state, name in conn.execute("SELECT clues, state_code, name FROM facilities")
    }
