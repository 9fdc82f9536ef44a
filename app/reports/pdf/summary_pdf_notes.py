"""What the coordinator adds to the summary PDF: the section notes, under their titles.

Kept apart from the layout modules so they place these with one line each. A note is
plain text typed by a person: it is escaped before it reaches ReportLab's markup. (The
provisional footnote is text, in :mod:`app.models.summary_layout`.)
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from app.models.summary import StateSummary
from app.models.summary_layout import NOTE_KEYS


def section_note(summary: StateSummary, key: str) -> str:
    """The note of layout block ``key`` ("services", "infra"…), or ""."""
    return summary.section_notes.get(NOTE_KEYS.get(key, ""), "")


def note_paragraph(summary: StateSummary, key: str, base: ParagraphStyle) -> Paragraph | None:
    """The note of block ``key`` as a paragraph in ``base``'s size, muted; None without one."""
    note = section_note(summary, key)
    if not note:
        return None
    style = ParagraphStyle(f"section_note_{key}", parent=base, textColor=colors.HexColor("#555555"), spaceAfter=2)
    return Paragraph(escape(note), style)
