"""The Red Flag Alert Box: the partner at the keyboard ticks, alone, the red
flags they see, each with a note, and shares a tick with the other by an
explicit step. Below, the flags the other has shared. When any flag is
present, the seed's advice: talk soon, without blame; a counselor can help.
Both together see only shared flags, and tick none."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

import resources
from models.changes import Edit
from models.checklist import long_date
from models.errors import TandemError
from models.partners import partners
from models.red_flags import (
    RedFlag,
    advice,
    edit_note,
    flag_texts,
    red_flags,
    share_flag,
    tick,
    untick,
)
from ui.document import PlanDocument
from ui.live_text import LiveText
from ui.style import ERROR_COLOR, HINT_STYLE, error_label, heading, plain_label
from ui.text_fields import PlainTextEdit

ADVICE_STYLE = (f"QFrame#redFlagAdvice {{ background: #fdecea; border-left: 4px solid "
                f"{ERROR_COLOR}; border-radius: 4px; }}")


def _label(text: str = "", name: str = "", hint: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # notes quote what people typed
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if hint:
        label.setStyleSheet(HINT_STYLE)
    return label


class FlagRow(QWidget):
    """One of the six flags, for the partner at the keyboard: ticked or not,
    their note (stored as it is typed), and whether it is shared."""

    def __init__(self, flag: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.flag = flag
        self.text = text
        self.document: PlanDocument | None = None
        self.row: RedFlag | None = None
        self.box = QCheckBox(plain_label(text))
        self.box.setObjectName(f"flag_{flag}")
        self.box.clicked.connect(self._clicked)
        self.note = PlainTextEdit()
        self.note.setObjectName(f"flagNote_{flag}")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText("What makes you think so? Only you see this until you "
                                     "share it.")
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + 12)
        self.state = _label(name=f"flagState_{flag}", hint=True)
        self.share = QPushButton("Share")
        self.share.setObjectName(f"flagShare_{flag}")
        self.share.clicked.connect(self._share)
        self.error = error_label(f"flagError_{flag}")
        self.live: LiveText | None = None

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.box, 0, 0, 1, 2)
        layout.addWidget(self.note, 1, 0, 1, 2)
        layout.addWidget(self.state, 2, 0)
        layout.addWidget(self.share, 2, 1)
        layout.addWidget(self.error, 3, 0, 1, 2)
        layout.setColumnStretch(0, 1)

    def bind(self, document: PlanDocument | None) -> None:
        if self.live is not None:
            self.live.flush()
            self.live.deleteLater()
            self.live = None
        self.document = document
        if document is not None:
            self.live = LiveText(document, self.note, f"flag:{self.flag}", self._store_note,
                                 self._refused)

    def show_row(self, row: RedFlag | None, other: str) -> None:
        self.row = row
        ticked = row is not None
        self.box.setChecked(ticked)
        self.note.setVisible(ticked)
        self.state.setVisible(ticked)
        self.share.setVisible(row is not None and row.is_draft)
        self.share.setText(f"Share with {plain_label(other)}")
        self.share.setToolTip(f"Let {other} see this red flag and your note (and the "
                              "counselor report). You can undo it.")
        if row is not None:
            self.state.setText(f"Shared with {other} on {long_date(row.shared_on)}."
                               if row.shared_on is not None else
                               f"Only you see this. {other} doesn’t, until you share it.")
        if self.live is not None:
            self.live.show(row.note if row is not None else "")

    def _submit(self, text: str, edit: Edit, merge_key: str = "") -> None:
        """Store an edit of this flag; a refusal raises :class:`TandemError`."""
        if self.document is not None:
            self.document.submit(text, edit, merge_key, initiator=self)
            self.error.hide()

    def _clicked(self, checked: bool) -> None:
        document = self.document
        if document is None:
            return
        try:
            if checked:
                self._submit(f"Tick “{self.text}”", tick(document.plan, document.viewer,
                                                         self.flag))
            elif self.row is not None:
                self._submit(f"Untick “{self.text}”", untick(self.row))
        except TandemError as error:
            self.box.setChecked(self.row is not None)  # as stored
            self._refused(error)

    def _share(self) -> None:
        if self.row is None:
            return
        try:
            self._submit(f"Share “{self.text}”", share_flag(self.row))
        except TandemError as error:
            self._refused(error)

    def _store_note(self, text: str, merge_key: str) -> None:
        if self.row is not None:
            self._submit(f"Edit the note on “{self.text}”", edit_note(self.row, text),
                         merge_key)

    def _refused(self, error: TandemError) -> None:
        self.error.setText(error.message)
        self.error.show()


class RedFlagsPage(QWidget):
    #: How many red flags the viewer sees now (for the page's title).
    count_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        content = resources.load_json("content/checklist.json")

        self.advice = QFrame()
        self.advice.setObjectName("redFlagAdvice")
        self.advice.setStyleSheet(ADVICE_STYLE)
        tip = advice()
        advice_box = QVBoxLayout(self.advice)
        advice_box.addWidget(heading(tip.heading))
        advice_box.addWidget(_label(tip.text, "adviceText"))
        advice_box.addWidget(_label(tip.counselor, "counselorText"))
        self.advice.hide()

        self.mine_heading = heading("What you see")
        self.rows = [FlagRow(flag.id, flag.text) for flag in flag_texts().values()]
        self.together_hint = _label("Each of you ticks red flags alone: choose who is at the "
                                    "keyboard at the top right (Ctrl+Alt+1, Ctrl+Alt+2). Here "
                                    "you see the red flags either of you has shared.",
                                    "togetherHint", hint=True)
        self.shared_heading = heading("Shared with you")
        self.shared_list = _label(name="sharedFlags")

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(12, 8, 12, 12)
        column.addWidget(_label(content["red_flags_intro"], "redFlagsIntro", hint=True))
        column.addWidget(self.advice)
        column.addWidget(self.together_hint)
        column.addWidget(self.mine_heading)
        for row in self.rows:
            column.addWidget(row)
        column.addSpacing(8)
        column.addWidget(self.shared_heading)
        column.addWidget(self.shared_list)
        column.addStretch(1)
        limit = QHBoxLayout()
        limit.addWidget(inner, 1)
        limit.addStretch(0)
        holder = QWidget()
        holder.setLayout(limit)
        holder.setMaximumWidth(900)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def set_document(self, document: PlanDocument | None) -> None:
        self.document = document
        for row in self.rows:
            row.bind(document)
        self.refresh()

    def refresh(self) -> None:
        document = self.document
        if document is None:
            self.count_changed.emit(0)
            return
        viewer = document.viewer
        pair = partners(document.plan)
        names = {p.uuid: p.name for p in pair}
        seen = red_flags(document.plan, viewer)
        mine = {row.flag: row for row in seen if row.author_uuid == viewer.partner_uuid} \
            if viewer.is_partner else {}
        other = next((p.name for p in pair if p.uuid != viewer.partner_uuid), "")
        for line in self.rows:
            line.setVisible(viewer.is_partner)
            line.show_row(mine.get(line.flag), other)
        self.mine_heading.setVisible(viewer.is_partner)
        self.together_hint.setVisible(not viewer.is_partner)
        shared = [row for row in seen if not row.is_draft
                  and row.author_uuid != viewer.partner_uuid]
        self.shared_heading.setText(f"Shared by {other}" if viewer.is_partner
                                    else "Shared red flags")
        lines = []
        for flag in shared:
            when = f"on {long_date(flag.shared_on)}" if flag.shared_on else ""
            who = "shared" if viewer.is_partner else names.get(flag.author_uuid or "", "")
            lines.append(f"• {flag.text} ({who} {when})".replace(" )", ")")
                         + (f"\n   “{flag.note}”" if flag.note else ""))
        self.shared_list.setText("\n".join(lines) if lines else "Nothing shared.")
        self.advice.setVisible(bool(seen))
        self.count_changed.emit(len(seen))
