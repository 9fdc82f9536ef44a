"""The state summary PDF as a file: render, optionally sign, write (GUI and CLI share this).

``export_state_pdf`` writes one state's "Avances Generales" PDF; ``export_all_states``
writes one per state present in the database, reporting progress after each state (the
progress callback may raise to cancel; files already written stay whole, the one in
progress is never left half written). The yearly banner is a workspace setting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from app.models.catalog import State
from app.models.messages import InputError
from app.models.periods import parse_period
from app.models.summary import StateSummary
from app.reports.identity import Identity
from app.reports.signed_summary import signed_summary_pdf
from app.reports.summary_pdf import DEFAULT_BANNER, LAYOUTS, render_summary_pdf
from app.storage import files, reports_repo

from . import report_batch
from .summary import state_summary
from .workspace import Workspace

BANNER_SETTING = "summary_banner"
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PdfOptions:
    """How to render: page layout, language, yearly banner (None: the workspace setting)."""

    layout: str = "slide"
    lang: str = "es"
    banner: str | None = None
    ytd: bool = True


@dataclass(frozen=True)
class ExportResult:
    """One PDF written: where, for which state, signed or not, and its data fingerprint."""

    path: Path
    state_code: str
    state_name: str
    signed: bool
    fingerprint: str
    size: int


def get_banner(ws: Workspace) -> str:
    """The yearly banner printed at the foot of every page ("2023 Año de Francisco Villa")."""
    return reports_repo.settings_get(ws.conn, BANNER_SETTING, DEFAULT_BANNER) or DEFAULT_BANNER


def set_banner(ws: Workspace, text: str) -> str:
    """Store the banner (blank restores the default); returns the banner now in force."""
    from .workspace import write_transaction

    with write_transaction(ws):
        reports_repo.settings_set(ws.conn, BANNER_SETTING, " ".join(text.split()))
    return get_banner(ws)


def _check_options(options: PdfOptions) -> None:
    if options.layout not in LAYOUTS:
        raise InputError("layout_unknown", layout=options.layout)


def summary_pdf_bytes(ws: Workspace, summary: StateSummary, options: PdfOptions,
                      identity: Identity | None = None, now: datetime | None = None) -> bytes:
    """Render ``summary`` (and sign it with ``identity`` when given) as PDF bytes."""
    _check_options(options)
    banner = options.banner if options.banner is not None else get_banner(ws)
    when = now or datetime.now().astimezone()
    if identity is None:
        return render_summary_pdf(summary, options.layout, banner, when, options.lang)
    return signed_summary_pdf(summary, identity, options.layout, banner, when, options.lang)


def export_state_pdf(ws: Workspace, state: str, period: str, out: Path,
                     options: PdfOptions = PdfOptions(), identity: Identity | None = None) -> ExportResult:
    """Compute, render, sign (optional) and write one state's summary to ``out``.

    The output folder is checked first, so an unwritable path fails before any work;
    the file is written whole or not at all.
    """
    _check_options(options)
    out = Path(out)
    files.check_writable_dir(out.parent)
    code = ws.catalog.state(state).code
    summary = state_summary(ws, code, parse_period(period, allow_future=True), ytd=options.ytd)
    data = summary_pdf_bytes(ws, summary, options, identity)
    files.write_bytes_atomic(out, data)
    return ExportResult(out, code, summary.state_name, identity is not None, summary.fingerprint, len(data))


def states_with_facilities(ws: Workspace) -> list[State]:
    """The states present in the database (holding at least one facility), by name."""
    codes = {row[0] for row in ws.conn.execute("SELECT DISTINCT state_code FROM facilities")}
    return sorted((s for s in ws.catalog.states.values() if s.code in codes), key=lambda s: s.name)


def state_file_name(state: State, period: str, signed: bool) -> str:
    """``"18-Nayarit-202302-firmado.pdf"``: sortable by code, readable, no spaces."""
    name = "".join(ch if ch.isalnum() else "_" for ch in state.name).strip("_")
    return f"{state.code}-{name}-{period}{'-firmado' if signed else ''}.pdf"


def export_all_states(ws: Workspace, period: str, out_dir: Path, options: PdfOptions = PdfOptions(),
                      identity: Identity | None = None, progress: Progress | None = None,
                      workers: int | None = None) -> list[ExportResult]:
    """One PDF per state present in the database, in ``out_dir``; progress after each state.

    ``workers`` > 1 spreads the states over that many processes (default: one per core, up
    to four); 1 runs them here, one after the other.
    """
    _check_options(options)
    period = parse_period(period, allow_future=True)
    out_dir = Path(out_dir)
    files.check_writable_dir(out_dir)
    states = states_with_facilities(ws)
    if not states:
        raise InputError("no_states_with_data")
    workers = report_batch.default_workers() if workers is None else workers
    if workers > 1 and len(states) > 1:
        if options.banner is None:  # the workers must print the banner this workspace holds
            options = replace(options, banner=get_banner(ws))
        jobs = [(s.code, out_dir / state_file_name(s, period, identity is not None)) for s in states]
        return report_batch.export_parallel(ws.data_dir, ws.lang, jobs, period, options, identity, workers,
                                            progress)
    results: list[ExportResult] = []
    if progress:
        progress(0, len(states))
    for done, state in enumerate(states, start=1):
        path = out_dir / state_file_name(state, period, identity is not None)
        results.append(export_state_pdf(ws, state.code, period, path, options, identity))
        if progress:
            progress(done, len(states))
    return results
