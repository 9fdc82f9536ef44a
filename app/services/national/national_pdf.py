"""The national summary PDF ("NACIONAL: Avances Generales"), rendered like a state's.

The renderer takes any :class:`StateSummary`; the national one is the states' figures
added up (:func:`app.services.national.consolidation.national_summary`), named "Nacional", which
the renderer prints upper-cased in the title.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.models.messages import InputError
from app.models.periods import parse_period
from app.reports.pdf.summary_pdf import LAYOUTS, render_summary_pdf
from app.services.national.consolidation import national_summary
from app.services.summary.report_pdf import ExportResult, get_banner, workspace_is_demo
from app.services.workspace import Workspace
from app.storage import files


def export_national_pdf(
    ws: Workspace,
    period: str,
    out: Path,
    layout: str = "slide",
    lang: str = "es",
    banner: str | None = None,
    ytd: bool = True,
    now: datetime | None = None,
) -> ExportResult:
    """Write the national summary through ``period`` (year to date) as a PDF at ``out``.

    The folder is checked before the summaries are computed; the file is written whole
    or not at all. Raises InputError for an unknown layout, a malformed period or an
    unwritable destination.
    """
    if layout not in LAYOUTS:
        raise InputError("layout_unknown", layout=layout)
    out = Path(out)
    month = parse_period(period, allow_future=True)
    files.check_writable_dir(out.parent)
    summary = national_summary(ws, month, ytd=ytd)
    data = render_summary_pdf(
        summary,
        layout,
        banner if banner is not None else get_banner(ws, month[:4]),
        now or datetime.now().astimezone(),
        lang,
        demo=workspace_is_demo(ws),
    )
    files.write_bytes_atomic(out, data)
    return ExportResult(out, summary.state_code, summary.state_name, False, summary.fingerprint, len(data))
