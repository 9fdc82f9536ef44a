"""Reading one row of a DGIS CLUES catalogue into a facility (:mod:`app.services.facilities.registry`).

The catalogue's headers, institution names, levels and statuses come in many spellings;
they are matched after :func:`~app.models.text.normalize_key`. Every problem of a row is
collected, so a refused row names all of them at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from app.models.catalog import Catalog, FacilityType
from app.models.facility import Facility, normalize_clues
from app.models.messages import InputError
from app.models.text import normalize_key
from app.storage.tabular import Table

#: Our field -> header variants of the DGIS CLUES catalogue, in order of preference
#: (compared after :func:`normalize_key`, so accents, case and "_" do not matter).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "clues": ("CLUES", "CLAVE CLUES", "CLAVE UNICA DE ESTABLECIMIENTOS DE SALUD"),
    "name": (
        "NOMBRE DE LA UNIDAD",
        "NOMBRE DE LA UNIDAD MEDICA",
        "NOMBRE UNIDAD",
        "NOMBRE DE UNIDAD",
        "NOMBRE DEL ESTABLECIMIENTO",
        "NOMBRE DE LA UNIDAD DE SALUD",
        "UNIDAD",
        "NOMBRE",
    ),
    "state": (
        "CLAVE DE LA ENTIDAD",
        "CLAVE ENTIDAD",
        "ENTIDAD",
        "NOMBRE DE LA ENTIDAD",
        "ENTIDAD FEDERATIVA",
        "ESTADO",
        "NOMBRE ENTIDAD",
    ),
    "municipality": ("NOMBRE DEL MUNICIPIO", "MUNICIPIO", "NOMBRE MUNICIPIO"),
    "jurisdiction": (
        "NOMBRE DE LA JURISDICCION",
        "JURISDICCION",
        "JURISDICCION SANITARIA",
        "NOMBRE JURISDICCION",
        "REGION",
        "REGION OPERATIVA",
    ),
    "type": (
        "NOMBRE DE TIPOLOGIA",
        "TIPOLOGIA",
        "NOMBRE TIPOLOGIA",
        "TIPO",
        "TIPO DE UNIDAD",
        "TIPO DE ESTABLECIMIENTO",
    ),
    "level": ("NIVEL DE ATENCION", "NIVEL ATENCION", "NIVEL"),
    "institution": ("CLAVE DE LA INSTITUCION", "INSTITUCION", "NOMBRE DE LA INSTITUCION", "CLAVE INSTITUCION"),
    "status": ("ESTATUS DE OPERACION", "ESTATUS OPERACION", "ESTATUS", "ESTADO DE OPERACION", "SITUACION"),
    "status_since": (
        "FECHA DE ESTATUS",
        "FECHA ESTATUS",
        "FECHA DEL ESTATUS",
        "FECHA DE INICIO DE OPERACION",
        "FECHA INICIO OPERACION",
    ),
}

#: Institution spellings of the DGIS catalogue (normalised) -> our institution code.
INSTITUTION_ALIASES: dict[str, str] = {
    "IMB": "IMSSB",
    "IMSS BIENESTAR": "IMSSB",
    "IMSSB": "IMSSB",
    "OPD IMSS BIENESTAR": "IMSSB",
    "SERVICIOS DE SALUD DEL IMSS BIENESTAR": "IMSSB",
    "IMSS BIENESTAR OPD": "IMSSB",
    "IMO": "PIMSSB",
    "PROGRAMA IMSS BIENESTAR": "PIMSSB",
    "IMSS PROSPERA": "PIMSSB",
    "IMSS OPORTUNIDADES": "PIMSSB",
    "SSA": "SSA",
    "SECRETARIA DE SALUD": "SSA",
    "SS": "SSA",
    "SESA": "SESA",
    "SERVICIOS ESTATALES DE SALUD": "SESA",
    "IMS": "IMSS",
    "IMSS": "IMSS",
    "INSTITUTO MEXICANO DEL SEGURO SOCIAL": "IMSS",
    "IST": "ISSSTE",
    "ISSSTE": "ISSSTE",
    "PMX": "OTRA",
    "SDN": "OTRA",
    "SMA": "OTRA",
    "DIF": "OTRA",
    "CRO": "OTRA",
    "SME": "OTRA",
    "SMP": "OTRA",
    "SMM": "OTRA",
    "HUN": "OTRA",
    "UNI": "OTRA",
    "OTRA": "OTRA",
    "OTRO": "OTRA",
}

_LEVEL_WORDS = {
    "PRIMER": 1,
    "PRIMERO": 1,
    "1ER": 1,
    "1O": 1,
    "SEGUNDO": 2,
    "2DO": 2,
    "2O": 2,
    "TERCER": 3,
    "TERCERO": 3,
    "3ER": 3,
    "3O": 3,
}


def find_columns(headers: list[str]) -> dict[str, str]:
    """Our field -> the file's header for it, by :data:`HEADER_ALIASES` (each header used once)."""
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


