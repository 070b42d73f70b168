"""The support inventory in the report: each partner's lists as they shared
them (how the other supports their career now, how they wish to be
supported), with the wishes the other took up. A list item a partner has
not shared never reaches the report."""

from __future__ import annotations

from reportlab.platypus import Flowable

from models.privacy import REPORT
from models.support_inventory import NOW, SharedList, shared_inventory
from report.page import SMALL, Context, Point, bullets, heading, sentence

KEY = "support_inventory"
LANDSCAPE = False
NAMED = 3
GREEN = "#2e7d32"
INK = "#3d5a6c"
AMBER = "#c07a2c"


def _lists(context: Context) -> list[SharedList]:
    return shared_inventory(context.plan, REPORT)


def points(context: Context) -> list[Point]:
    result = []
    for found in _lists(context):
        if found.kind == NOW:
            if found.items:
                result.append(Point(KEY, True, f"{found.writer} names {len(found.items)} "
                                               f"way{'s' if len(found.items) != 1 else ''} "
                                               f"{found.other} supports their career now."))
            continue
        open_wishes = [text for text, taken in found.items if taken is None]
        if open_wishes:
            named = "; ".join(f"“{text}”" for text in open_wishes[:NAMED])
            more = len(open_wishes) - NAMED
            result.append(Point(KEY, False, f"{found.writer} wishes {found.other} would: "
                                            f"{named}" + (f"; and {more} more." if more > 0
                                                          else ".")))
    return result


def story(context: Context) -> list[Flowable]:
    width = context.portrait[0]
    found = _lists(context)
    parts: list[Flowable] = [
        heading("Support inventory", KEY),
        sentence("Each partner listed the ways the other supports their career now, and the "
                 "ways they wish the other would; the lists were exchanged without judgment. "
                 "Only what a partner shared is here.", SMALL)]
    if not any(lists.items for lists in found):
        parts.append(sentence("Neither partner has shared a list yet."))
        return parts
    for number, lists in enumerate(found):
        if lists.kind == NOW:
            title = f"How {lists.other} supports {lists.writer}’s career now"
        else:
            title = f"What {lists.writer} wishes from {lists.other}"
        parts.append(heading(title, f"{KEY}-{number}", 1))
        if not lists.items:
            parts.append(sentence("Nothing shared yet.", SMALL))
            continue
        lines = []
        for text, taken in lists.items:
            if lists.kind == NOW:
                lines.append((INK, text))
            elif taken is not None:
                lines.append((GREEN, f"{text} (taken up by {lists.other} on "
                                     f"{context.dates.text(taken)})"))
            else:
                lines.append((AMBER, text))
        parts.append(bullets(lines, width))
    return parts
