"""The first-run wizard's pages (issue 12): each explains one step and reuses the app's own dialogs.

The profile steps embed a :class:`~app.ui.sync.profile_dialog.ProfileDialog` (its create page
chooses the role, the state, name and position, and at HQ creates the keys; its state page
imports HQ's profile after the fingerprint check; its HQ page exports HQ's profile). The
identity step opens the :class:`~app.ui.summary.identity_dialog.IdentityDialog` or adopts a file
the coordinator already has; the facilities step uses the Archivo menu's import and demo.
None of them repeats those dialogs' logic: the wizard only arranges them and remembers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.system.first_run import FirstRun
from app.ui.common.formatting import status_style

if TYPE_CHECKING:
    from app.ui.shell.shell_window import ShellWindow
    from app.ui.sync.profile_dialog import ProfileDialog


class StepPage(QWidget):
    """Title, explanation and a status line ("Listo: …" or what is still missing)."""

    step = ""
    changed = Signal()  # something was done here: the wizard re-reads its state

    def __init__(self, window: ShellWindow, parent: QWidget | None = None):
        super().__init__(parent)
        self._window = window
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("step_status")
        self.status.setWordWrap(True)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addSpacing(6)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.status)

    def add_choices(self, *buttons: QPushButton) -> None:
        """The step's choices, one tall button a line at its natural width, from the top."""
        for button in buttons:
            button.setMinimumHeight(36)
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            self.body.addLayout(row)
        self.body.addStretch(1)

    def set_status(self, text: str, kind: str = "") -> None:
        self.status.setText(text)
        self.status.setStyleSheet(status_style(kind) if kind else "")

    def show_state(self, state: FirstRun) -> None:
        """Fill the page from the wizard's state (called whenever it changes)."""

    def entered(self) -> None:
        """The page became the current one."""


def embedded_profile_dialog(window: ShellWindow, parent: QWidget) -> ProfileDialog:
    """A ProfileDialog living inside a wizard page (no frame, no Cerrar of its own)."""
    from app.ui.sync.profile_dialog import ProfileDialog

    dialog = ProfileDialog(window.tasks, window.catalog, window.lang, window.current_state() or None, parent)
    dialog.setWindowFlags(Qt.WindowType.Widget)
    close = getattr(dialog, "close_button", None)
    if close is not None:
        close.hide()  # the wizard's own buttons move on; Cerrar would hide the page's contents
    return dialog


class _ProfileStepPage(StepPage):
    """A page showing the profile dialog, built when first shown (it reads the profile as it is
    made) and reloaded on every later visit; :meth:`_job_done` hears what the dialog did."""

    def __init__(self, window: ShellWindow, parent: QWidget | None = None):
        super().__init__(window, parent)
        self.profile: ProfileDialog | None = None

    def entered(self) -> None:
        if self.profile is None:
            self.profile = embedded_profile_dialog(self._window, self)
            self.profile.done_job.connect(self._job_done)
            self.body.addWidget(self.profile, 1)
        else:
            self.profile.reload()

    def _job_done(self, name: str) -> None:
        """``name``: the dialog's job that finished ("import_hq", "export_hq"…)."""


class RolePage(StepPage):
    """Who works with this data directory: a state coordination, or headquarters (its keys)."""

    step = "role"

    def __init__(self, window: ShellWindow, parent: QWidget | None = None):
        super().__init__(window, parent)
        self.title.setText(self.tr("¿Quién trabaja con Coordina en este equipo?"))
        self.intro.setText(
            self.tr(
                "Una coordinación estatal captura los informes de su estado y los envía firmados; oficinas "
                "centrales los recibe y arma el consolidado nacional. Para una coordinación estatal, elija "
                "el estado y escriba el nombre y el cargo de quien coordina. En oficinas centrales se crean "
                "aquí las claves, protegidas con una contraseña."
            )
        )
        self.profile = embedded_profile_dialog(window, self)
        self.profile.done_job.connect(lambda name: self.changed.emit() if name == "create" else None)
        self.body.addWidget(self.profile, 1)

    def show_state(self, state: FirstRun) -> None:
        if state.role is None:
            self.profile.show()
            self.set_status(
                self.tr(
                    "Todavía no se ha elegido. Puede omitir este paso y hacerlo después en "
                    "Sincronizar ▸ Perfil y registro…"
                )
            )
            return
        self.profile.hide()
        if state.role == "hq":
            self.set_status(self.tr("Listo: este equipo es de oficinas centrales y ya tiene sus claves."), "ok")
        else:
            name = self._window.catalog.states.get(state.state_code or "")
            self.set_status(
                self.tr("Listo: coordinación estatal de %1 · %2")
                .replace("%1", name.name if name else "")
                .replace("%2", state.name or self.tr("(sin nombre)")),
                "ok",
            )


