"""Opening the SQLite database with the pragmas every connection needs."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from app.models.messages import InputError, os_reason

from .migrations import migrate
from .permissions import private_file

DB_FILENAME = "coordina.db"

log = logging.getLogger("coordina.storage")


class Database:
    """An open Coordina database: its connection and a transaction that nests.

    This is all Coordina ever used of sqlite-utils' ``Database`` (``conn``, ``atomic()``,
    ``close()``); every statement is our own SQL. Importing sqlite-utils cost ~0.13 s of
    the GUI's start and pulled pandas and numpy onto the database thread (issue 12: time
    to a usable grid), so the three parts live here.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    @contextlib.contextmanager
    def atomic(self, immediate: bool = False) -> Iterator[Database]:
        """One transaction around the block; a nested block is a savepoint.

        An error rolls back (to the savepoint, when nested) and propagates unchanged.
        ``immediate`` takes the write lock at the start (``BEGIN IMMEDIATE``), so a long
        action that reads before it writes cannot lose the lock to another writer midway.
        """
        if self.conn.in_transaction:
            savepoint = f"coordina_{os.urandom(8).hex()}"  # unique per nesting; `secrets` is 5 ms of imports
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                # A RAISE(ROLLBACK) trigger may have ended the whole transaction already.
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


def connect(path: Path | str, run_migrations: bool = True) -> Database:
    """Open (creating if needed) the database at ``path`` in WAL mode.

    Foreign keys are on and writers wait up to 10 s for a lock, so the GUI's
    reader and its database worker never see "database is locked" in normal use.
    Turns OS errors into InputError naming the path.
    """
    path = Path(path)
    try:
        # Owner-only before SQLite opens it: its -wal and -shm files take the same mode.
        private_file(path)
    except OSError as exc:
        raise translate_error(exc, path) from exc
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=10)
        conn.execute("PRAGMA busy_timeout = 10000")
        # Reading the header first turns "file is not a database" into an error here.
        conn.execute("PRAGMA schema_version").fetchone()
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        db = Database(conn)
        if run_migrations:
            migrate(conn)
        return db
    except sqlite3.DatabaseError as exc:
        raise translate_error(exc, path) from exc


# Primary SQLite result codes (sqlite3.h); the extended code's low byte is the primary one.
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_AUTH, _SQLITE_NOTADB = 23, 26

_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_DENIED_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


def _folder_unwritable(path: Path) -> bool:
    """Whether ``path``'s folder (or the file itself) really cannot be written."""
    folder = path.parent
    if not folder.is_dir():
        return True
    if not os.access(folder, os.W_OK):
        return True
    return path.exists() and not os.access(path, os.W_OK)


def _disk_is_full(path: Path) -> bool:
    """Whether the file system holding ``path`` has no room left (a page or less)."""
    folder = path if path.is_dir() else path.parent
    try:
        return shutil.disk_usage(folder).free < 8192
    except OSError:
        return False


def log_file() -> str:
    """Where the internal errors' tracebacks go: the log file the CLI or GUI configured."""
    for handler in logging.getLogger("coordina").handlers:
        name = getattr(handler, "baseFilename", None)
        if name:
            return str(name)
    return "logs/coordina.log"


def internal_error(exc: BaseException) -> InputError:
    """Log ``exc`` with its traceback and return the "this is a bug" message.

    Used for anything that is not a known disk, permission, lock or file-format problem:
    blaming the disk for a programming error sends people looking in the wrong place.
    """
    log.error("internal error: %r", exc, exc_info=exc)
    text = f"{type(exc).__name__}: {exc}"
    return InputError("internal_error", error=text[:200], log=log_file())


def translate_error(exc: BaseException, path: Path) -> InputError:
    """Map a sqlite3/OS error to a clear bilingual InputError.

    Only a real cause gets a storage message: a full disk (``disk_full``), a read-only
    database, folder or file or a denied permission (``data_dir_unwritable``), a lock held
    by another process (``database_locked``), a file that is not a database or is damaged
    (``not_a_database``), a failing device (``disk_io_error``). Anything else (a constraint,
    a bad query, a misused API) is an ``internal_error``, logged with its traceback.
    SQLite's result codes are used rather than the message text.
    """
    path = Path(path)
    if isinstance(exc, InputError):
        return exc
    if isinstance(exc, OSError):
        return _translate_os(exc, path)
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(exc, sqlite3.Error) or code is None:
        return internal_error(exc)
    primary = int(code) & 0xFF
    if primary == _SQLITE_FULL:
        return InputError("disk_full", path=str(path))
    if primary in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_AUTH):
        return InputError("data_dir_unwritable", path=str(path.parent), reason=os_reason(exc))
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return InputError("database_locked")
    if primary in (_SQLITE_NOTADB, _SQLITE_CORRUPT):
        return InputError("not_a_database", path=str(path))
    if primary in (_SQLITE_CANTOPEN, _SQLITE_IOERR) and _folder_unwritable(path):
        return InputError("data_dir_unwritable", path=str(path.parent), reason=os_reason(exc))
    if primary == _SQLITE_IOERR and _disk_is_full(path):
        # With no byte left SQLite cannot even grow its -shm file and says IOERR_SHMSIZE
        # (or another I/O code): the cause the user can act on is the full disk.
        return InputError("disk_full", path=str(path))
    if primary == _SQLITE_IOERR:
        log.warning("disk I/O error at %s: %r", path, exc)
        return InputError("disk_io_error", path=str(path.parent), reason=os_reason(exc))
    return internal_error(exc)


def _translate_os(exc: OSError, path: Path) -> InputError:
    if exc.errno in _FULL_ERRNOS:
        return InputError("disk_full", path=str(path))
    if exc.errno in _DENIED_ERRNOS:
        return InputError("data_dir_unwritable", path=str(path.parent), reason=os_reason(exc))
    if exc.errno in (errno.ENOENT, errno.ENOTDIR) and not path.parent.is_dir():
        # The folder itself is gone (a removed USB stick, a deleted data directory).
        return InputError("data_dir_unwritable", path=str(path.parent), reason=os_reason(exc))
    if exc.errno == errno.EIO:
        return InputError("disk_io_error", path=str(path.parent), reason=os_reason(exc))
    return internal_error(exc)


def integrity_rows(conn: sqlite3.Connection, limit: int) -> list[str]:
    """SQLite's ``integrity_check`` findings, at most ``limit`` rows (``["ok"]`` when sound)."""
    return [r[0] for r in conn.execute(f"PRAGMA integrity_check({int(limit)})")]


def foreign_key_problems(conn: sqlite3.Connection) -> list[tuple[str, int, str, int]]:
    """(table, rowid, parent table, key index) of every row whose parent is missing."""
    return conn.execute("PRAGMA foreign_key_check").fetchall()


def secure_delete(conn: sqlite3.Connection) -> None:
    """Zero freed cells from now on on this connection, so deleted secrets are not left readable."""
    conn.execute("PRAGMA secure_delete = ON")


def checkpoint(conn: sqlite3.Connection) -> None:
    """Copy the WAL into the main file and truncate it (old page versions leave the WAL)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
