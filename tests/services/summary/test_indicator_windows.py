"""The summary service reads each seed-004 indicator's own window from storage."""

from __future__ import annotations

from app.models.facility import Facility
from app.models.values import ValueChange, ValueKey
from app.services.summary.month_summary import state_summary
from app.services.workspace import now_iso, open_workspace, write_transaction
from app.storage import facilities_repo, values_repo

CSR1, CSR2 = "NTSSA000001", "NTSSA000002"


def test_a_one_month_report_still_reads_the_sheet_windows(tmp_path):
    ws = open_workspace(tmp_path, user="ana")
    try:
        facilities = [
            Facility(CSR1, "Centro de Salud Rural Jala", "18", "CSR", 1, "Jala"),
            Facility(CSR2, "Centro de Salud Rural Ixtlán", "18", "CSR", 1, "Ixtlán del Río"),
        ]
        rows = [
            (CSR1, "202211", "mas_programada", 1),
            (CSR1, "202211", "acciones_mas", 1),  # since start
            (CSR2, "202302", "mas_programada", 1),
            (CSR1, "202301", "ordenes_requeridas", 10),
            (CSR1, "202301", "ordenes_abastecidas", 9),  # year
            (CSR1, "202302", "ordenes_requeridas", 10),
            (CSR1, "202302", "ordenes_abastecidas", 8),
            (CSR1, "202212", "ordenes_requeridas", 50),
            (CSR1, "202212", "ordenes_abastecidas", 0),  # not this year
        ]
        with write_transaction(ws):
            facilities_repo.upsert_facilities(ws.conn, facilities, now_iso())
            values_repo.apply_changes(
                ws.conn, [ValueChange(ValueKey(o, p, v, ""), x) for o, p, v, x in rows], ws.user, "test", now_iso()
            )
        for ytd in (True, False):
            figures = state_summary(ws, "18", "202302", ytd=ytd).figures
            assert figures["mas_initial_actions_units_pct"].value == 50.0, ytd  # 1 of 2 programmed
            assert figures["supply_orders_fulfilled_pct"].value == 85.0, ytd  # 17 / 20, Jan + Feb
        assert state_summary(ws, "18", "202302", ytd=False).window == ("202302",)
    finally:
        ws.close()
