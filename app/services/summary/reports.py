"""Closing and reopening a state's monthly report."""

from __future__ import annotations

from dataclasses import replace

from app.models.messages import InputError
from app.models.periods import parse_period
from app.models.report_details import NOTE_MAX, check_section, clean_text, parse_cutoff
from app.models.summary import StateSummary
from app.models.validation import ERROR
from app.services.entry.month_values import load_month, month_issues
from app.services.workspace import Workspace, now_iso, write_transaction
from app.storage import facilities_repo, reports_repo


def report_status(ws: Workspace, state_code: str, period: str) -> str:
    state = ws.catalog.state(state_code)
    return reports_repo.report_status(ws.conn, state.code, parse_period(period, allow_future=True))


def count_errors(ws: Workspace, state_code: str, period: str) -> int:
    """Number of cells with validation errors in the month."""
    month = load_month(ws, state_code, period, with_history=False)
    return sum(1 for found in month_issues(ws.catalog, month).values() if any(i.severity == ERROR for i in found))


def close_report(
    ws: Workspace, state_code: str, period: str, source: str = "manual", cutoff: str | None = None
) -> None:
    """borrador → cerrado. Refused while the month has validation errors.

    ``cutoff`` ("YYYY-MM-DD", inside the month, not in the future) is stored with the closed
    report and printed by its summaries; None keeps the one already stored (usually none).
    """
    state = ws.catalog.state(state_code)
    period = parse_period(period)
    cutoff = parse_cutoff(cutoff, period)
    status = reports_repo.report_status(ws.conn, state.code, period)
    if status != "borrador":
        raise InputError("report_already_closed", state=state.name, period=period)
    errors = count_errors(ws, state.code, period)
    if errors:
        raise InputError("report_has_errors", state=state.name, period=period, count=errors)
    with write_transaction(ws):
        now = now_iso()
        if cutoff is not None:
            reports_repo.set_report_cutoff(ws.conn, state.code, period, cutoff, ws.user, now, source)
        reports_repo.set_report_status(ws.conn, state.code, period, "cerrado", ws.user, now, source)


def reopen_report(ws: Workspace, state_code: str, period: str, source: str = "manual") -> None:
    """cerrado → borrador; logged in the change log (the PDF must be signed again)."""
    state = ws.catalog.state(state_code)
    period = parse_period(period)
    if reports_repo.report_status(ws.conn, state.code, period) == "borrador":
        raise InputError("report_not_closed", state=state.name, period=period)
    with write_transaction(ws):
        reports_repo.set_report_status(ws.conn, state.code, period, "borrador", ws.user, now_iso(), source)


# -- issue 10: cut-off date, section notes, and what the summary prints of them -----------


def report_cutoff(ws: Workspace, state_code: str, period: str) -> str | None:
    """The cut-off date stored with the report, or None (the whole month)."""
    state = ws.catalog.state(state_code)
    return reports_repo.report_cutoff(ws.conn, state.code, parse_period(period, allow_future=True))


def cutoff_for_pdf(ws: Workspace, state_code: str, period: str, requested: str | None) -> str | None:
    """The cut-off date a summary of the month prints: ``requested`` (checked) or the stored one.

    A closed report keeps the date it was closed with: asking for another one is refused
    (reopen the report to change it), so a signed summary never disagrees with its report.
    """
    state = ws.catalog.state(state_code)
    period = parse_period(period, allow_future=True)
    stored = reports_repo.report_cutoff(ws.conn, state.code, period)
    wanted = parse_cutoff(requested, period)
    if wanted is None:
        return stored
    closed = reports_repo.report_status(ws.conn, state.code, period) != "borrador"
    if closed and stored and wanted != stored:
        raise InputError("cutoff_closed_differs", state=state.name, period=period, stored=stored)
    return wanted


def section_notes(ws: Workspace, state_code: str, period: str) -> dict[str, str]:
    """The month's section notes by section code."""
    state = ws.catalog.state(state_code)
    return reports_repo.section_notes(ws.conn, state.code, parse_period(period, allow_future=True))


def set_section_note(
    ws: Workspace, state_code: str, period: str, section: str, text: str, source: str = "manual"
) -> str:
    """Store one section's note ("" deletes it); returns the note as stored.

    Plain text on one line, at most :data:`NOTE_MAX` characters; refused on a closed report.
    """
    state = ws.catalog.state(state_code)
    period = parse_period(period)
    code = check_section(section)
    cleaned = clean_text(text, NOTE_MAX)
    if reports_repo.report_status(ws.conn, state.code, period) != "borrador":
        raise InputError("report_closed", state=state.name, period=period)
    with write_transaction(ws):
        reports_repo.set_section_note(ws.conn, state.code, period, code, cleaned, ws.user, now_iso(), source)
    return cleaned


def with_report_details(ws: Workspace, summary: StateSummary, cutoff: str | None = None) -> StateSummary:
    """``summary`` with what the coordinator added: cut-off date, section notes, provisional counts.

    Registry counts marked provisional become provisional figures (they carry the ``**``
    mark); ``cutoff`` None takes the date stored with the report.
    """
    if not summary.window:
        return summary
    period = summary.window[-1]
    marks = facilities_repo.registry_provisional(ws.conn, summary.state_code)
    figures = dict(summary.figures)
    for code in marks:
        if code in figures:
            figures[code] = replace(figures[code], provisional=True)
    return replace(
        summary,
        figures=figures,
        registry_provisional={c: n for c, n in marks.items() if c in figures},
        cutoff=cutoff if cutoff is not None else reports_repo.report_cutoff(ws.conn, summary.state_code, period),
        section_notes=reports_repo.section_notes(ws.conn, summary.state_code, period),
    )


def save_section_notes(
    ws: Workspace, state_code: str, period: str, notes: dict[str, str], source: str = "manual"
) -> dict[str, str]:
    """Store several section notes at once (the GUI's editor): every one is checked first,
    then all are written in one transaction, or none. Returns the month's notes as stored."""
    state = ws.catalog.state(state_code)
    period = parse_period(period)
    cleaned = {check_section(section): clean_text(text, NOTE_MAX) for section, text in notes.items()}
    if reports_repo.report_status(ws.conn, state.code, period) != "borrador":
        raise InputError("report_closed", state=state.name, period=period)
    with write_transaction(ws):
        now = now_iso()
        for section, text in cleaned.items():
            reports_repo.set_section_note(ws.conn, state.code, period, section, text, ws.user, now, source)
    return reports_repo.section_notes(ws.conn, state.code, period)
