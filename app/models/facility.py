"""Facilities (org units keyed by CLUES) and their operating status."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .messages import InputError

CLUES_PATTERN = re.compile(r"^[A-Z]{2}[A-Z]{3}\d{6}$")


def normalize_clues(text: object) -> str:
    """Upper-case, stripped CLUES; raises InputError when it is not well formed."""
    clues = str(text or "").strip().upper()
    if not CLUES_PATTERN.match(clues):
        raise InputError("invalid_clues", clues=str(text or "").strip())
    return clues


@dataclass
class Facility:
    """A health facility of the registry."""

    clues: str
    name: str
    state_code: str
    type_code: str
    level: int
    municipality: str = ""
    jurisdiction: str = ""
    institution: str = "IMSSB"
    status: str = "operando"
    status_since: str = ""
    is_demo: bool = False


@dataclass(frozen=True)
class StatusPeriod:
    """One stretch of a facility's operating-status history."""

    status: str
    start_date: str
    end_date: str = ""
