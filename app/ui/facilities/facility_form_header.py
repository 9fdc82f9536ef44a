"""The facility form's headings: whose page it is, where it is in the order, which month, and
the title row of each section.

Kept apart from :mod:`app.ui.facilities.facility_form` (the dialog: layout, navigation, edits) because it
is made from the catalog and the month alone and holds no state. The strings keep the dialog's translation
context through literal ``QCoreApplication.translate("FacilityFormDialog", …)`` calls, so
pyside6-lupdate still files them under the dialog.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel

from app.models.catalog import Catalog
from app.models.facility import Facility
from app.models.periods import period_label
from app.ui.common.form_fields import HISTORY, INPUT, LABEL
from app.ui.common.formatting import local_date


@dataclass(frozen=True)
class PageHeader:
    """The texts at the top of one org unit's page; ``hidden_note`` is "" when nothing is hidden."""

    name: str
    details: str
    window_title: str
    hidden_note: str = ""


def position_text(units: list[str], org_unit: str, state_code: str | None) -> str:
    """ "3 de 309" for a facility, "309 unidades" for the state's own data.

    The state's own data comes first in the order but is not a unit: the count says
    "1 de 309" for the first of 309 units, not "2 de 310" (issue 12).
    """
    facilities = [u for u in units if u != state_code]
    if org_unit == state_code:
        return QCoreApplication.translate("FacilityFormDialog", "%1 unidades").replace("%1", str(len(facilities)))
    number = facilities.index(org_unit) + 1 if org_unit in facilities else 0
    return (
        QCoreApplication.translate("FacilityFormDialog", "%1 de %2")
        .replace("%1", str(number))
        .replace("%2", str(len(facilities)))
    )


def month_text(period: str, status: str, lang: str) -> str:
    """ "Informe de marzo 2026 · borrador" ("" period and status before a month is loaded)."""
    names = {
        "borrador": QCoreApplication.translate("FacilityFormDialog", "borrador"),
        "cerrado": QCoreApplication.translate("FacilityFormDialog", "cerrado"),
    }
    label = period_label(period, lang) if period else ""
    return (
        QCoreApplication.translate("FacilityFormDialog", "Informe de %1 · %2")
        .replace("%1", label)
        .replace("%2", names.get(status, status))
    )


def state_header(catalog: Catalog, state_code: str) -> PageHeader:
    """The header of the state's own page (variables captured once for the whole state)."""
    state = catalog.states[state_code]
    return PageHeader(
        name=QCoreApplication.translate("FacilityFormDialog", "Datos estatales · %1").replace("%1", state.name),
        details=QCoreApplication.translate(
            "FacilityFormDialog", "Variables que se capturan una sola vez para todo el estado (basificación)."
        ),
        window_title=QCoreApplication.translate("FacilityFormDialog", "Datos estatales"),
    )


def facility_header(catalog: Catalog, fac: Facility, lang: str, shown_fields: int) -> PageHeader:
    """A facility's name, its registry details and how many fields its type hides."""
    ftype = catalog.facility_types.get(fac.type_code)
    level = catalog.levels.get(fac.level)
    op_status = catalog.operating_status.get(fac.status)
    status_text = op_status.label(lang) if op_status else fac.status
    if fac.status_since:
        status_text += " " + QCoreApplication.translate("FacilityFormDialog", "desde %1").replace(
            "%1", local_date(fac.status_since, lang)
        )
    parts = [
        f"CLUES {fac.clues}",
        ftype.label(lang) if ftype else fac.type_code,
        level.label(lang) if level else str(fac.level),
        fac.municipality,
        fac.jurisdiction,
        QCoreApplication.translate("FacilityFormDialog", "Estatus: %1").replace("%1", status_text),
    ]
    demo = "  [" + QCoreApplication.translate("FacilityFormDialog", "DEMO") + "]" if fac.is_demo else ""
    hidden = len(catalog.columns()) - shown_fields
    note = ""
    if hidden > 0:
        note = (
            QCoreApplication.translate("FacilityFormDialog", "Se ocultan %1 campos que no aplican a %2.")
            .replace("%1", str(hidden))
            .replace("%2", ftype.label(lang) if ftype else fac.type_code)
        )
    return PageHeader(
        name=fac.name + demo,
        details=" · ".join(p for p in parts if p),
        window_title=f"{fac.name} — {fac.clues}",
        hidden_note=note,
    )


def add_section_title(grid: QGridLayout, row: int, label: str) -> tuple[QLabel, QLabel, int]:
    """A section's bold title, its completeness label and a rule, placed in ``grid`` at ``row``.

    Returns the title (the section list scrolls to it), the completeness label and the next free row.
    """
    title = QLabel(label)
    font = title.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    title.setFont(font)
    status = QLabel()
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    if row:  # a gap above every section but the first
        grid.setRowMinimumHeight(row, 14)
        row += 1
    grid.addWidget(title, row, LABEL)
    grid.addWidget(status, row, INPUT, 1, HISTORY - INPUT + 1)
    grid.addWidget(line, row + 1, LABEL, 1, HISTORY + 1)
    return title, status, row + 2
