"""Snapshot backups with the SQLite backup API, pruning and restore."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.models.messages import InputError

from .database import translate_error
from .migrations import LATEST

KEEP = 10
_NAME = re.compile(r"^coordina-(\d{8}-\d{6}(?:-\d+)?)-([a-z0-9_]+)\.db$")


@dataclass(frozen=True)
class Backup:
    path: Path
    created: dt.datetime
    reason: str

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def list_backups(directory: Path) -> list[Backup]:
    """Backups in ``directory``, newest first."""
    found = []
    if directory.is_dir():
        for path in directory.iterdir():
            match = _NAME.match(path.name)
            if match:
                stamp = match.group(1)[:15]
                found.append(Backup(path, dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S"), match.group(2)))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def snapshot(conn: sqlite3.Connection, directory: Path, reason: str, keep: int = KEEP,
             now: dt.datetime | None = None) -> Path:
    """Copy the live database to a new file in ``directory`` and prune old ones.

    The copy is written to a temporary name and renamed, so a full disk never
    leaves a half-written backup that looks complete.
    """
    now = now or dt.datetime.now()
    directory.mkdir(parents=True, exist_ok=True)
    base = f"coordina-{now:%Y%m%d-%H%M%S}"
    target = directory / f"{base}-{reason}.db"
    counter = 1
    while target.exists():
        target = directory / f"{base}-{counter}-{reason}.db"
        counter += 1
    partial = target.with_suffix(".partial")
    try:
        dest = sqlite3.connect(str(partial))
        try:
            conn.backup(dest)
        finally:
            dest.close()
        partial.replace(target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise translate_error(exc, target) from exc
    prune(directory, keep)
    return target


def prune(directory: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups; returns the deleted paths."""
    removed = []
    for backup in list_backups(directory)[keep:]:
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    return removed


def has_backup_on(directory: Path, day: dt.date) -> bool:
    return any(b.created.date() == day for b in list_backups(directory))


def check_backup_file(path: Path) -> int:
    """Check that ``path`` is an intact Coordina database; returns its schema version."""
    if not path.is_file():
        raise InputError("backup_missing", path=str(path))
    try:
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if src.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise InputError("not_a_database", path=str(path))
            version = int(src.execute("PRAGMA user_version").fetchone()[0])
            tables = {r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        raise InputError("not_a_database", path=str(path)) from exc
    if version > LATEST:
        raise InputError("schema_too_new", found=version)
    if version < 1 or not {"facilities", "data_values", "change_log"} <= tables:
        raise InputError("not_a_database", path=str(path))
    return version


def restore_into(conn: sqlite3.Connection, backup_path: Path) -> None:
    """Overwrite the live database behind ``conn`` with ``backup_path``.

    The caller takes a safety snapshot first and migrates afterwards (a backup
    may come from an older schema).
    """
    check_backup_file(backup_path)
    src = sqlite3.connect(f"file:{backup_path}?mode=ro", uri=True)
    try:
        src.backup(conn)
    except sqlite3.Error as exc:
        raise translate_error(exc, backup_path) from exc
    finally:
        src.close()
