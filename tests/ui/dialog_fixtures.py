"""Fixtures for the dialog tests: a real data directory and a real TaskManager.

Imported by the dialog test modules (not a conftest, so it never collides with
the grid/main-window fixtures other modules define).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.models.facility import Facility
from app.models.values import ValueChange, ValueKey
from app.services.entry import month_values as entry
from app.services.workspace import Workspace, open_workspace
from app.storage import facilities_repo
from app.ui.common.tasks import TaskManager

PERIOD = "202302"
HOSPITAL = "NTSSA000001"
CLINIC = "NTSSA000003"

FACILITIES = [
    Facility(
        HOSPITAL,
        "Hospital Integral Comunitario de Santa María del Oro",
        "18",
        "HIC",
        2,
        "Santa María del Oro",
        "Jurisdicción Sanitaria II",
        status_since="2019-05-01",
    ),
    Facility(
        "NTSSA000002",
        "Hospital General de Tepic «Dr. Aquiles Calles Ramírez»",
        "18",
        "HG",
        2,
        "Tepic",
        "Jurisdicción Sanitaria I",
        status_since="2015-01-10",
    ),
    Facility(
        CLINIC,
        "Centro de Salud Rural Jala",
        "18",
        "CSR",
        1,
        "Jala",
        "Jurisdicción Sanitaria II",
        status_since="2010-03-01",
    ),
    Facility(
        "NTSSA000004",
        "Unidad Médica Móvil Sierra del Nayar",
        "18",
        "UMM",
        1,
        "Del Nayar",
        "Jurisdicción Sanitaria III",
        status="parcial",
        status_since="2022-11-15",
    ),
    Facility("CMSSA000001", "Hospital General de Colima", "06", "HG", 2, "Colima"),
]


@contextmanager
def workspace(data_dir: Path, user: str = "ana") -> Iterator[Workspace]:
    """A short-lived workspace on ``data_dir`` for arranging and checking data."""
    ws = open_workspace(data_dir, user=user)
    try:
        yield ws
    finally:
        ws.close()


def seed(data_dir: Path) -> None:
    """Facilities of Nayarit (with accents and long names) and a few values."""
    with workspace(data_dir) as ws:
        with ws.db.atomic():
            facilities_repo.upsert_facilities(ws.conn, FACILITIES, "2023-01-01T00:00:00+00:00")
        entry.record_changes(
            ws,
            [
                ValueChange(ValueKey(HOSPITAL, PERIOD, "camas_censables"), "30"),
                ValueChange(ValueKey(HOSPITAL, PERIOD, "consultas_especialidad"), "1250"),
                ValueChange(ValueKey(HOSPITAL, PERIOD, "plazas_autorizadas", "enfermeria"), "40"),
                ValueChange(ValueKey(HOSPITAL, PERIOD, "plazas_ocupadas", "enfermeria"), "35"),
                ValueChange(ValueKey(CLINIC, PERIOD, "consultas_medicina_familiar"), "410"),
            ],
        )


@pytest.fixture
def seeded_dir(data_dir: Path) -> Path:
    seed(data_dir)
    return data_dir


@pytest.fixture
def tasks(qapp, seeded_dir: Path) -> Iterator[TaskManager]:
    manager = TaskManager(seeded_dir, "es")
    yield manager
    manager.shutdown()


@pytest.fixture
def form_session(qtbot, tasks):
    """A MonthSession on the seeded data with Nayarit, February 2023 loaded."""
    from PySide6.QtGui import QUndoStack

    from app.services.workspace import catalog
    from app.ui.entry.session import MonthSession

    stack = QUndoStack()
    session = MonthSession(tasks, catalog(), stack, "es")
    session.keep_stack_alive = stack  # the session does not own its stack
    with qtbot.waitSignal(session.loaded, timeout=10000):
        session.load("18", PERIOD)
    return session
