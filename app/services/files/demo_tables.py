"""Per-facility-type weights and ranges the demo's synthetic values are drawn from."""

from __future__ import annotations

FLOW_WEIGHTS: dict[str, dict[str, float]] = {
    "consultas_especialidad": {"HAE": 8, "HG": 6, "HE": 4, "HIC": 1.5, "UNEME": 1.2},
    "consultas_medicina_familiar": {
        "HAE": 2,
        "HG": 8,
        "HE": 3,
        "HIC": 4,
        "UNEME": 1,
        "CESSA": 3,
        "CE": 2,
        "CAAPS": 3,
        "CSU": 2,
        "CSR": 1,
        "UMM": 0.8,
    },
    "cirugias": {"HAE": 8, "HG": 6, "HE": 4, "HIC": 1},
    "visitas_domiciliarias": {
        "HG": 1,
        "HE": 0.5,
        "HIC": 1,
        "UNEME": 0.3,
        "CESSA": 1.2,
        "CE": 0.5,
        "CAAPS": 1,
        "CSU": 1,
        "CSR": 1.2,
        "UMM": 1.5,
    },
    "sesiones_informativas": {
        "HAE": 1,
        "HG": 2,
        "HE": 1.5,
        "HIC": 1.5,
        "UNEME": 0.5,
        "CESSA": 1.2,
        "CE": 0.5,
        "CAAPS": 1,
        "CSU": 1,
        "CSR": 1,
        "UMM": 1,
    },
}
STOCK_WEIGHTS = {
    "HAE": 2,
    "HG": 3,
    "HE": 2,
    "HIC": 2,
    "UNEME": 0.5,
    "CESSA": 1.5,
    "CE": 1,
    "CAAPS": 1.2,
    "CSU": 1.2,
    "CSR": 1,
    "UMM": 0.8,
}
#: Authorised posts (especialistas, generales, enfermería) ranges by facility type.
POSTS = {
    "HAE": ((60, 120), (20, 40), (150, 300)),
    "HG": ((25, 45), (15, 25), (80, 140)),
    "HE": ((12, 20), (6, 10), (40, 70)),
    "HIC": ((4, 8), (6, 10), (18, 30)),
    "UNEME": ((2, 5), (1, 2), (2, 5)),
    "CESSA": ((1, 3), (4, 7), (6, 10)),
    "CE": ((2, 6), (1, 3), (3, 6)),
    "CAAPS": ((1, 2), (3, 6), (4, 8)),
    "CSU": ((0, 0), (2, 5), (3, 6)),
    "CSR": ((0, 0), (1, 1), (1, 2)),
    "UMM": ((0, 0), (1, 1), (1, 1)),
}
BEDS = {"HAE": (90, 250), "HG": (60, 120), "HE": (30, 60), "HIC": (12, 30)}
ROOMS = {
    "HAE": (30, 50),
    "HG": (15, 30),
    "HE": (8, 15),
    "HIC": (4, 8),
    "UNEME": (3, 8),
    "CESSA": (4, 8),
    "CE": (4, 10),
    "CAAPS": (3, 6),
    "CSU": (2, 6),
    "CSR": (1, 2),
    "UMM": (1, 1),
}
ORDERS = {
    "HAE": 60,
    "HG": 40,
    "HE": 25,
    "HIC": 15,
    "UNEME": 6,
    "CESSA": 4,
    "CE": 4,
    "CAAPS": 4,
    "CSU": 3,
    "CSR": 2,
    "UMM": 1,
}
EQUIPMENT = {
    "HAE": (200, 400),
    "HG": (120, 220),
    "HE": (60, 120),
    "HIC": (30, 60),
    "UNEME": (10, 30),
    "CESSA": (8, 15),
    "CE": (8, 15),
    "CAAPS": (6, 12),
    "CSU": (4, 10),
    "CSR": (2, 6),
    "UMM": (2, 5),
}
DIGNIFICATION = {
    "HAE": (3e6, 8e6),
    "HG": (2e6, 6e6),
    "HE": (1e6, 3e6),
    "HIC": (5e5, 2e6),
    "UNEME": (2e5, 8e5),
    "UMM": (2e4, 8e4),
}
HOLE_VARIABLES = (
    "consultas_medicina_familiar",
    "consultas_total",
    "recetas_emitidas",
    "recetas_surtidas",
    "visitas_domiciliarias",
    "sesiones_informativas",
    "jornadas_entornos",
    "ordenes_requeridas",
    "ordenes_abastecidas",
)
STAFF = ("especialistas", "generales", "enfermeria")
#: Community flows: the seeds count them since the start of the implementation.
SINCE_START = ("visitas_domiciliarias", "sesiones_informativas")
#: The slide's productivity is that of second-level units ("de N unidades de segundo
#: nivel", and so is the catalog's filter): the published totals go to them alone, while
#: first-level units record consultations of their own that the slide leaves out.
SLIDE_FLOWS = ("consultas_especialidad", "consultas_medicina_familiar", "cirugias")
FIRST_LEVEL_MONTHLY = {
    "consultas_especialidad": {"UNEME": 180},
    "consultas_medicina_familiar": {
        "UNEME": 90,
        "CESSA": 700,
        "CE": 250,
        "CAAPS": 450,
        "CSU": 320,
        "CSR": 110,
        "UMM": 70,
    },
}
