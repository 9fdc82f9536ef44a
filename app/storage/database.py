"""Opening the SQLite database with the pragmas every connection needs."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
import sys
import threading
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from app.models.messages import InputError, os_reason

from .migrations import migrate
from .permissions import private_file

if TYPE_CHECKING:
    import sqlite_utils

DB_FILENAME = "coordina.db"

log = logging.getLogger("coordina.storage")


def _load_sqlite_utils() -> ModuleType:
    """Import sqlite_utils; on the main thread, without letting it import pandas and numpy.

    sqlite_utils imports them only to map their scalar types when it creates tables from
    Python values, which Coordina never asks of it (every statement is our own SQL). Hiding
    them while it loads saves the CLI about half a second (``facilities list``). Only on the
    main thread before any other import of them: a ``None`` in ``sys.modules`` would make
    another thread's ``import pandas`` fail meanwhile. They import normally afterwards.
    """
    if "sqlite_utils" in sys.modules or threading.current_thread() is not threading.main_thread():
        import sqlite_utils  # noqa: PLC0415

        return sqlite_utils
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import pandas" -> ImportError
    try:
        import sqlite_utils  # noqa: PLC0415
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
    return sqlite_utils


def connect(path: Path | str, run_migrations: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path`` in WAL mode.

    Foreign keys are on and writers wait up to 10 s for a lock, so the GUI's
    reader and its database worker never see "database is locked" in normal use.
    Turns OS errors into InputError naming the path.
    """
    # sqlite_utils imports pandas and numpy when they are installed (~0.5 s), so it is
    # loaded with the first connection (on the GUI's database thread), not at import:
    # the main window paints before it.
    sqlite_utils = _load_sqlite_utils()

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
        db = sqlite_utils.Database(conn)
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
        return InputError("disk_io_error", path=str(path.parent),
                          reason=os_reason(exc))
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
