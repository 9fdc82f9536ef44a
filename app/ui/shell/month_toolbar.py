"""The main window's toolbar: the state and month choosers and the demo badge."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QToolBar, QWidget

from app import RESOURCES_DIR
from app.models.periods import current_period, shift
from app.models.state_list import read_state_names
from app.ui.common import theme
from app.ui.common.month_picker import MonthPicker


class MonthToolbar(QToolBar):
    """Which state and month the window shows; last month by default (the one being reported)."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Mes del informe"))
        self.setObjectName("month_toolbar")
        self.setMovable(False)
        self.addWidget(QLabel(self.tr(" Estado: ")))
        self.state_box = QComboBox()
        self.state_box.setAccessibleName(self.tr("Estado"))
        # Read from the catalog's state list only: the whole catalog loads after the first paint.
        for code, name in read_state_names(RESOURCES_DIR / "catalog"):
            self.state_box.addItem(name, code)
        self.addWidget(self.state_box)
        self.addWidget(QLabel(self.tr("   Mes: ")))
        self.month_picker = MonthPicker(lang)
        self.month_picker.set_period(shift(current_period(), -1))
        self.addWidget(self.month_picker)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        self.demo_badge = QLabel(self.tr("DEMO: datos de ejemplo"))
        self.demo_badge.setStyleSheet(theme.badge_style("error"))  # the dashboard's badge too
        self.demo_badge_action = self.addWidget(self.demo_badge)
        self.demo_badge_action.setVisible(False)
