"""The national window's chart: one figure across the states, as horizontal bars.

Built from :func:`app.services.national.consolidation.figure_by_state` rows (highest first, "sin
dato" last). A state without data gets no bar and its label says "sin dato", so an empty
slot is never read as a zero. Axis numbers follow es-MX ("20,000").
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import Qt

from app.models.summary import Figure, format_figure
from app.ui.summary.dashboard_charts import _base_chart, _nice_top, bar_color, bar_values, style_axis

StateFigure = tuple[str, str, Figure]


def state_label(name: str, figure: Figure, lang: str) -> str:
    """The axis text of a state's bar: its name, then the figure's text in bold."""
    return f"{html.escape(name)}  <b>{html.escape(format_figure(figure, lang, mark=True))}</b>"


def state_bar_chart(title: str, rows: Sequence[StateFigure], lang: str) -> tuple[QChart, QBarSet, tuple[str, ...]]:
    """One horizontal bar per state; returns the chart, its bar set and each bar's state code.

    Rows come highest first; horizontal bars stack upwards, so they are reversed to read
    top-down in the same order. Percentages get a fixed 0–100 axis.
    """
    chart = _base_chart(title)
    ordered = list(reversed(rows))
    figures = [figure for _, _, figure in ordered]
    bars = QBarSet(title)
    bars.setColor(bar_color())
    bars.setBorderColor(bar_color())
    bars.append(bar_values(figures))
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setBarWidth(0.7)
    chart.addSeries(series)
    chart.legend().hide()
    categories = QBarCategoryAxis()
    categories.append([state_label(name, figure, lang) for _, name, figure in ordered])
    style_axis(categories)
    values = QValueAxis()
    values.setLabelFormat("%.0f")
    style_axis(values)
    if figures and figures[0].unit == "percent":
        values.setRange(0, 100)
        values.setTickCount(6)
    else:
        known = [f.value for f in figures if f.value is not None]
        values.setRange(0, _nice_top(max(known, default=0.0)))
        values.applyNiceNumbers()
        values.setLabelsVisible(bool(known))  # nothing measured: numbered ticks would read as data
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)
    return chart, bars, tuple(code for code, _, _ in ordered)
