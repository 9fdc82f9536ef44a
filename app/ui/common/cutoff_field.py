"""The "Fecha de corte" field of the export dialog: an optional day inside the report's month.

Unchecked, the summary covers the whole month (or the date the report was closed with).
Checked, the date picker only offers days of the month up to today, so a date outside the
month or in the future cannot be chosen; the service checks it again anyway. A closed report
that was closed with a cut-off date shows it, locked (reopen the report to change it).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from app.models.periods import period_end
from app.services.summary import reports
from app.ui.common.tasks import TaskManager


class CutoffField(QWidget):
    """Check box plus date picker; :meth:`value` is "YYYY-MM-DD" or None."""

    changed = Signal()

    def __init__(
        self,
        tasks: TaskManager | None,
        state_code: str,
        period: str,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(parent)
        self._period = period
        first = dt.date(int(period[:4]), int(period[4:]), 1)
        last = min(period_end(period), today or dt.date.today())
        self.check = QCheckBox(self.tr("Hasta el día"))
        self.check.setToolTip(self.tr("Las notas al pie dirán «al 23 de febrero» en lugar del último día del mes."))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setDateRange(
            QDate(first.year, first.month, first.day),
            QDate(last.year, last.month, max(last.day, 1))
            if last >= first
            else QDate(first.year, first.month, first.day),
        )
        self.date.setDate(self.date.maximumDate())
        self.date.setEnabled(False)
        self.date.setAccessibleName(self.tr("Fecha de corte"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.date, 1)
        self.check.toggled.connect(self._toggled)
        self.date.dateChanged.connect(lambda _d: self.changed.emit() if self.check.isChecked() else None)
        if tasks is not None:  # the date stored with the report, if any
            tasks.run_db(
                lambda ws, _p: (
                    reports.report_cutoff(ws, state_code, period),
                    reports.report_status(ws, state_code, period),
                ),
                self._stored_loaded,
                lambda _exc: None,
                owner=self,
            )

    def value(self) -> str | None:
        """The chosen cut-off date, or None for the whole month."""
        if not self.check.isChecked():
            return None
        return self.date.date().toString("yyyy-MM-dd")

    def set_value(self, cutoff: str | None) -> None:
        """Show ``cutoff`` ("YYYY-MM-DD"; None unchecks)."""
        if cutoff:
            self.date.setDate(QDate.fromString(cutoff, "yyyy-MM-dd"))
        self.check.setChecked(bool(cutoff))

    def _toggled(self, checked: bool) -> None:
        self.date.setEnabled(checked and self.check.isEnabled())
        self.changed.emit()

    def _stored_loaded(self, found: tuple[str | None, str]) -> None:
        cutoff, status = found
        if not cutoff:
            return
        self.blockSignals(True)  # the preview already prints the stored date
        self.set_value(cutoff)
        self.blockSignals(False)
        if status != "borrador":  # closed with this date: locked until reopened
            self.check.setEnabled(False)
            self.date.setEnabled(False)
            self.setToolTip(self.tr("El informe se cerró con esta fecha de corte; reábralo para cambiarla."))
