"""Small display helpers shared by the dialogs: dates, sizes, errors, status colours.

Dates are stored in UTC ISO-8601; people read them in local time, in the
day-first order used in Mexico ("14/03/2023 09:05").

The colours come from :mod:`app.ui.common.theme` (the palette's named roles). The old
constants ``ERROR_COLOR``, ``WARNING_COLOR``, ``OK_COLOR``, ``ERROR_BG`` and
``WARNING_BG`` still import: each is computed from the palette when it is read
(``formatting.ERROR_COLOR``), so a ``from … import`` takes the palette of that
moment. Code that paints should call :func:`app.ui.common.theme.color` when it paints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor

from app.models.messages import InputError
from app.ui.common import theme

#: The former colour constants and the theme role each one now reads.
_LEGACY_COLORS: dict[str, Callable[[], QColor]] = {
    "ERROR_COLOR": lambda: theme.color("error"),
    "WARNING_COLOR": lambda: theme.color("warning"),
    "OK_COLOR": lambda: theme.color("ok"),
    "ERROR_BG": lambda: theme.tint("error"),
    "WARNING_BG": lambda: theme.tint("warning"),
}

if TYPE_CHECKING:  # what the module-level __getattr__ below provides
    ERROR_COLOR: QColor
    WARNING_COLOR: QColor
    OK_COLOR: QColor
    ERROR_BG: QColor
    WARNING_BG: QColor


def __getattr__(name: str) -> QColor:
    """The former colour constants, computed from the palette when they are read (PEP 562)."""
    make = _LEGACY_COLORS.get(name)
    if make is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return make()


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
    """Style sheet for a status line: "ok", "error", "warning" or "" (neutral).

    Made from the palette when called, so a line restyled later follows a changed theme.
    """
    if kind == "ok":
        return theme.text_style("ok", bold=True)
    if kind == "error":
        return theme.text_style("error", bold=True)
    if kind == "warning":
        return theme.text_style("warning", bold=True)
    return ""
