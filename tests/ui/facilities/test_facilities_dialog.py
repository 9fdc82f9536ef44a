"""The facility registry dialog, the facility editor and the import preview on real data."""
# Fixtures are imported from dialog_fixtures, so pytest's by-name injection looks like shadowing:
# ruff: noqa: F811

from __future__ import annotations

import csv
import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.services.facilities import registry as facilities
from app.services.files import backup
from app.services.workspace import catalog
from app.ui.facilities.facilities_dialog import FacilitiesDialog
from app.ui.facilities.import_preview_dialog import FacilityImportDialog
from tests.ui.dialog_fixtures import HOSPITAL, seeded_dir, tasks, workspace  # noqa: F401

pytestmark = pytest.mark.gui


def registry(data_dir):
    with workspace(data_dir) as ws:
        return {f.clues: f for f in facilities.list_facilities(ws)}


@pytest.fixture
def dialog(qtbot, tasks):
    widget = FacilitiesDialog(tasks, catalog(), "es")
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        pass
    return widget


def column(dialog, name):
    return dialog.model.fields.index(name)


def test_table_lists_sorts_and_searches_without_accents(qtbot, qtmodeltester, dialog):
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(dialog.proxy)
    assert dialog.model.rowCount() == 5
    assert dialog.count_label.text() == "5 unidades"
    hospital = next(r for r in range(5) if dialog.model.index(r, 0).data() == HOSPITAL)
    shown = [dialog.model.index(hospital, c).data() for c in range(dialog.model.columnCount())]
    assert shown == [
        HOSPITAL,
        "Hospital Integral Comunitario de Santa María del Oro",
        "Hospital Integral / Comunitario",
        "Segundo nivel",
        "Santa María del Oro",
        "Jurisdicción Sanitaria II",
        "IMSS-BIENESTAR (OPD)",
        "Operando",
        "01/05/2019",
        "",
    ]

    dialog.search.setText("santa maria")  # no accent, lower case
    assert dialog.proxy.rowCount() == 1
    assert dialog.count_label.text() == "1 de 5 unidades"
    dialog.search.setText("jurisdicción iii")
    assert [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())] == ["NTSSA000004"]
    dialog.search.clear()
    dialog.state_filter.setCurrentIndex(dialog.state_filter.findText("Colima"))
    assert [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())] == ["CMSSA000001"]

    dialog.state_filter.setCurrentIndex(0)
    dialog.view.sortByColumn(column(dialog, "level"), Qt.SortOrder.AscendingOrder)
    levels = [dialog.proxy.index(r, column(dialog, "level")).data() for r in range(5)]
    assert levels == ["Primer nivel"] * 2 + ["Segundo nivel"] * 3


def test_new_facility_checks_the_clues_live_and_saves(qtbot, dialog, seeded_dir):
    editor = dialog.new_facility()
    qtbot.keyClicks(editor.clues, "ntssa12")
    assert editor.clues.text() == "NTSSA12"  # upper-cased as typed
    assert "CLUES inválida" in editor.clues_check.text()
    assert not editor.save_button.isEnabled()
    qtbot.keyClicks(editor.clues, "3456")
    assert "CLUES válida" in editor.clues_check.text() and editor.save_button.isEnabled()
    assert editor.state.currentData() == "18"  # the prefix NT names Nayarit
    editor.state.setCurrentIndex(editor.state.findData("06"))
    assert "no pertenece a Colima" in editor.clues_check.text()
    assert not editor.save_button.isEnabled()
    editor.state.setCurrentIndex(editor.state.findData("18"))

    editor.name.setText("Centro de Salud Ixtlán del Río")
    editor.municipality.setText("Ixtlán del Río")
    editor.type.setCurrentIndex(editor.type.findData("HG"))
    assert editor.level.currentData() == 2  # the level follows the type
    editor.type.setCurrentIndex(editor.type.findData("CSU"))
    assert editor.level.currentData() == 1
    with qtbot.waitSignal(dialog.facilities_changed, timeout=10000):
        editor.save_button.click()
    stored = registry(seeded_dir)["NTSSA123456"]
    assert (stored.name, stored.type_code, stored.level, stored.status) == (
        "Centro de Salud Ixtlán del Río",
        "CSU",
        1,
        "operando",
    )
    assert stored.status_since == dt.date.today().isoformat()
    qtbot.waitUntil(lambda: dialog.selected_facility() is not None)
    assert dialog.selected_facility().clues == "NTSSA123456"


def test_a_level_chosen_by_hand_is_kept_when_the_type_changes(qtbot, dialog):
    editor = dialog.new_facility()
    editor.level.setCurrentIndex(editor.level.findData(3))
    editor.level.activated.emit(editor.level.currentIndex())
    editor.type.setCurrentIndex(editor.type.findData("HG"))
    assert editor.level.currentData() == 3


def test_errors_are_shown_and_nothing_is_saved(qtbot, dialog, seeded_dir):
    before = registry(seeded_dir)
    editor = dialog.new_facility()
    qtbot.keyClicks(editor.clues, "NTSSA000002")  # already registered
    editor.name.setText("Otra unidad")
    editor.save_button.click()
    qtbot.waitUntil(editor.error.isVisible)
    assert "Ya existe una unidad con la CLUES NTSSA000002" in editor.error.text()
    assert editor.isVisible()

    editor.clues.clear()
    qtbot.keyClicks(editor.clues, "NTSSA000077")
    editor.name.setText("   ")
    editor.save_button.click()
    qtbot.waitUntil(lambda: "falta el campo nombre" in editor.error.text())
    assert editor.isVisible()
    assert registry(seeded_dir) == before


