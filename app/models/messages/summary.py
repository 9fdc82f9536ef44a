"""The words of the state summary (PDF and dashboard): titles, footnotes, foot of page."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "summary.title": {"es": "{state}: Avances Generales", "en": "{state}: General Progress"},
    "summary.header": {"es": "GOBIERNO DE MÉXICO · IMSS-BIENESTAR", "en": "GOVERNMENT OF MEXICO · IMSS-BIENESTAR"},
    "summary.personal": {"es": "Personal", "en": "Staff"},
    "summary.services": {"es": "Servicios médicos en {year}", "en": "Medical services in {year}"},
    "summary.community": {"es": "Acción comunitaria", "en": "Community action"},
    "summary.infra": {"es": "Infraestructura y equipamiento", "en": "Infrastructure and equipment"},
    "summary.coverage": {"es": "Cobertura de personal por categoría", "en": "Staff coverage by category"},
    "summary.productivity": {
        "es": "* Productividad médica {window} de {units} unidades de segundo nivel.",
        "en": "* Medical productivity {window} of {units} second-level units.",
    },
    "summary.productivity_none": {
        "es": "* Productividad médica {window}; unidades de segundo nivel con productividad reportada: sin dato.",
        "en": "* Medical productivity {window}; second-level units reporting: no data.",
    },
    "summary.community_note": {
        "es": "Indicadores de acción comunitaria registrados desde el inicio de la implementación",
        "en": "Community-action indicators recorded since the implementation began",
    },
    "summary.since": {"es": " ({since})", "en": " ({since})"},
    "summary.completeness": {
        "es": "Completitud de {month}: {filled} de {expected} datos de las unidades ({pct} %)",
        "en": "Completeness of {month}: {filled} of {expected} facility values ({pct} %)",
    },
    "summary.completeness_none": {"es": "Completitud de {month}: sin dato", "en": "Completeness of {month}: no data"},
    "summary.page": {"es": "Página {n} de {total}", "en": "Page {n} of {total}"},
    "summary.generated": {"es": "Generado el {when}", "en": "Generated {when}"},
    "summary.fingerprint": {"es": "Huella de datos {fp}", "en": "Data fingerprint {fp}"},
    "summary.fingerprint_full": {"es": "Huella de datos (SHA-256): {fp}", "en": "Data fingerprint (SHA-256): {fp}"},
    "summary.units_table": {"es": "Unidades por tipo", "en": "Facilities by type"},
    "summary.type": {"es": "Tipo de unidad", "en": "Facility type"},
    "summary.count": {"es": "Unidades", "en": "Facilities"},
    "summary.presence": {"es": "Con presencia IMSS-BIENESTAR", "en": "With IMSS-BIENESTAR presence"},
    "summary.presence_short": {"es": "Presencia: {value}", "en": "Presence: {value}"},
    "summary.types_table": {
        "es": "Unidades por tipología: informe de {month}",
        "en": "Facilities by type: {month} report",
    },
    "summary.reporting": {"es": "Informaron en {month}", "en": "Reported in {month}"},
    "summary.type_completeness": {"es": "Completitud", "en": "Completeness"},
    "summary.of": {"es": "de", "en": "of"},
    "summary.window_same_year": {"es": "del 1º de {m1} al {d2} de {m2} de {y}", "en": "from 1 {m1} to {d2} {m2} {y}"},
    "summary.window": {
        "es": "del 1º de {m1} de {y1} al {d2} de {m2} de {y2}",
        "en": "from 1 {m1} {y1} to {d2} {m2} {y2}",
    },
    "summary.month": {"es": "{m} de {y}", "en": "{m} {y}"},
    "summary.watermark": {"es": "DATOS DE DEMOSTRACIÓN", "en": "DATOS DE DEMOSTRACIÓN · DEMO DATA"},
    "summary.no_data": {"es": "sin dato", "en": "no data"},
}
