"""The checklist over time: each indicator's ratings by each partner, where
the two see things 2 or more apart (discussion points), and the summary the
counselor report shows.

Only revealed check-ins count here (both partners done), for every viewer:
the trend is one picture the couple shares, never half of it. Everything is
read through the viewer, so the report's viewer cannot reach a private
rating or a private red flag even by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from models.checklist import (
    GAP,
    CheckIn,
    Indicator,
    Rating,
    Sheet,
    checkins,
    indicators,
    ratings,
    sheet,
)
from models.partners import partners
from models.privacy import Viewer
from models.red_flags import SharedFlag, shared_flags
from models.reveal import reveal_states

if TYPE_CHECKING:
    from models.plan_file import PlanFile


@dataclass(frozen=True)
class PartnerLine:
    uuid: str
    name: str
    color: str


@dataclass(frozen=True)
class IndicatorTrend:
    uuid: str
    title: str
    retired: bool
    #: Per partner (in the partners' order): (date, score) by date.
    series: tuple[tuple[tuple[date, int], ...], ...]
    #: The check-ins' dates on which the two were :data:`GAP` or more apart.
    apart: tuple[date, ...]


@dataclass(frozen=True)
class Trend:
    """Plain data for the trend chart (``report.charts.checklist``)."""

    partners: tuple[PartnerLine, ...]
    #: The revealed check-ins' dates, oldest first.
    dates: tuple[date, ...]
    indicators: tuple[IndicatorTrend, ...]

    @property
    def empty(self) -> bool:
        return not self.dates


@dataclass(frozen=True)
class Divergence:
    """An indicator two partners rated :data:`GAP` or more apart in one check-in."""

    checkin_uuid: str
    held_on: date
    indicator: str
    #: (partner's name, score, note), in the partners' order.
    ratings: tuple[tuple[str, int, str], ...]

    @property
    def gap(self) -> int:
        return abs(self.ratings[0][1] - self.ratings[1][1])


def revealed_checkins(plan: PlanFile) -> list[CheckIn]:
    """The check-ins both partners are done with, oldest first."""
    every = checkins(plan)
    states = reveal_states(plan, [row.uuid for row in every])
    return sorted((row for row in every if states[row.uuid].revealed),
                  key=lambda row: row.held_on)


@dataclass(frozen=True)
class Overview:
    """The revealed check-ins at a glance: the trend, and the discussion
    points of each check-in (the newest first)."""

    trend: Trend
    divergences: tuple[Divergence, ...]

    def points_of(self, checkin_uuid: str) -> list[Divergence]:
        return [d for d in self.divergences if d.checkin_uuid == checkin_uuid]


def overview(plan: PlanFile, viewer: Viewer, revealed: list[CheckIn] | None = None,
             all_indicators: list[Indicator] | None = None) -> Overview:
    """Each indicator's ratings over the revealed check-ins (retired ones
    only where rated), and where the two were :data:`GAP` or more apart.
    One read of the ratings, however many check-ins."""
    pair = partners(plan)
    revealed = revealed_checkins(plan) if revealed is None else revealed
    every = indicators(plan) if all_indicators is None else all_indicators
    when = {row.uuid: row.held_on for row in revealed}
    found: dict[tuple[str, str], dict[str, Rating]] = {}
    for rating in ratings(plan, viewer, when):
        if rating.author_uuid:
            found.setdefault((rating.checkin_uuid, rating.indicator_uuid), {})[
                rating.author_uuid] = rating
    def rated(checkin_uuid: str, indicator_uuid: str) -> list[Rating | None]:
        by = found.get((checkin_uuid, indicator_uuid), {})
        return [by.get(p.uuid) for p in pair]

    lines = []
    for indicator in every:
        series: list[list[tuple[date, int]]] = [[] for _ in pair]
        for row in revealed:
            for line, one in zip(series, rated(row.uuid, indicator.uuid), strict=True):
                if one is not None and one.score is not None:
                    line.append((row.held_on, one.score))
        if indicator.retired and not any(series):
            continue
        first, second = (dict(line) for line in series)
        apart = tuple(day for day in sorted(first) if day in second
                      and abs(first[day] - second[day]) >= GAP)
        lines.append(IndicatorTrend(indicator.uuid, indicator.title, indicator.retired,
                                    tuple(tuple(line) for line in series), apart))
    points = []
    for row in reversed(revealed):
        for indicator in every:
            both = rated(row.uuid, indicator.uuid)
            scores = [r.score for r in both if r is not None and r.score is not None]
            if len(scores) == 2 and abs(scores[0] - scores[1]) >= GAP:
                points.append(Divergence(row.uuid, row.held_on, indicator.title, tuple(
                    (p.name, r.score or 0, r.note) for p, r in zip(pair, both, strict=True)
                    if r is not None)))
    return Overview(Trend(tuple(PartnerLine(p.uuid, p.name, p.color) for p in pair),
                          tuple(row.held_on for row in revealed), tuple(lines)),
                    tuple(points))


def trend(plan: PlanFile, viewer: Viewer) -> Trend:
    """Each indicator's ratings over the revealed check-ins."""
    return overview(plan, viewer).trend


def divergences(plan: PlanFile, viewer: Viewer) -> list[Divergence]:
    """Every discussion point of the revealed check-ins, the newest first."""
    return list(overview(plan, viewer).divergences)


@dataclass(frozen=True)
class ChecklistSummary:
    partners: tuple[PartnerLine, ...]
    #: The latest revealed check-in, as the viewer sees it; ``None`` before any.
    latest: Sheet | None
    trend: Trend
    divergences: tuple[Divergence, ...]
    shared_flags: tuple[SharedFlag, ...]


def summary(plan: PlanFile, viewer: Viewer) -> ChecklistSummary:
    revealed = revealed_checkins(plan)
    every = indicators(plan)
    latest = sheet(plan, viewer, revealed[-1].uuid, every) if revealed else None
    seen = overview(plan, viewer, revealed, every)
    return ChecklistSummary(seen.trend.partners, latest, seen.trend, seen.divergences,
                            tuple(shared_flags(plan, viewer)))
