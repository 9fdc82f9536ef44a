"""The published "Avances Generales" slides of seeds 000 and 001 that the demo does not build,
as a coordinator would enter them: a CLUES registry, the month's values, marks, notes, cut-off.

Each :class:`Slide` says what to enter (units per type, values whose sums give the published
figures) and what the slide prints (``expected``: one entry per published figure, with the
text the PDF must hold). Figures come from ``/work/shared/domain/reference_states.csv`` (rows
of seeds 000 and 001) and the seed text itself; the footnote marks, the cut-off date and the
notes are figures of the slide too, so they are counted.

Text is compared after :func:`normalise`: runs of white space become one space and the space
the app puts before "%" is dropped, so "79 % (253 de 319)" matches the slide's "79%".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

HG = ("HOSPITAL GENERAL", "SEGUNDO NIVEL")
UNEME = ("UNIDAD DE ESPECIALIDADES MEDICAS UNEME", "PRIMER NIVEL")
CSU = ("CENTRO DE SALUD URBANO", "PRIMER NIVEL")

#: (org_unit, variable, disaggregation, value, provisional) rows of the long format.
Row = tuple[str, str, str, str, str]


@dataclass(frozen=True)
class Expect:
    """One published figure: its reference key, what the seed prints, the text the PDF must hold."""

    key: str
    published: str
    pattern: str  # a regular expression over the normalised PDF text


@dataclass
class Slide:
    """One published slide of one state, and how a coordinator enters it."""

    name: str
    state: str  # INEGI code
    prefix: str  # CLUES prefix of the state
    period: str
    layout: str
    units: list[tuple[tuple[str, str], int]]
    values: Callable[[dict[str, list[str]]], list[Row]]
    expected: list[Expect]
    cutoff: str | None = None
    provisional: dict[str, str] = field(default_factory=dict)  # count code -> note ("" = default)
    notes: dict[str, str] = field(default_factory=dict)  # section -> text


def normalise(text: str) -> str:
    """``pdftotext -layout`` text with runs of blanks collapsed and no blank before "%".

    Lines are kept: a slide row ("Comités de salud   150") stays on one line, the presence
    under each inventory count on the line below its count.
    """
    return re.sub(r" %", "%", re.sub(r"[ \t]+", " ", text))


def search(pattern: str, text: str) -> bool:
    """Whether ``pattern`` (a space in it: any white space) is in the normalised text."""
    return re.search(pattern.replace(" ", r"\s+"), text, re.IGNORECASE | re.DOTALL) is not None


def spread(total: int, units: list[str]) -> list[int]:
    """``total`` split as evenly as whole numbers allow over ``units``."""
    base, extra = divmod(total, len(units))
    return [base + (1 if i < extra else 0) for i in range(len(units))]


def summed(variable: str, total: int, units: list[str], option: str = "") -> list[Row]:
    """Rows of ``variable`` over ``units`` adding up to ``total``."""
    return [(u, variable, option, str(v), "") for u, v in zip(units, spread(total, units), strict=True)]


def share(variable_n: str, variable_d: str, n: int, d: int, unit: str, option: str = "") -> list[Row]:
    """A numerator/denominator pair on one unit ("253 de 319")."""
    return [(unit, variable_d, option, str(d), ""), (unit, variable_n, option, str(n), "")]


def flags(variable: str, units: list[str], yes: int) -> list[Row]:
    """A yes/no variable: the first ``yes`` units say 1, the rest 0."""
    return [(u, variable, "", "1" if i < yes else "0", "") for i, u in enumerate(units)]


# -- Template A (seed 000, 27 Feb 2023) ------------------------------------------------------


@dataclass(frozen=True)
class TemplateA:
    """The figures of one template-A slide (summary.md §3)."""

    spec: int
    gp: int
    train: int
    esp: int
    mf: int
    cir: int
    rx: int
    comites: int
    volunt: int
    visitas: int
    sesiones: int
    reporting: int  # "… de N unidades de segundo nivel"

    def rows(self, units: dict[str, list[str]]) -> list[Row]:
        hosp, health = units["hospital"], units["health_unit"]
        reporting = hosp[: self.reporting]
        return [
            *share("plazas_ocupadas", "plazas_autorizadas", self.spec, 100, hosp[0], "especialistas"),
            *share("plazas_ocupadas", "plazas_autorizadas", self.gp, 100, hosp[0], "generales"),
            *share("personal_capacitado", "personal_total", self.train, 100, hosp[0]),
            *share("personal_capacitado", "personal_total", self.train, 100, health[0]),
            *summed("consultas_especialidad", self.esp, reporting),
            *summed("consultas_medicina_familiar", self.mf, reporting),
            *summed("cirugias", self.cir, reporting),
            *share("recetas_surtidas", "recetas_emitidas", self.rx, 100, hosp[0]),
            *summed("comites_salud", self.comites, health[:10]),
            *summed("voluntarios", self.volunt, health[:10]),
            *summed("visitas_domiciliarias", self.visitas, health[:10]),
            *summed("sesiones_informativas", self.sesiones, health[:10]),
        ]

    def expected(self) -> list[Expect]:
        def n(value: int) -> str:
            return f"{value:,}"

        return [
            Expect(
                "specialists_coverage_pct",
                f"Médicos Especialistas {self.spec}%",
                rf"Médicos especialistas: cobertura[^\n]*\n {self.spec}% ",
            ),
            Expect(
                "gp_nursing_coverage_pct",
                f"Médicos Generales y Personal de Enfermería {self.gp}%",
                rf"Médicos generales y personal de enfermería: cobertura[^\n]*\n( [^\n]*\n)? {self.gp}% ",
            ),
            Expect(
                "training_first_and_second_level_pct",
                f"Capacitación primer Y segundo nivel {self.train}%",
                rf"Capacitación primer nivel {self.train}% .*Capacitación segundo nivel {self.train}%",
            ),
            Expect(
                "consultations_total", f"Consultas {n(self.esp + self.mf)}", rf"Consultas {n(self.esp + self.mf)}\b"
            ),
            Expect("consultations_specialty", f"Especialidad {n(self.esp)}", rf"Especialidad {n(self.esp)}\b"),
            Expect(
                "consultations_family_medicine", f"Medicina Familiar {n(self.mf)}", rf"Medicina familiar {n(self.mf)}\b"
            ),
            Expect("surgeries", f"Cirugías {n(self.cir)}", rf"Cirugías {n(self.cir)}\b"),
            Expect("rx_filled_pct", f"Abasto {self.rx}% recetas surtidas", rf"Abasto: recetas surtidas {self.rx}%"),
            Expect(
                "productivity_reporting_2nd_level_units",
                f"… de {self.reporting} unidades de segundo nivel",
                rf"de {self.reporting} unidades de segundo nivel",
            ),
            Expect(
                "health_committees", f"Comités de Salud {n(self.comites)}", rf"Comités de salud {n(self.comites)}\b"
            ),
            Expect("volunteers", f"Voluntarios {n(self.volunt)}", rf"Voluntarios {n(self.volunt)}\b"),
            Expect(
                "home_visits", f"Visitas Domiciliarias {n(self.visitas)}", rf"Visitas domiciliarias {n(self.visitas)}\b"
            ),
            Expect(
                "info_sessions",
                f"Sesiones Informativas {n(self.sesiones)}",
                rf"Sesiones informativas {n(self.sesiones)}\b",
            ),
            Expect(
                "community_footnote",
                "Indicadores de acción comunitaria registrados desde el inicio de la implementación",
                r"Indicadores de acción comunitaria registrados desde el "
                r"inicio de la implementación",
            ),
        ]


CUTOFF_2023 = Expect(
    "cutoff", "del 1º de enero al 23 de febrero 2023", r"Productividad médica del 1º de enero al 23 de febrero de 2023"
)
PRESENCE = r"Presencia: (?:sin dato|\d+% \(\d+ de \d+\))"
DEFAULT_NOTE = "En proceso de definición con el Gobierno del estado"

SONORA_2023 = TemplateA(
    spec=71,
    gp=59,
    train=100,
    esp=36306,
    mf=8078,
    cir=3011,
    rx=98,
    comites=150,
    volunt=427,
    visitas=4179,
    sesiones=126,
    reporting=17,
)
GUERRERO_2023 = TemplateA(
    spec=66,
    gp=40,
    train=100,
    esp=11613,
    mf=16783,
    cir=1618,
    rx=86,
    comites=178,
    volunt=452,
    visitas=2844,
    sesiones=426,
    reporting=41,
)


def _template_c(presence: tuple[int, int, int | None], units: dict[str, list[str]]) -> list[Row]:
    """Presence flags per type (hospitals, UNEMES, health centres; None: not reported)."""
    out: list[Row] = []
    for kind, yes in zip(("hospital", "uneme", "health_unit"), presence, strict=True):
        if yes is not None:
            out += flags("presencia_programa", units[kind], yes)
    return out


def _compact(
    rx: int, conservation: int, goods: int, pesos: int, training: tuple[int, int] | None
) -> Callable[[dict[str, list[str]]], list[Row]]:
    def rows(units: dict[str, list[str]]) -> list[Row]:
        hosp = units["hospital"]
        out = [
            *share("recetas_surtidas", "recetas_emitidas", rx, 100, hosp[0]),
            *flags("acciones_conservacion", hosp, conservation),
            *summed("bienes_programados", goods, hosp),
            *summed("bienes_entregados", goods, hosp),
            *summed("inversion_equipamiento", pesos, hosp),
        ]
        if training:
            out += share("personal_capacitado", "personal_total", training[0], 100, units["health_unit"][0])
            out += share("personal_capacitado", "personal_total", training[1], 100, hosp[0])
        return out

    return rows


SLIDES = [
    Slide(
        "sonora_2023",
        "26",
        "SR",
        "202302",
        "slide",
        [(HG, 17), (UNEME, 1), (CSU, 223)],
        SONORA_2023.rows,
        [
            Expect("hospitals_count", "17 Hospitales", r"\b17 Hospitales"),
            Expect("unemes_count", "1 UNEMES", r"\b1 UNEMES"),
            Expect("health_units_count", "223 Unidades de salud", r"\b223 Unidades de salud"),
            *SONORA_2023.expected(),
            CUTOFF_2023,
        ],
        cutoff="2023-02-23",
    ),
    Slide(
        "guerrero_2023",
        "12",
        "GR",
        "202302",
        "slide",
        [(HG, 42), (CSU, 983)],
        GUERRERO_2023.rows,
        [
            Expect("hospitals_count", "42** Hospitales", r"\b42\*\* Hospitales"),
            Expect("health_units_count", "983** Unidades de salud", r"\b983\*\* Unidades de salud"),
            *GUERRERO_2023.expected(),
            CUTOFF_2023,
            Expect("provisional_footnote", "** " + DEFAULT_NOTE, r"\*\* " + DEFAULT_NOTE),
        ],
        cutoff="2023-02-23",
        provisional={"hospitals_count": "", "health_units_count": ""},
    ),
    Slide(
        "michoacan_2023",
        "16",
        "MN",
        "202302",
        "compact",
        [(HG, 22), (UNEME, 3), (CSU, 366)],
        _compact(96, 22, 304, 53_400_000, (65, 96)),
        [
            Expect("hospitals_count", "22 Hospitales", r"\b22 Hospitales"),
            Expect("unemes_count", "3 UNEMES", r"\b3 UNEMES"),
            Expect("health_units_count", "366 Unidades de Salud", r"\b366 Unidades de salud"),
            Expect("training_first_level_pct", "Capacitación primer … nivel 65%", r"Capacitación primer nivel 65%"),
            Expect("training_second_level_pct", "Capacitación … segundo nivel 96%", r"Capacitación segundo nivel 96%"),
            Expect("abasto_pct", "Abasto 96%", r"Abasto: recetas surtidas 96%"),
            Expect(
                "conservation_hospitals",
                "Acciones de Conservación en 22 de 22 hospitales",
                r"Acciones de conservación en hospitales 100% \(22 de 22\)",
            ),
            Expect("equipment_goods_count", "Equipamiento: 304 bienes", r"Bienes de equipamiento 304\b"),
            Expect("equipment_investment", "por $53.4 mdp", r"Inversión en equipamiento \$53\.4 mdp"),
            Expect(
                "equipment_delivered_2nd_level_pct",
                "Entregado: 100% 2do nivel",
                r"Equipamiento entregado, segundo nivel 100% \(\d+ de \d+\)",
            ),
        ],
    ),
    Slide(
        "morelos_2023",
        "17",
        "MS",
        "202302",
        "compact",
        [(HG, 9), (UNEME, 3), (CSU, 204)],
        _compact(88, 4, 78, 10_400_000, None),
        [
            Expect("hospitals_count", "9* Hospitales", r"\b9\*{1,2} Hospitales"),
            Expect("unemes_count", "3* UNEMES", r"\b3\*{1,2} UNEMES"),
            Expect("health_units_count", "204* Unidades de Salud", r"\b204\*{1,2} Unidades de salud"),
            Expect("unlabeled_pct", "88% (rótulo perdido; abasto por posición)", r"Abasto: recetas surtidas 88%"),
            Expect(
                "conservation_hospitals",
                "Acciones de Conservación en 4 de 9 hospitales",
                r"Acciones de conservación en hospitales 44% \(4 de 9\)",
            ),
            Expect("equipment_goods_count", "Equipamiento: 78 bienes", r"Bienes de equipamiento 78\b"),
            Expect("equipment_investment", "por $10.4 mdp", r"Inversión en equipamiento \$10\.4 mdp"),
            Expect(
                "equipment_delivered_2nd_level_pct",
                "Entregado: 100% 2do nivel",
                r"Equipamiento entregado, segundo nivel 100% \(\d+ de \d+\)",
            ),
            Expect(
                "provisional_footnote",
                "* En proceso de definición en conjunto con el Gobierno del estado (4 de 9 hospitales).",
                r"\*{1,2} En proceso de definición en conjunto con el "
                r"Gobierno del estado \(4 de 9 hospitales\)\.",
            ),
        ],
        provisional={
            code: "En proceso de definición en conjunto con el Gobierno del estado (4 de 9 hospitales)"
            for code in ("hospitals_count", "unemes_count", "health_units_count")
        },
    ),
    Slide(
        "colima_2022",
        "06",
        "CM",
        "202207",
        "slide",
        [(HG, 5), (UNEME, 1), (CSU, 131)],
        lambda u: [
            *_template_c((5, 1, 52), u),
            (u["hospital"][0], "inversion_dignificacion", "", "50400000", ""),
            (u["hospital"][0], "avance_dignificacion", "", "99", ""),
            *share("recetas_surtidas", "recetas_emitidas", 87, 100, u["hospital"][0]),
            *flags("control_insumos", u["hospital"], 5),
            *share("plazas_ocupadas", "plazas_autorizadas", 253, 319, u["hospital"][0], "especialistas"),
            *share("basificacion_realizada", "basificacion_meta", 541, 559, "06"),
            *share("personal_capacitado", "personal_total", 100, 100, u["hospital"][0]),
            *share("personal_capacitado", "personal_total", 85, 100, u["health_unit"][0]),
            *summed("equipos_funcionales", 94, u["hospital"]),
        ],
        [
            Expect("hospitals_count", "5 Hospitales (100%)", r"\b5 Hospitales [^\n]*\n Presencia: 100% \(5 de 5\)"),
            Expect("unemes_count", "1 UNEME (100%)", rf"\b1 UNEMES [^\n]*\n {PRESENCE} Presencia: 100% \(1 de 1\)"),
            Expect(
                "health_centers_count",
                "131 Centros de salud (40%)",
                rf"\b131 Unidades de salud[^\n]*\n {PRESENCE} {PRESENCE} Presencia: 40% \(52 de 131\)",
            ),
            Expect(
                "dignification_investment_mxn_millions",
                "Inversión de $50.4 mdp",
                r"Inversión en acciones de dignificación \$50\.4 mdp",
            ),
            Expect("dignification_progress_pct", "… en acciones de dignificación con 99%", r"dignificación[^\n]*99%"),
            Expect("rx_fully_filled_pct", "87% de recetas surtidas completamente", r"Abasto: recetas surtidas 87%"),
            Expect(
                "hospitals_with_supply_control_system_pct",
                "100% de los hospitales … control de insumos",
                r"Hospitales con sistema de control de insumos 100% \(5 de 5\)",
            ),
            Expect(
                "specialists_coverage_pct",
                "Médicos especialistas: 79% de cobertura (253 de 319)",
                r"79% \(253 de 319\)",
            ),
            Expect("basification_pct", "Proceso de basificación 541 de 559 (97%)", r"97% \(541 de 559\)"),
            Expect(
                "training_second_level_pct", "Capacitación: 100% en segundo nivel", r"Capacitación segundo nivel 100%"
            ),
            Expect("training_first_level_pct", "… y 85% en primer nivel", r"Capacitación primer nivel 85%"),
            Expect(
                "equipment_enabled_functional_count",
                "94 equipos habilitados y funcionales",
                r"Equipos habilitados y funcionales 94\b",
            ),
        ],
    ),
    Slide(
        "sonora_2022",
        "26",
        "SR",
        "202207",
        "slide",
        [(HG, 15), (UNEME, 2), (CSU, 218)],
        lambda u: [
            *_template_c((15, None, 11), u),
            *share("personal_capacitado", "personal_total", 85, 100, u["hospital"][0]),
            *share("personal_capacitado", "personal_total", 25, 100, u["health_unit"][0]),
            *summed("equipos_funcionales", 70, u["hospital"]),
        ],
        [
            Expect("hospitals_count", "15 Hospitales (100%)", r"\b15 Hospitales [^\n]*\n Presencia: 100% \(15 de 15\)"),
            Expect("unemes_count", "2 UNEME", r"\b2 UNEMES"),
            Expect("unemes_note", "(Programado para agosto)", r"\(Programado para agosto\)"),
            Expect(
                "health_centers_count",
                "218 Centros de salud (5%)",
                rf"\b218 Unidades de salud[^\n]*\n {PRESENCE} {PRESENCE} Presencia: 5% \(11 de 218\)",
            ),
            Expect("training_staff_pct", "85% del personal capacitado", r"Capacitación segundo nivel 85%"),
            Expect("training_first_level_pct", "… y 25% en primer nivel", r"Capacitación primer nivel 25%"),
            Expect(
                "equipment_enabled_functional_count",
                "70 equipos habilitados y funcionales",
                r"Equipos habilitados y funcionales 70\b",
            ),
            Expect(
                "dignification_status",
                "Se está integrando el programa de dignificación.",
                r"Se está integrando el programa de dignificación\.",
            ),
        ],
        notes={
            "unidades": "(Programado para agosto)",
            "infraestructura": "Se está integrando el programa de dignificación.",
        },
    ),
]
