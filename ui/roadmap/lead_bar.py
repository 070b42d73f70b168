"""How the lead has been shared, as a picture: two split bars (so far, and
over the whole plan), each in both partners' colours, the months on hover,
and a kind word beside them (:func:`models.roadmap_insight.lead_note`)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from models.roadmap_insight import LeadTime, describe_lead, lead_note
from ui.style import INK, plain_tip

BAR_WIDTH = 150
BAR_HEIGHT = 9


class SplitBars(QWidget):
    """"So far" and "Whole plan", each a bar split between the two partners."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.times: list[LeadTime] = []
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_times(self, times: Sequence[LeadTime]) -> None:
        self.times = list(times)
        self.setToolTip(plain_tip(describe_lead(times)) if times else "")
        self.update()

    def _caption_width(self) -> float:
        metrics = QFontMetricsF(self.font())
        return max(metrics.horizontalAdvance(t) for t in ("So far", "Whole plan")) + 8

    def sizeHint(self) -> QSize:
        return QSize(int(self._caption_width()) + BAR_WIDTH + 4, 2 * BAR_HEIGHT + 14)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        caption = self._caption_width()
        for row, (text, so_far) in enumerate((("So far", True), ("Whole plan", False))):
            top = 2 + row * (BAR_HEIGHT + 8)
            painter.setPen(QColor(INK))
            painter.drawText(QRectF(0, top - 3, caption, BAR_HEIGHT + 6),
                             Qt.AlignmentFlag.AlignVCenter, text)
            values = [t.so_far if so_far else t.in_plan for t in self.times]
            total = sum(values)
            bar = QRectF(caption, top, BAR_WIDTH, BAR_HEIGHT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#e8e4dc"))
            painter.drawRoundedRect(bar, 3, 3)
            if not total:
                continue
            x = bar.left()
            for lead, value in zip(self.times, values, strict=True):
                width = BAR_WIDTH * value / total
                painter.setBrush(QColor(lead.partner.color))
                painter.drawRect(QRectF(x, bar.top(), width, BAR_HEIGHT))
                x += width
        painter.end()


class LeadBalance(QWidget):
    """The split bars and the kind word beside them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("leadBalance")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bars = SplitBars()
        self.note = QLabel()
        self.note.setObjectName("leadNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        layout.addWidget(self.bars)
        layout.addWidget(self.note, 1)

    def set_times(self, times: Sequence[LeadTime], context: str = "",
                  context_tip: str = "") -> None:
        """The lead so far and over the plan; ``context`` (what each of you
        passed up for the relationship) follows the kind word, as context
        for it, never as a score; ``context_tip`` says it in full on hover."""
        self.bars.set_times(times)
        self.bars.setVisible(any(t.in_plan for t in times))
        note = lead_note(times) if times else ""
        self.note.setText(" ".join(line for line in (note, context) if line))
        tip = "\n".join(line for line in (describe_lead(times) if times else "",
                                          context_tip or context) if line)
        self.note.setToolTip(plain_tip(tip) if tip else "")
