"""Zoom on the screen: the steps from weeks to decades. What the ruler counts
and what a drag snaps to at a zoom are the drawing's rules
(:func:`report.roadmap_drawing.ruler_unit`, :func:`~report.roadmap_drawing.snap_unit`)."""

from __future__ import annotations

#: Pixels per day, from closest to farthest. The widest zoom is never wider
#: than the whole plan with a margin (the tab's fit): these are the steps between.
ZOOM_LEVELS: list[float] = [6.0, 3.0, 1.5, 0.75, 0.4, 0.2, 0.1, 0.05, 0.025]
DEFAULT_ZOOM = 5
