"""Shared pytest setup for Coordina.

Qt must see QT_QPA_PLATFORM before any test module imports it, so this is set first.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Keep tests away from a developer's real Coordina data and settings."""
    monkeypatch.delenv("COORDINA_DATA_DIR", raising=False)
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty, existing data directory for one test."""
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture(scope="session")
def nayarit_demo_db(tmp_path_factory) -> Path:
    """The Nayarit demo, built once per session; tests get a copy through ``demo_ws``."""
    from app.services.files.demo import build_demo
    from app.services.workspace import open_workspace
    from app.storage.database import DB_FILENAME

    directory = tmp_path_factory.mktemp("nayarit_demo")
    workspace = open_workspace(directory, user="demo")
    build_demo(workspace, "18")
    workspace.close()  # checkpoints the WAL, so the .db file alone is complete
    return directory / DB_FILENAME


@pytest.fixture
def demo_ws(nayarit_demo_db: Path, tmp_path: Path):
    """A fresh copy of the Nayarit demo workspace."""
    from app.services.workspace import open_workspace
    from app.storage.database import DB_FILENAME

    directory = tmp_path / "demo_data"
    directory.mkdir()
    shutil.copy(nayarit_demo_db, directory / DB_FILENAME)
    workspace = open_workspace(directory, user="ana")
    yield workspace
    workspace.close()


TABLES = (
    "data_values",
    "change_log",
    "reports",
    "facilities",
    "facility_status_history",
    "settings",
    "profile",
    "hq_keys",
    "registrations",
    "registration_log",
    "outbox",
    "sync_base",
    "inbox",
    "conflicts",
)


def dump(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Everything a person could lose, to compare before and after a rejected operation."""
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}


@pytest.fixture
def db_dump():
    return dump
