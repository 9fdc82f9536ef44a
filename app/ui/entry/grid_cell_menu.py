"""The entry grid's right-click menu: history, comment, provisional and follow-up marks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from app.models.values import DataValue


@dataclass(frozen=True)
class CellMenuSlots:
    """What each item does; the view supplies them (this module knows no view)."""

    history: Callable[[], None]
    comment: Callable[[], object]
    flag: Callable[[str], None]
    open_form: Callable[[], None]
    clipboard: tuple[QAction, ...]


class CellMenu(QObject):
    """Builds the menu of one cell: items that cannot apply are shown disabled, not hidden."""

    def popup(
        self,
        parent: QWidget,
        at: QPoint,
        stored: DataValue | None,
        has_cell: bool,
        editable: bool,
        slots: CellMenuSlots,
    ) -> QMenu:
        """Open the menu at global position ``at``; returns it (it deletes itself on close)."""
        menu = QMenu(parent)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        history = menu.addAction(self.tr("Historial de la celda…"), slots.history)
        history.setEnabled(has_cell)
        comment = menu.addAction(self.tr("Comentario…"), slots.comment)
        comment.setEnabled(editable)
        for flag, text, checked in (
            ("provisional", self.tr("Marcar como provisional"), bool(stored and stored.provisional)),
            ("follow_up", self.tr("Marcar para seguimiento"), bool(stored and stored.follow_up)),
        ):
            action = menu.addAction(text, partial(slots.flag, flag))
            action.setCheckable(True)
            action.setChecked(checked)
            action.setEnabled(editable)
        menu.addSeparator()
        menu.addActions(list(slots.clipboard))
        menu.addSeparator()
        menu.addAction(self.tr("Abrir formulario de la unidad"), slots.open_form)
        menu.popup(at)
        return menu
