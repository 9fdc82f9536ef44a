"""How a share is printed as a whole percent everywhere: never "100 %" unless complete.

"1,539 de 1,545" is 99.6 %: rounding half up would print 100 % and tell a coordinator the
month is complete when six cells are missing. So the rounding is half up, except at the
top, where an incomplete share stays at 99. Used by the side panel, the grid, the
dashboard, the consolidation and the summary PDF alike.
"""

from __future__ import annotations


def share_percent(part: float, whole: float) -> int:
    """100 × part ÷ whole as a whole number, half up, but 99 (never 100) while part < whole.

    0 when ``whole`` is 0 (nothing expected). Exact arithmetic: no binary floating-point
    error decides a rounding.
    """
    if not whole:
        return 0
    if isinstance(part, int) and isinstance(whole, int):
        # Cell counts, the common case: integer arithmetic is exact, and fractions (which
        # imports decimal) stays out of the start-up path (issue 12).
        numerator, denominator = 100 * part, whole
        if denominator < 0:
            numerator, denominator = -numerator, -denominator
        half_up = (2 * abs(numerator) + denominator) // (2 * denominator)
        rounded = half_up if numerator >= 0 else -half_up
    else:
        from fractions import Fraction

        ratio = Fraction(str(part)) * 100 / Fraction(str(whole))
        rounded = int(ratio + Fraction(1, 2)) if ratio >= 0 else -int(-ratio + Fraction(1, 2))
    if rounded >= 100 and 0 <= part < whole:
        return 99
    return rounded
