"""What every part of the reliability harness shares: its strength and where its figures go.

``make test`` runs tests/reliability/ as a short smoke version; ``make reliability`` sets
COORDINA_RELIABILITY=full (hundreds of kills, thousands of fuzz cases a target) and
COORDINA_RELIABILITY_OUT, where each part leaves its figures as JSON for report.py.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
REPO_ROOT = HERE.parent.parent


def full_mode() -> bool:
    """Whether this is ``make reliability`` (full strength) rather than the smoke run."""
    return os.environ.get("COORDINA_RELIABILITY", "") == "full"


def scaled(smoke: int, full: int) -> int:
    """``full`` under ``make reliability``, ``smoke`` otherwise."""
    return full if full_mode() else smoke


def record(name: str, data: dict) -> None:
    """Write ``data`` as ``<name>.json`` in COORDINA_RELIABILITY_OUT (nothing in a smoke run)."""
    out = os.environ.get("COORDINA_RELIABILITY_OUT")
    if not out:
        return
    directory = Path(out)
    if not directory.is_absolute():
        directory = REPO_ROOT / directory
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{name}.json").write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
