"""The first-run wizard (issue 12): role, identity, HQ's profile, facilities — every step skippable.

It opens by itself once per data directory (an empty one), and again from Archivo or Ayuda
→ "Asistente de configuración…", where it resumes at the first step not done. Each step's
work is done by the app's own dialogs and services (see :mod:`.first_run_pages`); the wizard
reads :func:`app.services.system.first_run.first_run` after every change to mark the steps in its
list, and records "done" or "skipped" through :func:`app.services.system.first_run.mark_step`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.system import first_run as first_run_service
from app.services.system.first_run import DONE, SKIPPED, FirstRun
from app.ui.common import settings
from app.ui.common.alerts import show_error
from app.ui.common.passphrase_dialog import ask_passphrase
from app.ui.shell.first_run_pages import (
    ExportProfilePage,
    FacilitiesPage,
    HqProfilePage,
    IdentityPage,
    RolePage,
    StepPage,
)

if TYPE_CHECKING:
    from app.ui.shell.shell_window import ShellWindow

PassphraseAsker = Callable[[QWidget, str], "bytes | None"]


class FirstRunWizard(QDialog):
    """A list of steps on the left, the current step on the right, Omitir / Atrás / Siguiente."""

    refreshed = Signal()  # the state was read again (tests and screenshots wait on it)

    def __init__(self, window: ShellWindow, parent: QWidget | None = None):
        super().__init__(parent)
        self._window = window
        self.state: FirstRun | None = None
        self.error_box: QMessageBox | None = None
        #: Asks for an existing identity's passphrase; tests replace it.
        self.passphrase_provider: PassphraseAsker = ask_passphrase
        self.setWindowTitle(self.tr("Asistente de configuración de Coordina"))
        self._fit_to_screen()
        self._build_steps(window)
        buttons = self._build_buttons()
        main = QHBoxLayout()
        main.addWidget(self.step_list)
        main.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(main, 1)
        layout.addLayout(buttons)
        self._connect_pages()
        self._current = ""
        self._first = True
        self.refresh()

    def _fit_to_screen(self) -> None:
        self.resize(960, 620)
        screen = self.screen()
        if screen is not None:  # a 1024×768 laptop: the wizard and its buttons stay on screen
            area = screen.availableGeometry()
            self.resize(min(960, area.width() - 40), min(620, area.height() - 80))

    def _build_steps(self, window: ShellWindow) -> None:
        """One page per step in a stack, and the list of steps beside it."""
        self.pages: dict[str, StepPage] = {
            "role": RolePage(window, self),
            "identity": IdentityPage(window, self),
            "hq_profile": HqProfilePage(window, self),
            "export_profile": ExportProfilePage(window, self),
            "facilities": FacilitiesPage(window, self),
        }
        self.stack = QStackedWidget()
        for page in self.pages.values():
            self.stack.addWidget(page)
            page.changed.connect(self.refresh)
        self.step_list = QListWidget()
        self.step_list.setFixedWidth(220)
        self.step_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.step_list.itemClicked.connect(lambda item: self.go_to(item.data(Qt.ItemDataRole.UserRole)))

    def _build_buttons(self) -> QHBoxLayout:
        self.skip_button = QPushButton(self.tr("Omitir este paso"))
        self.skip_button.setToolTip(self.tr("Puede volver a él en Archivo ▸ Asistente de configuración…"))
        self.back_button = QPushButton(self.tr("Atrás"))
        self.next_button = QPushButton(self.tr("Siguiente"))
        self.next_button.setDefault(True)
        self.skip_button.clicked.connect(self.skip)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        return buttons

    def _connect_pages(self) -> None:
        """The pages' own buttons run the wizard's actions (dialogs, background jobs)."""
        identity = self.pages["identity"]
        assert isinstance(identity, IdentityPage)
        identity.create_button.clicked.connect(self.create_identity)
        identity.p12_button.clicked.connect(self.choose_p12)
        identity.sat_button.clicked.connect(self.choose_sat)
        facilities = self.pages["facilities"]
        assert isinstance(facilities, FacilitiesPage)
        facilities.import_button.clicked.connect(self.choose_clues)
        facilities.demo_button.clicked.connect(self.load_demo)
        export = self.pages["export_profile"]
        assert isinstance(export, ExportProfilePage)
        export.exported.connect(lambda: self.mark("export_profile", DONE))

    # -- state -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the wizard's state again (database thread), then show it."""

        def read(ws, _progress) -> FirstRun:
            if self._first:
                first_run_service.mark_shown(ws)  # opened once: it will not open by itself again
            return first_run_service.first_run(ws)

        self._window.tasks.run_db(read, self._show_state, self._failed, owner=self)

    def mark(self, step: str, mark: str, then: Callable[[], None] | None = None) -> None:
        """Record ``step`` as done or skipped, then show the new state (and run ``then``)."""

        def shown(state: FirstRun) -> None:
            self._show_state(state)
            if then is not None:
                then()

        self._window.tasks.run_db(
            lambda ws, _p: first_run_service.mark_step(ws, step, mark), shown, self._failed, owner=self
        )

    def _failed(self, exc: BaseException) -> None:
        self.error_box = show_error(self, self.windowTitle(), exc, self._window.lang)

    def _show_state(self, state: FirstRun) -> None:
        self.state = state
        steps = state.steps()
        self.step_list.clear()
        labels = {
            "role": self.tr("Quién usa este equipo"),
            "identity": self.tr("Identidad para firmar"),
            "hq_profile": self.tr("Perfil de oficinas centrales"),
            "export_profile": self.tr("Enviar perfil a los estados"),
            "facilities": self.tr("Unidades de salud"),
        }
        for number, step in enumerate(steps, 1):
            mark = "✓" if state.is_done(step) else ("–" if state.marks.get(step) == SKIPPED else " ")
            item = QListWidgetItem(f"{mark}  {number}. {labels[step]}")
            item.setData(Qt.ItemDataRole.UserRole, step)
            item.setToolTip(
                self.tr("Hecho")
                if state.is_done(step)
                else self.tr("Omitido")
                if state.marks.get(step) == SKIPPED
                else self.tr("Pendiente")
            )
            self.step_list.addItem(item)
        for page in self.pages.values():
            page.show_state(state)
        if self._first:
            self._first = False
            self.go_to(state.resume_step())
        elif self._current not in steps:
            self.go_to(steps[0])
        else:
            self._select_current()
        self.refreshed.emit()

    # -- navigation --------------------------------------------------------------------
    def current_step(self) -> str:
        return self._current

    def go_to(self, step: str) -> None:
        """Show ``step``'s page."""
        self._current = step
        page = self.pages[step]
        self.stack.setCurrentWidget(page)
        page.entered()
        self._select_current()

    def _select_current(self) -> None:
        steps = self.state.steps() if self.state else ()
        if self._current in steps:
            self.step_list.setCurrentRow(steps.index(self._current))
        index = steps.index(self._current) if self._current in steps else 0
        self.back_button.setEnabled(index > 0)
        last = index >= len(steps) - 1
        self.next_button.setText(self.tr("Terminar") if last else self.tr("Siguiente"))
        self.skip_button.setVisible(not (self.state and self.state.is_done(self._current)))

    def _advance(self) -> None:
        steps = self.state.steps() if self.state else ()
        index = steps.index(self._current) if self._current in steps else -1
        if index + 1 < len(steps):
            self.go_to(steps[index + 1])
        else:
            self.accept()

    def skip(self) -> None:
        """Leave this step for later (remembered; the menus reopen the wizard there)."""
        self.mark(self._current, SKIPPED, self._advance)

    def next(self) -> None:
        """The next step (a step left undone counts as skipped), or close after the last."""
        if self.state is not None and not self.state.is_done(self._current):
            self.skip()
        else:
            self._advance()

    def back(self) -> None:
        steps = self.state.steps() if self.state else ()
        if self._current in steps and steps.index(self._current) > 0:
            self.go_to(steps[steps.index(self._current) - 1])

    # -- identity ----------------------------------------------------------------------
    def create_identity(self):
        """The app's identity dialog; the step is done once it has created the file."""
        from app.ui.summary.identity_dialog import IdentityDialog

        window = self._window
        state = (self.state.state_code if self.state else None) or window.current_state()
        dialog = IdentityDialog(window.tasks, window.catalog, window.lang, state, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.state is not None and self.state.name:
            dialog.name.setText(self.state.name)
        dialog.created.connect(lambda _path, _made: self._identity_ready())
        self.identity_dialog = dialog
        dialog.show()
        return dialog

    def _identity_ready(self) -> None:
        settings.save_last_path("signing/mode", "p12")  # the export dialogs start on it
        self.mark("identity", DONE)

    def choose_p12(self) -> None:
        start = settings.last_path("signing/p12", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Archivo de identidad"),
            start,
            self.tr("Identidad PKCS#12 (*.p12 *.pfx);;Todos los archivos (*)"),
        )
        if path:
            self.use_identity(p12=Path(path))

    def choose_sat(self) -> None:
        start = settings.last_path("signing/cer", str(Path.home()))
        cer, _ = QFileDialog.getOpenFileName(
            self, self.tr("Certificado de la e.firma"), start, self.tr("Certificado (*.cer);;Todos los archivos (*)")
        )
        if not cer:
            return
        key = Path(cer).with_suffix(".key")
        if not key.is_file():
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Clave privada de la e.firma"),
                str(Path(cer).parent),
                self.tr("Clave privada (*.key);;Todos los archivos (*)"),
            )
            if not chosen:
                return
            key = Path(chosen)
        self.use_identity(cer=Path(cer), key=key)

    def use_identity(self, p12: Path | None = None, cer: Path | None = None, key: Path | None = None) -> None:
        """Open the chosen identity with its passphrase; on success it is the one used to sign."""
        name = p12.name if p12 is not None else key.name if key is not None else ""
        passphrase = self.passphrase_provider(self, self.tr("Escriba la contraseña de %1.").replace("%1", name))
        if passphrase is None:
            return
        page = self.pages["identity"]

        def adopted(_made) -> None:
            if p12 is not None:
                settings.save_last_path("signing/p12", str(p12))
                settings.save_last_path("signing/mode", "p12")
            else:
                settings.save_last_path("signing/cer", str(cer))
                settings.save_last_path("signing/key", str(key))
                settings.save_last_path("signing/mode", "sat")
            self.refresh()

        def failed(exc: BaseException) -> None:
            from app.ui.common.alerts import error_message

            page.set_status(error_message(exc, self._window.lang), "error")
            self._failed(exc)

        self._window.tasks.run_db(
            lambda ws, _p: first_run_service.use_existing_identity(ws, passphrase, p12, cer, key),
            adopted,
            failed,
            owner=self,
        )

    # -- facilities --------------------------------------------------------------------
    def choose_clues(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Importar unidades"),
            str(Path.home()),
            self.tr("Catálogo CLUES (*.csv *.xlsx);;Todos los archivos (*)"),
        )
        if path:
            self.import_clues(Path(path))

    def import_clues(self, path: Path):
        """The Archivo menu's import preview for ``path``; the step is done once it imported."""
        dialog = self._window.file_actions.import_facilities_from(path)
        dialog.imported.connect(lambda _new, _updated: self.refresh())
        return dialog

    def load_demo(self) -> None:
        """The Archivo menu's demo (Nayarit, February 2023)."""
        self._window.file_actions.build_demo(on_done=self.refresh)
