"""Both visions side by side, section by section: one read-only document
holding a two-column table, so each section of one partner starts level
with the same section of the other, whatever their lengths. Marked passages
are underlined in their kind's colour; selecting words in one section of
one vision is what a new mark is made on."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from models.day_schedule import Schedule, describe_duration, format_hours, format_time
from models.partners import Partner
from models.vision_marks import Span
from models.visions import Vision, VisionMark, content, mark_kinds, sections
from ui.style import FAINT_INK, plain_tip
from ui.text_fields import utf16_length

MARK_SCHEME = "mark"
HEADING_BACKGROUND = "#f3f1ec"


@dataclass(frozen=True)
class Side:
    """One partner's column: their vision, if they wrote one."""

    partner: Partner
    vision: Vision | None


@dataclass(frozen=True)
class Passage:
    """Selected words: in which vision and section, from where to where (characters)."""

    vision: Vision
    section: str
    start: int
    end: int


def describe_schedule(schedule: Schedule) -> str:
    parts = []
    if schedule.leave_home is not None:
        parts.append(f"leaves home {format_time(schedule.leave_home)}")
    if schedule.work_start is not None or schedule.work_end is not None:
        parts.append(f"works {format_time(schedule.work_start) or '?'}–"
                     f"{format_time(schedule.work_end) or '?'}")
    if schedule.back_home is not None:
        parts.append(f"back home {format_time(schedule.back_home)}")
    if schedule.home_minutes:
        parts.append(f"{format_hours(schedule.home_minutes)} h from home")
    if schedule.work_length:
        parts.append(f"a {describe_duration(schedule.work_length)} workday")
    return (", ".join(parts) + ".").capitalize() if parts else ""


def _code_points(text: str, units: int) -> int:
    """The character offset in ``text`` of a Qt position ``units`` into it."""
    if text.isascii():
        return units
    return len(text.encode("utf-16-le")[:2 * units].decode("utf-16-le", errors="ignore"))


