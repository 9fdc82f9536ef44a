"""HQ → state packages: acknowledgements and updates (issue 4 item 4).

An **acknowledgement** tells a state what HQ received: every data package of that state
with its summary, the version HQ holds of each of the state's values (the state's next
``base_version``) and what was flagged. Only when a state imports it are its outbox
packages marked delivered. It is cumulative, so a lost acknowledgement is replaced by
the next one.

An **update** carries new or changed facilities and targets (metas), and optionally HQ's
catalog (``update.json`` → ``"catalog"``, see :mod:`app.services.facilities.catalog_install`). At the
state it never overwrites a local edit that has not yet been acknowledged by HQ, and a
catalog is installed only when newer and when it keeps everything local data uses.

Both are signed with HQ's Ed25519 key, checked against the HQ profile the state imported.
"""

from __future__ import annotations

import json
import re
import uuid as uuidlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from cryptography.hazmat.primitives.asymmetric import ed25519

from app.models.catalog_load import load_catalog
from app.models.import_summary import ImportConflict
from app.models.messages import InputError
from app.models.messages import text as message_text
from app.services.facilities import catalog_install
from app.services.summary.targets import TARGET_PREFIX, received_targets, state_targets
from app.services.sync import sync_facilities
from app.services.sync.sync_profile import hq_keys, require_profile
from app.services.workspace import Workspace, now_iso, write_transaction
from app.storage import conflicts_repo, files, reports_repo, revocations_repo, sync_repo, values_repo
from app.sync import crypto, package
from app.sync.errors import SyncError
from app.sync.package import RawPackage


def _hq_signer(ws: Workspace):
    keys = hq_keys(ws)
    private = ed25519.Ed25519PrivateKey.from_private_bytes(keys.sign_private or b"")
    return keys, (lambda body: crypto.sign_ed25519(body, private))


def _write(ws: Workspace, out_dir: Path, name: str, data: bytes) -> Path:
    out_dir = Path(out_dir)
    files.check_writable_dir(out_dir)
    path = out_dir / name
    files.write_bytes_atomic(path, data)
    return path


def _reserve_sequence(ws: Workspace, state_code: str) -> int:
    """The package's number for that state, committed before the file exists (issue 11 hole 3).

    A failed write leaves a gap, never a number used twice; the state refuses a package of a
    kind whose number is not above the last one it imported (``E_REPLAY``), so an old update
    replayed cannot roll back metas or facilities.
    """
    with write_transaction(ws):
        return sync_repo.next_hq_sequence(ws.conn, state_code)


def check_hq_sequence(ws: Workspace, raw: RawPackage) -> int:
    """The sequence of an ack/update at the state: a positive integer above the last of its kind.

    Call after the signature was checked and after the same package was looked up (importing
    the same package again is not a replay).
    """
    sequence = raw.manifest.get("sequence")
    if type(sequence) is not int or sequence < 1:
        raise SyncError("E_MANIFEST", raw.where, "sequence")
    last = sync_repo.last_hq_sequence(ws.conn, raw.kind)
    if sequence <= last:
        raise SyncError("E_REPLAY", raw.where, InputError("sync_detail.replay", sequence=sequence, last=last))
    return sequence


def make_ack(ws: Workspace, state: str, out_dir: Path) -> Path:
    """HQ writes the acknowledgement package for ``state`` into ``out_dir``."""
    require_profile(ws, "hq")
    st = ws.catalog.state(state)
    keys, sign = _hq_signer(ws)
    received = [e for e in sync_repo.inbox(ws.conn, "data") if e.state_code == st.code]
    versions = values_repo.state_versions(ws.conn, st.code)
    flagged = [
        dict(
            zip(
                (
                    "org_unit",
                    "period",
                    "variable",
                    "disaggregation",
                    "ours",
                    "theirs",
                    "applied",
                    "package",
                    "resolution",
                ),
                r,
                strict=True,
            )
        )
        for r in conflicts_repo.flagged_for_state(ws.conn, st.code)
    ]
    doc = {
        "state": st.code,
        "packages": [
            {
                "uuid": e.uuid,
                "sha256": e.sha256,
                "manifest_sha256": e.manifest_sha256,
                "sequence": e.sequence,
                "device": e.device_id,
                "imported_at": e.imported_at,
                "status": e.summary.get("status"),
                "importCount": e.summary.get("importCount"),
            }
            for e in received
        ],
        "versions": [list(r) for r in versions],
        "flagged": flagged,
    }
    ack_uuid = str(uuidlib.uuid4())
    manifest = {
        "kind": "ack",
        "uuid": ack_uuid,
        "created_at": now_iso(),
        "created_by": ws.user,
        "state": st.code,
        "hq_id": keys.hq_id,
        "sequence": _reserve_sequence(ws, st.code),
    }
    data = package.build(manifest, {"ack.json": package.gzip_json(doc)}, sign)
    return _write(ws, out_dir, f"ACK_{st.short_code}_{now_iso()[:10].replace('-', '')}_{ack_uuid[:8]}.coordina", data)


