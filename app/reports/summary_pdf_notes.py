"""What the coordinator adds to the summary PDF: section notes and the provisional footnote.

Kept apart from the layout modules so they place these with one line each. A note is
plain text typed by a person: it is escaped before it reaches ReportLab's markup.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from app.models.report_details import PROVISIONAL_MARK, provisional_notes
from app.models.summary import StateSummary

#: Layout block → catalog section code of its note.
NOTE_KEYS = {"inventory": "unidades", "personal": "personal", "services": "servicios",
             "community": "comunitaria", "infra": "infraestructura"}


def section_note(summary: StateSummary, key: str) -> str:
    """The note of layout block ``key`` ("services", "infra"…), or ""."""
    return summary.section_notes.get(NOTE_KEYS.get(key, ""), "")


def note_paragraph(summary: StateSummary, key: str, base: ParagraphStyle) -> Paragraph | None:
    """The note of block ``key`` as a paragraph in ``base``'s size, muted; None without one."""
    note = section_note(summary, key)
    if not note:
        return None
    style = ParagraphStyle(f"section_note_{key}", parent=base, textColor=colors.HexColor("#555555"),
                           spaceAfter=2)
    return Paragraph(escape(note), style)


def provisional_footnote(summary: StateSummary, lang: str = "es") -> str:
    """"** En proceso de definición con el Gobierno del estado." or "" when nothing is provisional.

    Every distinct note behind a provisional figure is printed once (a registry count's own
    note, or the default one for values flagged provisional).
    """
    flags = {code: fig.provisional for code, fig in summary.figures.items()}
    notes = [n.rstrip(". ") for n in provisional_notes(flags, summary.registry_provisional, lang)]
    return f"{PROVISIONAL_MARK} " + ". ".join(notes) + "." if notes else ""
