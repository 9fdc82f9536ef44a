"""Issue 10 in the GUI: the export dialog's cut-off date and the section-notes editor.

Real widgets, a real TaskManager and data directory; what was saved is read back from the
database and the exported PDF's text.
"""
# Fixtures are imported from dialog_fixtures, so pytest's by-name injection looks like shadowing:
# ruff: noqa: F811

from __future__ import annotations

import datetime as dt
import re

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt

from app.services.facilities import registry_marks
from app.services.summary import reports
from app.services.workspace import catalog as load_catalog
from app.ui.common.cutoff_field import CutoffField
from app.ui.entry.section_notes_dialog import SectionNotesDialog
from app.ui.summary.export_dialog import ExportDialog
from tests.ui.dialog_fixtures import PERIOD, seeded_dir, tasks, workspace  # noqa: F401

pytestmark = pytest.mark.gui


def pdf_text(path) -> str:
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(str(path)).pages))


@pytest.fixture
def export_dialog(qtbot, tasks):
    widget = ExportDialog(tasks, load_catalog(), "es", "18", PERIOD)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: not widget.preview.image().isNull(), timeout=20000)
    return widget


@pytest.fixture
def notes_dialog(qtbot, tasks):
    widget = SectionNotesDialog(tasks, load_catalog(), "es", "18", PERIOD)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=20000):
        widget.show()
    return widget


def test_cutoff_field_offers_only_days_of_the_month_up_to_today(qtbot):
    field = CutoffField(None, "18", "202302")
    qtbot.addWidget(field)
    field.show()
    assert field.value() is None and not field.date.isEnabled()
    assert field.date.minimumDate() == QDate(2023, 2, 1) and field.date.maximumDate() == QDate(2023, 2, 28)
    qtbot.mouseClick(field.check, Qt.MouseButton.LeftButton)
    assert field.date.isEnabled()
    field.date.setDate(QDate(2023, 3, 5))  # outside the month: clamped by the widget
    assert field.value() == "2023-02-28"
    current = CutoffField(None, "18", "202302", today=dt.date(2023, 2, 20))
    qtbot.addWidget(current)
    assert current.date.maximumDate() == QDate(2023, 2, 20)  # never in the future


def test_export_with_a_cutoff_prints_it(qtbot, export_dialog, tmp_path):
    dialog = export_dialog
    dialog.signing.set_mode("none")
    dialog.cutoff.check.setChecked(True)
    dialog.cutoff.date.setDate(QDate(2023, 2, 23))
    assert dialog.options().cutoff == "2023-02-23"
    out = tmp_path / "corte.pdf"
    dialog.set_output_path(out)
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.export_button.click()
    assert "del 1º de enero al 23 de febrero de 2023" in pdf_text(out)


def test_the_closed_reports_cutoff_is_shown_locked(qtbot, tasks, seeded_dir):
    with workspace(seeded_dir) as ws:
        reports.close_report(ws, "18", PERIOD, cutoff="2023-02-23")
    dialog = ExportDialog(tasks, load_catalog(), "es", "18", PERIOD)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.cutoff.check.isEnabled(), timeout=20000)
    assert dialog.cutoff.value() == "2023-02-23"


def test_notes_editor_saves_notes_and_provisional_marks(qtbot, notes_dialog, seeded_dir):
    dialog = notes_dialog
    qtbot.keyClicks(dialog.notes["servicios"], "(Programado para agosto)")
    dialog.notes["infraestructura"].insert("Se está integrando el programa de dignificación")  # accents
    check, note = dialog.marks["hospitals_count"]
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert note.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=20000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Guardado" in dialog.status.text()
    with workspace(seeded_dir) as ws:
        assert reports.section_notes(ws, "18", PERIOD) == {
            "servicios": "(Programado para agosto)",
            "infraestructura": "Se está integrando el programa de dignificación",
        }
        assert registry_marks.provisional_counts(ws, "18") == {"hospitals_count": ""}  # the default note


def test_notes_editor_refusal_names_the_reason_and_writes_nothing(qtbot, notes_dialog, seeded_dir):
    dialog = notes_dialog
    dialog.notes["personal"].setText("texto\u202eoculto")  # a bidi override: not plain text
    dialog.notes["servicios"].setText("válida")
    with qtbot.waitSignal(dialog.loaded, timeout=20000):  # _failed re-emits loaded
        dialog.save_button.click()
    assert "No se guardó" in dialog.status.text() and "una sola línea" in dialog.status.text()
    with workspace(seeded_dir) as ws:
        assert reports.section_notes(ws, "18", PERIOD) == {}  # not even the valid one


def test_notes_of_a_closed_report_are_read_only(qtbot, tasks, seeded_dir):
    with workspace(seeded_dir) as ws:
        reports.set_section_note(ws, "18", PERIOD, "servicios", "(Programado para agosto)")
        reports.close_report(ws, "18", PERIOD)
    dialog = SectionNotesDialog(tasks, load_catalog(), "es", "18", PERIOD)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        dialog.show()
    assert dialog.notes["servicios"].text() == "(Programado para agosto)"
    assert dialog.notes["servicios"].isReadOnly() and "cerrado" in dialog.status.text()
