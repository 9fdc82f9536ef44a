"""The "<ESTADO>: Avances Generales" PDF of a state summary (ReportLab, plain data → bytes).

Two layouts: a 16:9 landscape ``"slide"`` (one page, for projectors) and an A4 portrait
``"handout"`` (with the per-facility-type table and the completeness of the month).
Sections follow template A of the seed (summary.md §2): title, inventory row, Personal,
Servicios médicos, Acción comunitaria, Infraestructura y equipamiento, then footnotes
generated from the data. Missing figures print "sin dato" (``format_figure``), never 0.
Every page carries its number, the generation time and the data fingerprint; the full
SHA-256 is printed on the last page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.models.periods import MONTHS_EN, MONTHS_ES, period_end
from app.models.summary import (
    PRODUCTIVITY_FIGURE,
    PROVISIONAL_NOTE_EN,
    PROVISIONAL_NOTE_ES,
    Figure,
    StateSummary,
    format_figure,
    half_up_percent,
)
from app.models.values import format_number

from .pdf_charts import BAR_COLOR, TEXT_COLOR, coverage_bars
from .pdf_fonts import BOLD, REGULAR, register_fonts

SLIDE = (960.0, 540.0)  # 16:9, 13.33 × 7.5 in
LAYOUTS = ("slide", "handout")
DEFAULT_BANNER = "2023 Año de Francisco Villa"

INVENTORY = ("hospitals_count", "unemes_count", "health_units_count")
COVERAGE = ("specialists_coverage_pct", "gp_nursing_coverage_pct", "hospital_medical_post_coverage_pct")
PERSONAL = ("basification_pct", "training_first_level_pct", "training_second_level_pct")
SERVICES = ("consultations_total", "consultations_specialty", "consultations_family_medicine",
            "surgeries", "rx_filled_pct")
COMMUNITY = ("health_committees", "volunteers", "home_visits", "info_sessions")
INFRASTRUCTURE = ("conservation_hospitals", "equipment_goods_count", "equipment_investment",
                  "equipment_delivered_2nd_level_pct", "equipment_enabled_functional_count")
UNIT_TYPES = (("hospitals_count", "hospitals_presence_pct"), ("unemes_count", "unemes_presence_pct"),
              ("health_units_count", "health_centers_presence_pct"))

TEXT = {
    "es": {
        "title": "{state}: Avances Generales", "header": "GOBIERNO DE MÉXICO · IMSS-BIENESTAR",
        "personal": "Personal", "services": "Servicios médicos en {year}*",
        "community": "Acción comunitaria*", "infra": "Infraestructura y equipamiento",
        "coverage": "Cobertura de personal por categoría",
        "productivity": "* Productividad médica {window} de {units} unidades de segundo nivel.",
        "productivity_none": "* Productividad médica {window}; unidades de segundo nivel con "
                             "productividad reportada: sin dato.",
        "community_note": "Indicadores de acción comunitaria registrados desde el inicio de la "
                          "implementación",
        "since": " ({since})", "provisional": "** " + PROVISIONAL_NOTE_ES,
        "completeness": "Completitud de {month}: {filled} de {expected} datos de las unidades ({pct} %)",
        "completeness_none": "Completitud de {month}: sin dato",
        "page": "Página {n} de {total}", "generated": "Generado el {when}",
        "fingerprint": "Huella de datos {fp}", "fingerprint_full": "Huella de datos (SHA-256): {fp}",
        "units_table": "Unidades por tipo", "type": "Tipo de unidad", "count": "Unidades",
        "presence": "Con presencia IMSS-BIENESTAR",
        "types_table": "Unidades por tipología: informe de {month}",
        "reporting": "Informaron en {month}", "type_completeness": "Completitud", "of": "de",
        "window_same_year": "del 1º de {m1} al {d2} de {m2} de {y}",
        "window": "del 1º de {m1} de {y1} al {d2} de {m2} de {y2}",
        "month": "{m} de {y}",
    },
    "en": {
        "title": "{state}: General Progress", "header": "GOVERNMENT OF MEXICO · IMSS-BIENESTAR",
        "personal": "Staff", "services": "Medical services in {year}*",
        "community": "Community action*", "infra": "Infrastructure and equipment",
        "coverage": "Staff coverage by category",
        "productivity": "* Medical productivity {window} of {units} second-level units.",
        "productivity_none": "* Medical productivity {window}; second-level units reporting: no data.",
        "community_note": "Community-action indicators recorded since the implementation began",
        "since": " ({since})", "provisional": "** " + PROVISIONAL_NOTE_EN,
        "completeness": "Completeness of {month}: {filled} of {expected} facility values ({pct} %)",
        "completeness_none": "Completeness of {month}: no data",
        "page": "Page {n} of {total}", "generated": "Generated {when}",
        "fingerprint": "Data fingerprint {fp}", "fingerprint_full": "Data fingerprint (SHA-256): {fp}",
        "units_table": "Facilities by type", "type": "Facility type", "count": "Facilities",
        "presence": "With IMSS-BIENESTAR presence",
        "types_table": "Facilities by type: {month} report",
        "reporting": "Reported in {month}", "type_completeness": "Completeness", "of": "of",
        "window_same_year": "from 1 {m1} to {d2} {m2} {y}",
        "window": "from 1 {m1} {y1} to {d2} {m2} {y2}",
        "month": "{m} {y}",
    },
}


# -- text derived from the data -------------------------------------------------------


def _t(lang: str) -> dict[str, str]:
    return TEXT["en" if lang == "en" else "es"]


def _month(period: str, lang: str) -> str:
    names = MONTHS_EN if lang == "en" else MONTHS_ES
    return _t(lang)["month"].format(m=names[int(period[4:]) - 1], y=period[:4])


def window_text(window: Sequence[str], lang: str = "es") -> str:
    """"del 1º de enero al 28 de febrero de 2023" for the window 202301..202302."""
    if not window:
        return ""
    names = MONTHS_EN if lang == "en" else MONTHS_ES
    first, last = window[0], window[-1]
    end = period_end(last)
    m1, m2 = names[int(first[4:]) - 1], names[end.month - 1]
    key = "window_same_year" if first[:4] == last[:4] else "window"
    return _t(lang)[key].format(m1=m1, d2=end.day, m2=m2, y=end.year, y1=first[:4], y2=end.year)


def footnotes(summary: StateSummary, lang: str = "es") -> list[str]:
    """The footnotes the data calls for, in the seed's order."""
    text = _t(lang)
    units = summary.figures.get(PRODUCTIVITY_FIGURE)
    window = window_text(summary.window, lang)
    if units is not None and units.value is not None:
        notes = [text["productivity"].format(window=window, units=format_figure(units, lang, mark=True))]
    else:
        notes = [text["productivity_none"].format(window=window)]
    community = text["community_note"]
    if summary.community_since:
        community += text["since"].format(since=_month(summary.community_since, lang))
    notes.append(community + ".")
    if summary.provisional:
        notes.append(text["provisional"] + ".")
    return notes


