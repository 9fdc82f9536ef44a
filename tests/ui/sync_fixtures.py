"""Fixtures for the sync dialogs: the state/HQ ``pair`` and a TaskManager on HQ's data.

Imported by the sync dialog tests (pytest does not see tests/sync/conftest.py from here).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.models.values import ValueChange, ValueKey
from app.services.entry.month_values import record_changes
from app.services.sync import sync_ack, sync_export, sync_import
from app.ui.common.tasks import TaskManager
from tests.sync.conftest import Pair, pair  # noqa: F401
from tests.sync.forge import write


@pytest.fixture
def hq_tasks(qapp, pair: Pair) -> Iterator[TaskManager]:  # noqa: F811 - the fixture imported above
    """Background jobs on HQ's data directory (their own connection, as in the app)."""
    manager = TaskManager(pair.hq.data_dir, "es")
    yield manager
    manager.shutdown()


def count_values(ws) -> int:
    return ws.conn.execute("SELECT count(*) FROM data_values WHERE value IS NOT NULL").fetchone()[0]


def a_value(ws) -> ValueKey:
    """A stored value of the state's (family medicine visits of its first facility)."""
    row = ws.conn.execute(
        "SELECT org_unit, period, variable, disaggregation FROM data_values "
        "WHERE value IS NOT NULL AND variable = 'consultas_medicina_familiar' "
        "ORDER BY 1, 2 LIMIT 1"
    ).fetchone()
    return ValueKey(*row)


def full_package(pair: Pair) -> Path:  # noqa: F811
    return sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True).path


def truncated_copy(pair: Pair, valid: Path) -> Path:  # noqa: F811
    """A hostile package: the first half of a valid one."""
    data = valid.read_bytes()
    return write(pair.outbox, "truncado.coordina", data[: len(data) // 2])


def conflict_package(pair: Pair) -> tuple[ValueKey, Path]:  # noqa: F811
    """HQ has the state's data; then HQ writes 1111 and the state 2222 into the same cell.

    Returns the cell and the state's next package (not imported yet), as in test_roundtrip.
    """
    sync_import.import_packages(pair.hq, [full_package(pair)])
    sync_import.import_packages(pair.state, [sync_ack.make_ack(pair.hq, "18", pair.outbox)])
    key = a_value(pair.state)
    record_changes(pair.hq, [ValueChange(key, 1111)])  # an analyst corrects it at HQ
    record_changes(pair.state, [ValueChange(key, 2222)])  # the coordinator, later
    return key, sync_export.export_package(pair.state, pair.outbox, pair.identity).path
