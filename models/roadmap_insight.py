"""What the roadmap tells a couple: quarters in which both careers face a
demanding transition at once, and how long each career has led."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from models.calendar import add_months, months_between, quarter_name, quarter_start
from models.partners import Partner
from models.roadmap import RoadmapItem, Season, kinds, shared_lane
from models.roadmap_layout import SHARED, lane_key

_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Clash:
    """A quarter in which two lanes both have something demanding."""
    start: date
    end: date
    reasons: tuple[str, ...]
    item_uuids: tuple[str, ...]

    @property
    def title(self) -> str:
        return f"{quarter_name(self.start)}: demanding transitions at the same time"

    def explanation(self) -> str:
        return self.title + "\n" + "\n".join(f"• {r}" for r in self.reasons)


def _quarters(item: RoadmapItem) -> list[tuple[date, bool]]:
    """The quarters an item makes demanding, each with whether it is a
    transition there (a start or a demanding milestone) or an ongoing load."""
    demanding = kinds()[item.kind].demanding
    first = quarter_start(item.start_date)
    if demanding in ("start", "point"):
        return [(first, True)]
    if demanding == "span":
        result, quarter = [], first
        while quarter <= item.last_date:
            result.append((quarter, quarter == first))
            quarter = add_months(quarter, 3)
        return result
    return []


def _reason(item: RoadmapItem, names: dict[str, str]) -> str:
    kind = kinds()[item.kind]
    key = lane_key(item)
    if key == SHARED:
        return f"{shared_lane()[0]}: {kind.label.lower()} ({item.title})"
    return f"{names[key]} {kind.activity} ({item.title})"


def find_clashes(pair: Sequence[Partner], items: Sequence[RoadmapItem]) -> list[Clash]:
    """Quarters in which a transition in one lane meets something demanding in
    another (both changing jobs, one moving while the other studies…).
    Two ongoing loads alone (both studying) are no clash; dropped items don't count."""
    names = {p.uuid: p.name for p in pair}
    by_quarter: dict[date, list[RoadmapItem]] = defaultdict(list)
    transitions: dict[date, set[str]] = defaultdict(set)
    for item in items:
        if item.status != "dropped":
            for quarter, is_transition in _quarters(item):
                by_quarter[quarter].append(item)
                if is_transition:
                    transitions[quarter].add(lane_key(item))
    clashes = []
    for quarter in sorted(by_quarter):
        found = sorted(by_quarter[quarter], key=lambda i: (i.start_date, i.uuid))
        lanes = {lane_key(i) for i in found}
        if len(lanes) >= 2 and transitions[quarter]:
            clashes.append(Clash(quarter, add_months(quarter, 3),
                                 tuple(_reason(i, names) for i in found),
                                 tuple(i.uuid for i in found)))
    return clashes


@dataclass(frozen=True)
class LeadTime:
    partner: Partner
    #: Months in which this career led, up to today.
    so_far: float
    #: Months in which it leads over the whole plan, past and future.
    in_plan: float


def lead_times(pair: Sequence[Partner], all_seasons: Sequence[Season],
               today: date) -> list[LeadTime]:
    """Career support is reciprocal over time: how the lead has been shared."""
    result = []
    for partner in pair:
        mine = [s for s in all_seasons if s.leader_uuid == partner.uuid]
        # A season's end date is its last day, so it counts too.
        so_far = sum(months_between(s.start_date, min(s.end_date + _DAY, today)) for s in mine)
        total = sum(months_between(s.start_date, s.end_date + _DAY) for s in mine)
        result.append(LeadTime(partner, so_far, total))
    return result


def _months(value: float) -> str:
    count = round(value)
    return f"{count} month" if count == 1 else f"{count} months"


def describe_lead(times: Sequence[LeadTime]) -> str:
    """One sentence on how the lead has been shared, for the couple to see."""
    if not any(t.in_plan for t in times):
        return ("No seasons yet: add one to agree whose career leads when, "
                "and to see how the lead is shared over the years.")
    parts = [f"{t.partner.name}’s career has led {_months(t.so_far)} so far "
             f"({round(t.in_plan)} in the whole plan)" for t in times]
    return "; ".join(parts) + "."


def lead_note(times: Sequence[LeadTime]) -> str:
    """A kind word on the lead balance, beside its picture: an imbalance is
    something to talk about, never a verdict."""
    if not any(t.in_plan for t in times):
        return ("No seasons yet: add one to agree whose career leads when, and see "
                "here how the lead is shared over the years.")
    never = [t for t in times if not round(t.in_plan)]
    if never:
        return (f"{never[0].partner.name}’s career has no season of its own yet: "
                "something to talk about together, not a verdict.")
    waiting = [t for t in times if not round(t.so_far)]
    if waiting:
        return (f"{waiting[0].partner.name}’s turn to lead is still ahead: "
                f"{_months(waiting[0].in_plan)} planned.")
    return "Who has led so far, and who leads over the whole plan."


def lead_uneven_so_far(times: Sequence[LeadTime]) -> str:
    """A sentence when, up to today, one career has led far longer than the
    other (a year or more, and more than twice as long): something to talk
    about, said without a verdict. Empty when the lead has been even enough."""
    if len(times) != 2:
        return ""
    less, more = sorted(times, key=lambda t: t.so_far)
    if more.so_far < 12 or less.so_far * 2 >= more.so_far:
        return ""
    ahead = less.in_plan - less.so_far
    planned = (f" {less.partner.name}’s seasons to come: {_months(ahead)}." if round(ahead)
               else f" No season of {less.partner.name}’s is planned ahead.")
    return (f"So far {more.partner.name}’s career has led {_months(more.so_far)}, "
            f"{less.partner.name}’s {_months(less.so_far)}.{planned}")


def describe_clashes(clashes: Sequence[Clash]) -> str:
    if not clashes:
        return ""
    count = len(clashes)
    quarters = "1 quarter" if count == 1 else f"{count} quarters"
    verb, them = ("is", "it") if count == 1 else ("are", "them")
    return (f"{quarters} with demanding transitions for both of you {verb} shaded red in "
            f"the lanes concerned: hover over {them} to see why.")
