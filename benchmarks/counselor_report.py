"""Counselor report benchmark: how long does making the PDF take?

Measures, for the example plan and for a generated plan of 500 roadmap items,
50 opportunities (scored by both over 8 criteria, revealed) and 12 revealed
check-ins (the same plan every run):

  in the app       build_report() in a process that has made a report before
                   (fonts registered, matplotlib loaded): what File ▸ Export
                   Report… costs from the second time on (median of 5 runs);
  first report     the same in a fresh process, with its imports and the fonts
                   (median of 3 fresh processes);
  tandem export    the whole command, ``python main.py export PLAN PDF``, as a
                   process (median of 3).

Targets (issue #12): the example under 1 s and the generated plan under 4 s.
Prints figures; asserts no timing.

Run from the repository root:  .venv/bin/python benchmarks/counselor_report.py
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 24)


def make_example(path: Path) -> None:
    import resources
    from models.exchange import rows_from_dict
    from models.plan_file import PlanFile

    PlanFile.create(path, rows_from_dict(resources.load_json("examples/rachel-and-marcus.json"))
                    ).close()


def make_large(path: Path, items: int, opportunities: int, checkins: int, seed: int) -> None:
    """``items`` roadmap items over 1995–2045 with 12 seasons, ``opportunities``
    scored by both over 8 criteria, ``checkins`` quarterly check-ins rated by
    both: everything revealed, so the report has all of it to print."""
    from models import checklist
    from models import opportunities as opp
    from models.calendar import add_months
    from models.changes import Edit
    from models.partners import new_plan_rows, partners
    from models.plan_file import PlanFile
    from models.privacy import TOGETHER, Viewer
    from models.roadmap import milestone_kinds, new_item, new_season, phase_kinds

    rng = random.Random(seed)
    first, last = date(1995, 1, 1), date(2045, 12, 31)
    plan = PlanFile.create(path, new_plan_rows("Ana", "Bo"))
    pair = [p.uuid for p in partners(plan)]
    edit: Edit = ()
    for number in range(items):
        start = first + timedelta(days=rng.randrange((last - first).days - 31))
        lane = rng.choice([*pair, None])
        if rng.random() < 0.6:
            kind = rng.choice(phase_kinds())
            end: date | None = min(add_months(start, rng.randint(1, 48)), last)
        else:
            kind, end = rng.choice(milestone_kinds()), None
        edit += new_item(kind.id, f"{kind.label} {number}", start, end, lane,
                         notes="A note of a sentence or two. " * rng.randint(0, 4),
                         viewer=TOGETHER)
    for number in range(12):
        start = add_months(first, 50 * number)
        edit += new_season(pair[number % 2], f"Season {number + 1}", start,
                           add_months(start, 36))
    plan.apply(edit, TOGETHER)
    plan.apply(opp.new_criteria(plan, [f"Criterion {n}" for n in range(8)]), TOGETHER)
    criteria = opp.criteria(plan)
    viewers = [Viewer.partner(uuid) for uuid in pair]
    edit = ()
    for number in range(opportunities):
        edit += opp.new_opportunity(f"Opportunity {number}", date(2026, 1, 1) +
                                    timedelta(days=number), partner_uuid=rng.choice(pair),
                                    salary=rng.randint(50, 300) * 1000, currency="USD")
    plan.apply(edit, TOGETHER)
    uuids = [row.uuid for row in opp.opportunities(plan)]
    for viewer in viewers:
        plan.apply(opp.set_weights(plan, viewer, [(c.uuid, rng.randint(1, 10))
                                                  for c in criteria]), viewer)
        plan.apply(opp.set_scores(plan, viewer, [(o, c.uuid, rng.randint(1, 10))
                                                 for o in uuids for c in criteria]), viewer)
        plan.apply(opp.mark_done_scoring(plan, viewer, uuids), viewer)
    for number in range(checkins):
        held = add_months(date(2023, 12, 1), 3 * number)
        plan.apply(checklist.new_checkin(plan, held, TODAY), TOGETHER)
        row = next(c for c in checklist.checkins(plan) if c.held_on == held)
        for viewer in viewers:
            for indicator in checklist.indicators(plan):
                plan.apply(checklist.rate(plan, viewer, row.uuid, indicator.uuid,
                                          score=rng.randint(1, 5)), viewer)
            plan.apply(checklist.mark_checkin_done(plan, viewer, row.uuid), viewer)
    plan.close()


def in_app(plan_path: Path, target: Path, runs: int) -> list[float]:
    from models.plan_snapshot import open_snapshot
    from report.builder import build_report
    from report.options import ReportOptions

    times = []
    for _ in range(runs + 1):  # the first makes the imports and the fonts ready
        with open_snapshot(plan_path) as plan:
            start = time.perf_counter()
            pages = build_report(plan, target, ReportOptions(), today=TODAY)
            times.append(time.perf_counter() - start)
    print(f"    ({pages} pages, {target.stat().st_size / 1024:.0f} KiB)")
    return times[1:]


FRESH = """
import sys, time
from datetime import date
from pathlib import Path
start = time.perf_counter()
from models.plan_snapshot import open_snapshot
from report.builder import build_report
from report.options import ReportOptions
with open_snapshot(sys.argv[1]) as plan:
    build_report(plan, Path(sys.argv[2]), ReportOptions(), today=date(2026, 11, 24))
print(time.perf_counter() - start)
"""


def fresh(plan_path: Path, target: Path, runs: int) -> list[float]:
    return [float(subprocess.run([sys.executable, "-c", FRESH, str(plan_path), str(target)],
                                 capture_output=True, text=True, check=True, cwd=ROOT
                                 ).stdout.strip()) for _ in range(runs)]


def whole_command(plan_path: Path, target: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "main.py", "export", str(plan_path), str(target)],
                       capture_output=True, check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return times


def show(name: str, times: list[float], target: float | None = None) -> None:
    goal = f"   (target < {target:.0f} s)" if target else ""
    print(f"  {name:16} median {statistics.median(times) * 1000:7.0f} ms, "
          f"best {min(times) * 1000:7.0f} ms{goal}")


def main() -> None:
    command = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    command.add_argument("--items", type=int, default=500)
    command.add_argument("--opportunities", type=int, default=50)
    command.add_argument("--checkins", type=int, default=12)
    args = command.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        example, large = Path(folder) / "example.tandem", Path(folder) / "large.tandem"
        make_example(example)
        started = time.perf_counter()
        make_large(large, args.items, args.opportunities, args.checkins, seed=7)
        print(f"(generated plan made in {time.perf_counter() - started:.1f} s)")
        for name, path, target in (("example plan", example, 1.0),
                                   (f"{args.items} items, {args.opportunities} opportunities, "
                                    f"{args.checkins} check-ins", large, 4.0)):
            print(f"{name}:")
            pdf = Path(folder) / "report.pdf"
            show("in the app", in_app(path, pdf, 5), target)
            show("first report", fresh(path, pdf, 3), target)
            show("tandem export", whole_command(path, pdf, 3))


if __name__ == "__main__":
    main()
