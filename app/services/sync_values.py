"""Applying received values at HQ: validation, the conflict rule, and the write.

Every value goes through :func:`app.services.entry.check_change`, the same rules as typing
in the grid. A value is then compared with HQ's copy:

- HQ has no copy: *imported*;
- same version and same content: *ignored* (already here: a re-sent or full package);
- HQ's version is the sender's ``base_version``: a clean *update* (or *deleted* for a
  tombstone);
- HQ's copy changed since the sender's base but holds the same content: *ignored*;
- otherwise HQ's copy changed since the sender's base: a **conflict**. The rule applies the
  later ``updated_at`` (ties go to the sender, who owns the state's data) and the conflict is
  flagged for a person to review side by side; nothing is lost, both sides are kept in
  ``conflicts``.

The sender's uuid, version and updated_at/by are kept, so the same value has the same
identity at the state and at HQ.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.models.messages import InputError
from app.models.periods import parse_period
from app.models.values import DataValue, ValueChange, ValueKey, parse_value
from app.storage import changelog, values_repo

from .entry import check_change
from .workspace import Workspace

#: Our documented error codes for a rejected value (DHIS2-style conflicts).
VALUE_ERROR_CODES = {
    "unknown_clues": ("E_UNKNOWN_ORGUNIT", "orgUnit"),
    "state_mismatch": ("E_ORGUNIT_STATE", "orgUnit"),
    "state_level_variable": ("E_LEVEL", "orgUnit"),
    "facility_level_variable": ("E_LEVEL", "orgUnit"),
    "unknown_variable": ("E_UNKNOWN_VARIABLE", "dataElement"),
    "unknown_disaggregation": ("E_UNKNOWN_OPTION", "categoryOptionCombo"),
    "period_malformed": ("E_PERIOD", "period"),
    "period_future": ("E_FUTURE_PERIOD", "period"),
    "not_a_number": ("E_NOT_NUMBER", "value"),
    "not_an_integer": ("E_NOT_INTEGER", "value"),
    "negative": ("E_NEGATIVE", "value"),
    "below_min": ("E_RANGE", "value"),
    "above_max": ("E_RANGE", "value"),
    "not_yes_no": ("E_NOT_BOOLEAN", "value"),
    "not_an_option": ("E_NOT_OPTION", "value"),
}
SIDE_FIELDS = {"uuid": str, "version": int, "base_version": int, "updated_at": str,
               "updated_by": str, "provisional": bool}


@dataclass(slots=True)
class Received:
    """One validated value of a package, with its side object."""

    index: int
    value: DataValue
    base_version: int
    deleted: bool


@dataclass
class Applied:
    """What applying a package did (or would do, in a dry run)."""

    imported: int = 0
    updated: int = 0
    ignored: int = 0
    deleted: int = 0
    flagged: list[dict] = field(default_factory=list)


class _KeyRules:
    """The key checks of :func:`check_change`, with what they look up cached.

    A package repeats the same few variables and periods for every facility: checking a
    period or a variable once per package instead of once per value is most of the
    import's validation time. Any row these rules do not pass outright goes through
    ``check_change`` itself, so accepted input and error messages are the manual entry's.
    """

    def __init__(self, ws: Workspace, known_units: dict[str, str], state_code: str):
        self.ws, self.known, self.state = ws, known_units, state_code
        self.options = {code: set(ws.catalog.option_codes(v)) for code, v in ws.catalog.variables.items()}
        self.periods: dict[str, str | None] = {}

    def period(self, text: str) -> str | None:
        if text not in self.periods:
            try:
                self.periods[text] = parse_period(text)
            except InputError:
                self.periods[text] = None
        return self.periods[text]

    def key_ok(self, org: str, period: str, variable: str, option: str) -> str | None:
        """The normalised period when the key passes every rule, else None."""
        var = self.ws.catalog.variables.get(variable)
        if var is None or option not in self.options[variable]:
            return None
        if org in self.ws.catalog.states:
            if var.level != "state" or org != self.state:
                return None
        elif var.level != "facility" or self.known.get(org) != self.state:
            return None
        return self.period(period)


def validate_rows(ws: Workspace, rows: Sequence[tuple], state_code: str, known_units: dict[str, str],
                  start: int = 0) -> tuple[list[Received], list[dict]]:
    """(valid values, conflicts): each row (``ROW_FIELDS`` order) checked with the rules of
    manual entry; ``start`` is the index of the first row in the package."""
    rules = _KeyRules(ws, known_units, state_code)
    variables = ws.catalog.variables
    received: list[Received] = []
    problems: list[dict] = []
    for index, row in enumerate(rows, start=start):
        org, period, code, option, raw, comment, _by, _at, follow_up, deleted, _ds, side = row
        bad_side = _side_problem(side)
        if bad_side:
            problems.append({"object": org, "value": bad_side, "errorCode": "E_SIDE",
                             "property": "coordina", "indexes": [index]})
            continue
        value = None
        normal = rules.key_ok(org, period, code, option)
        try:
            if normal is None:  # the slow, exact path: raises with the manual entry's message
                checked = check_change(ws, ValueChange(ValueKey(org, period, code, option),
                                                       None if deleted else raw), known_units, state_code)
                normal, value = checked.key.period, checked.value
            elif not deleted:
                value = parse_value(variables[code], raw)
        except InputError as exc:
            error, prop = VALUE_ERROR_CODES.get(exc.code, ("E_VALUE", "value"))
            problems.append({"object": f"{org} {period} {code}" + (f".{option}" if option else ""),
                             "value": exc.message(ws.lang), "errorCode": error, "property": prop,
                             "indexes": [index]})
            continue
        received.append(Received(index, DataValue(
            ValueKey(org, normal, code, option), None if deleted else value, comment,
            side["provisional"], bool(follow_up), side["uuid"], side["version"], side["updated_at"],
            side["updated_by"]), side["base_version"], bool(deleted)))
    return received, problems


def _side_problem(side: object) -> str:
    # The common case in one expression: every field present with its exact type.
    if (type(side) is dict and type(side.get("uuid")) is str and type(side.get("version")) is int
            and type(side.get("base_version")) is int and type(side.get("updated_at")) is str
            and type(side.get("updated_by")) is str and type(side.get("provisional")) is bool
            and side["version"] >= 1 and side["base_version"] >= 0):
        return ""
    if not isinstance(side, dict):
        return "falta el objeto «coordina» (uuid, versión)"
    for name, kind in SIDE_FIELDS.items():
        found = side.get(name)
        if type(found) is not kind:
            return f"coordina.{name}: se esperaba {kind.__name__}"
    return "coordina.version no válida"


def k_tuple(key: ValueKey) -> tuple[str, str, str, str]:
    return key.org_unit, key.period, key.variable, key.disaggregation


def _same(a: DataValue, b: DataValue) -> bool:
    return (a.value, a.comment, a.provisional, a.follow_up) == (b.value, b.comment, b.provisional,
                                                                  b.follow_up)


def _snapshot(v: DataValue) -> str:
    return json.dumps({"value": v.value, "comment": v.comment, "provisional": v.provisional,
                       "version": v.version, "updated_at": v.updated_at, "updated_by": v.updated_by,
                       "uuid": v.uuid}, ensure_ascii=False)


CHUNK = 20_000  # values written per step: bounds the rows, log and lookups held at once


def apply_received(conn: sqlite3.Connection, received: Sequence[Received], package_uuid: str,
                   state_code: str, now: str, result: Applied | None = None) -> Applied:
    """Write the values by the rules above; must run inside the import's transaction.

    ``result`` accumulates counts over several calls (one per month of a package).
    """
    result = result if result is not None else Applied()
    for start in range(0, len(received), CHUNK):
        _apply_chunk(conn, received[start:start + CHUNK], package_uuid, state_code, now, result)
    return result


def _apply_chunk(conn: sqlite3.Connection, received: Sequence[Received], package_uuid: str,
                 state_code: str, now: str, result: Applied) -> None:
    current = values_repo.get_values(conn, (r.value.key for r in received))
    rows, log, conflicts = [], [], []
    source = f"paquete {package_uuid}"
    for item in received:
        theirs, ours = item.value, current.get(item.value.key)
        if ours is None or ours.version == 0:
            if item.deleted:
                result.ignored += 1
                continue
            result.imported += 1
        elif ours.version == theirs.version and _same(ours, theirs):
            result.ignored += 1
            continue
        elif ours.version == item.base_version:
            if item.deleted:
                result.deleted += 1
            else:
                result.updated += 1
        elif _same(ours, theirs):
            result.ignored += 1  # both sides changed it, to the same thing: nothing to decide
            continue
        else:
            take_theirs = theirs.updated_at >= ours.updated_at
            k = theirs.key
            conflicts.append((k.org_unit, k.period, k.variable, k.disaggregation, _snapshot(ours),
                              _snapshot(theirs), "theirs" if take_theirs else "ours", package_uuid,
                              state_code, now))
            result.flagged.append({"object": f"{k.org_unit} {k.period} {k.variable}"
                                             + (f".{k.disaggregation}" if k.disaggregation else ""),
                                   "value": theirs.value, "errorCode": "W_CONFLICT",
                                   "property": "value", "indexes": [item.index],
                                   "applied": "theirs" if take_theirs else "ours"})
            if not take_theirs:
                result.ignored += 1
                continue
            if item.deleted:
                result.deleted += 1
            else:
                result.updated += 1
        k = theirs.key
        rows.append((k.org_unit, k.period, k.variable, k.disaggregation, theirs.value, theirs.comment,
                     int(theirs.provisional), int(theirs.follow_up), theirs.uuid, theirs.version,
                     theirs.updated_at, theirs.updated_by))
        before = ours
        if before is None:  # a new value: only what it sets is a change (the common case)
            text = changelog.as_log_text
            at, by = (now, theirs.updated_by)
            if theirs.value is not None:
                log.append((at, by, *k_tuple(k), "value", None, text(theirs.value), source))
            if theirs.comment:
                log.append((at, by, *k_tuple(k), "comment", None, theirs.comment, source))
            if theirs.provisional:
                log.append((at, by, *k_tuple(k), "provisional", None, "1", source))
            if theirs.follow_up:
                log.append((at, by, *k_tuple(k), "follow_up", None, "1", source))
            continue
        for name in ("value", "comment", "provisional", "follow_up"):
            old = getattr(before, name) if before else None
            new = getattr(theirs, name)
            if old != new and not (before is None and name != "value" and not new):
                if isinstance(new, bool):
                    old, new = (None if old is None else int(old)), int(new)
                log.append((now, theirs.updated_by, k.org_unit, k.period, k.variable, k.disaggregation,
                            name, changelog.as_log_text(old), changelog.as_log_text(new), source))
    values_repo.upsert_received(conn, rows)
    if log:
        changelog.append_text_rows(conn, log)
    if conflicts:
        conn.executemany(
            "INSERT INTO conflicts (org_unit, period, variable, disaggregation, ours, theirs, applied, "
            "package_uuid, state_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", conflicts)
