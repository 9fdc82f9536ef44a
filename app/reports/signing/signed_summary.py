"""A signed state summary: render the PDF with room for the signature, then sign it.

The visible block (name, position, state, date and time, certificate fingerprint) is
drawn by ReportLab (:mod:`signature_block`) and becomes the appearance of the PAdES
signature widget, placed in the room the layout left beside the footnotes.
"""

from __future__ import annotations

from datetime import datetime

from app.models.messages import text
from app.models.summary import StateSummary
from app.reports.pdf.summary_pdf import render_summary_layout
from app.reports.signing.identity import Identity
from app.reports.signing.pades import VisibleSignature, sign_pdf
from app.reports.signing.signature_block import BLOCK_SIZE, SignatureBlock, render_block_pdf


def signed_summary_pdf(
    summary: StateSummary,
    identity: Identity,
    layout: str,
    banner: str,
    when: datetime,
    lang: str = "es",
    demo: bool = False,
) -> bytes:
    """The summary PDF signed by ``identity`` with a visible signature block (``demo``: watermarked)."""
    data, box = render_summary_layout(summary, layout, banner, when, lang, signature_size=BLOCK_SIZE, demo=demo)
    visible = None
    if box is not None:
        block = render_block_pdf(SignatureBlock.from_identity(identity, when), lang)
        visible = VisibleSignature(box.page, (box.x1, box.y1, box.x2, box.y2), block)
    return sign_pdf(
        data, identity, reason=text("signed_summary.reason", lang), location=summary.state_name, visible=visible
    )
