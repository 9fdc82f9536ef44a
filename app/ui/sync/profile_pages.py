"""The three pages of the profile dialog: create a profile, a state's, headquarters'.

Pages only lay out widgets and show data; :class:`app.ui.sync.profile_dialog.ProfileDialog`
connects their buttons and runs the jobs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Catalog
from app.storage.sync_repo import Registration
from app.ui.sync.fingerprint_dialogs import fingerprint_label, fingerprint_two_lines
from app.ui.sync.sync_tables import RegistrationModel

HINT_STYLE = "color: palette(placeholder-text);"


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def _selectable(text: str = "", mono: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if mono:
        label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return label


class CreatePage(QWidget):
    """No profile yet: Coordinación estatal (state, name, position) or Oficinas centrales."""

    def __init__(self, catalog: Catalog, state_code: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        intro = QLabel(
            self.tr(
                "<b>Este directorio de datos todavía no tiene perfil de sincronización.</b><br>"
                "Elija una sola vez quién trabaja con él: una coordinación estatal, que envía "
                "paquetes firmados, u oficinas centrales, que los recibe y consolida."
            )
        )
        intro.setWordWrap(True)
        self._build_role_choice()
        state_box = self._build_state_box(catalog, state_code)
        hq_row = self._build_hq_row()
        self.create_button = QPushButton(self.tr("Crear perfil"))
        self.create_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(state_box)
        layout.addSpacing(8)
        layout.addWidget(self.hq_radio)
        layout.addLayout(hq_row)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.hq_radio.toggled.connect(self._update)
        self._update()

    def _build_role_choice(self) -> None:
        """The two exclusive role radios, "Coordinación estatal" checked."""
        self.state_radio = QRadioButton(self.tr("Coordinación estatal"))
        self.hq_radio = QRadioButton(self.tr("Oficinas centrales"))
        group = QButtonGroup(self)
        group.addButton(self.state_radio)
        group.addButton(self.hq_radio)
        self.state_radio.setChecked(True)

    def _build_state_box(self, catalog: Catalog, state_code: str | None) -> QVBoxLayout:
        """The state radio with its indented state, name and position fields."""
        self.state = QComboBox()
        for state in sorted(catalog.states.values(), key=lambda s: s.name):
            self.state.addItem(state.name, state.code)
        self.state.setCurrentIndex(max(0, self.state.findData(state_code)))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Nombre completo de quien coordina"))
        self.position = QLineEdit()
        self.position.setPlaceholderText(self.tr("p. ej. Coordinadora estatal"))
        form = QFormLayout()
        form.addRow(self.tr("Estado:"), self.state)
        form.addRow(self.tr("Nombre:"), self.name)
        form.addRow(self.tr("Cargo:"), self.position)
        state_box = QVBoxLayout()
        state_box.addWidget(self.state_radio)
        fields = QWidget()
        fields.setLayout(form)
        fields.setMinimumWidth(520)
        fields.setMaximumWidth(620)  # a name field as wide as the screen reads as a text area
        indented = QHBoxLayout()
        indented.addSpacing(24)
        indented.addWidget(fields, 1)
        indented.addStretch(1)
        state_box.addLayout(indented)
        return state_box

    def _build_hq_row(self) -> QHBoxLayout:
        """The indented hint under the "Oficinas centrales" radio."""
        hq_hint = _hint(
            self.tr(
                "Crea las claves de oficinas centrales en este equipo. Hágalo solo en la "
                "computadora que recibirá los paquetes de los estados."
            )
        )
        hq_row = QHBoxLayout()
        hq_row.addSpacing(24)
        hq_row.addWidget(hq_hint, 1)
        return hq_row

    def role(self) -> str:
        """``"state"`` or ``"hq"``."""
        return "hq" if self.hq_radio.isChecked() else "state"

    def _update(self) -> None:
        for field in (self.state, self.name, self.position):
            field.setEnabled(self.role() == "state")

    def set_busy(self, busy: bool) -> None:
        self.create_button.setEnabled(not busy)


class StatePage(QWidget):
    """A state's profile: HQ's profile and fingerprint, and the coordinator's enrolment."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        form = self._build_identity()
        hq_box = self._build_hq_box()
        enrol_box = self._build_enrol_box()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(hq_box)
        layout.addWidget(enrol_box)
        layout.addStretch(1)

    def _build_identity(self) -> QFormLayout:
        """The heading, and the coordinator and device rows (the form is returned)."""
        self.heading = QLabel()
        self.person = _selectable()
        self.device = _selectable(mono=True)
        form = QFormLayout()
        form.addRow(self.tr("Coordinación:"), self.person)
        form.addRow(self.tr("Dispositivo:"), self.device)
        return form

    def _build_hq_box(self) -> QGroupBox:
        """Headquarters' profile: its status, its fingerprint to compare, and the import button."""
        hq_box = QGroupBox(self.tr("Perfil de oficinas centrales"))
        self.hq_status = QLabel()
        self.hq_status.setWordWrap(True)
        self.hq_fingerprint = fingerprint_label()
        self.hq_fingerprint.setObjectName("hq_fingerprint")
        self.hq_hint = QLabel(self.tr("Compare esta huella por teléfono con oficinas centrales"))
        self.hq_hint.setStyleSheet("font-style: italic;")  # the one step people skip: not greyed out
        self.import_hq_button = QPushButton(self.tr("Importar perfil de oficinas centrales…"))
        hq_layout = QVBoxLayout(hq_box)
        hq_layout.addWidget(self.hq_status)
        hq_layout.addWidget(self.hq_fingerprint)
        hq_layout.addWidget(self.hq_hint)
        hq_layout.addWidget(self.import_hq_button, 0, Qt.AlignmentFlag.AlignLeft)
        return hq_box

    def _build_enrol_box(self) -> QGroupBox:
        """The coordinator's enrolment: why, the two export buttons, and the status and fingerprint."""
        enrol_box = QGroupBox(self.tr("Registro del coordinador"))
        enrol_intro = _hint(
            self.tr(
                "Oficinas centrales debe registrar su certificado antes de aceptar sus "
                "paquetes. Exporte el archivo de registro, envíelo y dicte por teléfono la "
                "huella que aparece aquí."
            )
        )
        self.export_enrol_button = QPushButton(self.tr("Exportar registro del coordinador…"))
        self.export_cert_button = QPushButton(self.tr("Con otro certificado (.cer)…"))
        self.export_cert_button.setToolTip(
            self.tr(
                "Registre, por ejemplo, el certificado de su e.firma del SAT "
                "en lugar de la identidad creada en Coordina."
            )
        )
        enrol_buttons = QHBoxLayout()
        enrol_buttons.addWidget(self.export_enrol_button)
        enrol_buttons.addWidget(self.export_cert_button)
        enrol_buttons.addStretch(1)
        self.enrol_status = QLabel()
        self.enrol_status.setWordWrap(True)
        self.enrol_fingerprint = fingerprint_label()
        self.enrol_fingerprint.setObjectName("enrolment_fingerprint")
        self.enrol_fingerprint.hide()
        enrol_layout = QVBoxLayout(enrol_box)
        enrol_layout.addWidget(enrol_intro)
        enrol_layout.addLayout(enrol_buttons)
        enrol_layout.addWidget(self.enrol_status)
        enrol_layout.addWidget(self.enrol_fingerprint)
        return enrol_box

    def show_data(self, data: dict, state_name: str) -> None:
        """Fill the page from :func:`app.services.sync.sync_status.status`."""
        prof = data["profile"]
        self.heading.setText("<b>" + self.tr("Coordinación estatal · %1").replace("%1", state_name) + "</b>")
        self.person.setText(prof.get("name") or self.tr("(sin nombre)"))
        self.device.setText(prof["device"])
        hq = data["hq"]
        if hq is None:
            self.hq_status.setText(
                self.tr(
                    "Todavía no se ha importado. Pida a oficinas centrales su archivo "
                    "de perfil (.json) e impórtelo aquí."
                )
            )
            self.hq_fingerprint.hide()
            self.hq_hint.hide()
        else:
            self.hq_status.setText(self.tr("Importado: %1. Huella:").replace("%1", hq["name"]))
            self.hq_fingerprint.setText(fingerprint_two_lines(hq["fingerprint"]))
            self.hq_fingerprint.show()
            self.hq_hint.show()

    def show_enrolment(self, path: Path, fingerprint: str) -> None:
        """After exporting: where the file is and the fingerprint to dictate (certificate and state)."""
        self.enrol_status.setText(
            self.tr("Se guardó %1. Huella de su registro (certificado y estado), para dictarla por teléfono:").replace(
                "%1", str(path)
            )
        )
        self.enrol_fingerprint.setText(fingerprint_two_lines(fingerprint))
        self.enrol_fingerprint.show()

    def enrolment_fingerprint(self) -> str:
        """The certificate fingerprint shown, on one line ('' before exporting)."""
        return self.enrol_fingerprint.text().replace("\n", " ") if self.enrol_fingerprint.isVisibleTo(self) else ""

    def set_busy(self, busy: bool) -> None:
        for button in (self.import_hq_button, self.export_enrol_button, self.export_cert_button):
            button.setEnabled(not busy)


