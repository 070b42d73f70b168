"""Edits as data: what rows change, from what, to what; and the report of
what changed that every view listens to.

An :data:`Edit` is a tuple of :class:`RowChange`; its inverse undoes it. The UI
wraps one edit in one undo step, and the plan file applies an edit in one
transaction, so an edit is all-or-nothing and undo never half-restores.
The builders (:func:`insert`, :func:`update`) put values in their stored form
once, so an edit's inverse always matches the stored row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Any

from models.base import Entity, new_uuid


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


# -- building edits ---------------------------------------------------------------

def insert(entity: Entity) -> RowChange:
    """Add a new row, its values in stored form; a UUID is given to it here
    if it has none. Raises :class:`ValidationError` naming the field."""
    if not entity.uuid:
        entity.uuid = new_uuid()
    values = entity.cleaned().record()
    return RowChange(entity.__tablename__, entity.uuid, None, _frozen(values))


def update(entity: Entity, **values: Any) -> RowChange | None:
    """Change some columns of a stored row; ``None`` if nothing would change.
    Only the columns given are in the edit: a field nobody touched is never
    rewritten. Raises :class:`ValidationError` naming the row and field."""
    current = entity.record()
    unknown = set(values) - set(current)
    if unknown:
        raise TypeError(f"{type(entity).__name__} has no {sorted(unknown)}")
    if not values:
        return None
    probe = entity.copy()
    for key, value in values.items():
        setattr(probe, key, value)
    stored = probe.cleaned(written=values).record()
    changed = {key: stored[key] for key in values if stored[key] != current[key]}
    if not changed:
        return None
    before = {key: current[key] for key in changed}
    return RowChange(entity.__tablename__, entity.uuid, _frozen(before), _frozen(changed))


def delete(entity: Entity) -> RowChange:
    return RowChange(entity.__tablename__, entity.uuid, _frozen(entity.record()), None)


def delete_all(rows: Iterable[Entity]) -> Edit:
    """Delete rows in the order given: children before their parents (see
    :meth:`models.plan_file.PlanFile.with_dependents`), so that undo, which
    runs backwards, restores parents first."""
    return tuple(delete(row) for row in rows)


def tables(edit: Edit) -> frozenset[str]:
    return frozenset(change.table for change in edit)


# -- merging steps ------------------------------------------------------------------

def _combine(first: RowChange, second: RowChange) -> RowChange | None:
    """One change with the effect of ``first`` then ``second`` on one row:
    the first "before" and the last "after"; ``None`` if they cancel out."""
    existed, exists = first.before is not None, second.after is not None
    if not existed and not exists:  # added, then deleted again
        return None
    if not existed:  # added, then changed: still an addition
        return RowChange(first.table, first.uuid, None,
                         _frozen({**(first.after or {}), **(second.after or {})}))
    if not exists:  # deleted in the end: what to restore is what was there first
        return RowChange(first.table, first.uuid,
                         _frozen({**(second.before or {}), **(first.before or {})}), None)
    if first.after is None:  # deleted, then added again: whole rows on both sides
        before, after = dict(first.before or {}), dict(second.after or {})
    else:  # changed twice: the same columns on both sides of each
        before = {**(second.before or {}), **(first.before or {})}
        after = {**first.after, **(second.after or {})}
    kept = [key for key in after if before.get(key) != after[key]]
    if not kept:
        return None
    return RowChange(first.table, first.uuid, _frozen({k: before[k] for k in kept}),
                     _frozen({k: after[k] for k in kept}))


def merge(first: Edit, second: Edit) -> Edit:
    """``second`` after ``first`` as one edit that keeps, per row, the first
    "before" and the last "after", so repeated nudges or a burst of typing
    stay one small step. Rows whose changes cancel out drop out."""
    combined: dict[tuple[str, str], RowChange | None] = {}
    for change in (*first, *second):
        key = (change.table, change.uuid)
        if key in combined:
            earlier = combined[key]
            combined[key] = change if earlier is None else _combine(earlier, change)
        else:
            combined[key] = change
    return tuple(change for change in combined.values() if change is not None)


# -- what changed -------------------------------------------------------------------

class Cause(Enum):
    EDIT = "edit"
    UNDO = "undo"
    REDO = "redo"
    #: A plan was opened or the viewer changed: everything may look different.
    VIEW = "view"


def _uuids(edit: Edit, kind: str) -> Mapping[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for change in edit:
        added, removed = change.before is None, change.after is None
        if (kind == "added" and added) or (kind == "removed" and removed) or \
                (kind == "changed" and not added and not removed):
            found.setdefault(change.table, set()).add(change.uuid)
    return MappingProxyType({table: frozenset(uuids) for table, uuids in found.items()})


def _empty() -> Mapping[str, frozenset[str]]:
    return MappingProxyType({})


@dataclass(frozen=True)
class ChangeReport:
    """What one edit, undo or redo changed, for the views to refresh just that.

    Rows are named by UUID per entity type (kept by table name inside, so
    this module needs no entity imports); :meth:`touches` and :meth:`added`
    etc. take the entity types a view shows."""

    cause: Cause
    added_rows: Mapping[str, frozenset[str]] = field(default_factory=_empty)
    changed_rows: Mapping[str, frozenset[str]] = field(default_factory=_empty)
    removed_rows: Mapping[str, frozenset[str]] = field(default_factory=_empty)
    #: The view that asked for the edit (opaque here); ``None`` for undo and redo.
    initiator: object = None

    @staticmethod
    def of(edit: Edit, cause: Cause, initiator: object = None) -> ChangeReport:
        return ChangeReport(cause, _uuids(edit, "added"), _uuids(edit, "changed"),
                            _uuids(edit, "removed"), initiator)

    @staticmethod
    def everything() -> ChangeReport:
        return ChangeReport(Cause.VIEW)

    @property
    def is_everything(self) -> bool:
        return self.cause is Cause.VIEW

    def touches(self, *types: type[Entity]) -> bool:
        if self.is_everything:
            return True
        names = {t.__tablename__ for t in types}
        return any(names & rows.keys()
                   for rows in (self.added_rows, self.changed_rows, self.removed_rows))

    def added(self, *types: type[Entity]) -> frozenset[str]:
        return self._of(self.added_rows, types)

    def changed(self, *types: type[Entity]) -> frozenset[str]:
        return self._of(self.changed_rows, types)

    def removed(self, *types: type[Entity]) -> frozenset[str]:
        return self._of(self.removed_rows, types)

    @staticmethod
    def _of(rows: Mapping[str, frozenset[str]], types: Sequence[type[Entity]]) -> frozenset[str]:
        found: frozenset[str] = frozenset()
        for cls in types:
            found |= rows.get(cls.__tablename__, frozenset())
        return found
