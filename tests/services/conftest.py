"""Fixtures for the service tests: real workspaces on disk, a demo state built once."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.models.facility import Facility
from app.services.demo import build_demo
from app.services.workspace import open_workspace
from app.storage import facilities_repo
from app.storage.database import DB_FILENAME

TABLES = ("data_values", "change_log", "reports", "facilities", "facility_status_history", "settings")


def dump(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Everything a person could lose, to compare before and after a rejected operation."""
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}


@pytest.fixture
def db_dump():
    return dump


@pytest.fixture
def ws(data_dir: Path):
    """An empty workspace."""
    workspace = open_workspace(data_dir, user="ana")
    yield workspace
    workspace.close()


@pytest.fixture
def small_ws(ws):
    """Two Nayarit facilities and one of Colima."""
    with ws.db.atomic():
        facilities_repo.upsert_facilities(
            ws.conn,
            [
                Facility("NTSSA000001", "Hospital General de Tepic", "18", "HG", 2, "Tepic"),
                Facility("NTSSA000002", "Centro de Salud Rural Jala", "18", "CSR", 1, "Jala"),
                Facility("CMSSA000001", "Hospital General de Colima", "06", "HG", 2, "Colima"),
            ],
            "2023-01-01T00:00:00+00:00",
        )
    return ws


@pytest.fixture(scope="session")
def nayarit_demo_db(tmp_path_factory) -> Path:
    """The Nayarit demo, built once per session; tests get a copy through ``demo_ws``."""
    directory = tmp_path_factory.mktemp("nayarit_demo")
    workspace = open_workspace(directory, user="demo")
    build_demo(workspace, "18")
    workspace.close()  # checkpoints the WAL, so the .db file alone is complete
    return directory / DB_FILENAME


@pytest.fixture
def demo_ws(nayarit_demo_db: Path, tmp_path: Path):
    """A fresh copy of the Nayarit demo workspace."""
    directory = tmp_path / "demo_data"
    directory.mkdir()
    shutil.copy(nayarit_demo_db, directory / DB_FILENAME)
    workspace = open_workspace(directory, user="ana")
    yield workspace
    workspace.close()