class IdentityPage(StepPage):
    """The signing identity: create one, or use a .p12/.pfx or an e.firma she already has."""

    step = "identity"

    def __init__(self, window: ShellWindow, parent: QWidget | None = None):
        super().__init__(window, parent)
        self.title.setText(self.tr("Su identidad para firmar"))
        self.intro.setText(
            self.tr(
                "Con ella firma los resúmenes en PDF y los paquetes que envía a oficinas centrales. Puede "
                "crear una nueva en Coordina, o usar un archivo de identidad (.p12 o .pfx) o su e.firma del "
                "SAT que ya tenga. La contraseña nunca se guarda."
            )
        )
        self.create_button = QPushButton(self.tr("Crear una identidad nueva…"))
        self.p12_button = QPushButton(self.tr("Usar un archivo .p12 o .pfx…"))
        self.sat_button = QPushButton(self.tr("Usar mi e.firma del SAT (.cer y .key)…"))
        self.add_choices(self.create_button, self.p12_button, self.sat_button)

    def show_state(self, state: FirstRun) -> None:
        if state.has_identity:
            self.set_status(
                self.tr(
                    "Listo: esta computadora ya tiene la identidad con la que firmará. Puede cambiarla cuando quiera."
                ),
                "ok",
            )
        else:
            self.set_status(self.tr("Todavía no hay identidad. Sin ella podrá capturar, pero no firmar."))


class HqProfilePage(_ProfileStepPage):
    """A state imports HQ's profile, after comparing its fingerprint by phone."""

    step = "hq_profile"

    def __init__(self, window: ShellWindow, parent: QWidget | None = None):
        super().__init__(window, parent)
        self.title.setText(self.tr("El perfil de oficinas centrales"))
        self.intro.setText(
            self.tr(
                "Oficinas centrales le envía un archivo de perfil (.json). Al importarlo, Coordina muestra su "
                "huella: compárela por teléfono con oficinas centrales antes de confirmar. Solo así sus "
                "paquetes llegarán cifrados a quien deben."
            )
        )

    def _job_done(self, name: str) -> None:
        if name == "import_hq":
            self.changed.emit()

    def show_state(self, state: FirstRun) -> None:
        if state.has_hq_profile:
            self.set_status(
                self.tr("Listo: el perfil de oficinas centrales está importado y su huella fue confirmada."), "ok"
            )
        elif state.role is None:
            self.set_status(self.tr("Primero elija quién trabaja con este equipo (paso 1)."))
        else:
            self.set_status(
                self.tr(
                    "Todavía no se ha importado. Si aún no tiene el archivo, omita este "
                    "paso: podrá hacerlo en Sincronizar ▸ Perfil y registro…"
                )
            )


class ExportProfilePage(_ProfileStepPage):
    """HQ exports its profile for the states, and dictates its fingerprint by phone."""

    step = "export_profile"
    exported = Signal()  # HQ's profile file was written

    def __init__(self, window: ShellWindow, parent: QWidget | None = None):
        super().__init__(window, parent)
        self.title.setText(self.tr("Enviar el perfil de oficinas centrales"))
        self.intro.setText(
            self.tr(
                "Guarde el perfil de oficinas centrales (.json) y envíelo a cada coordinación estatal. Cuando "
                "lo importen, dícteles por teléfono la huella que aparece aquí."
            )
        )

    def _job_done(self, name: str) -> None:
        if name == "export_hq":
            self.exported.emit()

    def show_state(self, state: FirstRun) -> None:
        if state.marks.get(self.step) == "done":
            self.set_status(self.tr("Listo: el perfil se guardó. Envíelo a las coordinaciones estatales."), "ok")
        else:
            self.set_status(self.tr("Todavía no se ha guardado el perfil."))


class FacilitiesPage(StepPage):
    """The state's facilities: the CLUES catalogue file, or the demo to get to know the app."""

    step = "facilities"

    def __init__(self, window: ShellWindow, parent: QWidget | None = None):
        super().__init__(window, parent)
        self.title.setText(self.tr("Las unidades de salud"))
        self.intro.setText(
            self.tr(
                "El informe mensual se captura por unidad. Importe el catálogo CLUES de su estado (CSV o "
                "Excel, como lo publica la DGIS); verá una vista previa antes de importar. Para conocer la "
                "aplicación sin datos reales, cargue la demostración (Nayarit, febrero 2023, marcada como DEMO)."
            )
        )
        self.import_button = QPushButton(self.tr("Importar el catálogo CLUES…"))
        self.demo_button = QPushButton(self.tr("Cargar datos de demostración"))
        self.add_choices(self.import_button, self.demo_button)

    def show_state(self, state: FirstRun) -> None:
        if state.facility_count:
            self.set_status(
                self.tr("Listo: hay %1 unidades registradas.").replace("%1", f"{state.facility_count:,}"), "ok"
            )
        else:
            self.set_status(self.tr("Todavía no hay unidades registradas."))
