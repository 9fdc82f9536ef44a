"""Issue 9, defect 2: a keystroke typed while the month loads never lands in the wrong cell.

On a slow machine, ``3 Enter 4 Enter`` typed right after the window appeared stored 34 in
the first cell and Qt said ``commitData called with an editor that does not belong to
this view``: the month finished loading (the grid model was reset) under an open editor.

Here the real main window runs on a real data directory; the month's read
(:func:`app.services.entry.month_values.load_month`, the function the database worker runs) is held
back by a gate until the test has typed, then runs for real. After the load, the
database must hold exactly what was typed, in the cells it was typed in; keys typed
while the month loads are refused visibly (nothing stored); no Qt warning about a
foreign editor; and the cursor is where the person expects it.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app.services.entry import month_values as entry
from app.services.workspace import open_workspace
from app.ui.app import create_main_window
from app.ui.entry.grid_model import MonthGridModel
from tests.ui.conftest import PERIOD, STATE

pytestmark = pytest.mark.gui

HG = "NTSSA000001"  # Hospital General de Tepic
CSR = "NTSSA000002"  # Centro de Salud Rural Jala
HIC = "NTSSA000003"  # Hospital Integral Jesús María, the row below Tepic (rows go by name)
KEYS = {"\n": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab}


class SlowLoad:
    """Holds the month's read on the database worker until :meth:`release` (the real read then runs)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self._gate = threading.Event()
        self._gate.set()
        self.started = threading.Event()
        real = entry.load_month

        def slow(*args, **kwargs):
            self.started.set()
            assert self._gate.wait(30), "the test never released the load"
            return real(*args, **kwargs)

        monkeypatch.setattr(entry, "load_month", slow)

    def hold(self) -> None:
        self.started.clear()
        self._gate.clear()

    def release(self) -> None:
        self._gate.set()


@pytest.fixture
def slow_load(monkeypatch) -> SlowLoad:
    return SlowLoad(monkeypatch)


def type_keys(qtbot, window, text: str) -> None:
    """Type like a person: each key goes to whatever has the focus, events run in between."""
    for char in text:
        target = QApplication.focusWidget() or window
        qtbot.keyClick(target, KEYS.get(char, char))
        QApplication.processEvents()


def stored(data_dir, period: str = PERIOD) -> dict[tuple[str, str, str], object]:
    """What the database holds for Nayarit in ``period`` (its own connection)."""
    ws = open_workspace(data_dir, user="check")
    try:
        month = _real_load_month(ws, STATE, period)
    finally:
        ws.close()
    return {(k.org_unit, k.variable, k.disaggregation): v.value for k, v in month.values.items()}


_real_load_month = entry.load_month  # captured at import, before any test slows it


def foreign_editor_warnings(qtlog) -> list[str]:
    return [r.message for r in qtlog.records if "does not belong to this view" in r.message]


def cell(window, row: int, column: int) -> tuple[str, tuple[str, str]]:
    """(CLUES, (variable, option)) shown at a proxy row and column."""
    proxy = window.entry.proxy
    source = proxy.mapToSource(proxy.index(row, column))
    found = window.entry.grid_model.column(column)
    assert found is not None
    return window.entry.grid_model.facility(source.row()).clues, found.key


def current(window) -> tuple[int, int]:
    index = window.entry.grid.currentIndex()
    return index.row(), index.column()


def current_cell(window) -> tuple[str, tuple[str, str]]:
    return cell(window, *current(window))


def start_window(qtbot, data_dir):
    window = create_main_window(data_dir, "es")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def loaded_window(qtbot, data_dir):
    """The window on Nayarit, February 2023, loaded (at normal speed)."""
    window = start_window(qtbot, data_dir)
    qtbot.waitUntil(
        lambda: window._session is not None and window.session.month is not None and not window.session.is_loading(),
        timeout=15000,
    )
    window.select_month(STATE, PERIOD)
    wait_loaded(qtbot, window)
    return window


def wait_loaded(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.session.is_loading(), timeout=15000)
    QApplication.processEvents()


def open_editor(qtbot, window, clues: str, variable: str, text: str) -> QLineEdit:
    """Select a cell and type ``text`` into it, leaving its editor open (no Enter yet)."""
    window.entry.grid.select_cell(clues, variable)
    window.entry.grid.setFocus()
    type_keys(qtbot, window, text)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == text
    return editor


