"""Snapshot backups with the SQLite backup API, pruning and restore.

One backup at a time per folder: a lock file (``.lock``, ``flock``) serialises them across
threads and processes, and a second backup waits for the first. Each backup gets its own
name (time to the microsecond plus a random tag), is copied to a ``.partial`` file in
rollback-journal mode (no ``-wal``/``-shm`` beside it), flushed and renamed; partial files of
a killed backup are removed when nobody holds the lock (at start and before each backup).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import os
import re
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.models.messages import InputError, os_reason

from .crashpoints import crash_point
from .database import translate_error
from .durable import fsync_dir
from .migrations import LATEST, expected_schema, schema_of
from .permissions import private_dir, private_file

KEEP = 10
LOCK_NAME = ".lock"
#: How long a backup waits for another one to finish before saying the database is busy.
LOCK_TIMEOUT = 60.0
# New names: coordina-YYYYMMDD-HHMMSS-ffffff-tag-reason.db; older ones had no microseconds and
# an optional counter (coordina-YYYYMMDD-HHMMSS[-N]-reason.db). The reason may be accented.
_NAME = re.compile(r"^coordina-(\d{8}-\d{6})(?:-(\d{6})-[0-9a-f]{4}|-\d+)?-(\w+)\.db$")
_PARTIAL = re.compile(r"^coordina-.*\.partial(?:-wal|-shm|-journal)?$")

log = logging.getLogger("coordina.backups")
Progress = Callable[[int, int, int], object]


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
            created = _created(match.group(1), match.group(2)) if match else None
            if match and created:
                found.append(Backup(path, created, match.group(3)))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def _created(stamp: str, micro: str | None) -> dt.datetime | None:
    """The time in a backup's name ("20230215-093000"), None if it is no real date (a file
    named like a backup by hand). Sliced, not strptime: its first call costs ~7 ms of
    imports, on the way to the first grid (the daily backup lists the folder at start)."""
    try:
        return dt.datetime(
            int(stamp[0:4]),
            int(stamp[4:6]),
            int(stamp[6:8]),
            int(stamp[9:11]),
            int(stamp[11:13]),
            int(stamp[13:15]),
            int(micro or 0),
        )
    except ValueError:
        return None


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]  # Windows only; mypy checks for Linux
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


@contextlib.contextmanager
def backup_lock(directory: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the backups folder's lock; waits up to ``timeout`` s, then ``backup_busy``.

    The lock is released by the system when its holder dies, so a killed backup never
    blocks the next one. Raises OSError when the folder cannot hold a lock file.
    """
    fd = os.open(directory / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise InputError("backup_busy", path=str(directory))
            time.sleep(0.05)
        yield  # closing the descriptor releases the lock
    finally:
        os.close(fd)


def cleanup_stale(directory: Path) -> list[Path]:
    """Remove the partial files of killed backups; returns them.

    Only when no backup is running (the lock is free right now): a running backup's
    partial file is left alone.
    """
    if not directory.is_dir():
        return []
    removed: list[Path] = []
    try:
        with backup_lock(directory, timeout=0):
            for path in directory.iterdir():
                if _PARTIAL.match(path.name):
                    path.unlink(missing_ok=True)
                    removed.append(path)
    except InputError:
        return []  # another backup is running
    if removed:
        log.info("removed %d partial backup files in %s", len(removed), directory)
    return removed


def _copy(conn: sqlite3.Connection, partial: Path, progress: Progress | None) -> None:
    private_file(partial)  # owner-only from the first byte (issue 11); the rename keeps the mode
    dest = sqlite3.connect(str(partial), isolation_level=None)
    try:
        conn.backup(dest, pages=1024 if progress else -1, progress=progress)
        crash_point("backup_copied")
        # The copy carries the live database's WAL flag; a backup is a plain file, so it is
        # switched to a rollback journal (this also removes the -wal/-shm the switch needed).
        dest.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        dest.close()
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())


def _unique_target(directory: Path, reason: str, now: dt.datetime) -> Path:
    while True:
        target = directory / f"coordina-{now:%Y%m%d-%H%M%S-%f}-{secrets.token_hex(2)}-{reason}.db"
        if not target.exists():
            return target


def _backup_error(exc: BaseException, directory: Path, target: Path) -> InputError:
    if isinstance(exc, InputError):
        return exc
    number = getattr(exc, "errno", None)
    if number in (errno.ENOSPC, errno.EDQUOT) or getattr(exc, "sqlite_errorcode", 0) & 0xFF == 13:
        return InputError("disk_full", path=str(directory))
    if not directory.is_dir() or number in (
        errno.EACCES,
        errno.EPERM,
        errno.EROFS,
        errno.ENOENT,
        errno.ENOTDIR,
        errno.EEXIST,
    ):
        return InputError("backup_unwritable", path=str(directory), reason=os_reason(exc))
    return translate_error(exc, target)


