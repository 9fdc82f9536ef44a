"""Editing one facility of the registry by hand (new or existing).

The CLUES is checked as it is typed (format, and that its prefix belongs to
the chosen state); the level follows the type until the person picks a level
herself. Saving runs in the background through the facilities service; an
error keeps the dialog open with the reason, and nothing is saved.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Catalog
from app.models.facility import Facility, StatusPeriod, normalize_clues
from app.models.messages import InputError
from app.services.facilities import registry as facility_service
from app.ui.common.formatting import error_text, local_date, status_style
from app.ui.common.tasks import TaskManager
from app.ui.common.window_fit import fit_window

#: QDateEdit cannot be empty: its minimum date stands for "sin fecha".
_NO_DATE = QDate(1900, 1, 1)


class FacilityEditorDialog(QDialog):
    """Form for the fields of a Facility; emits ``saved`` with what was stored."""

    saved = Signal(object)  # Facility

    def __init__(
        self,
        tasks: TaskManager,
        catalog: Catalog,
        lang: str = "es",
        facility: Facility | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._tasks = tasks
        self._catalog = catalog
        self._lang = lang
        self._original = facility
        self._level_chosen = False  # once the person picks a level, the type stops setting it
        self.setWindowTitle(self.tr("Editar unidad") if facility else self.tr("Nueva unidad"))
        fit_window(self, "facility_editor", 620, 560)
        self._build_fields(facility)
        self._lay_out()
        self._fill(facility)
        self._connect()
        self.check_clues()
        if facility:
            tasks.run_db(
                lambda ws, _p: facility_service.facility_status_history(ws, facility.clues),
                self._show_history,
                lambda exc: None,
                owner=self,
            )
        else:
            self.history.addItem(self.tr("Se registrará al guardar."))

    def _build_fields(self, facility: Facility | None) -> None:
        catalog, lang = self._catalog, self._lang
        self.clues = QLineEdit()
        self.clues.setMaxLength(11)
        self.clues.setPlaceholderText(self.tr("p. ej. NTIMB000123"))
        self.clues_check = QLabel()
        self.clues_check.setWordWrap(True)
        self.name = QLineEdit()
        self.state = QComboBox()
        for state in sorted(catalog.states.values(), key=lambda s: s.name):
            self.state.addItem(f"{state.name} ({state.code})", state.code)
        self.municipality = QLineEdit()
        self.jurisdiction = QLineEdit()
        self.type = QComboBox()
        for ftype in catalog.facility_types.values():
            self.type.addItem(ftype.label(lang), ftype.code)
        self.level = QComboBox()
        for level_code, level in sorted(catalog.levels.items()):
            self.level.addItem(level.label(lang), level_code)
        self.institution = QComboBox()
        for code, inst in catalog.institutions.items():
            self.institution.addItem(inst.label(lang), code)
        self.status = QComboBox()
        for code, status in catalog.operating_status.items():
            self.status.addItem(status.label(lang), code)
        self.since = QDateEdit()
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd" if lang == "en" else "dd/MM/yyyy")
        self.since.setMinimumDate(_NO_DATE)
        self.since.setSpecialValueText(self.tr("sin fecha"))
        self.demo = QLabel(self.tr("Sí (datos de demostración)") if facility and facility.is_demo else self.tr("No"))
        self.history = QListWidget()
        self.history.setMaximumHeight(96)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(status_style("error"))
        self.error.hide()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("CLUES"), self.clues)
        form.addRow("", self.clues_check)
        form.addRow(self.tr("Nombre"), self.name)
        form.addRow(self.tr("Estado"), self.state)
        form.addRow(self.tr("Municipio"), self.municipality)
        form.addRow(self.tr("Jurisdicción"), self.jurisdiction)
        form.addRow(self.tr("Tipo"), self.type)
        form.addRow(self.tr("Nivel de atención"), self.level)
        form.addRow(self.tr("Institución"), self.institution)
        form.addRow(self.tr("Estatus de operación"), self.status)
        form.addRow(self.tr("Desde"), self.since)
        form.addRow(self.tr("Demostración"), self.demo)
        form.addRow(self.tr("Historial de estatus"), self.history)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Guardar"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancelar"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.clues.textEdited.connect(self._clues_edited)
        self.state.currentIndexChanged.connect(lambda _i: self.check_clues())
        self.type.currentIndexChanged.connect(self._type_changed)
        self.level.activated.connect(lambda _i: setattr(self, "_level_chosen", True))
        self.status.currentIndexChanged.connect(self._status_changed)

    # -- filling --------------------------------------------------------------------
    def _fill(self, fac: Facility | None) -> None:
        if fac is None:
            self.type.setCurrentIndex(max(self.type.findData("CSR"), 0))
            self.level.setCurrentIndex(self.level.findData(self._catalog.facility_types[self.type.currentData()].level))
            self.institution.setCurrentIndex(max(self.institution.findData("IMSSB"), 0))
            self.since.setDate(QDate.currentDate())
            return
        self.clues.setText(fac.clues)
        self.clues.setReadOnly(True)  # the CLUES is the key: a different one is a new facility
        self.clues.setToolTip(self.tr("La CLUES identifica la unidad y no se puede cambiar"))
        self.name.setText(fac.name)
        self.municipality.setText(fac.municipality)
        self.jurisdiction.setText(fac.jurisdiction)
        for combo, value in (
            (self.state, fac.state_code),
            (self.type, fac.type_code),
            (self.level, fac.level),
            (self.institution, fac.institution),
            (self.status, fac.status),
        ):
            found = combo.findData(value)
            if found < 0:  # a code the catalog no longer has: show it rather than lose it
                combo.addItem(str(value), value)
                found = combo.count() - 1
            combo.setCurrentIndex(found)
        ftype = self._catalog.facility_types.get(fac.type_code)
        self._level_chosen = ftype is None or ftype.level != fac.level
        self.since.setDate(QDate.fromString(fac.status_since[:10], "yyyy-MM-dd") if fac.status_since else _NO_DATE)

    def _show_history(self, periods: list[StatusPeriod]) -> None:
        self.history.clear()
        for period in periods:
            status = self._catalog.operating_status.get(period.status)
            label = status.label(self._lang) if status else period.status
            text = (
                self.tr("%1 · desde %2").replace("%1", label).replace("%2", local_date(period.start_date, self._lang))
            )
            if period.end_date:
                text += " " + self.tr("hasta %1").replace("%1", local_date(period.end_date, self._lang))
            else:
                text += " " + self.tr("(actual)")
            self.history.addItem(text)

    # -- live checks ----------------------------------------------------------------
    def _clues_edited(self, text: str) -> None:
        upper = text.upper()
        if upper != text:
            position = self.clues.cursorPosition()
            self.clues.setText(upper)
            self.clues.setCursorPosition(position)
        state = self._catalog.state_for_clues(upper) if len(upper) >= 2 else None
        if state is not None and self._original is None:
            self.state.setCurrentIndex(self.state.findData(state.code))  # the prefix names the state
        self.check_clues()

    def check_clues(self) -> bool:
        """Show whether the CLUES is valid for the chosen state; returns the verdict."""
        try:
            clues = normalize_clues(self.clues.text())
            state = self._catalog.states[self.state.currentData()]
            if state.clues_prefix != clues[:2]:
                raise InputError("state_mismatch", clues=clues, state=state.name)
        except InputError as exc:
            self.clues_check.setText("✖ " + exc.message(self._lang))
            self.clues_check.setStyleSheet(status_style("error"))
            self.save_button.setEnabled(False)
            return False
        self.clues_check.setText("✔ " + self.tr("CLUES válida"))
        self.clues_check.setStyleSheet(status_style("ok"))
        self.save_button.setEnabled(True)
        return True

    def _type_changed(self) -> None:
        ftype = self._catalog.facility_types.get(self.type.currentData())
        if ftype is not None and not self._level_chosen:
            self.level.setCurrentIndex(self.level.findData(ftype.level))

    def _status_changed(self) -> None:
        # A new status starts today unless the person says otherwise.
        if self._original is None or self.status.currentData() != self._original.status:
            self.since.setDate(QDate.currentDate())
        elif self._original.status_since:
            self.since.setDate(QDate.fromString(self._original.status_since[:10], "yyyy-MM-dd"))

    # -- saving ---------------------------------------------------------------------
    def facility(self) -> Facility:
        """The facility as typed (not yet validated)."""
        date = self.since.date()
        since = "" if date == _NO_DATE else dt.date(date.year(), date.month(), date.day()).isoformat()
        base = self._original or Facility("", "", "", "", 0)
        return dataclasses.replace(
            base,
            clues=self.clues.text().strip().upper(),
            name=self.name.text().strip(),
            state_code=self.state.currentData(),
            municipality=self.municipality.text().strip(),
            jurisdiction=self.jurisdiction.text().strip(),
            type_code=self.type.currentData(),
            level=int(self.level.currentData()),
            institution=self.institution.currentData(),
            status=self.status.currentData(),
            status_since=since,
        )

    def save(self) -> None:
        """Store in the background; on error show why and keep the dialog open."""
        if not self.check_clues():
            return
        fac = self.facility()
        is_new = self._original is None
        exists_text = self.tr("Ya existe una unidad con la CLUES %1; búsquela y use «Editar…».").replace(
            "%1", fac.clues
        )

        def job(ws, _progress) -> bool:
            if is_new and facility_service.get_facility(ws, fac.clues) is not None:
                return False  # saving would silently overwrite another facility
            facility_service.save_facility(ws, fac)
            return True

        def done(ok: bool) -> None:
            self._set_busy(False)
            if not ok:
                self._show_error(exists_text)
                return
            self.saved.emit(fac)
            self.accept()

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self._show_error(self.tr("No se guardó: %1").replace("%1", error_text(exc, self._lang)))

        self._set_busy(True)
        self.error.hide()
        self._tasks.run_db(job, done, failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
