"""The backups dialog on a real data directory: create, restore (with a safety copy), refuse."""
# Fixtures are imported from dialog_fixtures, so pytest's by-name injection looks like shadowing:
# ruff: noqa: F811

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator

from app.models.values import ValueChange, ValueKey
from app.services.entry import month_values as entry
from app.services.files import backup
from app.ui.files.backups_dialog import BackupsDialog
from tests.ui.dialog_fixtures import HOSPITAL, PERIOD, seeded_dir, tasks, workspace  # noqa: F401

pytestmark = pytest.mark.gui

KEY = ValueKey(HOSPITAL, PERIOD, "camas_censables")


def stored_beds(data_dir):
    with workspace(data_dir) as ws:
        return entry.load_month(ws, "18", PERIOD, with_history=False).value(HOSPITAL, "camas_censables")


@pytest.fixture
def dialog(qtbot, tasks):
    widget = BackupsDialog(tasks, "es")
    qtbot.addWidget(widget)
    tasks.wait_idle()
    return widget


def test_model_passes_the_model_tester(qtbot, qtmodeltester, dialog, seeded_dir):
    with workspace(seeded_dir) as ws:
        backup.backup_now(ws, "diario")
        backup.backup_now(ws, "antes_de_importar")
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    qtmodeltester.check(dialog.model)
    reasons = {dialog.model.index(r, 1).data() for r in range(2)}
    assert reasons == {"Diario", "Antes de importar"}


def test_create_backup_now_lists_it(qtbot, dialog):
    assert dialog.model.rowCount() == 0
    assert "Todavía no hay respaldos" in dialog.status.text()
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert "Respaldo creado" in dialog.status.text()
    assert dialog.model.index(0, 1).data() == "Manual"
    assert dialog.model.index(0, 2).data().endswith("KB")
    assert dialog.selected_backup() is not None  # the new backup is selected


def test_restore_brings_back_the_old_data_after_a_confirmation(qtbot, dialog, seeded_dir):
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    with workspace(seeded_dir) as ws:
        entry.record_changes(ws, [ValueChange(KEY, "99")])
    assert stored_beds(seeded_dir) == 99

    dialog.view.selectRow(0)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.confirm_box is not None)  # checked and counted in the background
    box = dialog.confirm_box
    assert box is not None and "respaldo de seguridad" in box.informativeText()
    # Issue 11 hole 5: it says what it replaces, the backup's counts beside the current ones.
    assert "Unidades: " in box.informativeText() and "en el respaldo" in box.informativeText()
    with qtbot.waitSignal(dialog.restored, timeout=10000):
        dialog.confirm_restore_button.click()
    assert stored_beds(seeded_dir) == 30
    assert "Se restauró el respaldo" in dialog.status.text()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    reasons = [dialog.model.index(r, 1).data() for r in range(2)]
    assert "Antes de restaurar" in reasons  # the safety copy is listed, itself restorable


def test_cancelling_the_confirmation_restores_nothing(qtbot, dialog, seeded_dir):
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    with workspace(seeded_dir) as ws:
        entry.record_changes(ws, [ValueChange(KEY, "99")])
    dialog.view.selectRow(0)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.confirm_box is not None)
    box = dialog.confirm_box
    box.reject()
    assert dialog.confirm_box is None
    assert stored_beds(seeded_dir) == 99


def test_a_damaged_backup_is_refused_and_nothing_changes(qtbot, dialog, seeded_dir, db_dump_dir):
    bogus = seeded_dir / "backups" / "coordina-20230101-080000-manual.db"
    bogus.parent.mkdir(exist_ok=True)
    bogus.write_bytes(b"esto no es una base de datos" * 100)
    before = db_dump_dir(seeded_dir)
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    dialog.view.selectRow(0)
    failed = []
    dialog.restored.connect(lambda: failed.append("restored"))
    dialog.restore(dialog.selected_backup())
    qtbot.waitUntil(lambda: "No se pudo restaurar" in dialog.status.text())
    assert "no es una base de datos de Coordina" in dialog.status.text()
    assert not failed
    assert db_dump_dir(seeded_dir) == before


def test_a_foreign_database_is_refused_before_asking(qtbot, dialog, seeded_dir, db_dump_dir):
    """Issue 11 hole 5: a SQLite file that is not our schema never reaches the confirmation."""
    import sqlite3

    rogue = seeded_dir / "backups" / "coordina-20230101-080000-manual.db"
    rogue.parent.mkdir(exist_ok=True)
    conn = sqlite3.connect(rogue)
    conn.execute("CREATE TABLE cualquiera (x)")
    conn.commit()
    conn.close()
    before = db_dump_dir(seeded_dir)
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    dialog.view.selectRow(0)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: "No se puede restaurar" in dialog.status.text())
    assert dialog.confirm_box is None
    assert db_dump_dir(seeded_dir) == before


@pytest.fixture
def db_dump_dir():
    def dump(data_dir):
        with workspace(data_dir) as ws:
            return {
                t: ws.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                for t in ("data_values", "change_log", "facilities")
            }

    return dump


def test_english_comes_from_the_ts_file(qtbot, qapp, tasks, tmp_path):
    ts = Path(__file__).resolve().parents[3] / "resources" / "i18n" / "coordina_en.ts"
    qm = tmp_path / "coordina_en.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        widget = BackupsDialog(tasks, "en")
        qtbot.addWidget(widget)
        tasks.wait_idle()
        assert widget.windowTitle() == "Backups"
        assert widget.create_button.text() == "Back up now"
        assert widget.model.headerData(1, Qt.Orientation.Horizontal) == "Reason"
    finally:
        qapp.removeTranslator(translator)
