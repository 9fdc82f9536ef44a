"""DHIS2 monthly periods (``YYYYMM``) and their arithmetic."""

from __future__ import annotations

import datetime as dt
import re

from .messages import InputError

MONTHS_ES = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_PERIOD = re.compile(r"^(\d{4})(0[1-9]|1[0-2])$")


def parse_period(text: object, today: dt.date | None = None, allow_future: bool = False) -> str:
    """Validate a monthly period and return it as ``YYYYMM``.

    Accepts ``202302``, ``2023-02`` and numbers read from spreadsheets
    (``202302.0``). Raises InputError for malformed periods and, unless
    ``allow_future``, for months after the current one.
    """
    raw = str(text).strip()
    if re.fullmatch(r"\d{6}\.0+", raw):
        raw = raw.split(".")[0]
    raw = raw.replace("-", "") if re.fullmatch(r"\d{4}-\d{2}", raw) else raw
    match = _PERIOD.match(raw)
    if not match or not 2000 <= int(match.group(1)) <= 2100:
        raise InputError("period_malformed", period=text)
    if not allow_future:
        today = today or dt.date.today()
        if raw > f"{today.year:04d}{today.month:02d}":
            raise InputError("period_future", period=raw)
    return raw


def current_period(today: dt.date | None = None) -> str:
    """The period of ``today`` (default: the system date)."""
    today = today or dt.date.today()
    return f"{today.year:04d}{today.month:02d}"


def shift(period: str, months: int) -> str:
    """``period`` moved by ``months`` (negative goes back)."""
    year, month = int(period[:4]), int(period[4:])
    index = year * 12 + (month - 1) + months
    return f"{index // 12:04d}{index % 12 + 1:02d}"


def previous_periods(period: str, count: int) -> list[str]:
    """The ``count`` periods before ``period``, most recent first."""
    return [shift(period, -i) for i in range(1, count + 1)]


def year_to_date(period: str) -> list[str]:
    """January of ``period``'s year up to ``period``, in order."""
    year, month = period[:4], int(period[4:])
    return [f"{year}{m:02d}" for m in range(1, month + 1)]


def period_label(period: str, lang: str = "es") -> str:
    """Human label: "febrero 2023" or "February 2023"."""
    names = MONTHS_EN if lang == "en" else MONTHS_ES
    return f"{names[int(period[4:]) - 1]} {period[:4]}"


def period_end(period: str) -> dt.date:
    """Last day of the month."""
    nxt = shift(period, 1)
    return dt.date(int(nxt[:4]), int(nxt[4:]), 1) - dt.timedelta(days=1)
