"""The words of the summary PDF: labels, dates, footnotes and how figures are printed.

Everything here is plain text derived from a :class:`StateSummary`; the layout modules
(:mod:`summary_pdf_parts`, :mod:`summary_pdf_page`) only place it. Spanish (es-MX) first.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from app.models.percent import share_percent
from app.models.periods import MONTHS_EN, MONTHS_ES
from app.models.report_details import cutoff_end
from app.models.summary import (
    PRODUCTIVITY_FIGURE,
    PROVISIONAL_NOTE_EN,
    PROVISIONAL_NOTE_ES,
    Figure,
    StateSummary,
    format_figure,
)
from app.models.values import format_number

from .summary_pdf_notes import provisional_footnote

WATERMARK = {"es": "DATOS DE DEMOSTRACIÓN", "en": "DATOS DE DEMOSTRACIÓN · DEMO DATA"}

TEXT = {
    "es": {
        "title": "{state}: Avances Generales", "header": "GOBIERNO DE MÉXICO · IMSS-BIENESTAR",
        "personal": "Personal", "services": "Servicios médicos en {year}",
        "community": "Acción comunitaria", "infra": "Infraestructura y equipamiento",
        "coverage": "Cobertura de personal por categoría",
        "productivity": "* Productividad médica {window} de {units} unidades de segundo nivel.",
        "productivity_none": "* Productividad médica {window}; unidades de segundo nivel con "
                             "productividad reportada: sin dato.",
        "community_note": "Indicadores de acción comunitaria registrados desde el inicio de la "
                          "implementación",
        "since": " ({since})", "provisional": "** " + PROVISIONAL_NOTE_ES,
        "completeness": "Completitud de {month}: {filled} de {expected} datos de las unidades ({pct} %)",
        "completeness_none": "Completitud de {month}: sin dato",
        "page": "Página {n} de {total}", "generated": "Generado el {when}",
        "fingerprint": "Huella de datos {fp}", "fingerprint_full": "Huella de datos (SHA-256): {fp}",
        "units_table": "Unidades por tipo", "type": "Tipo de unidad", "count": "Unidades",
        "presence": "Con presencia IMSS-BIENESTAR", "presence_short": "Presencia: {value}",
        "types_table": "Unidades por tipología: informe de {month}",
        "reporting": "Informaron en {month}", "type_completeness": "Completitud", "of": "de",
        "window_same_year": "del 1º de {m1} al {d2} de {m2} de {y}",
        "window": "del 1º de {m1} de {y1} al {d2} de {m2} de {y2}",
        "month": "{m} de {y}",
    },
    "en": {
        "title": "{state}: General Progress", "header": "GOVERNMENT OF MEXICO · IMSS-BIENESTAR",
        "personal": "Staff", "services": "Medical services in {year}",
        "community": "Community action", "infra": "Infrastructure and equipment",
        "coverage": "Staff coverage by category",
        "productivity": "* Medical productivity {window} of {units} second-level units.",
        "productivity_none": "* Medical productivity {window}; second-level units reporting: no data.",
        "community_note": "Community-action indicators recorded since the implementation began",
        "since": " ({since})", "provisional": "** " + PROVISIONAL_NOTE_EN,
        "completeness": "Completeness of {month}: {filled} of {expected} facility values ({pct} %)",
        "completeness_none": "Completeness of {month}: no data",
        "page": "Page {n} of {total}", "generated": "Generated {when}",
        "fingerprint": "Data fingerprint {fp}", "fingerprint_full": "Data fingerprint (SHA-256): {fp}",
        "units_table": "Facilities by type", "type": "Facility type", "count": "Facilities",
        "presence": "With IMSS-BIENESTAR presence", "presence_short": "Presence: {value}",
        "types_table": "Facilities by type: {month} report",
        "reporting": "Reported in {month}", "type_completeness": "Completeness", "of": "of",
        "window_same_year": "from 1 {m1} to {d2} {m2} {y}",
        "window": "from 1 {m1} {y1} to {d2} {m2} {y2}",
        "month": "{m} {y}",
    },
}

#: The figures the productivity footnote ("* Productividad médica …") speaks about.
PRODUCTIVITY_ROWS = ("consultations_total", "consultations_specialty", "consultations_family_medicine",
                     "surgeries")
#: The figures the community footnote speaks about.
COMMUNITY_ROWS = ("health_committees", "volunteers", "home_visits", "info_sessions")


def t(lang: str) -> dict[str, str]:
    """The text table of ``lang`` (Spanish unless "en")."""
    return TEXT["en" if lang == "en" else "es"]


def no_data(lang: str) -> str:
    return "no data" if lang == "en" else "sin dato"


def month_text(period: str, lang: str) -> str:
    """"febrero de 2023" for 202302."""
    names = MONTHS_EN if lang == "en" else MONTHS_ES
    return t(lang)["month"].format(m=names[int(period[4:]) - 1], y=period[:4])


# -- figures as printed ---------------------------------------------------------------------


def percent_text(numerator: float, denominator: float) -> int:
    """100 × n ÷ d rounded half-up, except that only a complete share prints 100.

    "9,089 de 9,107" is 99.8 %: rounding up would claim completeness that is not there,
    so at the top the value rounds down (99).
    """
    return share_percent(numerator, denominator)


def figure_text(fig: Figure, lang: str = "es") -> str:
    """A figure as the PDF prints it: :func:`format_figure` with its provisional mark,
    a percentage of an incomplete share never shown as 100."""
    if (fig.unit == "percent" and fig.value is not None and fig.numerator is not None
            and fig.denominator and 0 <= fig.numerator < fig.denominator):
        exact = Fraction(str(fig.numerator)) * 100 / Fraction(str(fig.denominator))
        if exact >= Fraction(199, 2):  # would round to 100: floor to two decimals instead
            fig = replace(fig, value=math.floor(exact * 100) / 100)
    return format_figure(fig, lang, mark=True)


def has_data(fig: Figure | None) -> bool:
    return fig is not None and fig.value is not None


# -- dates and footnotes --------------------------------------------------------------------


def window_text(window: Sequence[str], lang: str = "es", cutoff: str | None = None) -> str:
    """"del 1º de enero al 28 de febrero de 2023" for the window 202301..202302.

    With a cut-off date ("2023-02-23") the window ends there: "… al 23 de febrero de 2023".
    """
    if not window:
        return ""
    names = MONTHS_EN if lang == "en" else MONTHS_ES
    first, last = window[0], window[-1]
    end = cutoff_end(last, cutoff)
    m1, m2 = names[int(first[4:]) - 1], names[end.month - 1]
    key = "window_same_year" if first[:4] == last[:4] else "window"
    return t(lang)[key].format(m1=m1, d2=end.day, m2=m2, y=end.year, y1=first[:4], y2=end.year)


@dataclass(frozen=True)
class Footnote:
    """One footnote and the figures it belongs to (empty: it belongs to the whole page).

    The compact slide prints a footnote only when one of its figures is printed.
    """

    text: str
    figures: tuple[str, ...] = ()
    kind: str = ""


def footnote_entries(summary: StateSummary, lang: str = "es") -> list[Footnote]:
    """The footnotes the data calls for, in the seed's order, with the figures they annotate."""
    text = t(lang)
    units = summary.figures.get(PRODUCTIVITY_FIGURE)
    window = window_text(summary.window, lang, summary.cutoff)
    if units is not None and units.value is not None:
        first = text["productivity"].format(window=window, units=format_figure(units, lang, mark=True))
    else:
        first = text["productivity_none"].format(window=window)
    notes = [Footnote(first, PRODUCTIVITY_ROWS, "productivity")]
    community = text["community_note"]
    if summary.community_since:
        community += text["since"].format(since=month_text(summary.community_since, lang))
    notes.append(Footnote(community + ".", COMMUNITY_ROWS, "community"))
    if summary.provisional:
        marked = tuple(code for code, fig in summary.figures.items() if fig.provisional)
        notes.append(Footnote(provisional_footnote(summary, lang), marked, "provisional"))
    return notes


def footnotes(summary: StateSummary, lang: str = "es") -> list[str]:
    """The footnotes the data calls for, in the seed's order."""
    return [note.text for note in footnote_entries(summary, lang)]


def completeness_text(summary: StateSummary, lang: str = "es") -> str:
    """Completeness of the last month of the window, "sin dato" when nothing is expected."""
    text = t(lang)
    month = month_text(summary.window[-1], lang) if summary.window else ""
    filled, expected = summary.completeness
    if not expected:
        return text["completeness_none"].format(month=month)
    return text["completeness"].format(month=month, filled=format_number(filled),
                                       expected=format_number(expected),
                                       pct=percent_text(filled, expected))
