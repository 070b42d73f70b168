"""The plan itself and its two partners."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Entity
from models.changes import Edit, update
from models.color_vision import TYPICAL, VISIONS, Vision, difference
from models.errors import ValidationError
from models.validation import check_length, clean_color, clean_text

if TYPE_CHECKING:
    from models.plan_file import PlanFile

NAME_MAX = 60
ROLE_MAX = 120
#: A blue and an orange that stay apart for every common kind of colour blindness.
DEFAULT_COLORS = ("#2f6db5", "#d9822b")
#: The least difference (CIEDE2000) the partners' colours keep, to typical
#: eyes and to each simulated colour blindness (:mod:`models.color_vision`).
#: Side by side, most people just notice 2.3; at 12, about five times that,
#: two colours still read as shades of one (#2f6db5 and #5a8fd0 are 12.8
#: apart, 11.2 in tritanopia), while the default pair keeps 50 or more.
MIN_COLOR_DIFFERENCE = 12.0


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


def colors_confused(first: str, second: str) -> Vision | None:
    """The vision, typical first, with which two ``#rrggbb`` colours are too
    close to tell apart; None when they stay apart for all of them."""
    for vision in VISIONS:
        if difference(first, second, vision) < MIN_COLOR_DIFFERENCE:
            return vision
    return None


def check_colors_apart(color: str, other_color: str, other_name: str) -> None:
    """Refuse ``color`` for one partner when it is ``other_name``'s colour or
    too close to it, to anyone's eyes (:func:`colors_confused`)."""
    color, other_color = clean_color(color), clean_color(other_color)
    vision = colors_confused(color, other_color)
    if color == other_color:
        message = (f"This is {other_name}’s colour already. Choose another, so that "
                   "the plan shows at a glance whose is whose.")
    elif vision is TYPICAL:
        message = (f"This colour is too close to {other_name}’s to tell apart. "
                   "Choose one that differs more in hue or lightness.")
    elif vision is not None:
        message = (f"This colour is too close to {other_name}’s for someone with "
                   f"{vision.described} to tell apart. Choose one that differs more, "
                   "for example in lightness.")
    else:
        return
    raise ValidationError("color", message)


def check_partner_colors(pair: Sequence[Partner], values: Sequence[Mapping[str, str]],
                         last: int = 1) -> None:
    """Refuse a colour being changed (``values[i]`` holding what changes for
    ``pair[i]``) that is too close to the other partner's, at the row of the
    partner whose colour it is (:func:`check_colors_apart`); when both
    change, at the one changed ``last`` (an index into ``pair``). Colours
    nobody changes are left alone, however close an older plan has them."""
    for index in (last, 1 - last):
        partner, changes = pair[index], values[index]
        other, other_changes = pair[1 - index], values[1 - index]
        if "color" not in changes or clean_color(changes["color"]) == partner.color:
            continue
        other_name = str(other_changes.get("name", other.name)).strip() or other.name
        try:
            check_colors_apart(changes["color"], other_changes.get("color", other.color),
                               other_name)
        except ValidationError as error:
            raise error.at(Partner.__tablename__, partner.uuid) from None


def edit_partners(pair: Sequence[Partner], values: Sequence[Mapping[str, str]],
                  last: int = 1) -> Edit:
    """The edit that changes both partners at once, ``values[i]`` holding
    what changes for ``pair[i]``; their colours stay apart
    (:func:`check_partner_colors`, with ``last``)."""
    edit: Edit = ()
    for partner, changes in zip(pair, values, strict=True):
        edit += edit_partner(partner, **changes)
    check_partner_colors(pair, values, last)
    return edit


def plan_title(pair: Sequence[Partner], file_stem: str) -> str:
    """The plan's name, naming the couple once: the file's name when it
    already names both partners ("Example - Rachel & Marcus"), else the
    couple, then the file's name ("Ana & Bo — budget 2027")."""
    def folded(text: str) -> str:
        return unicodedata.normalize("NFC", text).casefold()

    if all(folded(p.name) in folded(file_stem) for p in pair):
        return file_stem
    return f"{couple_name(pair)} — {file_stem}"
