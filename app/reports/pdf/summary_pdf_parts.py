"""The blocks of the summary PDF: inventory row, sections, per-type tables (ReportLab flowables).

The full layouts print every figure of every section ("sin dato" where there is none);
the compact slide (``compact=True``) leaves out figures without data and sections left
empty, as the short Michoacán and Morelos slides do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.models.summary import Figure, StateSummary
from app.models.summary_layout import (
    COMMUNITY,
    COVERAGE,
    INFRASTRUCTURE,
    INVENTORY,
    PERSONAL,
    PRESENCE,
    PRODUCTIVITY_ROWS,
    SERVICES,
    UNIT_TYPES,
    figure_text,
    has_data,
    month_text,
    no_data,
    percent_text,
    section_title,
    words,
)
from app.models.values import format_number
from app.reports.pdf.pdf_charts import BAR_COLOR, TEXT_COLOR, coverage_bars
from app.reports.pdf.pdf_fonts import BOLD, REGULAR
from app.reports.pdf.summary_pdf_notes import note_paragraph, section_note

__all__ = [
    "COMMUNITY",
    "COVERAGE",
    "INFRASTRUCTURE",
    "INVENTORY",
    "PERSONAL",
    "SERVICES",
    "UNIT_TYPES",
    "Section",
    "Styles",
    "inventory",
    "sections",
    "two_columns",
    "type_table",
    "unit_table",
]

LIGHT = colors.HexColor("#F4EFE8")
RULE = colors.HexColor("#D0C8BE")


class Styles:
    """Paragraph styles of one layout, scaled (the slide prints larger than the handout)."""

    def __init__(self, scale: float):
        def style(name: str, size: float, font: str = REGULAR, **kw) -> ParagraphStyle:
            kw.setdefault("textColor", TEXT_COLOR)
            return ParagraphStyle(name, fontName=font, fontSize=size * scale, leading=size * scale * 1.22, **kw)

        self.scale = scale
        slide = scale > 1
        # The slide is one page: its rows and gaps are tighter than the handout's.
        self.row_pad = (1.0, 2.0) if slide else (1.5, 2.5)
        self.gap = 5.0 if slide else 8.0
        self.bar_row = 2.8 if slide else 3.2
        self.header = style("header", 8, BOLD, textColor=colors.grey)
        self.title = style("title", 22, BOLD, textColor=BAR_COLOR, spaceAfter=4)
        self.section = style("section", 11, BOLD, textColor=BAR_COLOR, spaceBefore=2, spaceAfter=3)
        self.label = style("label", 8.5)
        self.value = style("value", 8.5, BOLD, alignment=TA_RIGHT)
        self.inventory = style("inventory", 13, alignment=TA_CENTER)
        self.presence = style("presence", 7.5, alignment=TA_CENTER, textColor=colors.HexColor("#555555"))
        self.note = style("note", 7)
        self.cell = style("cell", 8.5)
        self.cell_bold = style("cellb", 8.5, BOLD)
        self.cell_r = style("cellr", 8.5, alignment=TA_RIGHT)


def figures_of(summary: StateSummary, codes: Sequence[str], compact: bool = False) -> list[Figure]:
    """The figures of ``codes`` the summary holds; with ``compact`` only those with data."""
    found = [summary.figures[c] for c in codes if c in summary.figures]
    return [f for f in found if has_data(f)] if compact else found


def rows(figures: Sequence[Figure], width: float, st: Styles, lang: str) -> Table | Spacer:
    """Label / value rows; the value column is as wide as its longest value (numbers never wrap)."""
    if not figures:
        return Spacer(1, 1)
    values = [figure_text(f, lang) for f in figures]
    widest = max(stringWidth(v, BOLD, st.value.fontSize) for v in values) + 4
    value_width = min(max(widest, width * 0.25), width * 0.62)
    data = [[Paragraph(f.label(lang), st.label), Paragraph(v, st.value)] for f, v in zip(figures, values, strict=True)]
    table = Table(data, colWidths=[width - value_width, value_width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), st.row_pad[0]),
                ("BOTTOMPADDING", (0, 0), (-1, -1), st.row_pad[1]),
                ("LINEBELOW", (0, 0), (-1, -2), 0.25, RULE),
            ]
        )
    )
    return table


def inventory(summary: StateSummary, width: float, st: Styles, lang: str, compact: bool = False) -> list[Flowable]:
    """ "13 Hospitales | 4 UNEMES | 292 Unidades de salud", presence under each count.

    The count and its label stay on one line: when the widest cell would wrap
    ("1,025** Unidades de salud" on A4), the whole row gets a smaller font.
    """
    counts = figures_of(summary, INVENTORY, compact)
    if not counts:
        return []
    pad = 6.0
    cell_width = width / len(counts)
    heads = [(figure_text(f, lang), f.label(lang)) for f in counts]
    size = st.inventory.fontSize
    widest = max(stringWidth(v + " ", BOLD, size) + stringWidth(label, REGULAR, size) for v, label in heads)
    if widest > cell_width - 2 * pad - 1:
        size *= (cell_width - 2 * pad - 1) / widest
    head_style = ParagraphStyle("inventory_fit", parent=st.inventory, fontSize=size, leading=size * 1.22)
    cells = []
    for fig, (value, label) in zip(counts, heads, strict=True):
        cell: list[Flowable] = [Paragraph(f"<b>{value}</b> {label}", head_style)]
        presence = summary.figures.get(PRESENCE[fig.code])
        if presence is not None and (has_data(presence) or not compact):
            cell.append(Paragraph(words(lang)["presence_short"].format(value=figure_text(presence, lang)), st.presence))
        cells.append(cell)
    table = Table([cells], colWidths=[cell_width] * len(cells))
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BACKGROUND", (0, 0), (-1, -1), LIGHT),
                ("LINEAFTER", (0, 0), (-2, -1), 0.5, colors.white),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    note = note_paragraph(summary, "inventory", st.label)  # "(Programado para agosto)"
    return [table, note] if note is not None else [table]


@dataclass
class Section:
    """A titled block of the page: its title and body, and the figures it prints."""

    key: str
    title: str
    body: list[Flowable]
    printed: tuple[str, ...]


def sections(
    summary: StateSummary, width: float, st: Styles, lang: str, chart_font: float, compact: bool = False
) -> list[Section]:
    """Personal, Servicios médicos, Acción comunitaria, Infraestructura: in the seed's order.

    Compact: figures without data are left out, and so is a section left with nothing.
    The "*" of a title points at the productivity or community footnote; it is printed
    only with figures that footnote speaks about.
    """
    year = summary.window[-1][:4] if summary.window else ""
    coverage = figures_of(summary, COVERAGE, compact)
    personal_rows = figures_of(summary, PERSONAL, compact)
    personal: list[Flowable] = []
    if coverage:
        personal += [coverage_bars(coverage, width, lang, font_size=chart_font, row_factor=st.bar_row), Spacer(1, 3)]
    if personal_rows or not compact:
        personal.append(rows(personal_rows, width, st, lang))
    services = figures_of(summary, SERVICES, compact)
    community = figures_of(summary, COMMUNITY, compact)
    infra = figures_of(summary, INFRASTRUCTURE, compact)
    star = any(f.code in PRODUCTIVITY_ROWS for f in services)
    out = [
        Section("personal", section_title("personal", lang), personal, tuple(f.code for f in coverage + personal_rows)),
        Section(
            "services",
            section_title("services", lang, year, star),
            [rows(services, width, st, lang)],
            tuple(f.code for f in services),
        ),
        Section(
            "community",
            section_title("community", lang, star=bool(community)),
            [rows(community, width, st, lang)],
            tuple(f.code for f in community),
        ),
        Section("infra", section_title("infra", lang), [rows(infra, width, st, lang)], tuple(f.code for f in infra)),
    ]
    for section in out:  # the coordinator's note goes right under the title
        note = note_paragraph(summary, section.key, st.label)
        if note is not None:
            section.body.insert(0, note)
    return [s for s in out if s.printed or section_note(summary, s.key)] if compact else out


def two_columns(parts: Sequence[Section], width: float, st: Styles, gap: float = 28.0) -> Table:
    """Sections two by two, left to right: the slide's grid."""
    column = (width - gap) / 2
    grid: list[list] = []
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), gap),
        ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
    ]
    for index in range(0, len(parts), 2):
        pair = list(parts[index : index + 2])
        row = len(grid)
        titles = [Paragraph(p.title, st.section) for p in pair] + [""] * (2 - len(pair))
        bodies = [p.body for p in pair] + [""] * (2 - len(pair))
        grid += [titles, bodies]
        for col in range(len(pair)):
            commands.append(("LINEBELOW", (col, row), (col, row), 1, BAR_COLOR))
        if row:
            commands.append(("TOPPADDING", (0, row), (-1, row), st.gap))
    table = Table(grid, colWidths=[column + gap, column], hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def unit_table(summary: StateSummary, width: float, st: Styles, lang: str) -> list[Flowable]:
    """Facilities by type: the counts and presence the summary holds (nothing else)."""
    text = words(lang)
    data = [
        [
            Paragraph(text["type"], st.cell_bold),
            Paragraph(text["count"], st.cell_bold),
            Paragraph(text["presence"], st.cell_bold),
        ]
    ]
    for count_code, presence_code in UNIT_TYPES:
        count = summary.figures.get(count_code)
        if count is None:
            continue
        presence = summary.figures.get(presence_code)
        data.append(
            [
                Paragraph(count.label(lang), st.cell),
                Paragraph(figure_text(count, lang), st.cell),
                Paragraph(figure_text(presence, lang) if presence else "", st.cell),
            ]
        )
    if len(data) == 1:
        return []
    table = Table(data, colWidths=[width * 0.4, width * 0.2, width * 0.4], repeatRows=1, hAlign="LEFT")
    table.setStyle(_grid_style())
    return [Paragraph(text["units_table"], st.section), table]


def type_table(summary: StateSummary, width: float, st: Styles, lang: str) -> list[Flowable]:
    """Per tipología: units, units that reported in the month, completeness of their cells."""
    if not summary.by_type:
        return []
    text = words(lang)
    month = month_text(summary.window[-1], lang) if summary.window else ""
    data = [
        [
            Paragraph(text["type"], st.cell_bold),
            Paragraph(text["count"], st.cell_bold),
            Paragraph(text["reporting"].format(month=month), st.cell_bold),
            Paragraph(text["type_completeness"], st.cell_bold),
        ]
    ]
    for row in summary.by_type:
        pct = f"{percent_text(row.filled, row.expected)} %" if row.expected else no_data(lang)
        data.append(
            [
                Paragraph(row.label(lang), st.cell),
                Paragraph(format_number(row.units), st.cell_r),
                Paragraph(format_number(row.reporting), st.cell_r),
                Paragraph(f"{pct} ({format_number(row.filled)} {text['of']} {format_number(row.expected)})", st.cell_r),
            ]
        )
    table = Table(data, colWidths=[width * 0.38, width * 0.15, width * 0.2, width * 0.27], repeatRows=1, hAlign="LEFT")
    table.setStyle(_grid_style())
    return [Paragraph(text["types_table"].format(month=month), st.section), table]


def _grid_style() -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
            ("GRID", (0, 0), (-1, -1), 0.25, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
