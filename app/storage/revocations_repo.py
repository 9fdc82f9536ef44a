"""Revoked coordinator certificates: which ones ``verify`` must refuse (issue 10 part 1).

At headquarters the list is its own registrations store (``registrations.revoked_at``); at a
state it is ``revoked_certificates`` (migration 5), filled from HQ's update packages.
Fingerprints are lower-case hex without colons, as registrations store them. Plain SQL;
callers own the transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


def revoked_fingerprints(conn: sqlite3.Connection) -> dict[str, str]:
    """Every revoked certificate known here: fingerprint -> when it was revoked."""
    found = dict(conn.execute("SELECT fingerprint, revoked_at FROM revoked_certificates"))
    found.update(conn.execute("SELECT fingerprint, revoked_at FROM registrations WHERE revoked_at IS NOT NULL"))
    return found


def hq_revocations(conn: sqlite3.Connection) -> list[dict[str, str]]:
    """HQ's revoked registrations, as an update package carries them to the states."""
    rows = conn.execute(
        "SELECT fingerprint, revoked_at FROM registrations WHERE revoked_at IS NOT NULL ORDER BY fingerprint"
    )
    return [{"fingerprint": fp, "revoked_at": at} for fp, at in rows]


def store_received(
    conn: sqlite3.Connection, rows: Iterable[tuple[str, str]], received_at: str, package_uuid: str
) -> int:
    """Keep the revocations an HQ update brought; returns how many were new here."""
    before = conn.total_changes
    conn.executemany(
        "INSERT OR IGNORE INTO revoked_certificates (fingerprint, revoked_at, received_at, "
        "package_uuid) VALUES (?, ?, ?, ?)",
        [(fp, at, received_at, package_uuid) for fp, at in rows],
    )
    return conn.total_changes - before
