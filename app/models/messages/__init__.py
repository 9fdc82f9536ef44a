"""The one catalogue of user-visible text outside Qt widgets, in Spanish and English.

The GUI translates its own widgets with Qt Linguist; everything else a person reads (errors
from the domain, storage, services and sync, the summary PDF's words, what the command line
prints) is a message code rendered here with :func:`text` in the language chosen with
``--lang`` or in the app. One module per feature holds its entries (``code -> {"es", "en"}``);
:data:`MESSAGES` merges them, and a test checks that no code is defined twice, that every
entry has both languages with the same placeholders, and that every code the app uses exists.

Errors are plain data: :class:`InputError` carries a code and its parameters and is rendered
in the reader's language only when shown.
"""

from __future__ import annotations

import errno

from . import catalog, cli, entry, health, selftest, signing, storage, summary, sync, sync_details

LANGS = ("es", "en")
#: Row errors listed in one refusal of a file; the rest are counted ("more_errors").
MAX_LISTED_ERRORS = 100

#: The feature modules, in lookup order (their codes never overlap).
PARTS = (entry, storage, signing, sync, sync_details, catalog, summary, cli, selftest, health)


def _merge() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for part in PARTS:
        clash = merged.keys() & part.MESSAGES.keys()
        if clash:  # a programming error: two features gave the same code
            raise ValueError(f"message codes defined twice: {sorted(clash)}")
        merged.update(part.MESSAGES)
    return merged


MESSAGES: dict[str, dict[str, str]] = _merge()


def language(lang: str | None) -> str:
    """``lang`` if the catalogue has it, else Spanish (the source language)."""
    return lang if lang in LANGS else "es"


def text(code: str, lang: str = "es", **fields: object) -> str:
    """Message ``code`` in ``lang`` ("es" or "en"; anything else is Spanish) with ``fields`` filled.

    An unknown code prints itself (with its fields) rather than failing: a message must never
    hide the error it reports. A template whose fields are missing prints unfilled.
    """
    entry_ = MESSAGES.get(code)
    if entry_ is None:
        return code + (" " + repr(fields) if fields else "")
    template = entry_.get(language(lang)) or entry_["es"]
    try:
        return template.format(**fields)
    except (KeyError, IndexError):
        return template


#: The historical name of :func:`text` (crash log, verification, the GUI's verify dialog).
render = text


def table(prefix: str, lang: str = "es") -> dict[str, str]:
    """The templates whose code starts with ``prefix``, keyed by the rest of the code.

    For a feature that formats several of its texts at once (``table("cli.sync.", "en")["ok"]``).
    """
    chosen = language(lang)
    return {
        code[len(prefix) :]: entry_.get(chosen) or entry_["es"]
        for code, entry_ in MESSAGES.items()
        if code.startswith(prefix)
    }


class InputError(Exception):
    """Bad input from a person or a file. Carries a message code and parameters.

    ``details`` holds nested per-row errors (each itself an InputError) so that a
    whole file can be reported at once, row by row.
    """

    def __init__(self, code: str, details: list[InputError] | None = None, **params: object):
        self.code = code
        self.params = params
        self.details = list(details or [])
        super().__init__(text(code, "es", **self._rendered_params("es")))

    def _rendered_params(self, lang: str) -> dict[str, object]:
        """The parameters in ``lang``: a nested InputError as its message, a list of them
        as their messages joined by "; " (the items a refusal names)."""
        out: dict[str, object] = {}
        for key, value in self.params.items():
            if isinstance(value, InputError):
                value = value.message(lang)
            elif isinstance(value, list) and value and all(isinstance(v, InputError) for v in value):
                value = "; ".join(v.message(lang) for v in value)
            out[key] = value
        return out

    def message(self, lang: str = "es") -> str:
        """The message in ``lang``, including nested details one per line."""
        head = text(self.code, lang, **self._rendered_params(lang))
        if not self.details:
            return head
        return "\n".join([head, *("  " + d.message(lang) for d in self.details)])


def listed_with_rest(errors: list[InputError], total: int) -> list[InputError]:
    """The first :data:`MAX_LISTED_ERRORS` of ``errors``, then one "more_errors" line counting
    the rest of ``total``: a refusal of a file names its first rows, not a million of them."""
    listed = errors[:MAX_LISTED_ERRORS]
    if total > len(listed):
        listed.append(InputError("more_errors", count=total - len(listed), shown=len(listed)))
    return listed


# Operating-system reasons, in the user's language: strerror() is always English.
_OS_REASONS: dict[int, str] = {
    errno.EEXIST: "reason_exists",
    errno.ENOTDIR: "reason_not_a_folder",
    errno.ENOENT: "reason_missing",
    errno.EACCES: "reason_denied",
    errno.EPERM: "reason_denied",
    errno.EROFS: "reason_read_only",
    errno.EIO: "reason_io",
    errno.ENOSPC: "reason_full",
    errno.EISDIR: "reason_is_a_folder",
}


def os_reason(exc: BaseException) -> InputError | str:
    """Why an OS or SQLite call failed, as a short bilingual phrase (raw text if unknown)."""
    number = getattr(exc, "errno", None)
    if number in _OS_REASONS:
        return InputError(_OS_REASONS[number])
    primary = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if primary == 10:  # SQLITE_IOERR
        return InputError("reason_io")
    if primary == 8:  # SQLITE_READONLY
        return InputError("reason_read_only")
    if primary == 14:  # SQLITE_CANTOPEN: the file or its folder is not there (any more)
        return InputError("reason_missing")
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
