"""A data package at HQ, step by step: its signed claims, its contents opened, its months applied, its summary.

The transaction that applies, archives and records it is :func:`app.services.sync.sync_import._apply_data`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Generator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from app.models.import_summary import ImportConflict, ImportSummary
from app.models.messages import text as message_text
from app.models.values import format_number
from app.services.sync import sync_checks, sync_facilities
from app.services.sync.sync_facilities import RegistryApplied, Unit
from app.services.sync.sync_import_checks import check_sequence
from app.services.sync.sync_reader import PackageParts, PartRead, PartReader, read_parts
from app.services.sync.sync_summary import summary
from app.services.sync.sync_values import Applied, Validator, apply_received
from app.services.workspace import Workspace, now_iso
from app.storage import facilities_repo, sync_repo
from app.storage.sync_repo import HqKeys
from app.sync import package
from app.sync.package import RawPackage

#: A data package's months, read one at a time (inline, or by the reader process).
Parts = Generator[PartRead, None, None]


@dataclass
class DataClaims:
    """What a data package's checks established before anything is written."""

    state: str
    signer: str
    now: str
    warnings: list[ImportConflict]
    tally: sync_checks.ScopeTally
    not_after: str
    skew: list[ImportConflict]
    author: str


def check_claims(ws: Workspace, raw: RawPackage, state: str, signer: str) -> DataClaims:
    """The sequence and the signed claims (issue 11 holes 7, 8): the chain, the scope, the times."""
    warnings = check_sequence(ws, raw, state)
    warnings += sync_checks.check_previous(ws.conn, raw, state, ws.lang)
    tally = sync_checks.check_scope(raw)
    now = now_iso()
    not_after, skew = sync_checks.signing_bound(raw, now, ws.lang)
    registration = sync_repo.get_registration(ws.conn, signer)
    author = sync_checks.author(registration.name if registration else "", signer)
    return DataClaims(state, signer, now, warnings, tally, not_after, skew, author)


def open_contents(
    ws: Workspace, raw: RawPackage, state: str, keys: HqKeys, reader: PartReader | None
) -> tuple[list[Unit], Parts]:
    """The package's registry (checked whole) and an iterator over its months' values."""
    # Only now, the signer checked, is any content inflated: each entry within its size.
    contents = package.check_hashes(raw)
    # The registry first, whole: a bad row or a unit of another state refuses the package
    # before anything is written; the units it adds are known to its values.
    units = sync_facilities.open_registry(
        ws.catalog, raw, contents.get(package.REGISTRY_PART), state, keys.enc_private or b""
    )
    sync_facilities.check_units_belong(ws.conn, units, state, raw.where)
    known = facilities_repo.existing_clues(ws.conn)
    state_units = {clues: code for clues, code in known.items() if code == state}
    state_units.update((unit.facility.clues, state) for unit in units)
    job = PackageParts.of(raw, state, keys.enc_private or b"", contents)
    del contents
    if reader is None:
        validator = Validator(ws.catalog, ws.lang, {**known, **state_units}, state)
        return units, read_parts(job, validator)
    # The reader's units were read when the batch began: this state's units now (an
    # earlier package of the batch may have added some) travel with the job.
    return units, reader.read(dataclasses.replace(job, units=tuple(state_units.items())))


def apply_parts(
    ws: Workspace, raw: RawPackage, claims: DataClaims, parts: Parts
) -> tuple[Applied, list[str], list[ImportConflict]]:
    """Apply the values month by month: (what was applied, the periods, the bad values).

    After the first bad value nothing more is applied: the caller rolls it all back."""
    problems: list[ImportConflict] = []
    applied = Applied()
    periods: list[str] = []
    # One month at a time: decrypted, parsed and validated (inline, or ahead of us in the
    # reader process), then applied inside the one transaction. A bad value anywhere rolls
    # it all back; memory holds a month or two of one state, however long the package.
    with closing(parts):
        for part in parts:
            problems += part.problems
            if not problems:
                apply_received(
                    ws.conn,
                    part.received,
                    raw.uuid,
                    claims.state,
                    claims.now,
                    applied,
                    author=claims.author,
                    not_after=claims.not_after,
                )
                claims.tally.add(part.received)
                periods.append(part.period)
            del part
    return applied, periods, problems


def data_summary(
    path: Path,
    raw: RawPackage,
    dry_run: bool,
    claims: DataClaims,
    registry: RegistryApplied,
    applied: Applied,
    lang: str,
) -> ImportSummary:
    """The summary of a package applied: counts, warnings, conflicts and the registry's outcome."""
    counts = {
        "imported": applied.imported,
        "updated": applied.updated,
        "ignored": applied.ignored,
        "deleted": applied.deleted,
    }
    notes = (
        claims.warnings
        + claims.skew
        + sync_checks.skew_note(applied.skewed, claims.not_after, lang)
        + registry.notes
        + applied.flagged
    )
    status = "WARNING" if notes else "SUCCESS"
    text = message_text(
        "sync_values_applied",
        lang,
        applied=format_number(applied.imported + applied.updated + applied.deleted),
        flagged=format_number(len(applied.flagged)),
        registry=registry.text(lang),
    )
    result = summary(status, text, raw, path, counts, notes, dry_run=dry_run)
    result["facilities"] = {"created": registry.created, "updated": registry.updated, "ignored": registry.ignored}
    return result


def refused_summary(
    path: Path, raw: RawPackage, dry_run: bool, problems: list[ImportConflict], lang: str
) -> ImportSummary:
    """The summary of a package refused for its bad values: nothing of it was imported."""
    rejected = sorted({i for p in problems for i in p["indexes"]})
    return summary(
        "ERROR",
        message_text("sync_values_rejected", lang, count=format_number(len(rejected))),
        raw,
        path,
        conflicts=problems,
        rejected=rejected,
        dry_run=dry_run,
    )
