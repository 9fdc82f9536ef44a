"""Table models of the consolidation window: the completeness matrix and the national table.

Both are read-only and rebuilt in one reset from plain service data
(:class:`~app.services.national.consolidation.Matrix`, ``national_table`` rows), so what the
coordinator sees is exactly what the services computed.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.models.catalog import Catalog
from app.models.messages import text as message_text
from app.models.percent import share_percent
from app.models.periods import MONTHS_EN, MONTHS_ES, period_label
from app.models.summary import StateSummary, format_figure
from app.models.values import format_number
from app.services.national.consolidation import Matrix, MatrixCell
from app.ui.common import theme
from app.ui.common.formatting import local_date, local_datetime
from app.ui.common.row_table_model import RowTableModel
from app.ui.common.theme import Tint

_Index = QModelIndex | QPersistentModelIndex

#: Role of a matrix cell's display status ("on_time", "late", "received", "missing", "not_due").
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role of a matrix cell's flag (open conflicts) as a bool.
FLAG_ROLE = Qt.ItemDataRole.UserRole + 2
#: Role of a national table cell's drill-down key: (state code or None for the country, figure code).
DRILL_ROLE = Qt.ItemDataRole.UserRole + 3
FLAG = "⚑"

#: The theme tint of each display status; the text colour alone must also read.
STATUS_TINTS: dict[str, Tint] = {
    "on_time": "ok",
    "late": "warning",
    "received": "info",
    "missing": "error",
    "not_due": "neutral",
}
DISPLAY_STATUSES = tuple(STATUS_TINTS)
_BOLD = QFont()
_BOLD.setBold(True)


def status_colors(status: str) -> tuple[QColor, QColor]:
    """Background and text colour of a display status, from the palette in use now."""
    return theme.tint(STATUS_TINTS[status]), theme.on_tint(STATUS_TINTS[status])


def total_background() -> QColor:
    """The PDF's beige band, from the palette in use: totals read apart from the cells."""
    return theme.tint("gold")


def display_status(cell: MatrixCell) -> str:
    """The cell's status as shown: a missing month whose deadline has not passed is "not_due"."""
    return "not_due" if cell.status == "missing" and not cell.due else cell.status


def status_texts() -> dict[str, str]:
    """The Spanish names of the display statuses (translated in the "MatrixModel" context)."""
    # Spelled out in full so lupdate finds each text (a local alias for translate hides them).
    return {
        "on_time": QCoreApplication.translate("MatrixModel", "A tiempo"),
        "late": QCoreApplication.translate("MatrixModel", "Tarde"),
        "received": QCoreApplication.translate("MatrixModel", "Recibido"),
        "missing": QCoreApplication.translate("MatrixModel", "Falta"),
        "not_due": QCoreApplication.translate("MatrixModel", "No vencido"),
    }


def delivered(cell: MatrixCell) -> bool:
    """Whether HQ has the month's data in any form (a package or values)."""
    return cell.status != "missing"


