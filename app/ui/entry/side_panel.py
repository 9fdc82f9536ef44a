"""The panel beside the grid: report status, completeness per section, marks legend."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.models.catalog import Catalog
from app.models.percent import share_percent
from app.models.values import format_number
from app.ui.common import theme
from app.ui.entry.grid_cells import ERROR_BG, NOT_APPLICABLE_BG, REJECTED_BG, WARNING_BG
from app.ui.entry.grid_delegate import COMMENT_COLOR, FOLLOW_UP_COLOR, PROVISIONAL_COLOR
from app.ui.entry.month_index import MonthIndex

#: The badge's colour role per report status (amber while a draft, green once closed).
_STATUS_ROLES: dict[str, theme.Tint] = {"borrador": "warning", "cerrado": "ok"}


def status_badge_style(status: str) -> str:
    """The status badge's style sheet, from the palette (readable on dark themes too)."""
    role = _STATUS_ROLES.get(status)
    if role is None:
        return ""
    return f"QLabel {{ {theme.banner_style(role)} font-weight: bold; }}"


def percent_half_up(part: int, whole: int) -> int:
    """Whole percent as the state slides print them ("66 % (413 de 620)"): half up, but never
    100 while anything is missing (see :func:`app.models.percent.share_percent`)."""
    return share_percent(part, whole)


class SidePanel(QWidget):
    """Report status with Cerrar/Reabrir, month completeness by section, and the legend."""

    close_requested = Signal()
    reopen_requested = Signal()
    state_data_requested = Signal()

    def __init__(self, catalog: Catalog, lang: str = "es", parent: QWidget | None = None):
        super().__init__(parent)
        self._catalog = catalog
        self._lang = lang
        self.setMinimumWidth(270)
        self.setMaximumWidth(330)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self._report_box())
        layout.addWidget(self._completeness_box())
        layout.addWidget(self._legend_box())
        layout.addStretch(1)

    # -- report -----------------------------------------------------------------------
    def _report_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Informe del mes"))
        grid = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Estado del informe:")))
        self.status_badge = QLabel()
        self.status_badge.setObjectName("status_badge")
        row.addWidget(self.status_badge)
        row.addStretch(1)
        grid.addLayout(row)
        buttons = QHBoxLayout()
        self.close_button = QPushButton(self.tr("Cerrar informe…"))
        self.close_button.clicked.connect(self.close_requested)
        self.reopen_button = QPushButton(self.tr("Reabrir informe…"))
        self.reopen_button.clicked.connect(self.reopen_requested)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.reopen_button)
        grid.addLayout(buttons)
        self.status_note = QLabel()
        self.status_note.setWordWrap(True)
        grid.addWidget(self.status_note)
        self.issues_label = QLabel()
        self.issues_label.setWordWrap(True)
        grid.addWidget(self.issues_label)
        self.state_data_button = QPushButton(self.tr("Datos estatales…"))
        self.state_data_button.setToolTip(self.tr("Variables que se capturan para el estado, no por unidad"))
        self.state_data_button.clicked.connect(self.state_data_requested)
        grid.addWidget(self.state_data_button)
        return box

    def set_status(self, status: str | None) -> None:
        """Show the report status; None while no month is loaded."""
        labels = {"borrador": self.tr("Borrador"), "cerrado": self.tr("Cerrado")}
        self.status_badge.setText(labels.get(status or "", status or "—"))
        self.status_badge.setStyleSheet(status_badge_style(status or ""))
        self.close_button.setEnabled(status == "borrador")
        self.reopen_button.setEnabled(status is not None and status != "borrador")
        self.state_data_button.setEnabled(status is not None)
        if status is None:
            self.status_note.setText("")
        elif status == "borrador":
            self.status_note.setText(
                self.tr("Cada cambio se guarda al momento. Cierre el informe cuando esté completo.")
            )
        else:
            self.status_note.setText(
                self.tr("Informe cerrado: la captura es de solo lectura. Reábralo para corregir (queda registrado).")
            )

    # -- completeness -----------------------------------------------------------------
    def _completeness_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Avance de captura del mes"))
        layout = QVBoxLayout(box)
        layout.setSpacing(2)
        self._section_labels: dict[str, QLabel] = {}
        self._section_bars: dict[str, QProgressBar] = {}
        for section in self._catalog.sections:
            label = QLabel()
            label.setWordWrap(True)
            bar = QProgressBar()
            bar.setTextVisible(False)
            bar.setFixedHeight(8)
            bar.setRange(0, 100)
            bar.setAccessibleName(section.label(self._lang))
            layout.addWidget(label)
            layout.addWidget(bar)
            layout.addSpacing(4)
            self._section_labels[section.code] = label
            self._section_bars[section.code] = bar
        return box

    def update_from(self, index: MonthIndex | None) -> None:
        """Refresh completeness and issue counts from the session's index (cheap: totals are kept)."""
        # QProgressBar.setValue repaints at once; with updates off the panel paints once,
        # with the grid, instead of six times before it (issue 12's time to a usable grid).
        self.setUpdatesEnabled(False)
        try:
            self._update_counts(index)
        finally:
            self.setUpdatesEnabled(True)

    def _update_counts(self, index: MonthIndex | None) -> None:
        for section in self._catalog.sections:
            filled, expected = index.section_totals.get(section.code, [0, 0]) if index else (0, 0)
            percent = percent_half_up(filled, expected)
            figures = self.tr("{0} % ({1} de {2})").format(percent, format_number(filled), format_number(expected))
            # Non-breaking spaces: a narrow panel wraps after the section name, never inside the figures.
            self._section_labels[section.code].setText(f"{section.label(self._lang)} {figures.replace(' ', chr(0xA0))}")
            self._section_bars[section.code].setValue(percent)
        if index is None:
            self.issues_label.setText("")
            return
        errors, warnings = index.error_cells, index.warning_cells
        if errors:
            self.issues_label.setText(
                self.tr("<b style='color:{2}'>{0} celdas con error</b> · {1} con aviso").format(
                    format_number(errors), format_number(warnings), theme.color("error").name()
                )
            )
        else:
            self.issues_label.setText(self.tr("Sin errores · {0} celdas con aviso").format(format_number(warnings)))

    # -- legend -----------------------------------------------------------------------
    def _legend_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Marcas de la tabla"))
        grid = QGridLayout(box)
        grid.setVerticalSpacing(3)
        items = [
            (ERROR_BG, self.tr("Error: revise el valor")),
            (WARNING_BG, self.tr("Aviso: falta o salto atípico")),
            (REJECTED_BG, self.tr("No guardado: texto rechazado")),
            (NOT_APPLICABLE_BG, self.tr("No aplica a la unidad")),
            (COMMENT_COLOR, self.tr("Esquina azul: comentario")),
            (PROVISIONAL_COLOR, self.tr("Esquina morada: provisional")),
            (FOLLOW_UP_COLOR, self.tr("Esquina naranja: seguimiento")),
        ]
        for row, (color, text) in enumerate(items):
            grid.addWidget(_swatch(color), row, 0)
            label = QLabel(text)
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            grid.addWidget(label, row, 1)
        return box


def _swatch(color: QColor) -> QFrame:
    frame = QFrame()
    frame.setFixedSize(16, 16)
    frame.setStyleSheet(f"background: {color.name()}; border: 1px solid palette(mid);")
    frame.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return frame
