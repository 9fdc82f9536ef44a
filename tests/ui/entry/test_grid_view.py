"""GridView: keyboard entry, clearing, copy and paste with Excel's tab-separated text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.ui.entry.grid_clipboard import parse_tsv, to_tsv
from app.ui.entry.grid_filter import GridFilterProxy
from app.ui.entry.grid_model import MonthGridModel
from app.ui.entry.grid_view import GridView
from tests.ui.typing import press, type_text

HG, CSR, HIC, UMM = "NTSSA000001", "NTSSA000002", "NTSSA000003", "NTSSA000004"


@pytest.fixture
def view(qtbot, session):
    grid = MonthGridModel(session, "servicios")
    proxy = GridFilterProxy()
    proxy.setSourceModel(grid)
    widget = GridView()
    widget.set_models(grid, proxy)
    widget._keep = (grid, proxy)
    qtbot.addWidget(widget)
    widget.resize(1000, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.setFocus()
    return widget


def value(session, clues, variable):
    found = session.value(session.key(clues, variable))
    return found.value if found else None


def test_parse_and_write_tsv():
    assert parse_tsv("1\t2\r\n3\t4\r\n") == [["1", "2"], ["3", "4"]]
    assert parse_tsv('"a\tb"\t"line\nbreak"\n') == [["a\tb", "line\nbreak"]]
    assert parse_tsv("\n") == [[""]]
    assert parse_tsv("") == []
    assert parse_tsv(to_tsv([["1", 'x"y'], ["", "3"]])) == [["1", 'x"y'], ["", "3"]]


def test_type_enter_moves_down_tab_moves_right(qtbot, view, session):
    view.select_cell(CSR, "consultas_medicina_familiar")
    type_text(qtbot, view, "120")
    press(qtbot, view, Qt.Key.Key_Return)
    assert value(session, CSR, "consultas_medicina_familiar") == 120
    below = view.currentIndex()
    assert below.row() == 1 and below.column() == view.grid().value_column("consultas_medicina_familiar")
    type_text(qtbot, view, "45")
    press(qtbot, view, Qt.Key.Key_Tab)
    assert view.currentIndex().column() == below.column() + 1
    assert session.undo_stack.count() == 2


def test_typing_replaces_existing_value(qtbot, view, session):
    view.select_cell(HG, "cirugias")
    type_text(qtbot, view, "7")
    press(qtbot, view, Qt.Key.Key_Return)
    view.select_cell(HG, "cirugias")
    type_text(qtbot, view, "9")
    press(qtbot, view, Qt.Key.Key_Return)
    assert value(session, HG, "cirugias") == 9


def test_rejected_entry_keeps_the_cursor(qtbot, view, session):
    index = view.select_cell(HG, "cirugias")
    with qtbot.waitSignal(view.status_message) as message:
        type_text(qtbot, view, "abc")
        press(qtbot, view, Qt.Key.Key_Return)
    assert "no es un número" in message.args[0]
    assert view.currentIndex() == index
    assert value(session, HG, "cirugias") is None


def test_delete_clears_selection_as_one_step(qtbot, view, session):
    grid = view.grid()
    col = grid.value_column("consultas_medicina_familiar")
    rows = [grid.row_of(c) for c in (HG, CSR)]
    grid.set_texts([(rows[0], col, "5"), (rows[1], col, "6")], "x")
    view.select_cell(HG, "consultas_medicina_familiar")
    view.selectAll()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert value(session, HG, "consultas_medicina_familiar") is None
    assert value(session, CSR, "consultas_medicina_familiar") is None
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert value(session, CSR, "consultas_medicina_familiar") == 6


def test_copy_is_excel_text_without_thousands_separators(qtbot, view, session):
    grid = view.grid()
    col = grid.value_column("consultas_especialidad")
    grid.set_texts([(grid.row_of(HG), col, "12,345"), (grid.row_of(HG), col + 1, "3")], "x")
    first = view.select_cell(HG, "consultas_especialidad")
    assert grid.data(grid.index(grid.row_of(HG), col)) == "12,345"
    view.selectionModel().select(first, view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(
        view.model().index(first.row(), first.column() + 1), view.selectionModel().SelectionFlag.Select
    )
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "12345\t3\n"


def test_paste_block_is_one_step(qtbot, view, session):
    view.select_cell(CSR, "consultas_especialidad")  # first row (sorted by name), first value column+1
    QApplication.clipboard().setText("10\t20\t30\r\n1\t2\t3\r\n")
    view.select_cell(HG, "consultas_especialidad")
    view.paste()
    assert value(session, HG, "consultas_especialidad") == 10
    assert value(session, HG, "consultas_medicina_familiar") == 20
    assert value(session, HG, "consultas_total") == 30
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert value(session, HG, "consultas_total") is None


def test_bad_paste_writes_nothing_and_names_cells(qtbot, view, session):
    QApplication.clipboard().setText("10\tdiez\n-1\t2\n")
    view.select_cell(CSR, "consultas_medicina_familiar")
    view.paste()
    box = view.findChild(QMessageBox, "refusal")
    assert box is not None and box.isVisible()
    details = box.informativeText()
    assert "«diez» no es un número" in details and "negativos" in details
    assert session.undo_stack.count() == 0
    assert value(session, CSR, "consultas_medicina_familiar") is None
    box.close()
