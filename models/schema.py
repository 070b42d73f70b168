"""Everything a plan holds: importing this module registers every entity.

A new kind of thing (opportunities, check-ins...) arrives as its own module,
one import here, and one step in :mod:`models.migrations`.
"""

from __future__ import annotations

from functools import cache

from models import (  # noqa: F401  (they register their entities)
    checkin_rhythm,
    checklist,
    conversations,
    goals,
    opportunities,
    partners,
    red_flags,
    reveal,
    roadmap,
    support,
    support_inventory,
    visions,
)
from models.base import Entity
from models.base import entity_types as _all_entity_types


@cache
def entity_types() -> dict[str, type[Entity]]:
    """Every stored entity by table name, in the order rows are inserted."""
    return _all_entity_types()
