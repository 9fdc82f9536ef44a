"""Parsing what people type, and monthly periods."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import RESOURCES_DIR
from app.models.catalog import load_catalog
from app.models.messages import InputError
from app.models.periods import parse_period, period_label, previous_periods, shift, year_to_date
from app.models.values import display_value, parse_value

CATALOG = load_catalog(RESOURCES_DIR / "catalog")
COUNT = CATALOG.variables["cirugias"]


@pytest.mark.parametrize("text, expected", [("35833", 35833), ("35,833", 35833), (" 12 ", 12),
                                            (12.0, 12), ("", None), (None, None)])
def test_counts_accept_what_people_type(text, expected):
    assert parse_value(COUNT, text) == expected


@pytest.mark.parametrize(
    "text, code",
    [("abc", "not_a_number"), ("-3", "negative"), ("1.5", "not_an_integer"),
     ("10000001", "above_max"), ("nan", "not_a_number"), ("inf", "not_a_number")],
)
def test_bad_counts_are_refused_with_a_reason(text, code):
    with pytest.raises(InputError) as err:
        parse_value(COUNT, text)
    assert err.value.code == code
    assert text in err.value.message("es")


def test_yes_no_and_categories():
    yes_no = CATALOG.variables["presencia_programa"]
    assert parse_value(yes_no, "Sí") == 1
    assert parse_value(yes_no, "no") == 0
    with pytest.raises(InputError):
        parse_value(yes_no, "tal vez")
    status = CATALOG.variables["estatus_operacion"]
    assert parse_value(status, "Operación parcial") == "parcial"
    assert display_value(status, "parcial") == "Operación parcial"
    assert display_value(COUNT, 35833) == "35,833"
    assert display_value(COUNT, None) == ""


@given(st.integers(min_value=0, max_value=10_000_000))
def test_display_then_parse_round_trips(number):
    assert parse_value(COUNT, display_value(COUNT, number)) == number


def test_periods():
    today = dt.date(2023, 2, 27)
    assert parse_period("202302", today) == "202302"
    assert parse_period("2023-01", today) == "202301"
    assert parse_period(202301.0, today) == "202301"
    for bad in ("2023", "202313", "20230", "abcdef", "199912"):
        with pytest.raises(InputError) as err:
            parse_period(bad, today)
        assert err.value.code == "period_malformed"
    with pytest.raises(InputError) as err:
        parse_period("202303", today)
    assert err.value.code == "period_future"
    assert shift("202301", -1) == "202212"
    assert previous_periods("202302", 3) == ["202301", "202212", "202211"]
    assert year_to_date("202303") == ["202301", "202302", "202303"]
    assert period_label("202302") == "febrero 2023"
    assert period_label("202302", "en") == "February 2023"
