"""Metas travel from HQ to the state in the update package (real databases and packages)."""

from __future__ import annotations

import io
import json

from app.cli import main as cli
from app.services.summary import targets
from app.services.sync import sync_ack, sync_import
from tests.sync.test_catalog_update import forge_update


def test_hq_metas_reach_the_state(pair):
    targets.set_targets(
        pair.hq, {"rx_filled_pct": 95, "consultations_total": 30000, "18:rx_filled_pct": 97, "06:volunteers": 50}
    )
    made = sync_ack.make_update(pair.hq, "18", pair.outbox)
    [result] = sync_import.import_packages(pair.state, [made])
    assert result.ok and result.summary["status"] == "SUCCESS", result.summary
    assert "2 metas" in result.summary["description"]
    # Nayarit's own meta won; Colima's did not travel to Nayarit.
    assert targets.targets(pair.state) == {"consultations_total": 30000.0, "rx_filled_pct": 97.0}

    # HQ clears one: the next update carries the complete set, so the state drops it too.
    targets.clear_target(pair.hq, "consultations_total")
    [result] = sync_import.import_packages(pair.state, [sync_ack.make_update(pair.hq, "18", pair.outbox)])
    assert result.ok, result.summary
    assert targets.targets(pair.state) == {"rx_filled_pct": 97.0}


def test_explicit_targets_still_only_add(pair):
    targets.set_targets(pair.hq, {"volunteers": 10})
    made = sync_ack.make_update(pair.hq, "18", pair.outbox, targets={"home_visits": 400})
    sync_import.import_packages(pair.state, [made])
    assert targets.targets(pair.state) == {"home_visits": 400.0}


def test_an_unknown_meta_in_a_forged_update_is_a_notice(pair, tmp_path):
    targets.set_targets(pair.hq, {"volunteers": 10})
    sync_import.import_packages(pair.state, [sync_ack.make_update(pair.hq, "18", pair.outbox)])
    doc = {
        "state": "18",
        "facilities": [],
        "targets": {"rx_filled_pct": 90, "indicador_del_futuro": 5, "home_visits": -1},
    }
    path = tmp_path / "forjado.coordina"
    path.write_bytes(forge_update(pair.hq, doc))
    [result] = sync_import.import_packages(pair.state, [path])
    assert result.ok and result.summary["status"] == "WARNING", result.summary
    notes = {c["object"]: c for c in result.summary["conflicts"]}
    assert notes["indicador_del_futuro"]["errorCode"] == "W_TARGET_UNKNOWN"
    assert "no se guardó" in notes["indicador_del_futuro"]["value"]
    assert notes["home_visits"]["errorCode"] == "W_TARGET_INVALID"
    assert "1 metas" in result.summary["description"]
    # An update without "targets_complete" (an older HQ) only adds.
    assert targets.targets(pair.state) == {"rx_filled_pct": 90.0, "volunteers": 10.0}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_set_list_clear(pair):
    hq = ["--data-dir", str(pair.hq.data_dir)]
    code, out, err = run(*hq, "targets", "set", "rx_filled_pct=95", "18:volunteers=4,500")
    assert code == 0, err
    assert "2 metas guardadas" in out
    code, out, _ = run(*hq, "targets", "list")
    assert code == 0 and "rx_filled_pct  95  Abasto: recetas surtidas" in out and "18:volunteers  4500" in out
    code, out, _ = run(*hq, "targets", "list", "--json")
    assert json.loads(out) == {"18:volunteers": 4500.0, "rx_filled_pct": 95.0}
    code, out, err = run(*hq, "targets", "set", "rx_filled_pct=120", "nada=1")
    assert code != 0 and "2 metas rechazadas" in err and "supera 100" in err and "«nada»" in err
    code, out, err = run(*hq, "targets", "set", "rx_filled_pct")
    assert code != 0 and "CÓDIGO=VALOR" in err
    code, out, _ = run(*hq, "targets", "clear", "rx_filled_pct")
    assert code == 0 and "Meta rx_filled_pct borrada" in out
    code, out, _ = run(*hq, "sync", "update", "--state", "18", "--out", str(pair.outbox))
    assert code == 0
    [result] = sync_import.import_packages(pair.state, [pair.outbox / out.strip().rsplit("/", 1)[-1]])
    assert result.ok and targets.targets(pair.state) == {"volunteers": 4500.0}
    code, out, err = run("--data-dir", str(pair.state.data_dir), "targets", "set", "rx_filled_pct=1")
    assert code != 0 and "oficinas centrales" in err
