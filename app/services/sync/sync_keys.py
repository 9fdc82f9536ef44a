"""HQ's private keys under a passphrase (issue 11, hole 1).

At HQ the Ed25519 (signing) and X25519 (decrypting) private keys are stored only wrapped:
scrypt turns the passphrase into an AES-256-GCM key (:func:`app.sync.crypto.wrap_secret`),
and the associated data names the key and HQ's id, so the two blobs cannot be swapped or
moved to another HQ. The database, and so every backup, holds only the wrapped form.

The passphrase is asked once per GUI session or read from ``--passphrase-env VAR`` by the
CLI, checked by :func:`unlock` and then kept in this process's memory only (never in a file,
setting or log). Keys made before issue 11 are stored raw: the first :func:`unlock` with a
passphrase wraps them in place (SQLite's ``secure_delete`` zeroes the old bytes and the WAL
is checkpointed, so the raw bytes leave the database file too).
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from pathlib import Path

from app.services.workspace import Workspace, now_iso, write_transaction
from app.storage import database, sync_repo
from app.storage.sync_repo import HqKeys
from app.sync import crypto
from app.sync.errors import SyncError

MIN_PASSPHRASE = 8

log = logging.getLogger("coordina.sync.keys")

# data directory (resolved) -> passphrase; (data directory, wrapped blob) -> raw key.
_PASSPHRASES: dict[Path, bytes] = {}
_RAW: dict[tuple[Path, bytes], bytes] = {}


def _key(data_dir: Path) -> Path:
    return Path(data_dir).resolve()


def remember(data_dir: Path, passphrase: bytes) -> None:
    """Keep ``passphrase`` for ``data_dir`` for the rest of this process (the GUI session)."""
    _PASSPHRASES[_key(data_dir)] = bytes(passphrase)


def forget(data_dir: Path) -> None:
    """Drop the passphrase and the unwrapped keys of ``data_dir`` from memory."""
    key = _key(data_dir)
    _PASSPHRASES.pop(key, None)
    for cached in [k for k in _RAW if k[0] == key]:
        _RAW.pop(cached, None)


def passphrase_for(data_dir: Path) -> bytes | None:
    return _PASSPHRASES.get(_key(data_dir))


def check_new_passphrase(where: str, passphrase: bytes) -> None:
    """A new passphrase must be long enough to resist guessing from a stolen backup."""
    if len(passphrase.decode("utf-8", "replace")) < MIN_PASSPHRASE:
        raise SyncError("E_PASSPHRASE_WEAK", where, MIN_PASSPHRASE)


def _aad(which: str, hq_id: str) -> bytes:
    return b"coordina-hq-key\0" + which.encode("ascii") + b"\0" + hq_id.encode("ascii")


def wrap_keys(keys: HqKeys, passphrase: bytes) -> HqKeys:
    """``keys`` with both private halves wrapped under ``passphrase``."""
    return dataclasses.replace(
        keys,
        sign_private=crypto.wrap_secret(keys.sign_private or b"", passphrase, _aad("sign", keys.hq_id)),
        enc_private=crypto.wrap_secret(keys.enc_private or b"", passphrase, _aad("enc", keys.hq_id)),
    )


def is_protected(keys: HqKeys) -> bool:
    """Whether ``keys`` (HQ's, with private halves) are stored wrapped."""
    return crypto.is_wrapped(keys.sign_private) and crypto.is_wrapped(keys.enc_private)


def _unwrap(data_dir: Path, blob: bytes, passphrase: bytes, aad: bytes) -> bytes:
    cached = _RAW.get((_key(data_dir), bytes(blob)))
    if cached is not None:
        return cached
    try:
        raw = crypto.unwrap_secret(bytes(blob), passphrase, aad)
    except ValueError:
        raise SyncError("E_PASSPHRASE_WRONG", str(data_dir)) from None
    _RAW[(_key(data_dir), bytes(blob))] = raw
    return raw


def usable(data_dir: Path, keys: HqKeys) -> HqKeys:
    """``keys`` with raw private halves, for signing and decrypting now.

    Public-only keys (a state's copy of HQ's profile) and raw keys made before issue 11
    come back as they are. Wrapped keys need the passphrase given to :func:`unlock`.
    """
    if keys.sign_private is None or not crypto.is_wrapped(keys.sign_private):
        return keys
    passphrase = passphrase_for(data_dir)
    if passphrase is None:
        raise SyncError("E_PASSPHRASE_NEEDED", str(data_dir))
    return dataclasses.replace(
        keys,
        sign_private=_unwrap(data_dir, keys.sign_private, passphrase, _aad("sign", keys.hq_id)),
        enc_private=_unwrap(data_dir, keys.enc_private or b"", passphrase, _aad("enc", keys.hq_id)),
    )


def needs_passphrase(ws: Workspace) -> bool:
    """Whether this data directory holds HQ keys that are wrapped and not yet unlocked here."""
    keys = sync_repo.get_hq_keys(ws.conn)
    return keys is not None and crypto.is_wrapped(keys.sign_private) and passphrase_for(ws.data_dir) is None


def require_passphrase(ws: Workspace) -> None:
    """Refuse with E_PASSPHRASE_NEEDED when :func:`needs_passphrase`: said once, up front."""
    if needs_passphrase(ws):
        raise SyncError("E_PASSPHRASE_NEEDED", str(ws.data_dir))


def key_state(ws: Workspace) -> str:
    """``"none"`` (a state, or no profile), ``"raw"`` (before issue 11), ``"locked"`` or ``"unlocked"``."""
    keys = sync_repo.get_hq_keys(ws.conn)
    if keys is None or keys.sign_private is None:
        return "none"
    if not is_protected(keys):
        return "raw"
    return "locked" if passphrase_for(ws.data_dir) is None else "unlocked"


def holds_private_keys(ws: Workspace) -> bool:
    keys = sync_repo.get_hq_keys(ws.conn)
    return keys is not None and keys.sign_private is not None


def unlock(ws: Workspace, passphrase: bytes) -> bool:
    """Check ``passphrase`` against HQ's keys and keep it for this process.

    Raw keys (made before issue 11) are wrapped under it now; returns True then. A wrong
    passphrase raises ``E_PASSPHRASE_WRONG`` and writes nothing.
    """
    keys = sync_repo.get_hq_keys(ws.conn)
    if keys is None or keys.sign_private is None:
        raise SyncError("E_NO_HQ", str(ws.data_dir))
    if is_protected(keys):
        forget(ws.data_dir)
        remember(ws.data_dir, passphrase)
        try:
            usable(ws.data_dir, keys)
        except SyncError:
            forget(ws.data_dir)
            raise
        return False
    check_new_passphrase(str(ws.data_dir), passphrase)
    store_wrapped(ws, wrap_keys(keys, passphrase))
    remember(ws.data_dir, passphrase)
    log.warning("HQ private keys of %s were stored raw; wrapped under the passphrase now", ws.data_dir)
    return True


def store_wrapped(ws: Workspace, keys: HqKeys) -> None:
    """Write ``keys`` (already wrapped) over the stored ones, leaving no old bytes in the file."""
    assert is_protected(keys), "only wrapped keys are stored"
    database.secure_delete(ws.conn)  # freed cells are zeroed, not left readable
    with write_transaction(ws):
        sync_repo.set_hq_keys(ws.conn, keys, now_iso())
    try:  # the old page versions leave the main file and the WAL
        database.checkpoint(ws.conn)
    except sqlite3.Error as exc:  # a busy reader: the next checkpoint finishes the job
        log.warning("checkpoint after wrapping HQ keys deferred: %s", exc)
