"""A workspace: one data directory with its database, backups and catalog."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import os
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app import RESOURCES_DIR
from app.models.catalog import Catalog, load_catalog
from app.models.messages import InputError
from app.storage.database import DB_FILENAME, connect

if TYPE_CHECKING:
    import sqlite_utils  # imported by connect(), see app.storage.database

APP_NAME = "Coordina"
ENV_DATA_DIR = "COORDINA_DATA_DIR"

_CATALOG: Catalog | None = None


def catalog() -> Catalog:
    """The catalog, loaded and validated once per process."""
    global _CATALOG
    if _CATALOG is None:
        _CATALOG = load_catalog(RESOURCES_DIR / "catalog")
    return _CATALOG


def default_data_dir() -> Path:
    """The per-user data directory (XDG on Linux, AppData on Windows, Library on macOS)."""
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def resolve_data_dir(cli_value: str | None = None) -> Path:
    """``--data-dir`` wins over ``COORDINA_DATA_DIR``, which wins over the default."""
    if cli_value:
        return Path(cli_value).expanduser()
    if os.environ.get(ENV_DATA_DIR):
        return Path(os.environ[ENV_DATA_DIR]).expanduser()
    return default_data_dir()


def now_iso() -> str:
    """UTC timestamp with seconds, as stored in updated_at and the change log."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "coordina"


@dataclass
class Workspace:
    """An open data directory. Each thread that touches the database opens its own."""

    data_dir: Path
    db: sqlite_utils.Database
    catalog: Catalog
    lang: str = "es"
    user: str = field(default_factory=current_user)

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILENAME

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    def close(self) -> None:
        self.db.close()


def open_workspace(data_dir: Path, lang: str = "es", user: str | None = None) -> Workspace:
    """Create the data directory if needed, open and migrate its database.

    Raises InputError naming the directory when it cannot be created or written.
    """
    data_dir = Path(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError("data_dir_unwritable", path=str(data_dir), reason=exc.strerror or str(exc)) from exc
    if not os.access(data_dir, os.W_OK):
        raise InputError("data_dir_unwritable", path=str(data_dir), reason="permiso denegado")
    db = connect(data_dir / DB_FILENAME)
    return Workspace(data_dir=data_dir, db=db, catalog=catalog(), lang=lang, user=user or current_user())


@contextlib.contextmanager
def write_transaction(ws: Workspace) -> Iterator[None]:
    """One transaction for one action: all of it is kept, or none of it.

    SQLite and OS failures (a full disk, a read-only directory) become an
    InputError naming the data directory, after the rollback.
    """
    from app.models.messages import InputError as _InputError
    from app.storage.database import translate_error

    try:
        with ws.db.atomic():
            yield
    except _InputError:
        raise
    except (OSError, sqlite3.Error) as exc:
        raise translate_error(exc, ws.db_path) from exc
