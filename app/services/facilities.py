"""The facility registry: import from the DGIS CLUES catalogue, hand edits, listing.

An import is two steps so the GUI can show what will happen before anything is
written: :func:`preview_facility_import` reads and checks every row (nothing is
written), :func:`apply_facility_import` stores the accepted rows in one
transaction after a snapshot backup.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.models.catalog import Catalog, FacilityType
from app.models.facility import CLUES_PATTERN, Facility, StatusPeriod, normalize_clues
from app.models.messages import InputError
from app.models.text import normalize_key
from app.storage import facilities_repo
from app.storage.tabular import Table, read_table

from .backup import backup_now
from .workspace import Workspace, now_iso, write_transaction

#: Our field -> header variants of the DGIS CLUES catalogue, in order of preference
#: (compared after :func:`normalize_key`, so accents, case and "_" do not matter).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "clues": ("CLUES", "CLAVE CLUES", "CLAVE UNICA DE ESTABLECIMIENTOS DE SALUD"),
    "name": (
        "NOMBRE DE LA UNIDAD", "NOMBRE DE LA UNIDAD MEDICA", "NOMBRE UNIDAD", "NOMBRE DE UNIDAD",
        "NOMBRE DEL ESTABLECIMIENTO", "NOMBRE DE LA UNIDAD DE SALUD", "UNIDAD", "NOMBRE",
    ),
    "state": (
        "CLAVE DE LA ENTIDAD", "CLAVE ENTIDAD", "ENTIDAD", "NOMBRE DE LA ENTIDAD",
        "ENTIDAD FEDERATIVA", "ESTADO", "NOMBRE ENTIDAD",
    ),
    "municipality": ("NOMBRE DEL MUNICIPIO", "MUNICIPIO", "NOMBRE MUNICIPIO"),
    "jurisdiction": (
        "NOMBRE DE LA JURISDICCION", "JURISDICCION", "JURISDICCION SANITARIA",
        "NOMBRE JURISDICCION", "REGION", "REGION OPERATIVA",
    ),
    "type": (
        "NOMBRE DE TIPOLOGIA", "TIPOLOGIA", "NOMBRE TIPOLOGIA", "TIPO", "TIPO DE UNIDAD",
        "TIPO DE ESTABLECIMIENTO",
    ),
    "level": ("NIVEL DE ATENCION", "NIVEL ATENCION", "NIVEL"),
    "institution": (
        "CLAVE DE LA INSTITUCION", "INSTITUCION", "NOMBRE DE LA INSTITUCION", "CLAVE INSTITUCION",
    ),
    "status": (
        "ESTATUS DE OPERACION", "ESTATUS OPERACION", "ESTATUS", "ESTADO DE OPERACION",
        "SITUACION",
    ),
    "status_since": (
        "FECHA DE ESTATUS", "FECHA ESTATUS", "FECHA DEL ESTATUS", "FECHA DE INICIO DE OPERACION",
        "FECHA INICIO OPERACION",
    ),
}

#: Institution spellings of the DGIS catalogue (normalised) -> our institution code.
INSTITUTION_ALIASES: dict[str, str] = {
    "IMB": "IMSSB", "IMSS BIENESTAR": "IMSSB", "IMSSB": "IMSSB", "OPD IMSS BIENESTAR": "IMSSB",
    "SERVICIOS DE SALUD DEL IMSS BIENESTAR": "IMSSB", "IMSS BIENESTAR OPD": "IMSSB",
    "IMO": "PIMSSB", "PROGRAMA IMSS BIENESTAR": "PIMSSB", "IMSS PROSPERA": "PIMSSB",
    "IMSS OPORTUNIDADES": "PIMSSB",
    "SSA": "SSA", "SECRETARIA DE SALUD": "SSA", "SS": "SSA",
    "SESA": "SESA", "SERVICIOS ESTATALES DE SALUD": "SESA",
    "IMS": "IMSS", "IMSS": "IMSS", "INSTITUTO MEXICANO DEL SEGURO SOCIAL": "IMSS",
    "IST": "ISSSTE", "ISSSTE": "ISSSTE",
    "PMX": "OTRA", "SDN": "OTRA", "SMA": "OTRA", "DIF": "OTRA", "CRO": "OTRA", "SME": "OTRA",
    "SMP": "OTRA", "SMM": "OTRA", "HUN": "OTRA", "UNI": "OTRA", "OTRA": "OTRA", "OTRO": "OTRA",
}

_LEVEL_WORDS = {"PRIMER": 1, "PRIMERO": 1, "1ER": 1, "1O": 1, "SEGUNDO": 2, "2DO": 2, "2O": 2,
                "TERCER": 3, "TERCERO": 3, "3ER": 3, "3O": 3}


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
        """All rejections as one InputError ("rows_rejected") with a detail per reason."""
        details = [
            InputError("row_error", path=self.path.name, row=r.row, reason=err)
            for r in self.rejected
            for err in r.errors
        ]
        return InputError("rows_rejected", details=details, count=len(self.rejected))


# -- reading ------------------------------------------------------------------


def _find_columns(headers: list[str]) -> dict[str, str]:
    by_key: dict[str, str] = {}
    for header in headers:
        by_key.setdefault(normalize_key(header), header)
    found: dict[str, str] = {}
    for name, aliases in HEADER_ALIASES.items():
        for alias in aliases:
            if alias in by_key and by_key[alias] not in found.values():
                found[name] = by_key[alias]
                break
    return found


def _rebase_on_header_row(table: Table) -> Table:
    """DGIS downloads may carry title lines above the header: start at the CLUES row."""
    if "CLUES" in {normalize_key(h) for h in table.headers}:
        return table
    for index, row in enumerate(table.rows[:15]):
        cells = list(row.values())
        if "CLUES" in {normalize_key(c) for c in cells}:
            headers = [c or f"col{i}" for i, c in enumerate(cells)]
            rows = [dict(zip(headers, r.values(), strict=True)) for r in table.rows[index + 1:]]
            return Table(table.path, headers, rows, table.row_numbers[index + 1:])
    return table


def parse_level(text: str) -> int | None:
    """"PRIMER NIVEL", "2", "2.0", "Segundo nivel de atención" -> 1..3 (0 "sin clasificación")."""
    key = normalize_key(text)
    if re.fullmatch(r"[0-3](\.0+)?", key):
        return int(key[0])
    if "SIN CLASIFICACION" in key or key in ("NO APLICA", "NA"):
        return 0
    for word in key.split():
        if word in _LEVEL_WORDS:
            return _LEVEL_WORDS[word]
    return None


def parse_status(catalog: Catalog, text: str) -> str | None:
    """"EN OPERACION" -> operando, "FUERA DE OPERACION" -> sin_operar, ...; None if unknown."""
    key = normalize_key(text)
    for code, label in catalog.operating_status.items():
        if key in (normalize_key(code), normalize_key(label.label_es), normalize_key(label.label_en)):
            return code
    if any(w in key for w in ("FUERA", "SIN OPERAR", "NO OPERA", "BAJA", "CERRAD", "SUSPENDID")):
        return "sin_operar"
    if "PARCIAL" in key:
        return "parcial"
    if any(w in key for w in ("OBRA", "CONSTRUCCION", "REHABILITACION", "REMODELACION")):
        return "en_obra"
    if "OPERA" in key or key in ("ACTIVA", "ACTIVO", "FUNCIONANDO"):
        return "operando"
    return None


def parse_institution(catalog: Catalog, text: str) -> str | None:
    """"IMB", "IMSS-BIENESTAR", "SSA", "Secretaría de Salud" -> an institution code."""
    key = normalize_key(text)
    if key in INSTITUTION_ALIASES:
        return INSTITUTION_ALIASES[key]
    for code, label in catalog.institutions.items():
        if key in (normalize_key(code), normalize_key(label.label_es), normalize_key(label.label_en)):
            return code
    return None


def _parse_date(text: str) -> str:
    raw = text.strip().split(" ")[0]
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y/%m/%d"):
        try:
            return dt.datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    raise InputError("invalid_date", value=text)


def _facility_from_row(
    catalog: Catalog, row: dict[str, str], cols: dict[str, str], existing: Facility | None
) -> tuple[Facility | None, list[InputError]]:
    """Build the facility of one row on top of the stored one; every problem is collected."""
    errors: list[InputError] = []

    def cell(name: str) -> str:
        return row.get(cols[name], "").strip() if name in cols else ""

    raw_clues = cell("clues")
    try:
        clues = normalize_clues(raw_clues)
    except InputError as exc:
        return None, [exc]
    base = existing or Facility(clues=clues, name="", state_code="", type_code="", level=-1)
    fac = replace(base, clues=clues)

    prefix_state = catalog.state_for_clues(clues)
    state_text = cell("state")
    if state_text:
        state = catalog.find_state(state_text)
        if state is None:
            errors.append(InputError("unknown_state", state=state_text))
        elif state.clues_prefix != clues[:2]:
            errors.append(InputError("state_mismatch", clues=clues, state=state.name))
        else:
            fac.state_code = state.code
    elif prefix_state is None:
        errors.append(InputError("unknown_state", state=clues[:2]))
    else:
        fac.state_code = prefix_state.code

    name = cell("name")
    if name:
        fac.name = name
    elif not fac.name:
        errors.append(InputError("required_field", field=cols.get("name", "NOMBRE DE LA UNIDAD")))

    ftype: FacilityType | None = None
    type_text = cell("type")
    if type_text:
        ftype = catalog.match_facility_type(type_text)
        if ftype is None:
            errors.append(InputError("unknown_type", value=type_text))
        else:
            fac.type_code = ftype.code
    elif not fac.type_code:
        errors.append(InputError("required_field", field=cols.get("type", "TIPOLOGÍA")))

    level_text = cell("level")
    if level_text:
        level = parse_level(level_text)
        if level is None or level not in catalog.levels:
            errors.append(InputError("unknown_level", value=level_text))
        else:
            fac.level = level
    elif ftype is not None and (existing is None or ftype.code != existing.type_code):
        fac.level = ftype.level  # no level column: the type decides

    for name_, value in (("municipality", cell("municipality")), ("jurisdiction", cell("jurisdiction"))):
        if value:
            setattr(fac, name_, value)

    inst_text = cell("institution")
    if inst_text:
        inst = parse_institution(catalog, inst_text)
        if inst is None:
            errors.append(InputError("unknown_institution", value=inst_text))
        else:
            fac.institution = inst

    status_text = cell("status")
    if status_text:
        status = parse_status(catalog, status_text)
        if status is None:
            errors.append(InputError("unknown_status", value=status_text))
        else:
            fac.status = status
    since_text = cell("status_since")
    if since_text:
        try:
            fac.status_since = _parse_date(since_text)
        except InputError as exc:
            errors.append(exc)
    elif existing is not None and fac.status != existing.status:
        fac.status_since = dt.date.today().isoformat()

    fac.is_demo = False  # a facility from the official catalogue is real data
    return (None if errors else fac), errors


def preview_facility_import(ws: Workspace, path: Path) -> FacilityImportPreview:
    """Read a CLUES catalogue file (CSV or XLSX) and decide row by row; writes nothing.

    Raises InputError for problems with the whole file: missing, wrong extension
    or content, empty, or without a CLUES column.
    """
    path = Path(path)
    table = _rebase_on_header_row(read_table(path))
    cols = _find_columns(table.headers)
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
                other = first_row_of[raw]
                rejected.setdefault(number, RejectedRow(number)).errors.append(
                    InputError("duplicate_key", key=raw, other_row=other))
                rejected.setdefault(other, RejectedRow(other)).errors.append(
                    InputError("duplicate_key", key=raw, other_row=number))
                continue
            first_row_of[raw] = number
        fac, errors = _facility_from_row(ws.catalog, row, cols, stored.get(raw))
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
        since = _parse_date(since)
    return replace(facility, clues=clues, state_code=state.code, name=name,
                   municipality=facility.municipality.strip(),
                   jurisdiction=facility.jurisdiction.strip(), status_since=since)


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
