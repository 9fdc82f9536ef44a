"""Opening the SQLite database with the pragmas every connection needs."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from app.models.messages import InputError

from .migrations import migrate

if TYPE_CHECKING:
    import sqlite_utils

DB_FILENAME = "coordina.db"


def connect(path: Path | str, run_migrations: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path`` in WAL mode.

    Foreign keys are on and writers wait up to 10 s for a lock, so the GUI's
    reader and its database worker never see "database is locked" in normal use.
    Turns OS errors into InputError naming the path.
    """
    # sqlite_utils imports pandas and numpy when they are installed (~0.5 s), so it is
    # loaded with the first connection (on the GUI's database thread), not at import:
    # the main window paints before it.
    import sqlite_utils

    path = Path(path)
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


def translate_error(exc: BaseException, path: Path) -> InputError:
    """Map sqlite3/OS errors to a clear bilingual InputError."""
    text = str(exc).lower()
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "disk is full" in text:
        return InputError("disk_full", path=str(path))
    if isinstance(exc, PermissionError) or any(
        word in text for word in ("readonly", "read-only", "unable to open")
    ):
        return InputError("data_dir_unwritable", path=str(path.parent), reason=str(exc))
    if "not a database" in text or "malformed" in text:
        return InputError("not_a_database", path=str(path))
    if "locked" in text or "busy" in text:
        return InputError("database_locked")
    return InputError("data_dir_unwritable", path=str(path.parent), reason=str(exc))
