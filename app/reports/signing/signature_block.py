"""The visible signature block, drawn by ReportLab as a one-page PDF (DESIGN.md §5).

pyHanko places this page as the appearance of the signature field, so what a reader sees
("Firmado digitalmente por", name, position, state, date and time, the certificate's
SHA-256 fingerprint) is part of the signature widget itself, not loose page text: it
sits in a space the summary layout leaves free for it (see ``summary_pdf``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.models.messages import table
from app.reports.pdf.pdf_charts import BAR_COLOR, TEXT_COLOR
from app.reports.pdf.pdf_fonts import BOLD, REGULAR, register_fonts
from app.reports.signing.identity import Identity

BLOCK_SIZE = (260.0, 86.0)  # points; fits beside the footnotes of both layouts


@dataclass(frozen=True)
class SignatureBlock:
    """What the block prints about the signer."""

    name: str
    position: str
    state: str
    signed_at: datetime
    certificate_fingerprint: str  # "AB:CD:…" (32 pairs)

    @classmethod
    def from_identity(cls, identity: Identity, signed_at: datetime) -> SignatureBlock:
        return cls(identity.name, identity.position, identity.state, signed_at, identity.fingerprint_sha256)


def when_text(moment: datetime) -> str:
    """ "29/11/2026 14:03:12 UTC-06:00": day first as in Mexico, with the UTC offset."""
    moment = moment if moment.tzinfo else moment.astimezone()
    offset = moment.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else ""
    return f"{moment:%d/%m/%Y %H:%M:%S} {offset}".strip()


def _fit(text: str, font: str, size: float, width: float, smallest: float = 6.0) -> tuple[str, float]:
    """Shrink ``text`` down to ``smallest`` points to fit ``width``, then cut it with "…"."""
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.5
    if stringWidth(text, font, size) <= width:
        return text, size
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…", size


def render_block_pdf(block: SignatureBlock, lang: str = "es", size: tuple[float, float] = BLOCK_SIZE) -> bytes:
    """The block as a one-page PDF of exactly ``size`` points."""
    register_fonts()
    text = table("signature_block.", lang)
    width, height = size
    pad = 7.0
    inner = width - 2 * pad
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, initialFontName=REGULAR)
    canvas.setFillColor(colors.HexColor("#FBF8F4"))
    canvas.setStrokeColor(BAR_COLOR)
    canvas.setLineWidth(1)
    canvas.roundRect(0.5, 0.5, width - 1, height - 1, 4, stroke=1, fill=1)
    canvas.setFillColor(BAR_COLOR)
    canvas.rect(0.5, 0.5, 3, height - 1, stroke=0, fill=1)

    y = height - pad - 7
    canvas.setFillColor(colors.grey)
    canvas.setFont(REGULAR, 6.5)
    canvas.drawString(pad, y, text["by"])
    y -= 12
    name, name_size = _fit(block.name or "—", BOLD, 10.5, inner)
    canvas.setFillColor(TEXT_COLOR)
    canvas.setFont(BOLD, name_size)
    canvas.drawString(pad, y, name)
    y -= 10
    role = " · ".join(part for part in (block.position, block.state) if part)
    if role:
        role, role_size = _fit(role, REGULAR, 7.5, inner)
        canvas.setFont(REGULAR, role_size)
        canvas.drawString(pad, y, role)
        y -= 10
    canvas.setFont(REGULAR, 7.5)
    canvas.drawString(pad, y, text["when"].format(when=when_text(block.signed_at)))
    y -= 10
    canvas.setFillColor(colors.grey)
    canvas.setFont(REGULAR, 6)
    canvas.drawString(pad, y, text["fingerprint"])
    pairs = block.certificate_fingerprint.split(":")
    half = (len(pairs) + 1) // 2
    canvas.setFillColor(TEXT_COLOR)
    for line in (":".join(pairs[:half]), ":".join(pairs[half:])):
        y -= 7.5
        shown, line_size = _fit(line, REGULAR, 5.6, inner, smallest=4.5)
        canvas.setFont(REGULAR, line_size)
        canvas.drawString(pad, y, shown)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
