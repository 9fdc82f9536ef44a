"""Vector charts of the summary PDF, drawn with ``reportlab.graphics``.

Staffing coverage per category: one horizontal bar per figure on a 0–100 % track.
A figure without data gets no bar and the text "sin dato" (never a 0 bar).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.models.summary import Figure
from app.models.summary_layout import figure_text
from app.reports.pdf.pdf_fonts import BOLD, REGULAR

BAR_COLOR = colors.HexColor("#9F2241")  # guinda institucional
TRACK_COLOR = colors.HexColor("#E6E1DA")
TEXT_COLOR = colors.HexColor("#222222")


def coverage_bars(
    figures: Sequence[Figure],
    width: float,
    lang: str = "es",
    title: str = "",
    font_size: float = 8,
    row_factor: float = 3.2,
) -> Drawing:
    """Horizontal 0–100 % bars, one per figure, labelled as the PDF prints figures (``figure_text``).

    Each bar takes ``row_factor`` × ``font_size`` of height (label above, bar below)."""
    row = font_size * row_factor
    top = font_size * 1.8 if title else 0
    height = top + row * len(figures) + 4
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=font_size)
    if title:
        drawing.add(String(0, height - font_size * 1.2, title, fontName=BOLD, fontSize=font_size, fillColor=TEXT_COLOR))
    values = [figure_text(f, lang) for f in figures]
    widest = max((stringWidth(v, BOLD, font_size) for v in values), default=0)
    track = max(width - widest - 6, width * 0.3)
    for i, fig in enumerate(figures):
        base = height - top - row * (i + 1) + 2
        drawing.add(
            String(
                0, base + font_size * 1.45, fig.label(lang), fontName=REGULAR, fontSize=font_size, fillColor=TEXT_COLOR
            )
        )
        drawing.add(Rect(0, base, track, font_size, fillColor=TRACK_COLOR, strokeColor=None))
        if fig.value is not None:
            share = max(0.0, min(float(fig.value), 100.0)) / 100
            drawing.add(Rect(0, base, track * share, font_size, fillColor=BAR_COLOR, strokeColor=None))
        drawing.add(
            String(
                track + 4,
                base + 1,
                values[i],
                fontName=BOLD if fig.value is not None else REGULAR,
                fontSize=font_size,
                fillColor=TEXT_COLOR,
            )
        )
    return drawing
