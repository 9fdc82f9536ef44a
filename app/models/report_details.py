"""What a coordinator adds to a report besides values: cut-off date, section notes, marks.

- **Cut-off date** ("fecha de corte"): the last day the month's figures cover, when the
  slide is made before the month ends ("del 1º de enero al 23 de febrero 2023").
- **Section notes**: one short plain-text line per slide section ("(Programado para
  agosto)"), printed under the section title.
- **Provisional registry counts**: a count of the facility registry (hospitals, UNEMES,
  health units) marked "en proceso de definición" with its footnote text.

Pure functions over plain data (standard library only); the rules are enforced here so the
CLI, the GUI and the PDF agree.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping

from .messages import InputError
from .periods import MONTHS_ES, period_end
from .summary import PROVISIONAL_NOTE_EN, PROVISIONAL_NOTE_ES

#: Slide sections that take a note, in slide order (catalog section codes).
NOTE_SECTIONS = ("unidades", "personal", "servicios", "comunitaria", "infraestructura")
NOTE_MAX = 120
PROVISIONAL_NOTE_MAX = 160
PROVISIONAL_MARK = "**"
DEFAULT_PROVISIONAL_NOTE = {"es": PROVISIONAL_NOTE_ES, "en": PROVISIONAL_NOTE_EN}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_cutoff(text: object, period: str, today: dt.date | None = None) -> str | None:
    """The cut-off date of ``period``'s report as ``YYYY-MM-DD``; None for empty text.

    Must be a real date inside the report's month and not after ``today``. Raises
    InputError("cutoff_malformed" / "cutoff_outside_month" / "cutoff_future").
    """
    raw = "" if text is None else str(text).strip()
    if not raw:
        return None
    if not _DATE.match(raw):
        raise InputError("cutoff_malformed", value=raw[:40])
    try:
        date = dt.date.fromisoformat(raw)
    except ValueError:
        raise InputError("cutoff_malformed", value=raw[:40]) from None
    if f"{date.year:04d}{date.month:02d}" != period:
        month = f"{MONTHS_ES[int(period[4:]) - 1]} {period[:4]}"
        raise InputError("cutoff_outside_month", date=raw, month=month)
    today = today or dt.date.today()
    if date > today:
        raise InputError("cutoff_future", date=raw, today=today.isoformat())
    return raw


def cutoff_end(period: str, cutoff: str | None) -> dt.date:
    """The last day a window ending in ``period`` covers: the cut-off date or the month's end."""
    return dt.date.fromisoformat(cutoff) if cutoff else period_end(period)


def clean_text(text: object, limit: int) -> str:
    """One line of plain text, spaces collapsed; "" clears.

    Refuses line breaks, tabs and other control or format characters (they would break
    the slide's layout or hide text) and anything longer than ``limit`` characters.
    Markup characters (``<``, ``&``) are kept as text: the PDF escapes them.
    """
    raw = "" if text is None else str(text)
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in raw):
        raise InputError("note_not_plain")
    cleaned = " ".join(raw.split())
    if len(cleaned) > limit:
        raise InputError("note_too_long", length=len(cleaned), max=limit)
    return cleaned


def check_section(section: object) -> str:
    """A section code that takes a note (case-insensitive); raises InputError otherwise."""
    code = str(section or "").strip().lower()
    if code not in NOTE_SECTIONS:
        raise InputError("note_section_unknown", section=str(section or "")[:40], sections=", ".join(NOTE_SECTIONS))
    return code


def provisional_notes(
    provisional_codes: Mapping[str, bool], registry_notes: Mapping[str, str], lang: str = "es"
) -> list[str]:
    """Distinct footnote texts of the provisional figures, in figure order.

    ``provisional_codes`` maps each figure code to whether it is provisional;
    ``registry_notes`` holds the note of each registry count marked provisional. A
    figure provisional through its values takes the default note.
    """
    default = DEFAULT_PROVISIONAL_NOTE["en" if lang == "en" else "es"]
    out: list[str] = []
    for code, provisional in provisional_codes.items():
        if not provisional:
            continue
        note = registry_notes.get(code) or default
        if note not in out:
            out.append(note)
    return out


PROVISIONAL_TRUE = frozenset({"sí", "si", "1", "true"})
PROVISIONAL_FALSE = frozenset({"no", "0", "false"})


def parse_provisional(value: object) -> bool | None:
    """A file's ``provisional`` cell: True, False, or None (empty: no change).

    Accepts sí/no, 1/0, true/false (any case; "si" without the accent too). Anything else
    raises InputError("provisional_flag_invalid").
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if not text:
        return None
    if text in PROVISIONAL_TRUE:
        return True
    if text in PROVISIONAL_FALSE:
        return False
    raise InputError("provisional_flag_invalid", value=str(value)[:40])
