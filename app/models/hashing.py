"""Hashes for the append-only change log and data fingerprints."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from json.encoder import encode_basestring

GENESIS = "0" * 64
#: The change-log fields in sorted order, as ``json.dumps(sort_keys=True)`` writes them.
LOG_FIELDS_SORTED = (
    "at",
    "disaggregation",
    "field",
    "new_value",
    "old_value",
    "org_unit",
    "period",
    "source",
    "user",
    "variable",
)
_TEMPLATE = "{" + ",".join(f'"{name}":%s' for name in LOG_FIELDS_SORTED) + "}"


def chain_hash(prev_hash: str, fields: Mapping[str, object]) -> str:
    """SHA-256 of the previous hash plus the canonical JSON of a log row's fields."""
    payload = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + "|" + payload).encode("utf-8")).hexdigest()


def block_hash(prev_hash: str, rows: Sequence[Sequence[str | None]]) -> str:
    """SHA-256 of the previous hash plus a whole block of log rows, as one JSON array.

    Bulk imports log one row per value: hashing a block of rows in one call (the C JSON
    encoder, one SHA-256) instead of row by row is what keeps the log cheap. Each row is
    the log fields in table order, all text or None; ``|block|`` keeps a block's digest
    from ever equalling a single row's.
    """
    payload = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + "|block|" + payload).encode("utf-8")).hexdigest()


def chain_hash_text(prev_hash: str, fields: Mapping[str, str | None]) -> str:
    """:func:`chain_hash` for a log row whose fields are all text or None, ~4× faster.

    Writes the same canonical JSON by hand (same key order, separators and escaping as
    ``json.dumps(sort_keys=True, ensure_ascii=False)``): bulk imports log every value.
    """
    return chain_hash_values(prev_hash, tuple(fields[name] for name in LOG_FIELDS_SORTED))


def chain_hash_values(prev_hash: str, values: tuple[str | None, ...]) -> str:
    """:func:`chain_hash_text` for the field values already in :data:`LOG_FIELDS_SORTED` order."""
    payload = _TEMPLATE % tuple(["null" if v is None else encode_basestring(v) for v in values])
    return hashlib.sha256((prev_hash + "|" + payload).encode("utf-8")).hexdigest()