def make_update(
    ws: Workspace, state: str, out_dir: Path, targets: dict[str, float] | None = None, catalog_dir: Path | None = None
) -> Path:
    """HQ writes an update for ``state``: its facility registry, the given targets and,
    with ``catalog_dir``, its catalog.

    Without ``targets``, the update carries HQ's stored metas for that state (national,
    overridden by ``STATE:code``; see :mod:`app.services.summary.targets`) as the complete set:
    the state then also drops a meta HQ has cleared (``"targets_complete": true``).

    The catalog must load and be HQ's active one (same version, same files); otherwise a
    CatalogError is raised before anything is written (see
    :func:`app.services.facilities.catalog_install.catalog_for_update`).
    """
    require_profile(ws, "hq")
    st = ws.catalog.state(state)
    keys, sign = _hq_signer(ws)
    # HQ's whole registry of the state, each unit with its updated_at and dated status history.
    facilities = sync_facilities.registry_records(ws.conn, st.code)
    doc: dict[str, Any] = {
        "state": st.code,
        "facilities": facilities,
        "targets": dict(targets) if targets is not None else state_targets(ws, st.code),
    }
    if targets is None:
        doc["targets_complete"] = True
    doc["revoked"] = revocations_repo.hq_revocations(ws.conn)  # issue 10: verify refuses them
    if catalog_dir is not None:
        doc["catalog"] = catalog_install.catalog_for_update(ws, Path(catalog_dir))
    up_uuid = str(uuidlib.uuid4())
    manifest = {
        "kind": "update",
        "uuid": up_uuid,
        "created_at": now_iso(),
        "created_by": ws.user,
        "state": st.code,
        "hq_id": keys.hq_id,
        "sequence": _reserve_sequence(ws, st.code),
    }
    data = package.build(manifest, {"update.json": package.gzip_json(doc)}, sign)
    return _write(ws, out_dir, f"UPD_{st.short_code}_{up_uuid[:8]}.coordina", data)


def check_hq_signed(ws: Workspace, raw: RawPackage) -> None:
    """An ack/update must be signed by the HQ whose profile this state imported."""
    keys = sync_repo.get_hq_keys(ws.conn)
    if keys is None:
        raise SyncError("E_NO_HQ", raw.where)
    if raw.manifest.get("hq_id") != keys.hq_id:
        raise SyncError("E_HQ_MISMATCH", raw.where, raw.manifest.get("hq_id"))
    public = ed25519.Ed25519PublicKey.from_public_bytes(keys.sign_public)
    if not crypto.verify_ed25519(raw.manifest_bytes, raw.signature, public):
        raise SyncError("E_SIGNATURE", raw.where)


def apply_ack(
    ws: Workspace, raw: RawPackage, doc: dict[str, Any], now: str
) -> tuple[dict[str, int], list[ImportConflict], str]:
    """Mark delivered what HQ received; record the versions HQ holds (inside a transaction)."""
    try:
        packages = {p["uuid"]: p for p in doc["packages"]}
        versions = [(str(a), str(b), str(c), str(d), int(e)) for a, b, c, d, e in doc["versions"]]
        flagged = list(doc.get("flagged", []))
    except (KeyError, TypeError, ValueError) as exc:
        raise SyncError("E_PAYLOAD", raw.where, exc) from None
    delivered = 0
    for entry in sync_repo.outbox(ws.conn):
        got = packages.get(entry.uuid)
        if got is None or entry.delivered_at:
            continue
        if not sync_repo.same_package(
            entry.sha256, entry.manifest_sha256, got.get("sha256"), got.get("manifest_sha256")
        ):
            continue  # HQ received another package under this id: not ours, not delivered
        sync_repo.mark_delivered(ws.conn, entry.uuid, now, raw.uuid, got)
        delivered += 1
    sync_repo.set_sync_base(ws.conn, versions)
    notes: list[ImportConflict] = [
        {
            "object": f"{f.get('org_unit')} {f.get('period')} {f.get('variable')}",
            "value": f.get("applied"),
            "errorCode": "W_CONFLICT",
            "property": "value",
            "indexes": [],
        }
        for f in flagged
        if not f.get("resolution")
    ]
    text = message_text("sync_ack_applied", ws.lang, delivered=delivered, flagged=len(notes))
    return {"updated": delivered}, notes, text


