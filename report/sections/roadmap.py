"""The roadmap in the report: the Gantt chart on landscape pages (one per
period when the plan spans many years), who leads when, and every shared
milestone and phase in a table a counselor can read down."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from models.calendar import quarter_name
from models.privacy import REPORT
from models.roadmap import RoadmapItem, Season, kinds, roadmap_items, seasons, status_labels
from models.roadmap_insight import (
    Clash,
    LeadTime,
    find_clashes,
    lead_note,
    lead_times,
    lead_uneven_so_far,
)
from models.roadmap_layout import lane_key, lane_order, plan_span
from report.page import (
    SMALL,
    Context,
    Point,
    bullets,
    heading,
    partner_style,
    sentence,
    space,
    table,
    tint,
)
from report.roadmap_drawing import CLASH_COLOR, span_text
from report.roadmap_pages import KEY_HEIGHT, RoadmapPage, draw_key, periods
from report.text import TextStyle, draw_line

KEY = "roadmap"
LANDSCAPE = True
#: Each roadmap page has the key at its foot (see :func:`page_foot`).
FOOT_HEIGHT = KEY_HEIGHT
#: Clash quarters named one by one on the counselor's page; the rest counted.
CLASHES_NAMED = 3


def _read(context: Context) -> tuple[list[RoadmapItem], list[Season], list[Clash]]:
    items = roadmap_items(context.plan, REPORT)
    return items, seasons(context.plan), find_clashes(context.pair, items)


def page_foot(canvas: Canvas, x: float, y: float, width: float) -> None:
    """The key, at the foot of every roadmap page: each page reads on its own."""
    draw_key(canvas, x, y + FOOT_HEIGHT - 6, width)


def points(context: Context) -> list[Point]:
    items, all_seasons, clashes = _read(context)
    result = []
    if clashes:
        named = ", ".join(quarter_name(clash.start) for clash in clashes[:CLASHES_NAMED])
        more = len(clashes) - CLASHES_NAMED
        rest = f" and {more} more" if more > 0 else ""
        count = ("One quarter asks" if len(clashes) == 1
                 else f"{len(clashes)} quarters ask")
        result.append(Point(KEY, False, f"Roadmap: {count} demanding transitions of both "
                                        f"careers at once ({named}{rest}); the roadmap lists "
                                        "them under “Quarters to watch”."))
    elif items:
        result.append(Point(KEY, True, "Roadmap: no quarter asks a demanding transition of "
                                       "both careers at once."))
    times = lead_times(context.pair, all_seasons, context.today)
    if not all_seasons:
        result.append(Point(KEY, False, "Roadmap: no seasons agreed yet, so whose career leads "
                                        "when is still to be talked through."))
    elif any(not round(t.in_plan) for t in times):
        result.append(Point(KEY, False, "Lead balance: " + lead_note(times)))
    else:
        result.append(Point(KEY, True, "Lead balance: each career has seasons in which it "
                                       "leads, by agreement."))
    uneven = lead_uneven_so_far(times)
    if uneven and all(round(t.in_plan) for t in times):
        result.append(Point(KEY, False, "Lead balance: " + uneven))
    return result


def story(context: Context) -> list[Flowable]:
    items, all_seasons, clashes = _read(context)
    parts: list[Flowable] = [heading("The roadmap", KEY)]
    if not items and not all_seasons:
        parts.append(sentence("Nothing is on the roadmap yet that both partners have shared: "
                              "no milestones, phases or seasons."))
        return parts
    span = plan_span(items, all_seasons, context.today)
    pages = periods(span)
    count = len(items)
    things = "1 milestone or phase" if count == 1 else f"{count} milestones and phases"
    seasons_text = "1 season" if len(all_seasons) == 1 else f"{len(all_seasons)} seasons"
    intro = (f"Both careers and the life shared between them, from {span[0].year} to "
             f"{span[1].year}: {things} and {seasons_text}.")
    if len(pages) > 1:
        intro += f" The chart runs over {len(pages)} pages, one period each."
    parts.append(sentence(intro, SMALL))
    # Periods follow one another, as many to a page as fit; a chart taller
    # than a page is drawn smaller to fit one.
    tallest = context.landscape[1] - FOOT_HEIGHT - 70
    for number, period in enumerate(pages, 1):
        caption = f"{period[0].year} – {period[1].year}"
        if len(pages) > 1:
            caption += f"   ·   part {number} of {len(pages)}"
        parts += [space(10), RoadmapPage(context.pair, items, all_seasons, clashes, period,
                                         context.today, context.dates, caption, tallest)]
    parts += [NextPageTemplate("portrait"), PageBreak()]
    if clashes:
        parts += [heading("Quarters to watch", "roadmap-clashes", 1),
                  sentence("Quarters in which both careers have something demanding at once "
                           "(shaded red on the chart): worth planning around together.", SMALL),
                  bullets([(CLASH_COLOR, clash.explanation()) for clash in clashes],
                          context.portrait[0])]
    parts += _lead(context, all_seasons)
    parts += _items(context, items)
    return parts


def _lead(context: Context, all_seasons: list[Season]) -> list[Flowable]:
    width = context.portrait[0]
    times = lead_times(context.pair, all_seasons, context.today)
    parts: list[Flowable] = [heading("Who leads when", "roadmap-seasons", 1),
                             sentence("A season is a stretch of time in which, by agreement, "
                                      "one career leads and the other supports it.", SMALL)]
    if not all_seasons:
        parts.append(sentence("No seasons are planned yet."))
        return parts
    parts += [LeadBalance(times), sentence(lead_note(times), SMALL), space(4)]
    rows: list[list[str]] = [["Leads", "Season", "From", "To"]]
    for season in all_seasons:
        leader = context.partner(season.leader_uuid)
        name = leader.name if leader else "?"
        rows.append([name, season.label, context.dates.text(season.start_date),
                     context.dates.text(season.end_date)])
    widths = [0.18, 0.42, 0.2, 0.2]
    if context.options.notes and any(s.notes for s in all_seasons):
        rows[0].append("Notes")
        for row, season in zip(rows[1:], all_seasons, strict=True):
            row.append(season.notes)
        widths = [0.14, 0.26, 0.13, 0.13, 0.34]
    parts.append(table(rows, [w * width for w in widths]))
    return parts


def _items(context: Context, items: list[RoadmapItem]) -> list[Flowable]:
    width = context.portrait[0]
    parts: list[Flowable] = [heading("Milestones and phases", "roadmap-items", 1)]
    if not items:
        parts.append(sentence("No milestones or phases are shared yet."))
        return parts
    labels, kind_labels = status_labels(), {k.id: k.label for k in kinds().values()}
    order = {key: index for index, (key, _t, _c) in enumerate(lane_order(context.pair))}
    titles = {key: title for key, title, _c in lane_order(context.pair)}
    ordered = sorted(items, key=lambda i: (order[lane_key(i)], i.start_date, i.title))
    notes = context.options.notes and any(i.notes for i in items)
    rows: list[list[str]] = [["Whose", "What", "Kind", "When", "Status"]
                                + (["Notes"] if notes else [])]
    tints = []
    for number, item in enumerate(ordered, 1):
        rows.append([titles[lane_key(item)], item.title, kind_labels.get(item.kind, item.kind),
                     span_text(context.dates, item.start_date, item.end_date),
                     labels.get(item.status, item.status)] + ([item.notes] if notes else []))
        owner = context.partner(item.partner_uuid)
        if owner is not None:
            tints.append(("BACKGROUND", (0, number), (0, number), HexColor(tint(owner.color))))
    widths = ([0.12, 0.22, 0.12, 0.2, 0.09, 0.25] if notes else [0.14, 0.34, 0.15, 0.25, 0.12])
    parts.append(table(rows, [w * width for w in widths], extra=tints))
    return parts


class LeadBalance(Flowable):
    """Each partner's lead, so far and over the whole plan, as two bars on one
    scale in their own colour: the same picture as the Roadmap tab's."""

    ROW = 22.0

    def __init__(self, times: list[LeadTime]) -> None:
        super().__init__()
        self.times = times

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        return aW, self.ROW * len(self.times) + 4

    def draw(self) -> None:
        canvas = self.canv
        names = 110.0
        longest = max((t.in_plan for t in self.times), default=0) or 1
        bar_room = self.width - names - 170
        y = self.ROW * len(self.times)
        for time in self.times:
            y -= self.ROW
            style = partner_style(time.partner, TextStyle(size=9, alignment="left"))
            draw_line(canvas, 0, y + 7, time.partner.name, style, width=names - 8)
            whole = bar_room * time.in_plan / longest
            so_far = bar_room * time.so_far / longest
            canvas.setFillColor(HexColor(tint(time.partner.color, 0.3)))
            canvas.roundRect(names, y + 3, max(whole, 1), 12, 2, stroke=0, fill=1)
            canvas.setFillColor(HexColor(time.partner.color))
            if so_far >= 1:
                canvas.roundRect(names, y + 3, so_far, 12, 2, stroke=0, fill=1)
            text = f"{round(time.so_far)} months so far, {round(time.in_plan)} in the plan"
            label = TextStyle(size=8, color="#555555", alignment="left")
            draw_line(canvas, names + max(whole, 1) + 6, y + 6, text, label,
                      width=self.width - names - max(whole, 1) - 6)
