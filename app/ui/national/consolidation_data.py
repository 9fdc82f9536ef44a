"""What the national tab loads, and the figures its chart offers.

The states' summaries and the country's are computed on the database worker in one job
(:func:`load_national`); the consolidation window only shows them.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.models.summary import StateSummary
from app.models.summary_layout import COMMUNITY, COVERAGE, INFRASTRUCTURE, INVENTORY, PERSONAL, SERVICES
from app.services.national.consolidation import national_summary, national_table
from app.services.workspace import Workspace
from app.ui.national.consolidation_models import NationalRow

#: Figures offered for the chart, in the PDF's order.
CHART_FIGURES = INVENTORY + SERVICES + COVERAGE + PERSONAL + COMMUNITY + INFRASTRUCTURE
DEFAULT_CHART_FIGURE = "consultations_total"


@dataclass(frozen=True)
class NationalData:
    """One background load of the national tab: the states' summaries and the country's."""

    period: str
    table: list[NationalRow]
    nation: StateSummary


def load_national(ws: Workspace, period: str) -> NationalData:
    """Every state's summary through ``period`` and their sum (runs on the database worker)."""
    table = national_table(ws, period)
    return NationalData(period, table, national_summary(ws, period, table=table))