def test_typing_right_after_start(qtbot, qtlog, nayarit_dir, slow_load):
    """3 Enter 4 Enter while the month loads stores nothing; after the load it lands in rows 1 and 2."""
    slow_load.hold()
    window = start_window(qtbot, nayarit_dir)
    qtbot.waitUntil(slow_load.started.is_set, timeout=15000)
    assert window.session.is_loading()

    type_keys(qtbot, window, "3\n4\n")
    assert "cargando" in window.statusBar().currentMessage().lower()  # refused visibly
    window.entry.section_tabs.setCurrentIndex(1)  # personal: numbers in the first column
    slow_load.release()
    wait_loaded(qtbot, window)

    assert current(window) == (0, MonthGridModel.FIRST_VALUE_COLUMN)  # ready to type in the first cell
    assert window.entry.grid.hasFocus()
    first, second = cell(window, 0, 1), cell(window, 1, 1)
    assert first[1] == second[1] == ("plazas_autorizadas", "especialistas")
    type_keys(qtbot, window, "3\n4\n")
    assert window.session.flush()
    assert stored(nayarit_dir, window.session.period) == {(first[0], *first[1]): 3, (second[0], *second[1]): 4}
    assert current(window) == (2, MonthGridModel.FIRST_VALUE_COLUMN)
    assert foreign_editor_warnings(qtlog) == []


def test_reload_with_an_open_editor(qtbot, qtlog, nayarit_dir, slow_load):
    """A reload (as after an import) while a cell is being typed: the cell keeps what was typed."""
    window = loaded_window(qtbot, nayarit_dir)
    window.entry.section_tabs.setCurrentIndex(2)  # servicios
    open_editor(qtbot, window, HG, "consultas_especialidad", "3")
    expected = current_cell(window)

    slow_load.hold()
    window.reload_all()
    qtbot.waitUntil(slow_load.started.is_set, timeout=15000)
    type_keys(qtbot, window, "\n4\n")  # the load is running: refused, nothing stored
    slow_load.release()
    wait_loaded(qtbot, window)

    assert window.session.flush()
    assert stored(nayarit_dir) == {(HG, "consultas_especialidad", ""): 3}
    assert current_cell(window) == expected
    assert window.session.value(window.session.key(HG, "consultas_especialidad")).value == 3
    assert foreign_editor_warnings(qtlog) == []


def test_enter_then_reload_before_the_commit_runs(qtbot, qtlog, nayarit_dir, slow_load):
    """Enter commits through a queued call; a load starting before it runs must not lose or misplace it."""
    window = loaded_window(qtbot, nayarit_dir)
    window.entry.section_tabs.setCurrentIndex(2)
    editor = open_editor(qtbot, window, HG, "consultas_especialidad", "3")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # commit queued, not yet run
    slow_load.hold()
    window.select_month(STATE, PERIOD)  # the load starts before the queued commit runs
    QApplication.processEvents()
    type_keys(qtbot, window, "4\n")
    slow_load.release()
    wait_loaded(qtbot, window)

    assert window.session.flush()
    assert stored(nayarit_dir) == {(HG, "consultas_especialidad", ""): 3}
    assert foreign_editor_warnings(qtlog) == []
    assert current_cell(window) == (HIC, ("consultas_especialidad", ""))  # Enter moved one row down
    type_keys(qtbot, window, "5\n")  # the grid takes keys again, in the cell under the cursor
    assert window.session.flush()
    assert stored(nayarit_dir) == {(HG, "consultas_especialidad", ""): 3, (HIC, "consultas_especialidad", ""): 5}


def test_month_switch_with_an_open_editor(qtbot, qtlog, nayarit_dir, slow_load):
    """The typed value belongs to the month it was typed in; the new month starts on the same cell."""
    window = loaded_window(qtbot, nayarit_dir)
    window.entry.section_tabs.setCurrentIndex(2)
    open_editor(qtbot, window, CSR, "consultas_medicina_familiar", "7")
    expected = current_cell(window)

    slow_load.hold()
    window.month_picker.month_box.setCurrentIndex(0)  # enero 2023, as chosen in the toolbar
    qtbot.waitUntil(slow_load.started.is_set, timeout=15000)
    type_keys(qtbot, window, "\n8\n")
    slow_load.release()
    wait_loaded(qtbot, window)
    assert window.session.period == "202301"

    assert window.session.flush()
    assert stored(nayarit_dir, PERIOD) == {(CSR, "consultas_medicina_familiar", ""): 7}
    assert stored(nayarit_dir, "202301") == {}
    assert current_cell(window) == expected
    type_keys(qtbot, window, "9\n")
    assert window.session.flush()
    assert stored(nayarit_dir, "202301") == {(CSR, "consultas_medicina_familiar", ""): 9}
    assert foreign_editor_warnings(qtlog) == []


