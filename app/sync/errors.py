"""The sync error: a documented code, a bilingual message, and where it happened.

Codes are stable (they appear in import summaries and in the CLI's JSON); their texts are in
the message catalogue (:mod:`app.models.messages.sync`). A rejected package writes nothing,
whatever the code.
"""

from __future__ import annotations

from app.models.messages import MESSAGES as CATALOGUE
from app.models.messages import InputError, text

#: The package codes and their texts (``E_*`` codes of the catalogue's sync part; catalogs
#: add theirs in :mod:`app.models.messages.catalog`).
MESSAGES: dict[str, dict[str, str]] = {
    code: texts for code, texts in CATALOGUE.items() if code.startswith("E_") and not code.startswith("E_CATALOG")
}


class SyncError(InputError):
    """A package, profile or enrolment file that cannot be accepted.

    An InputError, so the CLI and the GUI report it like any other bad input. ``detail`` is
    plain text (a file name, a number) or an InputError, rendered in the reader's language.
    """

    def __init__(self, code: str, where: str = "", detail: object = ""):
        self.where = where
        self._detail = detail
        self.detail = detail.message("es") if isinstance(detail, InputError) else str(detail)
        super().__init__(code)
        self.args = (self.message("es"),)

    def detail_text(self, lang: str = "es") -> str:
        """``detail`` in ``lang``."""
        return self._detail.message(lang) if isinstance(self._detail, InputError) else self.detail

    def where_text(self, lang: str = "es") -> str:
        """Where it happened; "paquete" (or "package") when nobody said."""
        return self.where or text("sync_where", lang)

    def message(self, lang: str = "es") -> str:
        code = self.code if self.code.startswith("E_") and self.code in CATALOGUE else "sync_unknown"
        body = text(code, lang, where=self.where_text(lang), detail=self.detail_text(lang))
        return f"[{self.code}] {body}"
