"""Figures of a state summary: what each holds, its exact half-up ratio and how it prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from .messages import LANGS
from .messages import text as message_text
from .values import format_number

PROVISIONAL_MARK = "**"
PROVISIONAL_NOTE_ES = "En proceso de definición con el Gobierno del estado"
PROVISIONAL_NOTE_EN = "Being defined with the state government"
NO_DATA = {lang: message_text("summary.no_data", lang) for lang in LANGS}

Exact = int | Fraction


@dataclass(frozen=True)
class Figure:
    """One computed figure with the parts behind it (for "x de y" and drill-down)."""

    code: str
    label_es: str
    label_en: str
    section: str
    unit: str
    value: float | None
    numerator: float | None
    denominator: float | None
    provisional: bool
    facilities: tuple[str, ...]
    #: Decimals of ``value`` (the seed-004 sheets print two: "82.40 %").
    decimals: int = 0
    #: For a ``"mean": true`` figure, (sum of the values, units that reported them): the
    #: national figure pools these, since a mean of the states' means is not the country's.
    mean_of: tuple[float, int] | None = None

    def label(self, lang: str = "es") -> str:
        return self.label_en if lang == "en" else self.label_es


@dataclass(frozen=True)
class TypeRow:
    """Facilities of one type (tipología) and how much of the month they reported."""

    type_code: str
    label_es: str
    label_en: str
    category: str
    units: int
    reporting: int  # units with at least one value in the last month of the window
    filled: int
    expected: int

    def label(self, lang: str = "es") -> str:
        return self.label_en if lang == "en" else self.label_es


@dataclass(frozen=True)
class StateSummary:
    """Every figure of a state's summary for a window of periods."""

    state_code: str
    state_name: str
    window: tuple[str, ...]
    figures: dict[str, Figure]
    productivity_units: int
    community_since: str | None
    completeness: tuple[int, int]
    fingerprint: str
    community_window: tuple[str, ...] = field(default=())
    by_type: tuple[TypeRow, ...] = field(default=())
    #: What the coordinator added (report_details.py): the cut-off date ("2023-02-23") when the
    #: figures stop before the month's end, a note per slide section, and the footnote text of
    #: each registry count marked provisional (figure code -> note).
    cutoff: str | None = None
    section_notes: dict[str, str] = field(default_factory=dict)
    registry_provisional: dict[str, str] = field(default_factory=dict)

    @property
    def provisional(self) -> bool:
        """Whether any figure needs the provisional footnote."""
        return any(f.provisional for f in self.figures.values())


def half_up_percent(numerator: float, denominator: float) -> int:
    """100 × n ÷ d rounded half-up, exactly (no binary floating-point error)."""
    return _half_up(Fraction(str(numerator)) * 100 / Fraction(str(denominator)))


def _half_up(ratio: Fraction) -> int:
    """Round half away from zero."""
    return int(ratio + Fraction(1, 2)) if ratio >= 0 else -int(-ratio + Fraction(1, 2))


def ratio_value(numerator: Exact | Fraction, denominator: Exact | Fraction, unit: str, decimals: int = 0) -> float:
    """A ratio as a figure shows it: 100 × n ÷ d for percentages, half-up to ``decimals``.

    412/500 with 2 decimals → 82.4 (printed "82.40 %"); with 0 → 82. Exact fractions, so
    a half is a half (1/8 → 12.5 → 13; with 2 decimals 1/3 → 33.33).
    """
    ratio = Fraction(numerator) / Fraction(denominator)
    if unit == "percent":
        ratio *= 100
    scale: int = 10**decimals  # int ** int is typed Any (a negative power is a float)
    if unit == "percent" or decimals:
        return _half_up(ratio * scale) / scale
    return float(ratio)


def format_value(fig: Figure, lang: str = "es") -> str:
    """The value alone as its source prints it: "66 %" on the slide, "82.40 %" for a
    seed-004 indicator (its sheet prints two decimals, ``Figure.decimals``), "35,833",
    "$53.4 mdp" or "sin dato".

    This is the one place a figure's value becomes text: the PDF (``summary_pdf``), the
    dashboard and ``format_figure`` all call it, so the sheets' decimals print everywhere.
    """
    if fig.value is None:
        return NO_DATA.get(lang, NO_DATA["es"])
    if fig.unit == "percent":
        return f"{format_number(fig.value, fig.decimals) if fig.decimals else int(fig.value)} %"
    if fig.unit == "money":
        millions = Fraction(str(fig.value)) / 1_000_000
        rounded = int(millions * 10 + Fraction(1, 2))
        return f"${format_number(rounded / 10, 1)} {'M' if lang == 'en' else 'mdp'}"
    if fig.decimals:
        return format_number(float(fig.value), fig.decimals)
    if float(fig.value).is_integer():
        return format_number(int(fig.value))
    return format_number(float(fig.value), 1)


def format_figure(fig: Figure, lang: str = "es", mark: bool = False) -> str:
    """es-MX text of a figure: "66 % (413 de 620)", "82.40 % (412 de 500)", "35,833",
    "$53.4 mdp" or "sin dato" (the value as ``format_value`` prints it, then "x de y").

    ``mark`` appends the provisional footnote marker ("**") to provisional figures.
    """
    if fig.value is None:
        return NO_DATA.get(lang, NO_DATA["es"])
    text = format_value(fig, lang)
    if fig.unit == "percent":
        if fig.numerator is not None and fig.denominator is not None:
            joiner = message_text("summary.of", lang)
            text += f" ({format_number(int(fig.numerator))} {joiner} {format_number(int(fig.denominator))})"
    return text + PROVISIONAL_MARK if mark and fig.provisional else text
