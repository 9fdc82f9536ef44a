"""The entry grid with 10,000 facilities × 12 variables (issue 2: load < 200 ms, filter < 50 ms).

Measured on a real MonthGridModel + GridFilterProxy + GridView, offscreen:
- ``index_ms``: building the month's index (values by org unit, validation,
  completeness), which runs on a worker thread before the grid is shown;
- ``load_ms``: the grid taking a loaded month (model reset) and painting it;
- ``filter_ms``: re-filtering the rows by a search text, model only, and
  ``filter_paint_ms`` including the repaint of the visible rows.
"""

from __future__ import annotations

import dataclasses
import random
import statistics
import time

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QTableView

from app.models.facility import Facility
from app.models.values import DataValue, ValueKey
from app.services.entry.month_values import MonthData
from app.services.workspace import catalog as load_catalog
from app.ui.entry.grid_filter import GridFilterProxy
from app.ui.entry.grid_model import MonthGridModel
from app.ui.entry.grid_view import GridView
from app.ui.entry.month_index import MonthIndex
from app.ui.entry.session import MonthSession

ROWS = 10_000
SECTION = "personal"
TYPES = ("HG", "HIC", "CSR", "CSU", "UMM", "UNEME")
SEARCHES = ("1", "12", "san", "123", "", "tepic", "")


def _median_ms(fn, repeat: int = 7) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _bench_catalog():
    """The real catalog with four service variables moved into Personal: 8 + 4 = 12 columns."""
    catalog = load_catalog()
    moved = ("consultas_especialidad", "consultas_medicina_familiar", "consultas_total", "cirugias")
    variables = {
        code: dataclasses.replace(v, section=SECTION, order=100 + i) if code in moved else v
        for i, (code, v) in enumerate(catalog.variables.items())
    }
    return dataclasses.replace(catalog, variables=variables)


def _month(catalog) -> MonthData:
    rng = random.Random(2)
    facilities = [
        Facility(
            f"NTSSA{i:06d}",
            f"Unidad {i} San José {rng.choice(('Tepic', 'Jala', 'Ruiz'))}",
            "18",
            rng.choice(TYPES),
            1,
            f"Municipio {i % 20}",
        )
        for i in range(ROWS)
    ]
    values: dict[ValueKey, DataValue] = {}
    for fac in facilities:
        for column in catalog.columns(SECTION):
            key = ValueKey(fac.clues, "202302", *column.key)
            values[key] = DataValue(key, rng.randint(0, 500))
    return MonthData("18", "202302", "borrador", facilities, values, {})


@pytest.fixture
def recorder(request):
    """tests/bench/conftest.py's ``record`` when present, else print only."""
    try:
        return request.getfixturevalue("record")
    except pytest.FixtureLookupError:
        return lambda name, **figures: print(f"\n[bench] {name}: {figures}")


def test_grid_10000_facilities_load_and_filter(qapp, recorder):
    catalog = _bench_catalog()
    assert len(catalog.columns(SECTION)) == 12
    month = _month(catalog)
    start = time.perf_counter()
    index = MonthIndex.build(catalog, month)
    index_ms = (time.perf_counter() - start) * 1000

    session = MonthSession(None, catalog, QUndoStack())  # type: ignore[arg-type] - no database needed
    session.index, session.month = index, month
    model = MonthGridModel(session, SECTION)
    proxy = GridFilterProxy()
    proxy.setSourceModel(model)
    view = GridView()
    view.set_models(model, proxy)
    view.resize(1400, 900)
    view.show()
    QApplication.processEvents()

    def load() -> None:
        session.loaded.emit()  # what the session does once a month is read and indexed
        QApplication.processEvents()

    searches = iter(SEARCHES * 20)

    def filter_and_paint() -> None:
        proxy.set_text(next(searches))
        QApplication.processEvents()

    load_ms = _median_ms(load)
    filter_paint_ms = _median_ms(filter_and_paint, repeat=len(SEARCHES) * 2)
    view.hide()
    filter_ms = _median_ms(lambda: proxy.set_text(next(searches)), repeat=len(SEARCHES) * 2)
    bare_load_ms, bare_filter_ms = _bare_table(month, catalog)
    recorder(
        "grid_10000x12",
        index_ms=index_ms,
        load_ms=load_ms,
        filter_ms=filter_ms,
        filter_paint_ms=filter_paint_ms,
        bare_load_ms=bare_load_ms,
        bare_filter_ms=bare_filter_ms,
        load_ratio=load_ms / bare_load_ms,
        filter_ratio=filter_ms / bare_filter_ms,
    )
    assert model.rowCount() == ROWS and model.columnCount() == 13
    assert load_ms < 200
    assert filter_ms < 50


class _BareModel(QAbstractTableModel):
    """The least a table can do: precomputed strings, DisplayRole only."""

    def __init__(self, rows: list[list[str]]):
        super().__init__()
        self.rows = rows

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 13

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return self.rows[index.row()][index.column()] if role == Qt.ItemDataRole.DisplayRole else None

    def reload(self) -> None:
        self.beginResetModel()
        self.endResetModel()


def _bare_table(month: MonthData, catalog) -> tuple[float, float]:
    """Reference measured in the same run: a bare QTableView + QSortFilterProxyModel."""
    columns = catalog.columns(SECTION)
    rows = [[fac.name] + [str(month.value(fac.clues, *c.key)) for c in columns] for fac in month.facilities]
    model = _BareModel(rows)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(0)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    view = QTableView()
    view.setModel(proxy)
    view.resize(1400, 900)
    view.show()
    QApplication.processEvents()

    def load() -> None:
        model.reload()
        QApplication.processEvents()

    searches = iter(SEARCHES * 20)
    load_ms = _median_ms(load)
    view.hide()
    filter_ms = _median_ms(lambda: proxy.setFilterFixedString(next(searches)), repeat=len(SEARCHES) * 2)
    return load_ms, filter_ms