def completeness_text(summary: StateSummary, lang: str = "es") -> str:
    """Completeness of the last month of the window, "sin dato" when nothing is expected."""
    text = _t(lang)
    month = _month(summary.window[-1], lang) if summary.window else ""
    filled, expected = summary.completeness
    if not expected:
        return text["completeness_none"].format(month=month)
    return text["completeness"].format(month=month, filled=format_number(filled),
                                       expected=format_number(expected),
                                       pct=half_up_percent(filled, expected))


def _figures(summary: StateSummary, codes: Sequence[str]) -> list[Figure]:
    return [summary.figures[c] for c in codes if c in summary.figures]


# -- flowables --------------------------------------------------------------------------


class _Styles:
    def __init__(self, scale: float):
        def style(name: str, size: float, font: str = REGULAR, **kw) -> ParagraphStyle:
            kw.setdefault("textColor", TEXT_COLOR)
            return ParagraphStyle(name, fontName=font, fontSize=size * scale, leading=size * scale * 1.22, **kw)
        self.header = style("header", 8, BOLD, textColor=colors.grey)
        self.title = style("title", 22, BOLD, textColor=BAR_COLOR, spaceAfter=4)
        self.section = style("section", 11, BOLD, textColor=BAR_COLOR, spaceBefore=2, spaceAfter=3)
        self.label = style("label", 8.5)
        self.value = style("value", 8.5, BOLD, alignment=TA_RIGHT)
        self.inventory = style("inventory", 13, alignment=TA_CENTER)
        self.note = style("note", 7)
        self.cell = style("cell", 8.5)
        self.cell_bold = style("cellb", 8.5, BOLD)
        self.cell_r = style("cellr", 8.5, alignment=TA_RIGHT)


def _rows(figures: Sequence[Figure], width: float, st: _Styles, lang: str) -> Table | Spacer:
    """Label / value rows; the value column is as wide as its longest value (numbers never wrap)."""
    if not figures:
        return Spacer(1, 1)
    values = [format_figure(f, lang, mark=True) for f in figures]
    widest = max(stringWidth(v, BOLD, st.value.fontSize) for v in values) + 4
    value_width = min(max(widest, width * 0.25), width * 0.62)
    data = [[Paragraph(f.label(lang), st.label), Paragraph(v, st.value)] for f, v in zip(figures, values, strict=True)]
    table = Table(data, colWidths=[width - value_width, value_width], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, 0), (-1, -2), 0.25, colors.HexColor("#D0C8BE")),
    ]))
    return table


