"""Start Tandem: ``python main.py [PLAN_FILE]``; or make the counselor report
with no window: ``python main.py export PLAN REPORT.pdf`` (see ``--help``)."""

from __future__ import annotations

import gc
import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv if argv is None else argv
    if len(argv) > 1 and argv[1] == "export":
        # Before anything imports Qt: an export needs no display.
        from report.cli import main as export

        return export(argv[2:])
    hold_garbage_collection()
    from ui.app import main as start

    return start(argv)


def hold_garbage_collection() -> None:
    """Starting the app makes hundreds of thousands of objects that live as
    long as it does (modules, classes, Qt's enums, the open plan); Python's
    cyclic garbage collector would walk them all several times over before
    the window shows (some 40 ms, benchmarks/startup.py). It waits until the
    window has painted (ui.app.start_window turns it back on)."""
    gc.disable()


if __name__ == "__main__":
    sys.exit(main())
