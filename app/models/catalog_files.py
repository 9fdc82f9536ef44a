"""Reading the catalog's CSV and JSON files so that any malformation is a clear refusal.

A catalog may come from an update package or a folder someone edited by hand. Whatever is
wrong with it — a missing column, a word where a number belongs, a row with extra fields,
bad UTF-8, broken or absurdly nested JSON, a JSON entry without its ``code`` — becomes
``InputError("catalog_invalid")`` naming the file and the row and column (CSV) or line and
column (JSON), never a KeyError or RecursionError escaping from ``load_catalog``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .messages import InputError

_EXTRA = "\0extra"  # DictReader's key for fields beyond the header


def fail(path: Path, reason: str | InputError) -> InputError:
    """The catalog_invalid error for ``path``; ``reason`` may be a bilingual InputError."""
    return InputError("catalog_invalid", file=path.name, reason=reason)


class Row(dict[str, str]):
    """A CSV row that names its file, line and column when a value is missing or bad."""

    def __init__(self, path: Path, line: int, values: dict[str, str]):
        super().__init__(values)
        self.path, self.line = path, line

    def __missing__(self, column: str) -> str:
        raise fail(self.path, InputError("catalog_missing_column", row=self.line, column=column))

    def int(self, column: str) -> int:
        """The column as a whole number."""
        text = self[column]
        try:
            return int(text)
        except ValueError:
            raise fail(
                self.path, InputError("catalog_bad_number", row=self.line, column=column, value=text[:40])
            ) from None

    def num(self, column: str) -> float | None:
        """The column as a number, None when empty."""
        text = self[column]
        if text == "":
            return None
        try:
            return float(text)
        except ValueError:
            raise fail(
                self.path, InputError("catalog_bad_number", row=self.line, column=column, value=text[:40])
            ) from None


def read_csv(path: Path) -> list[Row]:
    """The rows of a catalog CSV (values stripped), each knowing its line number."""
    rows: list[Row] = []
    line = 1
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, restkey=_EXTRA)
            for values in reader:
                line = reader.line_num
                if _EXTRA in values:
                    raise fail(
                        path,
                        InputError(
                            "catalog_bad_row",
                            row=line,
                            reason=f"{len(values[_EXTRA])} campo(s) de más / extra field(s)",
                        ),
                    )
                rows.append(Row(path, line, {k: (v or "").strip() for k, v in values.items()}))
    except OSError as exc:
        raise fail(path, exc.strerror or str(exc)) from None
    except UnicodeDecodeError as exc:
        raise fail(path, InputError("catalog_bad_row", row=line + 1, reason=f"UTF-8: byte {exc.start}")) from None
    except csv.Error as exc:
        raise fail(path, InputError("catalog_bad_row", row=line + 1, reason=str(exc))) from None
    return rows


def read_json(path: Path) -> Any:
    """A catalog JSON file parsed; syntax errors name the line and column.

    Typed ``Any`` because it is JSON of any shape: callers read it inside :func:`entry`,
    which turns a wrong shape (KeyError, TypeError, AttributeError) into catalog_invalid.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise fail(path, exc.strerror or str(exc)) from None
    except UnicodeDecodeError as exc:
        raise fail(path, f"UTF-8: byte {exc.start}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise fail(path, InputError("catalog_bad_json", line=exc.lineno, column=exc.colno, reason=exc.msg)) from None
    except RecursionError:
        raise fail(
            path, InputError("catalog_bad_json", line=1, column=1, reason="anidamiento excesivo / nested too deeply")
        ) from None
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise fail(path, InputError("catalog_bad_json", line=1, column=1, reason=str(exc)[:80])) from None


@contextmanager
def entry(path: Path, where: str) -> Iterator[None]:
    """Reading one JSON entry (``where``, e.g. "indicators[3]"): a missing key or a value of
    the wrong type becomes catalog_invalid naming the file, the entry and the key."""
    try:
        yield
    except InputError:
        raise
    except KeyError as exc:
        key = str(exc.args[0]) if exc.args else "?"
        raise fail(path, InputError("catalog_missing_key", where=where, key=key[:60])) from None
    except (TypeError, ValueError, AttributeError, IndexError) as exc:
        raise fail(path, InputError("catalog_bad_entry", where=where, reason=str(exc)[:120])) from None
