"""Text normalisation used to match headers, aliases and names typed by people."""

from __future__ import annotations

import re
import unicodedata


def strip_accents(text: str) -> str:
    """Return ``text`` without combining accents ("TIPOLOGÍA" -> "TIPOLOGIA")."""
    if text.isascii():  # most names and headers: nothing to decompose
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize_key(text: str) -> str:
    """Upper-case, accent-free, single-spaced form of ``text`` for fuzzy matching.

    Underscores, dots and dashes count as spaces so that ``nombre_de_la_unidad``
    and ``Nombre de la Unidad`` compare equal.
    """
    text = strip_accents(str(text)).upper()
    text = re.sub(r"[_\-.:/()]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()
