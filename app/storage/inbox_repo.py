"""Imported packages (the inbox, on both sides), package identity and the HQ → state numbering."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.models.import_summary import ImportSummary


@dataclass(frozen=True)
class InboxEntry:
    """One imported package (a row of ``inbox``)."""

    uuid: str
    sha256: str
    kind: str
    state_code: str | None
    device_id: str | None
    sequence: int | None
    signer: str
    periods: tuple[str, ...]
    created_at: str | None
    imported_at: str
    imported_by: str
    summary: ImportSummary
    archive_path: str
    #: SHA-256 of the signed manifest: the package's identity (None in rows made before it).
    manifest_sha256: str | None = None


# -- inbox (both sides) ---------------------------------------------------------------

_IN = (
    "uuid, sha256, kind, state_code, device_id, sequence, signer, periods, created_at, imported_at, "
    "imported_by, summary, archive_path, manifest_sha256"
)


def _inbox(row: Sequence[Any]) -> InboxEntry:
    values = list(row)
    values[7] = tuple(json.loads(values[7] or "[]"))
    values[11] = json.loads(values[11])
    return InboxEntry(*values)


def get_inbox(conn: sqlite3.Connection, uuid: str) -> InboxEntry | None:
    """The inbox row of package ``uuid``, if any."""
    row = conn.execute(f"SELECT {_IN} FROM inbox WHERE uuid = ?", (uuid,)).fetchone()
    return _inbox(row) if row else None


def inbox(conn: sqlite3.Connection, kind: str | None = None) -> list[InboxEntry]:
    """Every inbox row (of ``kind`` when given), in import order."""
    sql = f"SELECT {_IN} FROM inbox"
    params: tuple[Any, ...] = ()
    if kind:
        sql += " WHERE kind = ?"
        params = (kind,)
    return [_inbox(r) for r in conn.execute(sql + " ORDER BY imported_at, uuid", params)]


def device_sequences(conn: sqlite3.Connection, state_code: str, device_id: str) -> list[int]:
    """The sequences of the data packages imported from one device of a state, in order."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT sequence FROM inbox WHERE kind = 'data' AND state_code = ? AND device_id = ? ORDER BY sequence",
            (state_code, device_id),
        )
    ]


def add_inbox(conn: sqlite3.Connection, entry: InboxEntry) -> None:
    """Insert ``entry`` as a new inbox row."""
    conn.execute(
        f"INSERT INTO inbox ({_IN}) VALUES ({', '.join('?' * 14)})",
        (
            entry.uuid,
            entry.sha256,
            entry.kind,
            entry.state_code,
            entry.device_id,
            entry.sequence,
            entry.signer,
            json.dumps(list(entry.periods)),
            entry.created_at,
            entry.imported_at,
            entry.imported_by,
            json.dumps(entry.summary, ensure_ascii=False),
            entry.archive_path,
            entry.manifest_sha256,
        ),
    )


# -- identity and HQ → state numbering (issue 11 holes 3 and 6) ----------------------------

_HQ_SEQUENCE = "sync.hq.sequence."


def same_package(
    stored_file: str | None, stored_manifest: str | None, file_sha256: str | None, manifest_sha256: str | None
) -> bool:
    """Whether two records name the same package: by the signed manifest when both know it.

    Rows written before manifests identified packages (and acks from such an HQ) only know
    the file's hash; then the file's hash decides.
    """
    if stored_manifest and manifest_sha256:
        return stored_manifest == manifest_sha256
    return bool(stored_file) and stored_file == file_sha256


def next_hq_sequence(conn: sqlite3.Connection, state_code: str) -> int:
    """HQ: the next number of an ack or update for ``state_code`` (1, 2, …), reserved now.

    One counter per state for both kinds, so numbers never repeat; the state refuses any
    package of a kind not above the last one it imported (``E_REPLAY``).
    """
    key = _HQ_SEQUENCE + state_code
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    number = (int(row[0]) if row else 0) + 1
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, str(number)),
    )
    return number


def last_hq_sequence(conn: sqlite3.Connection, kind: str) -> int:
    """State: the highest sequence of an imported HQ package of ``kind`` (0: none)."""
    row = conn.execute("SELECT max(sequence) FROM inbox WHERE kind = ?", (kind,)).fetchone()
    return int(row[0] or 0)


def inbox_by_sequence(conn: sqlite3.Connection, state_code: str, device_id: str, sequence: int) -> InboxEntry | None:
    """HQ: the imported data package of that device with that sequence, if any."""
    row = conn.execute(
        f"SELECT {_IN} FROM inbox WHERE kind = 'data' AND state_code = ? AND device_id = ? AND sequence = ?",
        (state_code, device_id, sequence),
    ).fetchone()
    return _inbox(row) if row else None


def inbox_by_identity(conn: sqlite3.Connection, digest: str) -> InboxEntry | None:
    """HQ: the imported data package whose identity (or, in older rows, file hash) is ``digest``."""
    row = conn.execute(
        f"SELECT {_IN} FROM inbox WHERE kind = 'data' AND (manifest_sha256 = ? OR sha256 = ?) LIMIT 1", (digest, digest)
    ).fetchone()
    return _inbox(row) if row else None
