"""Outside text in Qt is shown as text, never interpreted (issue 11 hole 7).

Comments, names, ``updated_by`` and error details come from packages and files other people
made. Qt guesses: a QLabel, a QMessageBox or a tooltip whose text *looks* like HTML
(``<b>``, ``<img src=…>``, ``<a href=…>``) is rendered as rich text. Labels showing such
text are fixed to plain text; tooltips (which have no format switch) get the text escaped
inside an explicit rich-text wrapper, so it shows literally.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain(*labels: QLabel) -> None:
    """Show these labels' text literally, whatever it holds."""
    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_tooltip(text: object) -> str | None:
    """A tooltip that shows ``text`` literally (None stays None: no tooltip)."""
    if text is None:
        return None
    return "<qt>" + html.escape(str(text)).replace("\n", "<br>") + "</qt>"
