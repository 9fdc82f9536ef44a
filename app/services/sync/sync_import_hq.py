"""Importing what HQ sends a state: acknowledgements and updates (issue 4 item 3).

Checked (HQ's signature, the state, the sequence HQ numbers them with) before anything is
applied; applied and recorded in the inbox in one transaction, which a dry run rolls back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.models.import_summary import ImportSummary
from app.models.messages import InputError
from app.services.sync import sync_checks
from app.services.sync.sync_ack import apply_ack, apply_update, check_hq_sequence, check_hq_signed
from app.services.sync.sync_profile import require_profile
from app.services.sync.sync_summary import stored_summary, summary
from app.services.workspace import Rollback, Workspace, now_iso, write_transaction
from app.storage import sync_repo
from app.storage.sync_repo import InboxEntry
from app.sync import package
from app.sync.errors import SyncError
from app.sync.package import RawPackage


def import_from_hq(ws: Workspace, path: Path, raw: RawPackage, dry_run: bool) -> ImportSummary:
    """Import an ack or an update at a state; raises for a package it refuses."""
    prof = require_profile(ws, "state")
    check_hq_signed(ws, raw)
    if raw.manifest.get("state") != prof.state_code:
        raise SyncError("E_MANIFEST", raw.where, InputError("sync_wrong_state", state=raw.manifest.get("state")))
    stored = sync_repo.get_inbox(ws.conn, raw.uuid)
    if stored is not None:
        sync_checks.check_same(stored, raw)
        return stored_summary(stored, dry_run, ws.lang)
    # Numbered per state by HQ: an older ack or update replayed is refused (issue 11 hole 3).
    sequence = check_hq_sequence(ws, raw)
    doc = package.gunzip_json(package.check_hashes(raw)[package.CONTENT[raw.kind]], raw.where)
    now = now_iso()
    # What undoes work done outside the database (an installed catalog's folder) when the
    # transaction does not commit: a dry run, or an error.
    undo: list[Callable[[], None]] = []
    try:
        with write_transaction(ws, immediate=True):
            if raw.kind == "ack":
                counts, notes, text = apply_ack(ws, raw, doc, now)
            else:
                counts, notes, text = apply_update(ws, raw, doc, now, undo)
            result = summary("WARNING" if notes else "SUCCESS", text, raw, path, counts, notes, dry_run=dry_run)
            if dry_run:
                raise Rollback(result)
            keys = sync_repo.get_hq_keys(ws.conn)
            sync_repo.add_inbox(
                ws.conn,
                InboxEntry(
                    raw.uuid,
                    raw.sha256,
                    raw.kind,
                    prof.state_code,
                    keys.hq_id if keys else None,
                    sequence,
                    "HQ",
                    (),
                    raw.manifest.get("created_at"),
                    now,
                    ws.user,
                    result,
                    "",
                    raw.manifest_sha256,
                ),
            )
    except Rollback as rolled_back:
        _run(undo)
        return rolled_back.result
    except BaseException:
        _run(undo)  # also when COMMIT itself failed: nothing was kept
        raise
    return result


def _run(undo: list[Callable[[], None]]) -> None:
    for step in reversed(undo):
        step()
    undo.clear()