class HqPage(QWidget):
    """Headquarters: its fingerprint, its profile file, and the registered coordinators."""

    def __init__(self, catalog: Catalog, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._busy = False
        self.exported_path: Path | None = None
        self.heading = QLabel()
        self.fingerprint = fingerprint_label()
        self.fingerprint.setObjectName("hq_fingerprint")
        hint = _hint(self.tr("Cada coordinación estatal compara esta huella por teléfono al importar el perfil."))
        self.export_button = QPushButton(self.tr("Exportar perfil de oficinas centrales…"))
        own = QGroupBox(self.tr("Perfil de oficinas centrales"))
        own_layout = QVBoxLayout(own)
        own_layout.addWidget(self.heading)
        own_layout.addWidget(self.fingerprint)
        own_layout.addWidget(hint)
        own_layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.model = RegistrationModel(catalog, lang, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Names and fingerprints must show whole (they are read aloud): size to contents; the
        # date column takes what is left.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.register_button = QPushButton(self.tr("Registrar coordinador…"))
        self.replace_button = QPushButton(self.tr("Reemplazar…"))
        self.revoke_button = QPushButton(self.tr("Revocar…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.register_button)
        buttons.addStretch(1)
        buttons.addWidget(self.replace_button)
        buttons.addWidget(self.revoke_button)
        regs = QGroupBox(self.tr("Coordinadores registrados"))
        regs_layout = QVBoxLayout(regs)
        regs_layout.addWidget(self.table, 1)
        regs_layout.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(own)
        layout.addWidget(regs, 1)
        self._update()

    def show_data(self, data: dict) -> None:
        """Fill the page from the dialog's snapshot (status plus registrations)."""
        hq = data["hq"] or {}
        self.heading.setText(
            "<b>" + (hq.get("name") or self.tr("Oficinas centrales")) + "</b> · " + self.tr("huella de sus claves:")
        )
        self.fingerprint.setText(fingerprint_two_lines(hq.get("fingerprint", "")))
        selected = self.selected()
        self.model.set_rows(data["registrations"])
        if selected is not None:  # keep the same registration selected after a reload
            for row in range(self.model.rowCount()):
                found = self.model.registration(row)
                if found is not None and found.fingerprint == selected.fingerprint:
                    self.table.selectRow(row)
        self._update()

    def select(self, row: int) -> None:
        """Select the registration on ``row`` (what a click does)."""
        self.table.selectRow(row)

    def selected(self) -> Registration | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.registration(rows[0].row()) if rows else None

    def _update(self) -> None:
        reg = self.selected()
        active = reg is not None and reg.active and not self._busy
        self.replace_button.setEnabled(active)
        self.revoke_button.setEnabled(active)
        self.register_button.setEnabled(not self._busy)
        self.export_button.setEnabled(not self._busy)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update()
