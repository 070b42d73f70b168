"""The counselor report as one PDF: a cover with the contents, a first page
"for the counselor" gathered from every section, then the sections the couple
chose. Page numbers ("Page 3 of 12") and the plan's name are on every page;
the headings are PDF bookmarks and the contents' lines are links.

It is made in one pass: numbers not known until the end (the page count, and
the page each section starts on) are drawn as PDF forms, defined when the
file is saved. The report reads the plan through the report's viewer only,
so nothing a partner keeps private can reach it. No Qt is imported here.
"""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import landscape
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from models.calendar import DateFormat
from models.errors import TandemError
from models.partners import couple_name, partners, plan_title
from models.plan_file import PlanFile
from report import fonts
from report.colors import darker
from report.options import SECTIONS, ReportOptions
from report.page import (
    ACCENT,
    BODY,
    FAINT_INK,
    FOOTER_HEIGHT,
    H2,
    MARGIN,
    PAPER,
    RULE,
    SMALL,
    SUBTITLE,
    Context,
    Heading,
    Point,
    bullets,
    frames,
    heading,
    sentence,
    space,
)
from report.sections import MODULES
from report.text import TextStyle, draw_line, line_width

#: ``progress(done, total, what)``; returning False cancels the report.
Progress = Callable[[int, int, str], bool]
AGREE = "#4a8c5c"
DIFFER = "#c07a2c"
TITLES = {section.key: section.title for section in SECTIONS}


class ReportWriteError(TandemError):
    """The report could not be written where it was asked to go."""


class ReportCancelled(Exception):
    """The person making the report cancelled it; nothing was written."""


def build_report(plan: PlanFile, target: Path | str, options: ReportOptions,
                 progress: Progress | None = None, *, today: date | None = None,
                 dates: DateFormat | None = None) -> int:
    """Write the report of ``plan`` to ``target`` (replacing it whole, or
    leaving it as it was) and return its number of pages."""
    target = Path(target)
    _check_target(plan, target)
    fonts.register_fonts()
    pair = partners(plan)
    portrait, wide = frames(options.page_size)
    context = Context(plan, pair, options, today or date.today(), dates or DateFormat(),
                      portrait, wide)
    keys = [key for key in options.sections if key == "counselor" or key in MODULES]
    total = len(keys) + 1

    def step(done: int, what: str) -> None:
        if progress is not None and not progress(done, total, what):
            raise ReportCancelled

    story: list[Flowable] = []
    for done, key in enumerate(keys):
        step(done, f"Gathering “{TITLES[key]}”…")
        if key == "counselor":
            template, parts = "portrait", _counselor(context, list(MODULES))
        else:
            template, parts = key, list(MODULES[key].story(context))
        story += [NextPageTemplate(template), PageBreak(), *parts]
    title = plan_title(pair, plan.path.stem)
    contents = [(f.text, f.key, f.level) for f in story if isinstance(f, Heading) and f.listed]
    story = [*_cover(context, title, contents), *story]
    step(total - 1, "Writing the PDF…")
    data, pages = _render(story, context, title)
    _write(data, target)
    return pages


# -- the document --------------------------------------------------------------------

