"""The README's sync commands, run exactly as written, on two new data directories (issue 11).

The ``sh`` blocks of the README's sync section are read from the README itself and every
command line is run as is, through the shell, as a subprocess (``python main.py ...``),
in the repository's folder. Only the variables the README names are set: the two data
directories, the folder between them, the passphrases' variables, and the fingerprints —
each taken from what the command before printed, as it would be read over the phone.
Nothing here touches either database: HQ knows the state's units only from its package.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SECTION = "### Sync between a state and headquarters"
#: A readable fingerprint as Coordina prints it: 16 groups of 4 hexadecimal digits.
FINGERPRINT = re.compile(r"\b[0-9A-F]{4}(?: [0-9A-F]{4}){15}\b")
#: Which printed fingerprint each placeholder is (the command that prints it → the variable).
HEARD = {"hq-profile export": "HQ_FINGERPRINT", "enrol export": "ENROL_FINGERPRINT"}


def readme_commands() -> list[str]:
    """The command lines of the ``sh`` blocks of the README's sync section, in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(SECTION)
    following = re.search(r"^#{2,3} ", text[start + len(SECTION) :], re.MULTILINE)
    section = text[start : start + len(SECTION) + following.start()] if following else text[start:]
    blocks = re.findall(r"^```sh\n(.*?)^```", section, re.MULTILINE | re.DOTALL)
    assert blocks, "the README's sync section has no sh block"
    return [
        line for block in blocks for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]


def test_the_readme_sync_section_is_a_complete_runnable_sequence():
    commands = readme_commands()
    joined = "\n".join(commands)
    for step in (
        "init --role hq",
        "hq-profile export",
        "init --role state --state 18",
        " demo",
        "hq-profile import",
        "identity create",
        "enrol export",
        "enrol import",
        'sync export --out "$USB" --full --sign',
        "sync import",
        "sync ack",
        "sync update",
    ):
        assert step in joined, step
    assert all(c.startswith(("python main.py ", "cmp ")) for c in commands), commands
    assert not re.search(r"\[--|\bFILE\b|\bUSB\b(?!\")|\.\.\.", joined.replace('"$USB', "")), (
        "placeholders left in the runnable block"
    )


def test_the_readme_sync_commands_run_as_written_on_two_new_data_directories(tmp_path):
    started = time.monotonic()
    env = {k: v for k, v in os.environ.items() if not k.startswith("COORDINA_")}
    usb = tmp_path / "usb"
    usb.mkdir()
    env.update(
        {
            "HQ": str(tmp_path / "oficinas-centrales"),
            "STATE": str(tmp_path / "nayarit"),
            "USB": str(usb),
            "HQ_PASS": "frase de paso de oficinas centrales",
            "ANA_PASS": "frase de paso de Ana",
            # ``python`` is this interpreter, as `make run`'s .venv would be first on the PATH.
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
            "QT_QPA_PLATFORM": "offscreen",
            "HQ_FINGERPRINT": "",
            "ENROL_FINGERPRINT": "",
        }
    )
    for command in readme_commands():
        done = subprocess.run(["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"{command}\nexit {done.returncode}\n{done.stdout}\n{done.stderr}"
        assert "Traceback" not in done.stderr, done.stderr
        for step, variable in HEARD.items():
            if f" {step} " in command:
                printed = FINGERPRINT.findall(done.stdout)
                assert printed, f"{command} printed no fingerprint:\n{done.stdout}"
                env[variable] = printed[0]
        if " sync import " in command and '"$HQ"' in command:
            assert "SUCCESS" in done.stdout and "unidades nuevas" in done.stdout, done.stdout

    # What the README's last line compared, compared here too: HQ holds the state's values.
    hq_values = (usb / "oc-18.csv").read_bytes()
    assert hq_values == (usb / "nayarit-18.csv").read_bytes()
    assert hq_values.count(b"\n") > 50_000
    # ~40 s on an idle machine (17 commands, ~1.6 s of start-up each); the bound is for a busy one.
    assert time.monotonic() - started < 240, "keep the README's sequence quick"
