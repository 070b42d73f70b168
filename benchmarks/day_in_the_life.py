"""Day in the Life benchmark: does a section holding a megabyte of text stay responsive?

Stores 1 MB of prose (paragraphs of 20 to 120 words, the same every run) in one
section of Ana's vision, shows it in a 1200x800 Day in the Life tab with Ana at the
keyboard, then measures:

  keystroke   K key presses (default 60; QTest on the editor, the cursor at the end,
              in the middle and at the start of the text), each timed as the key
              event, everything Tandem does on it (the length check of the text
              field, the pause timer of the live text, the word count's timer) and
              a synchronous repaint of the editor: one frame. Target: under 16 ms.
  commit      B bursts (default 12) of 20 keystrokes, each stored as after a pause
              (LiveText.flush): building the edit (carrying the section's marks
              along), applying it to the file with its checks and a durable commit,
              pushing and merging the undo step, and refreshing the tab. Target:
              under 100 ms.

Also, for information: pasting the megabyte into an empty section, counting its
words, and a keystroke in a megabyte written as one paragraph without line breaks
(Qt lays out a paragraph as a whole: that is the worst case, and it is Qt's).

Uses QT_QPA_PLATFORM=offscreen (or --platform xcb) and a temporary folder for the
plan and HOME; the commit time includes the disk's fsync of that folder. Prints
figures, asserts no timing.

Run from the repository root:  .venv/bin/python benchmarks/day_in_the_life.py [--keys K] [--bursts B]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtTest import QTest

from models.base import new_uuid
from models.partners import new_plan_rows, partners
from models.plan_file import PlanFile
from models.privacy import Viewer
from models.vision_edits import new_mark, store_section
from models.visions import Scenario, visions, word_count
from ui.app import make_application
from ui.day_in_the_life.tab import DayInTheLifeTab
from ui.document import PlanDocument

MEGABYTE = 1_000_000
KEY_TARGET_MS, COMMIT_TARGET_MS = 16, 100
WORDS = ["the", "quiet", "morning", "train", "to", "office", "where", "we", "plan", "our",
         "day", "together", "with", "coffee", "and", "a", "long", "walk", "by", "lake",
         "before", "meeting", "clients", "school", "run", "dinner", "bedtime", "story",
         "weekend", "market"]


def prose(size: int, seed: int = 1, paragraphs: bool = True) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        part = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 120))).capitalize()
        parts.append(part + ".")
        total += len(part) + 2
    return ("\n" if paragraphs else " ").join(parts)[:size]


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return (f"median {statistics.median(ordered):6.1f} ms   p95 {p95:6.1f} ms   "
            f"max {ordered[-1]:6.1f} ms   (n={len(ordered)})")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=60)
    parser.add_argument("--bursts", type=int, default=12)
    parser.add_argument("--platform", default="offscreen")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tandem-bench-"))
    os.environ["HOME"] = str(folder)
    os.environ.setdefault("QT_QPA_PLATFORM", args.platform)
    app = make_application(sys.argv[:1])

    path = folder / "Ana & Bo.tandem"
    plan = PlanFile.create(path, new_plan_rows("Ana", "Bo"))
    ana, bo = (Viewer.partner(p.uuid) for p in partners(plan))
    scenario = Scenario(uuid=new_uuid(), title="A workday five years from now", position=0)
    text = prose(MEGABYTE)
    plan.apply(store_section(plan, ana, scenario, "commute", text), ana)
    plan.apply(store_section(plan, bo, scenario, "commute", "Bo's morning."), bo)
    plan.close()

    document = PlanDocument(PlanFile.open(path))
    tab = DayInTheLifeTab()
    tab.resize(1200, 800)
    tab.show()
    started = time.perf_counter()
    tab.set_document(document)
    document.set_viewer(ana)
    app.processEvents()
    print(f"Day in the Life benchmark: {len(text):,} characters in one section "
          f"({len(text.encode()):,} bytes), Qt platform {app.platformName()}")
    print(f"  show the tab with it       {(time.perf_counter() - started) * 1000:8.1f} ms")
    pane = tab.writing.panes["commute"]
    editor = pane.editor
    live = tab.writing._lives["commute"]
    live._timer.setInterval(3_600_000)  # only the bursts below store
    editor.setFocus()
    app.processEvents()

    def press(where: str) -> float:
        cursor = editor.textCursor()
        if where == "end":
            cursor.movePosition(cursor.MoveOperation.End)
        elif where == "start":
            cursor.movePosition(cursor.MoveOperation.Start)
        else:
            cursor.setPosition(editor.document().characterCount() // 2)
        editor.setTextCursor(cursor)
        app.processEvents()

        def key() -> None:
            QTest.keyClick(editor, Qt.Key.Key_A)
            editor.viewport().repaint()

        return timed(key)

    places = ("end", "middle", "start")
    keys = [press(places[i % 3]) for i in range(args.keys)]
    print(f"  keystroke (one frame)      {summary(keys)}   target < {KEY_TARGET_MS} ms")
    for index, place in enumerate(places):
        print(f"    … at the {place:6}            {summary(keys[index::3])}")

    # Two marks on the section, so the commit carries them along as a real one does.
    plan = document.plan
    plan.apply(store_section(plan, ana, scenario, "commute", editor.raw_text()), ana)
    live.show(editor.raw_text())
    for viewer in (ana, bo):
        from models.reveal import mark_done

        plan.apply(mark_done(plan, viewer, scenario.uuid), viewer)
    mine = visions(plan, ana, scenario.uuid)[ana.partner_uuid]
    middle = len(mine.commute) // 2
    plan.apply(new_mark(plan, ana, mine, "commute", 10, 40, "synergy", "start"), ana)
    plan.apply(new_mark(plan, ana, mine, "commute", middle, middle + 40, "conflict", "mid"), ana)
    document.set_viewer(bo)
    document.set_viewer(ana)  # the tab shows the state as stored
    live = tab.writing._lives["commute"]
    live._timer.setInterval(3_600_000)
    editor.setFocus()
    app.processEvents()
    commits = []
    for burst in range(args.bursts):
        cursor = editor.textCursor()
        cursor.setPosition(editor.document().characterCount() * (burst % 4 + 1) // 6)
        editor.setTextCursor(cursor)
        for _ in range(20):
            QTest.keyClick(editor, Qt.Key.Key_B)
        app.processEvents()
        commits.append(timed(live.flush))
    print(f"  commit a burst (20 keys)   {summary(commits)}   target < {COMMIT_TARGET_MS} ms")
    steps = document.undo_stack.count()
    stored = visions(document.plan, ana, scenario.uuid)[ana.partner_uuid].commute
    print(f"  stored whole: {stored == editor.raw_text()} ({len(stored):,} characters), "
          f"{steps} undo steps")

    # For information.
    notes = tab.writing.panes["notes"].editor
    data = QMimeData()
    data.setText(text)
    notes.setFocus()
    print(f"  paste 1 MB into a section  {timed(lambda: notes.insertFromMimeData(data)):8.1f} ms")
    print(f"  count its words            {timed(lambda: word_count(text)):8.1f} ms "
          "(after a pause in typing, above 50,000 characters)")
    one_line = tab.writing.panes["tasks"].editor
    one_line.setPlainText(prose(MEGABYTE, paragraphs=False))
    one_line.setFocus()
    cursor = one_line.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    one_line.setTextCursor(cursor)
    app.processEvents()

    def one_key() -> None:
        QTest.keyClick(one_line, Qt.Key.Key_A)
        one_line.viewport().repaint()

    worst = [timed(one_key) for _ in range(3)]
    print(f"  keystroke, 1 MB in one paragraph (Qt's layout)   {summary(worst)}")
    tab.set_document(None)
    document.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
