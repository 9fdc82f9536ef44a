"""The names of the 32 states, read without loading the whole catalog.

The main window fills its state chooser before its first paint; the full
catalog (dataclasses, rules, indicators) loads and is checked right after.
"""

from __future__ import annotations

import csv
from pathlib import Path


def read_state_names(catalog_dir: Path) -> list[tuple[str, str]]:
    """(INEGI code, name) of every state in ``states.csv``, sorted by name."""
    with (catalog_dir / "states.csv").open(encoding="utf-8", newline="") as handle:
        rows = [(row["inegi_code"].strip().zfill(2), row["name"].strip()) for row in csv.DictReader(handle)]
    return sorted(rows, key=lambda pair: pair[1])