def apply_update(
    ws: Workspace, raw: RawPackage, doc: dict[str, Any], now: str, on_rollback: list[Callable[[], None]]
) -> tuple[dict[str, int], list[ImportConflict], str]:
    """New or changed facilities and targets; local unsynced edits win and are reported.

    A catalog in the update is installed when newer and loadable (otherwise a notice); one
    that drops something local data uses refuses the whole update (CatalogError). The
    installed folder is removed again by ``on_rollback`` if the import's transaction rolls back.
    """
    incoming = sync_facilities.parse_units(
        ws.catalog,
        doc.get("facilities", []),
        cast(str, raw.manifest.get("state")),
        raw.where,
        raw.manifest["created_at"],
    )
    try:
        incoming_targets = dict(doc.get("targets", {}))
        complete = doc.get("targets_complete") is True
    except (TypeError, ValueError, AttributeError) as exc:
        raise SyncError("E_PAYLOAD", raw.where, exc) from None
    revoked = _received_revocations(raw, doc.get("revoked", []))
    received = catalog_install.receive(ws, doc.get("catalog"), raw.where)
    try:
        targets, target_notes = _received_targets(ws, received, incoming_targets)
        counts, notes, text = _apply_facilities_and_targets(ws, raw, incoming, targets, now, complete)
        notes += target_notes
        installed = catalog_install.install_received(ws, received, on_rollback)
        revocations_repo.store_received(ws.conn, revoked, now, raw.uuid)
    except BaseException:
        received.discard()
        raise
    notes += received.notes
    text = "; ".join(t for t in (text, installed) if t)
    return counts, notes, text


def _received_revocations(raw: RawPackage, rows: object) -> list[tuple[str, str]]:
    """HQ's revoked certificates in an update: (fingerprint, revoked_at), checked strictly."""
    if not isinstance(rows, list):
        raise SyncError("E_PAYLOAD", raw.where, "revoked")
    found = []
    for row in rows:
        fp = row.get("fingerprint") if isinstance(row, dict) else None
        at = row.get("revoked_at") if isinstance(row, dict) else None
        if not (
            isinstance(fp, str) and re.fullmatch(r"[0-9a-f]{64}", fp) and isinstance(at, str) and 0 < len(at) <= 40
        ):
            raise SyncError("E_PAYLOAD", raw.where, f"revoked: {str(row)[:80]}")
        found.append((fp, at))
    return found


def _received_targets(
    ws: Workspace, received: catalog_install.Received, incoming: dict[str, object]
) -> tuple[dict[str, float], list[ImportConflict]]:
    """The update's metas this state's catalog knows (or the catalog arriving with it)."""
    catalog = ws.catalog
    if received.staged is not None:  # a newer catalog installed by this update: its indicators count
        try:
            catalog = load_catalog(received.staged)
        except InputError:
            pass  # receive() loaded it already; on the off chance, the active one decides
    return received_targets(catalog, incoming)


def _apply_facilities_and_targets(
    ws: Workspace,
    raw: RawPackage,
    incoming: list[sync_facilities.Unit],
    targets: dict[str, float],
    now: str,
    complete: bool = False,
) -> tuple[dict[str, int], list[ImportConflict], str]:
    state = raw.manifest.get("state")
    assert isinstance(state, str)  # _import_from_hq checked it is this copy's state
    sync_facilities.check_units_belong(ws.conn, incoming, state, raw.where)
    # A local edit HQ has not acknowledged yet is kept (W_LOCAL_EDIT_KEPT), never overwritten.
    registry = sync_facilities.apply_update_registry(ws.conn, incoming, state, raw.uuid, now, "oficinas centrales")
    kept = registry.notes
    for key, value in targets.items():
        reports_repo.settings_set(ws.conn, TARGET_PREFIX + key, json.dumps(value))
    if complete:  # HQ sent all of this state's metas: one it cleared goes here too
        stored = [k for k, _value in reports_repo.settings_with_prefix(ws.conn, TARGET_PREFIX)]
        for key in stored:
            if key[len(TARGET_PREFIX) :] not in targets:
                reports_repo.settings_delete(ws.conn, key)
    text = message_text("sync_update_applied", ws.lang, registry=registry.text(ws.lang), targets=len(targets))
    return ({"imported": registry.created, "updated": registry.updated, "ignored": registry.ignored}, kept, text)
