"""A small dialog to write or change the comment of a cell."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class CommentDialog(QDialog):
    """Edits one comment; :meth:`text` is read after ``accepted``."""

    def __init__(self, where: str, comment: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Comentario de la celda"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        label = QLabel(where)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.editor = QPlainTextEdit(comment)
        self.editor.setPlaceholderText(self.tr("Por ejemplo: Según el SIS, revisión pendiente"))
        self.editor.setTabChangesFocus(True)
        layout.addWidget(self.editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Guardar"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancelar"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.editor.setFocus()

    def text(self) -> str:
        return self.editor.toPlainText().strip()
