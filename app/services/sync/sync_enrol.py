"""Enrolment: a state's coordinator certificate registered at HQ (issue 4; issue 11 hole 4).

The state exports its certificate with its state code; the fingerprint read over the phone
covers both (:func:`.sync_fingerprints.enrolment_fingerprint`), so a file whose state was
edited fails HQ's comparison. Nothing is registered before that comparison is confirmed.
HQ can revoke or replace a registration; every change is logged.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm

from app.models.messages import InputError
from app.reports.signing import identity as ident
from app.services.sync import sync_profile
from app.services.sync.sync_fingerprints import _confirm, certificate_fingerprint, enrolment_fingerprint, readable
from app.services.workspace import Workspace, now_iso, write_transaction
from app.storage import files, reports_repo, sync_repo
from app.storage.sync_repo import Registration
from app.sync.errors import SyncError

ENROL_FORMAT = "coordina-enrolment"
OWN_CERTIFICATE = "own_certificate_pem"


def remember_own_certificate(ws: Workspace, cert: x509.Certificate) -> None:
    """The certificate of an identity created here: the one a state enrols by default."""
    with write_transaction(ws):
        reports_repo.settings_set(ws.conn, OWN_CERTIFICATE, ident.certificate_pem(cert).decode("ascii"))


def export_enrolment(ws: Workspace, out: Path, cert_path: Path | None = None) -> str:
    """Write the coordinator's enrolment file; returns the readable certificate fingerprint."""
    prof = sync_profile.require_profile(ws, "state")
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
    doc = {
        "format": ENROL_FORMAT,
        "format_version": sync_profile.FORMAT_VERSION,
        "state": prof.state_code,
        "device_id": prof.device_id,
        "name": ident.subject_label(cert),
        "position": prof.position,
        "certificate": ident.certificate_pem(cert).decode("ascii"),
        "fingerprint": (fingerprint := certificate_fingerprint(cert)),
        "created_at": now_iso(),
    }
    files.write_bytes_atomic(Path(out), json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8"))
    return readable(enrolment_fingerprint(fingerprint, prof.state_code or ""))


def parse_enrolment(ws: Workspace, path: Path) -> tuple[str, x509.Certificate, dict]:
    """(state code, certificate, document) of an enrolment file, checked."""
    doc = sync_profile._read_json(path, "E_ENROL_FILE")
    sync_profile._version(doc, path, "E_ENROL_FILE", ENROL_FORMAT)
    try:
        cert = ident.load_certificate(str(doc["certificate"]).encode("ascii"))
        # cryptography parses the subject, dates and key lazily: touch them here so a
        # damaged certificate is refused as such, not later as a crash.
        ident.subject_label(cert)
        cert.public_key()
        cert.not_valid_after_utc  # noqa: B018
        state = ws.catalog.state(str(doc["state"])).code
    except (KeyError, ValueError, TypeError, UnicodeEncodeError, UnsupportedAlgorithm) as exc:
        raise SyncError("E_ENROL_FILE", str(path), exc) from None
    except InputError as exc:  # unknown state, from the catalog
        raise SyncError("E_ENROL_FILE", str(path), exc) from None
    now = dt.datetime.now(dt.UTC)
    if cert.not_valid_after_utc < now:
        raise SyncError(
            "E_ENROL_FILE",
            str(path),
            InputError("sync_detail.certificate_expired", date=f"{cert.not_valid_after_utc:%Y-%m-%d}"),
        )
    return state, cert, doc


def enrolment_preview(ws: Workspace, path: Path) -> tuple[str, x509.Certificate, str]:
    """(state, certificate, readable fingerprint of both) of an enrolment file; stores nothing."""
    state, cert, _doc = parse_enrolment(ws, path)
    return state, cert, readable(enrolment_fingerprint(certificate_fingerprint(cert), state))


def import_enrolment(
    ws: Workspace, path: Path, replace: str | None = None, fingerprint: str | None = None, confirmed: bool = False
) -> Registration:
    """HQ registers a coordinator's certificate for her state (optionally replacing another).

    ``fingerprint`` is the one the coordinator read over the phone; it covers the state and
    the certificate, so a file whose state was edited is refused (``E_FINGERPRINT_MISMATCH``).
    ``confirmed`` says the person compared the fingerprint shown to her (GUI, interactive CLI).
    """
    sync_profile.require_profile(ws, "hq")
    state, cert, doc = parse_enrolment(ws, path)
    fp = certificate_fingerprint(cert)
    _confirm(str(path), enrolment_fingerprint(fp, state), fingerprint, confirmed)
    existing = sync_repo.get_registration(ws.conn, fp)
    if existing is not None and existing.active and existing.state_code == state and not replace:
        return existing  # the same file imported twice: nothing to do
    if existing is not None:
        raise SyncError(
            "E_ENROL_FILE",
            str(path),
            InputError("sync_detail.certificate_registered", state=existing.state_code)
            if existing.active
            else InputError("sync_detail.certificate_revoked"),
        )
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
            sync_repo.log_registration(ws.conn, at, ws.user, "replace", old.fingerprint, old.state_code, f"por {fp}")
    return reg


def revoke(ws: Workspace, fingerprint: str, note: str = "") -> Registration:
    """HQ revokes a registration: packages signed with it are refused from now on."""
    sync_profile.require_profile(ws, "hq")
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