def _inventory(summary: StateSummary, width: float, st: _Styles, lang: str) -> Table:
    cells = [Paragraph(f"<b>{format_figure(f, lang, mark=True)}</b> {f.label(lang)}", st.inventory)
             for f in _figures(summary, INVENTORY)] or [Paragraph("", st.inventory)]
    table = Table([cells], colWidths=[width / len(cells)] * len(cells))
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F4EFE8")),
        ("LINEAFTER", (0, 0), (-2, -1), 0.5, colors.white),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def _sections(summary: StateSummary, width: float, st: _Styles, lang: str,
              chart_font: float) -> list[tuple[str, list[Flowable]]]:
    text = _t(lang)
    year = summary.window[-1][:4] if summary.window else ""
    coverage = _figures(summary, COVERAGE)
    personal: list[Flowable] = []
    if coverage:
        personal.append(coverage_bars(coverage, width, lang, font_size=chart_font))
        personal.append(Spacer(1, 3))
    personal.append(_rows(_figures(summary, PERSONAL), width, st, lang))
    return [
        (text["personal"], personal),
        (text["services"].format(year=year), [_rows(_figures(summary, SERVICES), width, st, lang)]),
        (text["community"], [_rows(_figures(summary, COMMUNITY), width, st, lang)]),
        (text["infra"], [_rows(_figures(summary, INFRASTRUCTURE), width, st, lang)]),
    ]


def _unit_table(summary: StateSummary, width: float, st: _Styles, lang: str) -> list[Flowable]:
    """Facilities by type: the counts and presence the summary holds (nothing else)."""
    text = _t(lang)
    rows = [[Paragraph(text["type"], st.cell_bold), Paragraph(text["count"], st.cell_bold),
             Paragraph(text["presence"], st.cell_bold)]]
    for count_code, presence_code in UNIT_TYPES:
        count = summary.figures.get(count_code)
        if count is None:
            continue
        presence = summary.figures.get(presence_code)
        rows.append([Paragraph(count.label(lang), st.cell),
                     Paragraph(format_figure(count, lang, mark=True), st.cell),
                     Paragraph(format_figure(presence, lang, mark=True) if presence else "", st.cell)])
    if len(rows) == 1:
        return []
    table = Table(rows, colWidths=[width * 0.4, width * 0.2, width * 0.4], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F4EFE8")),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#D0C8BE")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return [Paragraph(text["units_table"], st.section), table]


def _type_table(summary: StateSummary, width: float, st: _Styles, lang: str) -> list[Flowable]:
    """Per tipología: units, units that reported in the month, completeness of their cells."""
    if not summary.by_type:
        return []
    text = _t(lang)
    month = _month(summary.window[-1], lang) if summary.window else ""
    rows = [[Paragraph(text["type"], st.cell_bold), Paragraph(text["count"], st.cell_bold),
             Paragraph(text["reporting"].format(month=month), st.cell_bold),
             Paragraph(text["type_completeness"], st.cell_bold)]]
    for row in summary.by_type:
        pct = f"{half_up_percent(row.filled, row.expected)} %" if row.expected else _no_data(lang)
        rows.append([Paragraph(row.label(lang), st.cell), Paragraph(format_number(row.units), st.cell_r),
                     Paragraph(format_number(row.reporting), st.cell_r),
                     Paragraph(f"{pct} ({format_number(row.filled)} {text['of']} "
                               f"{format_number(row.expected)})", st.cell_r)])
    table = Table(rows, colWidths=[width * 0.38, width * 0.15, width * 0.2, width * 0.27],
                  repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F4EFE8")),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#D0C8BE")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return [Paragraph(text["types_table"].format(month=month), st.section), table]


def _no_data(lang: str) -> str:
    return "no data" if lang == "en" else "sin dato"


# -- page decoration ----------------------------------------------------------------------


def _canvas_maker(summary: StateSummary, banner: str, generated: str, lang: str, margin: float):
    """A canvas that knows the page count, for "Página N de M" on every page."""
    text = _t(lang)

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR  # no stray Helvetica
            super().__init__(*args, **kwargs)
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
            self.setFillColor(colors.white)
            self.setFont(BOLD, 8)
            self.drawCentredString(width / 2, 5, banner)
            self.setFillColor(colors.grey)
            self.setFont(REGULAR, 6.5)
            short = summary.fingerprint[:16] + "…" if summary.fingerprint else "sin dato"
            self.drawString(margin, 21, text["generated"].format(when=generated) + "  ·  "
                            + text["fingerprint"].format(fp=short))
            self.drawRightString(width - margin, 21, text["page"].format(n=self._pageNumber, total=total))
            self.restoreState()

    return NumberedCanvas


