"""Fixtures for the service tests: real workspaces on disk, a demo state built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.models.facility import Facility
from app.services.workspace import open_workspace
from app.storage import facilities_repo


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
