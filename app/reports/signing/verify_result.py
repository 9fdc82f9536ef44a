"""What verifying a signed PDF found (:mod:`app.reports.signing.verification`): findings, one report
per signature, and the verdict on the file, with the CLI's exit code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.models.messages import render

SEVERITY_RANK = {"ok": 0, "info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Reason:
    """One finding: a message code, how bad it is, its parameters and the things it names."""

    code: str
    severity: str  # "error" (exit 1), "warning" (exit 3) or "info" (changes nothing)
    params: dict[str, str] = field(default_factory=dict)
    items: tuple[str, ...] = ()  # message codes of what was added after signing, say

    def text(self, lang: str = "es") -> str:
        """The reason in ``lang``, the named things joined by "; "."""
        params = dict(self.params)
        if self.items:
            params["what"] = "; ".join(render(code, lang) for code in self.items)
        return render(self.code, lang, **params)


@dataclass(frozen=True)
class SignatureReport:
    """What one signature (or document timestamp) of the file says."""

    field_name: str
    kind: str  # "certification", "approval" or "timestamp"
    signer_name: str | None
    fingerprint: str | None
    signed_at: dt.datetime | None
    intact: bool
    trusted: bool
    whole_file: bool
    reasons: tuple[Reason, ...] = ()

    @property
    def verdict(self) -> str:
        """ "ok", "warning" (intact, signer not trusted) or "error"."""
        return worst_verdict(self.reasons) if self.intact else "error"


@dataclass(frozen=True)
class VerifyResult:
    """The verdict on a PDF: the worst of its signatures, with every signature's report.

    The top-level signer fields and ``problem`` describe the worst signature (the first of
    the worst, in file order); ``reasons`` are about the file as a whole.
    """

    signed: bool
    intact: bool
    trusted: bool
    signer_name: str | None = None
    signed_at: dt.datetime | None = None
    fingerprint: str | None = None
    problem: str | None = None
    problem_code: str | None = None  # a code of app.models.messages for the bilingual text
    signatures: tuple[SignatureReport, ...] = ()
    reasons: tuple[Reason, ...] = ()
    demo: bool = False

    @property
    def verdict(self) -> str:
        """ "ok" (exit 0), "warning" (exit 3) or "error" (exit 1)."""
        if not self.signed or not self.signatures:
            return "error"
        worst = max((SEVERITY_RANK[s.verdict] for s in self.signatures), default=2)
        worst = max(worst, SEVERITY_RANK[worst_verdict(self.reasons)])
        return {0: "ok", 1: "warning", 2: "error"}[worst]

    @property
    def exit_code(self) -> int:
        """The CLI's code: 0 intact and trusted, 3 intact but not trusted, 1 otherwise."""
        return {"ok": 0, "warning": 3, "error": 1}[self.verdict]

    def problem_text(self, lang: str = "es") -> str:
        """The worst signature's first reason (or the file's) in ``lang``; "" when none."""
        for report in self.signatures:
            if report.verdict == self.verdict:
                for reason in report.reasons:
                    if reason.severity != "info":
                        return reason.text(lang)
        for reason in self.reasons:
            if reason.severity != "info":
                return reason.text(lang)
        if self.problem_code:
            return render(self.problem_code, lang)
        return self.problem or ""


def worst_verdict(reasons: tuple[Reason, ...]) -> str:
    """The most severe of ``reasons``: "ok", "warning" or "error"."""
    rank = max((SEVERITY_RANK[r.severity] for r in reasons), default=0)
    return {0: "ok", 1: "warning", 2: "error"}[rank]
