"""Synthetic monthly values of the demo, fitted exactly to the published figures.

Totals are split over facilities with the largest-remainder method, so sums are
exact integers; numerators of published percentages are chosen so that the
half-up rounded ratio is the published one, and split under per-facility caps
(ocupadas ≤ autorizadas, surtidas ≤ emitidas, capacitado ≤ total).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from fractions import Fraction

from app.models.catalog import Catalog
from app.models.facility import Facility
from app.models.values import Scalar
from app.services.files.demo_tables import (
    BEDS,
    DIGNIFICATION,
    EQUIPMENT,
    FIRST_LEVEL_MONTHLY,
    FLOW_WEIGHTS,
    HOLE_VARIABLES,
    ORDERS,
    POSTS,
    ROOMS,
    SINCE_START,
    SLIDE_FLOWS,
    STAFF,
    STOCK_WEIGHTS,
)

Cell = tuple[str, str, str, str]  # (org unit, period, variable, option)
Values = dict[Cell, tuple[Scalar, str]]  # -> (value, comment)


def split(total: int, weights: Sequence[float], caps: list[int] | None = None) -> list[int]:
    """Non-negative integers proportional to ``weights`` that sum exactly to ``total``.

    Never exceeds ``caps`` (largest-remainder method, repeated while units remain).
    """
    count = len(weights)
    if total and not count:
        raise ValueError("nothing to split over")
    if sum(weights) <= 0:
        weights = [1.0] * count
    scale = sum(weights)
    raw = [total * w / scale for w in weights]
    out = [int(r) for r in raw]
    if caps is not None:
        if total > sum(caps):
            raise ValueError("caps too small")
        out = [min(o, c) for o, c in zip(out, caps, strict=True)]
    remaining = total - sum(out)
    while remaining > 0:
        order = sorted(range(count), key=lambda i: raw[i] - out[i], reverse=True)
        for i in order:
            if remaining == 0:
                break
            if caps is None or out[i] < caps[i]:
                out[i] += 1
                remaining -= 1
    return out


def numerator_for(denominator: int, percent: float) -> int:
    """The numerator nearest ``percent`` % of ``denominator`` that prints as ``percent``."""
    if denominator <= 0:
        return 0
    target = int(percent)

    def shown(n: int) -> int:
        return int(Fraction(100 * n, denominator) + Fraction(1, 2))

    num = min(denominator, int(Fraction(denominator * target, 100) + Fraction(1, 2)))
    while num > 0 and shown(num) > target:
        num -= 1
    while num < denominator and shown(num) < target:
        num += 1
    return num


class _Builder:
    """Holds the generator state while the values of one demo state are made."""

    def __init__(
        self,
        catalog: Catalog,
        rng: random.Random,
        state_code: str,
        facilities: list[Facility],
        figures: dict[str, float],
        periods: list[str],
        ytd: tuple[str, ...],
    ):
        self.catalog, self.rng, self.state = catalog, rng, state_code
        self.facilities, self.figures, self.periods, self.ytd = facilities, figures, periods, ytd
        self.values: Values = {}
        # Draws added later (first-level consultations, MAS programming) take their own
        # generator so every value drawn before them stays the same.
        self.own_rng = random.Random(f"coordina-demo-extra-{state_code}")
        self.size = {f.clues: rng.lognormvariate(0, 0.3) for f in facilities}
        self.last = periods[-1]
        candidates = [f for f in facilities if f.type_code in ("CSR", "CSU") and f.status == "operando"]
        self.holes = {f.clues for f in rng.sample(candidates, min(2, len(candidates)))}
        # Stocks grow towards the last month: 80 % six months before.
        self.growth = {p: 1 - 0.04 * (len(periods) - 1 - i) for i, p in enumerate(periods)}

    def put(self, org: str, period: str, var: str, value: Scalar, option: str = "", comment: str = "") -> None:
        self.values[(org, period, var, option)] = (value, comment)

    def skip(self, fac: Facility, period: str, var: str) -> bool:
        return period == self.last and fac.clues in self.holes and var in HOLE_VARIABLES

    def monthly_totals(self, total: int) -> dict[str, int]:
        """Split a year-to-date total over the YTD months; earlier months look alike."""
        share = self.rng.uniform(0.47, 0.53)
        first = round(total * share) if len(self.ytd) == 2 else total
        out = {self.ytd[0]: first, self.ytd[-1]: total - first} if len(self.ytd) == 2 else {self.ytd[0]: total}
        per_month = total / len(self.ytd)
        for period in self.periods:
            out.setdefault(period, round(per_month * self.rng.uniform(0.9, 1.06)))
        return out

    def since_start_totals(self, total: int) -> dict[str, int]:
        """Split a figure "registered since the start of the implementation" over every month.

        The seed's community counts are cumulative since implementation (seed 000
        footnote), so the demo's months together, not just the year, add up to it.
        """
        weights = [self.rng.uniform(0.8, 1.2) for _ in self.periods]
        return dict(zip(self.periods, split(total, weights), strict=True))

    def flow(self, var: str, total: int, period: str) -> dict[str, int]:
        table = FLOW_WEIGHTS[var]
        eligible = [
            f
            for f in self.facilities
            if f.type_code in table and not self.skip(f, period, var) and (var not in SLIDE_FLOWS or f.level == 2)
        ]
        weights = [table[f.type_code] * self.size[f.clues] * max(0.7, self.rng.gauss(1, 0.05)) for f in eligible]
        return dict(zip((f.clues for f in eligible), split(total, weights), strict=True))

    # -- the sections ---------------------------------------------------------------

    def services(self) -> None:
        flows = {
            var: (self.since_start_totals if var in SINCE_START else self.monthly_totals)(int(self.figures[var]))
            for var in FLOW_WEIGHTS
        }
        factor = {f.clues: self.rng.uniform(1.05, 1.35) for f in self.facilities}
        for period in self.periods:
            made = {var: self.flow(var, flows[var][period], period) for var in FLOW_WEIGHTS}
            for var, per_type in FIRST_LEVEL_MONTHLY.items():
                for fac in self.facilities:
                    if fac.type_code in per_type and fac.level != 2 and not self.skip(fac, period, var):
                        made[var][fac.clues] = round(
                            per_type[fac.type_code] * self.size[fac.clues] * self.own_rng.uniform(0.85, 1.15)
                        )
            for var, by_unit in made.items():
                for clues, value in by_unit.items():
                    self.put(clues, period, var, value)
            issued: dict[str, int] = {}
            for fac in self.facilities:
                esp = made["consultas_especialidad"].get(fac.clues)
                mf = made["consultas_medicina_familiar"].get(fac.clues)
                if mf is None:
                    continue
                self.put(fac.clues, period, "consultas_total", mf + (esp or 0))
                issued[fac.clues] = round((mf + (esp or 0)) * factor[fac.clues])
            units = list(issued)
            filled = split(
                numerator_for(sum(issued.values()), self.figures["rx_filled_pct"]),
                [issued[u] for u in units],
                [issued[u] for u in units],
            )
            for clues, out in zip(units, filled, strict=True):
                self.put(clues, period, "recetas_emitidas", issued[clues])
                self.put(clues, period, "recetas_surtidas", out)
            for fac in self.facilities:
                self.per_unit_flows(fac, period, made)

    def per_unit_flows(self, fac: Facility, period: str, made: dict[str, dict[str, int]]) -> None:
        rng = self.rng
        if fac.type_code in BEDS:
            beds = self.beds[fac.clues]
            self.put(fac.clues, period, "egresos_hospitalarios", round(beds * rng.uniform(3, 5)))
            self.put(fac.clues, period, "urgencias", round(beds * rng.uniform(15, 30)))
        if not self.skip(fac, period, "ordenes_requeridas") and fac.type_code in ORDERS:
            asked = max(1, round(ORDERS[fac.type_code] * self.size[fac.clues] * rng.uniform(0.9, 1.1)))
            self.put(fac.clues, period, "ordenes_requeridas", asked)
            self.put(fac.clues, period, "ordenes_abastecidas", min(asked, round(asked * rng.uniform(0.75, 1.0))))
        if not self.skip(fac, period, "jornadas_entornos"):
            low = 1 if fac.type_code in BEDS else 0
            self.put(fac.clues, period, "jornadas_entornos", rng.randint(low, low + 3))

    def staff(self) -> None:
        rng, last = self.rng, self.last
        posts: dict[tuple[str, str], int] = {}
        for fac in self.facilities:
            for option, (low, high) in zip(STAFF, POSTS.get(fac.type_code, ((0, 0),) * 3), strict=True):
                posts[(fac.clues, option)] = round(rng.randint(low, high) * min(1.5, self.size[fac.clues]))
        filled: dict[tuple[str, str], int] = {}
        for options, figure in (
            (("especialistas",), "specialists_pct"),
            (("generales", "enfermeria"), "gp_nursing_pct"),
        ):
            cells = [k for k in posts if k[1] in options]
            caps = [posts[k] for k in cells]
            noisy = [c * rng.uniform(0.8, 1.2) for c in caps]
            chosen = split(numerator_for(sum(caps), self.figures[figure]), noisy, caps)
            filled.update(zip(cells, chosen, strict=True))
        extra = {
            f.clues: 1 + round(sum(posts[(f.clues, o)] for o in STAFF) * rng.uniform(0.2, 0.5)) for f in self.facilities
        }
        totals: dict[tuple[str, str], int] = {}
        for period in self.periods:
            g = 1 - 0.012 * (len(self.periods) - 1 - self.periods.index(period))
            for fac in self.facilities:
                staff = 0
                for option in STAFF:
                    occupied = round(filled[(fac.clues, option)] * g) if period != last else filled[(fac.clues, option)]
                    staff += occupied
                    self.put(fac.clues, period, "plazas_autorizadas", posts[(fac.clues, option)], option)
                    self.put(fac.clues, period, "plazas_ocupadas", occupied, option)
                totals[(fac.clues, period)] = staff + extra[fac.clues]
                self.put(fac.clues, period, "personal_total", totals[(fac.clues, period)])
        for level, figure in ((1, "training_first_pct"), (2, "training_second_pct")):
            units = [f.clues for f in self.facilities if f.level == level]
            caps = [totals[(u, last)] for u in units]
            trained = split(numerator_for(sum(caps), self.figures[figure]), caps, caps)
            for clues, final in zip(units, trained, strict=True):
                for period in self.periods:
                    value = (
                        final if period == last else min(totals[(clues, period)], round(final * self.growth[period]))
                    )
                    self.put(clues, period, "personal_capacitado", value)

    def community(self) -> None:
        for var in ("comites_salud", "voluntarios"):
            weights = [STOCK_WEIGHTS.get(f.type_code, 1) * self.size[f.clues] for f in self.facilities]
            final = split(int(self.figures[var]), weights)
            for fac, value in zip(self.facilities, final, strict=True):
                for period in self.periods:
                    self.put(fac.clues, period, var, int(value * self.growth[period]) if period != self.last else value)

    def units_and_infrastructure(self) -> None:
        rng, figures = self.rng, self.figures
        self.beds = {f.clues: rng.randint(*BEDS[f.type_code]) for f in self.facilities if f.type_code in BEDS}
        hospitals = [f for f in self.facilities if f.type_code in BEDS]
        done = figures.get("conservation_hospitals_done")
        conserved = {f.clues for f in (rng.sample(hospitals, int(done)) if done is not None else [])}
        equipment = self.equipment()
        for fac in self.facilities:
            in_programme = fac in hospitals or rng.random() < 0.7
            if done is not None and fac in hospitals:
                acted = fac.clues in conserved
            else:
                acted = in_programme and rng.random() < 0.8
            self.unit_infrastructure(fac, in_programme, acted, equipment.get(fac.clues))

    def equipment(self) -> dict[str, tuple[int, int]]:
        """(goods, money) of every hospital and UNEME: the published totals split, else drawn."""
        rng, figures = self.rng, self.figures
        equipped = [f for f in self.facilities if f.type_code in BEDS or f.type_code == "UNEME"]
        if "equipment_goods" in figures:
            goods = split(
                int(figures["equipment_goods"]), [STOCK_WEIGHTS[f.type_code] * self.size[f.clues] for f in equipped]
            )
            money = split(int(figures.get("equipment_investment_mxn", 0)), [float(g) for g in goods])
        else:
            goods = [rng.randint(5, 40) if f.type_code in BEDS else rng.randint(2, 8) for f in equipped]
            money = [g * rng.randrange(80_000, 250_000, 1000) for g in goods]
        return {f.clues: (g, m) for f, g, m in zip(equipped, goods, money, strict=True)}

    def unit_infrastructure(
        self, fac: Facility, in_programme: bool, acted: bool, equipment: tuple[int, int] | None
    ) -> None:
        """One unit's status, programme and infrastructure values, the same every month."""
        rng, put = self.rng, self.put
        clues, t = fac.clues, fac.type_code
        rooms = rng.randint(*ROOMS.get(t, (1, 2)))
        working = rng.randint(*EQUIPMENT.get(t, (2, 6)))
        low, high = DIGNIFICATION.get(t, (5e4, 4e5))
        invested = float(round(rng.uniform(low, high), -3))
        progress = round(rng.uniform(40, 100), 1)
        diagnosed = 1 if rng.random() < 0.95 else 0
        mas = 1 if rng.random() < 0.9 else 0
        # Programmed in annex 1 of the agreement (2.1's denominator): most units are.
        programmed = 1 if mas or self.own_rng.random() < 0.5 else 0
        for period in self.periods:
            put(
                clues,
                period,
                "estatus_operacion",
                fac.status,
                comment="Rehabilitación de un área; atención parcial" if fac.status == "parcial" else "",
            )
            put(clues, period, "presencia_programa", 1)
            put(clues, period, "diagnostico_capacidad", diagnosed)
            put(clues, period, "acciones_mas", mas)
            put(clues, period, "mas_programada", programmed)
            put(clues, period, "consultorios", rooms)
            put(clues, period, "acciones_conservacion", int(acted))
            put(clues, period, "conservacion_programada", int(in_programme or acted))
            put(clues, period, "equipos_funcionales", working)
            put(clues, period, "inversion_dignificacion", invested)
            put(clues, period, "avance_dignificacion", progress)
            if t in BEDS:
                put(clues, period, "camas_censables", self.beds[clues])
                put(clues, period, "quirofanos", max(1, self.beds[clues] // 25))
                put(clues, period, "control_insumos", 1)
            if equipment is not None:
                goods, money = equipment
                delivered = goods if fac.level == 2 else int(goods * rng.uniform(0.6, 1.0))
                put(clues, period, "bienes_programados", goods)
                put(clues, period, "bienes_entregados", delivered)
                put(clues, period, "inversion_equipamiento", float(money))

    def state_level(self) -> None:
        if "basificacion_meta" in self.figures:
            for period in self.periods:
                self.put(self.state, period, "basificacion_meta", int(self.figures["basificacion_meta"]))
                self.put(self.state, period, "basificacion_realizada", int(self.figures["basificacion_realizada"]))


def generate_values(
    catalog: Catalog,
    rng: random.Random,
    state_code: str,
    facilities: list[Facility],
    figures: dict[str, float],
    periods: list[str],
    ytd: tuple[str, ...],
) -> Values:
    """Every demo value of a state: (org unit, period, variable, option) → (value, comment)."""
    builder = _Builder(catalog, rng, state_code, facilities, figures, periods, ytd)
    builder.units_and_infrastructure()
    builder.staff()
    builder.services()
    builder.community()
    builder.state_level()
    category = {f.clues: catalog.facility_types[f.type_code].category for f in facilities}
    # A value for a cell that does not apply to the facility type would never be asked for.
    return {
        cell: value
        for cell, value in builder.values.items()
        if cell[0] not in category or catalog.variables[cell[2]].applies(category[cell[0]])
    }
