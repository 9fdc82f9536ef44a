"""What the state dashboard loads: the summary, the monthly series and the metas.

Computed on the database worker in one job (:func:`load_dashboard`); the window only
shows the result. The sections group the summary's figures as the PDF does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.models.summary import Figure, StateSummary
from app.models.summary_layout import COMMUNITY, COVERAGE, INFRASTRUCTURE, PERSONAL, SERVICES
from app.services.summary.month_summary import state_summary
from app.services.summary.report_pdf import state_is_demo
from app.services.summary.summary_series import MonthlySeries, monthly_series
from app.services.summary.targets import state_targets
from app.services.workspace import Workspace

#: The dashboard's sections, top to bottom, with the figures each lists (the PDF's order).
SECTION_CODES: dict[str, tuple[str, ...]] = {
    "personal": COVERAGE + PERSONAL,
    "services": SERVICES,
    "community": COMMUNITY,
    "infrastructure": INFRASTRUCTURE,
}


@dataclass(frozen=True)
class DashboardData:
    """What one background load computes: the summary and the monthly series."""

    summary: StateSummary
    series: MonthlySeries
    targets: dict[str, float] = field(default_factory=dict)  # metas by indicator code
    demo: bool = False  # the state's facilities are demo data (the PDF's watermark rule)


def load_dashboard(ws: Workspace, state_code: str, period: str) -> DashboardData:
    """Year-to-date summary, monthly series and metas of a state (runs on the database worker)."""
    return DashboardData(
        state_summary(ws, state_code, period),
        monthly_series(ws, state_code, period),
        state_targets(ws, state_code),
        demo=state_is_demo(ws, state_code),
    )


def section_figures(summary: StateSummary, codes: tuple[str, ...]) -> list[Figure]:
    """The figures of ``codes`` that the summary has, in the order of ``codes``."""
    return [summary.figures[c] for c in codes if c in summary.figures]
