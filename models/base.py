"""The mapping base every stored thing derives from.

Every row has a stable UUID as its key, so that plans filled in on two laptops
can later be merged row by row. Each entity states its rules once, in
:meth:`Entity.clean`: it puts a row's values in their stored form (trimmed
text, lower-case colours…) and refuses values that break a rule of the row.
Edits are built with clean values (:mod:`models.changes`); the plan file then
only :meth:`~Entity.check`\\ s them, changing nothing, so a value is never
altered silently. Rules across rows live in :meth:`Entity.check_table`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any, ClassVar, Self

from sqlalchemy import String, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from models.errors import ValidationError
from models.validation import check_length


def new_uuid() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    pass


class Entity(Base):
    __abstract__ = True
    #: What one row is called in messages ("milestone", "season").
    noun: ClassVar[str] = "item"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    #: How long each text field may be: field name -> (label, characters).
    #: A limit binds what an edit writes; a longer value already stored (by
    #: hand, or under another version's limits) is shown and kept as it is.
    limits: ClassVar[dict[str, tuple[str, int]]] = {}
    #: Columns holding the UUID of a row of any table (no foreign key can say
    #: which): the row hangs on it, and is deleted with it.
    loose_links: ClassVar[tuple[str, ...]] = ()

    def clean(self) -> None:
        """Put this row's values in their stored form, in place, and refuse
        values that break a rule of this row alone (:class:`ValidationError`
        naming the field)."""

    def cleaned(self, written: Iterable[str] | None = None) -> Self:
        """A clean copy of this row, held to the length limits of the
        ``written`` fields (all when ``None``); the error names this row."""
        copy = self.copy()
        try:
            copy.clean()
            for field in self.limits if written is None else written:
                if field in self.limits:
                    label, most = self.limits[field]
                    check_length(getattr(copy, field), field, label, most)
        except ValidationError as error:
            raise error.at(self.__tablename__, self.uuid or "") from None
        return copy

    def check(self, fields: Iterable[str] | None = None) -> None:
        """Refuse this row if it breaks a rule, or if one of ``fields`` (every
        column when ``None``) holds a value not in its stored form or beyond
        its limit. Changes nothing. Fields an edit did not touch need only
        meet the rules, so a plan from an older version is not refused for,
        say, spacing; ``fields=()`` checks the rules alone (on opening)."""
        fields = list(self.record() if fields is None else fields)
        stored, clean = self.record(), self.cleaned(fields).record()
        for key in fields:
            if clean[key] != stored[key]:
                raise ValidationError(
                    key, f"The {self.noun}’s {key.replace('_', ' ')} is not in the form "
                    "Tandem stores it.", table=self.__tablename__, row=self.uuid or "")

    @classmethod
    def check_table(cls, session: Session) -> None:
        """Refuse states that break a rule across rows (run after a flush)."""

    def record(self) -> dict[str, Any]:
        """All column values, keyed by attribute name."""
        return {attr.key: getattr(self, attr.key) for attr in inspect(type(self)).column_attrs}

    def copy(self) -> Self:
        """A detached copy with the same values: writing to it stores nothing."""
        return type(self)(**self.record())


def entity_types() -> dict[str, type[Entity]]:
    """Every stored entity by table name, each table after those it refers
    to. The first call loads every exercise's model (:mod:`models.schema`),
    which nothing imports before it is needed: a plan Tandem knows opens, and
    its Roadmap is drawn, before the other exercises' models load."""
    from models import schema

    return schema.entity_types()


def registered_types() -> dict[str, type[Entity]]:
    """The entities whose models are loaded so far, by table name."""
    types: dict[str, type[Entity]] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if issubclass(cls, Entity):
            types[cls.__tablename__] = cls
    return types


def parent_link(target: str, column: str) -> Any:
    """A many-to-one link nothing reads (``lazy="raise"``): it tells a flush
    to write the parent row (the partner, the roadmap marker) before the row
    pointing at it, and to delete it after, whatever the order of the edit."""
    return relationship(target, foreign_keys=column, lazy="raise")
