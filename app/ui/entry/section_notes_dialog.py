"""Informe ▸ Notas y marcas del resumen: section notes of the month, provisional registry counts.

Section notes ("(Programado para agosto)") belong to the state's month and are printed on
the summary under their section's title; they are locked while the report is closed.
Provisional marks belong to the state's registry: the count prints with "**" and its
footnote ("En proceso de definición con el Gobierno del estado") in every month's summary.
Everything is checked by the services (plain text, length) and saved in one go.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Catalog
from app.models.periods import period_label
from app.models.report_details import DEFAULT_PROVISIONAL_NOTE, NOTE_MAX, NOTE_SECTIONS, PROVISIONAL_NOTE_MAX
from app.services.facilities import registry_marks
from app.services.summary import reports
from app.ui.common.formatting import error_text
from app.ui.common.job_dialog import JobDialog, status_line
from app.ui.common.tasks import TaskManager
from app.ui.common.window_fit import fit_window


class SectionNotesDialog(JobDialog):
    """Edit the month's section notes and the state's provisional registry counts."""

    saved = Signal()
    loaded = Signal()

    def __init__(
        self,
        tasks: TaskManager,
        catalog: Catalog,
        lang: str,
        state_code: str,
        period: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._tasks, self._lang = tasks, lang
        self._state = catalog.state(state_code)
        self._period = period
        self.setWindowTitle(self.tr("Notas y marcas del resumen"))
        heading = QLabel(
            self.tr("<b>%1</b> · %2").replace("%1", self._state.name).replace("%2", period_label(period, lang))
        )
        notes_box = self._build_notes(catalog)
        marks_box = self._build_marks(catalog)
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(notes_box)
        layout.addWidget(marks_box)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)
        fit_window(self, "section_notes", 760, 480)

        code = self._state.code
        tasks.run_db(
            lambda ws, _p: (
                reports.section_notes(ws, code, period),
                reports.report_status(ws, code, period),
                registry_marks.provisional_counts(ws, code),
            ),
            self.guard(self._loaded),
            self.guard(self._failed),
            owner=self,
        )

    def _build_notes(self, catalog: Catalog) -> QGroupBox:
        """One line per section that may carry a note under its title in the PDF."""
        lang, period = self._lang, self._period
        labels = {s.code: s.label(lang) for s in catalog.sections}
        self.notes: dict[str, QLineEdit] = {}
        notes_form = QFormLayout()
        for code in NOTE_SECTIONS:
            edit = QLineEdit()
            edit.setMaxLength(NOTE_MAX)
            edit.setPlaceholderText(self.tr("Ej.: (Programado para agosto)"))
            edit.setAccessibleName(labels.get(code, code))
            self.notes[code] = edit
            notes_form.addRow(labels.get(code, code) + ":", edit)
        notes_box = QGroupBox(
            self.tr("Notas por sección de %1 (se imprimen bajo el título de la sección; máximo %2 caracteres)")
            .replace("%1", period_label(period, lang))
            .replace("%2", str(NOTE_MAX))
        )
        notes_box.setLayout(notes_form)
        return notes_box

    def _build_marks(self, catalog: Catalog) -> QGroupBox:
        """A check and a footnote per registry count still being defined (all months)."""
        lang = self._lang
        self.marks: dict[str, tuple[QCheckBox, QLineEdit]] = {}
        marks_form = QFormLayout()
        for code in registry_marks.registry_counts(catalog):
            check = QCheckBox(catalog.indicators[code].label(lang) + " **")
            note = QLineEdit()
            note.setMaxLength(PROVISIONAL_NOTE_MAX)
            note.setPlaceholderText(DEFAULT_PROVISIONAL_NOTE["es"])
            note.setEnabled(False)
            note.setAccessibleName(self.tr("Nota al pie de %1").replace("%1", check.text()))
            check.toggled.connect(note.setEnabled)
            self.marks[code] = (check, note)
            marks_form.addRow(check, note)
        marks_box = QGroupBox(self.tr("Conteos del padrón en proceso de definición (todos los meses)"))
        marks_box.setLayout(marks_form)
        return marks_box

    def _build_buttons(self) -> QHBoxLayout:
        self.status = status_line()
        self.save_button = QPushButton(self.tr("Guardar"))
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)  # until the stored notes arrive
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Cerrar"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        return buttons

    def _loaded(self, found: tuple[dict[str, str], str, dict[str, str]]) -> None:
        notes, status, marks = found
        for code, edit in self.notes.items():
            edit.setText(notes.get(code, ""))
            edit.setReadOnly(status != "borrador")
        for code, (check, note) in self.marks.items():
            check.setChecked(code in marks)
            note.setText(marks.get(code, ""))
        self._closed = status != "borrador"
        if self._closed:
            self._show_status(
                self.tr("El informe está cerrado: las notas no se pueden cambiar (reábralo para editarlas).")
            )
        self.save_button.setEnabled(True)
        self.loaded.emit()

    def save(self) -> None:
        """Check and store everything in the background; a refusal names its reason."""
        notes = None if getattr(self, "_closed", False) else {c: e.text() for c, e in self.notes.items()}
        marks = {code: (check.isChecked(), note.text()) for code, (check, note) in self.marks.items()}
        code, period = self._state.code, self._period

        def job(ws, _progress) -> None:
            if notes is not None:
                reports.save_section_notes(ws, code, period, notes)
            for figure, (on, text) in marks.items():
                registry_marks.set_count_provisional(ws, code, figure, on, text)

        self.save_button.setEnabled(False)
        self._show_status(self.tr("Guardando…"))
        self._tasks.run_db(job, self.guard(self._saved), self.guard(self._failed), owner=self)

    def _saved(self, _result: object) -> None:
        self.save_button.setEnabled(True)
        self._show_status(self.tr("Guardado. Se imprimirá en el próximo resumen en PDF."), "ok")
        self.saved.emit()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._show_status(self.tr("No se guardó: %1").replace("%1", error_text(exc, self._lang)), "error")
        self.loaded.emit()
