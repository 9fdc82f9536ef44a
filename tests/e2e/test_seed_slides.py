"""End to end: every published figure of the seed slides, entered as a coordinator would.

For each slide of :mod:`seed_slides_data` (states the demo does not build: a full template-A
slide, one with provisional marks and a cut-off date, the compact Michoacán and Morelos
slides, and two 2022 template-C slides with "x de y", presence and section notes) a fresh
data directory is filled through the command line, in subprocesses, exactly as documented:
``init``, ``facilities import`` of a generated CLUES file, ``values import`` of a generated
long-format file, ``facilities provisional``, ``report note``, ``report close --fecha-corte``
and ``report pdf --layout``. The PDF's text is read back with ``pdftotext`` and every
published figure must be in it. The table of reproduced figures is printed (``-s``).

The slides run side by side (each is a chain of CLI processes; start-up dominates).
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.e2e.seed_slides_data import SLIDES, Slide, normalise, search

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
#: The slide whose PNG COORDINA_KEEP_SCREENSHOTS=1 keeps in docs/screenshots (summary_seed_<state>.png).
KEPT_PNG = ("guerrero_2023",)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def cli(data_dir: Path, *argv: str) -> str:
    """Run ``python main.py --data-dir D ARGV`` as a coordinator would; its stdout (exit 0 required)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("COORDINA_DATA_DIR", None)
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, f"{argv}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    assert "Traceback" not in done.stderr
    return done.stdout


def clues_file(slide: Slide, path: Path) -> dict[str, list[str]]:
    """A DGIS-layout CLUES file with the slide's units per type; their CLUES by category."""
    categories = {
        "HOSPITAL GENERAL": "hospital",
        "UNIDAD DE ESPECIALIDADES MEDICAS UNEME": "uneme",
        "CENTRO DE SALUD URBANO": "health_unit",
    }
    by_kind: dict[str, list[str]] = {"hospital": [], "uneme": [], "health_unit": []}
    rows = [["CLUES", "NOMBRE DE LA UNIDAD", "ENTIDAD", "MUNICIPIO", "TIPOLOGÍA", "NIVEL DE ATENCIÓN", "INSTITUCIÓN"]]
    number = 0
    for (type_text, level), count in slide.units:
        for index in range(count):
            number += 1
            clues = f"{slide.prefix}IMB{number:06d}"
            by_kind[categories[type_text]].append(clues)
            rows.append(
                [
                    clues,
                    f"{type_text.title()} {index + 1}",
                    slide.state,
                    "Municipio",
                    type_text,
                    level,
                    "IMSS-BIENESTAR",
                ]
            )
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return by_kind


def values_file(slide: Slide, units: dict[str, list[str]], path: Path) -> int:
    """The long-format values file of the slide's month; how many rows it has."""
    rows = slide.values(units)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["org_unit", "period", "variable", "disaggregation", "value", "comment", "provisional"])
        for org, variable, option, value, provisional in rows:
            writer.writerow([org, slide.period, variable, option, value, "", provisional])
    return len(rows)


def enter_and_print(slide: Slide, base: Path) -> Path:
    """Everything a coordinator does for ``slide``, through the CLI; the PDF written."""
    work = base / slide.name
    work.mkdir()
    data = work / "data"
    cli(data, "init", "--role", "state", "--state", slide.state)
    units = clues_file(slide, work / "clues.csv")
    cli(data, "facilities", "import", str(work / "clues.csv"))
    values_file(slide, units, work / "valores.csv")
    cli(data, "values", "import", str(work / "valores.csv"))
    for code, note in slide.provisional.items():
        cli(
            data,
            "facilities",
            "provisional",
            "--state",
            slide.state,
            "--count",
            code,
            *(["--note", note] if note else []),
        )
    for section, text in slide.notes.items():
        cli(
            data,
            "report",
            "note",
            "--state",
            slide.state,
            "--period",
            slide.period,
            "--section",
            section,
            "--text",
            text,
        )
    cli(
        data,
        "report",
        "close",
        "--state",
        slide.state,
        "--period",
        slide.period,
        *(["--fecha-corte", slide.cutoff] if slide.cutoff else []),
    )
    pdf = work / f"{slide.name}.pdf"
    cli(
        data,
        "report",
        "pdf",
        "--state",
        slide.state,
        "--period",
        slide.period,
        "--out",
        str(pdf),
        "--layout",
        slide.layout,
    )
    return pdf


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    """slide name → (PDF, its normalised text); the slides are entered side by side."""
    base = tmp_path_factory.mktemp("seed_slides")
    with ThreadPoolExecutor(max_workers=len(SLIDES)) as pool:
        pdfs = dict(zip([s.name for s in SLIDES], pool.map(lambda s: enter_and_print(s, base), SLIDES), strict=True))
    out = {}
    for name, pdf in pdfs.items():
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        out[name] = (pdf, normalise(text))
    return out


def reproduced(slide: Slide, text: str) -> list[tuple[str, str, bool]]:
    """(reference key, published text, found) for every published figure of ``slide``."""
    return [(e.key, e.published, search(e.pattern, text)) for e in slide.expected]


def test_every_published_figure_is_printed(printed):
    table, missing, total, found = [], [], 0, 0
    for slide in SLIDES:
        results = reproduced(slide, printed[slide.name][1])
        hits = sum(ok for *_, ok in results)
        total, found = total + len(results), found + hits
        table.append(f"{slide.name:<16} {slide.layout:<8} {hits:>3} / {len(results):<3}")
        missing += [f"{slide.name}: {key} «{published}»" for key, published, ok in results if not ok]
    print("\nslide            layout   reproduced / published")
    print("\n".join(table))
    print(f"{'total':<25} {found:>3} / {total}")
    if missing:
        print("not reproduced:\n  " + "\n  ".join(missing))
    assert not missing, "published figures not printed:\n" + "\n".join(missing)


def test_compact_slides_print_no_sin_dato_rows(printed):
    for slide in SLIDES:
        if slide.layout == "compact":
            assert "sin dato" not in printed[slide.name][1], slide.name


def test_each_slide_is_one_page_and_looks_right(printed, tmp_path):
    """One 16:9 page each; the PNGs are rendered for a person to look at (one kept in docs)."""
    for slide in SLIDES:
        pdf = printed[slide.name][0]
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"Pages:\s+1\n", info), (slide.name, info)
        assert "960 x 540 pts" in info, (slide.name, info)
        if shutil.which("pdftoppm") is None:
            continue
        stem = tmp_path / slide.name
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(stem)], check=True)
        png = stem.with_suffix(".png")
        assert png.stat().st_size > 10_000
        if os.environ.get("COORDINA_KEEP_SCREENSHOTS") and slide.name in KEPT_PNG:
            shutil.copy(png, SCREENSHOTS / f"summary_seed_{slide.name.split('_')[0]}.png")
        if os.environ.get("COORDINA_SEED_PNG_DIR"):
            shutil.copy(png, Path(os.environ["COORDINA_SEED_PNG_DIR"]) / png.name)
            shutil.copy(pdf, Path(os.environ["COORDINA_SEED_PNG_DIR"]) / pdf.name)
