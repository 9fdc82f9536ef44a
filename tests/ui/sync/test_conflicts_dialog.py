"""Import with a conflict, resolved through the side-by-side view (issue 4's GUI test).

Real packages and databases: HQ and the state both change one cell; the state's package
goes through the import dialog (previewed, then imported); the conflicts dialog shows both
versions next to each other and the person accepts headquarters' with a click.
"""
# Fixtures are imported from sync_fixtures, so pytest's by-name injection looks like shadowing:
# ruff: noqa: F811

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services.sync import sync_conflicts
from app.services.workspace import catalog as load_catalog
from app.storage import values_repo
from app.ui.files.import_dialog import ImportDialog
from app.ui.sync.conflicts_dialog import ConflictsDialog
from app.ui.sync.sync_models import ConflictsModel
from tests.ui.sync_fixtures import conflict_package, hq_tasks, pair  # noqa: F401

pytestmark = pytest.mark.gui


def import_through_the_dialog(qtbot, hq_tasks, package) -> ImportDialog:
    dialog = ImportDialog(hq_tasks, load_catalog(), "es")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_paths([package])
    with qtbot.waitSignal(dialog.finished_job, timeout=60000):
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    [row] = dialog.model.package_rows()
    assert row.status == "WARNING", row.summary
    codes = [dialog.issues_model.index(i, 0).data() for i in range(dialog.issues_model.rowCount())]
    assert "W_CONFLICT" in codes
    with qtbot.waitSignal(dialog.data_changed, timeout=60000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60000)
    [row] = dialog.model.package_rows()
    assert row.status == "WARNING" and row.summary["dryRun"] is False
    return dialog


def open_conflicts(qtbot, hq_tasks) -> ConflictsDialog:
    dialog = ConflictsDialog(hq_tasks, load_catalog(), "es")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0 and dialog.history_model.rowCount() > 0, timeout=30000)
    return dialog


def test_import_with_a_conflict_resolved_side_by_side(qtbot, hq_tasks, pair, qtmodeltester):
    key, package = conflict_package(pair)
    import_through_the_dialog(qtbot, hq_tasks, package)
    assert values_repo.get_values(pair.hq.conn, [key])[key].value == 2222  # the rule: the later change

    dialog = open_conflicts(qtbot, hq_tasks)
    assert dialog.model.rowCount() == 1
    qtmodeltester.check(dialog.model)
    model = dialog.model
    assert model.index(0, ConflictsModel.STATE).data() == "Nayarit"
    assert model.index(0, ConflictsModel.CLUES).data() == key.org_unit
    assert model.index(0, ConflictsModel.FACILITY).data()  # the facility's name, from HQ's registry
    assert model.index(0, ConflictsModel.VARIABLE).data() == load_catalog().variables[key.variable].label_es
    assert model.index(0, ConflictsModel.APPLIED).data() == "La del estado"
    # Both versions side by side, and which one the rule applied.
    assert dialog.ours_box.title() == "Oficinas centrales (nuestra)"
    assert dialog.theirs_box.title() == "Estado (suya)"
    assert dialog.ours_fields["value"].text() == "1,111"
    assert dialog.theirs_fields["value"].text() == "2,222"
    assert dialog.ours_fields["updated_by"].text() == pair.hq.user
    assert dialog.theirs_fields["updated_by"].text() == pair.state.user
    assert "aplicó" in dialog.theirs_fields["rule"].text()
    assert "aplicó" not in dialog.ours_fields["rule"].text()
    # The cell's history: HQ's correction, then the state's value.
    history = dialog.history_model
    afters = [history.index(i, history.AFTER).data() for i in range(history.rowCount())]
    assert afters[-2:] == ["1,111", "2,222"]
    qtmodeltester.check(history)

    with qtbot.waitSignal(dialog.resolved, timeout=30000) as blocker:
        qtbot.mouseClick(dialog.accept_ours_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].value == 1111
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=30000)
    assert values_repo.get_values(pair.hq.conn, [key])[key].value == 1111
    assert sync_conflicts.list_conflicts(pair.hq) == []
    [closed] = sync_conflicts.list_conflicts(pair.hq, open_only=False)
    assert closed.resolution == "ours" and closed.resolved_at
    assert "oficinas centrales" in dialog.status.text() and "1,111" in dialog.status.text()
    assert "No hay conflictos" in dialog.count_label.text()
    assert not dialog.accept_ours_button.isEnabled() and not dialog.accept_theirs_button.isEnabled()

    # "Mostrar resueltos" lists it again, reviewed, with nothing left to accept.
    with qtbot.waitSignal(dialog.loaded, timeout=30000):
        dialog.show_resolved.setChecked(True)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, ConflictsModel.REVIEW).data() == "Aceptada la de oficinas centrales"
    assert "Aceptada por" in dialog.ours_fields["rule"].text()
    assert not dialog.accept_ours_button.isEnabled() and not dialog.accept_theirs_button.isEnabled()


