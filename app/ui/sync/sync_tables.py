"""Table models of the profile and outbox dialogs: HQ's registrations and a state's outbox.

Both are read-only lists; the status column is coloured (green vigente / entregado, red
revocado, amber pendiente) so it reads at a glance, with the word itself in the cell.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontDatabase

from app.models.catalog import Catalog
from app.services.sync.sync_profile import readable
from app.storage.sync_repo import Registration
from app.ui.common import theme
from app.ui.common.formatting import local_datetime
from app.ui.common.row_table_model import RowTableModel

_Index = QModelIndex | QPersistentModelIndex


class RegistrationModel(RowTableModel):
    """HQ's registered coordinators: state, name, fingerprint, status (revoked ones stay)."""

    STATE, NAME, FINGERPRINT, STATUS, DATE = range(5)

    def __init__(self, catalog: Catalog, lang: str = "es", parent: QObject | None = None):
        super().__init__(parent)
        self._catalog = catalog
        self._lang = lang
        self._headers = [
            self.tr("Estado"),
            self.tr("Nombre"),
            self.tr("Huella del certificado"),
            self.tr("Situación"),
            self.tr("Fecha"),
        ]
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

    def registration(self, row: int) -> Registration | None:
        """The registration shown on ``row`` (None outside the table)."""
        return self.row_at(row)

    def _state_name(self, code: str) -> str:
        state = self._catalog.states.get(code)
        return state.name if state else code

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        reg: Registration = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.STATE:
                return self._state_name(reg.state_code)
            if column == self.NAME:
                return reg.name
            if column == self.FINGERPRINT:
                return readable(reg.fingerprint)
            if column == self.STATUS:
                return self.tr("vigente") if reg.active else self.tr("revocado")
            if column == self.DATE:
                return local_datetime(reg.revoked_at or reg.registered_at, self._lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.STATUS and not reg.active:
                text = self.tr("Revocado el %1").replace("%1", local_datetime(reg.revoked_at or "", self._lang))
                if reg.replaced_by:
                    text += "\n" + self.tr("Reemplazado por %1").replace("%1", readable(reg.replaced_by)[:19] + "…")
                return text
            if column == self.DATE:
                return self.tr("Registrado el %1").replace("%1", local_datetime(reg.registered_at, self._lang))
        if role == Qt.ItemDataRole.FontRole and column == self.FINGERPRINT:
            return self._mono
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return theme.color("ok" if reg.active else "error")
        return None


class OutboxModel(RowTableModel):
    """A state's packages: sequence, file, created, values and delivered or pending.

    Rows are the outbox entries of :func:`app.services.sync.sync_status.status` (plain dicts).
    """

    SEQUENCE, FILE, CREATED, VALUES, DELIVERY = range(5)

    def __init__(self, lang: str = "es", parent: QObject | None = None):
        super().__init__(parent)
        self._lang = lang
        self._headers = [self.tr("Núm."), self.tr("Archivo"), self.tr("Creado"), self.tr("Valores"), self.tr("Entrega")]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        entry: dict = self._rows[index.row()]
        column = index.column()
        delivered = entry.get("delivered_at")
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.SEQUENCE:
                return str(entry["sequence"])
            if column == self.FILE:
                return entry["file"]
            if column == self.CREATED:
                return local_datetime(entry["created_at"], self._lang)
            if column == self.VALUES:
                count = f"{entry['values']:,}"
                return count + (" " + self.tr("(completo)") if entry.get("full") else "")
            if column == self.DELIVERY:
                return (
                    self.tr("Entregado %1").replace("%1", local_datetime(delivered, self._lang))
                    if delivered
                    else self.tr("Esperando acuse de recibo")
                )
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.SEQUENCE, self.VALUES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.DELIVERY:
            return theme.color("ok" if delivered else "warning")
        if role == Qt.ItemDataRole.ToolTipRole and column == self.FILE:
            uuid = entry.get("uuid", "")
            return self.tr("Identificador del paquete (para soporte): %1").replace("%1", uuid) if uuid else ""
        return None
