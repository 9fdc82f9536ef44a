"""The facility registry: import from the DGIS CLUES catalogue, hand edits, listing.

An import is two steps so the GUI can show what will happen before anything is
written: :func:`preview_facility_import` reads and checks every row (nothing is
written), :func:`apply_facility_import` stores the accepted rows in one
transaction after a snapshot backup.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

from app.models.catalog import Catalog
from app.models.facility import CLUES_PATTERN, Facility, StatusPeriod, normalize_clues
from app.models.messages import MAX_LISTED_ERRORS, InputError, listed_with_rest
from app.services.facilities.facility_rows import facility_from_row, find_columns, parse_date, rebase_on_header_row
from app.services.files.backup import backup_now
from app.services.workspace import Workspace, now_iso, write_transaction
from app.storage import facilities_repo
from app.storage.tabular import read_table


@dataclass
class RejectedRow:
    """A row of the file that will not be imported, with every reason."""

    row: int  # spreadsheet row number as the person sees it
    errors: list[InputError] = field(default_factory=list)


@dataclass
class FacilityImportPreview:
    """What :func:`apply_facility_import` would do, computed without writing."""

    path: Path
    accepted: list[Facility]
    rejected: list[RejectedRow]
    new_count: int
    updated_count: int
    column_map: dict[str, str]  # our field -> header found in the file

    @property
    def unchanged_count(self) -> int:
        return len(self.accepted) - self.new_count - self.updated_count

    def error(self) -> InputError:
        """All rejections as one InputError ("rows_rejected"): a detail per reason for the
        first :data:`MAX_LISTED_ERRORS`, then one line counting the rest."""
        reasons = ((r.row, err) for r in self.rejected for err in r.errors)
        first = [
            InputError("row_error", path=self.path.name, row=row, reason=err)
            for row, err in islice(reasons, MAX_LISTED_ERRORS)
        ]
        total = sum(len(r.errors) for r in self.rejected)
        return InputError("rows_rejected", details=listed_with_rest(first, total), count=len(self.rejected))


def preview_facility_import(ws: Workspace, path: Path) -> FacilityImportPreview:
    """Read a CLUES catalogue file (CSV or XLSX) and decide row by row; writes nothing.

    Raises InputError for problems with the whole file: missing, wrong extension
    or content, empty, or without a CLUES column.
    """
    path = Path(path)
    table = rebase_on_header_row(read_table(path))
    cols = find_columns(table.headers)
    if "clues" not in cols:
        raise InputError("missing_columns", path=path.name, columns="CLUES")
    stored = {f.clues: f for f in facilities_repo.list_facilities(ws.conn)}
    accepted: list[Facility] = []
    accepted_rows: dict[str, int] = {}
    rejected: dict[int, RejectedRow] = {}
    first_row_of: dict[str, int] = {}

    for row, number in zip(table.rows, table.row_numbers, strict=True):
        raw = row.get(cols["clues"], "").strip().upper()
        if CLUES_PATTERN.match(raw):
            if raw in first_row_of:
                first = first_row_of[raw]
                rejected.setdefault(number, RejectedRow(number)).errors.append(
                    InputError("duplicate_key", key=raw, other_row=first)
                )
                # The first row names only the second: a key repeated 10,000 times must
                # not give that row 10,000 reasons (a fuzzed catalogue took 20 s to report).
                first_errors = rejected.setdefault(first, RejectedRow(first)).errors
                if not any(e.code == "duplicate_key" and e.params["key"] == raw for e in first_errors):
                    first_errors.append(InputError("duplicate_key", key=raw, other_row=number))
                continue
            first_row_of[raw] = number
        fac, errors = facility_from_row(ws.catalog, row, cols, stored.get(raw))
        if errors:
            rejected.setdefault(number, RejectedRow(number)).errors.extend(errors)
        elif fac is not None:
            accepted.append(fac)
            accepted_rows[fac.clues] = number

    # A duplicated CLUES rejects its first row too, even when that row was fine.
    dropped = {r for r in rejected if r in accepted_rows.values()}
    accepted = [f for f in accepted if accepted_rows[f.clues] not in dropped]
    new = sum(1 for f in accepted if f.clues not in stored)
    updated = sum(1 for f in accepted if f.clues in stored and stored[f.clues] != f)
    return FacilityImportPreview(
        path=path,
        accepted=accepted,
        rejected=sorted(rejected.values(), key=lambda r: r.row),
        new_count=new,
        updated_count=updated,
        column_map=cols,
    )


def apply_facility_import(ws: Workspace, preview: FacilityImportPreview) -> tuple[int, int]:
    """Store the accepted rows of ``preview`` in one transaction; returns (inserted, updated).

    A snapshot backup is taken first. Rejected rows are not stored (the caller
    decides whether to go ahead when some rows were rejected).
    """
    backup_now(ws, "antes_de_importar")
    return _store(ws, preview.accepted)


def _store(ws: Workspace, facilities: list[Facility]) -> tuple[int, int]:
    with write_transaction(ws):
        return facilities_repo.upsert_facilities(ws.conn, facilities, now_iso())


# -- hand edits and queries -----------------------------------------------------


def validate_facility(catalog: Catalog, facility: Facility) -> Facility:
    """Check a facility typed by hand; returns it normalised or raises InputError."""
    clues = normalize_clues(facility.clues)
    state = catalog.find_state(facility.state_code)
    if state is None:
        raise InputError("unknown_state", state=facility.state_code)
    if state.clues_prefix != clues[:2]:
        raise InputError("state_mismatch", clues=clues, state=state.name)
    name = (facility.name or "").strip()
    if not name:
        raise InputError("required_field", field="nombre")
    if facility.type_code not in catalog.facility_types:
        raise InputError("unknown_type", value=facility.type_code)
    if facility.level not in catalog.levels:
        raise InputError("unknown_level", value=facility.level)
    if facility.status not in catalog.operating_status:
        raise InputError("unknown_status", value=facility.status)
    if facility.institution not in catalog.institutions:
        raise InputError("unknown_institution", value=facility.institution)
    since = facility.status_since.strip()
    if since:
        since = parse_date(since)
    return replace(
        facility,
        clues=clues,
        state_code=state.code,
        name=name,
        municipality=facility.municipality.strip(),
        jurisdiction=facility.jurisdiction.strip(),
        status_since=since,
    )


def save_facility(ws: Workspace, facility: Facility) -> None:
    """Validate and store one facility edited by hand (insert or update), in one transaction."""
    _store(ws, [validate_facility(ws.catalog, facility)])


def get_facility(ws: Workspace, clues: str) -> Facility | None:
    """The registered facility with ``clues``, or None."""
    return facilities_repo.get_facility(ws.conn, clues)


def list_facilities(ws: Workspace, state_code: str | None = None) -> list[Facility]:
    """Registered facilities ordered by state and name, optionally of one state."""
    code = ws.catalog.state(state_code).code if state_code else None
    return facilities_repo.list_facilities(ws.conn, code)


def facility_status_history(ws: Workspace, clues: str) -> list[StatusPeriod]:
    """Operating-status periods of a facility, oldest first (empty if unknown)."""
    return facilities_repo.status_history(ws.conn, str(clues).strip().upper())
