"""Table models of the state dashboard: a section's figures, and the facilities behind one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.models.catalog import Catalog
from app.models.facility import Facility
from app.models.summary import Figure, format_figure
from app.models.values import format_number
from app.ui.common import theme
from app.ui.common.row_table_model import RowTableModel

_Index = QModelIndex | QPersistentModelIndex

#: Role holding the figure code of a row (what the drill-down asks for).
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
_BOLD = QFont()
_BOLD.setBold(True)


def target_text(value: float, unit: str) -> str:
    """A meta as the dashboard shows it: "95 %", "30,000"."""
    text = format_number(value)
    return f"{text} %" if unit == "percent" else text


class FigureModel(RowTableModel):
    """The figures of one dashboard section: label, the value as the PDF prints it, and
    the meta HQ set for the indicator (empty when it has none)."""

    LABEL, VALUE, META = range(3)

    def __init__(self, lang: str = "es", parent: QObject | None = None):
        super().__init__(parent)
        self._lang = lang
        self._targets: dict[str, float] = {}
        self._headers = [self.tr("Indicador"), self.tr("Valor"), self.tr("Meta")]
        self._hint = self.tr("Clic o Enter: ver las unidades detrás de este dato")

    def set_figures(self, figures: list[Figure], targets: dict[str, float] | None = None) -> None:
        """Show ``figures`` in order, each with its meta from ``targets`` (one model reset)."""
        self._targets = dict(targets or {})
        self.set_rows(figures)

    def target(self, code: str) -> float | None:
        """The meta of figure ``code`` on screen (None when it has none)."""
        return self._targets.get(code)

    def _meta_text(self, figure: Figure) -> str:
        value = self._targets.get(figure.code)
        return "" if value is None else self.tr("Meta %1").replace("%1", target_text(value, figure.unit))

    def figure_at(self, row: int) -> Figure | None:
        """The figure of ``row``, or None outside the table."""
        return self.row_at(row)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        figure: Figure = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.META:
                return self._meta_text(figure)
            return figure.label(self._lang) if column == self.LABEL else format_figure(figure, self._lang, mark=True)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.META and figure.code in self._targets:
                return self.tr("Meta definida por oficinas centrales")
            return self._hint
        if role == CODE_ROLE:
            return figure.code
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.VALUE, self.META):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.META:
            return theme.color("gold")  # the metas in the PDF's gold, made readable on the base
        if role == Qt.ItemDataRole.FontRole and column == self.VALUE and figure.value is not None:
            return _BOLD  # values stand out as in the PDF
        if role == Qt.ItemDataRole.ForegroundRole and column == self.VALUE and figure.value is None:
            return theme.color("muted")  # "sin dato" reads as an absence, not a value
        return None


class FacilityListModel(RowTableModel):
    """Facilities behind a figure: CLUES, name, type and municipality."""

    CLUES, NAME, TYPE, MUNICIPALITY = range(4)

    def __init__(self, catalog: Catalog, lang: str = "es", parent: QObject | None = None):
        super().__init__(parent)
        self._catalog = catalog
        self._lang = lang
        self._headers = [self.tr("CLUES"), self.tr("Unidad"), self.tr("Tipo"), self.tr("Municipio")]

    def set_facilities(self, facilities: list[Facility]) -> None:
        """Show ``facilities`` in the order given (the service sorts them by name)."""
        self.set_rows(facilities)

    def facility_at(self, row: int) -> Facility | None:
        return self.row_at(row)

    def type_label(self, facility: Facility) -> str:
        """The facility type's name in the person's language (the code if unknown)."""
        ftype = self._catalog.facility_types.get(facility.type_code)
        return ftype.label(self._lang) if ftype else facility.type_code

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        facility: Facility = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.CLUES:
                return facility.clues
            if column == self.NAME:
                return facility.name
            if column == self.TYPE:
                return self.type_label(facility)
            return facility.municipality
        return None
