"""The main window's menus: Archivo, Editar, Informe, Ver and Ayuda."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenuBar, QMessageBox

from app import __version__
from app.ui.common import settings
from app.ui.common.alerts import show_info
from app.ui.shell.shell_window import ShellWindow

if TYPE_CHECKING:
    from app.ui.files.file_actions import FileActions
    from app.ui.summary.summary_actions import SummaryActions
    from app.ui.sync.sync_actions import SyncActions


class MainMenus(QObject):
    """Builds the menu bar; a QObject so its strings have their own translation context.

    The three menus' actions are passed as getters: each loads its module on first use,
    so a plain start does not pay for them.
    """

    def __init__(
        self,
        window: ShellWindow,
        files: Callable[[], FileActions],
        summary: Callable[[], SummaryActions],
        sync: Callable[[], SyncActions],
    ):
        super().__init__(window)
        self._window = window
        self._files, self._summary, self._sync = files, summary, sync
        self._build(window)

    def _build(self, window: ShellWindow) -> None:
        bar = window.menuBar()
        #: Actions shown only at headquarters / only where no HQ profile is (issue 12).
        self.hq_only: list[QAction] = []
        self.state_only: list[QAction] = []
        #: (action, key names) given their shortcuts after the first paint (install_shortcuts).
        self.pending_shortcuts: list[tuple[QAction, list[str]]] = []
        self._build_archivo(window, bar)
        self._build_editar(window, bar)
        self._build_informe(window, bar)
        self._build_resumen(bar)
        self._build_sincronizar(bar)
        self.apply_role(None)
        self._build_ver(window, bar)
        self._build_ayuda(window, bar)

    def _build_archivo(self, window: ShellWindow, bar: QMenuBar) -> None:
        # self._files() loads its module on first use, hence the lambdas. Actions that
        # need a month first ask whether there are facilities at all (:meth:`_needs_data`).
        data, files = self._needs_data, self._files
        archivo = bar.addMenu(self.tr("&Archivo"))
        archivo.addAction(self.tr("Importar unidades…"), lambda: self._files().import_facilities())
        archivo.addAction(self.tr("Padrón de unidades…"), lambda: files().facility_registry())
        archivo.addAction(self.tr("Importar valores…"), data(lambda: files().import_values()))
        archivo.addAction(self.tr("Exportar valores…"), data(lambda: files().export_values()))
        archivo.addAction(self.tr("Plantilla de Excel…"), data(lambda: files().write_template()))
        archivo.addSeparator()
        archivo.addAction(self.tr("Respaldos…"), lambda: files().backups())
        archivo.addSeparator()
        self.wizard_action = archivo.addAction(
            self.tr("Asistente de configuración…"), lambda: files().first_run_wizard()
        )
        archivo.addSeparator()
        quit_action = archivo.addAction(self.tr("Salir"), window.close)
        self.pending_shortcuts.append((quit_action, ["StandardKey.Quit"]))

    def _build_editar(self, window: ShellWindow, bar: QMenuBar) -> None:
        data = self._needs_data
        editar = bar.addMenu(self.tr("&Editar"))
        self.undo_action = window.undo_stack.createUndoAction(window, self.tr("Deshacer"))
        self.pending_shortcuts.append((self.undo_action, ["StandardKey.Undo"]))
        self.redo_action = window.undo_stack.createRedoAction(window, self.tr("Rehacer"))
        self.pending_shortcuts.append((self.redo_action, ["StandardKey.Redo", "Ctrl+Y"]))
        editar.addAction(self.undo_action)
        editar.addAction(self.redo_action)
        editar.addSeparator()
        # Copiar, Pegar and Borrar are the grid's own actions (their shortcuts act where the
        # grid has the focus); the grid is built after the first paint and inserts them here.
        self.edit_menu = editar
        self.edit_menu_anchor = editar.addSeparator()
        editar.addAction(self.tr("Comentario…"), data(lambda: window.entry.grid.edit_comment()))
        editar.addAction(self.tr("Historial de la celda…"), data(lambda: window.entry.grid.show_history()))

    def _build_informe(self, window: ShellWindow, bar: QMenuBar) -> None:
        data = self._needs_data
        informe = bar.addMenu(self.tr("&Informe"))
        self.close_report_action = informe.addAction(self.tr("Cerrar informe…"), data(window.close_report))
        self.reopen_report_action = informe.addAction(self.tr("Reabrir informe…"), data(window.reopen_report))
        informe.addSeparator()
        self.state_data_action = informe.addAction(
            self.tr("Datos estatales…"), data(lambda: window.open_facility_form(window.current_state()))
        )
        self.notes_action = informe.addAction(
            self.tr("Notas y marcas del resumen…"), data(lambda: self._summary().section_notes())
        )
        next_tab = QAction(self.tr("Sección siguiente"), window)
        self.pending_shortcuts.append((next_tab, ["Ctrl+PgDown"]))
        next_tab.triggered.connect(
            data(
                lambda: window.entry.section_tabs.setCurrentIndex(
                    (window.entry.section_tabs.currentIndex() + 1) % window.entry.section_tabs.count()
                )
            )
        )
        previous_tab = QAction(self.tr("Sección anterior"), window)
        self.pending_shortcuts.append((previous_tab, ["Ctrl+PgUp"]))
        previous_tab.triggered.connect(
            data(
                lambda: window.entry.section_tabs.setCurrentIndex(
                    (window.entry.section_tabs.currentIndex() - 1) % window.entry.section_tabs.count()
                )
            )
        )
        informe.addAction(next_tab)
        informe.addAction(previous_tab)

    def _build_resumen(self, bar: QMenuBar) -> None:
        data = self._needs_data
        resumen = bar.addMenu(self.tr("&Resumen"))
        actions = self._summary
        self.dashboard_action = resumen.addAction(
            self.tr("Tablero del estado…"), data(lambda: actions().show_dashboard())
        )
        self.pending_shortcuts.append((self.dashboard_action, ["Ctrl+D"]))
        export = resumen.addAction(self.tr("Exportar PDF firmado…"), data(lambda: actions().export_pdf()))
        self.pending_shortcuts.append((export, ["Ctrl+P"]))
        self.hq_only.append(
            resumen.addAction(self.tr("Exportar todos los estados…"), data(lambda: actions().export_all()))
        )
        resumen.addSeparator()
        resumen.addAction(self.tr("Verificar un PDF firmado…"), lambda: actions().verify_pdf())
        self.state_only.append(
            resumen.addAction(self.tr("Crear identidad de firma…"), lambda: actions().create_identity())
        )

    def _build_sincronizar(self, bar: QMenuBar) -> None:
        sincronizar = bar.addMenu(self.tr("&Sincronizar"))
        sync = self._sync
        sincronizar.addAction(self.tr("Perfil y registro…"), lambda: sync().profile())
        self.state_only.append(
            sincronizar.addAction(self.tr("Enviar paquete a oficinas centrales…"), lambda: sync().export_package())
        )
        importar = sincronizar.addAction(self.tr("Importar paquetes…"), lambda: sync().import_packages())
        self.pending_shortcuts.append((importar, ["Ctrl+I"]))
        self.hq_only.append(sincronizar.addSeparator())
        self.hq_only.append(sincronizar.addAction(self.tr("Conflictos por revisar…"), lambda: sync().conflicts()))
        self.hq_only.append(sincronizar.addAction(self.tr("Responder a los estados…"), lambda: sync().respond()))
        self.hq_only.append(sincronizar.addAction(self.tr("Consolidado nacional…"), lambda: sync().consolidation()))
        sincronizar.addAction(self.tr("Metas…"), lambda: sync().targets())

    def _build_ver(self, window: ShellWindow, bar: QMenuBar) -> None:
        ver = bar.addMenu(self.tr("&Ver"))
        idioma = ver.addMenu(self.tr("Idioma"))
        group = QActionGroup(window)
        for code, label in (("es", "Español"), ("en", "English")):
            action = idioma.addAction(label)
            action.setCheckable(True)
            action.setChecked(code == window.lang)
            action.triggered.connect(lambda _checked=False, c=code: self._choose_language(c))
            group.addAction(action)

    def _build_ayuda(self, window: ShellWindow, bar: QMenuBar) -> None:
        files = self._files
        ayuda = bar.addMenu(self.tr("A&yuda"))
        guide = ayuda.addAction(self.tr("Guía de uso"), lambda: _open_help(window.lang))
        guide.setShortcut("F1")  # from any window or dialog: the section of the one in front
        guide.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        ayuda.addAction(self.tr("Asistente de configuración…"), lambda: files().first_run_wizard())
        ayuda.addAction(self.tr("Acerca de Coordina"), self._about)

    # -- roles and empty states (issue 12) --------------------------------------------
    def apply_role(self, role: str | None) -> None:
        """Show the items of this data directory's role only.

        Before a profile exists the menus are a state's (most installs are), without the
        HQ windows: Conflictos, Responder and Consolidado mean nothing at a state, whose
        own months were never "received" by anyone.
        """
        self.role = role
        for action in self.hq_only:
            action.setVisible(role == "hq")
        for action in self.state_only:
            action.setVisible(role != "hq")

    def _needs_data(self, slot):
        """``slot``, or (on an empty data directory) a message naming what is missing."""

        def guarded(*_args) -> None:
            overview = self._window.overview
            if overview is None:  # still reading the data directory: the action waits for it
                self._window.statusBar().showMessage(self.tr("Abriendo los datos…"), 4000)
                return
            if overview.facility_count == 0:
                self.empty_box = self.explain_empty()
                return
            slot()

        return guarded

    def explain_empty(self) -> QMessageBox:
        """Say that there are no facilities yet and offer the next step (non-blocking)."""
        window = self._window
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Todavía no hay unidades"),
            self.tr(
                "Este directorio de datos todavía no tiene unidades de salud, así que no hay informe que "
                "abrir, cerrar, resumir o exportar.\n\nImporte el catálogo CLUES de su estado (CSV o Excel) "
                "o cargue los datos de demostración para conocer la aplicación."
            ),
            QMessageBox.StandardButton.NoButton,
            window,
        )
        box.setObjectName("empty_box")
        self.empty_import_button = box.addButton(self.tr("Importar unidades…"), QMessageBox.ButtonRole.AcceptRole)
        self.empty_demo_button = box.addButton(self.tr("Cargar la demostración"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Ahora no"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.empty_import_button)
        self.empty_import_button.clicked.connect(lambda: self._files().import_facilities())
        self.empty_demo_button.clicked.connect(lambda: self._files().build_demo())
        box.open()
        return box

    def _choose_language(self, lang: str) -> None:
        settings.save_language(lang)
        if lang != self._window.lang:
            show_info(
                self._window,
                self.tr("Idioma"),
                self.tr(
                    "El idioma cambiará la próxima vez que abra Coordina. / "
                    "The language will change the next time you open Coordina."
                ),
            )

    def _about(self) -> None:
        QMessageBox.about(
            self._window,
            self.tr("Acerca de Coordina"),
            self.tr(
                "<h3>Coordina {0}</h3>"
                "<p>Informes mensuales de las unidades de salud para las coordinaciones estatales "
                "de IMSS-BIENESTAR. Funciona sin conexión; cada dato se guarda al momento.</p>"
                "<p>Directorio de datos:<br><code>{1}</code></p>"
            ).format(__version__, self._window.data_dir),
        )


def install_shortcuts(menus: MainMenus) -> None:
    """Give the menu actions their shortcuts; called once the window has painted.

    Setting the first shortcut loads PySide's key enums (~40 ms), which would
    otherwise delay the first paint (cold-start target of issue 2).
    """
    for action, keys in menus.pending_shortcuts:
        sequences = [
            QKeySequence(getattr(QKeySequence.StandardKey, key.split(".", 1)[1]))
            if key.startswith("StandardKey.")
            else QKeySequence(key)
            for key in keys
        ]
        action.setShortcuts(sequences)
    menus.pending_shortcuts = []


def _open_help(lang: str) -> None:
    """The user guide (its module, with Qt's text browser, loads on first use)."""
    from app.ui.shell.help_window import open_help

    open_help(lang)
