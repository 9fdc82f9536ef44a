"""An English-speaking user reads sync import summaries and catalog refusals in English.

Real packages between a real state and HQ (the ``pair`` fixture); ``ws.lang`` is what
``--lang en`` or the app's language setting gives the services.
"""

from __future__ import annotations

import re

import pytest

from app import RESOURCES_DIR
from app.services.facilities import catalog_install
from app.services.facilities.catalog_install import CatalogError
from app.services.sync import sync_ack, sync_export, sync_import
from tests.sync.test_catalog_update import DROPPED, catalog_copy, drop_variable

#: Words that only a Spanish sentence of these messages would hold.
SPANISH = re.compile(
    r"«|»|\b(paquete|catálogo|valores|unidades|metas|no se|ya importado|anterior|ninguno)\b", re.IGNORECASE
)


def test_an_english_import_summary_is_english(pair):
    pair.hq.lang = "en"
    made = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True)
    [first] = sync_import.import_packages(pair.hq, [made.path])
    assert first.ok and "values applied" in first.summary["description"]
    [again] = sync_import.import_packages(pair.hq, [made.path])
    assert again.summary["description"].startswith("Package already imported on")
    not_zip = pair.outbox / "nota.coordina"
    not_zip.write_bytes(b"no soy un zip")
    [refused] = sync_import.import_packages(pair.hq, [not_zip])
    assert refused.summary["status"] == "ERROR"
    assert (
        "[E_NOT_ZIP]" in refused.summary["description"] and "not a Coordina package" in refused.summary["description"]
    )
    for summary in (first.summary, again.summary, refused.summary):
        assert not SPANISH.search(summary["description"]), summary["description"]


def test_an_english_catalog_notice_in_an_update_is_english(pair):
    pair.state.lang = "en"
    made = sync_ack.make_update(pair.hq, "18", pair.outbox, catalog_dir=RESOURCES_DIR / "catalog")
    [result] = sync_import.import_packages(pair.state, [made])
    [note] = result.summary["conflicts"]
    assert note["errorCode"] == "W_CATALOG_NOT_NEWER"
    assert "is not newer than the active one" in note["value"] and note["object"].startswith("catalog ")
    assert "targets" in result.summary["description"], result.summary["description"]
    assert not SPANISH.search(result.summary["description"]), result.summary["description"]
    assert not SPANISH.search(note["value"]), note["value"]


def test_english_catalog_install_refusals_are_english(pair, tmp_path):
    pair.state.lang = "en"
    with pytest.raises(CatalogError) as same:
        catalog_install.install_catalog(pair.state, RESOURCES_DIR / "catalog")
    assert "is the same version as the active one" in same.value.message("en")
    with pytest.raises(CatalogError) as drops:
        catalog_install.install_catalog(pair.state, catalog_copy(tmp_path, "sin-urgencias", edit=drop_variable))
    english = drops.value.message("en")
    assert drops.value.code == "E_CATALOG_DROPS_DATA"
    assert f"the variable '{DROPPED}' (" in english and " values)" in english
    assert not SPANISH.search(english), english
    assert f"la variable «{DROPPED}»" in drops.value.message("es")  # the Spanish text is unchanged
    with pytest.raises(CatalogError) as folder:
        catalog_install.install_catalog(pair.state, tmp_path / "no-such-folder")
    assert folder.value.message("en").endswith("the catalog is not valid: not a folder")
