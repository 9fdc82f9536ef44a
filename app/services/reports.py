"""Closing and reopening a state's monthly report."""

from __future__ import annotations

from app.models.messages import InputError
from app.models.periods import parse_period
from app.models.validation import ERROR
from app.storage import reports_repo

from .entry import load_month, month_issues
from .workspace import Workspace, now_iso, write_transaction


def report_status(ws: Workspace, state_code: str, period: str) -> str:
    state = ws.catalog.state(state_code)
    return reports_repo.report_status(ws.conn, state.code, parse_period(period, allow_future=True))


def count_errors(ws: Workspace, state_code: str, period: str) -> int:
    """Number of cells with validation errors in the month."""
    month = load_month(ws, state_code, period, with_history=False)
    return sum(1 for found in month_issues(ws.catalog, month).values() if any(i.severity == ERROR for i in found))


def close_report(ws: Workspace, state_code: str, period: str, source: str = "manual") -> None:
    """borrador → cerrado. Refused while the month has validation errors."""
    state = ws.catalog.state(state_code)
    period = parse_period(period)
    status = reports_repo.report_status(ws.conn, state.code, period)
    if status != "borrador":
        raise InputError("report_already_closed", state=state.name, period=period)
    errors = count_errors(ws, state.code, period)
    if errors:
        raise InputError("report_has_errors", state=state.name, period=period, count=errors)
    with write_transaction(ws):
        reports_repo.set_report_status(ws.conn, state.code, period, "cerrado", ws.user, now_iso(), source)


def reopen_report(ws: Workspace, state_code: str, period: str, source: str = "manual") -> None:
    """cerrado → borrador; logged in the change log (the PDF must be signed again)."""
    state = ws.catalog.state(state_code)
    period = parse_period(period)
    if reports_repo.report_status(ws.conn, state.code, period) == "borrador":
        raise InputError("report_not_closed", state=state.name, period=period)
    with write_transaction(ws):
        reports_repo.set_report_status(ws.conn, state.code, period, "borrador", ws.user, now_iso(), source)
