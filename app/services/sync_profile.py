"""Profiles and trust for sync (DESIGN.md §5, issue 4 item 1).

A data directory is either a state coordinator's (one state) or headquarters' (HQ):

- ``init_profile`` sets it once; HQ's gets an Ed25519 key (to sign) and an X25519 key (to
  receive encrypted payloads), kept in the database of HQ's own machine;
- HQ exports its *HQ profile* (public keys), states import it;
- a state exports an *enrolment* (the coordinator's certificate), HQ registers it for that
  state. Both sides show a readable fingerprint to compare over the phone;
- HQ can revoke or replace a registration; every change is logged.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import uuid as uuidlib
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ed25519

from app.models.messages import InputError
from app.reports import identity as ident
from app.storage import files, reports_repo, sync_repo
from app.storage.sync_repo import HqKeys, Profile, Registration
from app.sync import crypto, safejson
from app.sync.errors import SyncError

from .workspace import Workspace, now_iso, write_transaction

HQ_PROFILE_FORMAT = "coordina-hq-profile"
ENROL_FORMAT = "coordina-enrolment"
FORMAT_VERSION = 1
OWN_CERTIFICATE = "own_certificate_pem"
DEFAULT_HQ_NAME = "Oficinas centrales IMSS-BIENESTAR"
MAX_FILE_BYTES = 1 << 20  # a profile or an enrolment is a few KiB


def readable(hex_digest: str) -> str:
    """A SHA-256 as 16 groups of 4 upper-case hex digits, to read aloud over the phone."""
    digits = hex_digest.replace(":", "").upper()
    return " ".join(digits[i:i + 4] for i in range(0, len(digits), 4))


def certificate_fingerprint(cert: x509.Certificate) -> str:
    """The certificate's SHA-256 as lower-case hex (the registration key)."""
    return ident.fingerprint(cert).replace(":", "").lower()


def hq_fingerprint(sign_public: bytes, enc_public: bytes) -> str:
    """SHA-256 over HQ's two public keys: what both sides compare."""
    return hashlib.sha256(b"coordina-hq\0" + sign_public + enc_public).hexdigest()


# -- profile ----------------------------------------------------------------------------


def profile(ws: Workspace) -> Profile | None:
    return sync_repo.get_profile(ws.conn)


def require_profile(ws: Workspace, role: str | None = None) -> Profile:
    """The profile, or SyncError naming the missing/wrong one."""
    found = sync_repo.get_profile(ws.conn)
    if found is None:
        raise SyncError("E_NO_PROFILE", str(ws.data_dir))
    if role and found.role != role:
        raise SyncError("E_ROLE", str(ws.data_dir), "HQ" if role == "hq" else "estatal")
    return found


def init_profile(ws: Workspace, role: str, state: str | None = None, name: str = "",
                 position: str = "", hq_name: str = DEFAULT_HQ_NAME) -> Profile:
    """Give the data directory its profile (once). HQ also gets its key pair."""
    existing = sync_repo.get_profile(ws.conn)
    if existing is not None:
        label = "HQ" if existing.role == "hq" else f"estatal ({existing.state_code})"
        raise SyncError("E_PROFILE_EXISTS", str(ws.data_dir), label)
    if role not in ("state", "hq"):
        raise SyncError("E_ROLE", str(ws.data_dir), "state|hq")
    if role == "state" and not state:
        raise SyncError("E_ROLE", str(ws.data_dir), "--state")
    state_code = ws.catalog.state(state).code if role == "state" and state else None
    made = Profile(role, state_code, str(uuidlib.uuid4()), name.strip(), position.strip(), now_iso())
    with write_transaction(ws):
        sync_repo.set_profile(ws.conn, made)
        if role == "hq":
            signing, encryption = crypto.new_hq_keys()
            sign_pub = crypto.raw_public(signing.public_key())
            enc_pub = crypto.raw_public(encryption.public_key())
            sync_repo.set_hq_keys(ws.conn, HqKeys(
                hq_fingerprint(sign_pub, enc_pub)[:16], hq_name, sign_pub, enc_pub,
                crypto.raw_private(signing), crypto.raw_private(encryption)), now_iso())
    return made


def hq_keys(ws: Workspace) -> HqKeys:
    keys = sync_repo.get_hq_keys(ws.conn)
    if keys is None:
        raise SyncError("E_NO_HQ", str(ws.data_dir))
    return keys


# -- HQ profile file ------------------------------------------------------------------------


