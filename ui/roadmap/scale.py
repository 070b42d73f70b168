"""Time on the screen: zoom levels from weeks to decades, and the snapping
unit that follows the zoom."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from models.calendar import Unit

#: (name, pixels per day), from closest to farthest.
ZOOM_LEVELS: list[tuple[str, float]] = [
    ("Weeks", 6.0),
    ("Weeks", 3.0),
    ("Months", 1.5),
    ("Months", 0.75),
    ("Quarters", 0.4),
    ("Years", 0.2),
    ("Years", 0.1),
    ("Decades", 0.05),
    ("Decades", 0.025),
]
DEFAULT_ZOOM = 5


def snap_unit(px_per_day: float) -> Unit:
    """Drag in steps a hand can aim at: weeks when close, quarters when far."""
    if px_per_day >= 2.0:
        return Unit.WEEK
    if px_per_day >= 0.3:
        return Unit.MONTH
    return Unit.QUARTER


@dataclass(frozen=True)
class TimeScale:
    origin: date
    px_per_day: float

    def x(self, day: date) -> float:
        return (day - self.origin).days * self.px_per_day

    def date_at(self, x: float) -> date:
        return self.origin + timedelta(days=round(x / self.px_per_day))

    @property
    def unit(self) -> Unit:
        return snap_unit(self.px_per_day)

    def steps(self, dx: float) -> int:
        """How many snapping units a horizontal drag of ``dx`` pixels covers."""
        return round(dx / self.px_per_day / self.unit.days)
