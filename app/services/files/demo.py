"""A demo state built from the seeds' published figures (seed 000, 27 Feb 2023).

The per-state figures live in ``resources/demo/seed000_states.csv`` (data, with
the Spanish quote of each figure). They are spread over synthetic facilities
with six months of history so that, for February 2023:

- year-to-date (January + February) SUM variables add up exactly to the
  published counts (consultas, cirugías, visitas, sesiones);
- LAST variables (comités, voluntarios, plazas) give the published stocks;
- coverage ratios (plazas, recetas, capacitación) reproduce the published
  percentages under half-up rounding.

Everything comes from a seeded generator, so the same state always gets the
same demo. Facilities are marked ``is_demo`` and the setting ``demo=1`` is set.
"""

from __future__ import annotations

import csv
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from app import RESOURCES_DIR
from app.models.facility import Facility
from app.models.messages import InputError
from app.services.files.demo_values import generate_values
from app.services.workspace import Workspace, now_iso, write_transaction
from app.storage import changelog, facilities_repo, reports_repo, values_repo

DEMO_DIR = RESOURCES_DIR / "demo"
PERIODS = ["202209", "202210", "202211", "202212", "202301", "202302"]
YTD_PERIODS = ("202301", "202302")
REFERENCE_STATE = "18"  # Nayarit: the scale for states without published figures
SETTING = "demo"

#: Figures of seed000_states.csv; the first three make the inventory.
FIGURES = (
    "hospitals",
    "unemes",
    "health_units",
    "specialists_pct",
    "gp_nursing_pct",
    "training_first_pct",
    "training_second_pct",
    "consultas_especialidad",
    "consultas_medicina_familiar",
    "cirugias",
    "rx_filled_pct",
    "comites_salud",
    "voluntarios",
    "visitas_domiciliarias",
    "sesiones_informativas",
    "conservation_hospitals_done",
    "equipment_goods",
    "equipment_investment_mxn",
    "equipment_delivered_2nd_level_pct",
    "basificacion_meta",
    "basificacion_realizada",
)
#: Figures scaled from Nayarit when a state has not published them.
_SCALED = (
    "consultas_especialidad",
    "consultas_medicina_familiar",
    "cirugias",
    "comites_salud",
    "voluntarios",
    "visitas_domiciliarias",
    "sesiones_informativas",
)
_RATIOS = ("specialists_pct", "gp_nursing_pct", "training_first_pct", "training_second_pct", "rx_filled_pct")
_UNEME_KINDS = (
    "UNEME de Enfermedades Crónicas",
    "UNEME CAPASITS",
    "UNEME CISAME",
    "UNEME Centro Nueva Vida",
    "UNEME de Detección y Diagnóstico del Cáncer de Mama",
)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

Progress = Callable[[int, int], None]


@dataclass
class DemoResult:
    """What :func:`build_demo` created."""

    state_code: str
    facilities: int
    values: int
    periods: list[str]


# -- data files ----------------------------------------------------------------------


@cache
def _seed_rows() -> dict[str, dict[str, str]]:
    with (DEMO_DIR / "seed000_states.csv").open(encoding="utf-8", newline="") as handle:
        return {row["state_code"].zfill(2): row for row in csv.DictReader(handle)}


@cache
def _municipalities() -> dict[str, list[str]]:
    with (DEMO_DIR / "municipalities.csv").open(encoding="utf-8", newline="") as handle:
        return {r["state_code"].zfill(2): r["municipalities"].split("|") for r in csv.DictReader(handle)}


