"""The state's outbox of sent packages (reserved, written, delivered) and the sync base HQ acknowledged."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class OutboxEntry:
    """One package the state exported (a row of ``outbox``)."""

    uuid: str
    sequence: int
    device_id: str
    sha256: str
    previous_sha256: str | None
    file_name: str
    path: str
    created_at: str
    full: bool
    log_mark: int
    value_count: int
    delivered_at: str | None
    ack_uuid: str | None
    ack_summary: str | None
    #: SHA-256 of the signed manifest: the package's identity (None in rows made before it).
    manifest_sha256: str | None = None


# -- outbox and sync base (state side) ---------------------------------------------------

_OUT = (
    "uuid, sequence, device_id, sha256, previous_sha256, file_name, path, created_at, full, "
    "log_mark, value_count, delivered_at, ack_uuid, ack_summary, manifest_sha256"
)


def _outbox(row: Sequence[Any]) -> OutboxEntry:
    values = list(row)
    values[8] = bool(values[8])
    return OutboxEntry(*values)


def outbox(conn: sqlite3.Connection) -> list[OutboxEntry]:
    """Every outbox row, in sequence order."""
    return [_outbox(r) for r in conn.execute(f"SELECT {_OUT} FROM outbox ORDER BY sequence")]


def last_outbox(conn: sqlite3.Connection, device_id: str) -> OutboxEntry | None:
    """The outbox row of ``device_id`` with the highest sequence, if any."""
    row = conn.execute(
        f"SELECT {_OUT} FROM outbox WHERE device_id = ? ORDER BY sequence DESC LIMIT 1", (device_id,)
    ).fetchone()
    return _outbox(row) if row else None


def get_outbox(conn: sqlite3.Connection, uuid: str) -> OutboxEntry | None:
    """The outbox row of package ``uuid``, if any."""
    row = conn.execute(f"SELECT {_OUT} FROM outbox WHERE uuid = ?", (uuid,)).fetchone()
    return _outbox(row) if row else None


def add_outbox(conn: sqlite3.Connection, entry: OutboxEntry) -> None:
    """Insert ``entry`` as a new outbox row."""
    conn.execute(
        f"INSERT INTO outbox ({_OUT}) VALUES ({', '.join('?' * 15)})",
        (
            entry.uuid,
            entry.sequence,
            entry.device_id,
            entry.sha256,
            entry.previous_sha256,
            entry.file_name,
            entry.path,
            entry.created_at,
            int(entry.full),
            entry.log_mark,
            entry.value_count,
            entry.delivered_at,
            entry.ack_uuid,
            entry.ack_summary,
            entry.manifest_sha256,
        ),
    )


# A package is reserved before its file is written: its outbox row, the device's high-water
# sequence and a "writing" marker are committed together; the marker is cleared once the file
# is at its final name. Kept in ``settings`` (no schema change): the marker names the row.
_WRITING = "sync.outbox.writing."
_HIGH_WATER = "sync.outbox.high_water."
_FOLDERS = "sync.outbox.folders"
_MAX_FOLDERS = 20


def high_water(conn: sqlite3.Connection, device_id: str) -> int:
    """The highest sequence ever reserved for ``device_id`` (0: none)."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (_HIGH_WATER + device_id,)).fetchone()
    return int(row[0]) if row else 0


def set_high_water(conn: sqlite3.Connection, device_id: str, sequence: int) -> None:
    """Record ``sequence`` as the highest reserved for ``device_id``."""
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (_HIGH_WATER + device_id, str(sequence)),
    )


def reserve_outbox(conn: sqlite3.Connection, entry: OutboxEntry) -> None:
    """Record ``entry`` as being written: its row, its sequence as used, and the marker.

    Call in one transaction, committed before the file reaches its final name: after
    any kill the reconcile finds the row and decides by the file (see
    :mod:`app.services.sync.outbox_reconcile`), and the sequence is never handed out again.
    """
    add_outbox(conn, entry)
    set_high_water(conn, entry.device_id, max(entry.sequence, high_water(conn, entry.device_id)))
    mark_writing(conn, entry.uuid)
    _remember_folder(conn, str(Path(entry.path).parent))


def _remember_folder(conn: sqlite3.Connection, folder: str) -> None:
    folders = [f for f in export_folders(conn) if f != folder]
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (_FOLDERS, json.dumps([folder, *folders][:_MAX_FOLDERS], ensure_ascii=False)),
    )


def export_folders(conn: sqlite3.Connection) -> list[str]:
    """The folders packages were last exported to, newest first (for ``check``)."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (_FOLDERS,)).fetchone()
    try:
        found = json.loads(row[0]) if row else []
    except ValueError:
        return []
    return [f for f in found if isinstance(f, str)] if isinstance(found, list) else []


def mark_writing(conn: sqlite3.Connection, uuid: str) -> None:
    """Mark package ``uuid`` as still being written (cleared by :func:`finish_outbox`)."""
    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (_WRITING + uuid, uuid))


def finish_outbox(conn: sqlite3.Connection, uuid: str) -> None:
    """The package's file is complete at its final name: the row is an ordinary one."""
    conn.execute("DELETE FROM settings WHERE key = ?", (_WRITING + uuid,))


def abandon_outbox(conn: sqlite3.Connection, uuid: str) -> None:
    """The package's file never reached its final name: drop the row, keep its sequence used."""
    conn.execute("DELETE FROM outbox WHERE uuid = ?", (uuid,))
    conn.execute("DELETE FROM settings WHERE key = ?", (_WRITING + uuid,))


def writing_outbox(conn: sqlite3.Connection) -> list[str]:
    """UUIDs of the outbox rows whose file was still being written (a killed export)."""
    return [r[0] for r in conn.execute("SELECT value FROM settings WHERE key LIKE ? ORDER BY key", (_WRITING + "%",))]


def mark_delivered(conn: sqlite3.Connection, uuid: str, at: str, ack_uuid: str, summary: Mapping[str, Any]) -> None:
    """Record HQ's acknowledgement ``ack_uuid`` (and its summary) of package ``uuid``."""
    conn.execute(
        "UPDATE outbox SET delivered_at = ?, ack_uuid = ?, ack_summary = ? WHERE uuid = ?",
        (at, ack_uuid, json.dumps(summary, ensure_ascii=False), uuid),
    )


def last_delivered_mark(conn: sqlite3.Connection) -> int:
    """The change-log id up to which HQ has acknowledged everything (0: nothing yet)."""
    row = conn.execute("SELECT max(log_mark) FROM outbox WHERE delivered_at IS NOT NULL").fetchone()
    return int(row[0] or 0)


def set_sync_base(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, str, str, int]]) -> None:
    """Record the versions HQ acknowledged: (org_unit, period, variable, option, version)."""
    conn.executemany(
        "INSERT INTO sync_base (org_unit, period, variable, disaggregation, version) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (org_unit, period, variable, disaggregation) DO UPDATE SET version = excluded.version "
        "WHERE excluded.version > sync_base.version",
        list(rows),
    )


def sync_base_versions(conn: sqlite3.Connection) -> dict[tuple[str, str, str, str], int]:
    """The version of every cell HQ last acknowledged, by (org_unit, period, variable, disaggregation)."""
    return {
        (r[0], r[1], r[2], r[3]): r[4]
        for r in conn.execute("SELECT org_unit, period, variable, disaggregation, version FROM sync_base")
    }


def max_outbox_sequences(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(device, highest sequence) of every device's outbox rows."""
    return conn.execute("SELECT device_id, max(sequence) FROM outbox GROUP BY device_id").fetchall()
