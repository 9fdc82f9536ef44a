"""``report note`` and ``facilities provisional``: what a coordinator adds to the summary.

    report note --state CODE --period YYYYMM [--section S --text TEXT]   (no --text: list)
    facilities provisional --state CODE [--count CODE (--note TEXT | --clear)]   (no --count: list)

A refusal (unknown section or count, a note too long or not plain text, a closed report)
is an InputError: exit 1 with the reason, nothing written.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from app.models.messages import InputError, table
from app.models.report_details import DEFAULT_PROVISIONAL_NOTE, NOTE_MAX, NOTE_SECTIONS, PROVISIONAL_NOTE_MAX
from app.services.facilities import registry_marks
from app.services.summary import reports
from app.services.workspace import Workspace


def _t(lang: str) -> dict[str, str]:
    return table("cli.report.", lang)


def add_note_parser(report_sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``report note``."""
    p = report_sub.add_parser(
        "note", parents=[common], help="a short note under a section title of the summary (no --text: list)"
    )
    p.add_argument("--state", required=True, metavar="CODE")
    p.add_argument("--period", required=True, metavar="YYYYMM")
    p.add_argument("--section", metavar="S", help=f"one of: {', '.join(NOTE_SECTIONS)}")
    p.add_argument(
        "--text", metavar="TEXT", help=f'plain text, one line, at most {NOTE_MAX} characters; "" deletes the note'
    )
    p.set_defaults(func=cmd_report_note)


def add_provisional_parser(facilities_sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register ``facilities provisional``."""
    p = facilities_sub.add_parser(
        "provisional", parents=[common], help="mark a registry count of a state provisional (**) (no --count: list)"
    )
    p.add_argument("--state", required=True, metavar="CODE")
    p.add_argument("--count", metavar="CODE", help="hospitals_count, unemes_count or health_units_count")
    what = p.add_mutually_exclusive_group()
    what.add_argument(
        "--note",
        metavar="TEXT",
        help=f"footnote text, at most {PROVISIONAL_NOTE_MAX} characters "
        "(default: En proceso de definición con el Gobierno del estado)",
    )
    what.add_argument("--clear", action="store_true", help="the count is no longer provisional")
    p.set_defaults(func=cmd_facilities_provisional)


def cmd_report_note(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Set, delete or list the section notes of a state's month."""
    state = ws.catalog.state(args.state)
    text = _t(ws.lang)
    if args.text is None:
        if args.section:
            raise InputError("required_field", field="--text")
        notes = reports.section_notes(ws, state.code, args.period)
        for section in NOTE_SECTIONS:
            if section in notes:
                print(text["note_line"].format(section=section, text=notes[section]), file=out)
        if not notes:
            print(text["no_notes"].format(state=state.name, period=args.period), file=out)
        return 0
    if not args.section:
        raise InputError("required_field", field="--section")
    stored = reports.set_section_note(ws, state.code, args.period, args.section, args.text)
    key = "note_set" if stored else "note_cleared"
    print(text[key].format(state=state.name, period=args.period, section=args.section.lower(), text=stored), file=out)
    return 0


def cmd_facilities_provisional(ws: Workspace, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Mark, unmark or list the state's provisional registry counts."""
    state = ws.catalog.state(args.state)
    text = _t(ws.lang)
    if not args.count:
        if args.note is not None or args.clear:
            raise InputError("required_field", field="--count")
        marks = registry_marks.provisional_counts(ws, state.code)
        for count, note in marks.items():
            print(text["mark_line"].format(count=count, note=note or DEFAULT_PROVISIONAL_NOTE[ws.lang]), file=out)
        if not marks:
            print(text["no_marks"].format(state=state.name), file=out)
        return 0
    saved_note = registry_marks.set_count_provisional(ws, state.code, args.count, not args.clear, args.note)
    key = "unmarked" if args.clear else "marked"
    print(text[key].format(state=state.name, count=args.count.lower(), note=saved_note), file=out)
    return 0
