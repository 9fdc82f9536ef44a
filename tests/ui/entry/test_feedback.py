"""Issue 12, "feedback a coordinator cannot miss": the real main window, driven by keyboard and mouse.

The current cell's problem is written under the grid; F8 lists the month's problems and a row
goes to its cell; the save indicator never says "Guardado" while refused text is on screen; the
close confirmation names the warnings and the incomplete sections; no "100 %" while incomplete.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.models.percent import share_percent
from app.models.summary_layout import percent_text
from app.ui.entry.close_check import close_confirmation_text
from app.ui.entry.problem_panel import ERROR_KIND, REJECTED, WARNING_KIND
from tests.ui.shell.test_main_window import CSR, HG, HIC, enter, open_window, show_section
from tests.ui.typing import press, type_text

pytestmark = pytest.mark.gui


def typed_and_refused(qtbot, window, clues=HG, variable="cirugias", text="doce"):
    """Type ``text`` into a cell and press Enter; the grid refuses it (not a number)."""
    show_section(window, "servicios")
    window.entry.grid.select_cell(clues, variable)
    type_text(qtbot, window.entry.grid, text)
    press(qtbot, window.entry.grid, Qt.Key.Key_Return)


def test_rejected_and_cross_field_problems_are_written_under_the_grid(qtbot, nayarit_dir):
    window = open_window(qtbot, nayarit_dir)
    panel = window.entry.problems
    typed_and_refused(qtbot, window)
    # The refused text is explained next to the grid, for as long as the cell is current.
    assert panel.cell_label.isVisible()
    assert "«doce»" in panel.current_text and "no es un número" in panel.current_text
    assert panel.current_text.startswith("Hospital General de Tepic · ")
    assert window.entry.grid.accessibleDescription() == panel.current_text  # what a screen reader says
    assert panel.cell_label.focusPolicy() & Qt.FocusPolicy.TabFocus  # Tab reaches the text

    # A cross-field error, reached with the arrow keys only (no hover, no tooltip).
    show_section(window, "personal")
    enter(qtbot, window, HG, "plazas_autorizadas", ["0"], "especialistas")
    enter(qtbot, window, HG, "plazas_ocupadas", ["5"], "especialistas")
    target = window.entry.grid.select_cell(HG, "plazas_ocupadas", "especialistas")
    window.entry.grid.select_cell(HIC, "plazas_ocupadas", "especialistas")  # the row below (by name)...
    assert "(5)" not in panel.current_text
    press(qtbot, window.entry.grid, Qt.Key.Key_Up)  # ...then one row up with the keyboard
    assert window.entry.grid.currentIndex() == target
    assert "Error:" in panel.current_text and "(5)" in panel.current_text, panel.current_text

    # A cell without problems says so instead of keeping the last message.
    enter(qtbot, window, CSR, "plazas_autorizadas", ["3"], "generales")
    window.entry.grid.select_cell(CSR, "plazas_autorizadas", "generales")
    assert panel.current_text.endswith("sin problemas")


def test_f8_lists_the_months_problems_and_each_goes_to_its_cell(qtbot, qtmodeltester, nayarit_dir):
    window = open_window(qtbot, nayarit_dir)
    panel = window.entry.problems
    typed_and_refused(qtbot, window)
    show_section(window, "personal")
    enter(qtbot, window, HG, "plazas_autorizadas", ["0"], "especialistas")
    enter(qtbot, window, HG, "plazas_ocupadas", ["5"], "especialistas")
    qtbot.waitUntil(
        lambda: panel.list_button.text().startswith("Problemas del mes: 1 sin guardar, 2 con error"), timeout=2000
    )  # the counts follow edits after a 60 ms pause

    # Another section and a filter that hides the hospital: the jump must undo both.
    show_section(window, "unidades")
    window.entry.filter_bar.search.setText("Jala")
    window.entry.filter_bar._emit()
    assert window.entry.proxy.rowCount() == 1

    # Keyboard: F8 opens the list with the keyboard in it; Enter goes to the first problem.
    window.entry.grid.setFocus()
    qtbot.keyClick(window.entry.grid, Qt.Key.Key_F8)
    assert panel.view.isVisible() and panel.view.hasFocus()
    qtmodeltester.check(panel.model)
    kinds = [panel.model.problem_at(r).kind for r in range(panel.model.rowCount())]
    assert kinds[0] == REJECTED and ERROR_KIND in kinds and WARNING_KIND in kinds
    assert kinds == sorted(kinds, key=[REJECTED, ERROR_KIND, WARNING_KIND].index)  # worst first
    assert panel.model.index(0, panel.model.MESSAGE).data() == "«doce» no es un número"
    press(qtbot, panel.view, Qt.Key.Key_Return)
    assert window.entry.grid_model.section == "servicios"
    assert window.entry.grid.current_key() == window.session.key(HG, "cirugias")
    assert window.entry.grid.hasFocus()
    assert window.entry.filter_bar.search.text() == "" and window.entry.proxy.rowCount() == 4

    # Mouse: a click on the error's row goes to that cell, in its own section.
    error_row = kinds.index(ERROR_KIND)
    problem = panel.model.problem_at(error_row)
    rect = panel.view.visualRect(panel.model.index(error_row, panel.model.MESSAGE))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.entry.grid_model.section == problem.section == "personal"
    assert window.entry.grid.current_key() == window.session.key(problem.org_unit, *problem.cell)
    assert "Error:" in panel.current_text

    # Esc in the list goes back to the grid.
    qtbot.keyClick(window.entry.grid, Qt.Key.Key_F8)
    assert panel.view.hasFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Escape)
    assert window.entry.grid.hasFocus()


def test_save_indicator_never_says_saved_while_a_cell_is_not_saved(qtbot, nayarit_dir):
    window = open_window(qtbot, nayarit_dir)
    label = window.save_label
    assert label.text() == "Guardado ✓"

    typed_and_refused(qtbot, window)
    window.tasks.wait_idle()  # every write has finished: still not saved
    assert "Guardado" not in label.text()
    assert label.text() == "No guardado: 1 celda con texto rechazado (F8)"
    show_section(window, "personal")  # another section hides the cell, not the fact
    assert label.text().startswith("No guardado")

    # While a write is on its way the indicator says so, then tells the truth.
    show_section(window, "servicios")
    window.entry.grid.select_cell(HG, "cirugias")
    type_text(qtbot, window.entry.grid, "12")
    press(qtbot, window.entry.grid, Qt.Key.Key_Return)
    assert window.session.has_pending_writes() and label.text() == "Guardando…"
    qtbot.waitUntil(lambda: not window.session.has_pending_writes(), timeout=10000)
    assert label.text() == "Guardado ✓"


def test_close_confirmation_lists_warnings_and_incomplete_sections(qtbot, nayarit_dir):
    window = open_window(qtbot, nayarit_dir)
    show_section(window, "servicios")
    enter(qtbot, window, HG, "cirugias", ["7"])
    typed_and_refused(qtbot, window, HIC, "cirugias", "siete")
    window.tasks.wait_idle()
    index = window.session.index
    assert index.warning_cells > 0

    seen: list[str] = []

    def answer() -> None:  # read the real question box, then say no
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == "Cancelar").click()

    QTimer.singleShot(0, answer)
    window.close_report()
    assert window.session.month.status == "borrador"  # cancelled: nothing closed
    text = seen[0]
    assert text.startswith("¿Cerrar el informe de Nayarit, febrero 2023?")
    assert f"{index.warning_cells:,} celdas con aviso." in text
    assert "1 celdas con texto rechazado que NO se guardó" in text
    assert "Secciones sin completar:" in text
    for section in window.catalog.sections:
        filled, expected = index.section_totals[section.code]
        line = f"    {section.label('es')}: {share_percent(filled, expected)} % ({filled:,} de {expected:,})"
        assert (line in text) == (filled < expected), line
    assert "«Problemas del mes» (F8)" in text


def test_close_confirmation_of_a_clean_month_says_so(qtbot, session, catalog):
    index = session.index
    for code in index.section_totals:
        index.section_totals[code] = [10, 10]
    index.error_cells = index.warning_cells = 0
    text = close_confirmation_text("Nayarit, febrero 2023", index, catalog)
    assert "• Sin errores." in text and "• Sin avisos." in text and "Todas las secciones al 100 %." in text
    assert "Problemas del mes" not in text


@pytest.mark.parametrize(
    "part, whole, shown",
    [
        (1539, 1545, 99),
        (9089, 9107, 99),
        (1545, 1545, 100),
        (0, 1545, 0),
        (0, 0, 0),
        (1, 200, 1),
        (413, 620, 67),
        (199, 200, 99),
        (1, 3, 33),
        (2, 3, 67),
    ],
)
def test_never_100_percent_unless_complete(part, whole, shown):
    assert share_percent(part, whole) == shown
    if whole:
        assert percent_text(part, whole) == shown  # the PDF prints what the app shows


def test_side_panel_shows_99_for_1539_of_1545(qtbot, nayarit_dir):
    window = open_window(qtbot, nayarit_dir)
    index = window.session.index
    index.section_totals["servicios"] = [1539, 1545]
    index.section_totals["personal"] = [1545, 1545]
    window.entry.side_panel.update_from(index)
    labels = window.entry.side_panel._section_labels
    assert labels["servicios"].text().endswith("99\xa0%\xa0(1,539\xa0de\xa01,545)")
    assert labels["personal"].text().endswith("100\xa0%\xa0(1,545\xa0de\xa01,545)")
    assert window.entry.side_panel._section_bars["servicios"].value() == 99
