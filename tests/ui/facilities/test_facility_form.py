"""The facility form: every section of one facility, edits through the session, undo, marks."""
# Fixtures are imported from dialog_fixtures, so pytest's by-name injection looks like shadowing:
# ruff: noqa: F811

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from app.models.values import ValueKey
from app.services.entry import month_values as entry
from app.services.summary import reports
from app.ui.facilities.facility_form import FacilityFormDialog
from tests.ui.dialog_fixtures import CLINIC, HOSPITAL, PERIOD, form_session, seeded_dir, tasks, workspace  # noqa: F401

pytestmark = pytest.mark.gui


def stored(data_dir, org_unit, variable, option=""):
    with workspace(data_dir) as ws:
        month = entry.load_month(ws, "18", PERIOD, with_history=False)
        return month.values.get(ValueKey(org_unit, PERIOD, variable, option))


@pytest.fixture
def form(qtbot, form_session):
    dialog = FacilityFormDialog(form_session, HOSPITAL)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def row(form, variable, option=""):
    return next(r for r in form.rows if r.key.variable == variable and r.key.disaggregation == option)


def type_value(row_, text):
    row_.editor.setFocus()
    row_.editor.setText(text)  # setText: keyClicks cannot send accented letters
    row_.editor.editingFinished.emit()


def test_header_and_every_applicable_section(form, form_session):
    assert form.name_label.text() == "Hospital Integral Comunitario de Santa María del Oro"
    details = form.details_label.text()
    for part in (
        "CLUES NTSSA000001",
        "Hospital Integral / Comunitario",
        "Segundo nivel",
        "Santa María del Oro",
        "Operando desde 01/05/2019",
    ):
        assert part in details
    assert "febrero 2023" in form.month_label.text()
    sections = [form.sections.item(i).text().split("\n")[0] for i in range(form.sections.count())]
    assert sections == [
        "Unidades y estatus",
        "Personal",
        "Servicios médicos",
        "Abasto",
        "Acción comunitaria",
        "Infraestructura y equipamiento",
    ]
    category = form_session.catalog.facility_types["HIC"].category
    expected = [c for c in form_session.catalog.columns() if c.variable.applies(category)]
    assert [r.column for r in form.rows] == expected
    assert row(form, "camas_censables").editor.text() == "30"
    assert row(form, "consultas_especialidad").editor.text() == "1,250"  # es-MX thousands
    assert isinstance(row(form, "presencia_programa").editor, QComboBox)
    assert isinstance(row(form, "estatus_operacion").editor, QComboBox)


def test_edit_is_stored_and_undoable(qtbot, form, form_session, seeded_dir):
    beds = row(form, "camas_censables")
    type_value(beds, "32")
    assert form_session.value(beds.key).value == 32
    assert form_session.flush()
    assert stored(seeded_dir, HOSPITAL, "camas_censables").value == 32
    assert form.undo_button.isEnabled()

    form.undo_button.click()
    assert beds.editor.text() == "30"
    assert form_session.flush()
    assert stored(seeded_dir, HOSPITAL, "camas_censables").value == 30
    form.redo_button.click()
    assert beds.editor.text() == "32"


def test_enter_stores_and_moves_to_the_next_field(qtbot, form, form_session):
    beds = row(form, "camas_censables")
    beds.editor.setFocus()
    beds.editor.selectAll()
    qtbot.keyClicks(beds.editor, "45")
    qtbot.keyClick(beds.editor, Qt.Key.Key_Return)
    assert form_session.value(beds.key).value == 45
    following = form.rows[form.rows.index(beds) + 1]
    assert following.editor.hasFocus()


@pytest.mark.parametrize(
    "text, reason",
    [
        ("muchas", "«muchas» no es un número"),
        ("-3", "no se admiten valores negativos"),
        ("2.5", "no es un número entero"),
        ("9999", "supera el máximo 5,000"),
    ],
)
def test_bad_value_is_refused_with_its_reason_and_nothing_stored(form, form_session, seeded_dir, text, reason):
    beds = row(form, "camas_censables")
    type_value(beds, text)
    assert reason in beds.reason.text() and "No se guardó" in beds.reason.text()
    assert beds.reason.isVisible() and beds.mark.text() == "✖"
    assert beds.editor.text() == text  # kept, so the person can fix it
    assert form_session.undo_stack.count() == 0
    assert form_session.value(beds.key).value == 30
    assert form_session.flush()
    assert stored(seeded_dir, HOSPITAL, "camas_censables").value == 30
    type_value(beds, "31")  # fixing it clears the mark
    assert not beds.reason.isVisible() and beds.mark.text() == ""


