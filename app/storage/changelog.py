"""The append-only, hash-chained change log (DESIGN §4).

Each row stores the hash of the previous row, so editing or deleting history
outside the app breaks the chain and :func:`verify_chain` finds where.
"""

from __future__ import annotations

import operator
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from app.models.hashing import (
    GENESIS,
    LOG_FIELDS_SORTED,
    chain_hash,
    chain_hash_text,
    chain_hash_values,
)

_FIELDS = ("at", "user", "org_unit", "period", "variable", "disaggregation", "field",
           "old_value", "new_value", "source")


@dataclass(frozen=True)
class LogEntry:
    """One change: who, when, where, which field, old and new value, and the source."""

    at: str
    user: str
    org_unit: str
    period: str
    variable: str
    disaggregation: str
    field: str
    old_value: str | None
    new_value: str | None
    source: str
    id: int = 0
    hash: str = ""


def as_log_text(value: object) -> str | None:
    """A value as the log stores it: text, integral floats without ".0", None kept."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _all_text(fields: dict) -> bool:
    return all(v is None or type(v) is str for v in fields.values()) and len(fields) == len(LOG_FIELDS_SORTED)


#: Where each field of ``_FIELDS`` sits in the sorted (hashed) order.
sorted_fields = operator.itemgetter(*(_FIELDS.index(name) for name in LOG_FIELDS_SORTED))


def append_text_rows(conn: sqlite3.Connection, rows: Iterable[tuple]) -> int:
    """Append log rows given as tuples of text/None in ``_FIELDS`` order (bulk imports).

    Same chain and same hashes as :func:`append`, without building an object per row.
    """
    prev = last_hash(conn)
    out = []
    for row in rows:
        digest = chain_hash_values(prev, sorted_fields(row))
        out.append((*row, prev, digest))
        prev = digest
    conn.executemany(
        f"INSERT INTO change_log ({', '.join(_FIELDS)}, prev_hash, hash) "
        f"VALUES ({', '.join('?' * (len(_FIELDS) + 2))})", out)
    return len(out)


def last_hash(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT hash FROM change_log ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else GENESIS


def append(conn: sqlite3.Connection, entries: Iterable[LogEntry]) -> int:
    """Append entries, chaining their hashes. Call inside the action's transaction."""
    prev = last_hash(conn)
    rows = []
    for entry in entries:
        fields = {name: getattr(entry, name) for name in _FIELDS}
        fields["old_value"] = as_log_text(fields["old_value"])
        fields["new_value"] = as_log_text(fields["new_value"])
        digest = chain_hash_text(prev, fields) if _all_text(fields) else chain_hash(prev, fields)
        rows.append((*fields.values(), prev, digest))
        prev = digest
    conn.executemany(
        f"INSERT INTO change_log ({', '.join(_FIELDS)}, prev_hash, hash) "
        f"VALUES ({', '.join('?' * (len(_FIELDS) + 2))})",
        rows,
    )
    return len(rows)


def verify_chain(conn: sqlite3.Connection) -> int | None:
    """Id of the first row whose hash does not match its content, or None if intact."""
    prev = GENESIS
    cursor = conn.execute(f"SELECT id, {', '.join(_FIELDS)}, prev_hash, hash FROM change_log ORDER BY id")
    for row in cursor:
        fields = dict(zip(_FIELDS, row[1:1 + len(_FIELDS)], strict=True))
        if row[-2] != prev or chain_hash(prev, fields) != row[-1]:
            return int(row[0])
        prev = row[-1]
    return None


def cell_history(
    conn: sqlite3.Connection, org_unit: str, period: str, variable: str, disaggregation: str = ""
) -> list[LogEntry]:
    """Every logged change of one cell, oldest first (its "historial")."""
    rows = conn.execute(
        f"SELECT id, {', '.join(_FIELDS)}, hash FROM change_log "
        "WHERE org_unit = ? AND period = ? AND variable = ? AND disaggregation = ? ORDER BY id",
        (org_unit, period, variable, disaggregation),
    ).fetchall()
    return [LogEntry(*row[1:-1], id=row[0], hash=row[-1]) for row in rows]
