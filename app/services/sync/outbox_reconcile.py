"""Keeping the outbox and the package files in agreement after a kill (issue 9, defect 9).

``sync export`` reserves a package (outbox row + used sequence + a "writing" marker, one
committed transaction) before its file reaches its final name, then clears the marker.
After a kill, :func:`reconcile_outbox` (run when a workspace opens and before every
export) settles each marked row by its file:

- the file is at its final name and has the row's SHA-256 → the row is kept (``done``);
- the folder is there but the file is not (or is another file) → the row is dropped
  (``abandoned``); its sequence stays used, so HQ sees a gap, never a replay;
- the folder is not there (a USB stick not plugged in) → nothing is decided (``pending``).

Stray temporary files of the package are removed. :func:`next_sequence` also skips any
sequence a package file of this device already carries in the output folder (a file left
by an older Coordina with no row), so a sequence that reached a disk is never reused.
"""

from __future__ import annotations

import json
import logging
import zipfile
from pathlib import Path

from app.services.transactions import HasDatabase, write_transaction
from app.storage import sync_repo
from app.storage.durable import temp_name
from app.sync import package

log = logging.getLogger("coordina.outbox")

#: A manifest is a few kilobytes; anything bigger in a stray file is not worth reading.
_MANIFEST_CAP = 1 << 20


def file_sha256(path: Path) -> str | None:
    """SHA-256 of a file's bytes, or None when it cannot be read."""
    try:
        return package.sha256(path.read_bytes())
    except OSError:
        return None


def reconcile_outbox(ws: HasDatabase) -> dict[str, str]:
    """Settle every outbox row left "writing" by a killed export; returns uuid → outcome."""
    outcomes: dict[str, str] = {}
    for uuid in sync_repo.writing_outbox(ws.conn):
        entry = sync_repo.get_outbox(ws.conn, uuid)
        if entry is None:
            with write_transaction(ws):
                sync_repo.finish_outbox(ws.conn, uuid)
            continue
        path = Path(entry.path)
        if not path.parent.is_dir():
            outcomes[uuid] = "pending"
            continue
        temp_name(path).unlink(missing_ok=True)
        if path.is_file() and file_sha256(path) == entry.sha256:
            with write_transaction(ws):
                sync_repo.finish_outbox(ws.conn, uuid)
            outcomes[uuid] = "done"
        else:
            with write_transaction(ws):
                sync_repo.abandon_outbox(ws.conn, uuid)
            log.warning("export of package %d (%s) did not finish; its sequence is skipped", entry.sequence, path)
            outcomes[uuid] = "abandoned"
    return outcomes


def read_manifest(path: Path) -> dict | None:
    """The manifest of a package file, unverified, or None when it is not one.

    Only a hint for choosing sequences and for ``check``: any file a person put in the
    folder may be there, so nothing about it may stop an export.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("manifest.json")
            if info.file_size > _MANIFEST_CAP or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                return None
            doc = json.loads(zf.read(info))
    except Exception:  # noqa: BLE001 - a foreign or damaged file is simply not ours
        return None
    return doc if isinstance(doc, dict) else None


def sequences_on_disk(folder: Path, device_id: str) -> list[int]:
    """Sequences of this device's data packages found in ``folder``."""
    found: list[int] = []
    try:
        candidates = [p for p in Path(folder).iterdir() if p.suffix == ".coordina" and p.is_file()]
    except OSError:
        return found
    for path in candidates:
        manifest = read_manifest(path)
        if manifest and manifest.get("kind") == "data" and manifest.get("device") == device_id:
            sequence = manifest.get("sequence")
            if isinstance(sequence, int) and not isinstance(sequence, bool):
                found.append(sequence)
    return found


def next_sequence(ws: HasDatabase, device_id: str, out_dir: Path) -> int:
    """The next package's sequence: above every row, every reserved one and every file seen."""
    last = sync_repo.last_outbox(ws.conn, device_id)
    return 1 + max(
        last.sequence if last else 0, sync_repo.high_water(ws.conn, device_id), *sequences_on_disk(out_dir, device_id)
    )
