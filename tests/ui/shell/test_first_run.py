"""Issue 12: menus per role, empty states, the first-run wizard and the defaults a first day needs.

Real data directories (SQLite), real identity files (PKCS#12 via cryptography), real CLUES CSV.
"""
# Fixtures are imported from sync_fixtures, so pytest's by-name injection looks like shadowing:
# ruff: noqa: F811

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel

from app.reports.signing import identity as ident
from app.services.files import backup
from app.services.sync import sync_profile
from app.services.system import first_run
from app.services.workspace import open_workspace
from app.ui.app import create_main_window
from app.ui.shell.first_run_wizard import FirstRunWizard
from tests.ui.conftest import add_facilities
from tests.ui.dialog_fixtures import form_session, seeded_dir  # noqa: F401
from tests.ui.sync_fixtures import pair  # noqa: F401

pytestmark = pytest.mark.gui

HQ_ITEMS = (
    "Conflictos por revisar…",
    "Responder a los estados…",
    "Consolidado nacional…",
    "Exportar todos los estados…",
)
STATE_ITEMS = ("Enviar paquete a oficinas centrales…", "Crear identidad de firma…")
PASS = b"clave secreta 123"


def action(window, text: str) -> QAction:
    return next(a for a in window.menuBar().findChildren(QAction) if a.text() == text)


def open_window(qtbot, data_dir: Path):
    window = create_main_window(data_dir, "es")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.overview is not None, timeout=20000)
    return window


def wizards(window) -> list[FirstRunWizard]:
    return [w for w in window.findChildren(FirstRunWizard) if w.isVisible()]


def close_window(window) -> None:
    for wizard in window.findChildren(FirstRunWizard):
        wizard.close()
    window.close()


def make_state_profile(data_dir: Path) -> None:
    ws = open_workspace(data_dir, user="ana")
    try:
        sync_profile.init_profile(ws, "state", "18", "Ana Núñez", "Coordinadora estatal")
    finally:
        ws.close()


def read_first_run(data_dir: Path) -> first_run.FirstRun:
    ws = open_workspace(data_dir, user="ana")
    try:
        return first_run.first_run(ws)
    finally:
        ws.close()


# -- roles ------------------------------------------------------------------------------


def test_a_state_does_not_see_hq_items(qtbot, nayarit_dir):
    make_state_profile(nayarit_dir)
    window = open_window(qtbot, nayarit_dir)
    assert window.overview.role == "state"
    for text in HQ_ITEMS:
        assert not action(window, text).isVisible(), text
    for text in STATE_ITEMS:
        assert action(window, text).isVisible(), text
    # a shortcut or a stray call gets a sentence, never a state's own months as "Recibido"
    window.sync_actions.consolidation()
    from app.ui.national.consolidation_window import ConsolidationWindow

    assert window.findChild(ConsolidationWindow) is None
    assert "oficinas centrales" in window.sync_actions.refusal.text()
    window.sync_actions.refusal.close()
    close_window(window)


def test_hq_sees_hq_items_and_not_state_only_ones(qtbot, pair):
    window = open_window(qtbot, pair.hq.data_dir)
    assert window.overview.role == "hq"
    for text in HQ_ITEMS:
        assert action(window, text).isVisible(), text
    for text in STATE_ITEMS:
        assert not action(window, text).isVisible(), text
    close_window(window)


def test_without_a_profile_the_menus_are_a_states(qtbot, nayarit_dir):
    window = open_window(qtbot, nayarit_dir)
    assert window.overview.role is None
    assert not any(action(window, text).isVisible() for text in HQ_ITEMS)
    assert action(window, "Enviar paquete a oficinas centrales…").isVisible()
    close_window(window)


# -- empty states -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "item",
    [
        "Cerrar informe…",
        "Datos estatales…",
        "Notas y marcas del resumen…",
        "Tablero del estado…",
        "Exportar PDF firmado…",
    ],
)
def test_on_an_empty_install_each_item_says_what_is_missing(qtbot, data_dir, item):
    window = open_window(qtbot, data_dir)
    for wizard in window.findChildren(FirstRunWizard):
        wizard.close()
    action(window, item).trigger()
    box = window.menus.empty_box
    assert box.isVisible()
    assert "todavía no tiene unidades" in box.text()
    assert {b.text() for b in box.buttons()} >= {"Importar unidades…", "Cargar la demostración"}
    from app.ui.summary.dashboard_window import DashboardWindow

    assert window.findChild(DashboardWindow) is None  # no all-"sin dato" Aguascalientes
    box.close()
    close_window(window)


# -- the wizard ----------------------------------------------------------------------------


