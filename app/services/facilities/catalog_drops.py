"""What a new catalog would orphan: the items it drops that local data still uses."""

from __future__ import annotations

import sqlite3

from app.models.catalog import Catalog
from app.models.messages import InputError
from app.services.facilities.catalog_folders import CatalogError
from app.storage import catalog_usage

SHOWN = 8  # items named in a "drops data" message


def dropped_with_data(conn: sqlite3.Connection, old: Catalog, new: Catalog) -> list[InputError]:
    """What ``new`` removes from ``old`` that local data still uses (one message per item).

    Variables, disaggregation options and category options with values; states with a
    facility, a value or the profile; facility types of registered facilities.
    """
    problems: list[InputError] = []
    per_variable = catalog_usage.value_counts_by_cell(conn)
    gone_vars: dict[str, int] = {}
    for variable, option, count in per_variable:
        if variable in old.variables and variable not in new.variables:
            gone_vars[variable] = gone_vars.get(variable, 0) + count
        elif variable in old.variables and variable in new.variables:
            if option in old.option_codes(old.variables[variable]) and option not in new.option_codes(
                new.variables[variable]
            ):
                problems.append(InputError("catalog_drop_option", option=option, variable=variable, count=count))
    problems[:0] = [
        InputError("catalog_drop_variable", variable=code, count=count) for code, count in gone_vars.items()
    ]
    categorical = [code for code, var in old.variables.items() if var.options and code in new.variables]
    for code in categorical:
        before = {o.code for o in old.variables[code].options}
        after = {o.code for o in new.variables[code].options}
        for value, count in catalog_usage.value_counts_of(conn, code):
            if str(value) in before and str(value) not in after:
                problems.append(InputError("catalog_drop_option", option=value, variable=code, count=count))
    for code in sorted(catalog_usage.states_in_use(conn)):
        if code in old.states and code not in new.states:
            problems.append(InputError("catalog_drop_state", state=code, name=old.states[code].name))
    for code in catalog_usage.facility_types_in_use(conn):
        if code in old.facility_types and code not in new.facility_types:
            problems.append(InputError("catalog_drop_type", type=code))
    return problems


def check_keeps_data(conn: sqlite3.Connection, old: Catalog, new: Catalog, where: str) -> None:
    """Refuse (E_CATALOG_DROPS_DATA) a catalog that drops something local data uses."""
    problems = dropped_with_data(conn, old, new)
    if problems:
        shown = problems[:SHOWN]
        if len(problems) > SHOWN:
            shown.append(InputError("catalog_drops_more", count=len(problems) - SHOWN))
        raise CatalogError("E_CATALOG_DROPS_DATA", where, InputError("catalog_drops", version=new.version, items=shown))
