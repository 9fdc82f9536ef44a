"""Small display helpers shared by the dialogs: dates, sizes, errors, colours.

Dates are stored in UTC ISO-8601; people read them in local time, in the
day-first order used in Mexico ("14/03/2023 09:05").
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor

from app.models.messages import InputError

#: Colours for validation marks and status lines (readable on light themes).
ERROR_COLOR = QColor("#b3261e")
WARNING_COLOR = QColor("#9a6700")
OK_COLOR = QColor("#1e7b34")
ERROR_BG = QColor("#fde7e9")
WARNING_BG = QColor("#fff4ce")


def parse_iso(text: str) -> dt.datetime | None:
    """An ISO timestamp as an aware datetime (naive input counts as UTC), or None."""
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


def local_datetime(value: str | dt.datetime, lang: str = "es", seconds: bool = False) -> str:
    """A timestamp in local time: "14/03/2023 09:05" (es-MX) or "2023-03-14 09:05" (en)."""
    moment = parse_iso(value) if isinstance(value, str) else value
    if moment is None:
        return str(value or "")
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    clock = "%H:%M:%S" if seconds else "%H:%M"
    return moment.strftime(("%Y-%m-%d " if lang == "en" else "%d/%m/%Y ") + clock)


def local_date(iso_date: str, lang: str = "es") -> str:
    """A ``YYYY-MM-DD`` date as "14/03/2023" (es-MX) or unchanged (en)."""
    try:
        day = dt.date.fromisoformat(iso_date[:10])
    except ValueError:
        return iso_date
    return day.isoformat() if lang == "en" else day.strftime("%d/%m/%Y")


def file_size(size: int) -> str:
    """Bytes as "850 KB" or "12.4 MB" (point decimals, as in es-MX)."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:,.0f} KB"
    return f"{size / (1024 * 1024):,.1f} MB"


def error_text(exc: BaseException, lang: str = "es") -> str:
    """What to show for a failure: the bilingual message of an InputError, else the text."""
    if isinstance(exc, InputError):
        return exc.message(lang)
    return str(exc) or type(exc).__name__


def status_style(kind: str) -> str:
    """Style sheet for a status line: "ok", "error", "warning" or "" (neutral)."""
    color = {"ok": OK_COLOR, "error": ERROR_COLOR, "warning": WARNING_COLOR}.get(kind)
    return f"color: {color.name()}; font-weight: bold;" if color else ""
