"""One JSON loader for everything that arrives from outside: manifests, payload parts, acks,
updates, HQ profiles and enrolment files.

``json.loads`` alone lets hostile input escape as exceptions nobody expects: a document
nested 100,000 deep raises RecursionError, an integer of more than 4,300 digits raises a
plain ValueError, bad UTF-8 a UnicodeDecodeError. :func:`loads` caps the size, the nesting
depth and the digits of an integer (an integer SQLite cannot store is refused too), and turns
every failure into :class:`JsonRefused`, a message of the catalogue that says precisely why
in the reader's language; callers wrap it in their own documented code (E_MANIFEST,
E_PAYLOAD, E_PROFILE_FILE, E_ENROL_FILE).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from app.models.messages import InputError

#: Nesting deeper than any document Coordina writes (a manifest is 3 deep, a payload 5).
MAX_DEPTH = 64
#: Digits of an integer: 18 always fits SQLite's 64-bit INTEGER.
MAX_DIGITS = 18


class JsonRefused(InputError, ValueError):
    """A document that is not acceptable JSON: an ``json_*`` message that says why.

    Also a ValueError, as every parse failure of the standard library is.
    """


def _bounded_int(max_digits: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        digits = len(text.lstrip("-"))
        if digits > max_digits:
            raise JsonRefused("json_digits", digits=digits, most=max_digits)
        return int(text)

    return parse


def _depth_ok(doc: object, max_depth: int) -> bool:
    """Whether ``doc`` nests at most ``max_depth`` containers (iterative: no recursion)."""
    stack: list[tuple[object, int]] = [(doc, 1)]
    while stack:
        item, depth = stack.pop()
        children: Iterable[object]
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > max_depth:
            return False
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return True


def loads(
    data: bytes | str,
    max_bytes: int | None = None,
    max_depth: int | None = MAX_DEPTH,
    max_digits: int | None = MAX_DIGITS,
) -> object:
    """Parse ``data`` (UTF-8 bytes or text) within the caps; raises JsonRefused.

    ``max_depth=None`` skips the depth walk for big trusted-shape documents (a payload part
    after its hash and decryption checked out): nesting beyond the interpreter's limit is
    still refused, as RecursionError is caught. ``max_digits=None`` keeps Python's own cap.
    """
    if max_bytes is not None and len(data) > max_bytes:
        raise JsonRefused("json_bytes", most=max_bytes)
    try:
        text = data.decode("utf-8") if isinstance(data, (bytes, bytearray, memoryview)) else data
    except UnicodeDecodeError as exc:
        raise JsonRefused("json_not_utf8", at=exc.start) from None
    parse_int = None if max_digits is None else _bounded_int(max_digits)  # None: json's int
    try:
        doc = json.loads(text, parse_int=parse_int)
    except JsonRefused:
        raise
    except json.JSONDecodeError as exc:
        raise JsonRefused("json_syntax", line=exc.lineno, column=exc.colno, reason=exc.msg) from None
    except RecursionError:
        raise JsonRefused("json_too_deep") from None
    except ValueError as exc:  # the interpreter's own 4,300-digit cap, when max_digits is None
        raise JsonRefused("json_number_too_large", reason=str(exc)[:60]) from None
    if max_depth is not None and not _depth_ok(doc, max_depth):
        raise JsonRefused("json_deeper_than", most=max_depth)
    return doc
