"""State → HQ: build a sync package into the outbox (issue 4 item 2).

By default the package carries the *delta*: every cell whose change-log entries are newer
than the last package HQ acknowledged, as it is now (a cleared value travels as a DHIS2
``deleted`` data value: a tombstone). ``full=True`` carries every value of the state. The state's facility registry rides along
(``facilities.bin``, see :mod:`app.services.sync.sync_facilities`): all of it with ``full``,
otherwise the units changed since the last acknowledged package.
Each value has its side object (uuid, version, base_version, updated_at, updated_by,
provisional): ``base_version`` is the version HQ acknowledged, so HQ can tell a clean
update from a conflict.

Exporting never needs a connection: the file goes to a folder (USB stick, shared folder,
email attachment) and waits in the outbox; it is marked delivered only when HQ's
acknowledgement is imported.
"""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import x25519

from app.models.dhis2 import DEFAULT_DATA_SET, data_value_sets
from app.models.messages import InputError
from app.models.values import DataValue, ValueKey
from app.reports.signing import identity as ident
from app.reports.signing.identity import Identity
from app.services.summary.identity import read_file
from app.services.sync import sync_facilities
from app.services.sync.outbox_reconcile import next_sequence, reconcile_outbox
from app.services.sync.sync_profile import certificate_fingerprint, hq_keys, require_profile
from app.services.workspace import Workspace, now_iso, write_transaction
from app.storage import changelog, files, sync_repo, values_repo
from app.storage.crashpoints import crash_point
from app.storage.durable import write_durable
from app.storage.sync_repo import HqKeys, OutboxEntry
from app.sync import crypto, package

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportedPackage:
    path: Path
    uuid: str
    sequence: int
    values: int
    tombstones: int
    sha256: str
    full: bool
    facilities: int = 0  # units of the registry part


def package_name(short_code: str, period: str, sequence: int) -> str:
    """``NAY_202302_0007.coordina`` (DESIGN.md §6)."""
    return f"{short_code}_{period}_{sequence:04d}.coordina"


def _changed_cells(ws: Workspace, state_code: str, since: int, full: bool) -> list[DataValue]:
    if full:
        return values_repo.all_values(ws.conn, state_code)
    rows = changelog.changed_keys(ws.conn, state_code, since)
    found = values_repo.get_values(ws.conn, (ValueKey(*r) for r in rows))
    return sorted(found.values(), key=lambda v: (v.key.org_unit, v.key.period, v.key.variable, v.key.disaggregation))


def _bases(ws: Workspace) -> dict[tuple[str, str, str, str], int]:
    return sync_repo.sync_base_versions(ws.conn)


def export_package(
    ws: Workspace,
    out_dir: Path,
    identity: Identity,
    full: bool = False,
    pdfs: list[Path] | None = None,
    progress: Progress | None = None,
) -> ExportedPackage:
    """Write the next package of this state's device into ``out_dir`` and the outbox."""
    prof = require_profile(ws, "state")
    keys = hq_keys(ws)
    out_dir = Path(out_dir)
    files.check_writable_dir(out_dir)
    reconcile_outbox(ws)  # a killed export's row is settled before a sequence is chosen
    state = ws.catalog.state(prof.state_code or "")
    mark = changelog.last_id(ws.conn)
    since = 0 if full else sync_repo.last_delivered_mark(ws.conn)
    if progress:
        progress(0, 3)
    values = [replace(v, deleted=True) if v.value is None else v for v in _changed_cells(ws, state.code, since, full)]
    bases = _bases(ws)
    if progress:
        progress(1, 3)
    sequence = next_sequence(ws, prof.device_id, out_dir)
    pkg_uuid = str(uuidlib.uuid4())
    manifest, data, units = _build(
        ws, keys, identity, prof.device_id, state.code, sequence, pkg_uuid, full, values, bases, pdfs or []
    )
    if progress:
        progress(2, 3)
    periods = manifest["scope"]["periods"]
    name = package_name(state.short_code, periods[-1] if periods else "000000", sequence)
    path = out_dir / name
    digest = package.sha256(data)
    identity_sha = package.read(data, name).manifest_sha256  # what HQ will call it
    entry = OutboxEntry(
        pkg_uuid,
        sequence,
        prof.device_id,
        digest,
        manifest["previous_sha256"],
        name,
        str(path),
        manifest["created_at"],
        full,
        mark,
        len(values),
        None,
        None,
        None,
        identity_sha,
    )
    _write(ws, entry, data)
    if progress:
        progress(3, 3)
    tombstones = manifest["scope"]["tombstones"]
    return ExportedPackage(path, pkg_uuid, sequence, len(values) - tombstones, tombstones, digest, full, units)


