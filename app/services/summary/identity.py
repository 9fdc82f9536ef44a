"""Signing identities and the trust store: the use cases the GUI and the CLI share.

Passphrases are never stored: the GUI asks for them in a dialog, the CLI reads them from an
environment variable named by a flag (:func:`passphrase_from_env`). The trust store is a
directory of PEM certificates, ``DATA_DIR/trust/*.pem``, named by their SHA-256 fingerprint.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography import x509

from app.models.messages import InputError
from app.reports.signing import identity as ident
from app.reports.signing import pades as signing
from app.reports.signing.identity import Identity
from app.reports.signing.verification import Reason, VerifyResult
from app.reports.signing.verification import SignatureReport as SignatureReport  # for app.cli.verify
from app.services import worker_env
from app.services.workspace import Workspace
from app.storage import revocations_repo

TRUST_DIR = "trust"


def passphrase_from_env(var: str) -> bytes:
    """The passphrase in environment variable ``var``; InputError if unset or empty."""
    worker_env.register(var)  # never inherited by a worker process (issue 11)
    value = os.environ.get(var or "", "")
    if not value:
        raise InputError("passphrase_env_missing", var=var)
    return value.encode("utf-8")


def read_file(path: Path) -> bytes:
    """The bytes of a file named by the person; InputError when missing or unreadable."""
    return _read(path)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("file_missing", path=str(path)) from None
    except OSError as exc:
        raise InputError("file_unreadable", path=str(path), reason=exc.strerror or str(exc)) from None


def _write_private(out: Path, data: bytes, overwrite: bool) -> None:
    """Write a ``.p12`` owner-only (0600); an existing file is kept unless ``overwrite``.

    Without ``overwrite`` the file is created with ``O_EXCL``: another identity appearing
    meanwhile is not replaced either. With it, the new file replaces the old one whole.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    if overwrite:
        from app.storage import files  # temporary file (0600) + rename

        files.write_bytes_atomic(out, data)
        return
    try:
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise InputError("identity_exists", path=str(out)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        out.unlink(missing_ok=True)
        raise


def create_identity_file(
    ws: Workspace, name: str, position: str, state: str, out: Path, passphrase: bytes, overwrite: bool = False
) -> Identity:
    """Create a new identity (``state`` is an INEGI code or name) and write it to ``out``.

    An existing ``out`` is never replaced silently: ``identity_exists`` unless ``overwrite``
    (``--force``, or a confirmation in the GUI). The file is owner-only (0600).

    Its certificate joins the workspace's trust store: the app trusts its own identity, so
    the coordinator's own PDFs verify as trusted here. Returns the loaded identity, so the
    caller can show its fingerprint.
    """
    state_name = ws.catalog.state(state).name
    if out.exists() and not overwrite:
        raise InputError("identity_exists", path=str(out))
    data = ident.create_identity(name, position, state_name, passphrase)
    try:
        _write_private(out, data, overwrite)
    except OSError as exc:
        raise InputError("file_unreadable", path=str(out), reason=exc.strerror or str(exc)) from None
    made = ident.load_pkcs12(data, passphrase, path=str(out))
    add_trusted(ws, ident.certificate_pem(made.certificate))
    from app.services.sync.sync_enrol import remember_own_certificate  # the certificate a state enrols

    remember_own_certificate(ws, made.certificate)
    return made


def load_identity(
    p12: Path | None = None, cer: Path | None = None, key: Path | None = None, passphrase: bytes = b""
) -> Identity:
    """Open a ``.p12``/``.pfx``, or a SAT e.firma pair (``cer`` + ``key``)."""
    if p12 is not None:
        return ident.load_pkcs12(_read(p12), passphrase, path=str(p12))
    if cer is None or key is None:
        raise InputError("required_field", field="--cer/--key")
    return ident.load_sat_efirma(_read(cer), _read(key), passphrase, path=str(cer.with_suffix("")))


def trust_dir(ws: Workspace) -> Path:
    return ws.data_dir / TRUST_DIR


def add_trusted(ws: Workspace, cert_pem: bytes) -> x509.Certificate:
    """Add a certificate (PEM or DER) to the workspace's trust store; returns it."""
    try:
        cert = ident.load_certificate(cert_pem)
    except ValueError:
        raise InputError("trust_cert_invalid", path="PEM") from None
    folder = trust_dir(ws)
    folder.mkdir(parents=True, exist_ok=True)
    name = ident.fingerprint(cert).replace(":", "")[:32].lower() + ".pem"
    (folder / name).write_bytes(ident.certificate_pem(cert))
    return cert


def trusted_certificates(ws: Workspace) -> list[x509.Certificate]:
    """Every certificate in ``DATA_DIR/trust/*.pem``; unreadable files are skipped."""
    found: list[x509.Certificate] = []
    folder = trust_dir(ws)
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.pem")):
        try:
            found.append(ident.load_certificate(path.read_bytes()))
        except (OSError, ValueError):
            continue
    return found


def read_certificate(path: Path) -> x509.Certificate:
    """A certificate file given on the command line (PEM or DER)."""
    try:
        return ident.load_certificate(_read(path))
    except ValueError:
        raise InputError("trust_cert_invalid", path=str(path)) from None


def revoked_certificates(ws: Workspace) -> dict[str, str]:
    """Certificates headquarters revoked, as known here: fingerprint -> date.

    At HQ its own registrations store; at a state the revocations HQ's updates brought.
    """
    return revocations_repo.revoked_fingerprints(ws.conn)


def verify_file(ws: Workspace, path: Path, extra_trust: list[x509.Certificate] | None = None) -> VerifyResult:
    """Verify a PDF file against the trust store plus ``extra_trust``, and HQ's revocations.

    Never raises on bad PDFs: every signature is examined and the verdict is the worst one
    (see :mod:`app.reports.signing.verification`).
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        return VerifyResult(
            False,
            False,
            False,
            problem=f"{path}: {exc.strerror or exc}",
            problem_code="verify_unreadable",
            reasons=(Reason("verify_unreadable", "error"),),
        )
    return signing.verify_pdf(
        data, trusted_certificates(ws) + list(extra_trust or []), revoked=revoked_certificates(ws)
    )


def subject_label(cert: x509.Certificate) -> str:
    """The certificate's holder as people read it (the CLI's `identity trust` message)."""
    return ident.subject_label(cert)


def fingerprint(cert: x509.Certificate) -> str:
    """The certificate's SHA-256 fingerprint, printed next to its holder."""
    return ident.fingerprint(cert)
