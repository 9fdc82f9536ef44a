"""Issue 11 holes 3 and 6: HQ → state packages are numbered, and a package is its signed manifest.

Hole 3: an old update or acknowledgement replayed to a state is refused (``E_REPLAY``), so it
cannot roll back metas or facilities. Hole 6: a zip re-wrapped without any key (same signed
manifest and entries, other bytes) is the same package: HQ does not refuse the genuine file
as ``E_UUID_REUSED``, and the state sees its package acknowledged.
"""

from __future__ import annotations

import io
import json
import uuid as uuidlib
import zipfile
from pathlib import Path

from app.services.summary import targets
from app.services.sync import sync_ack, sync_export, sync_import
from app.services.workspace import now_iso
from app.storage import sync_repo
from app.sync import package
from tests.sync.forge import entries, write


def _import(ws, *paths: Path) -> list[dict]:
    return [r.summary for r in sync_import.import_packages(ws, list(paths))]


def _codes(summary: dict) -> list[str]:
    return [c["errorCode"] for c in summary["conflicts"]]


def _refused_unchanged(ws, db_dump, path: Path, code: str) -> dict:
    before = db_dump(ws.conn)
    [summary] = _import(ws, path)
    assert summary["status"] == "ERROR" and code in _codes(summary), summary
    assert db_dump(ws.conn) == before, "a refused package writes nothing"
    return summary


# -- hole 3 -----------------------------------------------------------------------------------


def test_an_old_update_replayed_cannot_roll_back_the_metas(pair, db_dump):
    targets.set_targets(pair.hq, {"rx_filled_pct": 80})
    old = sync_ack.make_update(pair.hq, "18", pair.outbox)
    targets.set_targets(pair.hq, {"rx_filled_pct": 95})
    new = sync_ack.make_update(pair.hq, "18", pair.outbox)
    assert [package.read(p.read_bytes(), "x").manifest["sequence"] for p in (old, new)] == [1, 2]
    [summary] = _import(pair.state, new)
    assert summary["status"] == "SUCCESS", summary
    assert targets.targets(pair.state) == {"rx_filled_pct": 95.0}
    refused = _refused_unchanged(pair.state, db_dump, old, "E_REPLAY")
    assert "1" in refused["description"] and "2" in refused["description"]
    assert targets.targets(pair.state) == {"rx_filled_pct": 95.0}
    # The same (newest) package again is not a replay: its stored summary, nothing changes.
    [again] = _import(pair.state, new)
    assert again.get("alreadyImported") and again["status"] == "SUCCESS", again


def test_an_old_acknowledgement_replayed_is_refused(pair, db_dump):
    first = sync_ack.make_ack(pair.hq, "18", pair.outbox)
    second = sync_ack.make_ack(pair.hq, "18", pair.outbox)
    assert _import(pair.state, second)[0]["status"] == "SUCCESS"
    _refused_unchanged(pair.state, db_dump, first, "E_REPLAY")


def test_acks_and_updates_are_numbered_together_and_checked_per_kind(pair):
    """One counter per state at HQ; an older ack after a newer update is still accepted."""
    update = sync_ack.make_update(pair.hq, "18", pair.outbox)
    ack = sync_ack.make_ack(pair.hq, "18", pair.outbox)
    later = sync_ack.make_update(pair.hq, "18", pair.outbox)
    numbers = [package.read(p.read_bytes(), "x").manifest["sequence"] for p in (update, ack, later)]
    assert numbers == [1, 2, 3]
    # In one batch the order they were chosen in does not matter.
    summaries = _import(pair.state, later, ack, update)
    assert {s["package"]["sequence"]: s["status"] for s in summaries} == {1: "SUCCESS", 2: "SUCCESS", 3: "SUCCESS"}


def _hq_signed(hq, kind: str, doc: dict, **manifest) -> bytes:
    keys, sign = sync_ack._hq_signer(hq)
    head = {
        "kind": kind,
        "uuid": str(uuidlib.uuid4()),
        "created_at": now_iso(),
        "created_by": "hq",
        "state": "18",
        "hq_id": keys.hq_id,
        **manifest,
    }
    return package.build(head, {f"{kind}.json": package.gzip_json(doc)}, sign)


def test_an_hq_package_without_a_valid_sequence_is_refused(pair, db_dump, tmp_path):
    doc = {"state": "18", "facilities": [], "targets": {"rx_filled_pct": 1}}
    for name, extra in (
        ("sin.coordina", {}),
        ("cero.coordina", {"sequence": 0}),
        ("texto.coordina", {"sequence": "9"}),
        ("bool.coordina", {"sequence": True}),
    ):
        path = write(tmp_path, name, _hq_signed(pair.hq, "update", doc, **extra))
        _refused_unchanged(pair.state, db_dump, path, "E_MANIFEST")


# -- hole 6 -----------------------------------------------------------------------------------


def _rewrap(data: bytes) -> bytes:
    """The same entries in another order, stored instead of deflated: other zip bytes."""
    files = entries(data)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name in reversed(list(files)):
            archive.writestr(name, files[name])
    return out.getvalue()


def test_a_rewrapped_package_is_the_same_package(pair, tmp_path):
    genuine = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    rewrapped = _rewrap(genuine.path.read_bytes())
    assert package.sha256(rewrapped) != package.sha256(genuine.path.read_bytes())
    # The attacker's copy arrives first: it is a valid package (same signed manifest and parts).
    [first] = _import(pair.hq, write(tmp_path, "reenvuelto.coordina", rewrapped))
    assert first["status"] != "ERROR", first
    # The genuine file is recognised as already imported, not refused as E_UUID_REUSED.
    [again] = _import(pair.hq, genuine.path)
    assert again["status"] != "ERROR" and again.get("alreadyImported"), again
    assert "E_UUID_REUSED" not in _codes(again)
    # And HQ's acknowledgement marks the state's package delivered.
    [acked] = _import(pair.state, sync_ack.make_ack(pair.hq, "18", pair.outbox))
    assert acked["status"] == "SUCCESS" and "1 paquetes entregados" in acked["description"], acked
    assert sync_repo.get_outbox(pair.state.conn, genuine.uuid).delivered_at


def test_identity_is_the_signed_manifest_in_inbox_and_outbox(pair):
    made = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    raw = package.read(made.path.read_bytes(), "x")
    assert raw.manifest_sha256 == package.sha256(raw.manifest_bytes)
    assert sync_repo.get_outbox(pair.state.conn, made.uuid).manifest_sha256 == raw.manifest_sha256
    _import(pair.hq, made.path)
    assert sync_repo.get_inbox(pair.hq.conn, made.uuid).manifest_sha256 == raw.manifest_sha256


def test_same_uuid_with_another_manifest_is_still_refused(pair, db_dump, tmp_path):
    made = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    _import(pair.hq, made.path)
    files = entries(made.path.read_bytes())
    manifest = json.loads(files["manifest.json"])
    manifest["created_by"] = "otra"
    from app.sync import crypto

    files["manifest.json"] = package.canonical(manifest)
    files["manifest.sig"] = crypto.sign_with_key(files["manifest.json"], pair.identity.private_key)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    _refused_unchanged(pair.hq, db_dump, write(tmp_path, "otro.coordina", out.getvalue()), "E_UUID_REUSED")