class ComparisonView(QTextBrowser):
    #: Whether words a mark can be made on are selected.
    passage_selected = Signal(bool)
    #: A marked passage was clicked: the mark's UUID.
    mark_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("comparison")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard
                                     | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setAccessibleName("Both visions side by side")
        self.anchorClicked.connect(self._anchor_clicked)
        self.selectionChanged.connect(lambda: self.passage_selected.emit(
            self.selected_passage() is not None))
        self.sides: list[Side] = []
        self.table: QTextTable | None = None
        #: (row, column) of each section's text cell -> (side, section key).
        self.cells: dict[tuple[int, int], tuple[Side, str]] = {}
        self.section_rows: dict[str, int] = {}
        self.notes: dict[str, str] = {}
        self._places: dict[str, tuple[int, int]] = {}
        #: Extra actions of the right-click menu (marking).
        self.menu_actions: list[QAction] = []

    # -- building ------------------------------------------------------------------------

    def show_sides(self, sides: list[Side], marks: list[VisionMark],
                   places: dict[str, Span | None]) -> None:
        """Show ``sides`` (two partners) and underline the marks found in them."""
        keep = self.verticalScrollBar().value()
        self.sides = sides
        document = QTextDocument(self)
        document.setDefaultFont(self.font())
        document.setDocumentMargin(12)
        cursor = QTextCursor(document)
        table_format = QTextTableFormat()
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table_format.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, 50)] * len(sides))
        table_format.setCellPadding(8)
        table_format.setCellSpacing(0)
        table_format.setBorder(0)
        table_format.setBorderStyle(QTextTableFormat.BorderStyle.BorderStyle_None)
        all_sections = sections()
        table = cursor.insertTable(2 + 2 * (len(all_sections) + 1), len(sides), table_format)
        self.table, self.cells, self.section_rows = table, {}, {}
        for column, side in enumerate(sides):
            self._write(table, 0, column, side.partner.name, bold=True, scale=1.25,
                        color=side.partner.color)
        row = 1
        for section in all_sections:
            self._heading(table, row, section.title)
            self.section_rows[section.key] = row + 1
            for column, side in enumerate(sides):
                text = side.vision.text(section.key) if side.vision else ""
                self.cells[(row + 1, column)] = (side, section.key)
                if text:
                    self._write(table, row + 1, column, text)
                else:
                    self._write(table, row + 1, column, "Nothing written here.", faint=True)
            row += 2
        self._heading(table, row, content()["schedule"]["title"])
        for column, side in enumerate(sides):
            told = describe_schedule(side.vision.schedule) if side.vision else ""
            self._write(table, row + 1, column, told or "No schedule given.", faint=not told)
        self.setDocument(document)  # the last one, a child of this view, is deleted by Qt
        self._underline(marks, places)
        self.verticalScrollBar().setValue(keep)

    def _heading(self, table: QTextTable, row: int, title: str) -> None:
        table.mergeCells(row, 0, 1, table.columns())
        cell = table.cellAt(row, 0)
        cell_format = cell.format()
        cell_format.setBackground(QColor(HEADING_BACKGROUND))
        cell.setFormat(cell_format)
        self._write(table, row, 0, title, bold=True, scale=1.1)

    @staticmethod
    def _write(table: QTextTable, row: int, column: int, text: str, *, bold: bool = False,
               scale: float = 1.0, color: str = "", faint: bool = False) -> None:
        char = QTextCharFormat()
        if bold:
            char.setFontWeight(QFont.Weight.Bold)
        if scale != 1.0:
            char.setFontPointSize(QFont().pointSizeF() * scale)
        if color or faint:
            char.setForeground(QColor(color or FAINT_INK))
        if faint:
            char.setFontItalic(True)
        table.cellAt(row, column).firstCursorPosition().insertText(text, char)

    def _underline(self, marks: list[VisionMark], places: dict[str, Span | None]) -> None:
        self.notes, self._places = {}, {}
        for mark in marks:
            place = places.get(mark.uuid)
            cell = self._cell_of(mark.vision_uuid, mark.section)
            if place is None or cell is None:
                continue
            start, end = self._positions(cell, *place)
            kind = mark_kinds()[mark.kind]
            look = QTextCharFormat()
            look.setBackground(QBrush(QColor(kind.highlight)))
            look.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            look.setUnderlineColor(QColor(kind.color))
            look.setAnchor(True)
            look.setAnchorHref(f"{MARK_SCHEME}:{mark.uuid}")
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(look)
            self.notes[mark.uuid] = f"{kind.label}: {mark.note or '(no note)'}"
            self._places[mark.uuid] = (start, end)

    def _cell_of(self, vision_uuid: str, section: str) -> tuple[int, int] | None:
        for where, (side, key) in self.cells.items():
            if key == section and side.vision is not None and side.vision.uuid == vision_uuid:
                return where
        return None

    def _positions(self, cell: tuple[int, int], start: int, end: int) -> tuple[int, int]:
        assert self.table is not None
        side, key = self.cells[cell]
        text = side.vision.text(key) if side.vision else ""
        first = self.table.cellAt(*cell).firstCursorPosition().position()
        return first + utf16_length(text[:start]), first + utf16_length(text[:end])

    # -- reading what is selected ----------------------------------------------------------

    def selected_passage(self) -> Passage | None:
        """The selected words, when they lie in one written section of one vision."""
        cursor = self.textCursor()
        if self.table is None or not cursor.hasSelection():
            return None
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        first, last = self.table.cellAt(start), self.table.cellAt(end)
        if not first.isValid() or (first.row(), first.column()) != (last.row(), last.column()):
            return None
        found = self.cells.get((first.row(), first.column()))
        if found is None or found[0].vision is None:
            return None
        side, key = found
        assert side.vision is not None
        text = side.vision.text(key)
        if not text:
            return None
        origin = first.firstCursorPosition().position()
        return Passage(side.vision, key, _code_points(text, start - origin),
                       _code_points(text, end - origin))

    def cell_text(self, row: int, column: int) -> str:
        """What a cell shows, as plain text (for the tests and the screen reader)."""
        assert self.table is not None
        cell = self.table.cellAt(row, column)
        cursor = QTextCursor(self.document())
        cursor.setPosition(cell.firstCursorPosition().position())
        cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText().replace("\u2029", "\n")

    def cell_top(self, row: int, column: int) -> float:
        """Where a cell's text starts, from the top of the document."""
        assert self.table is not None
        block = self.table.cellAt(row, column).firstCursorPosition().block()
        return self.document().documentLayout().blockBoundingRect(block).top()

    def show_mark(self, uuid: str) -> None:
        """Select a mark's passage and scroll to it."""
        place = self._places.get(uuid)
        if place is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(place[0])
        cursor.setPosition(place[1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    # -- pointing at marks -------------------------------------------------------------------

    def _mark_at(self, point: QPoint) -> str:
        href = self.anchorAt(point)
        return href.split(":", 1)[1] if href.startswith(f"{MARK_SCHEME}:") else ""

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == MARK_SCHEME:
            self.mark_clicked.emit(url.path())

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            uuid = self._mark_at(event.pos())
            if uuid in self.notes:
                QToolTip.showText(event.globalPos(), plain_tip(self.notes[uuid]), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        first = menu.actions()[0] if menu.actions() else None
        if first is not None and self.menu_actions:
            menu.insertActions(first, self.menu_actions)
            menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()
