"""Issue 11 holes 1 and 10, attacker's view: what a copied backup, a local account or a
worker process can read of HQ's private keys and passphrases."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cli import main as cli
from app.services import worker_env
from app.services.files import backup
from app.services.summary import identity as identities
from app.services.sync import sync_keys, sync_profile
from app.services.sync.sync_reader import PartReader
from app.services.workspace import open_workspace
from app.storage.database import DB_FILENAME
from app.sync.errors import SyncError
from tests.conftest import dump

HQ_PASS = "caballo-correcto-bateria"
VAR = "COORDINA_TEST_HQ_PASS"


def _raw_keys(ws) -> list[bytes]:
    keys = sync_profile.hq_keys(ws)
    assert len(keys.sign_private) == 32 and len(keys.enc_private) == 32
    return [keys.sign_private, keys.enc_private]


def _files_bytes(*paths: Path) -> bytes:
    return b"".join(p.read_bytes() for p in paths if p.exists())


def _db_files(folder: Path) -> list[Path]:
    return [folder / DB_FILENAME, folder / f"{DB_FILENAME}-wal", folder / f"{DB_FILENAME}-shm"]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _cli(data_dir: Path, *argv: str) -> tuple[int, str, str]:
    import io

    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(data_dir), *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# -- hole 1: keys under a passphrase --------------------------------------------------------


def test_backup_of_a_new_hq_holds_no_raw_private_key(tmp_path: Path):
    ws = open_workspace(tmp_path / "hq")
    sync_profile.init_profile(ws, "hq", passphrase=HQ_PASS.encode())
    raw = _raw_keys(ws)  # unlocked in this session
    made = backup.backup_now(ws)
    ws.close()
    stolen = _files_bytes(made, *_db_files(tmp_path / "hq"))
    for key in raw:
        assert key not in stolen, "a 32-byte private key is readable in the database or its backup"


def test_raw_keys_from_before_are_wrapped_on_first_use_and_leave_the_file(tmp_path: Path):
    ws = open_workspace(tmp_path / "hq")
    sync_profile.init_profile(ws, "hq")  # no passphrase: the layout of a Coordina before issue 11
    raw = _raw_keys(ws)
    assert any(k in _files_bytes(*_db_files(ws.data_dir)) for k in raw)  # the hole, as it was
    assert sync_keys.unlock(ws, HQ_PASS.encode()) is True  # first use with a passphrase wraps them
    assert _raw_keys(ws) == raw  # same keys, still usable
    made = backup.backup_now(ws)
    ws.close()
    after = _files_bytes(made, *_db_files(tmp_path / "hq"))
    for key in raw:
        assert key not in after


def test_locked_keys_are_unusable_without_the_passphrase(tmp_path: Path):
    ws = open_workspace(tmp_path / "hq")
    sync_profile.init_profile(ws, "hq", passphrase=HQ_PASS.encode())
    sync_keys.forget(ws.data_dir)  # a new session
    with pytest.raises(SyncError) as caught:
        sync_profile.hq_keys(ws)
    assert caught.value.code == "E_PASSPHRASE_NEEDED"
    with pytest.raises(SyncError) as caught:
        sync_keys.unlock(ws, b"no-es-la-contrasena")
    assert caught.value.code == "E_PASSPHRASE_WRONG"
    assert sync_keys.passphrase_for(ws.data_dir) is None  # a wrong one is not kept either
    ws.close()


def test_a_short_passphrase_is_refused_and_nothing_is_stored(tmp_path: Path):
    ws = open_workspace(tmp_path / "hq")
    with pytest.raises(SyncError) as caught:
        sync_profile.init_profile(ws, "hq", passphrase=b"1234")
    assert caught.value.code == "E_PASSPHRASE_WEAK"
    assert sync_profile.profile(ws) is None
    ws.close()


def test_wrong_passphrase_in_the_cli_writes_nothing(tmp_path: Path, monkeypatch):
    hq = tmp_path / "hq"
    monkeypatch.setenv(VAR, HQ_PASS)
    assert _cli(hq, "init", "--role", "hq", "--passphrase-env", VAR)[0] == 0
    sync_keys.forget(hq)  # every CLI command is a new process
    ws = open_workspace(hq)
    before = dump(ws.conn)
    ws.close()
    monkeypatch.setenv("WRONG_PASS", "otra-cosa-distinta")
    out = tmp_path / "usb"
    for argv in (
        ["hq-profile", "export", "--out", str(out / "hq.json")],
        ["sync", "ack", "--state", "18", "--out", str(out)],
        ["sync", "update", "--state", "18", "--out", str(out)],
        ["hq-profile", "rotate"],
    ):
        code, _text, err = _cli(hq, *argv, "--passphrase-env", "WRONG_PASS")
        assert code == 1 and "E_PASSPHRASE_WRONG" in err and "Traceback" not in err, argv
        sync_keys.forget(hq)
    assert not out.exists() or not any(out.iterdir())
    ws = open_workspace(hq)
    assert dump(ws.conn) == before
    ws.close()
    # without any passphrase: told what to give, nothing written either
    code, _text, err = _cli(hq, "hq-profile", "export", "--out", str(out / "hq.json"))
    assert code == 1 and "E_PASSPHRASE_NEEDED" in err and not (out / "hq.json").exists()
    code, _text, err = _cli(hq, "init", "--role", "hq")
    assert code == 1


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_fresh_data_directory_and_its_files_are_owner_only(tmp_path: Path, monkeypatch):
    old = os.umask(0o022)  # the usual default: files 0644, folders 0755
    try:
        hq = tmp_path / "nuevo" / "hq"
        monkeypatch.setenv(VAR, HQ_PASS)
        # a real process, so its log file is configured as a user's would be
        main = Path(__file__).resolve().parents[2] / "main.py"
        done = subprocess.run(
            [sys.executable, str(main), "--data-dir", str(hq), "init", "--role", "hq", "--passphrase-env", VAR],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert _cli(hq, "backup")[0] == 0
        p12 = tmp_path / "firma.p12"
        assert (
            _cli(
                hq,
                "identity",
                "create",
                "--name",
                "Ana",
                "--position",
                "C",
                "--state",
                "18",
                "--out",
                str(p12),
                "--passphrase-env",
                VAR,
            )[0]
            == 0
        )
    finally:
        os.umask(old)
    assert _mode(hq) == 0o700
    for path in _db_files(hq):
        if path.exists():
            assert _mode(path) == 0o600, path
    assert _mode(hq / "backups") == 0o700
    made = [p for p in (hq / "backups").glob("coordina-*.db")]
    assert made and all(_mode(p) == 0o600 for p in made)
    assert _mode(hq / "logs") == 0o700 and _mode(hq / "logs" / "coordina.log") == 0o600
    assert _mode(p12) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_an_older_world_readable_data_directory_is_tightened(tmp_path: Path):
    ws = open_workspace(tmp_path / "hq")
    made = backup.backup_now(ws)
    ws.close()
    for path, mode in ((tmp_path / "hq", 0o755), (tmp_path / "hq" / DB_FILENAME, 0o644), (made, 0o644)):
        os.chmod(path, mode)
    open_workspace(tmp_path / "hq").close()
    assert _mode(tmp_path / "hq") == 0o700
    assert _mode(tmp_path / "hq" / DB_FILENAME) == 0o600
    assert _mode(made) == 0o600


def test_identity_create_never_overwrites_an_existing_p12_silently(tmp_path: Path, monkeypatch):
    data = tmp_path / "estado"
    p12 = tmp_path / "firma.p12"
    monkeypatch.setenv(VAR, HQ_PASS)
    argv = [
        "identity",
        "create",
        "--name",
        "Ana",
        "--position",
        "C",
        "--state",
        "18",
        "--out",
        str(p12),
        "--passphrase-env",
        VAR,
    ]
    assert _cli(data, *argv)[0] == 0
    first = p12.read_bytes()
    code, _out, err = _cli(data, *argv)
    assert code == 1 and str(p12) in err and "--force" in err
    assert p12.read_bytes() == first  # the coordinator's identity is still there
    assert _cli(data, *argv, "--force")[0] == 0
    assert p12.read_bytes() != first
    ws = open_workspace(data)
    with pytest.raises(identities.InputError) as caught:
        identities.create_identity_file(ws, "Ana", "C", "18", p12, HQ_PASS.encode())
    assert caught.value.code == "identity_exists"
    ws.close()


# -- hole 10: worker processes never inherit the passphrase's variable ---------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/<pid>/environ")
def test_worker_process_environment_lacks_the_passphrase_variable(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(VAR, HQ_PASS)
    assert identities.passphrase_from_env(VAR) == HQ_PASS.encode()  # read like --passphrase-env does
    ws = open_workspace(tmp_path / "hq")
    reader = PartReader(ws.catalog, "es", {})
    try:
        reader._start()  # the helper a large `sync import` batch reads with
        # Right after the spawn (before its exec) /proc shows an empty environment: wait for it.
        environ_file = Path(f"/proc/{reader._process.pid}/environ")
        deadline = time.monotonic() + 20
        environ = environ_file.read_bytes().split(b"\0")
        while not any(environ) and time.monotonic() < deadline:
            time.sleep(0.05)
            environ = environ_file.read_bytes().split(b"\0")
    finally:
        reader.close()
        ws.close()
    names = {item.split(b"=", 1)[0] for item in environ if item}
    assert b"PATH" in names  # we did read the worker's environment
    assert VAR.encode() not in names
    assert os.environ[VAR] == HQ_PASS  # this process keeps it for a later command
    assert VAR in worker_env.registered()