def test_editing_a_status_records_its_history(qtbot, dialog, seeded_dir):
    dialog.select_clues(HOSPITAL)
    editor = dialog.edit_selected()
    qtbot.waitUntil(lambda: editor.history.count() == 1)
    assert editor.history.item(0).text() == "Operando · desde 01/05/2019 (actual)"
    assert editor.clues.isReadOnly()
    editor.status.setCurrentIndex(editor.status.findData("en_obra"))
    assert editor.since.date().toPython() == dt.date.today()
    with qtbot.waitSignal(dialog.facilities_changed, timeout=10000):
        editor.save_button.click()
    assert registry(seeded_dir)[HOSPITAL].status == "en_obra"

    qtbot.waitUntil(lambda: dialog.selected_facility() is not None)
    editor = dialog.edit_selected()
    qtbot.waitUntil(lambda: editor.history.count() == 2)
    assert editor.history.item(1).text().startswith("En obra / rehabilitación · desde")


def write_catalogue(path, rows):
    header = ["CLUES", "NOMBRE DE LA UNIDAD", "ENTIDAD", "MUNICIPIO", "NOMBRE DE TIPOLOGÍA", "NIVEL DE ATENCIÓN"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


def test_import_preview_lists_rejected_rows_and_imports_the_accepted(
    qtbot, qtmodeltester, dialog, seeded_dir, tmp_path
):
    path = write_catalogue(
        tmp_path / "clues.csv",
        [
            ["NTSSA000101", "Centro de Salud San Blas", "Nayarit", "San Blas", "CENTRO DE SALUD RURAL", "PRIMER NIVEL"],
            [
                "NTSSA00010",
                "Centro de Salud Jesús María",
                "Nayarit",
                "Del Nayar",
                "CENTRO DE SALUD RURAL",
                "PRIMER NIVEL",
            ],
            [
                HOSPITAL,
                "Hospital Integral Comunitario de Santa María del Oro",
                "Nayarit",
                "Santa María del Oro",
                "HOSPITAL GENERAL",
                "SEGUNDO NIVEL",
            ],
            ["NTSSA000104", "Consultorio de telemedicina", "Nayarit", "Tepic", "TELEMEDICINA", "PRIMER NIVEL"],
        ],
    )
    preview = dialog.import_file(path)
    qtbot.waitUntil(lambda: preview.preview is not None, timeout=10000)
    qtmodeltester.check(preview.accepted_model)
    qtmodeltester.check(preview.rejected_model)
    assert preview.accepted_box.title() == "Aceptadas (2)"
    assert preview.rejected_box.title() == "Rechazadas (2): no se importarán"
    changes = {preview.accepted_model.index(r, 1).data(): preview.accepted_model.index(r, 0).data() for r in range(2)}
    assert changes == {"NTSSA000101": "Nueva", HOSPITAL: "Actualizada"}
    rejected = {preview.rejected_model.index(r, 0).data(): preview.rejected_model.index(r, 1).data() for r in range(2)}
    assert set(rejected) == {"3", "5"}  # spreadsheet rows: the header is row 1
    assert "CLUES inválida «NTSSA00010»" in rejected["3"]
    assert "tipología no reconocida «TELEMEDICINA»" in rejected["5"]
    assert "1 nuevas, 1 actualizadas" in preview.summary.text()
    assert preview.import_button.text() == "Importar 2 unidades"

    with qtbot.waitSignal(dialog.facilities_changed, timeout=10000):
        preview.import_button.click()
    assert preview.result.text() == "Importación terminada: 1 nuevas, 1 actualizadas."
    stored = registry(seeded_dir)
    assert stored["NTSSA000101"].name == "Centro de Salud San Blas"
    assert stored[HOSPITAL].type_code == "HG"
    assert "NTSSA000104" not in stored
    with workspace(seeded_dir) as ws:
        assert [b.reason for b in backup.list_backups(ws)] == ["antes_de_importar"]
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 6)


def test_cancelling_the_preview_imports_nothing(qtbot, dialog, seeded_dir, tmp_path):
    path = write_catalogue(
        tmp_path / "clues.csv",
        [["NTSSA000101", "Centro de Salud San Blas", "Nayarit", "San Blas", "CENTRO DE SALUD RURAL", "1"]],
    )
    preview = dialog.import_file(path)
    qtbot.waitUntil(lambda: preview.preview is not None, timeout=10000)
    preview.cancel_button.click()
    assert "NTSSA000101" not in registry(seeded_dir)


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("clues.txt", "CLUES\nNTSSA000101\n", "extensión no admitida"),
        ("clues.csv", "NOMBRE,MUNICIPIO\nCentro,Tepic\n", "faltan las columnas CLUES"),
    ],
)
def test_a_file_that_cannot_be_read_is_explained(qtbot, tasks, tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    preview = FacilityImportDialog(tasks, catalog(), "es", path)
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: bool(preview.error_message), timeout=10000)
    assert reason in preview.summary.text()
    assert not preview.import_button.isEnabled()
