"""Backups benchmark: do automatic backups slow opening or editing?

For the example plan and a generated plan of N roadmap items (default 500, from
benchmarks/roadmap.py, with a note of C characters on each item standing in for
what the other views add), measures, median of R runs (default 15):

  interface thread   what the window does on its own thread as a plan opens
                     (AutoBackups.plan_opened: the plan's image, a stat, queueing
                     the job) and as it closes after changes (plan_closing):
                     the target is under 50 ms;
  worker             writing the backup off the interface thread, as the worker
                     does it: BackupStore.write (SQLite's backup API into a hidden
                     file, fsync, rename, the record, rotation), its processor
                     time (the worker holds Python's lock at most that long),
                     and the whole round trip until the window hears of it;
  an edit            one roadmap edit (PlanFile.apply, which commits with a full
                     sync) alone, and while backups are being written one after
                     another on the worker (what "editing is not slowed" means);
  if on one thread   for comparison: a backup made on the interface thread
                     through PlanFile.snapshot() (the checks of a snapshot) and
                     copy_to(), and PlanFile.copy_to() alone;
  the dialog         reading the summaries of 12 backups for Restore from
                     Backup… (off the interface thread too).

Uses QT_QPA_PLATFORM=offscreen and a temporary folder for the plans, HOME and
the backups (on the same disk as the temporary folder, fsync included).
Prints figures; asserts no timing.

Run from the repository root:  .venv/bin/python benchmarks/backups.py [--items N] [--notes C] [--runs R]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

import resources
from models.backups import BackupStore, Reason, plan_identity
from models.exchange import rows_from_dict
from models.plan_file import PlanFile
from models.privacy import TOGETHER
from models.roadmap import RoadmapItem, edit_entry, roadmap_items

TARGET_MS = 50


class Clock:
    """A day later at each call, so that every open is due a backup."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 5, 9, 0).astimezone()

    def __call__(self) -> datetime:
        self.now += timedelta(days=1)
        return self.now


def add_notes(path: Path, characters: int) -> None:
    if not characters:
        return
    with PlanFile.open(path) as plan:
        edit: tuple = ()
        for number, item in enumerate(roadmap_items(plan, TOGETHER)):
            text = (f"Note {number}: what we agreed, who asked whom, the numbers. " * 40)
            edit += edit_entry(item, notes=text[:characters])
        plan.apply(edit, TOGETHER)


def ms(values: list[float]) -> str:
    return (f"{statistics.median(values) * 1000:>8.1f} ms  (min {min(values) * 1000:.1f}, "
            f"max {max(values) * 1000:.1f})")


