"""The layout of the "Avances Generales" summary, shared by the PDF and the dashboard.

Which figures go in which section and in what order (summary.md §2), the sections' titles,
and the words around the figures (the window, completeness, footnotes) as plain text in
Spanish or English from the message catalogue (:mod:`app.models.messages.summary`). The PDF
(:mod:`app.reports.pdf.summary_pdf`) places these with ReportLab and the dashboard with Qt, so
what the coordinator sees is what she exports, with the titles translated once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from .messages import table, text
from .percent import share_percent
from .periods import MONTHS_EN, MONTHS_ES
from .report_details import PROVISIONAL_MARK, cutoff_end, provisional_notes
from .summary import PRODUCTIVITY_FIGURE, Figure, StateSummary, format_figure
from .values import format_number

# -- sections and their figures, in the seed's order ------------------------------------------

INVENTORY = ("hospitals_count", "unemes_count", "health_units_count")
COVERAGE = ("specialists_coverage_pct", "gp_nursing_coverage_pct", "hospital_medical_post_coverage_pct")
PERSONAL = ("basification_pct", "training_first_level_pct", "training_second_level_pct")
SERVICES = (
    "consultations_total",
    "consultations_specialty",
    "consultations_family_medicine",
    "surgeries",
    "rx_filled_pct",
    "hospitals_with_supply_control_system_pct",
)
COMMUNITY = ("health_committees", "volunteers", "home_visits", "info_sessions")
INFRASTRUCTURE = (
    "conservation_hospitals",
    "dignification_investment",
    "dignification_progress_pct",
    "equipment_goods_count",
    "equipment_investment",
    "equipment_delivered_2nd_level_pct",
    "equipment_enabled_functional_count",
)
#: Each facility count with the presence share printed under it.
UNIT_TYPES = (
    ("hospitals_count", "hospitals_presence_pct"),
    ("unemes_count", "unemes_presence_pct"),
    ("health_units_count", "health_centers_presence_pct"),
)
PRESENCE = dict(UNIT_TYPES)

#: The figures the productivity footnote ("* Productividad médica …") speaks about.
PRODUCTIVITY_ROWS = ("consultations_total", "consultations_specialty", "consultations_family_medicine", "surgeries")
#: The figures the community footnote speaks about.
COMMUNITY_ROWS = ("health_committees", "volunteers", "home_visits", "info_sessions")


@dataclass(frozen=True)
class SectionLayout:
    """A titled section: its key, its title's message code, its figures, its note's code.

    ``note`` is the catalog section code under which the coordinator's note is stored.
    """

    key: str
    title: str
    figures: tuple[str, ...]
    note: str


SECTIONS = (
    SectionLayout("personal", "summary.personal", COVERAGE + PERSONAL, "personal"),
    SectionLayout("services", "summary.services", SERVICES, "servicios"),
    SectionLayout("community", "summary.community", COMMUNITY, "comunitaria"),
    SectionLayout("infra", "summary.infra", INFRASTRUCTURE, "infraestructura"),
)
SECTION = {section.key: section for section in SECTIONS}

#: Layout block → catalog section code of its note (the inventory row has one too).
NOTE_KEYS = {"inventory": "unidades", **{s.key: s.note for s in SECTIONS}}


def section_title(key: str, lang: str = "es", year: str = "", star: bool = False) -> str:
    """The title of section ``key`` ("Servicios médicos en 2023"), with "*" when ``star``.

    The "*" points at the productivity or community footnote.
    """
    return text(SECTION[key].title, lang, year=year) + ("*" if star else "")


def words(lang: str) -> dict[str, str]:
    """The summary's templates in ``lang`` (Spanish unless "en"), keyed without "summary."."""
    return table("summary.", lang)


# -- figures as printed ---------------------------------------------------------------------


def no_data(lang: str) -> str:
    """ "sin dato" (or "no data"): a figure nobody reported, never printed as 0."""
    return text("summary.no_data", lang)


def month_text(period: str, lang: str) -> str:
    """ "febrero de 2023" for 202302."""
    names = MONTHS_EN if lang == "en" else MONTHS_ES  # month names: data of models.periods
    return text("summary.month", lang, m=names[int(period[4:]) - 1], y=period[:4])


def percent_text(numerator: float, denominator: float) -> int:
    """100 × n ÷ d rounded half-up, except that only a complete share prints 100.

    "9,089 de 9,107" is 99.8 %: rounding up would claim completeness that is not there,
    so at the top the value rounds down (99).
    """
    return share_percent(numerator, denominator)


