"""The facility form's fixed frame: the header's labels and notes, and the footer's buttons.

Kept apart from :mod:`app.ui.facilities.facility_form` (the dialog: navigation, the page, edits)
because these widgets are the same for every org unit; the dialog fills and connects them. The
strings keep the dialog's translation context through literal
``QCoreApplication.translate("FacilityFormDialog", …)`` calls, so pyside6-lupdate still files them
under the dialog.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton

from app.ui.common import theme
from app.ui.common.formatting import status_style


@dataclass(frozen=True)
class FormHeader:
    """Name, details, month and total at the top, and the lock and hidden-field notes below them."""

    name_label: QLabel
    details_label: QLabel
    month_label: QLabel
    total_label: QLabel
    lock_banner: QLabel
    hidden_note: QLabel
    layout: QGridLayout


@dataclass(frozen=True)
class FormFooter:
    """The status line, and previous/next, undo/redo and close (none of them a default button)."""

    status: QLabel
    prev_button: QPushButton
    next_button: QPushButton
    position_label: QLabel
    undo_button: QPushButton
    redo_button: QPushButton
    close_button: QPushButton
    layout: QHBoxLayout


def _wrapping_label(style: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    return label


def build_header() -> FormHeader:
    """The header's labels (empty until a page is shown) laid out in a two-column grid."""
    name_label = _wrapping_label()
    font = name_label.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    name_label.setFont(font)
    details_label = _wrapping_label()
    details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    month_label = QLabel()
    month_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    total_label = QLabel()
    total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
    layout = QGridLayout()
    layout.addWidget(name_label, 0, 0)
    layout.addWidget(month_label, 0, 1)
    layout.addWidget(details_label, 1, 0)
    layout.addWidget(total_label, 1, 1)
    layout.setColumnStretch(0, 1)
    return FormHeader(
        name_label=name_label,
        details_label=details_label,
        month_label=month_label,
        total_label=total_label,
        lock_banner=_wrapping_label(status_style("warning")),
        hidden_note=_wrapping_label(theme.text_style("muted")),
        layout=layout,
    )


def build_footer() -> FormFooter:
    """The footer's widgets in a row: previous, position, next, then undo, redo and close on the right."""
    footer = FormFooter(
        status=_wrapping_label(),
        prev_button=QPushButton(QCoreApplication.translate("FacilityFormDialog", "◀ Anterior (RePág)")),
        next_button=QPushButton(QCoreApplication.translate("FacilityFormDialog", "Siguiente (AvPág) ▶")),
        position_label=QLabel(),
        undo_button=QPushButton(QCoreApplication.translate("FacilityFormDialog", "Deshacer")),
        redo_button=QPushButton(QCoreApplication.translate("FacilityFormDialog", "Rehacer")),
        close_button=QPushButton(QCoreApplication.translate("FacilityFormDialog", "Cerrar")),
        layout=QHBoxLayout(),
    )
    buttons = (footer.prev_button, footer.next_button, footer.undo_button, footer.redo_button, footer.close_button)
    for button in buttons:
        # Enter confirms a value and moves on; it must never press a button.
        button.setAutoDefault(False)
        button.setDefault(False)
    footer.layout.addWidget(footer.prev_button)
    footer.layout.addWidget(footer.position_label)
    footer.layout.addWidget(footer.next_button)
    footer.layout.addStretch(1)
    for button in buttons[2:]:
        footer.layout.addWidget(button)
    return footer
