"""Import summaries in DHIS2's shape (``ImportSummary``), with our error codes.

Every importer (data at HQ, acknowledgements and updates at a state) answers with these, so
the CLI, the import dialog and the inbox show one shape.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from app.models.import_summary import ImportConflict, ImportSummary
from app.models.messages import InputError, text
from app.storage.sync_repo import InboxEntry
from app.sync.errors import SyncError
from app.sync.package import RawPackage


def summary(
    status: str,
    description: str,
    raw: RawPackage | None = None,
    path: Path | None = None,
    counts: Mapping[str, int] | None = None,
    conflicts: Sequence[ImportConflict] | None = None,
    rejected: Iterable[int] | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    """An import summary in DHIS2's shape, plus what identifies the package."""
    out: ImportSummary = {
        "responseType": "ImportSummary",
        "status": status,
        "description": description,
        "importCount": {"imported": 0, "updated": 0, "ignored": 0, "deleted": 0, **(counts or {})},  # type: ignore[typeddict-item]  # counts has some of these four keys
        "conflicts": list(conflicts or []),
        "rejectedIndexes": sorted(rejected or []),
        "dryRun": dry_run,
        "file": str(path) if path else "",
    }
    if raw is not None:
        m = raw.manifest
        out["package"] = {
            "uuid": m.get("uuid"),
            "kind": m.get("kind"),
            "state": m.get("state"),
            "device": m.get("device"),
            "sequence": m.get("sequence"),
            "sha256": raw.sha256,
            "manifest_sha256": raw.manifest_sha256,
        }
    return out


def error_summary(
    exc: InputError, path: Path, lang: str, raw: RawPackage | None = None, dry_run: bool = False
) -> ImportSummary:
    """The summary of a refused file: one conflict naming the error's code and message."""
    code = exc.code if isinstance(exc, SyncError) else f"E_{exc.code.upper()}"
    return summary(
        "ERROR",
        exc.message(lang),
        raw,
        path,
        conflicts=[
            {"object": path.name, "value": exc.message(lang), "errorCode": code, "property": "package", "indexes": []}
        ],
        dry_run=dry_run,
    )


def stored_summary(stored: InboxEntry, dry_run: bool, lang: str = "es") -> ImportSummary:
    """The summary kept when the package was imported: importing it again changes nothing."""
    again = stored.summary.copy()
    again["description"] = text("sync_already_imported", lang, at=stored.imported_at)
    again["alreadyImported"] = True
    again["dryRun"] = dry_run
    return again
