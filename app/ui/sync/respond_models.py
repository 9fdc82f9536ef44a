"""The table of the "Responder a los estados" dialog: one row per state with a registered
coordinator, with what headquarters received from it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.sync.sync_respond import StateToAnswer
from app.ui.common import theme
from app.ui.common.formatting import local_datetime
from app.ui.common.row_table_model import RowTableModel

_Index = QModelIndex | QPersistentModelIndex


class StatesToAnswerModel(RowTableModel):
    """States, coordinators, packages received, last package and flagged values pending review.

    Rows are :class:`app.services.sync.sync_respond.StateToAnswer`.
    """

    STATE, COORDINATORS, RECEIVED, LAST, CONFLICTS = range(5)

    def __init__(self, lang: str = "es", parent: QObject | None = None):
        super().__init__(parent)
        self._lang = lang
        self._headers = [
            self.tr("Estado"),
            self.tr("Coordinación"),
            self.tr("Paquetes recibidos"),
            self.tr("Último paquete"),
            self.tr("Valores por revisar"),
        ]

    def state(self, row: int) -> StateToAnswer | None:
        """The state shown on ``row`` (None outside the table)."""
        return self.row_at(row)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        row: StateToAnswer = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.STATE:
                return row.name
            if column == self.COORDINATORS:
                return ", ".join(row.coordinators)
            if column == self.RECEIVED:
                return f"{row.received:,}"
            if column == self.LAST:
                return local_datetime(row.last_received, self._lang) if row.last_received else self.tr("Ninguno")
            if column == self.CONFLICTS:
                return f"{row.open_conflicts:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.RECEIVED, self.CONFLICTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.CONFLICTS and row.open_conflicts:
                return theme.color("warning")
            if column == self.LAST and not row.last_received:
                return theme.color("muted")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.STATE:
                return self.tr("Clave %1").replace("%1", row.code)
            if column == self.CONFLICTS and row.open_conflicts:
                return self.tr("Revíselos en Sincronizar ▸ Conflictos por revisar…")
        return None