def figure_text(fig: Figure, lang: str = "es") -> str:
    """A figure as the PDF prints it: :func:`format_figure` with its provisional mark,
    a percentage of an incomplete share never shown as 100."""
    if (
        fig.unit == "percent"
        and fig.value is not None
        and fig.numerator is not None
        and fig.denominator
        and 0 <= fig.numerator < fig.denominator
    ):
        exact = Fraction(str(fig.numerator)) * 100 / Fraction(str(fig.denominator))
        if exact >= Fraction(199, 2):  # would round to 100: floor to two decimals instead
            fig = replace(fig, value=math.floor(exact * 100) / 100)
    return format_figure(fig, lang, mark=True)


def has_data(fig: Figure | None) -> bool:
    """Whether ``fig`` exists and holds a value."""
    return fig is not None and fig.value is not None


# -- dates and footnotes --------------------------------------------------------------------


def window_text(window: Sequence[str], lang: str = "es", cutoff: str | None = None) -> str:
    """ "del 1º de enero al 28 de febrero de 2023" for the window 202301..202302.

    With a cut-off date ("2023-02-23") the window ends there: "… al 23 de febrero de 2023".
    """
    if not window:
        return ""
    names = MONTHS_EN if lang == "en" else MONTHS_ES
    first, last = window[0], window[-1]
    end = cutoff_end(last, cutoff)
    m1, m2 = names[int(first[4:]) - 1], names[end.month - 1]
    code = "summary.window_same_year" if first[:4] == last[:4] else "summary.window"
    return text(code, lang, m1=m1, d2=end.day, m2=m2, y=end.year, y1=first[:4], y2=end.year)


@dataclass(frozen=True)
class Footnote:
    """One footnote and the figures it belongs to (empty: it belongs to the whole page).

    The compact slide prints a footnote only when one of its figures is printed.
    """

    text: str
    figures: tuple[str, ...] = ()
    kind: str = ""


def provisional_footnote(summary: StateSummary, lang: str = "es") -> str:
    """ "** En proceso de definición con el Gobierno del estado." or "" when nothing is provisional.

    Every distinct note behind a provisional figure is printed once (a registry count's own
    note, or the default one for values flagged provisional).
    """
    flags = {code: fig.provisional for code, fig in summary.figures.items()}
    notes = [n.rstrip(". ") for n in provisional_notes(flags, summary.registry_provisional, lang)]
    return f"{PROVISIONAL_MARK} " + ". ".join(notes) + "." if notes else ""


def footnote_entries(summary: StateSummary, lang: str = "es") -> list[Footnote]:
    """The footnotes the data calls for, in the seed's order, with the figures they annotate."""
    units = summary.figures.get(PRODUCTIVITY_FIGURE)
    window = window_text(summary.window, lang, summary.cutoff)
    if units is not None and units.value is not None:
        first = text("summary.productivity", lang, window=window, units=format_figure(units, lang, mark=True))
    else:
        first = text("summary.productivity_none", lang, window=window)
    notes = [Footnote(first, PRODUCTIVITY_ROWS, "productivity")]
    community = text("summary.community_note", lang)
    if summary.community_since:
        community += text("summary.since", lang, since=month_text(summary.community_since, lang))
    notes.append(Footnote(community + ".", COMMUNITY_ROWS, "community"))
    if summary.provisional:
        marked = tuple(code for code, fig in summary.figures.items() if fig.provisional)
        notes.append(Footnote(provisional_footnote(summary, lang), marked, "provisional"))
    return notes


def footnotes(summary: StateSummary, lang: str = "es") -> list[str]:
    """The footnotes the data calls for, in the seed's order."""
    return [note.text for note in footnote_entries(summary, lang)]


def printed_notes(summary: StateSummary, lang: str, printed: set[str] | None = None) -> list[str]:
    """The footnotes a page prints: all of them, or (compact) those whose figures are printed.

    ``printed`` is the set of figure codes on the page; a footnote that belongs to figures
    (productivity, community, provisional marks) is kept when one of them is printed.
    """
    entries = footnote_entries(summary, lang)
    if printed is None:
        return [e.text for e in entries]
    kept = [e for e in entries if not e.figures or printed & set(e.figures)]
    kinds = {e.kind for e in kept}
    out = []
    for entry in kept:
        note = entry.text
        if entry.kind == "community" and "productivity" not in kinds:
            note = "* " + note  # its "*" was carried by the productivity footnote
        out.append(note)
    return out


def completeness_text(summary: StateSummary, lang: str = "es") -> str:
    """Completeness of the last month of the window, "sin dato" when nothing is expected."""
    month = month_text(summary.window[-1], lang) if summary.window else ""
    filled, expected = summary.completeness
    if not expected:
        return text("summary.completeness_none", lang, month=month)
    return text(
        "summary.completeness",
        lang,
        month=month,
        filled=format_number(filled),
        expected=format_number(expected),
        pct=percent_text(filled, expected),
    )