def snapshot(
    conn: sqlite3.Connection,
    directory: Path,
    reason: str,
    keep: int = KEEP,
    now: dt.datetime | None = None,
    lock_timeout: float = LOCK_TIMEOUT,
    progress: Progress | None = None,
) -> Path:
    """Copy the live database to a new file in ``directory`` and prune old ones.

    The copy is written to a ``.partial`` name, flushed and renamed, so a full disk or a
    kill never leaves a half-written backup that looks complete. Backups of one folder
    run one at a time (``backup_busy`` after ``lock_timeout`` s); ``progress`` is passed
    to the SQLite backup API. The live database is only read.
    """
    now = now or dt.datetime.now()
    partial: Path | None = None
    target = directory / f"coordina-{now:%Y%m%d-%H%M%S}-{reason}.db"
    try:
        private_dir(directory)
        with backup_lock(directory, lock_timeout):
            for stale in directory.iterdir():  # the lock is ours: any partial is a dead one's
                if _PARTIAL.match(stale.name):
                    stale.unlink(missing_ok=True)
            target = _unique_target(directory, reason, now)
            partial = target.with_name(target.name + ".partial")
            _copy(conn, partial, progress)
            crash_point("backup_before_rename")
            partial.replace(target)
            partial = None
            fsync_dir(directory)
            prune(directory, keep)
    except (sqlite3.Error, OSError, InputError) as exc:
        if partial is not None:
            for leftover in (partial, *(Path(f"{partial}{s}") for s in ("-wal", "-shm", "-journal"))):
                with contextlib.suppress(OSError):
                    leftover.unlink(missing_ok=True)
        raise _backup_error(exc, directory, target) from exc
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
    """Check that ``path`` is an intact Coordina database; returns its schema version.

    Intact means SQLite's quick check passes and its schema is exactly the one Coordina's
    migrations make at its ``user_version``: no extra trigger, view, index or table, none
    missing. Anything else is refused before a byte of the live database changes.
    """
    if not path.is_file():
        raise InputError("backup_missing", path=str(path))
    # Coordina writes UTF-8 databases only, and SQLite's backup cannot copy another text
    # encoding into ours: the header's encoding field (bytes 56-59) must say 1 (UTF-8).
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise InputError("not_a_database", path=str(path)) from exc
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00") or header[56:60] != b"\x00\x00\x00\x01":
        raise InputError("not_a_database", path=str(path))
    try:
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            # A damaged page may hold bytes that are not UTF-8: read the check's text raw.
            src.text_factory = bytes
            if src.execute("PRAGMA quick_check").fetchone()[0] != b"ok":
                raise InputError("not_a_database", path=str(path))
            src.text_factory = str
            # Coordina writes UTF-8 only; SQLite's backup cannot copy another encoding into ours.
            if src.execute("PRAGMA encoding").fetchone()[0] != "UTF-8":
                raise InputError("not_a_database", path=str(path))
            version = int(src.execute("PRAGMA user_version").fetchone()[0])
            found = schema_of(src)
        finally:
            src.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError, ValueError, TypeError) as exc:
        raise InputError("not_a_database", path=str(path)) from exc
    if version > LATEST:
        raise InputError("schema_too_new", found=version)
    if version < 1:
        raise InputError("not_a_database", path=str(path))
    if found != expected_schema(version):
        raise InputError("schema_mismatch", path=str(path), version=version)
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


#: What a restore replaces: values, facilities, reports.
_CONTENT_COUNTS = (
    "SELECT count(*) FROM data_values WHERE value IS NOT NULL",
    "SELECT count(*) FROM facilities",
    "SELECT count(*) FROM reports",
)


def content_counts(conn: sqlite3.Connection) -> tuple[int, ...]:
    """(values, facilities, reports) a database holds; a table its schema lacks counts 0."""
    found = []
    for sql in _CONTENT_COUNTS:
        try:
            found.append(int(conn.execute(sql).fetchone()[0]))
        except sqlite3.OperationalError:  # a schema before that table: nothing of it
            found.append(0)
    return tuple(found)


def backup_facts(path: Path) -> tuple[tuple[int, ...], str | None]:
    """A backup file's :func:`content_counts` and newest change-log time, read read-only."""
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return content_counts(src), src.execute("SELECT max(at) FROM change_log").fetchone()[0]
    finally:
        src.close()
