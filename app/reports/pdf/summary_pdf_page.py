"""What every page of the summary PDF carries, and the room left for the signature.

- the foot: yearly banner (none by default), generation time, data fingerprint, "Página N de M";
- demo data: a diagonal "DATOS DE DEMOSTRACIÓN" watermark, drawn under the content so the
  figures stay readable, and the document-info key ``/CoordinaDemo`` = "1" that ``verify``
  reads back.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfdoc import PDFDate, PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from app.models.messages import text
from app.models.summary import StateSummary
from app.models.summary_layout import no_data, words
from app.reports.pdf.pdf_charts import BAR_COLOR
from app.reports.pdf.pdf_fonts import BOLD, REGULAR

DEMO_INFO_KEY = "CoordinaDemo"
WATERMARK_COLOR = colors.HexColor("#9F2241")
WATERMARK_ALPHA = 0.10


class _DemoInfo(PDFInfo):
    """The document information dictionary plus ``/CoordinaDemo (1)``.

    ReportLab writes a fixed set of keys, so the one extra key is added here.
    """

    def format(self, document):
        entries = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "CreationDate": PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter),
            "Producer": PDFString(self.producer),
            "Creator": PDFString(self.creator),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            "Trapped": PDFName(self.trapped),
            DEMO_INFO_KEY: PDFString("1"),
        }
        entries["ModDate"] = entries["CreationDate"]
        return PDFDictionary(entries).format(document)


def draw_watermark(canvas: Canvas, lang: str = "es") -> None:
    """The diagonal demo mark across the page, light enough to read the figures through."""
    width, height = canvas._pagesize
    mark = text("summary.watermark", lang)
    canvas.saveState()
    canvas.setFillColor(WATERMARK_COLOR)
    canvas.setFillAlpha(WATERMARK_ALPHA)
    diagonal = (width**2 + height**2) ** 0.5
    size = min(0.8 * diagonal / (stringWidth(mark, BOLD, 1) or 1), height / 5)
    canvas.setFont(BOLD, size)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(_degrees(width, height))
    canvas.drawCentredString(0, -size / 3, mark)
    canvas.restoreState()


def _degrees(width: float, height: float) -> float:
    return math.degrees(math.atan2(height, width))


def canvas_maker(summary: StateSummary, banner: str, generated: str, lang: str, margin: float, demo: bool = False):
    """A canvas that knows the page count, for "Página N de M" on every page."""
    said = words(lang)

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR  # no stray Helvetica
            super().__init__(*args, **kwargs)
            if demo:
                info = _DemoInfo()
                info.__dict__.update(self._doc.info.__dict__)
                self._doc.info = info
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 (ReportLab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, _ = self._pagesize
            self.saveState()
            self.setFillColor(BAR_COLOR)
            self.rect(0, 0, width, 16, stroke=0, fill=1)
            if banner:
                self.setFillColor(colors.white)
                self.setFont(BOLD, 8)
                self.drawCentredString(width / 2, 5, banner)
            self.setFillColor(colors.grey)
            self.setFont(REGULAR, 6.5)
            short = summary.fingerprint[:16] + "…" if summary.fingerprint else no_data(lang)
            self.drawString(
                margin, 21, said["generated"].format(when=generated) + "  ·  " + said["fingerprint"].format(fp=short)
            )
            self.drawRightString(width - margin, 21, said["page"].format(n=self._pageNumber, total=total))
            self.restoreState()

    return NumberedCanvas


def page_background(demo: bool, lang: str):
    """The ``onPage`` hook that draws before the content: the watermark of demo data."""

    def draw(canvas: Canvas, _doc) -> None:
        if demo:
            draw_watermark(canvas, lang)

    return draw


@dataclass(frozen=True)
class SignatureBox:
    """Where the signature widget goes: 0-based page index and its rectangle in points."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float


class SignatureSpace(Flowable):
    """Empty room for the signature widget; remembers where on which page it was laid out."""

    def __init__(self, width: float, height: float, found: list[SignatureBox]):
        super().__init__()
        self.width, self.height, self._found = width, height, found

    def wrap(self, *_args) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        self._found.append(SignatureBox(self.canv.getPageNumber() - 1, x, y, x + self.width, y + self.height))


def closing(notes: list[Paragraph], width: float, space: SignatureSpace | None) -> list[Flowable]:
    """The footnotes, with the signature's room to their right when the PDF will be signed."""
    if space is None:
        return list(notes)
    gap = 12.0
    table = Table([[notes, space]], colWidths=[width - space.width - gap, space.width + gap])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (1, 0), (1, 0), gap),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [table]
