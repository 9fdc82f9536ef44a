"""Rows of the sync tables (migration 4): profile, HQ keys and registrations, plain SQL;
callers own the transaction. The outbox and sync base (``outbox_repo``) and the inbox
(``inbox_repo``) live beside it; their names are re-exported here."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from .inbox_repo import InboxEntry as InboxEntry
from .inbox_repo import add_inbox as add_inbox
from .inbox_repo import device_sequences as device_sequences
from .inbox_repo import get_inbox as get_inbox
from .inbox_repo import inbox as inbox
from .inbox_repo import inbox_by_identity as inbox_by_identity
from .inbox_repo import inbox_by_sequence as inbox_by_sequence
from .inbox_repo import last_hq_sequence as last_hq_sequence
from .inbox_repo import next_hq_sequence as next_hq_sequence
from .inbox_repo import same_package as same_package
from .outbox_repo import OutboxEntry as OutboxEntry
from .outbox_repo import abandon_outbox as abandon_outbox
from .outbox_repo import add_outbox as add_outbox
from .outbox_repo import export_folders as export_folders
from .outbox_repo import finish_outbox as finish_outbox
from .outbox_repo import get_outbox as get_outbox
from .outbox_repo import high_water as high_water
from .outbox_repo import last_delivered_mark as last_delivered_mark
from .outbox_repo import last_outbox as last_outbox
from .outbox_repo import mark_delivered as mark_delivered
from .outbox_repo import mark_writing as mark_writing
from .outbox_repo import max_outbox_sequences as max_outbox_sequences
from .outbox_repo import outbox as outbox
from .outbox_repo import reserve_outbox as reserve_outbox
from .outbox_repo import set_high_water as set_high_water
from .outbox_repo import set_sync_base as set_sync_base
from .outbox_repo import sync_base_versions as sync_base_versions
from .outbox_repo import writing_outbox as writing_outbox
from .profile_repo import HqKeys as HqKeys
from .profile_repo import Profile as Profile
from .profile_repo import get_hq_keys as get_hq_keys
from .profile_repo import get_profile as get_profile
from .profile_repo import set_hq_keys as set_hq_keys
from .profile_repo import set_profile as set_profile


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
