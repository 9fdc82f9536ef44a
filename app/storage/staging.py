"""Scratch space of one values import: checked changes wait on disk, not in memory.

A million-row file once held every row as Python objects (4.3 GB). Checked changes now
go to a private temporary SQLite database (``sqlite3.connect("")``: a file in the system's
temporary folder, deleted when closed, with a small page cache), which also finds
duplicate keys through its unique index. The workspace's database is not touched until
the whole file has been read and checked (:mod:`app.services.files.value_files`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from app.models.values import ValueChange, ValueKey

BATCH = 2000


@dataclass(frozen=True)
class Staged:
    """A checked change and where it came from (to name it in a later error)."""

    seq: int
    change: ValueChange
    state: str
    where: str
    row: int
    column: str


class Staging:
    """The checked changes of one import, on disk, with duplicate detection."""

    def __init__(self) -> None:
        self.conn = sqlite3.connect("")  # "": a private temporary database on disk
        self.conn.execute("PRAGMA cache_size = -4096")  # KiB: bounded whatever the file's size
        self.conn.execute(
            "CREATE TABLE staged (seq INTEGER PRIMARY KEY, org TEXT, period TEXT, variable TEXT, "
            "opt TEXT, value, comment TEXT, state TEXT, place TEXT, row INTEGER, col TEXT, "
            "pending INTEGER NOT NULL DEFAULT 0, prov INTEGER)"
        )  # prov: NULL = no change
        self.conn.execute("CREATE UNIQUE INDEX staged_key ON staged (org, period, variable, opt)")
        self.count = 0

    def close(self) -> None:
        """Drop the scratch database (its file goes with it)."""
        self.conn.close()

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def add(self, change: ValueChange, state: str, where: str, row: int, column: str) -> tuple[str, int] | None:
        """Stage ``change``; if its key is already staged, return (where, row) of that one."""
        k = change.key
        cursor = self.conn.execute(
            "INSERT INTO staged (org, period, variable, opt, value, comment, state, place, row, col, prov) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (
                k.org_unit,
                k.period,
                k.variable,
                k.disaggregation,
                change.value,
                change.comment,
                state,
                where,
                row,
                column,
                None if change.provisional is None else int(change.provisional),
            ),
        )
        if cursor.rowcount == 1:
            self.count += 1
            return None
        first: tuple[str, int] | None = self.conn.execute(
            "SELECT place, row FROM staged WHERE org = ? AND period = ? AND variable = ? AND opt = ?",
            (k.org_unit, k.period, k.variable, k.disaggregation),
        ).fetchone()
        return first

    def batches(self, pending_only: bool = False) -> Iterator[list[Staged]]:
        """Staged changes in file order, a bounded batch at a time."""
        last = 0
        where = "AND pending = 1" if pending_only else ""
        while True:
            rows = self.conn.execute(
                "SELECT seq, org, period, variable, opt, value, comment, state, place, row, col, prov "
                f"FROM staged WHERE seq > ? {where} ORDER BY seq LIMIT ?",
                (last, BATCH),
            ).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            yield [
                Staged(
                    r[0],
                    ValueChange(ValueKey(r[1], r[2], r[3], r[4]), r[5], r[6], None if r[11] is None else bool(r[11])),
                    r[7],
                    r[8],
                    r[9],
                    r[10],
                )
                for r in rows
            ]

    def mark_pending(self, seqs: list[int]) -> None:
        """Remember which staged changes would alter a stored value."""
        self.conn.executemany("UPDATE staged SET pending = 1 WHERE seq = ?", ((s,) for s in seqs))

    def months(self) -> list[tuple[str, str]]:
        """Every (state, period) with a staged change."""
        return self.conn.execute("SELECT DISTINCT state, period FROM staged ORDER BY 1, 2").fetchall()

    def cells_of(self, state: str, period: str) -> Iterator[tuple[str, str, str]]:
        """(org unit, variable, option) of the staged changes of one month, by org unit."""
        return self.conn.execute(
            "SELECT org, variable, opt FROM staged WHERE state = ? AND period = ? ORDER BY org", (state, period)
        )
