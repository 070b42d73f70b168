"""Edits as data: what rows change, from what, to what.

An :data:`Edit` is a tuple of :class:`RowChange`; its inverse undoes it. The UI
wraps one edit in one undo command, and the plan file applies an edit in one
transaction, so an edit is all-or-nothing and undo never half-restores.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from models.base import Entity, new_uuid
from models.errors import TandemError


@dataclass(frozen=True)
class RowChange:
    table: str
    uuid: str
    #: Column values before the edit; ``None`` when the row is new.
    before: Mapping[str, Any] | None
    #: Column values after the edit; ``None`` when the row is deleted.
    after: Mapping[str, Any] | None

    @property
    def inverse(self) -> RowChange:
        return RowChange(self.table, self.uuid, self.after, self.before)


Edit = tuple[RowChange, ...]


def inverse(edit: Edit) -> Edit:
    return tuple(change.inverse for change in reversed(edit))


def _frozen(values: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(values))


def _as_stored(entity: Entity, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` as the plan will store them (trimmed text, lower-case
    colours…), so that an edit's inverse matches the stored row exactly.
    Values the rules refuse are kept as given: applying them says why."""
    probe = type(entity)(**{**entity.record(), **values})
    try:
        probe.check()
    except TandemError:
        return values
    stored = probe.record()
    return {key: stored[key] for key in values}


def insert(entity: Entity) -> RowChange:
    """Add a new row; a UUID is given to it here if it has none."""
    values = _as_stored(entity, entity.record())
    if not values.get("uuid"):
        values["uuid"] = new_uuid()
        entity.uuid = values["uuid"]
    return RowChange(entity.__tablename__, values["uuid"], None, _frozen(values))


def update(entity: Entity, **values: Any) -> RowChange | None:
    """Change some columns of a stored row; ``None`` if nothing would change."""
    current = entity.record()
    unknown = set(values) - set(current)
    if unknown:
        raise TypeError(f"{type(entity).__name__} has no {sorted(unknown)}")
    values = _as_stored(entity, values)
    changed = {k: v for k, v in values.items() if current[k] != v}
    if not changed:
        return None
    before = {k: current[k] for k in changed}
    return RowChange(entity.__tablename__, entity.uuid, _frozen(before), _frozen(changed))


def delete(entity: Entity) -> RowChange:
    return RowChange(entity.__tablename__, entity.uuid, _frozen(entity.record()), None)


def tables(edit: Edit) -> frozenset[str]:
    return frozenset(change.table for change in edit)
