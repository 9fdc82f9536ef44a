"""The national figure pools the states' parts; it never averages their percentages.

Headquarters reads "Nacional" beside each state: a percentage must be the summed numerators
over the summed denominators, a mean the mean over every reporting unit of the country, and
a state without data must not turn the country's figure into nothing.
"""

from __future__ import annotations

from app.models.national import combine_figures
from app.models.summary import Figure


def figure(
    value, numerator, denominator, *, unit="percent", facilities=("A",), provisional=False, mean_of=None, decimals=0
) -> Figure:
    return Figure(
        code="cobertura",
        label_es="Cobertura",
        label_en="Coverage",
        section="unidades",
        unit=unit,
        value=value,
        numerator=numerator,
        denominator=denominator,
        provisional=provisional,
        facilities=facilities,
        decimals=decimals,
        mean_of=mean_of,
    )


def test_a_percentage_is_recomputed_from_the_summed_parts() -> None:
    # 1 of 2 (50 %) and 9 of 10 (90 %): the country is 10 of 12, 83 %, not the mean 70 %.
    both = combine_figures(
        [figure(50.0, 1, 2, facilities=("B", "A")), figure(90.0, 9, 10, facilities=("C",), provisional=True)]
    )
    assert (both.value, both.numerator, both.denominator) == (83.0, 10.0, 12.0)
    assert both.provisional and both.facilities == ("A", "B", "C")


def test_a_state_without_data_does_not_blank_the_country_but_a_zero_total_does() -> None:
    some = combine_figures([figure(None, None, None), figure(75.0, 3, 4)])
    assert some.value == 75.0
    zero = combine_figures([figure(None, 0, 0), figure(None, 0, 0)])
    assert zero.value is None and zero.denominator == 0.0
    nothing = combine_figures([figure(None, None, None, unit="count")])
    assert nothing.value is None and nothing.numerator is None


def test_a_count_is_summed() -> None:
    counts = combine_figures([figure(13.0, 13, None, unit="count"), figure(4.0, 4, None, unit="count")])
    assert (counts.value, counts.numerator, counts.denominator) == (17.0, 17.0, None)


def test_a_mean_is_taken_over_every_reporting_unit_of_the_country() -> None:
    # 2 units averaging 10 and 6 units averaging 2: (20 + 12) / 8 = 4, not (10 + 2) / 2 = 6.
    mean = combine_figures(
        [
            figure(10.0, 10.0, None, unit="count", mean_of=(20.0, 2)),
            figure(2.0, 2.0, None, unit="count", mean_of=(12.0, 6)),
        ]
    )
    assert mean.value == 4.0 and mean.mean_of == (32.0, 8)
