"""The append-only, hash-chained change log (DESIGN §4).

Each row stores the hash of the previous row, so editing or deleting history
outside the app breaks the chain and :func:`verify_chain` finds where.

Two kinds of link share the chain:

- a **row** link (manual edits, file imports): the row's ``prev_hash`` and ``hash``, the
  hash over its own fields (:func:`~app.models.hashing.chain_hash`);
- a **block** link (package imports, one row per value, thousands at once): the rows of
  the block but the last carry empty ``prev_hash`` and ``hash``; the last row carries the
  block's ``prev_hash`` and a hash over every row of the block
  (:func:`~app.models.hashing.block_hash`). Changing, removing or reordering any row of a
  block breaks that hash, as it would break a row link. Hashing a block at once costs a
  fraction of hashing its rows one by one, which is what bulk imports need.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.models.hashing import GENESIS, LOG_FIELDS_SORTED, block_hash, chain_hash, chain_hash_text
from app.models.values import Scalar

_FIELDS = (
    "at",
    "user",
    "org_unit",
    "period",
    "variable",
    "disaggregation",
    "field",
    "old_value",
    "new_value",
    "source",
)


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
    #: Any scalar when written (append() stores it as text, see as_log_text); text or None
    #: when read back.
    old_value: Scalar
    new_value: Scalar
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


def _all_text(fields: dict[str, object]) -> bool:
    return all(v is None or type(v) is str for v in fields.values()) and len(fields) == len(LOG_FIELDS_SORTED)


def append_text_rows(conn: sqlite3.Connection, rows: Sequence[tuple[str | None, ...]]) -> int:
    """Append log rows given as tuples of text/None in ``_FIELDS`` order (bulk imports).

    Several rows are chained as one block link (see the module's docstring); a single row
    gets a row link, as :func:`append` would write it.
    """
    if not rows:
        return 0
    prev = last_hash(conn)
    if len(rows) == 1:
        fields = dict(zip(_FIELDS, rows[0], strict=True))
        out = [(*rows[0], prev, chain_hash_text(prev, fields))]
    else:
        digest = block_hash(prev, rows)
        out = [(*row, "", "") for row in rows[:-1]]
        out.append((*rows[-1], prev, digest))
    conn.executemany(_INSERT, out)
    return len(out)


_INSERT = (
    f"INSERT INTO change_log ({', '.join(_FIELDS)}, prev_hash, hash) VALUES ({', '.join('?' * (len(_FIELDS) + 2))})"
)


def last_hash(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT hash FROM change_log WHERE hash != '' ORDER BY id DESC LIMIT 1").fetchone()
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
    conn.executemany(_INSERT, rows)
    return len(rows)


def verify_chain(conn: sqlite3.Connection) -> int | None:
    """Id of the first row whose hash does not match its content, or None if intact.

    A broken block link names the block's first row; rows left after the last link (a
    block whose closing row was removed) name the first of them.
    """
    prev = GENESIS
    block: list[Sequence[str | None]] = []
    first_id = 0
    cursor = conn.execute(f"SELECT id, {', '.join(_FIELDS)}, prev_hash, hash FROM change_log ORDER BY id")
    for row in cursor:
        fields = row[1 : 1 + len(_FIELDS)]
        if row[-1] == "" and row[-2] == "":  # inside a block: checked when the block closes
            if not block:
                first_id = int(row[0])
            block.append(fields)
            continue
        if row[-2] != prev:
            return first_id if block else int(row[0])
        if block:
            block.append(fields)
            ok = block_hash(prev, block) == row[-1]
        else:
            ok = chain_hash(prev, dict(zip(_FIELDS, fields, strict=True))) == row[-1]
        if not ok:
            return first_id if block else int(row[0])
        block = []
        prev = row[-1]
    return first_id if block else None


def cell_history(
    conn: sqlite3.Connection, org_unit: str, period: str, variable: str, disaggregation: str = ""
) -> list[LogEntry]:
    """Every logged change of one cell, oldest first (its "historial")."""
    # A row inside a block shows the hash of the block that seals it.
    sealed = "(SELECT s.hash FROM change_log AS s WHERE s.id >= change_log.id AND s.hash != '' ORDER BY s.id LIMIT 1)"
    rows = conn.execute(
        f"SELECT id, {', '.join(_FIELDS)}, {sealed} FROM change_log "
        "WHERE org_unit = ? AND period = ? AND variable = ? AND disaggregation = ? ORDER BY id",
        (org_unit, period, variable, disaggregation),
    ).fetchall()
    return [LogEntry(*row[1:-1], id=row[0], hash=row[-1]) for row in rows]  # type: ignore[misc]  # row[1:-1] is the ten fields before id (mypy cannot count a slice)


def last_id(conn: sqlite3.Connection) -> int:
    """The newest change-log row's id (0 for an empty log): a mark to export changes since."""
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0])


def row_count(conn: sqlite3.Connection) -> int:
    """How many rows the change log holds."""
    return int(conn.execute("SELECT count(*) FROM change_log").fetchone()[0])


def changed_keys(conn: sqlite3.Connection, state_code: str, since: int) -> list[tuple[str, str, str, str]]:
    """The cells of a state and its facilities logged after row ``since``, each once."""
    return conn.execute(
        "SELECT DISTINCT l.org_unit, l.period, l.variable, l.disaggregation FROM change_log AS l "
        "WHERE l.id > ? AND (l.org_unit = ? OR l.org_unit IN "
        "(SELECT clues FROM facilities WHERE state_code = ?))",
        (since, state_code, state_code),
    ).fetchall()
