"""Profiles and trust for sync (DESIGN.md §5, issue 4 item 1).

A data directory is either a state coordinator's (one state) or headquarters' (HQ):

- ``init_profile`` sets it once; HQ's gets an Ed25519 key (to sign) and an X25519 key (to
  receive encrypted payloads), kept in the database of HQ's own machine;
- HQ exports its *HQ profile* (public keys), states import it;
- a state exports an *enrolment* (the coordinator's certificate), HQ registers it for that
  state. Both sides show a readable fingerprint to compare over the phone;
- HQ can revoke or replace a registration; every change is logged.

Issue 11: HQ's private keys are stored wrapped under a passphrase (:mod:`.sync_keys`); nothing
from an HQ profile or an enrolment is stored before its fingerprint is confirmed (typed back
with ``--fingerprint`` or accepted in a dialog); the enrolment's fingerprint covers the
certificate AND the state; HQ rotates its keys with a new profile signed by the old key.
"""

from __future__ import annotations

import base64
import json
import uuid as uuidlib
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ed25519, x25519

from app.models.messages import InputError, os_reason
from app.services.sync import sync_keys
from app.services.sync.sync_fingerprints import (  # noqa: F401 - part of this module's API since issue 4
    _confirm,
    certificate_fingerprint,
    enrolment_fingerprint,
    hq_fingerprint,
    readable,
)
from app.services.workspace import Workspace, now_iso, write_transaction
from app.storage import files, reports_repo, sync_repo
from app.storage.sync_repo import HqKeys, Profile
from app.sync import crypto, safejson
from app.sync.errors import SyncError

HQ_PROFILE_FORMAT = "coordina-hq-profile"
FORMAT_VERSION = 1
DEFAULT_HQ_NAME = "Oficinas centrales IMSS-BIENESTAR"
MAX_FILE_BYTES = 1 << 20  # a profile or an enrolment is a few KiB
#: settings rows (no schema change): when the state confirmed HQ's profile, and at HQ the old
#: key's endorsement of the current keys after a rotation (exported inside the profile).
HQ_CONFIRMED = "sync.hq_profile.confirmed_at"
HQ_ROTATION = "sync.hq_profile.rotated_from"
ROTATION_CONTEXT = b"coordina-hq-rotation\0"


# -- profile ----------------------------------------------------------------------------


def profile(ws: Workspace) -> Profile | None:
    return sync_repo.get_profile(ws.conn)


def require_profile(ws: Workspace, role: str | None = None) -> Profile:
    """The profile, or SyncError naming the missing/wrong one."""
    found = sync_repo.get_profile(ws.conn)
    if found is None:
        raise SyncError("E_NO_PROFILE", str(ws.data_dir))
    if role and found.role != role:
        raise SyncError(
            "E_ROLE", str(ws.data_dir), InputError("sync_detail.role_hq" if role == "hq" else "sync_detail.role_state")
        )
    return found


def init_profile(
    ws: Workspace,
    role: str,
    state: str | None = None,
    name: str = "",
    position: str = "",
    hq_name: str = DEFAULT_HQ_NAME,
    passphrase: bytes | None = None,
) -> Profile:
    """Give the data directory its profile (once). HQ also gets its key pair.

    HQ's private keys are stored wrapped under ``passphrase`` (the CLI and the GUI always
    give one); without it they are stored raw, as before issue 11, and the first
    :func:`sync_keys.unlock` wraps them.
    """
    existing = sync_repo.get_profile(ws.conn)
    if existing is not None:
        label = (
            InputError("sync_detail.role_hq")
            if existing.role == "hq"
            else InputError("sync_detail.role_state_of", state=existing.state_code)
        )
        raise SyncError("E_PROFILE_EXISTS", str(ws.data_dir), label)
    if role not in ("state", "hq"):
        raise SyncError("E_ROLE", str(ws.data_dir), "state|hq")
    if role == "state" and not state:
        raise SyncError("E_ROLE", str(ws.data_dir), "--state")
    state_code = ws.catalog.state(state).code if role == "state" and state else None
    if role == "hq" and passphrase is not None:
        sync_keys.check_new_passphrase(str(ws.data_dir), passphrase)
    made = Profile(role, state_code, str(uuidlib.uuid4()), name.strip(), position.strip(), now_iso())
    with write_transaction(ws):
        sync_repo.set_profile(ws.conn, made)
        if role == "hq":
            signing, encryption = crypto.new_hq_keys()
            sign_pub = crypto.raw_public(signing.public_key())
            enc_pub = crypto.raw_public(encryption.public_key())
            made_keys = HqKeys(
                hq_fingerprint(sign_pub, enc_pub)[:16],
                hq_name,
                sign_pub,
                enc_pub,
                crypto.raw_private(signing),
                crypto.raw_private(encryption),
            )
            if passphrase is not None:
                made_keys = sync_keys.wrap_keys(made_keys, passphrase)
            sync_repo.set_hq_keys(ws.conn, made_keys, now_iso())
    if role == "hq" and passphrase is not None:
        sync_keys.remember(ws.data_dir, passphrase)  # just typed: this session is unlocked
    return made


