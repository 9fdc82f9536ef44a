"""Sincronizar ▸ Responder a los estados, with a real state and HQ: HQ writes acknowledgements
and updates through the dialog's buttons, the state imports them; a bad catalog folder writes
nothing; Cancelar stops between states; a state's data directory only gets the explanation."""
# Fixtures are imported from sync_fixtures, so pytest's by-name injection looks like shadowing:
# ruff: noqa: F811

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app import RESOURCES_DIR
from app.services.summary import identity as identities
from app.services.sync import sync_enrol, sync_import, sync_profile, sync_respond, sync_status
from app.services.workspace import catalog as load_catalog
from app.services.workspace import open_workspace
from app.ui.common.tasks import TaskManager
from app.ui.sync.respond_dialog import RespondDialog
from app.ui.sync.respond_models import StatesToAnswerModel
from tests.sync.conftest import PASSPHRASE
from tests.ui.sync_fixtures import full_package, hq_tasks, pair  # noqa: F401

pytestmark = pytest.mark.gui


def open_dialog(qtbot, tasks: TaskManager) -> RespondDialog:
    dialog = RespondDialog(tasks, load_catalog(), "es")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        dialog.show()
    return dialog


def click(qtbot, button) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wait_idle(qtbot, dialog: RespondDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=60000)
    dialog._tasks.wait_idle()


def register_colima(pair, tmp_path: Path) -> None:
    """A second coordination (Colima) with its own data directory, enrolled at HQ."""
    ws = open_workspace(tmp_path / "colima", user="lucia")
    try:
        sync_profile.init_profile(ws, "state", "06", name="Lucía Ávila", position="Coordinadora estatal")
        sync_profile.import_hq_profile(ws, pair.outbox / "hq.json", confirmed=True)
        identities.create_identity_file(
            ws, "Lucía Ávila", "Coordinadora estatal", "06", tmp_path / "lucia.p12", PASSPHRASE
        )
        sync_enrol.export_enrolment(ws, pair.outbox / "enrol-lucia.json")
        sync_enrol.import_enrolment(pair.hq, pair.outbox / "enrol-lucia.json", confirmed=True)
    finally:
        ws.close()


def written_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.coordina")) if folder.exists() else []


def test_acks_and_updates_written_here_are_accepted_by_the_state(qtbot, hq_tasks, pair, tmp_path, qtmodeltester):
    sent = full_package(pair)
    assert sync_import.import_packages(pair.hq, [sent])[0].ok
    assert sync_status.status(pair.state)["pending"] == 1

    dialog = open_dialog(qtbot, hq_tasks)
    assert dialog.model.rowCount() == 1
    qtmodeltester.check(dialog.model)
    cell = lambda column: dialog.model.index(0, column).data()  # noqa: E731
    assert cell(StatesToAnswerModel.STATE) == "Nayarit"
    assert cell(StatesToAnswerModel.COORDINATORS) == "Ana Núñez"
    assert cell(StatesToAnswerModel.RECEIVED) == "1"
    assert "/" in cell(StatesToAnswerModel.LAST)  # 29/11/2026 22:30
    assert cell(StatesToAnswerModel.CONFLICTS) == "0"
    assert not dialog.ack_button.isEnabled()  # nothing selected yet
    # HQ's active catalog is named by its version, never by the internal install path (issue 12)
    assert dialog.catalog_folder.text() == "" and str(RESOURCES_DIR) not in dialog.catalog_folder.placeholderText()
    assert "versión" in dialog.catalog_folder.placeholderText()
    # the progress bar is not an empty box before anything is written
    assert dialog.progress_bar.isHidden()

    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # Seleccionar todos
    assert dialog.selected_codes() == ["18"]
    assert "1 de 1" in dialog.selection_label.text()

    acks = tmp_path / "acuses"
    dialog.set_folder(acks)
    with qtbot.waitSignal(dialog.written, timeout=60000) as signal:
        click(qtbot, dialog.ack_button)
    wait_idle(qtbot, dialog)
    result = signal.args[0]
    [ack] = written_files(acks)
    assert result.paths == [ack] and ack.name.startswith("ACK_")
    assert dialog.files_list.count() == 1 and ack.name in dialog.files_list.item(0).text()
    assert "Acuses escritos: 1 de 1." in dialog.status.text()
    assert dialog.open_folder_button.isEnabled()

    [imported] = sync_import.import_packages(pair.state, [ack])
    assert imported.ok, imported.summary
    assert sync_status.status(pair.state)["pending"] == 0  # the outbox package is delivered

    updates = tmp_path / "actualizaciones"
    dialog.set_folder(updates)
    dialog.include_catalog.setChecked(True)
    with qtbot.waitSignal(dialog.written, timeout=60000):
        click(qtbot, dialog.update_button)
    wait_idle(qtbot, dialog)
    [update] = written_files(updates)
    assert update.name.startswith("UPD_")
    assert "Actualizaciones escritas: 1 de 1." in dialog.status.text()

    [imported] = sync_import.import_packages(pair.state, [update])
    assert imported.ok, imported.summary
    codes = [c["errorCode"] for c in imported.summary.get("conflicts", [])]
    assert "W_CATALOG_NOT_NEWER" in codes  # same version: nothing installed, a notice