class _SignatureSpace(Flowable):
    """Empty room for the signature widget; remembers where on which page it was laid out."""

    def __init__(self, width: float, height: float, found: list[SignatureBox]):
        super().__init__()
        self.width, self.height, self._found = width, height, found

    def wrap(self, *_args) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        self._found.append(SignatureBox(self.canv.getPageNumber() - 1, x, y,
                                        x + self.width, y + self.height))


def _closing(notes: list[Paragraph], width: float, space: _SignatureSpace | None) -> list[Flowable]:
    """The footnotes, with the signature's room to their right when the PDF will be signed."""
    if space is None:
        return list(notes)
    gap = 12.0
    table = Table([[notes, space]], colWidths=[width - space.width - gap, space.width + gap])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("LEFTPADDING", (1, 0), (1, 0), gap),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [table]


# -- public API ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SignatureBox:
    """Where the signature widget goes: 0-based page index and its rectangle in points."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float


def render_summary_pdf(summary: StateSummary, layout: str = "slide", banner: str = DEFAULT_BANNER,
                       generated_at: datetime | None = None, lang: str = "es") -> bytes:
    """The state summary as PDF bytes, ``layout`` "slide" (16:9) or "handout" (A4)."""
    return render_summary_layout(summary, layout, banner, generated_at, lang)[0]


def render_summary_layout(summary: StateSummary, layout: str = "slide", banner: str = DEFAULT_BANNER,
                          generated_at: datetime | None = None, lang: str = "es",
                          signature_size: tuple[float, float] | None = None
                          ) -> tuple[bytes, SignatureBox | None]:
    """Like :func:`render_summary_pdf`; with ``signature_size`` it also leaves that much room
    for a visible signature beside the footnotes of the last page and says where it is."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {LAYOUTS}")
    register_fonts()
    text = _t(lang)
    generated = (generated_at or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M %Z").strip()
    slide = layout == "slide"
    pagesize = SLIDE if slide else A4
    margin = 24.0 if slide else 40.0
    st = _Styles(1.2 if slide else 1.0)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=margin * 0.7,
        bottomMargin=34, title=text["title"].format(state=summary.state_name),
        author="Coordina", subject=f"{summary.state_code} {'-'.join(summary.window)} {summary.fingerprint}",
    )
    width = doc.width - 12  # the frame pads 6 pt on each side
    story: list[Flowable] = [
        Paragraph(text["header"], st.header),
        Paragraph(text["title"].format(state=summary.state_name.upper()), st.title),
        _inventory(summary, width, st, lang),
        Spacer(1, 8),
    ]
    notes = [*footnotes(summary, lang), completeness_text(summary, lang),
             text["fingerprint_full"].format(fp=summary.fingerprint or "sin dato")]
    if slide:
        gap = 28.0
        column = (width - gap) / 2
        parts = _sections(summary, column, st, lang, chart_font=9)
        grid = []
        for left, right in (parts[:2], parts[2:]):
            grid += [[Paragraph(left[0], st.section), Paragraph(right[0], st.section)], [left[1], right[1]]]
        columns = Table(grid, colWidths=[column + gap, column])
        columns.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), gap),
            ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
            ("LINEBELOW", (0, 0), (0, 0), 1, BAR_COLOR), ("LINEBELOW", (1, 0), (1, 0), 1, BAR_COLOR),
            ("LINEBELOW", (0, 2), (0, 2), 1, BAR_COLOR), ("LINEBELOW", (1, 2), (1, 2), 1, BAR_COLOR),
            ("TOPPADDING", (0, 2), (-1, 2), 8),
        ]))
        story += [columns, Spacer(1, 8)]
    else:
        for title, body in _sections(summary, width * 0.8, st, lang, chart_font=8.5):
            story += [Paragraph(title, st.section), *body, Spacer(1, 6)]
        story += [*_unit_table(summary, width * 0.8, st, lang), Spacer(1, 6),
                  *_type_table(summary, width, st, lang), Spacer(1, 8)]
    found: list[SignatureBox] = []
    space = _SignatureSpace(*signature_size, found) if signature_size else None
    story += _closing([Paragraph(note, st.note) for note in notes], width, space)
    doc.build(story, canvasmaker=_canvas_maker(summary, banner, generated, lang, margin))
    return buffer.getvalue(), (found[-1] if found else None)


