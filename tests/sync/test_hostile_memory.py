"""An unsigned file must not cost memory or time (issue 9 defect 5).

A 21 MiB zip whose 200 extra entries inflate to 1,000 MiB (each under the ratio cap, the
total under the size cap) used to be unpacked whole before its signature was looked at:
1.4 GB and 22 s. The reader now inflates only the manifest and its signature (capped), and
the entries only once the signer checked out. Measured in a child process: its peak
resident memory (VmHWM) and the time of the import itself.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.services.sync import sync_export
from app.sync import package
from tests.sync.forge import entries, write
from tests.sync.zipcraft import deflated, raw_zip

ROOT = Path(__file__).resolve().parents[2]
BOMBS = 200
BOMB_SIZE = 5 << 20  # 200 × 5 MiB = 1,000 MiB: under the 1 GiB total cap
PEAK_LIMIT = 200 << 20

PROBE = """
import json, sys, time
from app.cli import main as cli
start = time.perf_counter()
code = cli.main(sys.argv[1:])
took = time.perf_counter() - start
peak = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print(json.dumps({"code": code, "seconds": took, "peak": int(peak) * 1024}), file=sys.stderr)
"""


def _bomb_body() -> tuple[bytes, int, int]:
    # ~100 KiB of noise, then zeros: a ratio of ~50, well under the cap of 200.
    return deflated(os.urandom(100 << 10) + bytes(BOMB_SIZE - (100 << 10)))


def crafted(valid: bytes, list_them: bool) -> bytes:
    """The valid package's entries plus 200 bombs; ``list_them`` adds them to the manifest
    (its signature, the original one, then no longer matches)."""
    files = entries(valid)
    body, crc, size = _bomb_body()
    names = [f"pdf/anexo_{i:03d}.pdf" for i in range(BOMBS)]
    if list_them:
        manifest = json.loads(files["manifest.json"])
        manifest["files"].update({name: "0" * 64 for name in names})
        files["manifest.json"] = package.canonical(manifest)
    plain = [(name, *deflated(data)) for name, data in files.items()]
    return raw_zip(plain + [(name, body, crc, size) for name in names])


def _probe(data_dir: Path, path: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "--data-dir", str(data_dir), "sync", "import", "--json", str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert "Traceback" not in done.stderr, done.stderr
    measured = json.loads(done.stderr.strip().splitlines()[-1])
    measured["summary"] = json.loads(done.stdout)
    return measured


@pytest.mark.parametrize(("list_them", "code"), [(False, "E_EXTRA_FILE"), (True, "E_SIGNATURE")])
def test_an_unsigned_bomb_is_refused_quickly_in_little_memory(pair, list_them, code):
    valid = sync_export.export_package(pair.state, pair.outbox, pair.identity, full=True).path.read_bytes()
    data = crafted(valid, list_them)
    assert len(data) > 20 << 20
    path = write(pair.outbox, "bomba.coordina", data)
    measured = _probe(pair.hq.data_dir, path)
    assert measured["code"] == 1
    assert [c["errorCode"] for c in measured["summary"]["conflicts"]] == [code], measured["summary"]
    assert measured["peak"] < PEAK_LIMIT, f"peak {measured['peak'] / 2**20:.0f} MiB"
    assert measured["seconds"] < 5, f"{measured['seconds']:.1f} s"
