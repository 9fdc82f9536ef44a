"""The user guide, shown offline in a QTextBrowser (F1 and Ayuda → Guía de uso).

The guide is one HTML file per language (``resources/help/es/index.html``,
``resources/help/en/index.html``) with the same section anchors in both; screenshots live
in ``resources/help/img/``. F1 opens the section of the window or dialog in front: a widget
names its section with a ``help_topic`` attribute, or its class is listed in
:data:`TOPICS_BY_CLASS` (so dialogs need no edit), else the nearest parent's section is used.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QTextBrowser, QVBoxLayout, QWidget

from app import RESOURCES_DIR

HELP_DIR = RESOURCES_DIR / "help"

#: The guide's sections, in order; each is an ``id`` in both languages' index.html.
TOPICS = ("install", "first-run", "monthly-entry", "closing-signing", "sending", "hq-import", "hq-conflicts")

#: Section of each top-level window or dialog, by class name. A widget's own
#: ``help_topic`` attribute wins over this table.
TOPICS_BY_CLASS: dict[str, str] = {
    "MainWindow": "monthly-entry",
    "FirstRunWizard": "first-run",
    "ProfileDialog": "first-run",
    "IdentityDialog": "first-run",
    "FacilitiesDialog": "first-run",
    "FacilityForm": "first-run",
    "ImportDialog": "monthly-entry",
    "ImportPreviewDialog": "monthly-entry",
    "HistoryDialog": "monthly-entry",
    "CommentDialog": "monthly-entry",
    "SectionNotesDialog": "closing-signing",
    "ExportDialog": "closing-signing",
    "BatchExportDialog": "closing-signing",
    "VerifyDialog": "closing-signing",
    "OutboxDialog": "sending",
    "ConsolidationWindow": "hq-import",
    "DashboardWindow": "hq-import",
    "RespondDialog": "hq-import",
    "ConflictsDialog": "hq-conflicts",
}

DEFAULT_TOPIC = "monthly-entry"


def guide_path(lang: str) -> str:
    """The guide's index.html for ``lang`` (Spanish when there is none in that language)."""
    path = HELP_DIR / lang / "index.html"
    return str(path if path.exists() else HELP_DIR / "es" / "index.html")


def topic_for(widget: QWidget | None) -> str:
    """The guide section for ``widget``: its own, its class's, or its nearest parent's."""
    while widget is not None:
        topic = getattr(widget, "help_topic", None)
        if isinstance(topic, str) and topic:
            return topic
        for cls in type(widget).__mro__:
            if cls.__name__ in TOPICS_BY_CLASS:
                return TOPICS_BY_CLASS[cls.__name__]
        widget = widget.parentWidget()
    return DEFAULT_TOPIC


class HelpWindow(QWidget):
    """A plain, offline browser on the guide; links between sections and images work."""

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(self.tr("Guía de uso de Coordina"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(HELP_DIR / lang), str(HELP_DIR)])
        self.browser.setSource(QUrl.fromLocalFile(guide_path(lang)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.resize(820, 640)

    def show_topic(self, topic: str) -> None:
        """Open the guide at section ``topic`` (its anchor) and bring the window forward."""
        self.browser.setSource(QUrl.fromLocalFile(guide_path(self.lang)).resolved(QUrl(f"#{topic}")))
        self.browser.scrollToAnchor(topic)
        self.show()
        self.raise_()
        self.activateWindow()


_open: dict[str, HelpWindow] = {}


def open_help(lang: str, widget: QWidget | None = None) -> HelpWindow:
    """Show the guide at the section of ``widget`` (default: the active window).

    One guide window per language is reused. Over a modal dialog it opens as that dialog's
    child window, since a modal dialog blocks input to every other window.
    """
    app = cast("QApplication | None", QApplication.instance())  # a GUI process: a QApplication
    modal = app.activeModalWidget() if app else None
    widget = widget or modal or (app.activeWindow() if app else None)
    topic = topic_for(widget)
    window = _open.get(lang)
    if window is not None and modal is not None and window.parentWidget() is not modal:
        window.close()
        window = None
    if window is None:
        window = HelpWindow(lang, modal)
        window.setWindowFlag(Qt.WindowType.Window, True)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.destroyed.connect(lambda _obj=None, key=lang: _open.pop(key, None))
        _open[lang] = window
    if isinstance(widget, HelpWindow):  # F1 inside the guide: stay where the reader is
        window.show()
    else:
        window.show_topic(topic)
    return window
