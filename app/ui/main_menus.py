"""The main window's menus: Archivo, Editar, Informe, Ver and Ayuda."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMessageBox

from app import __version__

from . import settings
from .alerts import show_info

if TYPE_CHECKING:
    from .main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    """Create the menu bar of ``window`` and keep the actions tests and shortcuts need on it."""
    bar = window.menuBar()
    tr = window.tr

    archivo = bar.addMenu(tr("&Archivo"))
    # window.file_actions loads its module on first use, hence the lambdas.
    archivo.addAction(tr("Importar unidades…"), lambda: window.file_actions.import_facilities())
    archivo.addAction(tr("Importar valores…"), lambda: window.file_actions.import_values())
    archivo.addAction(tr("Exportar valores…"), lambda: window.file_actions.export_values())
    archivo.addAction(tr("Plantilla de Excel…"), lambda: window.file_actions.write_template())
    archivo.addSeparator()
    archivo.addAction(tr("Respaldos…"), lambda: window.file_actions.backups())
    archivo.addSeparator()
    quit_action = archivo.addAction(tr("Salir"), window.close)
    shortcuts: list[tuple[QAction, list]] = [(quit_action, ["StandardKey.Quit"])]

    editar = bar.addMenu(tr("&Editar"))
    window.undo_action = window.undo_stack.createUndoAction(window, tr("Deshacer"))
    shortcuts.append((window.undo_action, ["StandardKey.Undo"]))
    window.redo_action = window.undo_stack.createRedoAction(window, tr("Rehacer"))
    shortcuts.append((window.redo_action, ["StandardKey.Redo", "Ctrl+Y"]))
    editar.addAction(window.undo_action)
    editar.addAction(window.redo_action)
    editar.addSeparator()
    # Copiar, Pegar and Borrar are the grid's own actions (their shortcuts act where the
    # grid has the focus); the grid is built after the first paint and inserts them here.
    window.edit_menu = editar
    window.edit_menu_anchor = editar.addSeparator()
    editar.addAction(tr("Comentario…"), lambda: window.grid.edit_comment())
    editar.addAction(tr("Historial de la celda…"), lambda: window.grid.show_history())

    informe = bar.addMenu(tr("&Informe"))
    window.close_report_action = informe.addAction(tr("Cerrar informe…"), window.close_report)
    window.reopen_report_action = informe.addAction(tr("Reabrir informe…"), window.reopen_report)
    informe.addSeparator()
    informe.addAction(tr("Datos estatales…"), lambda: window.open_facility_form(window.current_state()))
    next_tab = QAction(tr("Sección siguiente"), window)
    shortcuts.append((next_tab, ["Ctrl+PgDown"]))
    next_tab.triggered.connect(lambda: window.section_tabs.setCurrentIndex(
        (window.section_tabs.currentIndex() + 1) % window.section_tabs.count()))
    previous_tab = QAction(tr("Sección anterior"), window)
    shortcuts.append((previous_tab, ["Ctrl+PgUp"]))
    previous_tab.triggered.connect(lambda: window.section_tabs.setCurrentIndex(
        (window.section_tabs.currentIndex() - 1) % window.section_tabs.count()))
    informe.addAction(next_tab)
    informe.addAction(previous_tab)

    ver = bar.addMenu(tr("&Ver"))
    idioma = ver.addMenu(tr("Idioma"))
    group = QActionGroup(window)
    for code, label in (("es", "Español"), ("en", "English")):
        action = idioma.addAction(label)
        action.setCheckable(True)
        action.setChecked(code == window.lang)
        action.triggered.connect(lambda _checked=False, c=code: _choose_language(window, c))
        group.addAction(action)

    ayuda = bar.addMenu(tr("A&yuda"))
    ayuda.addAction(tr("Acerca de Coordina"), lambda: _about(window))
    window.pending_shortcuts = shortcuts


def install_shortcuts(window: MainWindow) -> None:
    """Give the menu actions their shortcuts; called once the window has painted.

    Setting the first shortcut loads PySide's key enums (~40 ms), which would
    otherwise delay the first paint (cold-start target of issue 2).
    """
    for action, keys in getattr(window, "pending_shortcuts", []):
        sequences = [QKeySequence(getattr(QKeySequence.StandardKey, key.split(".", 1)[1]))
                     if key.startswith("StandardKey.") else QKeySequence(key) for key in keys]
        action.setShortcuts(sequences)
    window.pending_shortcuts = []


def _choose_language(window: MainWindow, lang: str) -> None:
    settings.save_language(lang)
    if lang != window.lang:
        show_info(window, window.tr("Idioma"), window.tr(
            "El idioma cambiará la próxima vez que abra Coordina. / "
            "The language will change the next time you open Coordina."))


def _about(window: MainWindow) -> None:
    QMessageBox.about(window, window.tr("Acerca de Coordina"), window.tr(
        "<h3>Coordina {0}</h3>"
        "<p>Informes mensuales de las unidades de salud para las coordinaciones estatales "
        "de IMSS-BIENESTAR. Funciona sin conexión; cada dato se guarda al momento.</p>"
        "<p>Directorio de datos:<br><code>{1}</code></p>").format(__version__, window.data_dir))
