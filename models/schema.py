"""Everything a plan holds: importing this module registers every entity.

A new kind of thing (opportunities, check-ins...) arrives as its own module,
one import here, and one step in :mod:`models.migrations`.

What needs every entity (opening a plan for the first time, an edit, a copy)
imports this module when it runs, not when it is imported: a plan Tandem
knows opens, and its roadmap is drawn, before the models of the other
exercises are loaded (a quicker start; see ``ui.window.main_window``).
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
    passed_up,
    red_flags,
    reveal,
    roadmap,
    support,
    support_inventory,
    visions,
)
from models.base import Base, Entity, registered_types


@cache
def entity_types() -> dict[str, type[Entity]]:
    """Every stored entity by table name, in the order rows are inserted
    (each table after those it refers to, whatever order they were loaded in)."""
    registered = registered_types()
    return {table.name: registered[table.name] for table in Base.metadata.sorted_tables
            if table.name in registered}
