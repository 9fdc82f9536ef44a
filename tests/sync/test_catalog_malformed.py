"""Malformed catalogs (issue 9 defect 8): a notice naming file, row and column, nothing left.

A levels.csv without its label_en column used to raise KeyError through load_catalog,
out of catalog_install, crashing ``sync import`` and leaving ``catalogs/.incoming-*`` behind.
Each malformation here rides in a real update package signed with HQ's key; the rest of
the update (a target) still applies.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from app import RESOURCES_DIR
from app.cli import main as cli
from app.services.facilities import catalog_install
from app.services.facilities.catalog_install import CATALOG_FILES, CatalogError
from app.services.summary import targets
from app.services.sync import sync_import
from app.storage import reports_repo
from tests.sync.test_catalog_update import NEW, active_setting, catalog_copy, forge_update, installed


def _drop_column(name: str, column: str):
    def edit(folder: Path) -> None:
        path = folder / name
        lines = path.read_text(encoding="utf-8").splitlines()
        header = lines[0].split(",")
        index = header.index(column)
        path.write_text(
            "\n".join(",".join(c for i, c in enumerate(line.split(",")) if i != index) for line in lines) + "\n",
            encoding="utf-8",
        )

    return edit


def _replace(name: str, old: str, new: str, count: int = 1):
    def edit(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    return edit


def _write(name: str, text: str):
    def edit(folder: Path) -> None:
        (folder / name).write_text(text, encoding="utf-8")

    return edit


CASES = {
    # name: (edit, words the notice must hold)
    "missing column": (_drop_column("levels.csv", "label_en"), ["levels.csv", "fila 2", "label_en"]),
    "bad number": (_replace("levels.csv", "\n1,", "\nuno,"), ["levels.csv", "fila 3", "code", "uno"]),
    "bad minimum": (_replace("variables.csv", ",0,100,0,", ",cero,100,0,"), ["variables.csv", "min", "cero"]),
    "extra field": (_replace("institutions.csv", "\n", "\nA,B,C,D,E,F\n"), ["institutions.csv", "fila 2"]),
    "bad json": (
        _write("rules.json", '{"comparisons": [{"code": "x",\n  "left": }'),
        ["rules.json", "línea 2", "columna"],
    ),
    "missing json key": (_replace("indicators.json", '"code"', '"codigo"'), ["indicators.json", "code"]),
    "json of the wrong shape": (_write("indicators.json", '{"indicators": 7}'), ["indicators.json"]),
    "extra nesting": (
        _write("indicators.json", '{"indicators": ' + "[" * 50_000 + "]" * 50_000 + "}"),
        ["indicators.json", "anidamiento"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_malformed_catalog_in_an_update_is_a_notice(pair, tmp_path, case):
    edit, words = CASES[case]
    folder = catalog_copy(tmp_path, "malo", edit=edit)
    texts = {name: (folder / name).read_text(encoding="utf-8") for name in CATALOG_FILES}
    doc = {
        "state": "18",
        "facilities": [],
        "targets": {"rx_filled_pct": 90},
        "catalog": {"version": NEW, "files": texts},
    }
    path = tmp_path / "forjado.coordina"
    path.write_bytes(forge_update(pair.hq, doc))

    [result] = sync_import.import_packages(pair.state, [path])

    assert result.summary["status"] == "WARNING", result.summary
    [note] = result.summary["conflicts"]
    assert note["errorCode"] == "W_CATALOG_INVALID", note
    for word in words:
        assert word in note["value"], (word, note["value"])
    assert installed(pair.state) == [], "no .incoming-* folder left behind"
    assert active_setting(pair.state) == ""
    assert reports_repo.settings_get(pair.state.conn, targets.TARGET_PREFIX + "rx_filled_pct") == "90.0"


def test_an_update_missing_a_catalog_file_names_it(pair, tmp_path):
    folder = catalog_copy(tmp_path, "incompleto")
    texts = {name: (folder / name).read_text(encoding="utf-8") for name in CATALOG_FILES if name != "institutions.csv"}
    path = tmp_path / "forjado.coordina"
    path.write_bytes(forge_update(pair.hq, {"state": "18", "catalog": {"version": NEW, "files": texts}}))
    [result] = sync_import.import_packages(pair.state, [path])
    [note] = result.summary["conflicts"]
    assert note["errorCode"] == "W_CATALOG_INVALID" and "institutions.csv" in note["value"]
    assert installed(pair.state) == []


def test_catalog_install_refuses_a_malformed_folder_and_leaves_nothing(pair, tmp_path):
    missing = catalog_copy(tmp_path, "sin-columna", edit=_drop_column("levels.csv", "label_en"))
    with pytest.raises(CatalogError) as caught:
        catalog_install.install_catalog(pair.hq, missing)
    assert caught.value.code == "E_CATALOG_INVALID"
    assert "label_en" in caught.value.message("es") and "fila 2" in caught.value.message("es")
    assert "row 2" in caught.value.message("en")

    bad_utf8 = catalog_copy(tmp_path, "latin1")
    (bad_utf8 / "states.csv").write_bytes(
        (RESOURCES_DIR / "catalog" / "states.csv").read_text(encoding="utf-8").encode("latin-1")
    )
    gone = catalog_copy(tmp_path, "sin-archivo")
    (gone / "operating_status.csv").unlink()
    for folder, word in ((bad_utf8, "states.csv"), (gone, "operating_status.csv")):
        out, err = io.StringIO(), io.StringIO()
        code = cli.main(["--data-dir", str(pair.hq.data_dir), "catalog", "install", str(folder)], out=out, err=err)
        assert code == 1 and "[E_CATALOG_INVALID]" in err.getvalue() and word in err.getvalue(), err.getvalue()
        assert "Traceback" not in err.getvalue()
    assert installed(pair.hq) == [] and active_setting(pair.hq) == ""
    shutil.rmtree(tmp_path / "latin1")
