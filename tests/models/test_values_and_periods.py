"""Parsing what people type, and monthly periods."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import RESOURCES_DIR
from app.models.catalog_load import load_catalog
from app.models.messages import InputError
from app.models.periods import parse_period, period_label, previous_periods, shift, year_to_date
from app.models.values import display_value, parse_value

CATALOG = load_catalog(RESOURCES_DIR / "catalog")
COUNT = CATALOG.variables["cirugias"]


@pytest.mark.parametrize(
    "text, expected", [("35833", 35833), ("35,833", 35833), (" 12 ", 12), (12.0, 12), ("", None), (None, None)]
)
def test_counts_accept_what_people_type(text, expected):
    assert parse_value(COUNT, text) == expected


@pytest.mark.parametrize(
    "text, code",
    [
        ("abc", "not_a_number"),
        ("-3", "negative"),
        ("1.5", "not_an_integer"),
        ("10000001", "above_max"),
        ("nan", "not_a_number"),
        ("inf", "not_a_number"),
    ],
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


# -- issue 9, defect 11: a number is stored exactly as written, or refused --------------------

MONEY = CATALOG.variables["inversion_dignificacion"]
PERCENT = CATALOG.variables["avance_dignificacion"]
SNEAKY = [
    "1_000",  # Python's int() accepts underscores
    "1e3",
    "1E3",
    "1e-400",  # exponent notation (1e-400 underflows to 0)
    "\u0661\u0662\u0663",  # Arabic-Indic digits: float() accepts them
    "\uff11\uff12\uff13",  # full-width digits
    "\U0001d7cf\U0001d7d0",  # mathematical bold digits
    "12\u00a0345",
    "1 234",  # grouped with spaces: two numbers pasted together?
    "1,23",
    "12,3456",
    "+5",
    "0x1F",
    "Infinity",
    "NaN",
    "١٢.٥",
    "12.5.1",
    ".",
    "",
]


@pytest.mark.parametrize("text", [t for t in SNEAKY if t])
@pytest.mark.parametrize("variable", [COUNT, MONEY, PERCENT], ids=["count", "money", "percent"])
def test_only_plain_ascii_numbers_are_numbers(variable, text):
    with pytest.raises(InputError) as err:
        parse_value(variable, text)
    assert err.value.code in ("not_a_number", "not_an_integer")


@pytest.mark.parametrize(
    "text", ["99.99999999999999999", "0.000001", "12.12345", "1234567890123.456", "1.0000000000000001"]
)
def test_decimals_that_would_be_rounded_are_refused(text):
    with pytest.raises(InputError) as err:
        parse_value(PERCENT if float(text) <= 100 else MONEY, text)
    assert err.value.code == "too_precise"
    assert text in err.value.message("es") and text in err.value.message("en")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("53.4", 53.4),
        ("0.0001", 0.0001),
        ("100", 100.0),
        ("12.50000", 12.5),
        ("007.5", 7.5),
        ("$1,250,000.50", 1250000.5),
        ("$ 99", 99.0),
        ("99,999,999,999.99", 99999999999.99),
    ],
)
def test_decimals_accept_plain_digits_and_one_point(text, expected):
    variable = MONEY if "$" in text or expected > 100 else PERCENT
    value = parse_value(variable, text)
    assert value == expected and isinstance(value, float)
    assert "e" not in repr(value)  # every accepted decimal prints back without an exponent


def test_percent_sign_only_for_percentages_and_dollar_only_for_money():
    assert parse_value(PERCENT, "53.4 %") == 53.4
    for variable, text in ((COUNT, "$5"), (COUNT, "5%"), (PERCENT, "$5"), (MONEY, "5%")):
        with pytest.raises(InputError):
            parse_value(variable, text)


@pytest.mark.parametrize(
    "text, expected", [("1,234", 1234), ("1,234,567", 1234567), ("0", 0), ("0012", 12), ("12.0", 12)]
)
def test_counts_accept_ascii_digits_and_mexican_thousands(text, expected):
    value = parse_value(COUNT, text)
    assert value == expected and isinstance(value, int)


def test_a_huge_number_is_refused_without_converting_it():
    with pytest.raises(InputError) as err:
        parse_value(COUNT, "9" * 5000)  # int() of >4300 digits raises ValueError
    assert err.value.code == "above_max"
    assert len(err.value.message("es")) < 200  # the value is shortened in the message


@pytest.mark.parametrize("raw, expected", [(12.0, 12), (7, 7), (True, 1)])
def test_counts_from_spreadsheet_cells(raw, expected):
    assert parse_value(COUNT, raw) == expected


def test_spreadsheet_floats_follow_the_same_rules():
    assert parse_value(PERCENT, 53.4) == 53.4
    assert parse_value(PERCENT, 0.0001) == 0.0001
    for raw in (0.1 + 0.2, 1e-5, float("nan"), float("inf")):  # 0.30000000000000004 would be rounded
        with pytest.raises(InputError):
            parse_value(PERCENT, raw)


@given(st.decimals(min_value=0, max_value=100, places=4, allow_nan=False, allow_infinity=False))
def test_every_accepted_decimal_round_trips_exactly(number):
    text = format(number, "f")
    value = parse_value(PERCENT, text)
    assert value == float(text)
    assert float(repr(value)) == value and "e" not in repr(value)
    assert parse_value(PERCENT, repr(value)) == value
