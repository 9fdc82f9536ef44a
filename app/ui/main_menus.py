"""The main window's menus: Archivo, Editar, Informe, Ver and Ayuda."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMessageBox

from app import __version__

from . import settings
from .alerts import show_info

if TYPE_CHECKING:
    from .main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    """Create the menu bar of ``window`` and keep the actions tests and shortcuts need on it."""
    window.menus = MainMenus(window)


class MainMenus(QObject):
    """Builds the menu bar; a QObject so its strings have their own translation context."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        self._build(window)

    def _build(self, window: MainWindow) -> None:
        bar = window.menuBar()

        archivo = bar.addMenu(self.tr("&Archivo"))
        # window.file_actions loads its module on first use, hence the lambdas.
        archivo.addAction(self.tr("Importar unidades…"), lambda: window.file_actions.import_facilities())
        archivo.addAction(self.tr("Importar valores…"), lambda: window.file_actions.import_values())
        archivo.addAction(self.tr("Exportar valores…"), lambda: window.file_actions.export_values())
        archivo.addAction(self.tr("Plantilla de Excel…"), lambda: window.file_actions.write_template())
        archivo.addSeparator()
        archivo.addAction(self.tr("Respaldos…"), lambda: window.file_actions.backups())
        archivo.addSeparator()
        quit_action = archivo.addAction(self.tr("Salir"), window.close)
        shortcuts: list[tuple[QAction, list]] = [(quit_action, ["StandardKey.Quit"])]

        editar = bar.addMenu(self.tr("&Editar"))
        window.undo_action = window.undo_stack.createUndoAction(window, self.tr("Deshacer"))
        shortcuts.append((window.undo_action, ["StandardKey.Undo"]))
        window.redo_action = window.undo_stack.createRedoAction(window, self.tr("Rehacer"))
        shortcuts.append((window.redo_action, ["StandardKey.Redo", "Ctrl+Y"]))
        editar.addAction(window.undo_action)
        editar.addAction(window.redo_action)
        editar.addSeparator()
        # Copiar, Pegar and Borrar are the grid's own actions (their shortcuts act where the
        # grid has the focus); the grid is built after the first paint and inserts them here.
        window.edit_menu = editar
        window.edit_menu_anchor = editar.addSeparator()
        editar.addAction(self.tr("Comentario…"), lambda: window.grid.edit_comment())
        editar.addAction(self.tr("Historial de la celda…"), lambda: window.grid.show_history())

        informe = bar.addMenu(self.tr("&Informe"))
        window.close_report_action = informe.addAction(self.tr("Cerrar informe…"), window.close_report)
        window.reopen_report_action = informe.addAction(self.tr("Reabrir informe…"), window.reopen_report)
        informe.addSeparator()
        informe.addAction(self.tr("Datos estatales…"), lambda: window.open_facility_form(window.current_state()))
        informe.addAction(self.tr("Notas y marcas del resumen…"), lambda: window.summary_actions.section_notes())
        next_tab = QAction(self.tr("Sección siguiente"), window)
        shortcuts.append((next_tab, ["Ctrl+PgDown"]))
        next_tab.triggered.connect(lambda: window.section_tabs.setCurrentIndex(
            (window.section_tabs.currentIndex() + 1) % window.section_tabs.count()))
        previous_tab = QAction(self.tr("Sección anterior"), window)
        shortcuts.append((previous_tab, ["Ctrl+PgUp"]))
        previous_tab.triggered.connect(lambda: window.section_tabs.setCurrentIndex(
            (window.section_tabs.currentIndex() - 1) % window.section_tabs.count()))
        informe.addAction(next_tab)
        informe.addAction(previous_tab)

        resumen = bar.addMenu(self.tr("&Resumen"))
        actions = window.summary_actions
        dashboard = resumen.addAction(self.tr("Tablero del estado…"), actions.show_dashboard)
        shortcuts.append((dashboard, ["Ctrl+D"]))
        export = resumen.addAction(self.tr("Exportar PDF firmado…"), lambda: actions.export_pdf())
        shortcuts.append((export, ["Ctrl+P"]))
        resumen.addAction(self.tr("Exportar todos los estados…"), actions.export_all)
        resumen.addSeparator()
        resumen.addAction(self.tr("Verificar un PDF firmado…"), actions.verify_pdf)
        resumen.addAction(self.tr("Crear identidad de firma…"), actions.create_identity)

        sincronizar = bar.addMenu(self.tr("&Sincronizar"))
        sync = window.sync_actions
        sincronizar.addAction(self.tr("Perfil y registro…"), sync.profile)
        sincronizar.addAction(self.tr("Enviar paquete a oficinas centrales…"), sync.export_package)
        importar = sincronizar.addAction(self.tr("Importar paquetes…"), sync.import_packages)
        shortcuts.append((importar, ["Ctrl+I"]))
        sincronizar.addSeparator()
        sincronizar.addAction(self.tr("Conflictos por revisar…"), sync.conflicts)
        sincronizar.addAction(self.tr("Responder a los estados…"), sync.respond)
        sincronizar.addAction(self.tr("Consolidado nacional…"), sync.consolidation)
        sincronizar.addAction(self.tr("Metas…"), sync.targets)

        ver = bar.addMenu(self.tr("&Ver"))
        idioma = ver.addMenu(self.tr("Idioma"))
        group = QActionGroup(window)
        for code, label in (("es", "Español"), ("en", "English")):
            action = idioma.addAction(label)
            action.setCheckable(True)
            action.setChecked(code == window.lang)
            action.triggered.connect(lambda _checked=False, c=code: self._choose_language(c))
            group.addAction(action)

        ayuda = bar.addMenu(self.tr("A&yuda"))
        ayuda.addAction(self.tr("Acerca de Coordina"), self._about)
        window.pending_shortcuts = shortcuts

    def _choose_language(self, lang: str) -> None:
        settings.save_language(lang)
        if lang != self._window.lang:
            show_info(self._window, self.tr("Idioma"), self.tr(
                "El idioma cambiará la próxima vez que abra Coordina. / "
                "The language will change the next time you open Coordina."))

    def _about(self) -> None:
        QMessageBox.about(self._window, self.tr("Acerca de Coordina"), self.tr(
            "<h3>Coordina {0}</h3>"
            "<p>Informes mensuales de las unidades de salud para las coordinaciones estatales "
            "de IMSS-BIENESTAR. Funciona sin conexión; cada dato se guarda al momento.</p>"
            "<p>Directorio de datos:<br><code>{1}</code></p>").format(__version__, self._window.data_dir))


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

