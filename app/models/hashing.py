"""Hashes for the append-only change log and data fingerprints."""

from __future__ import annotations

import hashlib
import json

GENESIS = "0" * 64


def chain_hash(prev_hash: str, fields: dict) -> str:
    """SHA-256 of the previous hash plus the canonical JSON of a log row's fields."""
    payload = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + "|" + payload).encode("utf-8")).hexdigest()
