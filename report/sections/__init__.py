"""The report's sections, one module per exercise, each with the same two
functions:

- ``points(context) -> list[Point]`` (:class:`report.page.Point`): where the partners agree and where they
  differ, for the first page, "For the counselor";
- ``story(context) -> list[Flowable]``: the section itself, from its heading
  on; when there is nothing to show yet it says so in a sentence.

and ``LANDSCAPE``: whether its pages are turned (the roadmap's are). A new
exercise adds its module here and its key to :data:`report.options.SECTIONS`.
Every read goes through the report's viewer, which sees only what both
partners have shared or revealed.
"""

from __future__ import annotations

from types import ModuleType

from report.sections import (
    checklist,
    conversations,
    day_in_the_life,
    goals,
    opportunities,
    passed_up,
    roadmap,
    support,
    support_inventory,
)

#: Each section's module, by its key in :data:`report.options.SECTIONS`.
MODULES: dict[str, ModuleType] = {
    "roadmap": roadmap,
    "opportunities": opportunities,
    "day_in_the_life": day_in_the_life,
    "checklist": checklist,
    "conversations": conversations,
    "support_inventory": support_inventory,
    "goals": goals,
    "passed_up": passed_up,
    "support": support,
}
