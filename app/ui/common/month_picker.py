"""Choosing the month to enter: a month list and a year, never in the future."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from app.models.periods import MONTHS_EN, MONTHS_ES, current_period

FIRST_YEAR = 2019  # before the IMSS-BIENESTAR transition there is nothing to enter


class MonthPicker(QWidget):
    """A ``YYYYMM`` period chooser; months after the current one cannot be picked."""

    period_changed = Signal(str)

    def __init__(self, lang: str = "es", parent: QWidget | None = None, today_period: str | None = None):
        super().__init__(parent)
        self._today = today_period or current_period()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.month_box = QComboBox()
        self.month_box.addItems([m.capitalize() for m in (MONTHS_EN if lang == "en" else MONTHS_ES)])
        self.month_box.setAccessibleName(self.tr("Mes"))
        self.year_box = QSpinBox()
        self.year_box.setRange(FIRST_YEAR, int(self._today[:4]))
        self.year_box.setAccessibleName(self.tr("Año"))
        layout.addWidget(self.month_box)
        layout.addWidget(self.year_box)
        self._emitting = True
        self.month_box.currentIndexChanged.connect(self._changed)
        self.year_box.valueChanged.connect(self._year_changed)

    def period(self) -> str:
        return f"{self.year_box.value():04d}{self.month_box.currentIndex() + 1:02d}"

    def set_period(self, period: str) -> None:
        """Show ``period`` (clamped to the current month) without emitting period_changed."""
        period = min(period, self._today)
        self._emitting = False
        try:
            self.year_box.setValue(max(FIRST_YEAR, int(period[:4])))
            self._limit_months()
            self.month_box.setCurrentIndex(int(period[4:]) - 1)
        finally:
            self._emitting = True

    def _year_changed(self) -> None:
        was, self._emitting = self._emitting, False  # one signal for the year, not two
        try:
            self._limit_months()
        finally:
            self._emitting = was
        self._changed()

    def _limit_months(self) -> None:
        """Disable the months after the current one in the current year."""
        model = self.month_box.model()
        assert isinstance(model, QStandardItemModel)
        last = int(self._today[4:]) if self.year_box.value() == int(self._today[:4]) else 12
        for month in range(12):
            model.item(month).setEnabled(month < last)
        if self.month_box.currentIndex() >= last:
            self.month_box.setCurrentIndex(last - 1)

    def _changed(self) -> None:
        if self._emitting:
            self.period_changed.emit(self.period())
