"""Issue 9, defect 13: a job that reports back after its widget is gone is dropped.

A dialog closed (and deleted) before its background load finishes used to get the
late result anyway: ``RuntimeError: Internal C++ object already deleted``. The
database worker is held busy by a gate job, so each dialog's real load waits in
the queue until the dialog has been deleted; then the gate opens, the real job runs
against the real database, and its result must be dropped without any exception
(pytest-qt fails a test on an exception raised in a Qt callback).
"""
# Fixtures are imported from dialog_fixtures, so pytest's by-name injection looks like shadowing:
# ruff: noqa: F811

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from app.models.values import ValueKey
from app.services.workspace import catalog
from app.ui.common.tasks import TaskManager
from tests.ui.dialog_fixtures import HOSPITAL, PERIOD, seeded_dir, tasks  # noqa: F401

pytestmark = pytest.mark.gui


@contextmanager
def worker_held(tasks: TaskManager) -> Iterator[threading.Event]:
    """Keep the database worker busy until the block ends, so jobs queued inside it finish late."""
    gate = threading.Event()
    started = threading.Event()

    def hold(_ws, _progress) -> None:
        started.set()
        gate.wait(20)

    tasks.run_db(hold)
    assert started.wait(10), "the database worker never started the gate job"
    try:
        yield gate
    finally:
        gate.set()


def close_and_delete(qtbot, widget: QWidget) -> None:
    """Close ``widget`` as a person would (it deletes itself on close) and wait until it is gone."""
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    widget.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(widget), timeout=5000)


def finish_late(qtbot, tasks: TaskManager, gate: threading.Event) -> None:
    """Let the queued jobs run and deliver their (late) results."""
    gate.set()
    assert tasks.wait_idle(20000)
    qtbot.wait(50)  # anything posted by the callbacks runs too


def spy(monkeypatch, cls: type, name: str) -> list[object]:
    """Record calls of ``cls.name`` (the real method still runs)."""
    calls: list[object] = []
    real: Callable = getattr(cls, name)

    def recording(self, *args):
        calls.append(args)
        return real(self, *args)

    monkeypatch.setattr(cls, name, recording)
    return calls


def test_history_dialog_closed_before_its_load_drops_the_result(qtbot, tasks, monkeypatch):
    from app.ui.entry.history_dialog import HistoryDialog

    shown = spy(monkeypatch, HistoryDialog, "_show")
    failed = spy(monkeypatch, HistoryDialog, "_failed")
    with worker_held(tasks) as gate:
        dialog = HistoryDialog(tasks, catalog(), ValueKey(HOSPITAL, PERIOD, "camas_censables"), "es")
        dialog.show()
        close_and_delete(qtbot, dialog)
        finish_late(qtbot, tasks, gate)
    assert shown == [] and failed == []


def test_history_dialog_deleted_with_its_parent_drops_the_result(qtbot, tasks, monkeypatch):
    """The grid opens the history as a child: a parent deleted first takes the dialog with it."""
    from app.ui.entry.history_dialog import HistoryDialog

    shown = spy(monkeypatch, HistoryDialog, "_show")
    parent = QWidget()
    with worker_held(tasks) as gate:
        dialog = HistoryDialog(tasks, catalog(), ValueKey(HOSPITAL, PERIOD, "camas_censables"), "es", parent)
        dialog.show()
        parent.deleteLater()
        qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)
        finish_late(qtbot, tasks, gate)
    assert shown == []


def test_facilities_dialog_closed_before_its_load(qtbot, tasks, monkeypatch):
    """Its callbacks are closures (not bound methods) that touch the dialog's widgets."""
    from app.ui.facilities import facilities_dialog
    from app.ui.facilities.facilities_dialog import FacilitiesDialog

    filled = spy(monkeypatch, FacilitiesDialog, "_fill_states")
    with worker_held(tasks) as gate:
        dialog = FacilitiesDialog(tasks, catalog(), "es")
        dialog.show()
        close_and_delete(qtbot, dialog)
        finish_late(qtbot, tasks, gate)
    assert filled == []
    assert facilities_dialog  # the module stays imported for the spy


def test_backups_dialog_closed_before_its_load(qtbot, tasks, monkeypatch):
    from app.ui.files.backups_dialog import BackupsDialog, BackupsModel

    listed = spy(monkeypatch, BackupsModel, "set_backups")
    with worker_held(tasks) as gate:
        dialog = BackupsDialog(tasks, "es")
        dialog.show()
        close_and_delete(qtbot, dialog)
        finish_late(qtbot, tasks, gate)
    assert listed == []


def test_conflicts_dialog_deleted_without_closing(qtbot, tasks, monkeypatch):
    """deleteLater without done(): the dialog's own guard never learns it is gone."""
    from app.ui.sync.conflicts_dialog import ConflictsDialog

    loaded = spy(monkeypatch, ConflictsDialog, "_loaded")
    with worker_held(tasks) as gate:
        dialog = ConflictsDialog(tasks, catalog(), "es")
        dialog.show()
        dialog.deleteLater()
        qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)
        finish_late(qtbot, tasks, gate)
    assert loaded == []


class _Owner(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def done(self, _result: object) -> None:
        self.calls.append("done")


def test_task_manager_drops_callbacks_of_a_deleted_owner(qtbot, tasks):
    """The rule is central: closures with ``owner=`` and bound methods of a QObject are both dropped."""
    calls: list[str] = []
    errors: list[BaseException] = []
    tasks.error.connect(errors.append)
    with worker_held(tasks) as gate:
        owner, bound = _Owner(), _Owner()
        tasks.run_db(lambda _ws, _p: 1, lambda _r: calls.append("db done"), owner=owner)
        tasks.run_db(lambda _ws, _p: 1 / 0, on_error=lambda _e: calls.append("db error"), owner=owner)
        tasks.run_db(lambda _ws, _p: 1, bound.done)
        tasks.run_cpu(lambda _p: gate.wait(20), lambda _r: calls.append("cpu done"), owner=owner)
        kept = _Owner()
        tasks.run_db(lambda _ws, _p: 2, lambda _r: calls.append("kept"), owner=kept)
        shiboken6.delete(owner)
        shiboken6.delete(bound)
        finish_late(qtbot, tasks, gate)
    assert calls == ["kept"]
    assert errors == []  # a dropped job's failure is logged, not shown over another window
    assert not tasks.is_busy()
