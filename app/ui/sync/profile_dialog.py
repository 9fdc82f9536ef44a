"""Sincronizar ▸ Perfil y registro: who this data directory is, and whom it trusts.

Three faces, chosen by the data directory's profile:

- no profile yet: choose "Coordinación estatal" (state, name, position) or "Oficinas
  centrales" and create it (HQ's keys are made on the database thread);
- a state: HQ's profile (import it, see its fingerprint to compare by phone) and the
  coordinator's enrolment file (export it, see the certificate's fingerprint);
- HQ: its own fingerprint and profile file, and the registered coordinators (register
  after comparing the fingerprint, revoke with a note, replace).

Issue 11: HQ's keys are created under a passphrase typed twice, and exporting HQ's profile
asks for it once per session (:mod:`.hq_unlock`); HQ's profile is stored only after its
fingerprint is confirmed in :class:`.hq_profile_confirm.HqProfileConfirm`; the enrolment's
fingerprint covers the certificate and the state.

Every read and write runs on the database thread; the dialog reloads itself afterwards.
File pickers only choose a path: the ``*_to``/``*_from``/``register_file`` methods do the
work, so tests call them with real files.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Catalog
from app.services.sync import sync_enrol, sync_profile, sync_status
from app.ui.common import settings
from app.ui.common.job_dialog import JobDialog, status_line
from app.ui.common.tasks import TaskManager
from app.ui.common.window_fit import fit_window
from app.ui.summary.export_dialog import documents_folder
from app.ui.summary.identity_dialog import identity_file_name
from app.ui.sync.fingerprint_dialogs import (
    EnrolmentConfirmer,
    EnrolmentInfo,
    RevokeAsker,
    ask_revoke_note,
    confirm_enrolment,
)
from app.ui.sync.hq_profile_confirm import HqProfileConfirmer, HqProfileInfo, confirm_hq_profile
from app.ui.sync.hq_unlock import HqPassphraseProvider, ask_hq_passphrase, with_hq_keys
from app.ui.sync.profile_pages import CreatePage, HqPage, StatePage
from app.ui.sync.sync_errors import show_sync_error, sync_error_text

FOLDER_KEY = "sync/profile_folder"


def _snapshot(ws) -> dict:
    """Status plus, at HQ, the registrations: everything the dialog shows, in one job."""
    data = sync_status.status(ws)
    role = (data["profile"] or {}).get("role")
    data["registrations"] = sync_enrol.registrations(ws) if role == "hq" else []
    return data


def _enrolment_info(ws, path: Path) -> EnrolmentInfo:
    """Parse and check an enrolment file (nothing is written) for the confirmation."""
    state, cert, doc = sync_enrol.parse_enrolment(ws, path)
    # what the coordinator reads aloud covers the certificate AND the state (issue 11)
    fingerprint = sync_profile.enrolment_fingerprint(sync_profile.certificate_fingerprint(cert), state)
    return EnrolmentInfo(
        state,
        ws.catalog.state(state).name,
        str(doc.get("name", "")),
        str(doc.get("position", "")),
        sync_profile.readable(fingerprint),
    )


def _hq_profile_info(ws, path: Path) -> HqProfileInfo:
    """Parse and check an HQ profile file (nothing is written) for the confirmation."""
    found, rotation, replaces = sync_profile.hq_profile_preview(ws, path)
    return HqProfileInfo(found.keys.name, found.readable, rotation, replaces)


class ProfileDialog(JobDialog):
    """Create the profile; at a state, HQ's profile and the enrolment; at HQ, registrations."""

    loaded = Signal()  # after every (re)load: tests and the screenshots wait on it
    done_job = Signal(str)  # the name of the job that just finished well

    def __init__(
        self, tasks: TaskManager, catalog: Catalog, lang: str, state_code: str | None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._tasks = tasks
        self._catalog = catalog
        self._lang = lang
        self._busy = False
        self.data: dict | None = None
        self.error_box: QMessageBox | None = None
        #: Ask before registering / for the revocation note; tests replace them.
        self.confirm_provider: EnrolmentConfirmer = confirm_enrolment
        self.revoke_provider: RevokeAsker = ask_revoke_note
        self.hq_confirm_provider: HqProfileConfirmer = confirm_hq_profile
        self.passphrase_provider: HqPassphraseProvider = ask_hq_passphrase
        self.setWindowTitle(self.tr("Perfil y registro"))
        fit_window(self, "profile", 1120, 620)

        self.create_page = CreatePage(catalog, state_code, self)
        self.state_page = StatePage(self)
        self.hq_page = HqPage(catalog, lang, self)
        self.stack = QStackedWidget()
        loading = QLabel(self.tr("Leyendo el perfil…"))
        loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for page in (loading, self.create_page, self.state_page, self.hq_page):
            self.stack.addWidget(page)

        self.status = status_line(Qt.TextFormat.PlainText)  # names and paths are shown as typed
        close = self.close_button = QPushButton(self.tr("Cerrar"))  # hidden inside the first-run wizard
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

        self.create_page.create_button.clicked.connect(self.create_profile)
        self.state_page.import_hq_button.clicked.connect(self.choose_hq_profile)
        self.state_page.export_enrol_button.clicked.connect(lambda: self.choose_enrolment_output())
        self.state_page.export_cert_button.clicked.connect(self.choose_certificate)
        self.hq_page.export_button.clicked.connect(self.choose_hq_profile_output)
        self.hq_page.register_button.clicked.connect(self.choose_enrolment)
        self.hq_page.replace_button.clicked.connect(self.choose_replacement)
        self.hq_page.revoke_button.clicked.connect(self.revoke_selected)
        self.reload()

    # -- plumbing --------------------------------------------------------------------
    def _run(self, name: str, fn, on_done, title: str) -> None:
        """Run ``fn(ws)`` on the database thread; errors go to a message box titled ``title``."""
        self._busy = True
        self._update_buttons()

        def done(result) -> None:
            self._busy = False
            on_done(result)
            self._update_buttons()
            self.done_job.emit(name)

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._update_buttons()
            self._failed(title, exc)

        self._tasks.run_db(lambda ws, _progress: fn(ws), self.guard(done), self.guard(failed), owner=self)

    def _failed(self, title: str, exc: BaseException) -> None:
        self._show_status(sync_error_text(exc, self._lang), "error")
        self.error_box = show_sync_error(self, title, exc, self._lang)

    def _update_buttons(self) -> None:
        for page in (self.create_page, self.state_page, self.hq_page):
            page.set_busy(self._busy)

    def busy(self) -> bool:
        return self._busy  # keys or files are being written: let the job finish and report

    def _ask_path(self, save: bool, title: str, name: str = "") -> Path | None:
        folder = Path(settings.last_path(FOLDER_KEY, str(documents_folder())))
        picker = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        path, _ = picker(self, title, str(folder / name), self.tr("JSON (*.json);;Todos los archivos (*)"))
        if not path:
            return None
        settings.save_last_path(FOLDER_KEY, str(Path(path).parent))
        chosen = Path(path)
        return chosen.with_name(chosen.name + ".json") if save and chosen.suffix.lower() != ".json" else chosen

    # -- loading ---------------------------------------------------------------------
    def reload(self) -> None:
        """Read the profile, HQ's profile and registrations again, then show the right page."""
        self._tasks.run_db(
            lambda ws, _p: _snapshot(ws),
            self.guard(self._loaded),
            self.guard(lambda exc: self._failed(self.tr("Perfil y registro"), exc)),
            owner=self,
        )

    def _loaded(self, data: dict) -> None:
        self.data = data
        prof = data["profile"]
        if prof is None:
            self.stack.setCurrentWidget(self.create_page)
        elif prof["role"] == "hq":
            self.hq_page.show_data(data)
            self.stack.setCurrentWidget(self.hq_page)
        else:
            self.state_page.show_data(data, self._catalog.state(prof["state"]).name)
            self.stack.setCurrentWidget(self.state_page)
        self._update_buttons()
        self.loaded.emit()

    # -- creating the profile ----------------------------------------------------------
    def create_profile(self) -> None:
        """Give this data directory its profile with the choices on the first page."""
        if self._busy:
            return
        page = self.create_page
        role, state = page.role(), page.state.currentData()
        name, position = page.name.text().strip(), page.position.text().strip()
        if role == "state" and not name:
            self._show_status(self.tr("Escriba el nombre de la persona que coordina el estado."), "error")
            return
        passphrase = None
        if role == "hq":  # HQ's private keys are stored only under a passphrase
            passphrase = self.passphrase_provider(self, True)
            if passphrase is None:
                return
        self._show_status(self.tr("Creando el perfil…"))

        def made(_profile) -> None:
            self._show_status(self.tr("Se creó el perfil de este directorio de datos."), "ok")
            self.reload()

        self._run(
            "create",
            lambda ws: sync_profile.init_profile(
                ws, role, state if role == "state" else None, name, position, passphrase=passphrase
            ),
            made,
            self.tr("Crear perfil"),
        )

    # -- state side --------------------------------------------------------------------
    def choose_hq_profile(self) -> None:
        path = self._ask_path(False, self.tr("Perfil de oficinas centrales"))
        if path is not None:
            self.import_hq_profile_from(path)

    def import_hq_profile_from(self, path: Path) -> None:
        """Read HQ's profile, show its fingerprint to compare by phone, then store it."""
        title = self.tr("Importar perfil de oficinas centrales")

        def parsed(info: HqProfileInfo) -> None:
            if not self.hq_confirm_provider(self, info):
                self._show_status(self.tr("No se importó: la huella no se confirmó."))
                return

            def imported(result) -> None:
                self._show_status(self.tr("Se importó el perfil de oficinas centrales con la huella confirmada."), "ok")
                self.reload()

            self._run("import_hq", lambda ws: sync_profile.import_hq_profile(ws, path, confirmed=True), imported, title)

        self._run("parse_hq", lambda ws: _hq_profile_info(ws, path), parsed, title)

    def choose_certificate(self) -> None:
        """Enrol a certificate file (a SAT e.firma .cer) instead of the identity made here."""
        start = settings.last_path("signing/cer", str(documents_folder()))
        cert, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Certificado del coordinador"),
            start,
            self.tr("Certificado (*.cer *.crt *.pem);;Todos los archivos (*)"),
        )
        if cert:
            self.choose_enrolment_output(Path(cert))

    def choose_enrolment_output(self, cert_path: Path | None = None) -> None:
        prof = (self.data or {}).get("profile") or {}
        state = self._catalog.states.get(prof.get("state") or "")
        name = identity_file_name(prof.get("name", ""), state.name if state else "")
        path = self._ask_path(
            True,
            self.tr("Guardar registro del coordinador"),
            name.replace("firma-", "registro-").replace(".p12", ".json"),
        )
        if path is not None:
            self.export_enrolment_to(path, cert_path)

    def export_enrolment_to(self, path: Path, cert_path: Path | None = None) -> None:
        """Write the coordinator's enrolment file and show the certificate's fingerprint.

        The certificate is the identity created in this data directory, or ``cert_path``.
        """

        def written(fingerprint: str) -> None:
            self.state_page.show_enrolment(path, fingerprint)
            self._show_status(self.tr("Se guardó %1. Envíelo a oficinas centrales.").replace("%1", path.name), "ok")

        self._run(
            "export_enrolment",
            lambda ws: sync_enrol.export_enrolment(ws, path, cert_path),
            written,
            self.tr("Exportar registro del coordinador"),
        )

    # -- HQ side -----------------------------------------------------------------------
    def choose_hq_profile_output(self) -> None:
        path = self._ask_path(True, self.tr("Guardar perfil de oficinas centrales"), "perfil-oficinas-centrales.json")
        if path is not None:
            self.export_hq_profile_to(path)

    def export_hq_profile_to(self, path: Path) -> None:
        """Write HQ's public profile for the states to import."""

        def written(fingerprint: str) -> None:
            self._show_status(
                self.tr(
                    "Se guardó %1. Envíelo a las coordinaciones estatales y dícteles la huella por teléfono."
                ).replace("%1", path.name),
                "ok",
            )
            self.hq_page.exported_path = path

        with_hq_keys(
            self,
            self._tasks,
            lambda: self._run(
                "export_hq",
                lambda ws: sync_profile.export_hq_profile(ws, path),
                written,
                self.tr("Exportar perfil de oficinas centrales"),
            ),
            self._lang,
            self.passphrase_provider,
        )

    def choose_enrolment(self) -> None:
        path = self._ask_path(False, self.tr("Archivo de registro del coordinador"))
        if path is not None:
            self.register_file(path)

    def choose_replacement(self) -> None:
        reg = self.hq_page.selected()
        if reg is None or not reg.active:
            return
        path = self._ask_path(False, self.tr("Registro del coordinador que lo reemplaza"))
        if path is not None:
            self.register_file(path, replace=reg.fingerprint)

    def register_file(self, path: Path, replace: str | None = None) -> None:
        """Read the enrolment, ask to compare its fingerprint by phone, then register it."""
        replacing = next((r for r in (self.data or {}).get("registrations", []) if r.fingerprint == replace), None)
        title = self.tr("Registrar coordinador")

        def parsed(info: EnrolmentInfo) -> None:
            if not self.confirm_provider(self, info, replacing):
                self._show_status(self.tr("No se registró: la huella no se confirmó."))
                return

            def registered(reg) -> None:
                self._show_status(
                    self.tr("Se registró a %1 (%2).").replace("%1", reg.name).replace("%2", info.state_name), "ok"
                )
                self.reload()

            self._run(
                "register", lambda ws: sync_enrol.import_enrolment(ws, path, replace, confirmed=True), registered, title
            )

        self._run("parse", lambda ws: _enrolment_info(ws, path), parsed, title)

    def revoke_selected(self) -> None:
        """Ask why, then revoke the selected registration (it stays listed as revocado)."""
        reg = self.hq_page.selected()
        if reg is None or not reg.active or self._busy:
            return
        state = self._catalog.states.get(reg.state_code)
        note = self.revoke_provider(self, reg, state.name if state else reg.state_code)
        if note is None:
            return

        def revoked(_reg) -> None:
            self._show_status(self.tr("Se revocó el registro de %1.").replace("%1", reg.name), "ok")
            self.reload()

        self._run(
            "revoke", lambda ws: sync_enrol.revoke(ws, reg.fingerprint, note), revoked, self.tr("Revocar registro")
        )
