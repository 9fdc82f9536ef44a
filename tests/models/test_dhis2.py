"""DHIS2 dataValueSets JSON and ADX XML: shape, round trip, strict parsing, periods."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models.dhis2 import (
    ADX_NAMESPACE,
    adx_xml,
    data_value_sets,
    parse_data_value_sets,
    period_from_adx,
    period_to_adx,
    value_text,
)
from app.models.values import DataValue, ValueKey

NS = {"adx": ADX_NAMESPACE}


def _value(org: str, period: str, variable: str, value, option: str = "", **kw) -> DataValue:
    return DataValue(
        ValueKey(org, period, variable, option), value, updated_at="2023-03-05T10:00:00+00:00", updated_by="ana", **kw
    )


VALUES = [
    _value("NTSSA000002", "202302", "consultas_medicina_familiar", 35833),
    _value("NTSSA000001", "202302", "plazas_ocupadas", 12.0, "medicos_especialistas", comment="Año ñandú «x»"),
    _value("NTSSA000001", "202301", "inversion_equipamiento", 53400.5, follow_up=True),
    _value("18", "202302", "basificacion_realizada", 413),
    _value("NTSSA000001", "202302", "estatus", "operando"),
    _value("NTSSA000001", "202302", "consultas_especialidad", None, comment="sin dato aún"),
]


def _expected_row(v: DataValue, side: dict | None = None) -> dict:
    text = value_text(v.value)
    return {
        "org_unit": v.key.org_unit,
        "period": v.key.period,
        "variable": v.key.variable,
        "disaggregation": v.key.disaggregation,
        "value": text or None,
        "comment": v.comment,
        "stored_by": v.updated_by,
        "last_updated": v.updated_at,
        "follow_up": v.follow_up,
        "deleted": v.deleted,
        "data_set": "COORDINA_MENSUAL",
        "coordina": side,
    }


def test_shape_groups_sorted_strings_and_default_combo():
    doc = data_value_sets(VALUES)
    groups = doc["dataValueSets"]
    assert [(g["orgUnit"], g["period"]) for g in groups] == [
        ("18", "202302"),
        ("NTSSA000001", "202301"),
        ("NTSSA000001", "202302"),
        ("NTSSA000002", "202302"),
    ]
    assert all(g["dataSet"] == "COORDINA_MENSUAL" and g["orgUnitIdScheme"] == "CODE" for g in groups)
    fac1 = groups[2]["dataValues"]
    assert [d["dataElement"] for d in fac1] == ["consultas_especialidad", "estatus", "plazas_ocupadas"]
    staff = fac1[2]
    assert staff == {
        "dataElement": "plazas_ocupadas",
        "categoryOptionCombo": "medicos_especialistas",
        "value": "12",
        "comment": "Año ñandú «x»",
        "storedBy": "ana",
        "lastUpdated": "2023-03-05T10:00:00+00:00",
        "followup": False,
    }
    assert groups[3]["dataValues"][0]["categoryOptionCombo"] == "default"
    assert groups[3]["dataValues"][0]["value"] == "35833"
    assert groups[1]["dataValues"][0]["value"] == "53400.5"
    assert groups[1]["dataValues"][0]["followup"] is True
    assert fac1[0]["value"] == ""  # sin dato travels as an empty string, never "0"
    # Every value is a string, as DHIS2 writes them.
    assert all(isinstance(d["value"], str) for g in groups for d in g["dataValues"])


def test_json_round_trip_gives_the_same_rows():
    text = json.dumps(data_value_sets(VALUES), ensure_ascii=False)
    rows = parse_data_value_sets(json.loads(text))
    expected = sorted(
        (_expected_row(v) for v in VALUES),
        key=lambda r: (r["org_unit"], r["period"], r["variable"], r["disaggregation"]),
    )
    assert rows == expected


def test_side_object_and_tombstone_survive():
    gone = _value("NTSSA000001", "202302", "cirugias", None, deleted=True)

    def side(v: DataValue) -> dict:
        return {"uuid": f"u-{v.key.variable}", "version": 3, "base_version": 2}

    doc = data_value_sets([VALUES[0], gone], side=side)
    item = doc["dataValueSets"][0]["dataValues"][0]
    assert item["deleted"] is True and item["coordina"] == {"uuid": "u-cirugias", "version": 3, "base_version": 2}
    rows = parse_data_value_sets(json.loads(json.dumps(doc)))
    assert rows[0] == _expected_row(gone, side(gone))
    assert rows[1] == _expected_row(VALUES[0], side(VALUES[0]))


def _doc() -> dict:
    return json.loads(json.dumps(data_value_sets(VALUES)))


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("dataValueSets"), "document: missing 'dataValueSets'"),
        (lambda d: d.update(extra=1), "document: unexpected keys ['extra']"),
        (lambda d: d["dataValueSets"].append("x"), "dataValueSets[4]: expected an object, got str"),
        (
            lambda d: d["dataValueSets"][1].update(period="2023-01"),
            "dataValueSets[1].period: not a monthly period YYYYMM: '2023-01'",
        ),
        (lambda d: d["dataValueSets"][1].update(period="202313"), "dataValueSets[1].period"),
        (lambda d: d["dataValueSets"][2].pop("orgUnit"), "dataValueSets[2]: missing 'orgUnit'"),
        (lambda d: d["dataValueSets"][2].update(orgUnit=" "), "dataValueSets[2].orgUnit: must not be empty"),
        (
            lambda d: d["dataValueSets"][0].update(orgUnitIdScheme="UID"),
            "dataValueSets[0].orgUnitIdScheme: only CODE is supported",
        ),
        (
            lambda d: d["dataValueSets"][2]["dataValues"][1].update(value=12),
            "dataValueSets[2].dataValues[1].value: expected str, got int",
        ),
        (
            lambda d: d["dataValueSets"][2]["dataValues"][1].update(followup="yes"),
            "dataValueSets[2].dataValues[1].followup: expected bool, got str",
        ),
        (
            lambda d: d["dataValueSets"][2]["dataValues"][1].pop("dataElement"),
            "dataValueSets[2].dataValues[1]: missing 'dataElement'",
        ),
        (
            lambda d: d["dataValueSets"][2]["dataValues"][0].update(attributeOptionCombo="x"),
            "dataValueSets[2].dataValues[0]: unexpected keys ['attributeOptionCombo']",
        ),
        (
            lambda d: d["dataValueSets"][2]["dataValues"].append(dict(d["dataValueSets"][2]["dataValues"][0])),
            "dataValueSets[2].dataValues[3]: duplicate of dataValueSets[2].dataValues[0]",
        ),
        (lambda d: d["dataValueSets"][3].update(dataValues={}), "dataValueSets[3].dataValues: expected list, got dict"),
    ],
)
def test_parse_rejects_bad_shapes_naming_the_place(mutate, message):
    doc = _doc()
    mutate(doc)
    with pytest.raises(ValueError) as info:
        parse_data_value_sets(doc)
    assert message in str(info.value)


def test_parse_rejects_non_object_document():
    with pytest.raises(ValueError, match="document: expected an object, got list"):
        parse_data_value_sets([])


def test_adx_is_well_formed_with_namespace_and_periods():
    data = adx_xml(VALUES, exported="2023-03-10T12:00:00+00:00")
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    root = ET.fromstring(data)
    assert root.tag == f"{{{ADX_NAMESPACE}}}adx"
    assert root.get("exported") == "2023-03-10T12:00:00+00:00"
    groups = root.findall("adx:group", NS)
    assert [(g.get("orgUnit"), g.get("period")) for g in groups] == [
        ("18", "2023-02-01/P1M"),
        ("NTSSA000001", "2023-01-01/P1M"),
        ("NTSSA000001", "2023-02-01/P1M"),
        ("NTSSA000002", "2023-02-01/P1M"),
    ]
    assert all(g.get("dataSet") == "COORDINA_MENSUAL" for g in groups)
    staff = groups[2].find("adx:dataValue[@dataElement='plazas_ocupadas']", NS)
    assert staff.get("categoryOptionCombo") == "medicos_especialistas" and staff.get("value") == "12"
    assert staff.find("adx:annotation", NS).text == "Año ñandú «x»"
    plain = groups[3].find("adx:dataValue", NS)
    assert "categoryOptionCombo" not in plain.attrib and plain.get("value") == "35833"
    # A text value is not a decimal: no value attribute, the text is the annotation.
    status = groups[2].find("adx:dataValue[@dataElement='estatus']", NS)
    assert "value" not in status.attrib and status.find("adx:annotation", NS).text == "operando"
    # ADX cannot say "no value": sin dato is left out.
    assert groups[2].find("adx:dataValue[@dataElement='consultas_especialidad']", NS) is None


def test_adx_of_nothing_is_an_empty_document():
    root = ET.fromstring(adx_xml([]))
    assert root.tag == f"{{{ADX_NAMESPACE}}}adx" and list(root) == []


def test_period_conversion_examples():
    assert period_to_adx("202302") == "2023-02-01/P1M"
    assert period_from_adx("2023-12-01/P1M") == "202312"
    for bad in ("2023-02", "202300", "2023Q1", "20230", ""):
        with pytest.raises(ValueError):
            period_to_adx(bad)
    for bad in ("2023-02-02/P1M", "2023-02-01/P3M", "202302"):
        with pytest.raises(ValueError):
            period_from_adx(bad)


@given(st.integers(min_value=1000, max_value=9999), st.integers(min_value=1, max_value=12))
def test_period_conversion_round_trip(year, month):
    period = f"{year:04d}{month:02d}"
    assert period_from_adx(period_to_adx(period)) == period


def test_value_text():
    assert [value_text(v) for v in (None, 0, 7, 7.0, 0.1, "operando", True)] == [
        "",
        "0",
        "7",
        "7",
        "0.1",
        "operando",
        "1",
    ]
    with pytest.raises(ValueError):
        value_text(float("nan"))