def rebase_on_header_row(table: Table) -> Table:
    """DGIS downloads may carry title lines above the header: start at the CLUES row."""
    if "CLUES" in {normalize_key(h) for h in table.headers}:
        return table
    for index, row in enumerate(table.rows[:15]):
        cells = list(row.values())
        if "CLUES" in {normalize_key(c) for c in cells}:
            headers = [c or f"col{i}" for i, c in enumerate(cells)]
            rows = [dict(zip(headers, r.values(), strict=True)) for r in table.rows[index + 1 :]]
            return Table(table.path, headers, rows, table.row_numbers[index + 1 :])
    return table


def parse_level(text: str) -> int | None:
    """ "PRIMER NIVEL", "2", "2.0", "Segundo nivel de atención" -> 1..3 (0 "sin clasificación")."""
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
    """ "EN OPERACION" -> operando, "FUERA DE OPERACION" -> sin_operar, ...; None if unknown."""
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
    """ "IMB", "IMSS-BIENESTAR", "SSA", "Secretaría de Salud" -> an institution code."""
    key = normalize_key(text)
    if key in INSTITUTION_ALIASES:
        return INSTITUTION_ALIASES[key]
    for code, label in catalog.institutions.items():
        if key in (normalize_key(code), normalize_key(label.label_es), normalize_key(label.label_en)):
            return code
    return None


def parse_date(text: str) -> str:
    """A date as written in DGIS files (ISO, day/month/year...) -> ISO; InputError if none fits."""
    raw = text.strip().split(" ")[0]
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y/%m/%d"):
        try:
            return dt.datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    raise InputError("invalid_date", value=text)


Cell = Callable[[str], str]


def facility_from_row(
    catalog: Catalog, row: dict[str, str], cols: dict[str, str], existing: Facility | None
) -> tuple[Facility | None, list[InputError]]:
    """Build the facility of one row on top of the stored one; every problem is collected."""

    def cell(name: str) -> str:
        return row.get(cols[name], "").strip() if name in cols else ""

    try:
        clues = normalize_clues(cell("clues"))
    except InputError as exc:
        return None, [exc]
    base = existing or Facility(clues=clues, name="", state_code="", type_code="", level=-1)
    fac = replace(base, clues=clues)
    errors = _set_state(catalog, fac, cell)
    errors += _set_name_type_level(catalog, fac, cell, cols, existing)
    errors += _set_details(catalog, fac, cell)
    errors += _set_status(catalog, fac, cell, existing)
    fac.is_demo = False  # a facility from the official catalogue is real data
    return (None if errors else fac), errors


def _set_state(catalog: Catalog, fac: Facility, cell: Cell) -> list[InputError]:
    """The state column, which must agree with the CLUES prefix; else the prefix decides."""
    clues = fac.clues
    state_text = cell("state")
    if state_text:
        state = catalog.find_state(state_text)
        if state is None:
            return [InputError("unknown_state", state=state_text)]
        if state.clues_prefix != clues[:2]:
            return [InputError("state_mismatch", clues=clues, state=state.name)]
        fac.state_code = state.code
        return []
    prefix_state = catalog.state_for_clues(clues)
    if prefix_state is None:
        return [InputError("unknown_state", state=clues[:2])]
    fac.state_code = prefix_state.code
    return []


def _set_name_type_level(
    catalog: Catalog, fac: Facility, cell: Cell, cols: dict[str, str], existing: Facility | None
) -> list[InputError]:
    """Name and type (required unless stored already) and the level (else the type's)."""
    errors: list[InputError] = []
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
    return errors


def _set_details(catalog: Catalog, fac: Facility, cell: Cell) -> list[InputError]:
    """Municipality, jurisdiction and institution, each only when the row has it."""
    for name, value in (("municipality", cell("municipality")), ("jurisdiction", cell("jurisdiction"))):
        if value:
            setattr(fac, name, value)
    inst_text = cell("institution")
    if inst_text:
        inst = parse_institution(catalog, inst_text)
        if inst is None:
            return [InputError("unknown_institution", value=inst_text)]
        fac.institution = inst
    return []


def _set_status(catalog: Catalog, fac: Facility, cell: Cell, existing: Facility | None) -> list[InputError]:
    """The operating status and since when (today, when it changed and the row has no date)."""
    errors: list[InputError] = []
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
            fac.status_since = parse_date(since_text)
        except InputError as exc:
            errors.append(exc)
    elif existing is not None and fac.status != existing.status:
        fac.status_since = dt.date.today().isoformat()
    return errors
