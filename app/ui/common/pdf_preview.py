"""A picture of a PDF's first page, drawn with Qt PDF (PDFium) on the UI thread.

The PDF bytes are made off the UI thread by the caller; rendering one page of a small
summary takes a few milliseconds, so it happens here. The page is rendered once at a
generous size and scaled to the widget, keeping its aspect ratio (16:9 slide, A4 page).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QSizePolicy, QWidget

#: Longest side of the rendered page, in pixels: sharp on a large dialog, still quick.
RENDER_SIDE = 1400


def render_first_page(data: bytes, longest_side: int = RENDER_SIDE) -> QImage:
    """Page 1 of ``data`` as an image whose longest side is ``longest_side`` pixels.

    Returns a null QImage when the bytes are not a readable PDF.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)  # synchronous for an in-memory buffer
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        return QImage()
    points = document.pagePointSize(0)
    if points.width() <= 0 or points.height() <= 0:
        return QImage()
    scale = longest_side / max(points.width(), points.height())
    size = QSize(round(points.width() * scale), round(points.height() * scale))
    image = document.render(0, size)
    document.close()
    return image


class PdfPreview(QWidget):
    """Shows the first page of a PDF scaled to fit, with a soft frame, or a short message."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._image = QImage()
        self._pixmap: QPixmap | None = None
        self._message = ""
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def image(self) -> QImage:
        """The rendered page at full size (null when nothing is shown)."""
        return self._image

    def set_pdf(self, data: bytes) -> bool:
        """Render and show page 1 of ``data``; False (and a message) when it cannot be read."""
        image = render_first_page(data)
        if image.isNull():
            self.set_message(self.tr("No se pudo mostrar la vista previa."))
            return False
        self._image = image
        self._pixmap = QPixmap.fromImage(image)
        self._message = ""
        self.update()
        return True

    def set_message(self, text: str) -> None:
        """Replace the page with a line of text ("Preparando vista previa…")."""
        self._image = QImage()
        self._pixmap = None
        self._message = text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        if self._pixmap is None:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._message)
            return
        margin = 8
        area = self.rect().adjusted(margin, margin, -margin, -margin)
        target = self._pixmap.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = area.x() + (area.width() - target.width()) // 2
        y = area.y()  # top-aligned, right under the preview's caption
        # A thin shadow in the palette's shadow colour so the page stands out from the window.
        shadow = QColor(self.palette().color(QPalette.ColorRole.Shadow))
        shadow.setAlpha(60)
        painter.fillRect(x + 2, y + 2, target.width(), target.height(), shadow)
        # PDFium leaves unpainted areas transparent: put the page on paper. The page is the
        # document, not the interface: it is white paper on every theme, as it will print.
        painter.fillRect(x, y, target.width(), target.height(), Qt.GlobalColor.white)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(x, y, target.width(), target.height(), self._pixmap)
