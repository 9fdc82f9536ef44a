"""Child process for the sync import benchmark (own process: its peak memory is its own).

``python -m tests.bench.sync_import_probe WORLD import`` imports every package of a
generated world (``sync_generator``) into a copy of its HQ database, then imports them all
again; ``... WORLD raw`` upserts the same rows with a bare ``executemany`` into the same
schema (rows prepared before the clock starts). Both print one JSON line.
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import threading
import time
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import x25519

from app.models.dhis2 import iter_data_value_rows
from app.services.sync import sync_import, sync_profile
from app.services.workspace import open_workspace
from app.storage.database import connect
from app.sync import crypto, package


def _fresh(world: Path, name: str) -> Path:
    target = world / name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(world / "hq", target)
    return target


def _own_peak_kb() -> int:
    """This process's peak RSS (VmHWM). Not ``ru_maxrss``: after fork and exec that starts
    from the parent's peak (here the pytest process that generated the world)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _watch_children(stop: threading.Event, peaks: dict[str, int]) -> None:
    """Poll the peak RSS (VmHWM, kB) of this process's children until ``stop``.

    ``RUSAGE_CHILDREN`` would not do: a spawned child inherits its parent's peak at fork.
    """
    while not stop.wait(0.2):
        for task in Path("/proc/self/task").iterdir():
            try:
                pids = (task / "children").read_text().split()
            except OSError:
                continue
            for pid in pids:
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        peaks[pid] = max(peaks.get(pid, 0), int(line.split()[1]))


def run_import(world: Path) -> dict:
    peaks: dict[str, int] = {}
    stop = threading.Event()
    watcher = threading.Thread(target=_watch_children, args=(stop, peaks), daemon=True)
    watcher.start()
    ws = open_workspace(_fresh(world, "hq_import"), user="bench")
    paths = sorted(world.glob("*.coordina"))
    start = time.perf_counter()
    results = sync_import.import_packages(ws, paths)
    first = time.perf_counter() - start
    start = time.perf_counter()
    again = sync_import.import_packages(ws, paths)
    second = time.perf_counter() - start
    ws.close()
    assert all(r.summary["status"] == "SUCCESS" for r in results), [r.summary for r in results][:1]
    assert all("ya importado" in r.summary["description"] for r in again)
    return {
        "first_s": first,
        "again_s": second,
        "values": sum(r.summary["importCount"]["imported"] for r in results),
        "peak_mb": _own_peak_kb() / 1024,
        # The part reader runs in a child process: its own peak.
        "reader_peak_mb": _stop(stop, watcher, peaks) / 1024,
    }


def _stop(stop: threading.Event, watcher: threading.Thread, peaks: dict[str, int]) -> int:
    stop.set()
    watcher.join()
    return max(peaks.values(), default=0)


def _rows(doc: dict) -> list[tuple]:
    out = []
    for group in iter_data_value_rows(doc, release=True):
        for r in group:
            side = r[11]
            value = float(r[4]) if r[4] not in (None, "operando") else r[4]
            out.append(
                (
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    value,
                    r[5],
                    int(side["provisional"]),
                    int(r[8]),
                    side["uuid"],
                    side["version"],
                    side["updated_at"],
                    side["updated_by"],
                )
            )
    return out


def run_raw(world: Path) -> dict:
    folder = _fresh(world, "hq_raw")
    ws = open_workspace(folder, user="bench")
    keys = sync_profile.hq_keys(ws)
    private = x25519.X25519PrivateKey.from_private_bytes(keys.enc_private)
    ws.close()
    rows = []
    for path in sorted(world.glob("*.coordina")):
        raw = package.read(path.read_bytes(), path.name)
        for name, _period in package.payload_parts(raw):
            sealed = raw.files[name]
            doc = package.gunzip_json(crypto.open_sealed(sealed, private, package.part_aad(raw.uuid, name)), "x")
            rows.extend(_rows(doc))
    conn = connect(folder / "coordina.db").conn
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO data_values (org_unit, period, variable, disaggregation, value, comment, provisional, "
        "follow_up, uuid, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (org_unit, period, variable, disaggregation) DO UPDATE SET value = excluded.value, "
        "comment = excluded.comment, provisional = excluded.provisional, follow_up = excluded.follow_up, "
        "uuid = excluded.uuid, version = excluded.version, updated_at = excluded.updated_at, "
        "updated_by = excluded.updated_by",
        rows,
    )
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return {"raw_s": elapsed, "values": len(rows)}


if __name__ == "__main__":
    world, mode = Path(sys.argv[1]), sys.argv[2]
    print(json.dumps(run_import(world) if mode == "import" else run_raw(world)))