def timed(work: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        work()
        times.append(time.perf_counter() - t0)
    return times


def measure(name: str, path: Path, base: Path, runs: int) -> None:
    from ui.document import PlanDocument
    from ui.window.backups import AutoBackups

    app = QCoreApplication.instance()
    assert app is not None
    size = path.stat().st_size
    with PlanFile.open(path) as plan:
        items = len(roadmap_items(plan, TOGETHER))
    print(f"\n{name}: {items} roadmap items, {size / 1024:.0f} KiB")

    backups = AutoBackups()
    backups.base = base / name
    backups.clock = Clock()
    opened, closed, round_trip = [], [], []
    for _ in range(runs):
        document = PlanDocument(PlanFile.open(path))
        heard: list[float] = []
        backups.written.connect(lambda _b, h=heard: h.append(time.perf_counter()))
        t0 = time.perf_counter()
        backups.plan_opened(document)
        opened.append(time.perf_counter() - t0)
        while not heard:
            app.processEvents()
        round_trip.append(heard[0] - t0)
        backups._changed = True  # as after an edit
        t0 = time.perf_counter()
        backups.plan_closing(document)
        closed.append(time.perf_counter() - t0)
        backups.wait()
        app.processEvents()
        backups.written.disconnect()
        document.close()
    print("  interface thread")
    print(f"    on opening (image, stat, queue)   {ms(opened)}")
    print(f"    on closing after changes          {ms(closed)}")
    worst = max(statistics.median(opened), statistics.median(closed)) * 1000
    print(f"    target: under {TARGET_MS} ms ({'within' if worst < TARGET_MS else 'OVER'})")

    store = BackupStore(base / f"{name} direct", Clock())
    with PlanFile.open(path) as plan:
        write, cpu = [], []
        for _ in range(runs):
            job = store.prepare(plan, Reason.OPENED)
            c0, t0 = time.thread_time(), time.perf_counter()
            store.write(job)
            write.append(time.perf_counter() - t0)
            cpu.append(time.thread_time() - c0)
        item = roadmap_items(plan, TOGETHER)[0]
        flip = iter(range(10 ** 6))

        def edit() -> None:
            current = plan.read(select(RoadmapItem).where(RoadmapItem.uuid == item.uuid),
                                TOGETHER)[0]
            plan.apply(edit_entry(current, title=f"Edited {next(flip)}"), TOGETHER)

        alone = timed(edit, runs * 2)
        busy_store = BackupStore(base / f"{name} busy", Clock())
        worker = AutoBackups()
        worker.base, worker.clock = busy_store.base, busy_store.clock
        jobs = [busy_store.prepare(plan, Reason.OPENED) for _ in range(runs * 4)]
        for job in jobs:
            worker._back_up(job)
        during = timed(edit, runs * 2)
        worker.wait()
        app.processEvents()
        snapshot_copy = timed(lambda: plan.snapshot().copy_to(base / "via-snapshot.tandem"), runs)
        direct_copy = timed(lambda: plan.copy_to(base / "direct.tandem"), runs)
    print("  worker (off the interface thread)")
    print(f"    writing the backup                {ms(write)}")
    print(f"      of which processor time         {ms(cpu)}  (the most it can take "
          "from the interface thread: the rest is waiting for the disk)")
    print(f"    opening until the window hears    {ms(round_trip)}")
    print("  an edit (apply and commit)")
    print(f"    alone                             {ms(alone)}")
    print(f"    while backups are being written   {ms(during)}")
    print("  if it were made on the interface thread")
    print(f"    snapshot() and copy_to()          {ms(snapshot_copy)}")
    print(f"    copy_to() alone                   {ms(direct_copy)}")

    fixed = datetime(2026, 1, 5, 9, 0).astimezone()
    listing_store = BackupStore(base / f"{name} listing", lambda: fixed)  # all 12 kept
    with PlanFile.open(path) as plan:
        for _ in range(12):
            listing_store.back_up(plan, Reason.BEFORE_RESTORE)
        identity = plan_identity(plan)
    listing, first = [], []
    for _ in range(3):
        heard: list[float] = []
        t0 = time.perf_counter()
        result = listing_store.listing(identity, lambda _item, h=heard: h.append(
            time.perf_counter()))
        listing.append(time.perf_counter() - t0)
        first.append(heard[0] - t0)
    print(f"  the dialog (off the interface thread), {len(result.backups)} backups")
    print(f"    the latest shown after            {ms(first)}")
    print(f"    all read and checked after        {ms(listing)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=500, help="roadmap items in the big plan")
    parser.add_argument("--notes", type=int, default=600,
                        help="characters of note on each item (the other views' content)")
    parser.add_argument("--runs", type=int, default=15, help="measured runs of each")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="tandem-bench-") as tmp:
        scratch = Path(tmp)
        home = scratch / "home"
        os.environ.update(QT_QPA_PLATFORM="offscreen", HOME=str(home),
                          XDG_CONFIG_HOME=str(home / "config"),
                          XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"))
        app = QCoreApplication([sys.argv[0]])
        print(f"Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}, "
              f"{os.cpu_count()} cores; backups in {tmp}")
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from roadmap import make_plan  # the roadmap benchmark's plan generator

        example = scratch / "example.tandem"
        PlanFile.create(example, rows_from_dict(
            resources.load_json("examples/rachel-and-marcus.json"))).close()
        big = scratch / "big.tandem"
        make_plan(big, options.items, seed=1)
        add_notes(big, options.notes)
        measure("The example plan", example, scratch / "backups", options.runs)
        measure(f"A {options.items}-item plan", big, scratch / "backups", options.runs)
        del app
    print(f"\n(made {date.today().isoformat()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