def test_a_bad_catalog_folder_writes_nothing_for_any_state(qtbot, hq_tasks, pair, tmp_path):
    register_colima(pair, tmp_path)
    other = tmp_path / "catalogo-nuevo"
    shutil.copytree(RESOURCES_DIR / "catalog", other)
    meta = json.loads((other / "catalog.json").read_text(encoding="utf-8"))
    meta["catalog_version"] = "2099.1.0"  # not installed at HQ
    (other / "catalog.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")

    dialog = open_dialog(qtbot, hq_tasks)
    assert dialog.model.rowCount() == 2
    dialog.select_states(["18", "06"])
    assert dialog.selected_codes() == ["06", "18"]  # table order: Colima, Nayarit
    out = tmp_path / "salida"
    dialog.set_folder(out)
    dialog.include_catalog.setChecked(True)
    dialog.set_catalog_folder(other)
    with qtbot.waitSignal(dialog.failed, timeout=60000):
        click(qtbot, dialog.update_button)
    wait_idle(qtbot, dialog)
    assert written_files(out) == []
    assert dialog.error_box is not None and "E_CATALOG_NOT_ADOPTED" in dialog.error_box.text()
    assert "No se escribió ningún archivo." in dialog.status.text()
    assert dialog.update_button.isEnabled() and dialog.close_button.isEnabled()


def test_cancel_stops_between_states(qtbot, hq_tasks, pair, tmp_path):
    register_colima(pair, tmp_path)
    dialog = open_dialog(qtbot, hq_tasks)
    dialog.select_states(["18", "06"])
    out = tmp_path / "salida"
    dialog.set_folder(out)

    gate = threading.Event()
    hq_tasks.run_db(lambda _ws, _p: gate.wait(30))  # the database thread is busy with other work
    click(qtbot, dialog.ack_button)
    assert dialog.busy() and not dialog.close_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc does not drop a running job
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.written, timeout=60000) as signal:
        click(qtbot, dialog.cancel_button)
        assert not dialog.cancel_button.isEnabled()
        gate.set()
    wait_idle(qtbot, dialog)
    assert signal.args[0].stopped and signal.args[0].paths == []
    assert written_files(out) == []
    assert "Cancelado" in dialog.status.text()

    # Between states: the service asks before each one (here it says stop after the first).
    done = sync_respond.write_packages(
        pair.hq, sync_respond.ACK, ["06", "18"], out, should_stop=lambda: len(written_files(out)) >= 1
    )
    assert done.stopped and done.states == ["06"] and len(written_files(out)) == 1


def test_enter_writes_nothing_and_esc_closes_when_idle(qtbot, hq_tasks, pair, tmp_path):
    dialog = open_dialog(qtbot, hq_tasks)
    dialog.select_states(["18"])
    dialog.set_folder(tmp_path / "salida")
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    assert not dialog.busy() and written_files(tmp_path / "salida") == []
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_state_profile_sees_the_explanation(qtbot, pair):
    tasks = TaskManager(pair.state.data_dir, "es")
    try:
        dialog = open_dialog(qtbot, tasks)
        assert dialog.role_line.isVisibleTo(dialog)
        assert "para oficinas centrales" in dialog.role_line.text()
        assert dialog.model.rowCount() == 0
        assert not dialog.ack_button.isEnabled() and not dialog.update_button.isEnabled()
        assert not dialog.folder.isEnabled()
        dialog.close()
    finally:
        tasks.shutdown()


def test_the_sincronizar_menu_opens_the_dialog(qtbot, pair):
    from PySide6.QtGui import QAction

    from app.ui.app import create_main_window

    window = create_main_window(pair.hq.data_dir, "es")
    qtbot.addWidget(window)
    window.show()
    action = next(a for a in window.menuBar().findChildren(QAction) if a.text() == "Responder a los estados…")
    action.trigger()  # at HQ the keys' passphrase is checked first, on the database thread (issue 11)
    qtbot.waitUntil(lambda: window.findChild(RespondDialog) is not None, timeout=20000)
    dialog = window.findChild(RespondDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=20000)
    dialog.close()
    window.close()
