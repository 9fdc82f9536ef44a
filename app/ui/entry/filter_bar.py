"""The row of filters above the grid: facility type, level, municipality and search."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.models.catalog import Catalog
from app.models.facility import Facility
from app.models.text import strip_accents

_TYPING_PAUSE_MS = 150  # re-filter once the person pauses, not on every key


class FilterBar(QWidget):
    """Emits ``filters_changed(type_code, level, municipality, text)``; None/"" mean all."""

    filters_changed = Signal(object, object, object, str)

    def __init__(self, catalog: Catalog, lang: str = "es", parent: QWidget | None = None):
        super().__init__(parent)
        self._catalog = catalog
        self._lang = lang
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.type_box = QComboBox()
        self.level_box = QComboBox()
        self.municipality_box = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Buscar por nombre o CLUES"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # At 1024 px, boxes as wide as their longest type or municipality left the search
        # box two letters wide ("B…"): the boxes keep a fixed number of characters (their
        # lists still open as wide as their longest entry) and the search box keeps room
        # for "Buscar por…"; the search box takes whatever width is left.
        for label, box, chars in (
            (self.tr("Tipo:"), self.type_box, 8),
            (self.tr("Nivel:"), self.level_box, 5),
            (self.tr("Municipio:"), self.municipality_box, 8),
        ):
            caption = QLabel(label)
            caption.setBuddy(box)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(chars)
            layout.addWidget(caption)
            layout.addWidget(box)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance(self.tr("Buscar por…")) + 30)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.count_label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_TYPING_PAUSE_MS)
        self._timer.timeout.connect(self._emit)
        for box in (self.type_box, self.level_box, self.municipality_box):
            box.currentIndexChanged.connect(self._emit)
        self.search.textChanged.connect(self._timer.start)
        self.populate([])

    def populate(self, facilities: list[Facility]) -> None:
        """Offer the types, levels and municipalities present among ``facilities``."""
        selected = (self.type_box.currentData(), self.level_box.currentData(), self.municipality_box.currentData())
        for box in (self.type_box, self.level_box, self.municipality_box):
            box.blockSignals(True)
            box.clear()
        self.type_box.addItem(self.tr("Todos"), None)
        for code in sorted({f.type_code for f in facilities}, key=self._type_label):
            self.type_box.addItem(self._type_label(code), code)
        self.level_box.addItem(self.tr("Todos"), None)
        for level in sorted({f.level for f in facilities}):
            known = self._catalog.levels.get(level)
            self.level_box.addItem(known.label(self._lang) if known else str(level), level)
        self.municipality_box.addItem(self.tr("Todos"), None)
        for name in sorted(
            {f.municipality for f in facilities if f.municipality}, key=lambda n: strip_accents(n).casefold()
        ):
            self.municipality_box.addItem(name, name)
        for box, value in zip((self.type_box, self.level_box, self.municipality_box), selected, strict=True):
            found = box.findData(value)
            box.setCurrentIndex(max(found, 0))
            box.blockSignals(False)
            # The open list shows whole names even though the closed box is narrower.
            view = box.view()
            metrics = view.fontMetrics()
            widest = max((metrics.horizontalAdvance(box.itemText(i)) for i in range(box.count())), default=0)
            view.setMinimumWidth(widest + view.verticalScrollBar().sizeHint().width() + 16)

    def _type_label(self, code: str) -> str:
        ftype = self._catalog.facility_types.get(code)
        return ftype.label(self._lang) if ftype else code

    def current(self) -> tuple[str | None, int | None, str | None, str]:
        return (
            self.type_box.currentData(),
            self.level_box.currentData(),
            self.municipality_box.currentData(),
            self.search.text(),
        )

    def set_count(self, shown: int, total: int) -> None:
        self.count_label.setText(self.tr("{0} de {1} unidades").format(shown, total))

    def _emit(self) -> None:
        self._timer.stop()
        self.filters_changed.emit(*self.current())
