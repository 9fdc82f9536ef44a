"""A catalog with a wrong definition is refused naming the file, the code and the mistake.

Headquarters edits the catalog (variables.csv, indicators.json) and sends it to every state:
a typo must stop the load with a message that says where it is, never load half a catalog
or fail later on a screen.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from app import RESOURCES_DIR
from app.models.catalog_load import load_catalog
from app.models.messages import InputError

CATALOG_DIR = RESOURCES_DIR / "catalog"
ROW = "presencia_programa"  # a yes/no variable every catalog has


def _copy_with(tmp_path: Path, name: str, edit: Callable[[str], str]) -> Path:
    target = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, target)
    path = target / name
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def _variable_edit(**fields: str) -> Callable[[str], str]:
    """An edit of variables.csv setting ``fields`` on the row of ROW."""

    def edit(text: str) -> str:
        rows = list(csv.DictReader(io.StringIO(text)))
        for row in rows:
            if row["code"] == ROW:
                row.update(fields)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()

    return edit


def _refusal(folder: Path) -> str:
    with pytest.raises(InputError) as caught:
        load_catalog(folder)
    return caught.value.message("en")


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"section": "no_such_section"}, "unknown section no_such_section"),
        ({"unit": "furlongs"}, "unknown unit furlongs"),
        ({"value_type": "complex"}, "unknown value type complex"),
        ({"level": "planet"}, "unknown level planet"),
        ({"disaggregation": "by_moon"}, "unknown disaggregation by_moon"),
        ({"unit": "category", "options": "no_list"}, "unknown options no_list"),
        ({"applies_to": "hospital|castle"}, "unknown category in applies_to hospital|castle"),
        ({"code": "estatus_operacion"}, "duplicate code"),
        ({"value_type": "text", "aggregation": "SUM"}, "a text variable cannot be added up"),
    ],
)
def test_a_variable_with_a_wrong_field_is_refused_naming_it(tmp_path, fields, said) -> None:
    message = _refusal(_copy_with(tmp_path, "variables.csv", _variable_edit(**fields)))
    assert "variables.csv" in message and said in message


def _indicator_edit(change: Callable[[list[dict]], None]) -> Callable[[str], str]:
    def edit(text: str) -> str:
        data = json.loads(text)
        change(data["indicators"])
        return json.dumps(data)

    return edit


def _first_with_numerator(items: list[dict]) -> dict:
    return next(i for i in items if "numerator" in i and "filter" not in i)


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda items: items.append(dict(items[0])), "duplicate indicator"),
        (lambda items: items[0].update(section="otra"), "unknown section otra"),
        (lambda items: items[0].pop("count_facilities"), "no numerator"),
        (lambda items: _first_with_numerator(items).update(filter={"color": "azul"}), "unknown filter color"),
        (
            lambda items: _first_with_numerator(items).update(numerator={"sum": [f"{ROW}.nope"]}),
            f"unknown option {ROW}.nope",
        ),
    ],
    ids=["duplicate", "section", "numerator", "filter", "option"],
)
def test_an_indicator_with_a_wrong_definition_is_refused_naming_it(tmp_path, change, said) -> None:
    message = _refusal(_copy_with(tmp_path, "indicators.json", _indicator_edit(change)))
    assert "indicators.json" in message and said in message


def test_indicators_that_are_not_a_list_are_refused(tmp_path) -> None:
    folder = _copy_with(tmp_path, "indicators.json", lambda _: json.dumps({"indicators": {}}))
    assert "must be a list" in _refusal(folder)
