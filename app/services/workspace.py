"""A workspace: one data directory with its database, backups and catalog."""

from __future__ import annotations

import datetime as dt
import getpass
import logging
import os
import re
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from app import RESOURCES_DIR
from app.models.catalog import Catalog
from app.models.catalog_load import load_catalog
from app.models.messages import InputError, os_reason
from app.storage.database import DB_FILENAME, Database, connect, internal_error
from app.storage.permissions import private_dir, tighten_files
from app.storage.reports_repo import settings_get

# Re-exported: every service takes its transaction from the workspace module.
from .transactions import Rollback as Rollback
from .transactions import write_transaction as write_transaction

APP_NAME = "Coordina"
ENV_DATA_DIR = "COORDINA_DATA_DIR"

BUNDLED_CATALOG_DIR = RESOURCES_DIR / "catalog"
#: Catalogs installed from an HQ update or ``catalog install`` live in ``data_dir/catalogs/<version>/``;
#: the ``settings`` row below names the active one (see app/services/facilities/catalog_install.py).
CATALOGS_DIR = "catalogs"
CATALOG_SETTING = "catalog.active_version"

log = logging.getLogger(__name__)

_CATALOG: Catalog | None = None
_INSTALLED: dict[Path, Catalog] = {}
_CATALOG_LOCK = threading.RLock()


def catalog() -> Catalog:
    """The bundled catalog, loaded and validated once per process."""
    global _CATALOG
    # The GUI's thread and its database thread both ask for it at start; without the
    # lock both would load it, side by side, on the way to a usable grid (issue 12).
    with _CATALOG_LOCK:
        if _CATALOG is None:
            _CATALOG = load_catalog(BUNDLED_CATALOG_DIR)
        return _CATALOG


def version_key(version: str) -> tuple:
    """Sort key of a catalog version: ``2026.11.1`` < ``2026.11.2`` < ``2026.12``.

    Runs of digits compare as numbers, other runs as text (numbers before text).
    """
    parts = re.findall(r"\d+|[^\d.\-_]+", str(version))
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.lower()) for p in parts)


def is_newer(version: str, than: str) -> bool:
    """Whether catalog ``version`` is strictly newer than ``than``."""
    return version_key(version) > version_key(than)


def installed_catalog(path: Path) -> Catalog:
    """An installed catalog folder, loaded and validated once per process (cached by path).

    Installed folders never change once in place (a new version gets a new folder).
    """
    key = Path(path).resolve()
    with _CATALOG_LOCK:
        found = _INSTALLED.get(key)
        if found is None:
            found = _INSTALLED[key] = load_catalog(key)
        return found


def forget_installed(path: Path) -> None:
    """Drop a folder from the cache (it is being replaced or removed)."""
    _INSTALLED.pop(Path(path).resolve(), None)


def active_catalog(data_dir: Path, conn: sqlite3.Connection) -> tuple[Catalog, Path]:
    """(catalog, its folder) for a data directory.

    The installed catalog named in the settings table when it is newer than the bundled
    one; otherwise (none installed, or a newer Coordina brought a newer bundled catalog)
    the bundled one. An installed folder that no longer loads is logged and skipped, so a
    damaged install never locks the coordinator out.
    """
    bundled = catalog()
    try:
        version = settings_get(conn, CATALOG_SETTING, "")
    except sqlite3.Error:
        version = ""
    if version and is_newer(version, bundled.version):
        folder = Path(data_dir) / CATALOGS_DIR / version
        try:
            return installed_catalog(folder), folder
        except InputError as exc:
            log.warning("installed catalog %s not usable, using the bundled one: %s", folder, exc.message("es"))
    return bundled, BUNDLED_CATALOG_DIR


def catalog_for(data_dir: Path) -> Catalog:
    """The catalog a data directory uses, read without migrating its database (for the GUI)."""
    path = Path(data_dir) / DB_FILENAME
    if not path.is_file():
        return catalog()
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return catalog()
    try:
        return active_catalog(data_dir, conn)[0]
    finally:
        conn.close()


def default_data_dir() -> Path:
    """The per-user data directory: ``%LOCALAPPDATA%\\Coordina`` on Windows,
    ``~/Library/Application Support/Coordina`` on macOS, ``$XDG_DATA_HOME/Coordina`` on Linux
    (decided in :mod:`app.services.system.app_paths`)."""
    from app.services.system.app_paths import user_data_dir

    return user_data_dir()


def resolve_data_dir(cli_value: str | None = None) -> Path:
    """``--data-dir`` wins over ``COORDINA_DATA_DIR``, which wins over the default."""
    if cli_value:
        return Path(cli_value).expanduser()
    if os.environ.get(ENV_DATA_DIR):
        return Path(os.environ[ENV_DATA_DIR]).expanduser()
    return default_data_dir()


def unexpected_error(exc: BaseException) -> InputError:
    """A bug reached the surface: log its traceback and return the plain "internal error"."""
    return internal_error(exc)


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
    db: Database
    catalog: Catalog
    lang: str = "es"
    user: str = field(default_factory=current_user)
    #: The folder ``catalog`` was loaded from (bundled or ``data_dir/catalogs/<version>``).
    catalog_dir: Path = BUNDLED_CATALOG_DIR

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

    The workspace's catalog is the one installed in the data directory when it is active
    and newer than the bundled one, else the bundled one (see :func:`active_catalog`).

    Raises InputError naming the directory when it cannot be created or written.
    """
    data_dir = Path(data_dir)
    try:
        # Owner-only (issue 11): the database holds HQ's keys and every state's values.
        private_dir(data_dir)
    except OSError as exc:
        raise InputError("data_dir_unwritable", path=str(data_dir), reason=os_reason(exc)) from exc
    if not os.access(data_dir, os.W_OK):
        raise InputError("data_dir_unwritable", path=str(data_dir), reason=InputError("reason_denied"))
    db = connect(data_dir / DB_FILENAME)
    try:
        active, folder = active_catalog(data_dir, db.conn)
    except BaseException:
        db.close()
        raise
    ws = Workspace(data_dir=data_dir, db=db, catalog=active, lang=lang, user=user or current_user(), catalog_dir=folder)
    _start_up(ws)
    return ws


def _start_up(ws: Workspace) -> None:
    """Finish or undo what a killed process left half done (issue 9).

    Partial files of a killed backup are removed, and an export that was killed while its
    package was being written is reconciled with its outbox row. Neither may keep the
    workspace from opening: a failure is logged, and ``python main.py check`` reports it.
    """
    from app.storage import backups, outbox_repo

    for folder, pattern in ((ws.backups_dir, "coordina-*.db"), (ws.data_dir / "logs", "coordina.log*")):
        tighten_files(folder, pattern)  # made world-readable by a Coordina before issue 11
    try:
        backups.cleanup_stale(ws.backups_dir)
    except OSError as exc:
        log.warning("could not clean up the backups folder %s: %s", ws.backups_dir, exc)
    try:
        # Almost always nothing to settle: the package code (zip, JSON schemas) loads only
        # when there is, which keeps it off the GUI's start (issue 12).
        if outbox_repo.writing_outbox(ws.conn):
            from app.services.sync.outbox_reconcile import reconcile_outbox

            reconcile_outbox(ws)
    except (InputError, OSError, sqlite3.Error) as exc:
        log.warning("could not reconcile the outbox: %s", exc)
