"""What the "Cerrar informe" confirmation tells before a month is closed.

Closing used to ask only "¿Cerrar el informe?", silent about the month's 24 warnings and
the sections still below 100 %. The confirmation now lists them, with the cells that were
typed but not saved, so that closing an incomplete month is a choice, not an accident.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.models.catalog import Catalog
from app.models.percent import share_percent
from app.models.values import format_number
from app.ui.entry.month_index import MonthIndex


def incomplete_sections(index: MonthIndex, catalog: Catalog, lang: str = "es") -> list[tuple[str, int, int, int]]:
    """(section label, percent, filled, expected) of every section below 100 %, in catalog order."""
    out = []
    for section in catalog.sections:
        filled, expected = index.section_totals.get(section.code, [0, 0])
        if expected and filled < expected:
            out.append((section.label(lang), share_percent(filled, expected), filled, expected))
    return out


def close_confirmation_text(
    month_name: str, index: MonthIndex | None, catalog: Catalog, rejected: int = 0, lang: str = "es"
) -> str:
    """The question, then the month's errors, warnings, unsaved cells and incomplete sections."""
    # Literal translate() calls, so that pyside6-lupdate files them under "CloseCheck".
    lines = [QCoreApplication.translate("CloseCheck", "¿Cerrar el informe de {0}?").format(month_name)]
    if index is not None:
        lines += _month_state_lines(index, catalog, rejected, lang)
    lines += [
        "",
        QCoreApplication.translate(
            "CloseCheck",
            "La captura quedará de solo lectura. Si después necesita corregir, podrá reabrirlo; "
            "la reapertura queda registrada.",
        ),
    ]
    return "\n".join(lines)


def _month_state_lines(index: MonthIndex, catalog: Catalog, rejected: int, lang: str) -> list[str]:
    """The "Estado del mes:" heading, its facts, and where to review them when there is anything to."""
    sections = incomplete_sections(index, catalog, lang)
    facts = _cell_facts(index, rejected) + _section_facts(sections)
    lines = ["", QCoreApplication.translate("CloseCheck", "Estado del mes:"), *facts]
    if rejected or index.error_cells or index.warning_cells or sections:
        lines += [
            "",
            QCoreApplication.translate("CloseCheck", "Puede revisarlos en «Problemas del mes» (F8) antes de cerrar."),
        ]
    return lines


def _cell_facts(index: MonthIndex, rejected: int) -> list[str]:
    """One bullet each for rejected (unsaved) text, error cells and warning cells."""
    facts = []
    if rejected:
        facts.append(
            QCoreApplication.translate(
                "CloseCheck", "• {0} celdas con texto rechazado que NO se guardó (rojo oscuro)."
            ).format(format_number(rejected))
        )
    if index.error_cells:
        facts.append(
            QCoreApplication.translate("CloseCheck", "• {0} celdas con error.").format(format_number(index.error_cells))
        )
    else:
        facts.append(QCoreApplication.translate("CloseCheck", "• Sin errores."))
    if index.warning_cells:
        facts.append(
            QCoreApplication.translate("CloseCheck", "• {0} celdas con aviso.").format(
                format_number(index.warning_cells)
            )
        )
    else:
        facts.append(QCoreApplication.translate("CloseCheck", "• Sin avisos."))
    return facts


def _section_facts(sections: list[tuple[str, int, int, int]]) -> list[str]:
    """The sections below 100 % with their percent and counts, or that all are complete."""
    if not sections:
        return [QCoreApplication.translate("CloseCheck", "• Todas las secciones al 100 %.")]
    line = QCoreApplication.translate("CloseCheck", "    {0}: {1} % ({2} de {3})")
    return [
        QCoreApplication.translate("CloseCheck", "• Secciones sin completar:"),
        *(
            line.format(label, pct, format_number(filled), format_number(expected))
            for label, pct, filled, expected in sections
        ),
    ]
