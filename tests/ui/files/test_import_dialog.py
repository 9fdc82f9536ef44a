"""The package import dialog on real packages and databases: preview, import, Cancel, drops."""
# Fixtures are imported from sync_fixtures, so pytest's by-name injection looks like shadowing:
# ruff: noqa: F811

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from app.models.values import ValueChange
from app.services.entry.month_values import record_changes
from app.services.sync import sync_export
from app.services.workspace import catalog as load_catalog
from app.storage import values_repo
from app.ui.common import theme
from app.ui.files.import_dialog import ImportDialog
from app.ui.sync.sync_models import PackagesModel
from tests.ui.sync_fixtures import a_value, count_values, full_package, hq_tasks, pair, truncated_copy  # noqa: F401

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, hq_tasks):
    widget = ImportDialog(hq_tasks, load_catalog(), "es")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def rows(dialog: ImportDialog) -> dict:
    return {row.path.name: row for row in dialog.model.package_rows()}


def run(qtbot, dialog: ImportDialog, button) -> None:
    with qtbot.waitSignal(dialog.finished_job, timeout=60000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_preview_shows_each_file_in_colour_and_writes_nothing(qtbot, dialog, pair, db_dump):
    valid = full_package(pair)
    bad = truncated_copy(pair, valid)
    assert dialog.add_paths([valid, bad]) == 2
    before = db_dump(pair.hq.conn)
    with qtbot.waitSignal(dialog.finished_job, timeout=60000):
        qtbot.keyClick(dialog.view, Qt.Key.Key_Return)  # Enter = Vista previa
    found = rows(dialog)
    assert found[valid.name].status == "SUCCESS" and found[bad.name].status == "ERROR"
    assert found[valid.name].summary["dryRun"] is True
    assert found[valid.name].summary["importCount"]["imported"] == count_values(pair.state)
    model = dialog.model
    status = {model.index(i, PackagesModel.FILE).data(): model.index(i, PackagesModel.STATUS) for i in range(2)}
    assert status[valid.name].data() == "Correcto" and status[bad.name].data() == "Error"
    imported = model.index(status[valid.name].row(), PackagesModel.IMPORTED).data()
    assert imported == f"{count_values(pair.state):,}"  # thousands with commas, as in es-MX
    assert dialog.preview_button.isDefault()  # Enter anywhere in the dialog previews too
    assert status[valid.name].data(Qt.ItemDataRole.ForegroundRole) == theme.on_tint("ok")
    assert status[bad.name].data(Qt.ItemDataRole.ForegroundRole) == theme.on_tint("error")
    assert "no se guardó nada" in dialog.status.text()
    assert db_dump(pair.hq.conn) == before, "a preview writes nothing"
    assert not (pair.hq.data_dir / "archivo").exists()
    # Selecting the refused file lists its error with its code.
    dialog.view.selectRow(status[bad.name].row())
    codes = [dialog.issues_model.index(i, 0).data() for i in range(dialog.issues_model.rowCount())]
    assert codes == ["E_TRUNCATED"]
    assert dialog.issues_model.index(0, 1).data() == "truncado.coordina"
    assert "truncado.coordina" in dialog.issues_title.text()


def test_import_applies_the_valid_package_and_refuses_the_hostile_one(qtbot, dialog, pair):
    valid = full_package(pair)
    bad = truncated_copy(pair, valid)
    dialog.add_paths([bad, valid])
    with qtbot.waitSignal(dialog.data_changed, timeout=60000):
        run(qtbot, dialog, dialog.import_button)
    found = rows(dialog)
    assert found[valid.name].status == "SUCCESS" and found[valid.name].summary["dryRun"] is False
    assert found[bad.name].status == "ERROR"
    assert count_values(pair.hq) == count_values(pair.state)
    assert pair.hq.conn.execute("SELECT count(*) FROM inbox").fetchone()[0] == 1
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum() == 2
    assert "Importación terminada" in dialog.status.text()
    assert dialog.import_button.isEnabled() and dialog.close_button.isEnabled()


def test_an_error_only_import_does_not_announce_changes(qtbot, dialog, pair):
    bad = truncated_copy(pair, full_package(pair))
    dialog.add_paths([bad])
    with qtbot.assertNotEmitted(dialog.data_changed):
        run(qtbot, dialog, dialog.import_button)
    assert rows(dialog)[bad.name].status == "ERROR"


def two_packages(pair) -> tuple[Path, Path, object]:
    first = full_package(pair)
    key = a_value(pair.state)
    record_changes(pair.state, [ValueChange(key, 4321)])
    second = sync_export.export_package(pair.state, pair.outbox, pair.identity).path
    return first, second, key


def test_cancel_after_the_first_package_keeps_it_whole_and_skips_the_rest(qtbot, dialog, hq_tasks, pair):
    first, second, key = two_packages(pair)
    dialog.add_paths([second, first])  # the order chosen does not matter: sequence order wins
    # Press Cancel exactly when the first package is reported done. Done on the database thread
    # (wrapping the job's Progress, the test harness), so the run stops at a known point.
    gate = threading.Event()
    hq_tasks.run_db(lambda _ws, _p: gate.wait(10))
    dialog.import_button.click()
    assert dialog.is_running() and not dialog.close_button.isEnabled() and dialog.cancel_button.isEnabled()
    handle = dialog._handle
    update = handle.update

    def press_cancel_after_first(done: int, total: int, text: str = "") -> None:
        if done == 1:
            handle.cancel_requested = True
        update(done, total, text)

    handle.update = press_cancel_after_first
    with qtbot.waitSignal(dialog.finished_job, timeout=60000):
        gate.set()
    assert pair.hq.conn.execute("SELECT count(*) FROM inbox").fetchone()[0] == 1, "only the first"
    assert count_values(pair.hq) == count_values(pair.state)  # the first package, whole
    assert values_repo.get_values(pair.hq.conn, [key])[key].value != 4321, "the second never started"
    found = rows(dialog)
    assert found[first.name].status == "SUCCESS"
    assert found[second.name].summary is None and "cancelado" in found[second.name].note
    assert "Cancelado después de 1 de 2" in dialog.status.text()
    assert dialog.import_button.isEnabled() and not dialog.cancel_button.isEnabled()


def test_cancel_button_before_the_first_package_imports_nothing(qtbot, dialog, hq_tasks, pair, db_dump):
    first, second, _key = two_packages(pair)
    dialog.add_paths([first, second])
    before = db_dump(pair.hq.conn)
    gate = threading.Event()
    hq_tasks.run_db(lambda _ws, _p: gate.wait(10))
    dialog.import_button.click()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc (or the title bar) cannot orphan the run
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert "Cancelando" in dialog.status.text() and not dialog.cancel_button.isEnabled()
    with qtbot.waitSignal(dialog.finished_job, timeout=60000):
        gate.set()
    assert db_dump(pair.hq.conn) == before
    assert all(row.summary is None for row in dialog.model.package_rows())
    assert "Cancelado después de 0 de 2" in dialog.status.text()


def test_a_cancelled_preview_leaves_the_list_as_it_was(qtbot, dialog, hq_tasks, pair):
    valid = full_package(pair)
    dialog.add_paths([valid])
    gate = threading.Event()
    hq_tasks.run_db(lambda _ws, _p: gate.wait(10))
    dialog.preview()
    dialog.cancel()
    with qtbot.waitSignal(dialog.finished_job, timeout=60000):
        gate.set()
    [row] = dialog.model.package_rows()
    assert row.summary is None and row.note == "Sin revisar"
    assert "Vista previa cancelada" in dialog.status.text() and dialog.preview_button.isEnabled()


def test_dropped_files_are_added_once_and_others_skipped(qtbot, dialog, pair, tmp_path):
    valid = full_package(pair)
    bad = truncated_copy(pair, valid)
    note = tmp_path / "nota.txt"
    note.write_text("no es un paquete", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in (valid, bad, note)])
    enter = QDragEnterEvent(
        dialog.rect().center(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QCoreApplication.sendEvent(dialog, enter)
    assert enter.isAccepted()
    for _ in range(2):  # the second drop adds nothing: each file is listed once
        drop = QDropEvent(
            QPointF(dialog.rect().center()),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QCoreApplication.sendEvent(dialog, drop)
    assert sorted(rows(dialog)) == sorted([valid.name, bad.name])
    assert "1 archivo" in dialog.status.text()  # nota.txt was skipped, and the person is told
    assert dialog.preview_button.isEnabled()


def test_delete_key_removes_the_selected_file(qtbot, dialog, pair):
    valid = full_package(pair)
    bad = truncated_copy(pair, valid)
    dialog.add_paths([valid, bad])
    dialog.view.setFocus()
    dialog.view.selectRow(1)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)
    assert list(rows(dialog)) == [valid.name]
    qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)
    assert dialog.model.rowCount() == 0
    assert not dialog.preview_button.isEnabled() and not dialog.import_button.isEnabled()


def test_models_pass_the_model_tester(qtbot, qtmodeltester, dialog, pair):
    valid = full_package(pair)
    dialog.add_paths([valid, truncated_copy(pair, valid)])
    qtmodeltester.check(dialog.model)
    run(qtbot, dialog, dialog.preview_button)
    qtmodeltester.check(dialog.model)
    dialog.view.selectRow(1)
    assert dialog.issues_model.rowCount() > 0
    qtmodeltester.check(dialog.issues_model)
