"""The mapping base every stored thing derives from.

Every row has a stable UUID as its key, so that plans filled in on two laptops
can later be merged row by row. Each entity checks its own values
(:meth:`Entity.check`) and, where a rule spans rows, the whole table
(:meth:`Entity.check_table`); the plan file runs both on every edit.
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from sqlalchemy import String, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


def new_uuid() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    pass


class Entity(Base):
    __abstract__ = True
    #: What one row is called in messages ("milestone", "season").
    noun: ClassVar[str] = "item"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)

    def check(self) -> None:
        """Refuse values that break a rule of this row alone."""

    @classmethod
    def check_table(cls, session: Session) -> None:
        """Refuse states that break a rule across rows (run after a flush)."""

    def record(self) -> dict[str, Any]:
        """All column values, keyed by attribute name."""
        return {attr.key: getattr(self, attr.key) for attr in inspect(type(self)).column_attrs}


def entity_types() -> dict[str, type[Entity]]:
    """Every mapped entity by table name (import :mod:`models.schema` first)."""
    types: dict[str, type[Entity]] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if issubclass(cls, Entity):
            types[cls.__tablename__] = cls
    return types
