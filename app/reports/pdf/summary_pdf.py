"""The "<ESTADO>: Avances Generales" PDF of a state summary (ReportLab, plain data → bytes).

Three layouts:

- ``"slide"``: 16:9 landscape, one page, for projectors (template A of the seed);
- ``"handout"``: A4 portrait, with the per-facility-type table and the month's completeness;
- ``"compact"``: the 16:9 slide without the figures that have no data, the sections left
  empty and the footnotes that belong to them (the short Michoacán and Morelos slides).

Sections follow summary.md §2: title, inventory row (presence under each count), Personal,
Servicios médicos, Acción comunitaria, Infraestructura y equipamiento, then footnotes
generated from the data. Missing figures print "sin dato" (``format_figure``), never 0.
Every page carries its number, the generation time and the data fingerprint; the full
SHA-256 is printed on the last page. Demo data carries a diagonal watermark on every page
and ``/CoordinaDemo (1)`` in the document information.

What goes where and the words (sections, titles, footnotes) are in
:mod:`app.models.summary_layout`, shared with the dashboard; the pieces here are
:mod:`summary_pdf_parts` (blocks) and :mod:`summary_pdf_page` (page decoration, signature room).
"""

from __future__ import annotations

import html
import io
from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer

from app.models.summary import StateSummary
from app.models.summary_layout import (  # noqa: F401 (re-exported: the sections and their words)
    COMMUNITY,
    COVERAGE,
    INFRASTRUCTURE,
    INVENTORY,
    PERSONAL,
    SERVICES,
    UNIT_TYPES,
    Footnote,
    completeness_text,
    footnote_entries,
    footnotes,
    no_data,
    printed_notes,
    window_text,
    words,
)
from app.reports.pdf.pdf_fonts import register_fonts
from app.reports.pdf.summary_pdf_page import SignatureBox, SignatureSpace, canvas_maker, closing, page_background
from app.reports.pdf.summary_pdf_parts import Styles, inventory, sections, two_columns, type_table, unit_table

SLIDE = (960.0, 540.0)  # 16:9, 13.33 × 7.5 in
LAYOUTS = ("slide", "handout", "compact")
#: No banner unless one is set for the report's year (report_pdf.get_banner).
DEFAULT_BANNER = ""

__all__ = [
    "LAYOUTS",
    "DEFAULT_BANNER",
    "SignatureBox",
    "render_summary_pdf",
    "render_summary_layout",
    "footnotes",
    "footnote_entries",
    "completeness_text",
    "window_text",
    "printed_notes",
]


def render_summary_pdf(
    summary: StateSummary,
    layout: str = "slide",
    banner: str = DEFAULT_BANNER,
    generated_at: datetime | None = None,
    lang: str = "es",
    demo: bool = False,
) -> bytes:
    """The state summary as PDF bytes, ``layout`` one of :data:`LAYOUTS`; ``demo`` marks demo data."""
    return render_summary_layout(summary, layout, banner, generated_at, lang, demo=demo)[0]


def render_summary_layout(
    summary: StateSummary,
    layout: str = "slide",
    banner: str = DEFAULT_BANNER,
    generated_at: datetime | None = None,
    lang: str = "es",
    signature_size: tuple[float, float] | None = None,
    demo: bool = False,
) -> tuple[bytes, SignatureBox | None]:
    """Like :func:`render_summary_pdf`; with ``signature_size`` it also leaves that much room
    for a visible signature beside the footnotes of the last page and says where it is."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {LAYOUTS}")
    register_fonts()
    text = words(lang)
    generated = (generated_at or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M %Z").strip()
    slide = layout in ("slide", "compact")
    margin = 24.0 if slide else 40.0
    st = Styles(1.2 if slide else 1.0)
    buffer = io.BytesIO()
    doc = _document(buffer, summary, SLIDE if slide else A4, margin, text)
    width = doc.width - 12  # the frame pads 6 pt on each side
    story, printed = _body(summary, layout, width, st, lang)
    notes = [
        *printed_notes(summary, lang, printed),
        completeness_text(summary, lang),
        text["fingerprint_full"].format(fp=summary.fingerprint or no_data(lang)),
    ]
    found: list[SignatureBox] = []
    space = SignatureSpace(*signature_size, found) if signature_size else None
    story += closing([Paragraph(html.escape(note, quote=False), st.note) for note in notes], width, space)
    background = page_background(demo, lang)
    doc.build(
        story,
        onFirstPage=background,
        onLaterPages=background,
        canvasmaker=canvas_maker(summary, banner, generated, lang, margin, demo),
    )
    return buffer.getvalue(), (found[-1] if found else None)


def _document(
    buffer: io.BytesIO, summary: StateSummary, pagesize: tuple[float, float], margin: float, text: dict[str, str]
) -> SimpleDocTemplate:
    """The document of one summary, its information (title, subject) filled in."""
    return SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin * 0.7,
        bottomMargin=34,
        title=text["title"].format(state=summary.state_name),
        author="Coordina",
        subject=f"{summary.state_code} {'-'.join(summary.window)} {summary.fingerprint}",
    )


def _body(
    summary: StateSummary, layout: str, width: float, st: Styles, lang: str
) -> tuple[list[Flowable], set[str] | None]:
    """The story up to the footnotes, and (compact layout) the figures it printed."""
    text = words(lang)
    slide = layout in ("slide", "compact")
    compact = layout == "compact"
    story: list[Flowable] = [
        Paragraph(text["header"], st.header),
        Paragraph(html.escape(text["title"].format(state=summary.state_name.upper()), quote=False), st.title),
        *inventory(summary, width, st, lang, compact),
        Spacer(1, st.gap),
    ]
    printed: set[str] | None = None
    if slide:
        parts = sections(summary, (width - 28.0) / 2, st, lang, chart_font=9, compact=compact)
        if parts:
            story += [two_columns(parts, width, st), Spacer(1, st.gap)]
        if compact:
            printed = {code for part in parts for code in part.printed}
            printed |= {
                code for code in INVENTORY if code in summary.figures and summary.figures[code].value is not None
            }
    else:
        for part in sections(summary, width * 0.8, st, lang, chart_font=8.5):
            story += [Paragraph(part.title, st.section), *part.body, Spacer(1, 6)]
        story += [
            *unit_table(summary, width * 0.8, st, lang),
            Spacer(1, 6),
            *type_table(summary, width, st, lang),
            Spacer(1, 8),
        ]
    return story, printed