def test_cross_variable_error_marks_both_fields_with_the_reason(form):
    occupied = row(form, "plazas_ocupadas", "enfermeria")
    type_value(occupied, "50")
    authorised = row(form, "plazas_autorizadas", "enfermeria")
    for cell in (occupied, authorised):
        assert cell.mark.text() == "✖"
        assert "Plazas ocupadas (50) mayores que autorizadas (40)" in cell.reason.text()
    type_value(authorised, "60")
    assert occupied.mark.text() == "" and not occupied.reason.isVisible()


def test_comment_flags_and_yes_no_are_stored(qtbot, form, form_session, seeded_dir):
    beds = row(form, "camas_censables")
    beds.comment.setFocus()
    beds.comment.setText("Se habilitó el área de pediatría en enero")
    beds.comment.editingFinished.emit()
    beds.provisional.click()
    presence = row(form, "presencia_programa")
    presence.editor.setCurrentIndex(presence.editor.findText("Sí"))
    presence.editor.activated.emit(presence.editor.currentIndex())
    assert form_session.flush()
    kept = stored(seeded_dir, HOSPITAL, "camas_censables")
    assert (kept.value, kept.comment, kept.provisional) == (30, "Se habilitó el área de pediatría en enero", True)
    assert stored(seeded_dir, HOSPITAL, "presencia_programa").value == 1
    assert form_session.undo_stack.count() == 3  # one undo step per action


def test_section_completeness_follows_edits(form):
    services = next(
        i for i in range(form.sections.count()) if form.sections.item(i).text().startswith("Servicios médicos")
    )
    assert form.completeness("servicios") == (1, 6)
    assert "1 de 6" in form.sections.item(services).text()
    type_value(row(form, "cirugias"), "12")
    assert form.completeness("servicios") == (2, 6)
    assert "2 de 6" in form.sections.item(services).text()
    assert form._section_status["servicios"].text() == "2 de 6"


def test_fields_that_do_not_apply_are_hidden(qtbot, form_session):
    dialog = FacilityFormDialog(form_session, CLINIC)
    qtbot.addWidget(dialog)
    variables = {r.key.variable for r in dialog.rows}
    assert "camas_censables" not in variables and "cirugias" not in variables
    assert "consultas_medicina_familiar" in variables
    assert "no aplican a Centro de Salud Rural" in dialog.hidden_note.text()
    assert row(dialog, "consultas_medicina_familiar").editor.text() == "410"


def test_state_code_shows_the_state_level_variables(qtbot, form_session, seeded_dir):
    dialog = FacilityFormDialog(form_session, "18")
    qtbot.addWidget(dialog)
    assert dialog.name_label.text() == "Datos estatales · Nayarit"
    assert [r.key.variable for r in dialog.rows] == ["basificacion_meta", "basificacion_realizada"]
    type_value(dialog.rows[0], "1200")
    assert form_session.flush()
    assert stored(seeded_dir, "18", "basificacion_meta").value == 1200


def test_page_keys_move_between_facilities_and_commit_what_was_typed(qtbot, form, form_session):
    order = form.org_units()
    assert order[0] == "18" and order[1:] == [f.clues for f in form_session.month.facilities]
    start = order.index(HOSPITAL)
    beds = row(form, "camas_censables")
    beds.editor.setFocus()
    beds.editor.setText("33")  # typed, not yet confirmed with Enter
    qtbot.keyClick(beds.editor, Qt.Key.Key_PageDown)
    assert form.org_unit == order[start + 1]
    assert form_session.value(ValueKey(HOSPITAL, PERIOD, "camas_censables")).value == 33
    qtbot.keyClick(form, Qt.Key.Key_PageUp)
    assert form.org_unit == HOSPITAL
    assert row(form, "camas_censables").editor.text() == "33"


def test_closed_report_makes_the_form_read_only(qtbot, form, form_session):
    with qtbot.waitSignal(form_session.status_changed, timeout=10000):
        form_session.close_report()
    assert form.lock_banner.isVisible() and "solo lectura" in form.lock_banner.text()
    beds = row(form, "camas_censables")
    assert isinstance(beds.editor, QLineEdit) and beds.editor.isReadOnly()
    assert not beds.provisional.isEnabled()
    assert not row(form, "presencia_programa").editor.isEnabled()
    # Even a value pushed in programmatically is refused with the reason.
    type_value(beds, "40")
    assert "está cerrado" in beds.reason.text()
    assert form_session.value(beds.key).value == 30


def test_a_write_refused_by_the_database_is_rolled_back_and_explained(qtbot, form, form_session, seeded_dir):
    with workspace(seeded_dir) as ws:  # closed behind the session's back (another window, the CLI)
        reports.close_report(ws, "18", PERIOD)
    beds = row(form, "camas_censables")
    with qtbot.waitSignal(form_session.write_failed, timeout=10000):
        type_value(beds, "41")
    assert "No se guardó el último cambio" in form.status.text()
    assert "está cerrado" in form.status.text()
    qtbot.waitUntil(lambda: beds.editor.text() == "30")
    assert stored(seeded_dir, HOSPITAL, "camas_censables").value == 30
