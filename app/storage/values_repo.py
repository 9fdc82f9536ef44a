"""Reading and writing data values, with the change log in the same transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from app.models.values import DataValue, ValueChange, ValueKey, apply_change

from . import changelog

if TYPE_CHECKING:  # only a type here; the summary model loads when a summary is made
    from app.models.summary import Reading

_COLUMNS = (
    "org_unit, period, variable, disaggregation, value, comment, provisional, "
    "follow_up, uuid, version, updated_at, updated_by"
)
# The state itself and its facilities, as a row source that drives the lookups into
# data_values through (period, org_unit): with every state in one database (headquarters),
# scanning a period's values and testing membership was ten times slower.
_STATE_UNITS = "(SELECT ? AS clues UNION ALL SELECT clues FROM facilities WHERE state_code = ?) AS u"
_CHUNK = 400  # stays under SQLite's bound-parameter limit with 2 params per key


def _row_to_value(row: Sequence[Any]) -> DataValue:
    return DataValue(
        key=ValueKey(row[0], row[1], row[2], row[3]),
        value=row[4],
        comment=row[5],
        provisional=bool(row[6]),
        follow_up=bool(row[7]),
        uuid=row[8],
        version=row[9],
        updated_at=row[10],
        updated_by=row[11],
    )


def values_for_state(
    conn: sqlite3.Connection, state_code: str, periods: Sequence[str], variables: Sequence[str] | None = None
) -> list[DataValue]:
    """Every stored value of a state's facilities and of the state itself in ``periods``.

    ``variables`` narrows the read to those variable codes (None: all of them).
    """
    if not periods or (variables is not None and not variables):
        return []
    marks = ", ".join("?" * len(periods))
    columns = ", ".join(f"v.{c.strip()}" for c in _COLUMNS.split(","))
    sql = (
        f"SELECT {columns} FROM {_STATE_UNITS} CROSS JOIN data_values AS v ON v.org_unit = u.clues "
        f"WHERE v.period IN ({marks})"
    )
    params: list[str] = [state_code, state_code, *periods]
    if variables is not None:
        sql += f" AND v.variable IN ({', '.join('?' * len(variables))})"
        params += list(variables)
    rows = conn.execute(sql, params).fetchall()
    return [_row_to_value(r) for r in rows]


def month_cells(conn: sqlite3.Connection, state_code: str, period: str) -> list[DataValue]:
    """A state's values of one month as the entry grid needs them: value, comment and flags.

    Without the change metadata (uuid, version, who and when), which the grid never shows
    and an edit gets back from the database: a third less to read and to build, on the way
    to a usable grid (issue 12). The metadata fields keep their defaults.
    """
    rows = conn.execute(
        "SELECT v.org_unit, v.period, v.variable, v.disaggregation, v.value, v.comment, "
        f"v.provisional, v.follow_up FROM {_STATE_UNITS} CROSS JOIN data_values AS v "
        "ON v.org_unit = u.clues WHERE v.period = ?",
        [state_code, state_code, period],
    ).fetchall()
    return [DataValue(ValueKey(r[0], r[1], r[2], r[3]), r[4], r[5], bool(r[6]), bool(r[7])) for r in rows]


def summary_readings(
    conn: sqlite3.Connection, state_code: str, periods: Sequence[str], variables: Sequence[str] | None = None
) -> list[Reading]:
    """The non-empty values of a state in ``periods``: rows in the column order of
    :class:`app.models.summary.Reading`, with only what a summary reads.

    Six columns as plain tuples instead of whole DataValues: the summary of a state reads
    tens of thousands of values and building a DataValue each was half its time.
    """
    if not periods or (variables is not None and not variables):
        return []
    marks = ", ".join("?" * len(periods))
    sql = (
        "SELECT v.org_unit, v.period, v.variable, v.disaggregation, v.value, v.provisional "
        f"FROM {_STATE_UNITS} CROSS JOIN data_values AS v ON v.org_unit = u.clues "
        f"WHERE v.value IS NOT NULL AND v.period IN ({marks})"
    )
    params: list[str] = [state_code, state_code, *periods]
    if variables is not None:
        sql += f" AND v.variable IN ({', '.join('?' * len(variables))})"
        params += list(variables)
    # Rows come back as plain tuples in Reading's column order; the summary reads them by
    # position (building a NamedTuple per row cost a fifth of the summary's time), so they
    # are typed as the Readings they stand for.
    return conn.execute(sql, params).fetchall()


def all_values(conn: sqlite3.Connection, state_code: str | None = None, period: str | None = None) -> list[DataValue]:
    """Values filtered by state and/or period (used by export)."""
    sql = f"SELECT {_COLUMNS} FROM data_values WHERE 1 = 1"
    params: list[str] = []
    if period:
        sql += " AND period = ?"
        params.append(period)
    if state_code:
        sql += " AND (org_unit = ? OR org_unit IN (SELECT clues FROM facilities WHERE state_code = ?))"
        params += [state_code, state_code]
    sql += " ORDER BY org_unit, period, variable, disaggregation"
    return [_row_to_value(r) for r in conn.execute(sql, params)]


def get_values(conn: sqlite3.Connection, keys: Iterable[ValueKey]) -> dict[ValueKey, DataValue]:
    """Stored values for ``keys`` (missing keys are simply absent)."""
    keys = list(keys)
    found: dict[ValueKey, DataValue] = {}
    by_cell: dict[tuple[str, str], list[ValueKey]] = {}
    for key in keys:
        by_cell.setdefault((key.org_unit, key.period), []).append(key)
    cells = list(by_cell)
    for start in range(0, len(cells), _CHUNK):
        chunk = cells[start : start + _CHUNK]
        where = " OR ".join("(org_unit = ? AND period = ?)" for _ in chunk)
        params = [p for cell in chunk for p in cell]
        for row in conn.execute(f"SELECT {_COLUMNS} FROM data_values WHERE {where}", params):
            value = _row_to_value(row)
            found[value.key] = value
    wanted = set(keys)
    return {k: v for k, v in found.items() if k in wanted}


def apply_changes(
    conn: sqlite3.Connection, changes: Sequence[ValueChange], user: str, source: str, now: str
) -> list[DataValue]:
    """Upsert ``changes`` and log every changed field. Must run inside a transaction.

    A change that alters nothing is skipped (no version bump, no log row).
    Returns the values as stored after the change.
    """
    existing = get_values(conn, (c.key for c in changes))
    written: list[DataValue] = []
    log: list[changelog.LogEntry] = []
    rows = []
    for change in changes:
        old = existing.get(change.key)
        new = apply_change(old, change)
        new.uuid = new.uuid or _new_uuid()
        diffs = _field_diffs(old, new)
        if not diffs:
            continue
        new.version += 1
        new.updated_at, new.updated_by = now, user
        written.append(new)
        existing[change.key] = new
        rows.append(_stored_row(change.key, new, now, user))
        log += _log_entries(change.key, diffs, now, user, source)
    if rows:
        _upsert_own(conn, rows)
        changelog.append(conn, log)
    return written


def _field_diffs(old: DataValue | None, new: DataValue) -> list[tuple[str, Any, Any]]:
    """(field, before, after) of every logged field ``new`` changes (a new cell starts blank)."""
    return [
        (name, getattr(old, name) if old else None, getattr(new, name))
        for name in ("value", "comment", "provisional", "follow_up")
        if (getattr(old, name) if old else _blank(name)) != getattr(new, name)
    ]


def _stored_row(k: ValueKey, new: DataValue, now: str, user: str) -> tuple[Any, ...]:
    """``new`` as the ``data_values`` row of cell ``k`` in ``_COLUMNS`` order, changed ``now`` by ``user``."""
    return (
        k.org_unit,
        k.period,
        k.variable,
        k.disaggregation,
        new.value,
        new.comment,
        int(new.provisional),
        int(new.follow_up),
        new.uuid,
        new.version,
        now,
        user,
    )


def _log_entries(
    k: ValueKey, diffs: Sequence[tuple[str, Any, Any]], now: str, user: str, source: str
) -> list[changelog.LogEntry]:
    """The change-log rows of one cell's changed fields (flags logged as 0/1)."""
    entries = []
    for name, before, after in diffs:
        if isinstance(before, bool) or isinstance(after, bool):
            before = None if before is None else int(before)
            after = int(after)
        entries.append(
            changelog.LogEntry(
                now, user, k.org_unit, k.period, k.variable, k.disaggregation, name, before, after, source
            )
        )
    return entries


