"""share_percent: never "100 %" unless complete, the same for counts and for measured figures."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from app.models.percent import share_percent


def test_an_incomplete_month_never_reads_100_percent():
    assert share_percent(1539, 1545) == 99
    assert share_percent(9089, 9107) == 99
    assert share_percent(1545, 1545) == 100
    assert share_percent(0, 0) == 0


def test_half_rounds_up():
    assert share_percent(1, 8) == 13  # 12.5
    assert share_percent(1, 3) == 33


@given(st.integers(-(10**6), 10**6), st.integers(-(10**6), 10**6))
def test_counts_round_as_exact_fractions_do(part: int, whole: int):
    """Integer counts take a fast path; it must agree with exact rational rounding."""
    as_floats = share_percent(float(part), float(whole))
    assert share_percent(part, whole) == as_floats
    if whole:
        ratio = Fraction(part * 100, whole)
        half_up = int(ratio + Fraction(1, 2)) if ratio >= 0 else -int(-ratio + Fraction(1, 2))
        assert as_floats in (half_up, 99)
