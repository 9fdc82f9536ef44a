"""Backups: on demand, daily, before risky operations, and restore."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.models.messages import text
from app.services.workspace import Workspace, write_transaction
from app.storage import backups, outbox_repo
from app.storage.migrations import migrate


def backup_now(ws: Workspace, reason: str = "manual") -> Path:
    """Snapshot the database now; keeps the newest :data:`backups.KEEP`."""
    return backups.snapshot(ws.conn, ws.backups_dir, reason)


def ensure_daily_backup(ws: Workspace, today: dt.date | None = None) -> Path | None:
    """Take the day's backup if none exists yet (called at start-up)."""
    today = today or dt.date.today()
    if backups.has_backup_on(ws.backups_dir, today):
        return None
    return backups.snapshot(ws.conn, ws.backups_dir, "diario")


def list_backups(ws: Workspace) -> list[backups.Backup]:
    """Backups of this data directory, newest first."""
    return backups.list_backups(ws.backups_dir)


#: What a restore replaces, counted on both sides (:func:`app.storage.backups.content_counts`):
#: message codes of their labels, in its order.
_COUNTS = ("backup_count_values", "backup_count_facilities", "backup_count_reports")


@dataclass(frozen=True)
class RestorePreview:
    """What restoring ``path`` would replace: its date and counts beside the current ones."""

    path: Path
    created: dt.datetime  # when the snapshot was taken (its name, else the file's time)
    last_change: str | None  # the backup's newest change-log entry (UTC), None if empty
    backup_counts: tuple[int, ...]
    current_counts: tuple[int, ...]

    def lines(self, lang: str = "es") -> list[str]:
        """The preview as text lines, Spanish or English (the CLI prints them)."""
        when = self.created.strftime("%Y-%m-%d %H:%M:%S")
        head = text("backup_preview_head", lang, name=self.path.name, when=when)
        if self.last_change:
            head += text("backup_preview_last", lang, last=self.last_change)
        rows = [head, text("backup_preview_replaces", lang)]
        for label, theirs, ours in zip(_COUNTS, self.backup_counts, self.current_counts, strict=True):
            rows.append(
                text("backup_preview_row", lang, label=text(label, lang), ours=f"{ours:,}", theirs=f"{theirs:,}")
            )
        return rows


def preview_restore(ws: Workspace, path: Path) -> RestorePreview:
    """Check ``path`` as :func:`restore_backup` would, and say what restoring it replaces.

    Raises InputError for a file that is not a Coordina backup of a known schema; reads
    the backup read-only and writes nothing.
    """
    path = Path(path)
    backups.check_backup_file(path)
    listed = {b.path.name: b.created for b in backups.list_backups(path.parent)}
    created = listed.get(path.name) or dt.datetime.fromtimestamp(path.stat().st_mtime)
    theirs, last = backups.backup_facts(path)
    return RestorePreview(path, created, last, theirs, backups.content_counts(ws.conn))


def restore_backup(ws: Workspace, path: Path) -> Path:
    """Replace the database with ``path`` after a safety snapshot of the current one.

    The backup is checked before anything is touched, so a wrong file writes
    nothing. Returns the safety snapshot's path (itself restorable).
    """
    backups.check_backup_file(Path(path))
    safety = backups.snapshot(ws.conn, ws.backups_dir, "antes_de_restaurar")
    used = _used_sequences(ws)
    backups.restore_into(ws.conn, Path(path))
    migrate(ws.conn)
    # An older backup knows fewer packages: the sequences exported since are still used
    # (HQ may hold those packages), so the next export must not hand them out again.
    with write_transaction(ws):
        for device, sequence in used.items():
            outbox_repo.set_high_water(ws.conn, device, max(sequence, outbox_repo.high_water(ws.conn, device)))
    return safety


def _used_sequences(ws: Workspace) -> dict[str, int]:
    """Per device, the highest package sequence this database has ever reserved."""
    used: dict[str, int] = {}
    try:
        for device, sequence in outbox_repo.max_outbox_sequences(ws.conn):
            used[device] = max(int(sequence), outbox_repo.high_water(ws.conn, device))
    except sqlite3.OperationalError:  # a database from before the sync tables (schema < 4)
        return {}
    return used
