"""The issue's GUI test: a month entered through the grid survives closing and reopening.

A real main window on a tmp data directory with four Nayarit facilities:
keyboard entry for two facilities, a comment with accents, a pasted block,
one undo (Ctrl+Z), close (which stores everything), then a NEW window on the
same data directory must show exactly what was kept, and the change log must
hold the undo.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.models.values import ValueKey
from app.services.entry import month_values as entry
from app.services.workspace import open_workspace
from app.ui.app import create_main_window
from tests.ui.conftest import PERIOD, STATE
from tests.ui.typing import press, type_text

HG, CSR, HIC, UMM = "NTSSA000001", "NTSSA000002", "NTSSA000003", "NTSSA000004"
COMMENT = "Según el SIS, revisión pendiente"
SECTIONS = {"unidades": 0, "personal": 1, "servicios": 2}


def open_window(qtbot, data_dir, month=(STATE, PERIOD)):
    window = create_main_window(data_dir, "es")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.session.loaded, timeout=10000):
        window.show()
    if month and (window.session.state_code, window.session.period) != month:
        with qtbot.waitSignal(window.session.loaded, timeout=10000):
            window.select_month(*month)
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def show_section(window, code):
    window.entry.section_tabs.setCurrentIndex(SECTIONS[code])


def enter(qtbot, window, clues, variable, texts, option=""):
    """Select a cell and type ``texts`` into it and the cells to its right (Tab between, Enter last)."""
    window.entry.grid.select_cell(clues, variable, option)
    for i, text in enumerate(texts):
        type_text(qtbot, window.entry.grid, text)
        press(qtbot, window.entry.grid, Qt.Key.Key_Return if i == len(texts) - 1 else Qt.Key.Key_Tab)


def test_entered_month_survives_closing_and_reopening(qtbot, nayarit_dir):
    window = open_window(qtbot, nayarit_dir)
    assert window.windowTitle() == "Coordina — Nayarit — febrero 2023"

    # Keyboard entry for two facilities: Tab moves right, Enter ends the row.
    show_section(window, "servicios")
    enter(qtbot, window, HG, "consultas_especialidad", ["350", "1200", "1550", "12"])
    enter(qtbot, window, CSR, "consultas_medicina_familiar", ["420"])
    show_section(window, "unidades")
    enter(qtbot, window, CSR, "estatus_operacion", ["Operando", "sí"])

    # A comment with accents, typed into the comment dialog of a cell.
    show_section(window, "servicios")
    window.entry.grid.select_cell(HG, "consultas_especialidad")
    dialog = window.entry.grid.edit_comment()
    type_text(qtbot, dialog.editor, COMMENT)
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )

    # A block pasted from Excel (two facilities × three staff columns), with Ctrl+V.
    show_section(window, "personal")
    QApplication.clipboard().setText("4\t10\t25\r\n1\t3\t8\r\n")
    window.entry.grid.select_cell(HG, "plazas_autorizadas", "especialistas")  # rows by name: HG, then HIC
    qtbot.keyClick(window.entry.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.session.value(window.session.key(HIC, "plazas_autorizadas", "enfermeria")).value == 8

    # One more value, then undo it once with Ctrl+Z.
    show_section(window, "servicios")
    enter(qtbot, window, UMM, "consultas_medicina_familiar", ["77"])
    assert window.session.value(window.session.key(UMM, "consultas_medicina_familiar")).value == 77
    qtbot.keyClick(window.entry.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.value(window.session.key(UMM, "consultas_medicina_familiar")).value is None
    assert window.save_label.text() in ("Guardando…", "Guardado ✓")

    window.close()  # stores whatever is still queued

    reopened = open_window(qtbot, nayarit_dir, month=None)  # the last month opened comes back
    assert (reopened.session.state_code, reopened.session.period) == (STATE, PERIOD)

    def kept(clues, variable, option=""):
        found = reopened.session.value(ValueKey(clues, PERIOD, variable, option))
        return None if found is None else found.value

    assert [
        kept(HG, v) for v in ("consultas_especialidad", "consultas_medicina_familiar", "consultas_total", "cirugias")
    ] == [350, 1200, 1550, 12]
    assert kept(CSR, "consultas_medicina_familiar") == 420
    assert kept(CSR, "estatus_operacion") == "operando"
    assert kept(CSR, "presencia_programa") == 1
    assert reopened.session.value(ValueKey(HG, PERIOD, "consultas_especialidad")).comment == COMMENT
    assert [kept(HG, "plazas_autorizadas", o) for o in ("especialistas", "generales", "enfermeria")] == [4, 10, 25]
    assert [kept(HIC, "plazas_autorizadas", o) for o in ("especialistas", "generales", "enfermeria")] == [1, 3, 8]
    assert kept(UMM, "consultas_medicina_familiar") is None  # the undone cell is gone
    stored = {
        (k.org_unit, k.variable, k.disaggregation)
        for k, v in reopened.session.month.values.items()
        if v.value is not None
    }
    assert len(stored) == 4 + 1 + 2 + 6  # exactly what was kept, nothing else
    assert reopened.entry.grid_model.rowCount() == 4
    reopened.close()

    ws = open_workspace(nayarit_dir)
    try:
        log = entry.cell_history(ws, ValueKey(UMM, PERIOD, "consultas_medicina_familiar"))
        assert [(e.field, e.old_value, e.new_value) for e in log] == [("value", None, "77"), ("value", "77", None)]
    finally:
        ws.close()


def test_closed_report_is_read_only_and_reopening_is_logged(qtbot, nayarit_dir, monkeypatch):
    window = open_window(qtbot, nayarit_dir)
    monkeypatch.setattr("app.ui.shell.report_closing.confirm", lambda *args: True)
    with qtbot.waitSignal(window.session.status_changed):
        window.entry.side_panel.close_button.click()
    assert window.entry.side_panel.status_badge.text() == "Cerrado"
    assert window.entry.banner.isVisible() and "solo lectura" in window.entry.banner.text()
    show_section(window, "servicios")
    window.entry.grid.select_cell(HG, "cirugias")
    type_text(qtbot, window.entry.grid, "5")
    assert window.session.value(window.session.key(HG, "cirugias")) is None
    with qtbot.waitSignal(window.session.status_changed):
        window.entry.side_panel.reopen_button.click()
    assert window.entry.side_panel.status_badge.text() == "Borrador" and not window.entry.banner.isVisible()
    window.close()
    ws = open_workspace(nayarit_dir)
    try:
        rows = ws.conn.execute("SELECT new_value FROM change_log WHERE variable = '__report__' ORDER BY id").fetchall()
    finally:
        ws.close()
    assert [r[0] for r in rows] == ["cerrado", "borrador"]


def test_empty_data_directory_shows_welcome(qtbot, data_dir):
    window = create_main_window(data_dir, "es")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.welcome, timeout=10000)
    assert "Nayarit, febrero 2023" in window.welcome.demo_button.text()
    window.close()


@pytest.mark.parametrize("section", ["personal"])
def test_filter_bar_filters_grid(qtbot, nayarit_dir, section):
    window = open_window(qtbot, nayarit_dir)
    show_section(window, section)
    bar = window.entry.filter_bar
    bar.type_box.setCurrentIndex(bar.type_box.findData("HG"))
    assert window.entry.proxy.rowCount() == 1
    assert bar.count_label.text() == "1 de 4 unidades"
    bar.type_box.setCurrentIndex(0)
    bar.search.setText("jala")
    qtbot.waitUntil(lambda: window.entry.proxy.rowCount() == 1, timeout=2000)
    window.close()


def test_demo_data_is_labelled_in_the_title(qtbot, nayarit_dir):
    from app.storage import reports_repo

    ws = open_workspace(nayarit_dir)
    with ws.db.atomic():
        reports_repo.settings_set(ws.conn, "demo", "1")
    ws.close()
    window = open_window(qtbot, nayarit_dir)
    assert window.windowTitle() == "Coordina — Nayarit — febrero 2023 [DEMO]"
    assert window.demo_badge.isVisibleTo(window)
    window.close()


def test_first_run_demo_button_loads_nayarit_february_2023(qtbot, data_dir):
    window = create_main_window(data_dir, "es")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.welcome, timeout=10000)
    with qtbot.waitSignal(window.session.loaded, timeout=60000):
        window.welcome.demo_button.click()
    assert (window.session.state_code, window.session.period) == ("18", "202302")
    assert window.windowTitle().endswith("[DEMO]")
    assert window.entry.grid_model.rowCount() > 100
    window.close()


def test_second_instance_on_the_same_data_directory_is_refused(qtbot, data_dir, monkeypatch):
    from PySide6.QtCore import QLockFile
    from PySide6.QtWidgets import QMessageBox

    from app.ui.app import LOCK_NAME, run_gui

    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: told.append(args[2]))
    first = QLockFile(str(data_dir / LOCK_NAME))
    assert first.tryLock(100)
    try:
        assert run_gui(data_dir, "es") == 1
    finally:
        first.unlock()
    assert told and "Coordina ya está abierto con este directorio de datos" in told[0]


def test_windows_carry_coordinas_icon(qtbot, nayarit_dir):
    """The bundle's icon (resources/icons) is on the window and in the task bar, at the sizes
    a title bar and a task bar draw."""
    from PySide6.QtWidgets import QApplication

    window = open_window(qtbot, nayarit_dir)
    icon = QApplication.windowIcon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(16, 16), (32, 32), (256, 256)} <= sizes
    assert not window.windowIcon().pixmap(32, 32).toImage().isNull()
