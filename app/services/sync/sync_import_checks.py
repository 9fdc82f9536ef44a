"""A data package's sender at HQ: the signer (step 2 of DESIGN.md §6) and the device's
sequence (step 3), checked before anything is decrypted."""

from __future__ import annotations

from app.models.import_summary import ImportConflict
from app.models.messages import InputError, text
from app.reports.signing import identity as ident
from app.services.sync.sync_profile import certificate_fingerprint
from app.services.workspace import Workspace
from app.storage import sync_repo
from app.sync import crypto
from app.sync.errors import SyncError
from app.sync.package import RawPackage


def check_signer(ws: Workspace, raw: RawPackage) -> tuple[str, str]:
    """(state code, signer fingerprint) after checking registration and signature."""
    m, where = raw.manifest, raw.where
    state = m.get("state")
    if not isinstance(state, str) or state not in ws.catalog.states:
        raise SyncError("E_MANIFEST", where, "state")
    signer = m.get("signer")
    if not isinstance(signer, dict) or not isinstance(signer.get("certificate"), str):
        raise SyncError("E_MANIFEST", where, "signer")
    try:
        embedded = ident.load_certificate(signer["certificate"].encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise SyncError("E_MANIFEST", where, "signer.certificate") from None
    fp = certificate_fingerprint(embedded)
    reg = sync_repo.get_registration(ws.conn, fp)
    name = ident.subject_label(embedded)
    if reg is None:
        raise SyncError("E_SIGNER_UNKNOWN", where, f"{name}, {fp[:16]}…")
    if reg.state_code != state:
        raise SyncError(
            "E_SIGNER_STATE",
            where,
            InputError(
                "sync_detail.signer_state",
                name=name,
                registered=ws.catalog.states[reg.state_code].name,
                claimed=ws.catalog.states[state].name,
            ),
        )
    if not reg.active:
        raise SyncError("E_SIGNER_REVOKED", where, f"{name}, {reg.revoked_at}")
    registered = ident.load_certificate(reg.certificate)
    if not crypto.verify_with_certificate(raw.manifest_bytes, raw.signature, registered):
        raise SyncError("E_SIGNATURE", where)
    return state, fp


def check_sequence(ws: Workspace, raw: RawPackage, state: str) -> list[ImportConflict]:
    """Refuse replays and old packages; return warnings for gaps."""
    m, where = raw.manifest, raw.where
    device, sequence, base = m.get("device"), m.get("sequence"), m.get("base_sequence", 0)
    if (
        not isinstance(device, str)
        or not device
        or not isinstance(sequence, int)
        or sequence < 1
        or not isinstance(base, int)
        or isinstance(sequence, bool)
    ):
        raise SyncError("E_MANIFEST", where, "device/sequence")
    seen = sync_repo.device_sequences(ws.conn, state, device)
    last = max(seen, default=0)
    if sequence in seen or sequence < last:
        raise SyncError("E_REPLAY", where, InputError("sync_detail.replay", sequence=sequence, last=last))
    if base > last:
        raise SyncError("E_SEQUENCE", where, InputError("sync_detail.sequence_base", base=base, last=last))
    warnings: list[ImportConflict] = []
    if sequence > last + 1:
        missing = missing_range(last + 1, sequence - 1, ws.lang)
        warnings.append(
            {
                "object": f"{state} {device[:8]}",
                "value": text("sync_note.sequence_gap", ws.lang, missing=missing),
                "errorCode": "W_SEQUENCE_GAP",
                "property": "sequence",
                "indexes": [],
            }
        )
    return warnings


def missing_range(first: int, last: int, lang: str = "es") -> str:
    """The missing sequence numbers as a short text: listed when few, else a range.

    A signed manifest may claim any sequence (10**12): the warning never grows with it.
    """
    if last - first < 10:
        return ", ".join(str(n) for n in range(first, last + 1))
    return text("sync_detail.packages_range", lang, first=first, last=last, count=last - first + 1)
