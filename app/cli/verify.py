"""``coordina verify``: the verdict on a signed PDF, every signature and its reasons.

Text: the headline (valid / intact but untrusted / not verified), then one line per
signature with its reasons, then what is said about the file (demo data). ``--json`` carries
the same verdict, signatures and reasons, each reason with its code and its text.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from app.models.messages import table

if TYPE_CHECKING:  # pyHanko loads only when `verify` runs, not for `--help`
    from app.services.summary.identity import Reason, SignatureReport, VerifyResult


def _t(lang: str) -> dict[str, str]:
    return table("cli.verify.", lang)


def problem_text(result: VerifyResult, lang: str) -> str:
    """The worst signature's first reason (or the file's), in ``lang``."""
    return result.problem_text(lang) or "?"


def detail_lines(result: VerifyResult, lang: str) -> list[str]:
    """Every signature with its reasons, then what is said about the whole file."""
    text = _t(lang)
    lines: list[str] = []
    if result.signatures:
        lines.append(text["count"].format(n=len(result.signatures)))
    for i, report in enumerate(result.signatures, 1):
        when = report.signed_at.isoformat(sep=" ") if report.signed_at else "?"
        lines.append(
            text["line"].format(
                i=i,
                field=report.field_name or "?",
                kind=text[report.kind],
                name=report.signer_name or "?",
                when=when,
                state=text[report.verdict],
            )
        )
        lines.extend(f"     - {reason.text(lang)}" for reason in report.reasons)
    lines.extend(
        reason.text(lang)[:1].upper() + reason.text(lang)[1:]
        for reason in result.reasons
        if reason.code != result.problem_code or result.signatures
    )
    return lines


def _reason(reason: Reason, lang: str) -> dict[str, Any]:
    return {
        "code": reason.code,
        "severity": reason.severity,
        "params": dict(reason.params),
        "items": list(reason.items),
        "text": reason.text(lang),
    }


def _signature(report: SignatureReport, lang: str) -> dict[str, Any]:
    data = {f.name: getattr(report, f.name) for f in dataclasses.fields(report)}
    data["signed_at"] = report.signed_at.isoformat() if report.signed_at else None
    data["reasons"] = [_reason(r, lang) for r in report.reasons]
    data["verdict"] = report.verdict
    return data


def verify_json(result: VerifyResult, lang: str) -> dict[str, Any]:
    """The result as JSON: the summary fields, ``verdict``, ``exit_code``, every signature."""
    data = {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}
    data["signed_at"] = result.signed_at.isoformat() if result.signed_at else None
    data["signatures"] = [_signature(s, lang) for s in result.signatures]
    data["reasons"] = [_reason(r, lang) for r in result.reasons]
    data["verdict"] = result.verdict
    data["exit_code"] = result.exit_code
    data["problem_text"] = problem_text(result, lang) if result.exit_code else None
    return data