def test_accepting_the_state_version_announces_the_change(qtbot, hq_tasks, pair):
    key, package = conflict_package(pair)
    import_through_the_dialog(qtbot, hq_tasks, package)
    dialog = open_conflicts(qtbot, hq_tasks)
    with qtbot.waitSignal(dialog.data_changed, timeout=30000):
        qtbot.mouseClick(dialog.accept_theirs_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=30000)
    assert values_repo.get_values(pair.hq.conn, [key])[key].value == 2222
    [closed] = sync_conflicts.list_conflicts(pair.hq, open_only=False)
    assert closed.resolution == "theirs"


def test_every_detail_label_is_plain_text(qtbot, hq_tasks, pair):
    """Issue 11 hole 7: comment, updated_by and names come from packages: shown literally."""
    import_through_the_dialog(qtbot, hq_tasks, conflict_package(pair)[1])
    dialog = open_conflicts(qtbot, hq_tasks)
    labels = [dialog.title, dialog.status, *dialog.ours_fields.values(), *dialog.theirs_fields.values()]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_a_flagged_unit_is_shown_side_by_side_and_resolved_as_a_unit(qtbot, hq_tasks, pair, qtmodeltester, tmp_path):
    """Issue 11: a unit changed at HQ and at the state: its two records next to each other."""
    import dataclasses

    from app.services.facilities.registry import get_facility, save_facility
    from app.services.sync import sync_ack, sync_export, sync_import
    from app.storage import facilities_repo

    first = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    sync_import.import_packages(pair.hq, [first.path])
    sync_import.import_packages(pair.state, [sync_ack.make_ack(pair.hq, "18", pair.outbox)])
    fac = facilities_repo.list_facilities(pair.state.conn, "18")[0]
    with pair.hq.db.atomic():  # HQ's own later edit (a DGIS import): the rule keeps it
        facilities_repo.upsert_facilities(
            pair.hq.conn, [dataclasses.replace(fac, name="<b>Nombre DGIS</b>")], "2030-01-01T00:00:00+00:00"
        )
    save_facility(
        pair.state, dataclasses.replace(fac, name="Nombre estatal", status="sin_operar", status_since="2023-03-01")
    )
    sync_import.import_packages(pair.hq, [sync_export.export_package(pair.state, pair.outbox, pair.identity).path])
    values_before = pair.hq.conn.execute("SELECT count(*) FROM data_values").fetchone()[0]

    dialog = open_conflicts(qtbot, hq_tasks)
    qtmodeltester.check(dialog.model)
    assert "Registro de la unidad" in dialog.title.text()
    assert dialog.ours_fields["value"].text() == "<b>Nombre DGIS</b>"  # shown literally
    assert dialog.theirs_fields["value"].text() == "Nombre estatal"
    assert "Sin operar desde 2023-03-01" in dialog.theirs_fields["comment"].text()
    dialog.resize(1366, 768)
    dialog.grab().save(str(tmp_path / "conflicto_unidad.png"))
    with qtbot.waitSignal(dialog.resolved, timeout=30000):
        qtbot.mouseClick(dialog.accept_theirs_button, Qt.MouseButton.LeftButton)
    assert get_facility(pair.hq, fac.clues).name == "Nombre estatal"
    assert pair.hq.conn.execute("SELECT count(*) FROM data_values").fetchone()[0] == values_before
