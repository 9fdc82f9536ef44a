"""The national summary: every state's figures added up, percentages recomputed.

Every figure of a state summary is a numerator (and maybe a denominator) made of sums
and facility counts, so the national figure is the sum of the states' parts; a ratio is
then recomputed from the summed parts (half-up), never averaged. Adding the states'
parts rather than evaluating the formulas once over the whole country keeps state-level
stocks right: a LAST variable held by each state (plazas basificadas) is each state's
latest value, summed; pooled under one org unit it would be one state's latest value.

A mean (``"mean": true``, the dignification progress) is pooled instead: the states'
sums over their reporting units and the units' counts are added, then divided (half-up),
so the country's figure is the mean over all its units, not a mean of the states' means.

"Sin dato" stays sin dato: a part is None when no state had it, and a state without it
adds nothing (as a sum over cells without values does inside one state).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from fractions import Fraction

from .summary import Figure, StateSummary, TypeRow, _half_up, ratio_value

NATIONAL_CODE = "00"
NATIONAL_NAME = "Nacional"


def _add(parts: Sequence[float | None]) -> Fraction | None:
    found = [Fraction(str(p)) for p in parts if p is not None]
    return sum(found, Fraction(0)) if found else None


def combine_figures(figures: Sequence[Figure]) -> Figure:
    """One figure from the same indicator of several states (at least one)."""
    first = figures[0]
    means = [f.mean_of for f in figures if f.mean_of is not None]
    if means:
        return _combine_means(figures, means)
    num = _add([f.numerator for f in figures])
    den = _add([f.denominator for f in figures])
    # A figure without a denominator formula always has value == numerator; one with a
    # formula shows it as a denominator, or as a value left None beside a numerator.
    has_denominator = any(f.denominator is not None or (f.value is None and f.numerator is not None) for f in figures)
    if has_denominator:
        if num is None or den is None or den == 0:
            value = None
        else:
            value = ratio_value(num, den, first.unit, first.decimals)
    else:
        value = None if num is None else float(num)
    facilities = sorted({c for f in figures for c in f.facilities})
    return Figure(
        code=first.code,
        label_es=first.label_es,
        label_en=first.label_en,
        section=first.section,
        unit=first.unit,
        value=value,
        numerator=None if num is None else float(num),
        denominator=None if den is None else float(den),
        provisional=any(f.provisional for f in figures),
        facilities=tuple(facilities),
        decimals=first.decimals,
    )


def _combine_means(figures: Sequence[Figure], means: Sequence[tuple[float, int]]) -> Figure:
    """A mean figure of several states: the mean over every state's reporting units."""
    first = figures[0]
    total = _add([t for t, _ in means])
    assert total is not None  # means is never empty: the caller passes the figures' means
    count = sum(n for _, n in means)
    value = float(_half_up(total / count))
    return Figure(
        code=first.code,
        label_es=first.label_es,
        label_en=first.label_en,
        section=first.section,
        unit=first.unit,
        value=value,
        numerator=value,
        denominator=None,
        provisional=any(f.provisional for f in figures),
        facilities=tuple(sorted({c for f in figures for c in f.facilities})),
        decimals=first.decimals,
        mean_of=(float(total), count),
    )


def _combine_types(summaries: Sequence[StateSummary]) -> tuple[TypeRow, ...]:
    order: list[str] = []
    rows: dict[str, TypeRow] = {}
    for summary in summaries:
        for row in summary.by_type:
            if row.type_code not in rows:
                order.append(row.type_code)
                rows[row.type_code] = row
                continue
            old = rows[row.type_code]
            rows[row.type_code] = TypeRow(
                old.type_code,
                old.label_es,
                old.label_en,
                old.category,
                old.units + row.units,
                old.reporting + row.reporting,
                old.filled + row.filled,
                old.expected + row.expected,
            )
    return tuple(rows[code] for code in order)


def combine_summaries(
    summaries: Sequence[StateSummary], code: str = NATIONAL_CODE, name: str = NATIONAL_NAME
) -> StateSummary:
    """The summary of several states (the country) for the same window.

    Counts are summed; percentages are recomputed from the summed numerators and
    denominators; completeness and the per-type table are summed; the community
    window starts with the earliest state's. The fingerprint is the SHA-256 of the
    states' fingerprints, so it changes when any value behind any state changes.
    Raises ValueError when ``summaries`` is empty or mixes windows.
    """
    if not summaries:
        raise ValueError("no state summaries to combine")
    window = summaries[0].window
    if any(s.window != window for s in summaries):
        raise ValueError("state summaries cover different windows")
    codes = list(summaries[0].figures)
    figures = {c: combine_figures([s.figures[c] for s in summaries if c in s.figures]) for c in codes}
    starts = [s.community_since for s in summaries if s.community_since]
    community = sorted({p for s in summaries for p in s.community_window})
    digest = hashlib.sha256()
    for summary in sorted(summaries, key=lambda s: s.state_code):
        digest.update(f"{summary.state_code}:{summary.fingerprint}\n".encode())
    return StateSummary(
        state_code=code,
        state_name=name,
        window=window,
        figures=figures,
        productivity_units=sum(s.productivity_units for s in summaries),
        community_since=min(starts) if starts else None,
        completeness=(sum(s.completeness[0] for s in summaries), sum(s.completeness[1] for s in summaries)),
        fingerprint=digest.hexdigest(),
        community_window=tuple(community),
        by_type=_combine_types(summaries),
    )
