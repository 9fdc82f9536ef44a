"""A folder the person types or picks: a line edit and an "Elegir…" button.

Dialogs that write files into a folder (packages, PDFs, answers to the states) share it, so
a typed "~/USB" and a picked folder behave the same everywhere.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from app.ui.summary.export_dialog import documents_folder


class FolderField(QWidget):
    """``edit`` holds the path; ``button`` opens the folder picker titled ``title``."""

    def __init__(self, title: str, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._title = title
        self.edit = QLineEdit(text)
        self.button = QPushButton(self.tr("Elegir…"))
        self.button.setAutoDefault(False)  # Enter in a dialog never opens the picker
        self.button.clicked.connect(self.choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)

    def path(self) -> Path | None:
        """The folder typed or picked (``~`` expanded), or None when empty."""
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, path: Path | str) -> None:
        """Show ``path`` (what the picker does; tests call it)."""
        self.edit.setText(str(path))

    def choose(self) -> None:
        """Open the folder picker at the current folder (or Documents)."""
        picked = QFileDialog.getExistingDirectory(self, self._title, str(self.path() or documents_folder()))
        if picked:
            self.set_path(Path(picked))