def _canonical(doc: dict) -> bytes:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def export_hq_profile(ws: Workspace, out: Path) -> str:
    """Write HQ's public profile to ``out``; returns the readable fingerprint."""
    require_profile(ws, "hq")
    keys = hq_keys(ws)
    doc = {"format": HQ_PROFILE_FORMAT, "format_version": FORMAT_VERSION, "hq_id": keys.hq_id,
           "name": keys.name, "sign_public": base64.b64encode(keys.sign_public).decode(),
           "enc_public": base64.b64encode(keys.enc_public).decode(), "created_at": now_iso()}
    signing = ed25519.Ed25519PrivateKey.from_private_bytes(keys.sign_private or b"")
    doc["signature"] = base64.b64encode(crypto.sign_ed25519(_canonical(doc), signing)).decode()
    files.write_bytes_atomic(Path(out), json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8"))
    return readable(hq_fingerprint(keys.sign_public, keys.enc_public))


def _read_json(path: Path, code: str) -> dict:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # never more, whatever the file's size
    except OSError as exc:
        raise SyncError(code, str(path), exc.strerror or exc) from None
    if len(data) > MAX_FILE_BYTES:
        raise SyncError(code, str(path), "más de 1 MB")
    try:
        doc = safejson.loads(data, MAX_FILE_BYTES)
    except safejson.JsonRefused as exc:
        raise SyncError(code, str(path), f"JSON: {exc.detail}") from None
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


def parse_hq_profile(path: Path) -> HqKeys:
    """Read and check an HQ profile file (shape, keys, self-signature)."""
    doc = _read_json(path, "E_PROFILE_FILE")
    _version(doc, path, "E_PROFILE_FILE", HQ_PROFILE_FORMAT)
    try:
        sign_pub = base64.b64decode(doc["sign_public"], validate=True)
        enc_pub = base64.b64decode(doc["enc_public"], validate=True)
        signature = base64.b64decode(doc["signature"], validate=True)
        public = ed25519.Ed25519PublicKey.from_public_bytes(sign_pub)
        crypto.x25519.X25519PublicKey.from_public_bytes(enc_pub)
        name = str(doc["name"])
    except (KeyError, ValueError, TypeError) as exc:
        raise SyncError("E_PROFILE_FILE", str(path), f"clave: {exc}") from None
    body = {k: v for k, v in doc.items() if k != "signature"}
    if not crypto.verify_ed25519(_canonical(body), signature, public):
        raise SyncError("E_PROFILE_FILE", str(path), "firma no válida")
    hq_id = hq_fingerprint(sign_pub, enc_pub)[:16]
    if doc.get("hq_id") != hq_id:
        raise SyncError("E_PROFILE_FILE", str(path), "hq_id")
    return HqKeys(hq_id, name, sign_pub, enc_pub, None, None)


def import_hq_profile(ws: Workspace, path: Path) -> tuple[HqKeys, str]:
    """A state stores HQ's public keys; refuses a profile of another HQ than the one in use."""
    require_profile(ws, "state")
    keys = parse_hq_profile(path)
    current = sync_repo.get_hq_keys(ws.conn)
    if current is not None and current.hq_id != keys.hq_id:
        raise SyncError("E_HQ_MISMATCH", str(path),
                        f"en uso {readable(hq_fingerprint(current.sign_public, current.enc_public))[:19]}…")
    with write_transaction(ws):
        sync_repo.set_hq_keys(ws.conn, keys, now_iso())
    return keys, readable(hq_fingerprint(keys.sign_public, keys.enc_public))


# -- enrolment (state → HQ) ---------------------------------------------------------------


def remember_own_certificate(ws: Workspace, cert: x509.Certificate) -> None:
    """The certificate of an identity created here: the one a state enrols by default."""
    with write_transaction(ws):
        reports_repo.settings_set(ws.conn, OWN_CERTIFICATE, ident.certificate_pem(cert).decode("ascii"))


def export_enrolment(ws: Workspace, out: Path, cert_path: Path | None = None) -> str:
    """Write the coordinator's enrolment file; returns the readable certificate fingerprint."""
    prof = require_profile(ws, "state")
    if cert_path is not None:
        try:
            cert = ident.load_certificate(Path(cert_path).read_bytes())
        except (OSError, ValueError) as exc:
            raise SyncError("E_ENROL_FILE", str(cert_path), exc) from None
    else:
        pem = reports_repo.settings_get(ws.conn, OWN_CERTIFICATE, "")
        if not pem:
            raise SyncError("E_NO_CERTIFICATE", str(ws.data_dir))
        cert = ident.load_certificate(pem.encode("ascii"))
    doc = {"format": ENROL_FORMAT, "format_version": FORMAT_VERSION, "state": prof.state_code,
           "device_id": prof.device_id, "name": ident.subject_label(cert),
           "position": prof.position, "certificate": ident.certificate_pem(cert).decode("ascii"),
           "fingerprint": certificate_fingerprint(cert), "created_at": now_iso()}
    files.write_bytes_atomic(Path(out), json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8"))
    return readable(doc["fingerprint"])


def parse_enrolment(ws: Workspace, path: Path) -> tuple[str, x509.Certificate, dict]:
    """(state code, certificate, document) of an enrolment file, checked."""
    doc = _read_json(path, "E_ENROL_FILE")
    _version(doc, path, "E_ENROL_FILE", ENROL_FORMAT)
    try:
        cert = ident.load_certificate(str(doc["certificate"]).encode("ascii"))
        # cryptography parses the subject, dates and key lazily: touch them here so a
        # damaged certificate is refused as such, not later as a crash.
        ident.subject_label(cert)
        cert.public_key()
        cert.not_valid_after_utc  # noqa: B018
        state = ws.catalog.state(str(doc["state"])).code
    except (KeyError, ValueError, TypeError, UnicodeEncodeError) as exc:
        raise SyncError("E_ENROL_FILE", str(path), exc) from None
    except InputError as exc:  # unknown state, from the catalog
        raise SyncError("E_ENROL_FILE", str(path), exc.message("es")) from None
    now = dt.datetime.now(dt.UTC)
    if cert.not_valid_after_utc < now:
        raise SyncError("E_ENROL_FILE", str(path), f"certificado vencido el {cert.not_valid_after_utc:%Y-%m-%d}")
    return state, cert, doc


def import_enrolment(ws: Workspace, path: Path, replace: str | None = None) -> Registration:
    """HQ registers a coordinator's certificate for her state (optionally replacing another)."""
    require_profile(ws, "hq")
    state, cert, doc = parse_enrolment(ws, path)
    fp = certificate_fingerprint(cert)
    existing = sync_repo.get_registration(ws.conn, fp)
    if existing is not None and existing.active and existing.state_code == state and not replace:
        return existing  # the same file imported twice: nothing to do
    if existing is not None:
        raise SyncError("E_ENROL_FILE", str(path),
                        "certificado ya registrado" + (" y revocado" if not existing.active else
                                                      f" para {existing.state_code}"))
    old = None
    if replace:
        old = sync_repo.get_registration(ws.conn, replace.replace(":", "").replace(" ", "").lower())
        if old is None or not old.active:
            raise SyncError("E_NOT_REGISTERED", str(path), readable(replace)[:19])
    at = now_iso()
    reg = Registration(fp, state, ident.subject_label(cert), ident.certificate_pem(cert), at, None, None)
    with write_transaction(ws):
        sync_repo.add_registration(ws.conn, reg, ws.user)
        sync_repo.log_registration(ws.conn, at, ws.user, "register", fp, state, str(doc.get("device_id", "")))
        if old is not None:
            sync_repo.revoke_registration(ws.conn, old.fingerprint, at, ws.user, replaced_by=fp)
            sync_repo.log_registration(ws.conn, at, ws.user, "replace", old.fingerprint, old.state_code,
                                       f"por {fp}")
    return reg


def revoke(ws: Workspace, fingerprint: str, note: str = "") -> Registration:
    """HQ revokes a registration: packages signed with it are refused from now on."""
    require_profile(ws, "hq")
    fp = fingerprint.replace(":", "").replace(" ", "").lower()
    reg = sync_repo.get_registration(ws.conn, fp)
    if reg is None or not reg.active:
        raise SyncError("E_NOT_REGISTERED", str(ws.data_dir), readable(fp)[:19])
    at = now_iso()
    with write_transaction(ws):
        sync_repo.revoke_registration(ws.conn, fp, at, ws.user)
        sync_repo.log_registration(ws.conn, at, ws.user, "revoke", fp, reg.state_code, note)
    return sync_repo.get_registration(ws.conn, fp)  # type: ignore[return-value]


def registrations(ws: Workspace, state: str | None = None) -> list[Registration]:
    """HQ's registered certificates, revoked ones included (they stay on record)."""
    return sync_repo.list_registrations(ws.conn, ws.catalog.state(state).code if state else None)
