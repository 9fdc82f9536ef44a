"""Row errors of one values import (its scratch space of checked changes is
:mod:`app.storage.staging`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.models.messages import MAX_LISTED_ERRORS, InputError, listed_with_rest


@dataclass
class ErrorList:
    """Row errors of one import: the first :data:`MAX_LISTED_ERRORS` kept, every one counted.

    Rows with errors are counted once each through one bit per row number (a million
    rows: 125 KB), and an error beyond the listed ones is never even built.
    """

    listed: list[InputError] = field(default_factory=list)
    total: int = 0
    rows: int = 0
    _seen: dict[str, bytearray] = field(default_factory=dict)

    def add(self, where: str, row: int, make: Callable[[], InputError]) -> None:
        """Count an error of ``row`` in ``where``; ``make`` builds its reason if it is listed."""
        self.total += 1
        if len(self.listed) < MAX_LISTED_ERRORS:
            self.listed.append(InputError("row_error", path=where, row=row, reason=make()))
        bits = self._seen.setdefault(where, bytearray())
        index, bit = divmod(row, 8)
        if index >= len(bits):
            bits.extend(bytes(max(index + 1 - len(bits), len(bits))))
        if not bits[index] & (1 << bit):
            bits[index] |= 1 << bit
            self.rows += 1

    def raise_if_any(self) -> None:
        """Raise InputError("rows_rejected") with the listed errors and the count of the rest."""
        if not self.total:
            return
        raise InputError("rows_rejected", details=listed_with_rest(list(self.listed), self.total), count=self.rows)
