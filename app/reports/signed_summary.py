"""A signed state summary: render the PDF, then sign it (PAdES B-B) as its issuer."""

from __future__ import annotations

from datetime import datetime

from app.models.summary import StateSummary

from .identity import Identity
from .signing import sign_pdf
from .summary_pdf import render_summary_pdf


def signed_summary_pdf(summary: StateSummary, identity: Identity, layout: str, banner: str,
                       when: datetime, lang: str = "es") -> bytes:
    """The summary PDF signed by ``identity``."""
    data = render_summary_pdf(summary, layout, banner, when, lang)
    reason = ("Resumen estatal emitido por la coordinación" if lang != "en"
              else "State summary issued by the coordination")
    return sign_pdf(data, identity, reason=reason, location=summary.state_name)
