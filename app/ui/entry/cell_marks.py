"""A cell's comment and its provisional and follow-up marks, each stored as one undo step."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from app.models.catalog import Column
from app.models.values import UNCHANGED, ValueChange, ValueKey
from app.ui.entry.session import MonthSession

if TYPE_CHECKING:
    from app.ui.entry.comment_dialog import CommentDialog

ShowError = Callable[[BaseException], None]


class CellMarks(QObject):
    """The grid's comment dialog and mark toggles; failures go to ``show_error``, never into Qt."""

    def edit_comment(
        self, parent: QWidget, session: MonthSession, key: ValueKey, unit: str, column: Column, show_error: ShowError
    ) -> CommentDialog:
        """Open the comment dialog of ``key``; the comment is stored on Guardar."""
        from app.ui.entry.comment_dialog import CommentDialog  # loaded on first use, not at start

        stored = session.value(key)
        label = column.label(session.lang)
        dialog = CommentDialog(f"{unit} — {label}", stored.comment if stored else "", parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setObjectName("comment_dialog")

        def save() -> None:
            try:
                session.edit(
                    [ValueChange(key, UNCHANGED, comment=dialog.text())], self.tr("Comentario en {0}").format(label)
                )
            except Exception as exc:  # noqa: BLE001 - shown, never raised into Qt
                show_error(exc)

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def toggle_flag(
        self, session: MonthSession, current: ValueKey, targets: list[ValueKey], flag: str, show_error: ShowError
    ) -> None:
        """Set ``flag`` on ``targets`` to the opposite of the current cell's, as one undo step."""
        stored = session.value(current)
        new_state = not bool(getattr(stored, flag, False)) if stored else True
        changes = [ValueChange(key, UNCHANGED, **{flag: new_state}) for key in targets]  # type: ignore[arg-type]  # flag names a bool field
        label = self.tr("Marcar como provisional") if flag == "provisional" else self.tr("Marcar para seguimiento")
        try:
            session.edit(changes, label)
        except Exception as exc:  # noqa: BLE001 - shown, never raised into Qt
            show_error(exc)