@cache
def _localities() -> list[str]:
    lines = (DEMO_DIR / "localities.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def published_figures(state_code: str) -> dict[str, float]:
    """The figures the seeds publish for a state (empty cells left out)."""
    row = _seed_rows()[state_code]
    return {key: float(row[key]) for key in FIGURES if row.get(key, "").strip()}


def seed_source(state_code: str) -> str:
    """The Spanish quote of the seed behind a state's demo figures."""
    return _seed_rows()[state_code]["fuente"]


def demo_figures(state_code: str) -> dict[str, float]:
    """Published figures completed with ones scaled from Nayarit.

    A state with a published inventory scales by its hospitals; one without
    by population (Censo 2020), kept between 0.4 and 2.5 times Nayarit.
    """
    published = published_figures(state_code)
    reference = published_figures(REFERENCE_STATE)
    if "hospitals" in published:
        scale = published["hospitals"] / reference["hospitals"]
    else:
        population = float(_seed_rows()[state_code]["population_2020"])
        reference_pop = float(_seed_rows()[REFERENCE_STATE]["population_2020"])
        scale = min(2.5, max(0.4, population / reference_pop))
    figures = dict(published)
    for key in ("hospitals", "unemes", "health_units", *_SCALED):
        figures.setdefault(key, float(round(reference[key] * scale)))
    for key in _RATIOS:
        figures.setdefault(key, reference[key])
    return figures


# -- facilities ---------------------------------------------------------------------


def _unique(name: str, used: set[str]) -> str:
    candidate, index = name, 1
    while candidate in used:
        index += 1
        candidate = f"{name} {_ROMAN[index - 1] if index <= len(_ROMAN) else index}"
    used.add(candidate)
    return candidate


Plan = list[tuple[str, str, str]]  # (type, name, municipality) of each facility to make


def _make_facilities(rng: random.Random, state_code: str, prefix: str, figures: dict[str, float]) -> list[Facility]:
    """Synthetic facilities in the published counts, with real municipality names."""
    towns = _municipalities()[state_code]
    jurisdiction = _jurisdictions(towns)
    hospitals, unemes, units = (int(figures[k]) for k in ("hospitals", "unemes", "health_units"))
    used: set[str] = set()
    plan = _hospital_plan(towns, hospitals, unemes, used) + _unit_plan(rng, towns, units, used)
    numbers = sorted(rng.sample(range(1, 60000), len(plan)))
    partial = set(rng.sample(range(hospitals + unemes, len(plan)), min(2, units)))
    out = []
    for index, ((type_code, name, town), number) in enumerate(zip(plan, numbers, strict=True)):
        level = {"HG": 2, "HE": 2, "HIC": 2}.get(type_code, 1)
        status = "parcial" if index in partial else "operando"
        out.append(
            Facility(
                clues=f"{prefix}SSA{number:06d}",
                name=name,
                state_code=state_code,
                type_code=type_code,
                level=level,
                municipality=town,
                jurisdiction=jurisdiction[town],
                institution="IMSSB",
                status=status,
                status_since="2022-11-14" if status == "parcial" else "2022-09-01",
                is_demo=True,
            )
        )
    return out


def _jurisdictions(towns: list[str]) -> dict[str, str]:
    """Each municipality's sanitary jurisdiction: about six per state, named after their first town."""
    per_jurisdiction = max(1, -(-len(towns) // max(1, round(len(towns) / 6))))
    return {
        town: f"Jurisdicción Sanitaria {_ROMAN[i // per_jurisdiction]} "
        f"{towns[(i // per_jurisdiction) * per_jurisdiction]}"
        for i, town in enumerate(towns)
    }


def _hospital_plan(towns: list[str], hospitals: int, unemes: int, used: set[str]) -> Plan:
    """Hospitals (a quarter general, one women's hospital in larger states) and UNEMEs."""
    capital = towns[0]
    plan: Plan = []
    general = max(1, round(hospitals * 0.25))
    special = 1 if hospitals >= 5 else 0
    for i in range(hospitals):
        town = towns[i % len(towns)]
        if i < general:
            plan.append(("HG", _unique(f"Hospital General de {town}", used), town))
        elif i < general + special:
            plan.append(("HE", _unique(f"Hospital de la Mujer {capital}", used), capital))
        else:
            kind = "Hospital Integral" if i % 2 else "Hospital Comunitario"
            plan.append(("HIC", _unique(f"{kind} {town}", used), town))
    for i in range(unemes):
        town = towns[(i * 3) % len(towns)]
        plan.append(("UNEME", _unique(f"{_UNEME_KINDS[i % len(_UNEME_KINDS)]} {town}", used), town))
    return plan


def _unit_plan(rng: random.Random, towns: list[str], units: int, used: set[str]) -> Plan:
    """Health units: mobile, extended-services, urban and (most) rural, weighted to the capital."""
    capital = towns[0]
    plan: Plan = []
    mobile = round(units * 0.10)
    extended = max(1, round(units * 0.02)) if units >= 20 else 0
    urban = round(units * 0.18)
    weights = [4.0, 2.0] + [1.0] * (len(towns) - 2) if len(towns) > 2 else [1.0] * len(towns)
    localities = _localities()
    rural_named: set[str] = set()
    for i in range(units):
        town = rng.choices(towns, weights=weights[: len(towns)])[0]
        if i < mobile:
            plan.append(("UMM", _unique(f"Unidad Médica Móvil {town} {i + 1:02d}", used), town))
        elif i < mobile + extended:
            plan.append(("CESSA", _unique(f"Centro de Salud con Servicios Ampliados {town}", used), town))
        elif i < mobile + extended + urban:
            plan.append(("CSU", _unique(f"Centro de Salud Urbano {town}", used), town))
        elif town != capital and town not in rural_named:
            rural_named.add(town)
            plan.append(("CSR", _unique(f"Centro de Salud Rural {town}", used), town))
        else:
            place = rng.choice(localities)
            base = f"Centro de Salud Rural {place}"
            plan.append(("CSR", _unique(base if base not in used else f"{base} ({town})", used), town))
    return plan


# -- writing --------------------------------------------------------------------------

#: Values written (and progress reported) per chunk: 40+ steps for a state's demo.
_WRITE_CHUNK = 1_000


def _store_values(
    ws: Workspace,
    period: str,
    existing: dict[tuple, tuple],
    chunk: list[tuple[tuple[str, str, str, str], object, str]],
    now: str,
) -> int:
    """Write one chunk of a month's demo values as value-by-value entry would, in bulk.

    The same rows and log rows as ``values_repo.apply_changes`` with one ``ValueChange(key,
    value, comment or None)`` per value (tests/services/files/test_demo_bulk.py compares them), but
    read with one query, upserted with one ``executemany`` and logged as one block link
    (DESIGN §4, as package imports are): per-value lookups and one SHA-256 per log row made
    the demo take half a minute on a busy machine. Returns the values that changed.
    """
    rows: list[tuple] = []
    log: list[tuple[str | None, ...]] = []
    user = ws.user
    for key, value, comment in chunk:
        old = existing.get(key)
        old_value, old_comment = (old[4], old[5]) if old else (None, "")
        new_comment = comment or old_comment  # no comment given: the stored one stays
        changed_value, changed_comment = old_value != value, old_comment != new_comment
        if not (changed_value or changed_comment):
            continue
        org, _, variable, option = key
        where = (now, user, org, period, variable, option)
        if changed_value:
            log.append((*where, "value", changelog.as_log_text(old_value), changelog.as_log_text(value), "demo"))
        if changed_comment:
            log.append((*where, "comment", old[5] if old else None, new_comment, "demo"))
        rows.append(_value_row(key, period, value, new_comment, old, now, user))
    values_repo.upsert_received(ws.conn, rows)
    changelog.append_text_rows(ws.conn, log)
    return len(rows)


def _value_row(
    key: tuple[str, str, str, str], period: str, value: object, comment: str, old: tuple | None, now: str, user: str
) -> tuple:
    """The ``data_values`` row of a demo value: the next version of ``old`` (the stored row), if any."""
    org, _, variable, option = key
    return (
        org,
        period,
        variable,
        option,
        value,
        comment,
        old[6] if old else 0,
        old[7] if old else 0,
        (old[8] if old else "") or _uuid4(),
        (old[9] if old else 0) + 1,
        now,
        user,
    )


def _uuid4() -> str:
    """A random (version 4) UUID as text; ``str(uuid.uuid4())`` costs 3× more, a tenth of
    the demo's writing time."""
    h = os.urandom(16).hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


def _existing_rows(ws: Workspace, state_code: str, period: str) -> dict[tuple, tuple]:
    """The stored rows of a state's month (none on a new data directory: one cheap query)."""
    if not values_repo.has_period(ws.conn, period):
        return {}
    return values_repo.state_rows(ws.conn, state_code, period)


# -- public API -----------------------------------------------------------------------


def is_demo(ws: Workspace) -> bool:
    """Whether this data directory holds demo data (the UI labels it DEMO)."""
    return reports_repo.settings_get(ws.conn, SETTING, "0") == "1"


def build_demo(ws: Workspace, state_code: str = REFERENCE_STATE, progress: Progress | None = None) -> DemoResult:
    """Build the demo state in one transaction (source "demo").

    Works on an empty data directory. Refuses a state that already has real
    (non-demo) facilities. Running it again rebuilds the same data (no change).
    """
    state = ws.catalog.state(state_code)
    real = [f for f in facilities_repo.list_facilities(ws.conn, state.code) if not f.is_demo]
    if real:
        raise InputError("demo_state_has_data", state=state.name, count=len(real))
    # Progress in units of work, so the bar moves as the work does: one unit per value
    # written, and the facilities count as a few hundred. Making the values (a tenth of the
    # time) comes first, before the total is known: the bar starts when it is.
    rng = random.Random(f"coordina-demo-{state.code}")
    figures = demo_figures(state.code)
    facilities = _make_facilities(rng, state.code, state.clues_prefix, figures)
    report = progress or (lambda done, total: None)
    values = generate_values(ws.catalog, rng, state.code, facilities, figures, PERIODS, YTD_PERIODS)
    made, stored = 0, max(1, len(facilities))
    total = stored + len(values)
    report(made, total)
    now = now_iso()
    written = 0
    with write_transaction(ws):
        facilities_repo.upsert_facilities(ws.conn, facilities, now)
        report(made + stored, total)
        by_period: dict[str, list[tuple[tuple[str, str, str, str], object, str]]] = {p: [] for p in PERIODS}
        for key, (value, comment) in values.items():
            by_period[key[1]].append((key, value, comment))
        done = made + stored
        for period in PERIODS:
            existing = _existing_rows(ws, state.code, period)
            for start in range(0, len(by_period[period]), _WRITE_CHUNK):
                chunk = by_period[period][start : start + _WRITE_CHUNK]
                written += _store_values(ws, period, existing, chunk, now)
                done += len(chunk)
                report(done, total)
        reports_repo.settings_set(ws.conn, SETTING, "1")
    report(total, total)
    return DemoResult(state_code=state.code, facilities=len(facilities), values=written, periods=list(PERIODS))


def half_up_percent(numerator: float, denominator: float) -> int:
    """100 × n / d rounded half-up, as the slides print it (exact, no float error)."""
    ratio = Fraction(str(numerator)) * 100 / Fraction(str(denominator))
    return int(ratio + Fraction(1, 2))