def _upsert_own(conn: sqlite3.Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert or update rows changed here (a stored cell keeps its uuid)."""
    conn.executemany(
        f"INSERT INTO data_values ({_COLUMNS}) VALUES ({', '.join('?' * 12)}) "
        "ON CONFLICT (org_unit, period, variable, disaggregation) DO UPDATE SET "
        "value = excluded.value, comment = excluded.comment, provisional = excluded.provisional, "
        "follow_up = excluded.follow_up, version = excluded.version, "
        "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        rows,
    )


def state_rows(
    conn: sqlite3.Connection, state_code: str, period: str
) -> dict[tuple[str, str, str, str], tuple[Any, ...]]:
    """Every stored row of a state and its facilities in one period, as plain tuples in
    ``_COLUMNS`` order, keyed by (org_unit, period, variable, disaggregation)."""
    columns = ", ".join(f"v.{c.strip()}" for c in _COLUMNS.split(","))
    cursor = conn.execute(
        f"SELECT {columns} FROM {_STATE_UNITS} CROSS JOIN data_values AS v ON v.org_unit = u.clues WHERE v.period = ?",
        (state_code, state_code, period),
    )
    return {row[:4]: row for row in cursor}


def upsert_received(conn: sqlite3.Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """Store values received from another copy, keeping their uuid, version and author.

    Rows are in ``_COLUMNS`` order. A uuid already used by another cell is a hostile or
    corrupt package: the UNIQUE constraint refuses it and the caller's transaction rolls back.
    """
    if rows:
        conn.executemany(
            f"INSERT INTO data_values ({_COLUMNS}) VALUES ({', '.join('?' * 12)}) "
            "ON CONFLICT (org_unit, period, variable, disaggregation) DO UPDATE SET "
            "value = excluded.value, comment = excluded.comment, provisional = excluded.provisional, "
            "follow_up = excluded.follow_up, uuid = excluded.uuid, version = excluded.version, "
            "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            rows,
        )


def _blank(name: str) -> object:
    return {"value": None, "comment": "", "provisional": False, "follow_up": False}[name]


def history_values(
    conn: sqlite3.Connection, state_code: str, periods: Sequence[str]
) -> dict[tuple[str, str, str], list[float]]:
    """Numeric values of earlier ``periods`` per (org unit, variable, option), for outliers.

    Reads only the four columns it keeps, numbers only (order does not matter to a median
    or a band): building a whole DataValue for each of a year's values was most of the
    time to a usable grid (issue 12).
    """
    out: dict[tuple[str, str, str], list[float]] = {}
    if not periods:
        return out
    marks = ", ".join("?" * len(periods))
    rows = conn.execute(
        "SELECT v.org_unit, v.variable, v.disaggregation, v.value "
        f"FROM {_STATE_UNITS} CROSS JOIN data_values AS v ON v.org_unit = u.clues "
        f"WHERE v.period IN ({marks}) AND typeof(v.value) IN ('integer', 'real')",
        [state_code, state_code, *periods],
    ).fetchall()
    seen = out.get
    for org_unit, variable, option, value in rows:
        key = (org_unit, variable, option)
        found = seen(key)
        if found is None:
            out[key] = [float(value)]
        else:
            found.append(float(value))
    return out


def has_period(conn: sqlite3.Connection, period: str) -> bool:
    """Whether any value of any unit is stored for ``period`` (one cheap indexed probe)."""
    return conn.execute("SELECT 1 FROM data_values WHERE period = ? LIMIT 1", (period,)).fetchone() is not None


def state_versions(conn: sqlite3.Connection, state_code: str) -> list[tuple[str, str, str, str, int]]:
    """(org_unit, period, variable, disaggregation, version) of every value of a state and its
    facilities, in key order: what an acknowledgement tells the state HQ holds."""
    return conn.execute(
        "SELECT v.org_unit, v.period, v.variable, v.disaggregation, v.version FROM data_values AS v "
        "WHERE v.org_unit = ? OR v.org_unit IN (SELECT clues FROM facilities WHERE state_code = ?) "
        "ORDER BY 1, 2, 3, 4",
        (state_code, state_code),
    ).fetchall()


def first_period_with(conn: sqlite3.Connection, state_code: str, period: str, variables: Sequence[str]) -> str | None:
    """First period up to ``period`` with any value of ``variables`` in the state (not empty)."""
    marks = ", ".join("?" * len(variables))
    # Per unit, the primary key (org_unit, period, …) is walked in period order and the
    # first match ends the walk: 0.4 ms for a state instead of 11 ms scanning all its values.
    row = conn.execute(
        "SELECT min((SELECT v.period FROM data_values AS v WHERE v.org_unit = u.clues "
        f"AND v.period <= ? AND v.variable IN ({marks}) AND v.value IS NOT NULL "
        f"ORDER BY v.period LIMIT 1)) FROM {_STATE_UNITS}",
        (period, *variables, state_code, state_code),
    ).fetchone()
    return row[0] if row and row[0] else None


def _new_uuid() -> str:
    """A random UUID for a value seen for the first time.

    uuid is imported here, not at module level: it loads platform and _uuid, and this module
    is read before the grid is usable (issue 12) although values are only created later.
    """
    import uuid

    return str(uuid.uuid4())


def value_row_count(conn: sqlite3.Connection) -> int:
    """How many value rows the database holds (empty ones included)."""
    return int(conn.execute("SELECT COUNT(*) FROM data_values").fetchone()[0])
