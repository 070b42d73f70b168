"""Start Tandem: ``python main.py [PLAN_FILE]``; or make the counselor report
with no window: ``python main.py export PLAN REPORT.pdf`` (see ``--help``)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv if argv is None else argv
    if len(argv) > 1 and argv[1] == "export":
        # Before anything imports Qt: an export needs no display.
        from report.cli import main as export

        return export(argv[2:])
    from ui.app import main as start

    return start(argv)


if __name__ == "__main__":
    sys.exit(main())
