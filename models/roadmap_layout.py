"""Where things go on the roadmap: lanes, rows, colours, marker shapes and
styles. Plain code, so the screen and the printed report draw the same plan.

Positions along time are left to the renderer (pixels or points per day);
everything else about placement is decided here.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from models.partners import Partner
from models.roadmap import Kind, RoadmapItem, Season, kinds, shared_lane

SHARED = ""  # the lane key of "Our life"


@dataclass(frozen=True)
class Lane:
    #: A partner's UUID, or :data:`SHARED`.
    key: str
    title: str
    color: str
    rows: int


@dataclass(frozen=True)
class Placement:
    uuid: str
    lane: str
    row: int


@dataclass
class RoadmapLayout:
    lanes: list[Lane]
    placements: dict[str, Placement] = field(default_factory=dict)

    def lane(self, key: str) -> Lane:
        return next(lane for lane in self.lanes if lane.key == key)


def lane_key(item: RoadmapItem) -> str:
    return item.partner_uuid or SHARED


def lane_order(pair: Sequence[Partner]) -> list[tuple[str, str, str]]:
    """(key, title, colour) of each lane, top to bottom: one partner, the life
    you share between you, the other partner."""
    title, color = shared_lane()
    return [(pair[0].uuid, pair[0].name, pair[0].color), (SHARED, title, color),
            (pair[1].uuid, pair[1].name, pair[1].color)]


def lane_after(pair: Sequence[Partner], key: str, step: int) -> str:
    """The lane ``step`` places below (or above, if negative) lane ``key``;
    the top and bottom lanes go no further."""
    keys = [k for k, _t, _c in lane_order(pair)]
    return keys[max(0, min(len(keys) - 1, keys.index(key) + step))]


def lane_color(pair: Sequence[Partner], key: str) -> str:
    return next(color for k, _t, color in lane_order(pair) if k == key)


def item_color(item: RoadmapItem, pair: Sequence[Partner]) -> str:
    return next(color for key, _t, color in lane_order(pair) if key == lane_key(item))


def layout_roadmap(pair: Sequence[Partner], items: Sequence[RoadmapItem],
                   room_after: Callable[[RoadmapItem], float]) -> RoadmapLayout:
    """Pack each lane's items into rows so that none overlap, nor their
    labels: ``room_after(item)`` is the days an item takes after its last day
    (its label beside it, at the renderer's scale). Longer items go first so
    phases stay in the top rows; a milestone then takes the first row with
    room at its date, also in a gap before a phase (so that a small screen
    shows both partners' lanes)."""
    placements: dict[str, Placement] = {}
    lanes = []
    for key, title, color in lane_order(pair):
        in_lane = [i for i in items if lane_key(i) == key]
        in_lane.sort(key=lambda i: (i.end_date is None, i.start_date, i.uuid))
        rows: list[_Row] = []
        for item in in_lane:
            end = item.last_date + timedelta(days=max(1.0, room_after(item)))
            row = next((n for n, taken in enumerate(rows) if taken.has_room(item.start_date, end)),
                       None)
            if row is None:
                row = len(rows)
                rows.append(_Row())
            rows[row].take(item.start_date, end)
            placements[item.uuid] = Placement(item.uuid, key, row)
        lanes.append(Lane(key, title, color, max(1, len(rows))))
    return RoadmapLayout(lanes, placements)


class _Row:
    """The spans one row of a lane holds, apart and in time order."""

    def __init__(self) -> None:
        self.starts: list[date] = []
        self.ends: list[date] = []

    def has_room(self, start: date, end: date) -> bool:
        # The span starting last before ``end`` is the only one that can reach past ``start``.
        before = bisect.bisect_left(self.starts, end)
        return before == 0 or self.ends[before - 1] <= start

    def take(self, start: date, end: date) -> None:
        at = bisect.bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)


def plan_span(items: Sequence[RoadmapItem], seasons: Sequence[Season],
              today: date) -> tuple[date, date]:
    """The dates the whole plan covers, with today, padded by half a year."""
    starts = [today] + [i.start_date for i in items] + [s.start_date for s in seasons]
    ends = [today] + [i.last_date for i in items] + [s.end_date for s in seasons]
    return min(starts) - timedelta(days=183), max(ends) + timedelta(days=183)


@dataclass(frozen=True)
class Style:
    """How an item looks: the same rules on screen and on paper."""
    fill_alpha: float
    outline_dashed: bool
    struck_out: bool
    pattern: str
    label: str
    #: A private draft, seen by its author only: pale, dashed, and says so.
    draft: bool = False


DRAFT_PREFIX = "Draft: "


def item_style(item: RoadmapItem, today: date) -> Style:
    kind = kinds()[item.kind]
    past = item.last_date < today
    label = item.title
    if item.status == "done":
        label = "✓ " + label
    if item.is_draft:
        return Style(0.3, True, item.status == "dropped", kind.pattern, DRAFT_PREFIX + label,
                     draft=True)
    if item.status == "dropped":
        return Style(0.12, True, True, kind.pattern, label)
    return Style(0.55 if past else 0.85, item.status == "planned" and not past and
                 kind.pattern == "dashed", False, kind.pattern, label)


def kind_of(item: RoadmapItem) -> Kind:
    return kinds()[item.kind]


def _regular(points: int, radius: float = 1.0, start: float = -math.pi / 2,
             inner: float | None = None) -> list[tuple[float, float]]:
    count = points * (2 if inner else 1)
    result = []
    for index in range(count):
        r = inner if inner and index % 2 else radius
        angle = start + 2 * math.pi * index / count
        result.append((round(r * math.cos(angle), 4), round(r * math.sin(angle), 4)))
    return result


def _heart() -> list[tuple[float, float]]:
    points = []
    for index in range(28):
        t = 2 * math.pi * index / 28
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        points.append((round(x / 17, 4), round(-y / 17 + 0.1, 4)))
    return points


#: Milestone markers as polygons in a unit box, y pointing down (screen-like).
MARKERS: dict[str, list[tuple[float, float]]] = {
    "diamond": [(0, -1), (1, 0), (0, 1), (-1, 0)],
    "square": [(-0.8, -0.8), (0.8, -0.8), (0.8, 0.8), (-0.8, 0.8)],
    "triangle": [(0, -1), (1, 0.8), (-1, 0.8)],
    "circle": _regular(20, 0.9),
    "pentagon": _regular(5, 1.0),
    "star": _regular(5, 1.05, inner=0.45),
    "house": [(-0.85, 0.9), (0.85, 0.9), (0.85, -0.1), (0, -0.95), (-0.85, -0.1)],
    "heart": _heart(),
    # Marks of the couple's toolkit: a goal, a win, an opportunity passed up.
    "flag": [(-0.75, 1.0), (-0.75, -1.0), (0.9, -0.55), (-0.45, -0.1), (-0.45, 1.0)],
    "burst": _regular(8, 1.05, inner=0.55),
    "cross": [(-1, -0.6), (-0.6, -1), (0, -0.4), (0.6, -1), (1, -0.6), (0.4, 0), (1, 0.6),
              (0.6, 1), (0, 0.4), (-0.6, 1), (-1, 0.6), (-0.4, 0)],
}
