"""The device's profile (its role, state and id) and headquarters' keys.

Kept apart from the sync facade (:mod:`.sync_repo`, which re-exports them) so that the
overview read when the window opens does not import the outbox and inbox stores (time
to a usable grid, issue 12).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


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