class MatrixModel(QAbstractTableModel):
    """States × months of a year; a last row and column hold the delivered totals."""

    def __init__(self, lang: str = "es", parent: QObject | None = None):
        super().__init__(parent)
        self._lang = lang
        self._matrix: Matrix | None = None
        self._texts = status_texts()

    # -- data in ---------------------------------------------------------------------
    def set_matrix(self, matrix: Matrix | None) -> None:
        """Show ``matrix`` (one model reset)."""
        self.beginResetModel()
        self._matrix = matrix
        self.endResetModel()

    @property
    def matrix(self) -> Matrix | None:
        return self._matrix

    def state_count(self) -> int:
        return len(self._matrix.states) if self._matrix else 0

    def cell_at(self, row: int, column: int) -> MatrixCell | None:
        """The matrix cell at a view position (None for the totals or outside)."""
        m = self._matrix
        if m is None or not (0 <= row < len(m.states) and 0 <= column < len(m.periods)):
            return None
        return m.cell(m.states[row].code, m.periods[column])

    def state_code_at(self, row: int) -> str | None:
        m = self._matrix
        return m.states[row].code if m is not None and 0 <= row < len(m.states) else None

    def status_text(self, cell: MatrixCell) -> str:
        """The cell's label: its status name, with the flag when conflicts wait."""
        text = self._texts[display_status(cell)]
        return f"{text} {FLAG}" if cell.flagged else text

    # -- Qt API ---------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        if parent.isValid() or self._matrix is None:
            return 0
        return len(self._matrix.states) + 1  # + the totals row

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        if parent.isValid() or self._matrix is None:
            return 0
        return len(self._matrix.periods) + 1  # + the totals column

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt API
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        m = self._matrix
        if m is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section == len(m.periods):
                return self.tr("Total")
            if 0 <= section < len(m.periods):
                names = MONTHS_EN if self._lang == "en" else MONTHS_ES
                name = names[int(m.periods[section][4:]) - 1]
                return (
                    period_label(m.periods[section], self._lang)
                    if role == Qt.ItemDataRole.ToolTipRole
                    else name[:3].capitalize()
                )
            return None
        if section == len(m.states):
            return self.tr("Total")
        if 0 <= section < len(m.states):
            state = m.states[section]
            return state.name if role == Qt.ItemDataRole.DisplayRole else f"{state.code} · {state.name}"
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        m = self._matrix
        if m is None or not index.isValid() or index.row() >= self.rowCount() or index.column() >= self.columnCount():
            return None
        cell = self.cell_at(index.row(), index.column())
        if cell is None:
            return self._total_data(index.row(), index.column(), role)
        status = display_status(cell)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.status_text(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return status_colors(status)[0]
        if role == Qt.ItemDataRole.ForegroundRole:
            return status_colors(status)[1]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and cell.flagged:
            return _BOLD
        if role == STATUS_ROLE:
            return status
        if role == FLAG_ROLE:
            return cell.flagged
        return None

    def _total_data(self, row: int, column: int, role: int) -> object:
        m = self._matrix
        assert m is not None
        if role == Qt.ItemDataRole.BackgroundRole:
            return total_background()
        if role == Qt.ItemDataRole.FontRole:
            return _BOLD
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == len(m.periods) and row < len(m.states):  # one state's year
            cells = m.row(m.states[row].code)
        elif row == len(m.states) and column < len(m.periods):  # one month of every state
            cells = [m.cell(s.code, m.periods[column]) for s in m.states]
        else:  # the corner: the whole year
            cells = list(m.cells.values())
        have = sum(delivered(c) for c in cells)
        flagged = sum(c.flagged for c in cells)
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.tr("%1 de %2").replace("%1", format_number(have)).replace("%2", format_number(len(cells)))
            return f"{text} {FLAG}{flagged}" if flagged else text
        late = sum(c.status == "late" for c in cells)
        overdue = sum(c.status == "missing" and c.due for c in cells)
        return "\n".join(
            [
                self.tr("Entregados: %1 de %2")
                .replace("%1", format_number(have))
                .replace("%2", format_number(len(cells))),
                self.tr("Tarde: %1").replace("%1", format_number(late)),
                self.tr("Faltan (vencidos): %1").replace("%1", format_number(overdue)),
                self.tr("Con conflictos sin resolver: %1").replace("%1", format_number(flagged)),
            ]
        )

    def tooltip(self, cell: MatrixCell) -> str:
        """Everything known of a cell: values, facilities reporting, packages, first import."""
        m = self._matrix
        assert m is not None
        state = next((s.name for s in m.states if s.code == cell.state_code), cell.state_code)
        lines = [
            f"{state} · {period_label(cell.period, self._lang)}",
            self.tr("Estado: %1").replace("%1", self._texts[display_status(cell)]),
            self.tr("Valores capturados: %1").replace("%1", format_number(cell.values)),
            self.tr("Unidades que informaron: %1 de %2")
            .replace("%1", format_number(cell.facilities_reporting))
            .replace("%2", format_number(cell.facilities)),
            self.tr("Paquetes recibidos: %1").replace("%1", format_number(cell.packages)),
            self.tr("Primera importación: %1").replace(
                "%1", local_datetime(cell.first_import, self._lang) if cell.first_import else self.tr("ninguna")
            ),
            self.tr("Fecha límite: %1").replace("%1", local_date(cell.deadline.isoformat(), self._lang)),
        ]
        if cell.flagged:
            lines.append(
                self.tr("%1 Conflictos sin resolver: %2")
                .replace("%1", FLAG)
                .replace("%2", format_number(cell.open_conflicts))
            )
        return "\n".join(lines)


#: The figures of the national table, in column order (codes of the summary).
NATIONAL_FIGURES = (
    "hospitals_count",
    "health_units_count",
    "consultations_total",
    "surgeries",
    "specialists_coverage_pct",
    "gp_nursing_coverage_pct",
    "rx_filled_pct",
)
NationalRow = tuple[str, str, StateSummary]


def completeness_figure_text(summary: StateSummary, lang: str = "es") -> str:
    """The month's completeness as the figures read: "99 % (9,089 de 9,107)" (never 100 % while incomplete) or "sin dato"."""
    filled, expected = summary.completeness
    if not expected:
        return message_text("summary.no_data", lang)
    joiner = message_text("summary.of", lang)
    return f"{share_percent(filled, expected)} % ({format_number(filled)} {joiner} {format_number(expected)})"


class NationalModel(RowTableModel):
    """The country ("Nacional", first row) and every state × the key figures and completeness."""

    STATE = 0
    FIRST_FIGURE = 1

    def __init__(self, catalog: Catalog, lang: str = "es", parent: QObject | None = None):
        super().__init__(parent)
        self._catalog = catalog
        self._lang = lang
        short = {
            "hospitals_count": self.tr("Hospitales"),
            "health_units_count": self.tr("Unidades\nde salud"),
            "consultations_total": self.tr("Consultas"),
            "surgeries": self.tr("Cirugías"),
            "specialists_coverage_pct": self.tr("Cobertura de\nespecialistas"),
            "gp_nursing_coverage_pct": self.tr("Cobertura de médicos\ngenerales y enfermería"),
            "rx_filled_pct": self.tr("Recetas\nsurtidas"),
        }
        self._headers = [self.tr("Estado"), *(short[c] for c in NATIONAL_FIGURES), self.tr("Completitud\ndel mes")]
        self._hint = self.tr("Doble clic o Enter: ver las unidades detrás de este dato")

    @property
    def completeness_column(self) -> int:
        return self.FIRST_FIGURE + len(NATIONAL_FIGURES)

    def set_table(self, nation: StateSummary, table: list[NationalRow]) -> None:
        """The country first, then the states in the service's order (one reset)."""
        self.set_rows([(nation.state_code, nation.state_name, nation), *table])

    def figure_code(self, column: int) -> str | None:
        """The figure code of a column (None for the state and completeness columns)."""
        offset = column - self.FIRST_FIGURE
        return NATIONAL_FIGURES[offset] if 0 <= offset < len(NATIONAL_FIGURES) else None

    def is_national(self, row: int) -> bool:
        return row == 0 and bool(self._rows)

    def state_code_at(self, row: int) -> str | None:
        """The state of a row; None for the national row or outside the table."""
        found = self.row_at(row)
        return None if found is None or self.is_national(row) else found[0]

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt API
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        code = self.figure_code(section) if orientation == Qt.Orientation.Horizontal else None
        if role == Qt.ItemDataRole.ToolTipRole and code:
            return self._catalog.indicators[code].label(self._lang)  # the full label, as in the PDF
        return super().headerData(section, orientation, role)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        row, column = index.row(), index.column()
        code, name, summary = self._rows[row]
        figure = summary.figures.get(self.figure_code(column) or "")
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.STATE:
                return name
            if column == self.completeness_column:
                return completeness_figure_text(summary, self._lang)
            return format_figure(figure, self._lang, mark=True) if figure else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._hint if figure else None
        if role == DRILL_ROLE:
            return (None if self.is_national(row) else code, figure.code) if figure else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.STATE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.is_national(row):
            return _BOLD
        if role == Qt.ItemDataRole.BackgroundRole and self.is_national(row):
            return total_background()
        if role == Qt.ItemDataRole.ForegroundRole and figure is not None and figure.value is None:
            return theme.color("muted")  # "sin dato" reads as an absence, not a value
        return None