def test_section_switch_with_an_open_editor(qtbot, qtlog, nayarit_dir):
    """Changing the section tab while typing stores the typed cell before the columns change."""
    window = loaded_window(qtbot, nayarit_dir)
    window.entry.section_tabs.setCurrentIndex(2)
    open_editor(qtbot, window, HG, "consultas_especialidad", "12")
    window.entry.section_tabs.setCurrentIndex(1)  # personal
    QApplication.processEvents()
    assert window.session.flush()
    assert stored(nayarit_dir) == {(HG, "consultas_especialidad", ""): 12}
    assert foreign_editor_warnings(qtlog) == []


def test_clicking_another_row_while_typing_keeps_the_clicked_cell(qtbot, qtlog, nayarit_dir):
    """Qt closes the editor with "submit" when the current row changes: that is not Enter, no extra move."""
    window = loaded_window(qtbot, nayarit_dir)
    window.entry.section_tabs.setCurrentIndex(2)
    open_editor(qtbot, window, HG, "consultas_especialidad", "21")
    target = window.entry.grid.select_cell(CSR, "consultas_medicina_familiar")  # as a click on that cell does
    QApplication.processEvents()
    assert current_cell(window) == (CSR, ("consultas_medicina_familiar", ""))
    assert target.row() == current(window)[0]
    assert window.session.flush()
    assert stored(nayarit_dir) == {(HG, "consultas_especialidad", ""): 21}
    assert foreign_editor_warnings(qtlog) == []


def test_form_and_side_panel_wait_for_the_new_month(qtbot, nayarit_dir, slow_load):
    """While another month loads, the facility form takes no edit and says why, and the side
    panel's figures (the month going away) are greyed; both come back with the new month."""
    from app.ui.facilities.facility_form import FacilityFormDialog

    window = loaded_window(qtbot, nayarit_dir)
    form = FacilityFormDialog(window.session, HG, window)
    qtbot.addWidget(form)
    form.show()
    field = next(row for row in form.rows if row.editor.isEnabled() and isinstance(row.editor, QLineEdit))
    assert not field.editor.isReadOnly() and window.entry.side_panel.isEnabled()

    slow_load.hold()
    window.select_month(STATE, "202301")
    qtbot.waitUntil(slow_load.started.is_set, timeout=15000)
    assert all(row.comment.isReadOnly() for row in form.rows)
    assert field.editor.isReadOnly()
    assert form.lock_banner.isVisible() and "Cargando el mes" in form.lock_banner.text()
    assert not window.entry.side_panel.isEnabled()

    slow_load.release()
    wait_loaded(qtbot, window)
    field = next(row for row in form.rows if row.editor.isEnabled() and isinstance(row.editor, QLineEdit))
    assert not field.editor.isReadOnly() and not form.lock_banner.isVisible()
    assert window.entry.side_panel.isEnabled()
    assert form.rows[0].key.period == "202301"


def test_a_row_repainted_while_typing_keeps_what_is_typed(qtbot, nayarit_dir):
    """The month's errors and warnings arrive in the background and repaint their rows; Qt 6
    would put the stored (empty) value back into an open editor in those rows. What is being
    typed stays, and Enter stores it in its own cell."""
    window = loaded_window(qtbot, nayarit_dir)
    editor = open_editor(qtbot, window, HG, "camas_censables", "4")
    session = window.session
    session.issues_changed.emit([session.key(HG, "camas_censables")])
    session.values_changed.emit([session.key(HG, "consultorios")])
    assert editor.text() == "4"
    type_keys(qtbot, window, "2\n")
    assert session.flush()
    ws = open_workspace(nayarit_dir)
    try:
        month = entry.load_month(ws, STATE, PERIOD, with_history=False)
    finally:
        ws.close()
    assert month.value(HG, "camas_censables") == 42
