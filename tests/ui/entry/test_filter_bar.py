"""The filter row above the grid keeps its search box usable on a 1024-pixel laptop."""

from __future__ import annotations

from app.models.facility import Facility
from app.ui.entry.filter_bar import FilterBar
from tests.ui.conftest import FACILITIES, STATE

LONG = Facility(
    "NTSSA000099",
    "Centro de Salud Rural Disperso de San Blas",
    STATE,
    "CSRD",
    1,
    "San Pedro Lagunillas de la Sierra Madre",
    "II Compostela",
)


def test_long_types_and_municipalities_leave_room_for_the_search_box(qtbot, catalog):
    """At 1024 px the grid's side gets about 730 px; boxes as wide as their longest entry
    squeezed the search box to "B…". The row's minimum fits, the search box keeps room for
    "Buscar por…", and an opened list still shows whole names."""
    bar = FilterBar(catalog)
    qtbot.addWidget(bar)
    bar.populate([*FACILITIES, LONG])
    bar.count_label.setText("309 de 309 unidades")
    assert bar.minimumSizeHint().width() <= 730
    assert bar.search.minimumWidth() >= bar.search.fontMetrics().horizontalAdvance("Buscar por…")
    bar.resize(730, bar.sizeHint().height())
    bar.show()
    qtbot.waitExposed(bar)
    assert bar.search.width() >= bar.search.minimumWidth()
    view = bar.municipality_box.view()
    assert view.minimumWidth() >= view.fontMetrics().horizontalAdvance(LONG.municipality)
