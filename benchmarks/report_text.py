"""Report text benchmark: how long do hundreds of user notes take on the page?

Makes N notes (default 300) of C characters (default 500; the same every run),
mixing English, accented Latin, Chinese, Hebrew, Arabic and emoji, and times:

  layout   wrapping every note to a 160 mm column and putting each line in
           display order (report.text.layout), fonts already registered;
  pdf      a whole PDF of those notes as PlainText flowables built with
           SimpleDocTemplate (wrapping, page splits, drawing, font subsets).

Each is the median of 5 runs; the first font registration is timed on its own.
Prints figures, asserts no timing.

Run from the repository root:  .venv/bin/python benchmarks/report_text.py [--notes N] [--chars C]
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import SimpleDocTemplate  # noqa: E402

from report import fonts  # noqa: E402
from report.text import PlainText, TextStyle, layout  # noqa: E402

# Words drawn from these alphabets, so that few repeat (as in real notes).
ALPHABETS = ("abcdefghijklmnopqrstuvwxyz", "àéèêëïîôöüçñåøł", "我们一起规划两个人的职业生涯互相支持",
             "אבגדהוזחטיכלמנסעפצקרשת", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي", "🌱🚀", "0123456789",
             "<>&()")


def notes(count: int, length: int) -> list[str]:
    chooser = random.Random(12)
    made = []
    for _ in range(count):
        words: list[str] = []
        while sum(len(word) + 1 for word in words) < length:
            alphabet = chooser.choice(ALPHABETS)
            words.append("".join(chooser.choice(alphabet) for _ in range(chooser.randint(2, 9))))
        made.append(" ".join(words)[:length])
    return made


def median_seconds(work: Callable[[], None], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=300)
    parser.add_argument("--chars", type=int, default=500)
    arguments = parser.parse_args()
    texts = notes(arguments.notes, arguments.chars)
    style = TextStyle(size=10)

    start = time.perf_counter()
    fonts.register_fonts()
    print(f"register fonts (once per process): {time.perf_counter() - start:.3f} s")

    def lay_out() -> None:
        for text in texts:
            layout(text, 160 * mm, style)

    def pdf() -> None:
        SimpleDocTemplate(io.BytesIO(), pagesize=A4).build(
            [PlainText(text, style) for text in texts])

    lay_out()  # every character's font and width looked up once
    print(f"{arguments.notes} notes of {arguments.chars} characters:")
    print(f"  layout  {median_seconds(lay_out) * 1000:7.1f} ms")
    print(f"  pdf     {median_seconds(pdf) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
