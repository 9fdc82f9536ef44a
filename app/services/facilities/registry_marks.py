"""Registry counts marked provisional ("42** Hospitales … ** En proceso de definición…").

The counts of a state's facility registry (hospitals, UNEMES, health units) may still be
under discussion with the state government. A coordinator marks a count provisional with
its footnote text; the summary prints the count with ``**`` and the footnote on both
layouts. The mark belongs to the registry of the state, not to a month.
"""

from __future__ import annotations

from app.models.catalog import Catalog
from app.models.messages import InputError
from app.models.report_details import DEFAULT_PROVISIONAL_NOTE, PROVISIONAL_NOTE_MAX, clean_text
from app.services.workspace import Workspace, now_iso, write_transaction
from app.storage import facilities_repo


def registry_counts(catalog: Catalog) -> list[str]:
    """Codes of the indicators that count registry facilities (no denominator), catalog order."""
    return [
        code
        for code, ind in catalog.indicators.items()
        if ind.denominator is None and "count_facilities" in ind.numerator
    ]


def check_count(catalog: Catalog, code: object) -> str:
    """``code`` if it is a registry count; InputError("provisional_count_unknown") otherwise."""
    text = str(code or "").strip().lower()
    counts = registry_counts(catalog)
    if text not in counts:
        raise InputError("provisional_count_unknown", count=str(code or "")[:40], counts=", ".join(counts))
    return text


def provisional_counts(ws: Workspace, state_code: str) -> dict[str, str]:
    """The state's registry counts marked provisional: figure code → footnote text."""
    state = ws.catalog.state(state_code)
    return facilities_repo.registry_provisional(ws.conn, state.code)


def set_count_provisional(
    ws: Workspace, state_code: str, code: str, provisional: bool, note: str | None = None
) -> str | None:
    """Mark (or unmark) one registry count of a state provisional; returns the note in force.

    A blank ``note`` is stored as "" and prints the seed's "En proceso de definición con el
    Gobierno del estado" (in English in an English PDF); the returned text says so. The note
    is one line of plain text of at most :data:`PROVISIONAL_NOTE_MAX` characters.
    """
    state = ws.catalog.state(state_code)
    figure = check_count(ws.catalog, code)
    text = clean_text(note, PROVISIONAL_NOTE_MAX) if provisional else None
    with write_transaction(ws):
        facilities_repo.set_registry_provisional(ws.conn, state.code, figure, text, ws.user, now_iso())
    if text is None:
        return None
    return text or DEFAULT_PROVISIONAL_NOTE["es"]
