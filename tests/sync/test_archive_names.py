"""Archive copies are named by their hash (issue 9 defect 6).

A valid package whose name is long (250 bytes, or 118 accented letters: 236 bytes in UTF-8)
used to be refused as "the data directory is not writable": its archive copy's name,
prefixed with part of its hash, passed the file system's 255 bytes.
"""

from __future__ import annotations

import io
import shutil

from app.cli import main as cli
from app.services.sync import sync_export
from app.storage import sync_repo
from app.sync import package


def test_packages_with_long_names_import_through_the_cli(pair):
    names = ["NAY_202302_" + "x" * 230 + ".coordina", "Paq_" + "á" * 118 + ".coordina"]
    made = []
    for name in names:
        assert len(name.encode("utf-8")) <= 255 < len(name.encode("utf-8")) + 13
        exported = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True).path
        target = pair.outbox / name
        shutil.move(exported, target)
        made.append(target)

    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(pair.hq.data_dir), "sync", "import", *map(str, made)], out=out, err=err)

    assert code == 0, err.getvalue()
    assert "E_DATA_DIR" not in err.getvalue() and "data_dir" not in err.getvalue()
    assert out.getvalue().count("SUCCESS") + out.getvalue().count("WARNING") == 2, out.getvalue()
    inbox = {e.sequence: e for e in sync_repo.inbox(pair.hq.conn, "data")}
    assert sorted(inbox) == [1, 2]
    for sequence, path in enumerate(made, start=1):
        data = path.read_bytes()
        entry = inbox[sequence]
        archived = pair.hq.data_dir / "archivo" / "18" / f"{package.sha256(data)}.coordina"
        assert entry.archive_path == str(archived)
        assert archived.read_bytes() == data
        assert entry.summary["file"] == str(path)  # the name it arrived with is kept in the row
    assert not [p for p in (pair.hq.data_dir / "archivo" / "18").iterdir() if p.name.startswith(".")]
