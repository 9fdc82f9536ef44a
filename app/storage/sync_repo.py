"""Rows of the sync tables (migration 4): profile, HQ keys, registrations, outbox, inbox,
sync_base and conflicts. Plain SQL; callers own the transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.models.import_summary import ImportSummary


@dataclass(frozen=True)
class Profile:
    role: str  # "state" or "hq"
    state_code: str | None
    device_id: str
    name: str
    position: str
    created_at: str


@dataclass(frozen=True)
class HqKeys:
    hq_id: str
    name: str
    sign_public: bytes
    enc_public: bytes
    sign_private: bytes | None
    enc_private: bytes | None


@dataclass(frozen=True)
class Registration:
    fingerprint: str
    state_code: str
    name: str
    certificate: bytes  # PEM
    registered_at: str
    revoked_at: str | None
    replaced_by: str | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True)
class OutboxEntry:
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


@dataclass(frozen=True)
class InboxEntry:
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


# -- profile and HQ keys -------------------------------------------------------------


def get_profile(conn: sqlite3.Connection) -> Profile | None:
    row = conn.execute(
        "SELECT role, state_code, device_id, name, position, created_at FROM profile WHERE id = 1"
    ).fetchone()
    return Profile(*row) if row else None


def set_profile(conn: sqlite3.Connection, profile: Profile) -> None:
    conn.execute(
        "INSERT INTO profile (id, role, state_code, device_id, name, position, created_at) "
        "VALUES (1, ?, ?, ?, ?, ?, ?)",
        (profile.role, profile.state_code, profile.device_id, profile.name, profile.position, profile.created_at),
    )


def get_hq_keys(conn: sqlite3.Connection) -> HqKeys | None:
    row = conn.execute(
        "SELECT hq_id, name, sign_public, enc_public, sign_private, enc_private FROM hq_keys WHERE id = 1"
    ).fetchone()
    return HqKeys(*row) if row else None


def set_hq_keys(conn: sqlite3.Connection, keys: HqKeys, at: str) -> None:
    conn.execute(
        "INSERT INTO hq_keys (id, hq_id, name, sign_public, enc_public, sign_private, "
        "enc_private, imported_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET hq_id = excluded.hq_id, name = excluded.name, "
        "sign_public = excluded.sign_public, enc_public = excluded.enc_public, "
        "sign_private = excluded.sign_private, enc_private = excluded.enc_private, "
        "imported_at = excluded.imported_at",
        (keys.hq_id, keys.name, keys.sign_public, keys.enc_public, keys.sign_private, keys.enc_private, at),
    )


# -- registrations ----------------------------------------------------------------------

_REG = "fingerprint, state_code, name, certificate, registered_at, revoked_at, replaced_by"


def get_registration(conn: sqlite3.Connection, fingerprint: str) -> Registration | None:
    row = conn.execute(f"SELECT {_REG} FROM registrations WHERE fingerprint = ?", (fingerprint,)).fetchone()
    return Registration(*row) if row else None


def list_registrations(conn: sqlite3.Connection, state_code: str | None = None) -> list[Registration]:
    sql = f"SELECT {_REG} FROM registrations"
    params: tuple[Any, ...] = ()
    if state_code:
        sql += " WHERE state_code = ?"
        params = (state_code,)
    return [Registration(*r) for r in conn.execute(sql + " ORDER BY state_code, registered_at", params)]


def add_registration(conn: sqlite3.Connection, reg: Registration, by: str) -> None:
    conn.execute(
        "INSERT INTO registrations (fingerprint, state_code, name, certificate, registered_at, "
        "registered_by) VALUES (?, ?, ?, ?, ?, ?)",
        (reg.fingerprint, reg.state_code, reg.name, reg.certificate, reg.registered_at, by),
    )


def revoke_registration(
    conn: sqlite3.Connection, fingerprint: str, at: str, by: str, replaced_by: str | None = None
) -> None:
    conn.execute(
        "UPDATE registrations SET revoked_at = ?, revoked_by = ?, replaced_by = ? WHERE fingerprint = ?",
        (at, by, replaced_by, fingerprint),
    )


def log_registration(
    conn: sqlite3.Connection, at: str, user: str, action: str, fingerprint: str, state_code: str, note: str = ""
) -> None:
    conn.execute(
        "INSERT INTO registration_log (at, user, action, fingerprint, state_code, note) VALUES (?, ?, ?, ?, ?, ?)",
        (at, user, action, fingerprint, state_code, note),
    )


def registration_log(conn: sqlite3.Connection) -> list[tuple[str, str, str, str, str, str]]:
    return conn.execute(
        "SELECT at, user, action, fingerprint, state_code, note FROM registration_log ORDER BY id"
    ).fetchall()


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
    return [_outbox(r) for r in conn.execute(f"SELECT {_OUT} FROM outbox ORDER BY sequence")]


def last_outbox(conn: sqlite3.Connection, device_id: str) -> OutboxEntry | None:
    row = conn.execute(
        f"SELECT {_OUT} FROM outbox WHERE device_id = ? ORDER BY sequence DESC LIMIT 1", (device_id,)
    ).fetchone()
    return _outbox(row) if row else None


def get_outbox(conn: sqlite3.Connection, uuid: str) -> OutboxEntry | None:
    row = conn.execute(f"SELECT {_OUT} FROM outbox WHERE uuid = ?", (uuid,)).fetchone()
    return _outbox(row) if row else None


def add_outbox(conn: sqlite3.Connection, entry: OutboxEntry) -> None:
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
    row = conn.execute(f"SELECT {_IN} FROM inbox WHERE uuid = ?", (uuid,)).fetchone()
    return _inbox(row) if row else None


def inbox(conn: sqlite3.Connection, kind: str | None = None) -> list[InboxEntry]:
    sql = f"SELECT {_IN} FROM inbox"
    params: tuple[Any, ...] = ()
    if kind:
        sql += " WHERE kind = ?"
        params = (kind,)
    return [_inbox(r) for r in conn.execute(sql + " ORDER BY imported_at, uuid", params)]


def device_sequences(conn: sqlite3.Connection, state_code: str, device_id: str) -> list[int]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT sequence FROM inbox WHERE kind = 'data' AND state_code = ? AND device_id = ? ORDER BY sequence",
            (state_code, device_id),
        )
    ]


def add_inbox(conn: sqlite3.Connection, entry: InboxEntry) -> None:
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


def sync_base_versions(conn: sqlite3.Connection) -> dict[tuple[str, str, str, str], int]:
    """The version of every cell HQ last acknowledged, by (org_unit, period, variable, disaggregation)."""
    return {
        (r[0], r[1], r[2], r[3]): r[4]
        for r in conn.execute("SELECT org_unit, period, variable, disaggregation, version FROM sync_base")
    }


def max_outbox_sequences(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(device, highest sequence) of every device's outbox rows."""
    return conn.execute("SELECT device_id, max(sequence) FROM outbox GROUP BY device_id").fetchall()