class _Canvas(Canvas):
    """A canvas that draws "Page N of M" and the contents' page numbers as
    forms, and defines them when the file is saved and the numbers are known."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.starts: dict[str, int] = {}  # heading key → its page
        self.pages = 0

    def number(self, name: str, x: float, y: float) -> None:
        """Draw the form ``name`` (a number, right-aligned at ``x``)."""
        self.saveState()
        self.translate(x, y)
        self.doForm(name)
        self.restoreState()

    def save(self) -> None:
        pages = self.pages = self.getPageNumber() - 1  # after the last page's end
        for page in range(1, pages + 1):
            self._define(f"page-{page}", f"Page {page} of {pages}", FOOTER)
        for key, page in self.starts.items():
            self._define(f"start-{key}", str(page), CONTENTS)
        super().save()

    def _define(self, name: str, text: str, style: TextStyle) -> None:
        self.beginForm(name, -200, -4, 0, 20)
        draw_line(self, 0, 0, text, TextStyle(size=style.size, color=style.color,
                                              bold=style.bold, alignment="right"))
        self.endForm()


FOOTER = TextStyle(size=7.5, color=FAINT_INK, alignment="left")
CONTENTS = TextStyle(size=10.5, color="#2b2b2b")


class _Document(BaseDocTemplate):
    def __init__(self, output: io.BytesIO, context: Context, title: str) -> None:
        paper = PAPER[context.options.page_size]
        super().__init__(output, pagesize=paper, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN, bottomMargin=MARGIN + FOOTER_HEIGHT,
                         title=f"{title} — counselor report", author=couple_name(context.pair),
                         subject="A plan of two careers, made together: "
                                 + ", ".join(TITLES[k].lower() for k in context.options.sections),
                         creator=f"Tandem {_version()}", keywords=["Tandem", "dual career", "plan"],
                         producer=f"Tandem {_version()} (reportlab)", invariant=False)
        self.plan_title = title
        # The plain portrait page, and each section's own (turned for the
        # roadmap, with its key at the foot of each page).
        self.addPageTemplates([self._template("portrait", paper, 0.0, None)] + [
            self._template(key, landscape(paper) if module.LANDSCAPE else paper,
                           getattr(module, "FOOT_HEIGHT", 0.0), getattr(module, "page_foot", None))
            for key, module in MODULES.items()])

    def _template(self, name: str, size: tuple[float, float], foot: float,
                  page_foot: Callable[[Canvas, float, float, float], None] | None
                  ) -> PageTemplate:
        bottom = MARGIN + FOOTER_HEIGHT + foot
        frame = Frame(MARGIN, bottom, size[0] - 2 * MARGIN, size[1] - MARGIN - bottom,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name)

        def decorate(canvas: Canvas, document: BaseDocTemplate) -> None:
            self._footer(canvas, document)
            if page_foot is not None:
                page_foot(canvas, MARGIN, MARGIN + FOOTER_HEIGHT, size[0] - 2 * MARGIN)

        return PageTemplate(name, [frame], onPage=decorate, pagesize=size)

    def _footer(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        width = document.pageTemplate.pagesize[0]  # this page's: portrait or landscape
        y = MARGIN + 2
        canvas.saveState()
        canvas.setStrokeColor(HexColor(RULE))
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y + 11, width - MARGIN, y + 11)
        draw_line(canvas, MARGIN, y, self.plan_title, FOOTER, width=(width - 2 * MARGIN) * 0.7)
        assert isinstance(canvas, _Canvas)
        canvas.number(f"page-{canvas.getPageNumber()}", width - MARGIN, y)
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            canvas = self.canv
            assert isinstance(canvas, _Canvas)
            canvas.bookmarkPage(flowable.key)
            canvas.addOutlineEntry(flowable.text, flowable.key, flowable.level, closed=False)
            canvas.starts.setdefault(flowable.key, canvas.getPageNumber())


def _render(story: list[Flowable], context: Context, title: str) -> tuple[bytes, int]:
    """The PDF's bytes and its number of pages."""
    output = io.BytesIO()
    document = _Document(output, context, title)
    try:
        document.build(story, canvasmaker=_Canvas)
    finally:
        for figure in context.resources:
            figure.clear()
    canvas = document.canv
    assert isinstance(canvas, _Canvas)
    return output.getvalue(), canvas.pages


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tandem")
    except PackageNotFoundError:
        return "(development)"


# -- the cover, the contents and the counselor's page -------------------------------

class _Names(Flowable):
    """The couple's names, each in their own colour, centred, as large as fits."""

    def __init__(self, context: Context) -> None:
        super().__init__()
        self.pair = context.pair

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        self.size = 30.0
        while self.size > 12 and self._width(self.size) > aW:
            self.size -= 1
        return aW, self.size * 1.4

    def _width(self, size: float) -> float:
        return sum(line_width(p.name, size, True) for p in self.pair) + line_width(" & ", size)

    def draw(self) -> None:
        fits = self._width(self.size) <= self.width
        x = (self.width - min(self._width(self.size), self.width)) / 2
        y = self.size * 0.35
        # Names too long even at the smallest size share the line equally.
        room = (self.width - line_width(" & ", self.size)) / 2
        for number, partner in enumerate(self.pair):
            if number:
                x += draw_line(self.canv, x, y, " & ",
                               TextStyle(size=self.size, color=FAINT_INK, alignment="left"))
            style = TextStyle(size=self.size, bold=True, color=darker(partner.color, 1.4),
                              alignment="left")
            x += draw_line(self.canv, x, y, partner.name, style, width=None if fits else room)