def hq_keys(ws: Workspace) -> HqKeys:
    """HQ's keys; at HQ with the private halves usable (``E_PASSPHRASE_NEEDED`` if still locked)."""
    keys = sync_repo.get_hq_keys(ws.conn)
    if keys is None:
        raise SyncError("E_NO_HQ", str(ws.data_dir))
    return sync_keys.usable(ws.data_dir, keys)


def hq_public(ws: Workspace) -> HqKeys:
    """HQ's public keys only (no passphrase needed)."""
    keys = sync_repo.get_hq_keys(ws.conn)
    if keys is None:
        raise SyncError("E_NO_HQ", str(ws.data_dir))
    return HqKeys(keys.hq_id, keys.name, keys.sign_public, keys.enc_public, None, None)


# -- HQ profile file ------------------------------------------------------------------------


def _canonical(doc: dict) -> bytes:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def export_hq_profile(ws: Workspace, out: Path) -> str:
    """Write HQ's public profile to ``out``; returns the readable fingerprint."""
    require_profile(ws, "hq")
    keys = hq_keys(ws)
    doc = {
        "format": HQ_PROFILE_FORMAT,
        "format_version": FORMAT_VERSION,
        "hq_id": keys.hq_id,
        "name": keys.name,
        "sign_public": base64.b64encode(keys.sign_public).decode(),
        "enc_public": base64.b64encode(keys.enc_public).decode(),
        "created_at": now_iso(),
    }
    rotated = reports_repo.settings_get(ws.conn, HQ_ROTATION, "")
    if rotated:
        doc["rotated_from"] = json.loads(rotated)  # the old key's endorsement of these keys
    signing = ed25519.Ed25519PrivateKey.from_private_bytes(keys.sign_private or b"")
    doc["signature"] = base64.b64encode(crypto.sign_ed25519(_canonical(doc), signing)).decode()
    files.write_bytes_atomic(Path(out), json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8"))
    return readable(hq_fingerprint(keys.sign_public, keys.enc_public))


def _read_json(path: Path, code: str) -> dict:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # never more, whatever the file's size
    except OSError as exc:
        raise SyncError(code, str(path), os_reason(exc)) from None
    if len(data) > MAX_FILE_BYTES:
        raise SyncError(code, str(path), InputError("sync_detail.over_1mb"))
    try:
        doc = safejson.loads(data, MAX_FILE_BYTES)
    except safejson.JsonRefused as exc:
        raise SyncError(code, str(path), exc) from None
    if not isinstance(doc, dict):
        raise SyncError(code, str(path), "JSON")
    return doc


def _version(doc: dict, path: Path, code: str, fmt: str) -> None:
    if doc.get("format") != fmt:
        raise SyncError(code, str(path), f"format={doc.get('format')!r}")
    version = doc.get("format_version")
    if not isinstance(version, int):
        raise SyncError(code, str(path), "format_version")
    if version > FORMAT_VERSION:
        raise SyncError("E_FORMAT_VERSION", str(path), version)


@dataclass(frozen=True)
class HqProfileFile:
    """An HQ profile file, read and checked, not stored: what the person is asked to confirm."""

    keys: HqKeys
    fingerprint: str  # hex
    rotated_from: dict | None  # {"hq_id", "sign_public", "signature"}: the old key's endorsement

    @property
    def readable(self) -> str:
        return readable(self.fingerprint)


def parse_hq_profile(path: Path) -> HqKeys:
    """Read and check an HQ profile file (shape, keys, self-signature)."""
    return read_hq_profile(path).keys


def read_hq_profile(path: Path) -> HqProfileFile:
    """Read and check an HQ profile file; stores nothing (show its fingerprint first)."""
    doc = _read_json(path, "E_PROFILE_FILE")
    _version(doc, path, "E_PROFILE_FILE", HQ_PROFILE_FORMAT)
    try:
        sign_pub = base64.b64decode(doc["sign_public"], validate=True)
        enc_pub = base64.b64decode(doc["enc_public"], validate=True)
        signature = base64.b64decode(doc["signature"], validate=True)
        public = ed25519.Ed25519PublicKey.from_public_bytes(sign_pub)
        x25519.X25519PublicKey.from_public_bytes(enc_pub)
        name = str(doc["name"])
    except (KeyError, ValueError, TypeError) as exc:
        raise SyncError("E_PROFILE_FILE", str(path), InputError("sync_detail.key", reason=exc)) from None
    body = {k: v for k, v in doc.items() if k != "signature"}
    if not crypto.verify_ed25519(_canonical(body), signature, public):
        raise SyncError("E_PROFILE_FILE", str(path), InputError("sync_detail.bad_signature"))
    hq_id = hq_fingerprint(sign_pub, enc_pub)[:16]
    if doc.get("hq_id") != hq_id:
        raise SyncError("E_PROFILE_FILE", str(path), "hq_id")
    rotated = doc.get("rotated_from")
    if rotated is not None and not (
        isinstance(rotated, dict)
        and all(isinstance(rotated.get(k), str) for k in ("hq_id", "sign_public", "signature"))
    ):
        raise SyncError("E_PROFILE_FILE", str(path), "rotated_from")
    return HqProfileFile(HqKeys(hq_id, name, sign_pub, enc_pub, None, None), hq_fingerprint(sign_pub, enc_pub), rotated)


def _rotation_body(keys: HqKeys) -> bytes:
    return ROTATION_CONTEXT + keys.sign_public + keys.enc_public


def _endorsed_by(found: HqProfileFile, current: HqKeys) -> bool:
    """Whether ``found`` carries a valid endorsement by ``current``'s signing key."""
    rotated = found.rotated_from
    if not rotated or rotated["hq_id"] != current.hq_id:
        return False
    try:
        if base64.b64decode(rotated["sign_public"], validate=True) != current.sign_public:
            return False
        signature = base64.b64decode(rotated["signature"], validate=True)
    except ValueError:
        return False
    public = ed25519.Ed25519PublicKey.from_public_bytes(current.sign_public)
    return crypto.verify_ed25519(_rotation_body(found.keys), signature, public)


def hq_profile_preview(ws: Workspace, path: Path) -> tuple[HqProfileFile, bool, str]:
    """(file, is a rotation endorsed by the stored key, readable fingerprint it replaces or "")."""
    found = read_hq_profile(path)
    current = sync_repo.get_hq_keys(ws.conn)
    if current is None or current.hq_id == found.keys.hq_id:
        return found, False, ""
    return (found, _endorsed_by(found, current), readable(hq_fingerprint(current.sign_public, current.enc_public)))


def hq_profile_confirmed(ws: Workspace) -> bool:
    """Whether the stored HQ profile's fingerprint was confirmed (profiles from before issue 11 were not)."""
    return bool(reports_repo.settings_get(ws.conn, HQ_CONFIRMED, ""))


def import_hq_profile(
    ws: Workspace, path: Path, fingerprint: str | None = None, confirmed: bool = False
) -> tuple[HqKeys, str]:
    """A state stores HQ's public keys, only once their fingerprint is confirmed.

    ``fingerprint`` is the one read over the phone (it must match the file's), or
    ``confirmed`` says the person compared the fingerprint shown to her. Without either,
    nothing is stored (``E_FINGERPRINT_UNCONFIRMED``). A stored profile is replaced by
    one of another HQ only when it was never confirmed, or when the new one is endorsed
    by the stored signing key (a rotation, logged; no phone call needed then).
    """
    prof = require_profile(ws, "state")
    found = read_hq_profile(path)
    keys, where = found.keys, str(path)
    current = sync_repo.get_hq_keys(ws.conn)
    action = "hq_profile"
    if current is not None and current.hq_id != keys.hq_id:
        current_fp = readable(hq_fingerprint(current.sign_public, current.enc_public))
        if _endorsed_by(found, current):
            action = "hq_rotate"
        elif found.rotated_from and found.rotated_from.get("hq_id") == current.hq_id:
            raise SyncError("E_HQ_ROTATION", where, InputError("sync_detail.key_in_use", fingerprint=current_fp[:19]))
        elif hq_profile_confirmed(ws):
            raise SyncError("E_HQ_MISMATCH", where, InputError("sync_detail.key_in_use", fingerprint=current_fp[:19]))
        else:
            action = "hq_replace"  # the stored one was never confirmed: it may be wrong
    if action != "hq_rotate":
        _confirm(where, found.fingerprint, fingerprint, confirmed)
    at = now_iso()
    with write_transaction(ws):
        sync_repo.set_hq_keys(ws.conn, keys, at)
        reports_repo.settings_set(ws.conn, HQ_CONFIRMED, at)
        note = (
            ""
            if current is None or current.hq_id == keys.hq_id
            else f"reemplaza {hq_fingerprint(current.sign_public, current.enc_public)}"
        )
        sync_repo.log_registration(ws.conn, at, ws.user, action, found.fingerprint, prof.state_code or "", note)
    return keys, found.readable


def rotate_hq_keys(ws: Workspace, passphrase: bytes) -> str:
    """HQ: new key pair, endorsed by the current signing key; returns the new readable fingerprint.

    The next ``hq-profile export`` carries the endorsement, so a state accepts the new
    profile without a phone call. Packages sealed to the old key are refused afterwards
    (``E_HQ_MISMATCH``): states export again (``--full``) once they have the new profile.
    """
    require_profile(ws, "hq")
    old = hq_keys(ws)  # unlocked: E_PASSPHRASE_NEEDED / E_PASSPHRASE_WRONG otherwise
    sync_keys.check_new_passphrase(str(ws.data_dir), passphrase)
    signing, encryption = crypto.new_hq_keys()
    sign_pub, enc_pub = (crypto.raw_public(signing.public_key()), crypto.raw_public(encryption.public_key()))
    new = HqKeys(
        hq_fingerprint(sign_pub, enc_pub)[:16],
        old.name,
        sign_pub,
        enc_pub,
        crypto.raw_private(signing),
        crypto.raw_private(encryption),
    )
    old_signing = ed25519.Ed25519PrivateKey.from_private_bytes(old.sign_private or b"")
    endorsement = {
        "hq_id": old.hq_id,
        "sign_public": base64.b64encode(old.sign_public).decode(),
        "signature": base64.b64encode(crypto.sign_ed25519(_rotation_body(new), old_signing)).decode(),
    }
    at = now_iso()
    with write_transaction(ws):
        reports_repo.settings_set(ws.conn, HQ_ROTATION, json.dumps(endorsement))
        sync_repo.log_registration(
            ws.conn,
            at,
            ws.user,
            "hq_rotate",
            hq_fingerprint(sign_pub, enc_pub),
            "",
            f"reemplaza {hq_fingerprint(old.sign_public, old.enc_public)}",
        )
    sync_keys.store_wrapped(ws, sync_keys.wrap_keys(new, passphrase))
    sync_keys.forget(ws.data_dir)
    sync_keys.remember(ws.data_dir, passphrase)
    return readable(hq_fingerprint(sign_pub, enc_pub))
