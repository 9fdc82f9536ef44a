"""Targets (metas): the goal HQ sets for an indicator, which every state receives and sees.

Keys are the catalog's indicator codes (``rx_filled_pct``): one national meta for every
state. A state may get its own meta for an indicator with the key ``STATE:code``
(``18:rx_filled_pct``), which wins over the national one in that state's update.

Targets live in the settings table under ``TARGET_PREFIX + key`` (``meta:…``),
the keys a state has always stored what an update brings; a state's table holds plain
indicator codes only (its own metas, already resolved at HQ). Values are floats; for a
percent indicator the meta is a percentage (0–100), never a fraction.

Setting is all-or-nothing: every bad entry is reported at once (InputError with one
detail per entry) and nothing is written. Only HQ (or a data directory without a sync
profile) sets metas; at a state they are read-only.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Mapping

from app.models.catalog import Catalog
from app.models.import_summary import ImportConflict
from app.models.messages import InputError
from app.services.sync.sync_profile import profile
from app.services.workspace import Workspace, write_transaction
from app.storage import reports_repo

log = logging.getLogger(__name__)

#: Settings keys of the metas (the prefix states have always stored updates' targets under).
TARGET_PREFIX = "meta:"

_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")


def split_key(key: str) -> tuple[str | None, str]:
    """``"18:code"`` → ``("18", "code")``; ``"code"`` → ``(None, "code")``."""
    state, sep, code = key.partition(":")
    return (state, code) if sep else (None, key)


def parse_number(raw: object) -> float:
    """A meta as typed ("95", "95.5", "12 %", "1,200") or given (int, float).

    Raises InputError ``not_a_number`` for text, booleans, NaN and infinities.
    """
    if isinstance(raw, bool):
        raise InputError("not_a_number", value=raw)
    if isinstance(raw, int | float):
        number = float(raw)
    else:
        text = str(raw).strip().replace("%", "").replace("\u00a0", "").replace(" ", "")
        if _THOUSANDS.fullmatch(text):
            text = text.replace(",", "")
        try:
            number = float(text)
        except ValueError:
            raise InputError("not_a_number", value=str(raw).strip()) from None
    if not math.isfinite(number):
        raise InputError("not_a_number", value=raw)
    return number


def check_target(catalog: Catalog, key: str, raw: object) -> tuple[str, float]:
    """Validate one entry: returns the normalised key and value, or raises InputError.

    The indicator must be in ``catalog``, a state prefix must name a state, the value must
    be a number, not negative, and at most 100 for a percent indicator.
    """
    state, code = split_key(str(key).strip())
    code = code.strip()
    indicator = catalog.indicators.get(code)
    if indicator is None:
        raise InputError("target_unknown_indicator", indicator=code)
    if state is not None:
        found = catalog.find_state(state.strip())
        if found is None:
            raise InputError("unknown_state", state=state)
        state = found.code
    value = parse_number(raw)
    if value < 0:
        raise InputError("negative", value=_show(value))
    if indicator.unit == "percent" and value > 100:
        raise InputError("target_percent_range", value=_show(value), indicator=code)
    return (f"{state}:{code}" if state else code), value


def _show(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


def _require_not_state(ws: Workspace) -> None:
    found = profile(ws)
    if found is not None and found.role == "state":
        raise InputError("target_read_only")


def set_targets(ws: Workspace, entries: Mapping[str, object]) -> dict[str, float | None]:
    """Validate and store metas ``{code or STATE:code: value}`` in one transaction.

    A value of None (or empty text) clears that meta in the same transaction. Every
    invalid entry is reported in one InputError (``targets_rejected``, one detail per
    entry) and nothing is written. Returns what was stored (cleared keys map to None).
    """
    _require_not_state(ws)
    if not entries:
        raise InputError("targets_empty")
    clean: dict[str, float | None] = {}
    problems: list[InputError] = []
    for key, raw in entries.items():
        try:
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                norm, value = _clear_key(ws.catalog, key), None
            else:
                norm, value = check_target(ws.catalog, key, raw)
        except InputError as exc:
            problems.append(InputError("target_entry", key=key, reason=exc))
            continue
        clean[norm] = value
    if problems:
        raise InputError("targets_rejected", details=problems, count=len(problems))
    with write_transaction(ws):
        for key, value in clean.items():
            if value is None:
                reports_repo.settings_delete(ws.conn, TARGET_PREFIX + key)
            else:
                reports_repo.settings_set(ws.conn, TARGET_PREFIX + key, json.dumps(value))
    log.info("metas guardadas por %s: %s", ws.user, clean)
    return clean


def clear_target(ws: Workspace, key: str) -> bool:
    """Remove the meta ``key`` (``code`` or ``STATE:code``). False when there was none."""
    _require_not_state(ws)
    key = _clear_key(ws.catalog, key)
    with write_transaction(ws):
        gone = reports_repo.settings_delete(ws.conn, TARGET_PREFIX + key)
    if gone:
        log.info("meta %s borrada por %s", key, ws.user)
    return bool(gone)


def _clear_key(catalog: Catalog, key: str) -> str:
    """The stored key for ``key``: a state prefix by its INEGI code (any indicator code goes,
    so a meta of an indicator a newer catalog dropped can still be cleared)."""
    state, code = split_key(str(key).strip())
    if state is None:
        return code.strip()
    found = catalog.find_state(state.strip())
    return f"{found.code if found else state.strip()}:{code.strip()}"


def targets(ws: Workspace) -> dict[str, float]:
    """Every stored meta by key (``code`` and, at HQ, ``STATE:code``), sorted by key.

    A stored value that is not a number (never written by Coordina) is left out and logged.
    """
    out: dict[str, float] = {}
    for key, value in reports_repo.settings_with_prefix(ws.conn, TARGET_PREFIX):
        try:
            out[key[len(TARGET_PREFIX) :]] = float(json.loads(value))
        except (TypeError, ValueError):
            log.warning("meta %s ilegible: %r", key, value)
    return out


def state_targets(ws: Workspace, state: str) -> dict[str, float]:
    """The metas of ``state`` by indicator code: national ones, overridden by ``STATE:code``."""
    code = ws.catalog.state(state).code
    stored = targets(ws)
    out = {k: v for k, v in stored.items() if split_key(k)[0] is None}
    for key, value in stored.items():
        prefix, indicator = split_key(key)
        if prefix == code:
            out[indicator] = value
    return out


def received_targets(catalog: Catalog, incoming: Mapping[str, object]) -> tuple[dict[str, float], list[ImportConflict]]:
    """At a state: the metas of an update it can use, and a notice for each it cannot.

    Unknown indicators (or state-prefixed keys) and invalid values are skipped with a
    ``W_TARGET_UNKNOWN`` / ``W_TARGET_INVALID`` notice in the import summary, never an error.
    """
    kept: dict[str, float] = {}
    notes: list[ImportConflict] = []
    for key, raw in incoming.items():
        key = str(key)
        if key not in catalog.indicators:
            notes.append(
                {
                    "object": key,
                    "value": f"meta de un indicador que este catálogo no tiene «{key}»; no se guardó",
                    "errorCode": "W_TARGET_UNKNOWN",
                    "property": "target",
                    "indexes": [],
                }
            )
            continue
        try:
            kept[key] = check_target(catalog, key, raw)[1]
        except InputError as exc:
            notes.append(
                {
                    "object": key,
                    "value": f"meta no válida: {exc.message('es')}; no se guardó",
                    "errorCode": "W_TARGET_INVALID",
                    "property": "target",
                    "indexes": [],
                }
            )
    return kept, notes