def test_the_wizard_opens_once_per_data_directory(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    qtbot.waitUntil(lambda: len(wizards(window)) == 1, timeout=10000)
    wizard = wizards(window)[0]
    qtbot.waitUntil(lambda: wizard.state is not None, timeout=10000)
    assert wizard.current_step() == "role"
    wizard.close()
    window.shutdown()
    window.close()
    assert read_first_run(data_dir).shown

    again = open_window(qtbot, data_dir)
    qtbot.wait(300)
    assert wizards(again) == []  # once per data directory
    again.menus.wizard_action.trigger()  # and resumable from the menus
    qtbot.waitUntil(lambda: len(wizards(again)) == 1, timeout=10000)
    close_window(again)


def test_an_install_with_data_does_not_get_the_wizard(qtbot, nayarit_dir):
    window = open_window(qtbot, nayarit_dir)
    qtbot.wait(300)
    assert wizards(window) == []
    close_window(window)


def open_wizard(qtbot, window) -> FirstRunWizard:
    for wizard in window.findChildren(FirstRunWizard):
        wizard.close()
    wizard = window.file_actions.first_run_wizard()
    qtbot.waitUntil(lambda: wizard.state is not None, timeout=10000)
    return wizard


def test_role_step_creates_the_state_profile_through_the_profile_dialog(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    wizard = open_wizard(qtbot, window)
    page = wizard.pages["role"]
    create = page.profile.create_page
    create.state.setCurrentIndex(create.state.findData("18"))
    create.name.setText("Lucía Ávila")
    create.position.setText("Coordinadora estatal")
    with qtbot.waitSignal(wizard.refreshed, timeout=20000):
        create.create_button.click()
    qtbot.waitUntil(lambda: wizard.state.role == "state", timeout=20000)
    assert wizard.state.is_done("role")
    assert "Nayarit" in page.status.text() and "Lucía Ávila" in page.status.text()
    assert read_first_run(data_dir).role == "state"  # through app/services
    wizard.next()  # done: just moves on
    assert wizard.current_step() == "identity"
    close_window(window)


def test_skipped_steps_are_remembered_and_the_wizard_resumes(qtbot, data_dir):
    make_state_profile(data_dir)
    window = open_window(qtbot, data_dir)
    wizard = open_wizard(qtbot, window)
    assert wizard.current_step() == "identity"  # the role is already in place
    with qtbot.waitSignal(wizard.refreshed, timeout=10000):
        wizard.skip()
    assert wizard.current_step() == "hq_profile"
    assert read_first_run(data_dir).marks == {"identity": "skipped"}
    labels = [wizard.step_list.item(i).text() for i in range(wizard.step_list.count())]
    assert labels[0].startswith("✓") and labels[1].startswith("–")
    with qtbot.waitSignal(wizard.refreshed, timeout=10000):
        wizard.next()  # not done: counts as skipped
    assert wizard.current_step() == "facilities"
    wizard.close()

    resumed = open_wizard(qtbot, window)
    assert resumed.current_step() == "identity"  # the first step not done
    assert resumed.state.next_step() == "facilities"
    close_window(window)


def test_identity_step_adopts_an_existing_p12_only_with_its_passphrase(qtbot, data_dir, tmp_path):
    make_state_profile(data_dir)
    p12 = tmp_path / "firma.p12"
    p12.write_bytes(ident.create_identity("Ana Núñez", "Coordinadora", "Nayarit", PASS))
    window = open_window(qtbot, data_dir)
    wizard = open_wizard(qtbot, window)
    page = wizard.pages["identity"]

    wizard.passphrase_provider = lambda _parent, _prompt: b"no es la clave"
    wizard.use_identity(p12=p12)
    qtbot.waitUntil(lambda: wizard.error_box is not None, timeout=20000)
    wizard.error_box.close()
    assert "contraseña" in page.status.text().lower()
    assert not read_first_run(data_dir).has_identity  # nothing written

    wizard.passphrase_provider = lambda _parent, _prompt: PASS
    with qtbot.waitSignal(wizard.refreshed, timeout=20000):
        wizard.use_identity(p12=p12)
    assert wizard.state.has_identity and wizard.state.is_done("identity")
    assert page.status.text().startswith("Listo")
    from app.ui.common import settings
    from app.ui.summary.signing_choice import P12, SigningChoice

    assert settings.last_path("signing/p12") == str(p12)
    choice = SigningChoice()
    assert choice.mode() == P12  # the export dialog starts on it
    close_window(window)


def write_clues(path: Path) -> Path:
    header = ["CLUES", "NOMBRE DE LA UNIDAD", "ENTIDAD", "MUNICIPIO", "NOMBRE DE TIPOLOGÍA", "NIVEL DE ATENCIÓN"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [
                header,
                [
                    "NTSSA000101",
                    "Centro de Salud San Blas",
                    "Nayarit",
                    "San Blas",
                    "CENTRO DE SALUD RURAL",
                    "PRIMER NIVEL",
                ],
            ]
        )
    return path


def test_facilities_step_imports_the_clues_file_and_the_first_day_gets_its_backup(qtbot, data_dir, tmp_path):
    window = open_window(qtbot, data_dir)
    wizard = open_wizard(qtbot, window)
    preview = wizard.import_clues(write_clues(tmp_path / "clues.csv"))
    qtbot.waitUntil(lambda: preview.preview is not None, timeout=20000)
    with qtbot.waitSignal(wizard.refreshed, timeout=20000):
        preview.import_button.click()
    assert wizard.state.facility_count == 1 and wizard.state.is_done("facilities")
    qtbot.waitUntil(lambda: window.overview.facility_count == 1, timeout=20000)
    ws = open_workspace(data_dir, user="ana")
    try:
        qtbot.waitUntil(lambda: bool(backup.list_backups(ws)), timeout=20000)  # on the first day already
    finally:
        ws.close()
    close_window(window)


def test_first_session_takes_the_daily_backup_once_data_arrives(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    for wizard in window.findChildren(FirstRunWizard):
        wizard.close()
    add_facilities(data_dir)  # as the demo or an import would
    window.reload_all()
    qtbot.waitUntil(lambda: window.overview.facility_count > 0, timeout=20000)
    ws = open_workspace(data_dir, user="ana")
    try:
        qtbot.waitUntil(lambda: [b.reason for b in backup.list_backups(ws)] == ["diario"], timeout=20000)
    finally:
        ws.close()
    close_window(window)


# -- defaults -------------------------------------------------------------------------------


def test_export_defaults_to_the_identity_just_created(qtbot, nayarit_dir, tmp_path):
    from app.ui.common import settings
    from app.ui.summary.signing_choice import P12, SigningChoice

    settings.save_last_path("signing/mode", "none")  # an earlier export without a signature
    window = open_window(qtbot, nayarit_dir)
    dialog = window.summary_actions.create_identity()
    dialog.name.setText("Ana Núñez")
    dialog.position.setText("Coordinadora estatal")
    dialog.set_output_path(tmp_path / "firma.p12")
    dialog.passphrase.setText("secreta")
    dialog.confirmation.setText("secreta")
    with qtbot.waitSignal(dialog.created, timeout=30000):
        dialog.create()
    assert SigningChoice().mode() == P12
    dialog.close()
    close_window(window)


def test_import_facilities_opens_a_file_chooser_then_the_preview(qtbot, nayarit_dir, tmp_path, monkeypatch):
    from app.ui.facilities.facilities_dialog import FacilitiesDialog
    from app.ui.facilities.import_preview_dialog import FacilityImportDialog

    path = write_clues(tmp_path / "clues.csv")
    asked = []

    def chooser(parent, title, start, filters):  # the native picker cannot run offscreen
        asked.append(title)
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(chooser))
    window = open_window(qtbot, nayarit_dir)
    action(window, "Importar unidades…").trigger()
    assert asked == ["Importar unidades"]
    assert window.findChild(FacilitiesDialog) is None  # not the registry
    preview = window.file_actions.facility_importer
    assert isinstance(preview, FacilityImportDialog) and preview.path == path
    preview.close()
    close_window(window)


def test_count_bars_show_nothing_before_a_job_starts(qapp):
    from app.ui.common.job_dialog import count_bar

    bar = count_bar("%v de %m")
    assert bar.text() == ""  # not "0 de 1"
    bar.setRange(0, 3)
    bar.setValue(1)
    assert bar.text() == "1 de 3"


def test_qt_file_dialog_speaks_spanish(qapp):
    from app.ui.app import install_translators

    translators = install_translators(qapp, "es")
    try:
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        assert not any("Look in" in t or "Files of" in t for t in texts), texts
        assert "&Buscar en:" in texts
        dialog.deleteLater()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_the_facility_form_counts_units_not_the_states_own_data(qtbot, form_session):
    from app.ui.facilities.facility_form import FacilityFormDialog

    units = len(form_session.month.facilities)
    first = form_session.month.facilities[0].clues
    dialog = FacilityFormDialog(form_session, first)
    qtbot.addWidget(dialog)
    assert dialog.position_label.text() == f"1 de {units}"  # not "2 de {units + 1}"
    state = FacilityFormDialog(form_session, "18")
    qtbot.addWidget(state)
    assert state.position_label.text() == f"{units} unidades"
