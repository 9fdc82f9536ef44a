"""Item models of the facility registry and of the import preview.

:class:`FacilitiesModel` shows facilities with catalog labels (type, level,
institution, status); :class:`FacilityFilterProxy` sorts by the raw values and
searches without caring about accents or case, so "santa maria" finds
"Santa María del Oro". :class:`RejectedRowsModel` lists the rows an import
refused, each with all its reasons.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTableView

from app.models.catalog import Catalog
from app.models.facility import Facility
from app.models.text import normalize_key
from app.ui.common.formatting import local_date
from app.ui.common.row_table_model import RowTableModel

_Index = QModelIndex | QPersistentModelIndex

#: Raw value for sorting (numbers sort as numbers, dates as ISO text).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The Facility of a row.
FACILITY_ROLE = Qt.ItemDataRole.UserRole + 2


class FacilitiesModel(RowTableModel):
    """Facilities, one per row; ``with_change`` adds a "Cambio" column (import preview)."""

    FIELDS = (
        "clues",
        "name",
        "type",
        "level",
        "municipality",
        "jurisdiction",
        "institution",
        "status",
        "since",
        "demo",
    )

    def __init__(self, catalog: Catalog, lang: str = "es", with_change: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self._catalog = catalog
        self._lang = lang
        self._changes: dict[str, str] = {}
        self._search: list[str] = []
        self.fields = (("change",) if with_change else ()) + self.FIELDS
        headers = {
            "change": self.tr("Cambio"),
            "clues": self.tr("CLUES"),
            "name": self.tr("Nombre"),
            "type": self.tr("Tipo"),
            "level": self.tr("Nivel"),
            "municipality": self.tr("Municipio"),
            "jurisdiction": self.tr("Jurisdicción"),
            "institution": self.tr("Institución"),
            "status": self.tr("Estatus"),
            "since": self.tr("Desde"),
            "demo": self.tr("Demo"),
        }
        self._headers = [headers[f] for f in self.fields]
        self._change_labels = {
            "new": self.tr("Nueva"),
            "updated": self.tr("Actualizada"),
            "same": self.tr("Sin cambios"),
        }
        self._demo_label = self.tr("demo")

    # -- content --------------------------------------------------------------------
    def set_facilities(self, facilities: list[Facility], changes: dict[str, str] | None = None) -> None:
        """Replace the rows; ``changes`` maps CLUES to "new", "updated" or "same"."""
        self.beginResetModel()
        self._rows = list(facilities)
        self._changes = dict(changes or {})
        self._search = [self._search_text(f) for f in self._rows]
        self.endResetModel()

    def facility_at(self, row: int) -> Facility | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def search_text(self, row: int) -> str:
        return self._search[row] if 0 <= row < len(self._search) else ""

    def _search_text(self, fac: Facility) -> str:
        shown = [self.display(fac, f) for f in self.fields if f not in ("demo", "since")]
        return normalize_key(" ".join([*shown, fac.state_code]))

    def display(self, fac: Facility, field: str) -> str:
        """What a cell shows for ``field`` of ``fac``."""
        catalog = self._catalog
        if field == "change":
            return self._change_labels.get(self._changes.get(fac.clues, ""), "")
        if field == "type":
            ftype = catalog.facility_types.get(fac.type_code)
            return ftype.label(self._lang) if ftype else fac.type_code
        if field == "level":
            level = catalog.levels.get(fac.level)
            return level.label(self._lang) if level else str(fac.level)
        if field == "institution":
            inst = catalog.institutions.get(fac.institution)
            return inst.label(self._lang) if inst else fac.institution
        if field == "status":
            status = catalog.operating_status.get(fac.status)
            return status.label(self._lang) if status else fac.status
        if field == "since":
            return local_date(fac.status_since, self._lang) if fac.status_since else ""
        if field == "demo":
            return self._demo_label if fac.is_demo else ""
        return str(getattr(fac, field))

    # -- Qt model -------------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.fields):
            return None
        fac = self._rows[index.row()]
        field = self.fields[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(fac, field)
        if role == Qt.ItemDataRole.ToolTipRole and field in ("name", "type", "jurisdiction"):
            return self.display(fac, field)
        if role == SORT_ROLE:
            if field == "level":
                return fac.level
            if field == "since":
                return fac.status_since
            if field == "demo":
                return int(fac.is_demo)
            return normalize_key(self.display(fac, field))
        if role == FACILITY_ROLE:
            return fac
        return None


class FacilityFilterProxy(QSortFilterProxyModel):
    """Sorts by raw values; keeps rows whose text holds every word of the search."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._words: list[str] = []
        self._state = ""
        self.setSortRole(SORT_ROLE)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = normalize_key(text).split()
        self.endFilterChange()

    def set_state(self, state_code: str) -> None:
        """Only facilities of ``state_code`` ("" for every state)."""
        self.beginFilterChange()
        self._state = state_code
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, FacilitiesModel):
            return True
        if self._state:
            fac = model.facility_at(source_row)
            if fac is None or fac.state_code != self._state:
                return False
        text = model.search_text(source_row)
        return all(word in text for word in self._words)


class RejectedRowsModel(RowTableModel):
    """Rows an import refused: the row number as the person sees it, and every reason."""

    def __init__(self, lang: str = "es", parent: QObject | None = None):
        super().__init__(parent)
        self._lang = lang
        self._headers = [self.tr("Fila"), self.tr("Motivo del rechazo")]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        number, reasons = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return str(number) if role == Qt.ItemDataRole.DisplayRole else None
            return "\n".join(reasons)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == SORT_ROLE:
            return number if index.column() == 0 else "\n".join(reasons)
        return None


#: Widest a column may start (px); long names and types are elided, with a tooltip.
_MAX_WIDTH = {"name": 340, "type": 210, "jurisdiction": 200, "institution": 170, "municipality": 170}


def fit_columns(view: QTableView, model: FacilitiesModel) -> None:
    """Size columns to their contents (first rows only, so 10,000 rows stay fast), capped."""
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(300)
    header.setStretchLastSection(True)
    view.resizeColumnsToContents()
    for column, field in enumerate(model.fields):
        cap = _MAX_WIDTH.get(field)
        if cap is not None and view.columnWidth(column) > cap:
            view.setColumnWidth(column, cap)
