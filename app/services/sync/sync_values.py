"""Applying received values at HQ: validation, the conflict rule, and the write.

Every value goes through :func:`app.services.entry.month_values.check_change_in`, the same rules as typing
in the grid. Each is then compared with HQ's copy by the conflict rule,
:func:`app.models.sync_conflict.decide` (imported, updated, deleted, ignored, or a conflict
flagged for a person to review side by side with both versions kept in ``conflicts``).

The sender's uuid, version and updated_at/by are kept, so the same value has the same
identity at the state and at HQ.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.models.catalog import Catalog, Variable
from app.models.import_summary import ImportConflict
from app.models.messages import InputError
from app.models.periods import parse_period
from app.models.sync_conflict import DELETED as DELETED_COUNT
from app.models.sync_conflict import IGNORED, IMPORTED, UPDATED, decide
from app.models.values import ValueChange, ValueKey, parse_value
from app.services.entry.month_values import check_change_in
from app.services.sync.sync_checks import bounded_time, logged_author
from app.storage import changelog, conflicts_repo, values_repo

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
    "too_precise": ("E_PRECISION", "value"),
    "negative": ("E_NEGATIVE", "value"),
    "below_min": ("E_RANGE", "value"),
    "above_max": ("E_RANGE", "value"),
    "not_yes_no": ("E_NOT_BOOLEAN", "value"),
    "not_an_option": ("E_NOT_OPTION", "value"),
}
SIDE_FIELDS = {
    "uuid": str,
    "version": int,
    "base_version": int,
    "updated_at": str,
    "updated_by": str,
    "provisional": bool,
}


#: A received value travels as one tuple: its ``data_values`` row (the 12 columns, in the
#: table's order) followed by the sender's base_version, the tombstone flag and its index in
#: the package. Plain tuples, not objects: an import handles millions of them.
Received = tuple
ROW = slice(0, 12)
VALUE, COMMENT, PROVISIONAL, FOLLOW_UP, UUID, VERSION, UPDATED_AT, UPDATED_BY = range(4, 12)
BASE, DELETED, INDEX = 12, 13, 14
_LOGGED = (("value", VALUE), ("comment", COMMENT), ("provisional", PROVISIONAL), ("follow_up", FOLLOW_UP))


@dataclass
class Applied:
    """What applying a package did (or would do, in a dry run)."""

    imported: int = 0
    updated: int = 0
    ignored: int = 0
    deleted: int = 0
    flagged: list[ImportConflict] = field(default_factory=list)
    #: Values dated after the package was signed (or not a time): kept at the signing time.
    skewed: int = 0


class Validator:
    """The checks of :func:`check_change` for a package's values, with what they look up cached.

    A package repeats the same few variables and periods for every facility: checking a
    period or a variable once per package instead of once per value is most of the
    import's validation time, and a plain count ("123", every value but a few) is read
    without the general parser. Any row these shortcuts do not pass outright goes through
    ``check_change`` itself, so accepted input and error messages are the manual entry's.
    """

    def __init__(self, catalog: Catalog, lang: str, known_units: dict[str, str], state_code: str):
        self.catalog, self.lang, self.known, self.state = catalog, lang, known_units, state_code
        #: (variable, option) → the variable, for facility-level keys that exist.
        self.facility_keys: dict[tuple[str, str], Variable] = {}
        self.state_keys: dict[tuple[str, str], Variable] = {}
        for code, var in catalog.variables.items():
            target = self.facility_keys if var.level == "facility" else self.state_keys
            for option in catalog.option_codes(var):
                target[(code, option)] = var
        #: variable code → (integer?, min, max) for numeric variables read by the shortcut.
        self.numeric = {
            code: (var.value_type == "integer", var.min_value, var.max_value)
            for code, var in catalog.variables.items()
            if var.unit not in ("category", "yesno")
        }
        self.periods: dict[str, str | None] = {}

    def _period(self, text: str) -> str | None:
        if text not in self.periods:
            try:
                self.periods[text] = parse_period(text)
            except InputError:
                self.periods[text] = None
        return self.periods[text]

    def rows(self, rows: Sequence[tuple], start: int = 0) -> tuple[list[Received], list[ImportConflict]]:
        """(valid values, conflicts): each row (``ROW_FIELDS`` order) checked with the rules
        of manual entry; ``start`` is the index of the first row in the package."""
        received: list[Received] = []
        problems: list[ImportConflict] = []
        append = received.append
        value_of = self._value
        for index, row in enumerate(rows, start=start):
            org, period, code, option, raw, comment, _by, _at, follow_up, deleted, _ds, side = row
            # The common case in one expression: every side field present with its exact type.
            if not (
                type(side) is dict
                and type(side.get("uuid")) is str
                and type(side.get("version")) is int
                and type(side.get("base_version")) is int
                and type(side.get("updated_at")) is str
                and type(side.get("updated_by")) is str
                and type(side.get("provisional")) is bool
                and side["version"] >= 1
                and side["base_version"] >= 0
            ):
                problems.append(_side_conflict(org, side, index, self.lang))
                continue
            try:
                normal, value = value_of(org, period, code, option, raw, deleted)
            except InputError as exc:
                problems.append(
                    _value_conflict(exc, f"{org} {period} {code}" + (f".{option}" if option else ""), index, self.lang)
                )
                continue
            append(
                (
                    org,
                    normal,
                    code,
                    option,
                    None if deleted else value,
                    comment,
                    int(side["provisional"]),
                    int(bool(follow_up)),
                    side["uuid"],
                    side["version"],
                    side["updated_at"],
                    side["updated_by"],
                    side["base_version"],
                    bool(deleted),
                    index,
                )
            )
        return received, problems

    def _value(
        self, org: str, period: str, code: str, option: str, raw: str | None, deleted: object
    ) -> tuple[str | None, object]:
        """(normal period, parsed value) of one row; raises InputError with the manual entry's message.

        A facility value of a known unit of the sender's state, with a valid period, takes the
        shortcuts; any other row goes through :meth:`_check` (the exact path).
        """
        normal = self.periods.get(period) or self._period(period)
        if not (normal is not None and self.known.get(org) == self.state and (code, option) in self.facility_keys):
            return self._check(org, period, code, option, None if deleted else raw)
        if deleted or raw is None:
            return normal, None
        if raw.isdigit() and raw.isascii() and len(raw) < 16 and code in self.numeric:
            # Exactly what parse_value gives a plain count (exact below 2**53).
            integer, low, high = self.numeric[code]
            value = int(raw) if integer else float(raw)
            if (low is not None and value < low) or (high is not None and value > high):
                return normal, parse_value(self.catalog.variables[code], raw)  # raises: out of range
            return normal, value
        return normal, parse_value(self.catalog.variables[code], raw)

    def _check(self, org: str, period: str, code: str, option: str, raw: object) -> tuple[str, object]:
        var = self.state_keys.get((code, option))
        if var is not None and org == self.state and org in self.catalog.states:
            normal = self._period(period)
            if normal is not None:  # a state-level value of the sender's own state
                return normal, None if raw is None else parse_value(var, raw)
        checked = check_change_in(
            self.catalog, ValueChange(ValueKey(org, period, code, option), raw), self.known, self.state
        )
        return checked.key.period, checked.value


def _side_conflict(org: str, side: object, index: int, lang: str) -> ImportConflict:
    """The conflict of a value without a valid ``coordina`` side object."""
    return {
        "object": org,
        "value": _side_problem(side).message(lang),
        "errorCode": "E_SIDE",
        "property": "coordina",
        "indexes": [index],
    }


def _value_conflict(exc: InputError, what: str, index: int, lang: str) -> ImportConflict:
    """The conflict of a value the rules of manual entry refuse, with our error code."""
    error, prop = VALUE_ERROR_CODES.get(exc.code, ("E_VALUE", "value"))
    return {"object": what, "value": exc.message(lang), "errorCode": error, "property": prop, "indexes": [index]}


def _side_problem(side: object) -> InputError:
    if not isinstance(side, dict):
        return InputError("sync_detail.side_missing")
    for name, kind in SIDE_FIELDS.items():
        found = side.get(name)
        if type(found) is not kind:
            return InputError("sync_detail.side_type", name=name, kind=kind.__name__)
    return InputError("sync_detail.side_version")


def _same(a: tuple, b: tuple) -> bool:
    """Same value, comment and flags (rows of ``data_values``, or received values)."""
    return a[VALUE : FOLLOW_UP + 1] == b[VALUE : FOLLOW_UP + 1]


def _snapshot(v: tuple) -> str:
    return json.dumps(
        {
            "value": v[VALUE],
            "comment": v[COMMENT],
            "provisional": bool(v[PROVISIONAL]),
            "version": v[VERSION],
            "updated_at": v[UPDATED_AT],
            "updated_by": v[UPDATED_BY],
            "uuid": v[UUID],
        },
        ensure_ascii=False,
    )


CHUNK = 20_000  # values written per step: bounds the rows, log and lookups held at once


def apply_received(
    conn: sqlite3.Connection,
    received: Sequence[Received],
    package_uuid: str,
    state_code: str,
    now: str,
    result: Applied | None = None,
    *,
    author: str | None = None,
    not_after: str | None = None,
) -> Applied:
    """Write the values by the rules above; must run inside the import's transaction.

    ``result`` accumulates counts over several calls (one per month of a package).
    ``not_after`` (the package's signing time, see :mod:`app.services.sync.sync_checks`) bounds
    the sender's ``updated_at``, which decides conflicts: a later or malformed one is
    replaced by it and counted in ``result.skewed``. ``author`` (the registered signer) is
    the change log's user, with the sender's claimed ``updated_by`` beside it.
    """
    result = result if result is not None else Applied()
    for start in range(0, len(received), CHUNK):
        _apply_chunk(conn, received[start : start + CHUNK], package_uuid, state_code, now, result, author, not_after)
    return result


def _apply_chunk(
    conn: sqlite3.Connection,
    received: Sequence[Received],
    package_uuid: str,
    state_code: str,
    now: str,
    result: Applied,
    author: str | None = None,
    not_after: str | None = None,
) -> None:
    """Decide every value of one chunk by the conflict rule, then write, log and flag in bulk."""
    current: dict[tuple, tuple] = {}
    for period in {item[1] for item in received}:
        current.update(values_repo.state_rows(conn, state_code, period))
    batch = _Batch(now, f"paquete {package_uuid}", author)
    counts = dict.fromkeys((IMPORTED, UPDATED, DELETED_COUNT, IGNORED), 0)
    get = current.get
    for item in received:
        if not_after is not None:
            item = _bounded(item, not_after, result)
        key = item[:4]
        ours = get(key) if current else None
        if ours is None:  # the common case: a value HQ never had
            decision = decide(None, None, "", item[VERSION], item[BASE], (), item[UPDATED_AT], item[DELETED])
        else:
            decision = decide(
                ours[VERSION],
                ours[VALUE : FOLLOW_UP + 1],
                ours[UPDATED_AT],
                item[VERSION],
                item[BASE],
                item[VALUE : FOLLOW_UP + 1],
                item[UPDATED_AT],
                item[DELETED],
            )
        counts[decision.counted] += 1
        if decision.conflict is not None and ours is not None:  # only a copy can conflict
            batch.conflicts.append(
                (*key, _snapshot(ours), _snapshot(item), decision.conflict, package_uuid, state_code, now)
            )
            result.flagged.append(_flag(key, item, decision.conflict))
        if decision.applies:
            batch.add(item, ours)
    for name, count in counts.items():
        setattr(result, name, getattr(result, name) + count)
    values_repo.upsert_received(conn, batch.rows)
    changelog.append_text_rows(conn, batch.log)
    conflicts_repo.add_conflicts(conn, batch.conflicts)


def _bounded(item: Received, not_after: str, result: Applied) -> Received:
    """``item`` with its ``updated_at`` no later than the package's signing time."""
    at = item[UPDATED_AT]
    # The common case is one comparison: a stored-form UTC time not after the bound.
    if type(at) is str and len(at) == 25 and at <= not_after and at.endswith("+00:00"):
        return item
    fixed = bounded_time(at, not_after)
    if fixed is None:
        fixed = not_after
        result.skewed += 1
    return (*item[:UPDATED_AT], fixed, *item[UPDATED_AT + 1 :])


def _flag(key: tuple, item: Received, applied: str) -> ImportConflict:
    """The import summary's W_CONFLICT entry for a flagged value."""
    return {
        "object": f"{key[0]} {key[1]} {key[2]}" + (f".{key[3]}" if key[3] else ""),
        "value": item[VALUE],
        "errorCode": "W_CONFLICT",
        "property": "value",
        "indexes": [item[INDEX]],
        "applied": applied,
    }


class _Batch:
    """The rows, change-log lines and conflicts of one chunk, written together at its end."""

    def __init__(self, now: str, source: str, author: str | None):
        self.now, self.source, self.author = now, source, author
        self.rows: list[tuple] = []
        self.log: list[tuple] = []
        self.conflicts: list[tuple] = []
        self._authors: dict[object, str] = {}

    def add(self, item: Received, ours: tuple | None) -> None:
        """Write ``item`` over ``ours`` (None: a new value) and log every field it changes."""
        self.rows.append(item[ROW])
        by = item[UPDATED_BY]
        if self.author is not None:  # the signer is who the log names; the claim rides beside it
            by = self._authors.get(by) or self._authors.setdefault(by, logged_author(self.author, by))
        key, now, source, text, log = (item[:4], self.now, self.source, changelog.as_log_text, self.log)
        if ours is None:  # a new value: only what it sets is a change (the common case)
            if item[VALUE] is not None:
                log.append((now, by, *key, "value", None, text(item[VALUE]), source))
            if item[COMMENT]:
                log.append((now, by, *key, "comment", None, item[COMMENT], source))
            if item[PROVISIONAL]:
                log.append((now, by, *key, "provisional", None, "1", source))
            if item[FOLLOW_UP]:
                log.append((now, by, *key, "follow_up", None, "1", source))
            return
        for name, at in _LOGGED:
            if ours[at] != item[at]:
                log.append((now, by, *key, name, text(ours[at]), text(item[at]), source))
