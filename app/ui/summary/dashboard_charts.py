"""Qt Charts of the state dashboard: coverage and community bars, monthly lines.

Built from plain summary data (``Figure``, ``MonthlySeries``). Missing data is never
drawn as a value: a figure without data gets no bar (its slot stays empty and its
category label reads "sin dato"), and a month without data breaks the line.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping, Sequence

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette, QPen

from app.models.periods import MONTHS_EN, MONTHS_ES
from app.models.summary import NO_DATA, Figure, format_figure
from app.services.summary.summary_series import MonthlySeries
from app.ui.common import theme

#: The data series' second hue: the PDF's gold, which reads as a mark on light and dark bases.
SECOND_COLOR = QColor("#b38e5d")


def bar_color() -> QColor:
    """The bars' colour: the IMSS-BIENESTAR guinda of the PDF, lifted on a dark palette."""
    return theme.color("accent")


def text_color() -> QColor:
    """Titles, axis labels and legend text: the palette's own text colour."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Text)


def style_axis(axis: QAbstractAxis, labels: QColor | None = None) -> None:
    """Labels in ``labels`` (the text colour by default), axis line and grid from the palette."""
    palette = QGuiApplication.palette()
    axis.setLabelsColor(labels or text_color())
    axis.setLinePenColor(palette.color(QPalette.ColorRole.Mid))
    axis.setGridLineColor(palette.color(QPalette.ColorRole.Midlight))


def _base_chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    chart.setTitleFont(font)
    # Qt Charts' default theme is light whatever the palette: take base and text from it.
    chart.setBackgroundBrush(QGuiApplication.palette().base())
    chart.setTitleBrush(text_color())
    chart.legend().setLabelColor(text_color())
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)  # screenshots and tests see the end state
    # Axis numbers as es-MX writes them ("20,000"), like the figures beside the charts.
    chart.setLocale(QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico))
    chart.setLocalizeNumbers(True)
    return chart


def category_label(figure: Figure, lang: str, width: int = 28) -> str:
    """The axis text of a bar: the label wrapped, then the PDF's text of the value in bold.

    Chart axis labels are rich text, so lines break with ``<br>`` (a plain newline is
    shown as a space and the label gets cut with "...").
    """
    lines = [html.escape(line) for line in textwrap.wrap(figure.label(lang), width)] or [""]
    return "<br>".join([*lines, f"<b>{html.escape(format_figure(figure, lang, mark=True))}</b>"])


def bar_values(figures: Sequence[Figure]) -> list[float]:
    """Bar heights; a figure without data gets height 0, i.e. no bar is drawn.

    QBarSet has no "missing" value; the category label says "sin dato" so the empty
    slot is never read as a zero.
    """
    return [f.value if f.value is not None else 0.0 for f in figures]


def bar_chart(
    title: str,
    figures: Sequence[Figure],
    lang: str,
    percent: bool,
    horizontal: bool = False,
    targets: Mapping[str, float] | None = None,
    target_name: str = "Meta",
) -> tuple[QChart, QBarSet, tuple[str, ...]]:
    """One bar per figure, labelled with its value text; a gold mark at each figure's meta.

    ``targets`` (figure code → meta) draws a marker named ``target_name`` (shown in the
    legend) across the bar of each figure that has one; see :func:`target_points`.

    Returns the chart, its bar set and the figure code of each bar index (the order of
    the bars, which is reversed for horizontal charts).

    ``percent`` fixes the value axis at 0–100 so coverages compare at a glance.
    """
    chart = _base_chart(title)
    # Horizontal bars stack upwards: reverse so the list reads top-down in the PDF's order.
    figures = list(reversed(figures)) if horizontal else list(figures)
    bars = QBarSet(title)
    bars.setColor(bar_color())
    bars.setBorderColor(bar_color())
    bars.append(bar_values(figures))
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(bars)
    series.setBarWidth(0.6)
    chart.addSeries(series)
    chart.legend().hide()
    categories, values = _bar_axes(chart, series, figures, lang, percent, horizontal)
    points = target_points(figures, targets or {}, horizontal)
    if points:
        _add_targets(chart, target_name, points, (categories, values), percent, horizontal)
        # The key goes in the title: a legend would take the height the bar labels need.
        chart.setTitle(
            f"{html.escape(title)} <span style='color:{SECOND_COLOR.name()}'>■</span> "
            f"<span style='font-weight:normal'>{html.escape(target_name)}</span>"
        )
    return chart, bars, tuple(f.code for f in figures)


def _bar_axes(
    chart: QChart, series: QAbstractBarSeries, figures: Sequence[Figure], lang: str, percent: bool, horizontal: bool
) -> tuple[QBarCategoryAxis, QValueAxis]:
    """The category axis (labels with values) and the value axis, attached to ``series``."""
    categories = QBarCategoryAxis()
    # Horizontal bars leave room for wider labels at the left.
    categories.append([category_label(f, lang, 26 if horizontal else 22) for f in figures])
    style_axis(categories)
    values = QValueAxis()
    values.setLabelFormat("%.0f")
    style_axis(values)
    if percent:
        values.setRange(0, 100)
        values.setTickCount(6)
    else:
        known = [f.value for f in figures if f.value is not None]
        values.setRange(0, _nice_top(max(known, default=0.0)))
        values.applyNiceNumbers()
        # Nothing to measure: numbered ticks (0, 0, …, 1) would read as data.
        values.setLabelsVisible(bool(known))
    category_side, value_side = (
        (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
        if horizontal
        else (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
    )
    chart.addAxis(categories, category_side)
    chart.addAxis(values, value_side)
    series.attachAxis(categories)
    series.attachAxis(values)
    return categories, values


def _add_targets(
    chart: QChart,
    name: str,
    points: list[QPointF],
    axes: tuple[QBarCategoryAxis, QValueAxis],
    percent: bool,
    horizontal: bool,
) -> None:
    """Gold square marks at the metas; the value axis grows when a meta is above every bar."""
    categories, values = axes
    marks = QScatterSeries()
    marks.setName(name)
    marks.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeRectangle)
    marks.setMarkerSize(11.0)
    marks.setColor(SECOND_COLOR)
    marks.setBorderColor(text_color())
    marks.append(points)
    chart.addSeries(marks)
    marks.attachAxis(categories)
    marks.attachAxis(values)
    top = max(p.x() if horizontal else p.y() for p in points)
    if not percent and top > values.max():  # a meta above every bar stays on the chart
        values.setRange(0, _nice_top(top))
        values.applyNiceNumbers()
        values.setLabelsVisible(True)


def target_points(figures: Sequence[Figure], targets: Mapping[str, float], horizontal: bool) -> list[QPointF]:
    """Where the meta marks go: at the meta's value, on the row of its figure's bar."""
    return [
        QPointF(targets[f.code], i) if horizontal else QPointF(i, targets[f.code])
        for i, f in enumerate(figures)
        if f.code in targets
    ]


def _nice_top(value: float) -> float:
    """An axis maximum a bit above ``value`` (1 when there is nothing to show)."""
    return value * 1.1 if value > 0 else 1.0


def runs(values: Sequence[float | None]) -> list[list[tuple[int, float]]]:
    """Consecutive (index, value) stretches without gaps: one line segment each."""
    out: list[list[tuple[int, float]]] = []
    current: list[tuple[int, float]] = []
    for index, value in enumerate(values):
        if value is None:
            if current:
                out.append(current)
            current = []
        else:
            current.append((index, value))
    if current:
        out.append(current)
    return out


def month_names(months: Sequence[str], lang: str) -> list[str]:
    """Short month names for the x axis: "ene", "feb", … (or "Jan", "Feb", …)."""
    names = MONTHS_EN if lang == "en" else MONTHS_ES
    return [names[int(m[4:]) - 1][:3] for m in months]


def monthly_chart(title: str, series: MonthlySeries, lang: str) -> tuple[QChart, dict[str, list[QLineSeries]]]:
    """One line per figure over the months, each on its own value axis.

    Consultations are ten times surgeries, so each line gets its own axis (left, right)
    or the smaller one would lie flat. A month without data splits the line into
    segments; the segments of one figure share its colour and one legend entry.
    """
    chart = _base_chart(title)
    months = QBarCategoryAxis()
    months.append(month_names(series.months, lang))
    style_axis(months)
    chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
    colors = (bar_color(), SECOND_COLOR)
    # Axis texts in the line's hue, made readable on the palette's base (the lines keep theirs).
    text_colors = (theme.color("accent"), theme.color("gold"))
    sides = (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight)
    lines: dict[str, list[QLineSeries]] = {}
    for number, (code, values) in enumerate(series.values.items()):
        color = colors[number % len(colors)]
        axis = QValueAxis()
        axis.setLabelFormat("%.0f")
        style_axis(axis, labels=text_colors[number % len(text_colors)])
        known = [v for v in values if v is not None]
        title_text = series.label(code, lang)
        if not known:  # no month has data: say so instead of numbering an empty axis
            title_text += f": {NO_DATA.get(lang, NO_DATA['es'])}"
            axis.setLabelsVisible(False)
        axis.setTitleText(title_text)
        axis.setTitleBrush(text_colors[number % len(text_colors)])
        axis.setRange(0, _nice_top(max(known, default=0.0)))
        axis.applyNiceNumbers()
        chart.addAxis(axis, sides[number % len(sides)])
        lines[code] = []
        for segment in runs(values) or [[]]:
            line = QLineSeries()
            line.setName(series.label(code, lang))
            line.setPen(QPen(color, 2.5))
            line.setPointsVisible(True)  # a lone month between gaps still shows as a dot
            for index, value in segment:
                line.append(QPointF(index, value))
            chart.addSeries(line)
            line.attachAxis(months)
            line.attachAxis(axis)
            if lines[code]:  # one legend entry per figure, not per segment
                for marker in chart.legend().markers(line):
                    marker.setVisible(False)
            lines[code].append(line)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart, lines


def line_values(lines: Sequence[QLineSeries], count: int) -> list[float | None]:
    """Read back a figure's monthly values from its segments (None where there is a gap)."""
    out: list[float | None] = [None] * count
    for line in lines:
        for point in line.points():
            out[round(point.x())] = point.y()
    return out


RENDER_HINTS = QPainter.RenderHint.Antialiasing
