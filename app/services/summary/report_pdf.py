"""The state summary PDF as a file: render, optionally sign, write (GUI and CLI share this).

``export_state_pdf`` writes one state's "Avances Generales" PDF; ``export_all_states``
writes one per state present in the database, reporting progress after each state (the
progress callback may raise to cancel; files already written stay whole, the one in
progress is never left half written). The banner belongs to a year: it is a workspace
setting per year, and a year without one prints none ("2023 Año de Francisco Villa" must
not reach a 2022 or 2026 report). Demo data (facilities marked ``is_demo``) is rendered
with the "DATOS DE DEMOSTRACIÓN" watermark, signed or not, one state or all of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from app.models.catalog import State
from app.models.messages import InputError
from app.models.periods import parse_period
from app.models.report_details import parse_cutoff
from app.models.summary import StateSummary
from app.reports.pdf.summary_pdf import LAYOUTS, render_summary_pdf
from app.reports.signing.identity import Identity
from app.reports.signing.signed_summary import signed_summary_pdf
from app.services.summary import report_batch, reports
from app.services.summary.month_summary import state_summary
from app.services.workspace import Workspace, write_transaction
from app.storage import facilities_repo, files, reports_repo

#: The banner of year YYYY is stored as ``summary_banner:YYYY``; the old single setting
#: (before banners had a year) is read only for the year its text starts with.
BANNER_SETTING = "summary_banner"
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PdfOptions:
    """How to render: page layout, language, banner (None: the one saved for the report's year)."""

    layout: str = "slide"
    lang: str = "es"
    banner: str | None = None
    ytd: bool = True
    #: "YYYY-MM-DD" inside the month: the footnotes end there ("al 23 de febrero"); None: the
    #: date stored with the report, if any.
    cutoff: str | None = None


@dataclass(frozen=True)
class ExportResult:
    """One PDF written: where, for which state, signed or not, and its data fingerprint."""

    path: Path
    state_code: str
    state_name: str
    signed: bool
    fingerprint: str
    size: int


def _banner_key(year: str) -> str:
    return f"{BANNER_SETTING}:{year}"


def get_banner(ws: Workspace, year: str) -> str:
    """The banner printed at the foot of every page of ``year``'s reports; "" when none is set."""
    year = str(year)[:4]
    stored = reports_repo.settings_get(ws.conn, _banner_key(year), None)
    if stored is not None:
        return stored
    legacy = reports_repo.settings_get(ws.conn, BANNER_SETTING, "") or ""
    return legacy if legacy.startswith(year) else ""


def set_banner(ws: Workspace, text: str, year: str) -> str:
    """Store ``year``'s banner (blank: that year prints none); returns the banner now in force."""
    year = str(year)[:4]
    with write_transaction(ws):
        reports_repo.settings_set(ws.conn, _banner_key(year), " ".join(text.split()))
    return get_banner(ws, year)


def report_year(period: str) -> str:
    """The year a report through ``period`` (YYYYMM) belongs to."""
    return str(period)[:4]


def state_is_demo(ws: Workspace, state_code: str) -> bool:
    """Whether any facility of the state is demo data (then every PDF of it is watermarked)."""
    return facilities_repo.has_demo(ws.conn, state_code)


def workspace_is_demo(ws: Workspace) -> bool:
    """Whether the data directory holds any demo facility (the national summary adds them all)."""
    return facilities_repo.has_demo(ws.conn)


def _check_options(options: PdfOptions) -> None:
    if options.layout not in LAYOUTS:
        raise InputError("layout_unknown", layout=options.layout)


def summary_pdf_bytes(
    ws: Workspace,
    summary: StateSummary,
    options: PdfOptions,
    identity: Identity | None = None,
    now: datetime | None = None,
) -> bytes:
    """Render ``summary`` (and sign it with ``identity`` when given) as PDF bytes."""
    _check_options(options)
    if options.cutoff and summary.window:  # the date chosen in the export dialog's preview
        summary = replace(summary, cutoff=parse_cutoff(options.cutoff, summary.window[-1]))
    year = summary.window[-1][:4] if summary.window else ""
    banner = options.banner if options.banner is not None else get_banner(ws, year)
    when = now or datetime.now().astimezone()
    demo = state_is_demo(ws, summary.state_code)
    if identity is None:
        return render_summary_pdf(summary, options.layout, banner, when, options.lang, demo=demo)
    return signed_summary_pdf(summary, identity, options.layout, banner, when, options.lang, demo=demo)


def export_state_pdf(
    ws: Workspace,
    state: str,
    period: str,
    out: Path,
    options: PdfOptions = PdfOptions(),
    identity: Identity | None = None,
) -> ExportResult:
    """Compute, render, sign (optional) and write one state's summary to ``out``.

    The output folder is checked first, so an unwritable path fails before any work;
    the file is written whole or not at all.
    """
    _check_options(options)
    out = Path(out)
    files.check_writable_dir(out.parent)
    code = ws.catalog.state(state).code
    cutoff = reports.cutoff_for_pdf(ws, code, period, options.cutoff)  # checked before any work
    summary = state_summary(ws, code, parse_period(period, allow_future=True), ytd=options.ytd)
    summary = replace(summary, cutoff=cutoff)
    data = summary_pdf_bytes(ws, summary, options, identity)
    files.write_bytes_atomic(out, data)
    return ExportResult(out, code, summary.state_name, identity is not None, summary.fingerprint, len(data))


def states_with_facilities(ws: Workspace) -> list[State]:
    """The states present in the database (holding at least one facility), by name."""
    codes = set(facilities_repo.states_with_facilities(ws.conn))
    return sorted((s for s in ws.catalog.states.values() if s.code in codes), key=lambda s: s.name)


def state_file_name(state: State, period: str, signed: bool) -> str:
    """``"18-Nayarit-202302-firmado.pdf"``: sortable by code, readable, no spaces."""
    name = "".join(ch if ch.isalnum() else "_" for ch in state.name).strip("_")
    return f"{state.code}-{name}-{period}{'-firmado' if signed else ''}.pdf"


def export_all_states(
    ws: Workspace,
    period: str,
    out_dir: Path,
    options: PdfOptions = PdfOptions(),
    identity: Identity | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> list[ExportResult]:
    """One PDF per state present in the database, in ``out_dir``; progress after each state.

    ``workers`` > 1 spreads the states over that many processes (default: one per core, up
    to four); 1 runs them here, one after the other.
    """
    _check_options(options)
    period = parse_period(period, allow_future=True)
    parse_cutoff(options.cutoff, period)  # a bad date is refused before any state is written
    out_dir = Path(out_dir)
    files.check_writable_dir(out_dir)
    states = states_with_facilities(ws)
    if not states:
        raise InputError("no_states_with_data")
    workers = report_batch.default_workers() if workers is None else workers
    if workers > 1 and len(states) > 1:
        if options.banner is None:  # the workers must print the banner this workspace holds
            options = replace(options, banner=get_banner(ws, report_year(period)))
        jobs = [(s.code, out_dir / state_file_name(s, period, identity is not None)) for s in states]
        return report_batch.export_parallel(
            export_state_pdf, ws.data_dir, ws.lang, jobs, period, options, identity, workers, progress
        )
    results: list[ExportResult] = []
    if progress:
        progress(0, len(states))
    for done, state in enumerate(states, start=1):
        path = out_dir / state_file_name(state, period, identity is not None)
        results.append(export_state_pdf(ws, state.code, period, path, options, identity))
        if progress:
            progress(done, len(states))
    return results
