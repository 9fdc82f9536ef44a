"""Which command lines start the GUI straight away (without the commands' parser)."""

from __future__ import annotations

import argparse

import pytest

from app.cli.gui_start import gui_arguments


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], {}),
        (["--data-dir", "/tmp/d"], {"data_dir": "/tmp/d"}),
        (["--lang", "en"], {"lang": "en"}),
        (["--data-dir=/x", "--lang=es"], {"data_dir": "/x", "lang": "es"}),
    ],
)
def test_only_global_options_start_the_gui(argv: list[str], expected: dict[str, str]) -> None:
    args = gui_arguments(argv)
    assert isinstance(args, argparse.Namespace)
    assert vars(args) == expected


@pytest.mark.parametrize(
    "argv",
    [
        ["facilities", "list"],  # a command
        ["--data-dir", "/x", "demo"],  # a command after the options
        ["-h"],
        ["--help"],
        ["--lang", "fr"],  # a bad value: the full parser says which are allowed
        ["--data-dir"],  # a missing value
        ["--data", "/x"],  # an abbreviation: the full parser decides what it means
        ["--verbose"],  # unknown
    ],
)
def test_anything_else_goes_to_the_full_parser(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert gui_arguments(argv) is None
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""  # the full parser is the one that speaks
