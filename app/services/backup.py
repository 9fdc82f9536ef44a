"""Backups: on demand, daily, before risky operations, and restore."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from app.storage import backups, sync_repo
from app.storage.migrations import migrate

from .workspace import Workspace, write_transaction


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
            sync_repo.set_high_water(ws.conn, device, max(sequence, sync_repo.high_water(ws.conn, device)))
    return safety


def _used_sequences(ws: Workspace) -> dict[str, int]:
    """Per device, the highest package sequence this database has ever reserved."""
    used: dict[str, int] = {}
    try:
        for device, sequence in ws.conn.execute("SELECT device_id, max(sequence) FROM outbox GROUP BY device_id"):
            used[device] = max(int(sequence), sync_repo.high_water(ws.conn, device))
    except sqlite3.OperationalError:  # a database from before the sync tables (schema < 4)
        return {}
    return used
