"""``tandem export``: the counselor report made with no window and no display.

It reads a consistent copy of the plan (so it works while the plan is open in
Tandem, on a read-only file and on an older format) and never changes the
plan file. It imports no Qt.
"""

from __future__ import annotations

import argparse
import locale
import os
import sys
from pathlib import Path

from models.errors import TandemError
from report.options import (
    DEFAULT_KEYS,
    KEYS,
    PAGE_SIZES,
    SECTIONS,
    ReportOptions,
    default_page_size,
    ordered,
)

#: Exit codes: 0 the report was written.
PLAN_ERROR = 1  # the plan could not be read (missing, not a plan, damaged, newer…)
USAGE_ERROR = 2  # the command was not understood (argparse's own code)
WRITE_ERROR = 3  # the report could not be written


def parser() -> argparse.ArgumentParser:
    sections = "\n".join(f"  {s.key:16} {s.title}: {s.about}" for s in SECTIONS)
    result = argparse.ArgumentParser(
        prog="tandem export",
        description="Write the counselor report of a Tandem plan as a PDF, with no window. "
                    "Only what both partners have shared goes into it. The plan file is "
                    "never changed; it may be open in Tandem meanwhile.",
        epilog=f"sections, in the order they come:\n{sections}\n\n"
               f"exit codes: 0 written; {PLAN_ERROR} the plan could not be read; "
               f"{USAGE_ERROR} the command was not understood; {WRITE_ERROR} the report "
               "could not be written",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    result.add_argument("plan", type=Path, help="the plan file (.tandem)")
    result.add_argument("report", type=Path, help="the PDF to write (replaced if it exists)")
    result.add_argument("--sections", metavar="KEYS",
                        help="comma-separated sections to include (default: "
                             + ", ".join(DEFAULT_KEYS) + "; the others are personal, so "
                             "they go in only when named): " + ", ".join(KEYS))
    result.add_argument("--page-size", choices=PAGE_SIZES, dest="page_size",
                        help="the paper (default: what your locale uses)")
    result.add_argument("--no-notes", action="store_true",
                        help="leave out the notes written on items, opportunities and check-ins")
    return result


def _locale_page_size() -> str:
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        value = os.environ.get(variable)
        if value:
            return default_page_size(value)
    return default_page_size(locale.getlocale()[0] or "")


def options_from(args: argparse.Namespace, command: argparse.ArgumentParser) -> ReportOptions:
    keys = list(DEFAULT_KEYS)
    if args.sections is not None:
        keys = [key.strip() for key in args.sections.split(",") if key.strip()]
        unknown = [key for key in keys if key not in KEYS]
        if unknown or not keys:
            command.error(f"unknown section {', '.join(unknown) or '(none given)'}; "
                          f"choose from {', '.join(KEYS)}")
    return ReportOptions(sections=ordered(keys), page_size=args.page_size or _locale_page_size(),
                         notes=not args.no_notes)


def main(argv: list[str] | None = None) -> int:
    command = parser()
    args = command.parse_args(sys.argv[1:] if argv is None else argv)
    options = options_from(args, command)
    from models.plan_snapshot import open_snapshot
    from report.builder import ReportWriteError, build_report

    try:
        plan = open_snapshot(args.plan)
    except TandemError as error:
        print(f"tandem export: {error.message}", file=sys.stderr)
        return PLAN_ERROR
    try:
        pages = build_report(plan, args.report, options)
    except ReportWriteError as error:
        print(f"tandem export: {error.message}", file=sys.stderr)
        return WRITE_ERROR
    finally:
        plan.close()
    print(f"Wrote {args.report} ({pages} pages).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