def _build(
    ws: Workspace,
    keys: HqKeys,
    identity: Identity,
    device: str,
    state_code: str,
    sequence: int,
    pkg_uuid: str,
    full: bool,
    values: list[DataValue],
    bases: dict[tuple[str, str, str, str], int],
    pdfs: list[Path],
) -> tuple[dict, bytes, int]:
    """(the manifest, the signed package's bytes, the registry's units): sealed for HQ, signed by ``identity``."""
    recipient = x25519.X25519PublicKey.from_public_bytes(keys.enc_public)
    content = {}
    # The registry first: HQ creates the units it does not know before it reads the values.
    content[package.REGISTRY_PART], units = sync_facilities.seal_registry(
        ws.conn, state_code, full, pkg_uuid, recipient
    )
    content.update(_sealed_months(values, bases, pkg_uuid, recipient))
    content.update(_pdf_parts(pdfs))
    manifest = _manifest(ws, device, state_code, sequence, pkg_uuid, full, values, units)
    manifest["hq_id"] = keys.hq_id
    manifest["signer"] = {
        "certificate": ident.certificate_pem(identity.certificate).decode("ascii"),
        "fingerprint": certificate_fingerprint(identity.certificate),
    }
    data = package.build(manifest, content, lambda body: crypto.sign_with_key(body, identity.private_key))
    return manifest, data, units


def _sealed_months(
    values: list[DataValue],
    bases: dict[tuple[str, str, str, str], int],
    pkg_uuid: str,
    recipient: x25519.X25519PublicKey,
) -> dict[str, bytes]:
    """One sealed part per month of ``values``, each value with its sync side (uuid, versions)."""

    def side(value: DataValue) -> dict:
        k = value.key
        return {
            "uuid": value.uuid,
            "version": value.version,
            "base_version": bases.get((k.org_unit, k.period, k.variable, k.disaggregation), 0),
            "updated_at": value.updated_at,
            "updated_by": value.updated_by,
            "provisional": bool(value.provisional),
        }

    by_period: dict[str, list[DataValue]] = {}
    for value in values:
        by_period.setdefault(value.key.period, []).append(value)
    parts = {}
    for period, month in sorted(by_period.items()):
        name = package.part_name(period)
        doc = data_value_sets(month, DEFAULT_DATA_SET, side=side)
        parts[name] = crypto.seal(package.gzip_json(doc), recipient, aad=package.part_aad(pkg_uuid, name))
    return parts


def _pdf_parts(pdfs: list[Path]) -> dict[str, bytes]:
    """The signed summaries that ride along, by their name inside the zip."""
    parts = {}
    for pdf in pdfs:
        data_pdf = read_file(Path(pdf))
        if not data_pdf.startswith(b"%PDF-"):
            raise InputError("verify_not_pdf")
        # The name inside the zip must pass the importer's rule (letters, digits, . _ -).
        safe = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in Path(pdf).stem)
        parts[f"pdf/{safe}.pdf"] = data_pdf
    return parts


def _manifest(
    ws: Workspace,
    device: str,
    state_code: str,
    sequence: int,
    pkg_uuid: str,
    full: bool,
    values: list[DataValue],
    units: int,
) -> dict:
    """The manifest (without ``hq_id`` and ``signer``): identity, chain and the signed scope."""
    previous = sync_repo.last_outbox(ws.conn, device)
    acked = [e for e in sync_repo.outbox(ws.conn) if e.delivered_at and e.device_id == device]
    tombstones = sum(1 for v in values if v.deleted)
    return {
        "kind": "data",
        "uuid": pkg_uuid,
        "created_at": now_iso(),
        "created_by": ws.user,
        "state": state_code,
        "device": device,
        "sequence": sequence,
        # The previous package's identity (its signed manifest's hash; a row from before
        # that only knows its file's hash), which HQ compares with the one it holds.
        "previous_sha256": (previous.manifest_sha256 or previous.sha256) if previous else None,
        "base_sequence": max((e.sequence for e in acked), default=0),
        "scope": {
            "full": full,
            "periods": sorted({v.key.period for v in values}),
            "org_units": sorted({v.key.org_unit for v in values}),
            "variables": sorted({v.key.variable for v in values}),
            "values": len(values) - tombstones,
            "tombstones": tombstones,
            "facilities": units,
        },
    }


def _write(ws: Workspace, entry: OutboxEntry, data: bytes) -> None:
    """Reserve the package's row and sequence, write its file, then mark it complete.

    The order is what keeps the outbox and the folder in agreement after a kill at any
    point (see :mod:`app.services.sync.outbox_reconcile`): the row is committed before the
    file can exist at its final name, and the file is whole there before the row is done.
    """
    path = Path(entry.path)
    crash_point("export_built")
    before = sync_repo.high_water(ws.conn, entry.device_id)
    with write_transaction(ws):
        sync_repo.reserve_outbox(ws.conn, entry)
    crash_point("export_reserved")
    try:
        write_durable(path, data, crash_prefix="export")
    except OSError as exc:
        if not path.exists():  # never on disk: the reservation is undone, the sequence free again
            with write_transaction(ws):
                sync_repo.abandon_outbox(ws.conn, entry.uuid)
                sync_repo.set_high_water(ws.conn, entry.device_id, before)
        raise files.output_error(exc, path) from exc
    with write_transaction(ws):
        sync_repo.finish_outbox(ws.conn, entry.uuid)
    crash_point("export_finished")