class _Contents(Flowable):
    """The sections and their pages; each line is a link to its page."""

    LINE = 19.0

    def __init__(self, entries: list[tuple[str, str, int]]) -> None:
        super().__init__()
        self.entries = entries

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        return aW, self.LINE * len(self.entries)

    def split(self, aW: float, aH: float) -> list[Flowable]:
        """A long contents (every part chosen) goes on over the next page."""
        fits = int(aH // self.LINE)
        if fits < 3 or fits >= len(self.entries):
            return []
        return [_Contents(self.entries[:fits]), _Contents(self.entries[fits:])]

    def draw(self) -> None:
        canvas = self.canv
        assert isinstance(canvas, _Canvas)
        y = self.LINE * len(self.entries)
        for text, key, level in self.entries:
            y -= self.LINE
            indent = 18.0 * level
            style = TextStyle(size=CONTENTS.size - level, color=CONTENTS.color, bold=level == 0,
                              alignment="left")
            used = draw_line(canvas, indent, y + 5, text, style, width=self.width - indent - 40)
            canvas.setStrokeColor(HexColor(RULE))
            canvas.setDash(1, 2.5)
            canvas.line(indent + used + 6, y + 6, self.width - 30, y + 6)
            canvas.setDash()
            canvas.number(f"start-{key}", self.width, y + 5)
            canvas.linkRect("", key, (0, y, self.width, y + self.LINE), relative=1,
                            thickness=0)


def _cover(context: Context, title: str, contents: list[tuple[str, str, int]]
           ) -> list[Flowable]:
    width = context.portrait[0]
    made = context.dates.text(context.today)
    people = [(p.color, " · ".join(part for part in (p.name, p.role, p.field) if part))
              for p in context.pair]
    contents_heading = Heading("Contents", TextStyle(size=13, bold=True, color=ACCENT,
                                                     space_after=8), "contents", listed=False)
    # The contents split themselves (a long one goes on over the next page):
    # their heading stays on the cover with the first lines.
    contents_heading.keepWithNext = False
    cover: list[Flowable] = [
        space(context.portrait[1] * 0.12), _Names(context),
        sentence(title, TextStyle(size=13, color=FAINT_INK, alignment="center", space_after=2)),
        sentence(f"A plan of two careers, made together · {made}",
                 TextStyle(size=10, color=FAINT_INK, alignment="center", space_after=18)),
        bullets(people, width, TextStyle(size=10.5, color="#2b2b2b")),
        space(24),
        contents_heading,
        _Contents(contents),
        space(24),
        sentence("Everything in this report was shared by both partners. What either of them "
                 "keeps private (drafts, scores and ratings not yet revealed, private notes "
                 "and red flags) is never in it.", SMALL),
    ]
    return cover


def _counselor(context: Context, keys: list[str]) -> list[Flowable]:
    width = context.portrait[0]
    chosen = [key for key in keys if key in context.options.sections]
    found: list[Point] = []
    for key in chosen:
        found += MODULES[key].points(context)
    first, second = (p.name for p in context.pair)
    parts: list[Flowable] = [
        heading("For the counselor", "counselor"),
        sentence(f"On one page: where {first} and {second} agree and where they differ, "
                 "gathered from every part of their plan. Each part follows in full.", SUBTITLE),
        sentence("Both partners are treated alike throughout; each has a colour of their own:",
                 SMALL),
        bullets([(p.color, p.name) for p in context.pair], width, BODY),
    ]
    for agree, title, color in ((True, f"Where {first} and {second} agree", AGREE),
                                (False, "Where they differ, or have yet to decide", DIFFER)):
        side = [point for point in found if point.agree == agree]
        parts.append(sentence(title, H2))
        if side:
            parts.append(bullets([(color, point.text) for point in side], width, BODY))
        else:
            none = ("Nothing shared yet shows an agreement."
                    if agree else "Nothing shared yet shows a difference.")
            parts.append(sentence(none))
    if not chosen:
        parts.append(sentence("No other part of the plan is in this report.", SMALL))
    return parts


# -- writing the file ---------------------------------------------------------------

def _check_target(plan: PlanFile, target: Path) -> None:
    if target.exists() and target.is_dir():
        raise ReportWriteError(f"{target} is a folder: give the report a file name, "
                               "such as report.pdf.")
    try:
        same = target.exists() and plan.path.exists() and os.path.samefile(target, plan.path)
    except OSError:
        same = False
    if same:
        raise ReportWriteError(f"{target} is the plan itself: choose another name for the "
                               "report, so the plan is not overwritten.")
    if not target.parent.is_dir():
        raise ReportWriteError(f"The report cannot be saved in {target.parent}: there is no "
                               "such folder.")


def _write(data: bytes, target: Path) -> None:
    """Replace ``target`` whole: a half-written report never takes its place."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        with open(partial, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ReportWriteError(_write_message(target, error)) from error


def _write_message(target: Path, error: OSError) -> str:
    reasons = {errno.EACCES: "you may not write there", errno.EPERM: "you may not write there",
               errno.ENOSPC: "the disk is full", errno.EROFS: "that disk is read-only",
               errno.ENAMETOOLONG: "the name is too long"}
    reason = reasons.get(error.errno or 0, error.strerror or "the system refused")
    return f"The report could not be saved as {target}: {reason}."
