"""The plan itself and its two partners."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Entity
from models.changes import Edit, update
from models.errors import ValidationError
from models.validation import check_length, clean_color, clean_text

if TYPE_CHECKING:
    from models.plan_file import PlanFile

NAME_MAX = 60
ROLE_MAX = 120
#: A blue and an orange that stay apart for every common kind of colour blindness.
DEFAULT_COLORS = ("#2f6db5", "#d9822b")


class PlanInfo(Entity):
    """One row: the plan's identity, kept when the file is copied or renamed."""

    __tablename__ = "plan"
    noun = "plan"
    created_at: Mapped[str] = mapped_column(String, default=lambda: datetime.now(UTC).isoformat())


class Partner(Entity):
    __tablename__ = "partner"
    noun = "partner"

    #: 1 or 2: the order in which the couple entered their names.
    slot: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String)
    color: Mapped[str] = mapped_column(String)
    role: Mapped[str] = mapped_column(String, default="")
    field: Mapped[str] = mapped_column(String, default="")

    __table_args__ = (CheckConstraint("slot IN (1, 2)"),)
    limits = {"name": ("A partner’s name", NAME_MAX), "role": ("The current role", ROLE_MAX),
              "field": ("The field", ROLE_MAX)}

    def clean(self) -> None:
        self.name = clean_text(self.name, "name", "A partner’s name")
        self.color = clean_color(self.color)
        self.role = clean_text(self.role, "role", "The current role", required=False)
        self.field = clean_text(self.field, "field", "The field", required=False)
        if self.slot not in (1, 2):
            raise ValidationError("slot", "A plan has exactly two partners.")

    @classmethod
    def check_table(cls, session: Session) -> None:
        pair = list(session.scalars(select(cls).order_by(cls.slot)))
        if len(pair) != 2:
            raise ValidationError("slot", f"A plan has exactly two partners, not {len(pair)}.")
        if pair[0].name.casefold() == pair[1].name.casefold():
            raise ValidationError("name", "The two partners need different names.",
                                  table=cls.__tablename__, row=pair[1].uuid)


def clean_name(name: object) -> str:
    """A partner's name as it would be stored, as typed into a new plan."""
    text = clean_text(name, "name", "A partner’s name")
    check_length(text, "name", "A partner’s name", NAME_MAX)
    return text


def partners(plan: PlanFile) -> list[Partner]:
    """Both partners, in slot order (detached copies: see :meth:`PlanFile.read`)."""
    return plan.read(select(Partner).order_by(Partner.slot))


def couple_name(pair: Sequence[Partner]) -> str:
    return " & ".join(p.name for p in pair)


def new_plan_rows(
    first: str, second: str, colors: tuple[str, str] = DEFAULT_COLORS
) -> list[Entity]:
    """The rows of a fresh plan, validated: refuses empty or equal names."""
    pair = [Partner(slot=slot, name=name, color=color, role="", field="").cleaned()
            for slot, name, color in ((1, first, colors[0]), (2, second, colors[1]))]
    if pair[0].name.casefold() == pair[1].name.casefold():
        raise ValidationError("name", "The two partners need different names.")
    return [PlanInfo(), *pair]


def edit_partner(partner: Partner, **values: str) -> Edit:
    """The edit that changes a partner's name, colour, role or field."""
    change = update(partner, **values)
    return (change,) if change else ()
