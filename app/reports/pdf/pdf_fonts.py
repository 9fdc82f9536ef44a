"""The embedded DejaVu Sans fonts of the summary PDF (accents render on every reader).

The TTF files and their license live in ``resources/fonts/``; ReportLab embeds the
glyphs it uses as a subset.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.models.resources import resources_dir

FONTS_DIR = resources_dir() / "fonts"  # the bundle's copy when frozen (sys._MEIPASS)
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans (regular, bold) once; returns their ReportLab names."""
    registered = pdfmetrics.getRegisteredFontNames()
    for name in (REGULAR, BOLD):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONTS_DIR / f"{name}.ttf")))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    return REGULAR, BOLD
