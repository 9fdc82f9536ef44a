"""Fixtures for GUI tests: a real data directory with a few facilities, a task runner, a session.

Everything runs against real SQLite files in tmp dirs (never mocks), offscreen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from app.models.facility import Facility
from app.services.workspace import catalog as load_catalog
from app.services.workspace import open_workspace
from app.storage import facilities_repo

STATE = "18"
PERIOD = "202302"

#: Two hospitals, a rural health centre and a mobile unit in Nayarit.
FACILITIES = [
    Facility("NTSSA000001", "Hospital General de Tepic", STATE, "HG", 2, "Tepic", "I Tepic"),
    Facility("NTSSA000002", "Centro de Salud Rural Jala", STATE, "CSR", 1, "Jala", "II Compostela"),
    Facility("NTSSA000003", "Hospital Integral Jesús María", STATE, "HIC", 2, "Del Nayar", "III Santiago"),
    Facility("NTSSA000004", "Unidad Médica Móvil Huajicori", STATE, "UMM", 1, "Huajicori", "III Santiago"),
]


def add_facilities(data_dir: Path, facilities: list[Facility] = FACILITIES) -> None:
    """Register ``facilities`` in the data directory's database (own connection, closed after)."""
    ws = open_workspace(data_dir, user="ana")
    try:
        with ws.db.atomic():
            facilities_repo.upsert_facilities(ws.conn, facilities, "2023-01-01T00:00:00+00:00")
    finally:
        ws.close()


@pytest.fixture
def catalog():
    return load_catalog()


@pytest.fixture
def nayarit_dir(data_dir: Path) -> Path:
    """A data directory with the four Nayarit facilities of :data:`FACILITIES`."""
    add_facilities(data_dir)
    return data_dir


@pytest.fixture
def tasks(nayarit_dir: Path):
    from app.ui.common.tasks import TaskManager

    manager = TaskManager(nayarit_dir)
    yield manager
    manager.shutdown()


@pytest.fixture
def session(qtbot, tasks, catalog):
    """A MonthSession with Nayarit, February 2023 loaded (empty month)."""
    from app.ui.entry.session import MonthSession

    stack = QUndoStack()
    month = MonthSession(tasks, catalog, stack)
    month._test_stack = stack  # keep the stack alive as long as the session
    with qtbot.waitSignal(month.loaded, timeout=10000):
        month.load(STATE, PERIOD)
    return month
