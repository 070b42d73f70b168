"""Small helpers shared by tests."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from models.exchange import plan_to_dict
from models.plan_file import PlanFile


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def stored(path: Path) -> dict[str, Any]:
    """What the file on disk holds, read by a fresh open."""
    with PlanFile.open(path) as plan:
        return plan_to_dict(plan.session)


def tip_text(tip: str) -> str:
    """What a tooltip shows: rich text rendered, plain text as it is."""
    from PySide6.QtGui import Qt, QTextDocument

    if not Qt.mightBeRichText(tip):
        return tip
    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()


def visible_text(label: Any) -> str:
    """The text a QLabel shows, with any rich-text markup rendered away."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Type ``text`` as a person would: printable ASCII key by key
    (``keyClicks`` knows no other keys), a line break as Return, anything else
    committed by the input method, as Cyrillic, CJK and emoji are typed."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for run in re.findall(r"\n|[\x20-\x7e]+|[^\x20-\x7e\n]+", text):
        if run == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        elif run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def entry_of(document: Any, uuid: str) -> Any:
    """The roadmap item or season ``uuid`` as the document's viewer sees it now."""
    from models.roadmap import roadmap_entry

    return roadmap_entry(document.plan, document.viewer, uuid)


def answer_dialog(qtbot: Any, handle: Any, *, popup: bool = False,
                  timeout: float = 5.0) -> list[str]:
    """Run ``handle(widget)`` once on the next modal dialog (or popup menu,
    with ``popup``). It looks every few milliseconds without blocking (the
    dialog may open in a nested event loop), and gives up after ``timeout``
    seconds, failing the test; if ``handle`` fails, the dialog is closed. So
    a test can never hang on a dialog. Returns the window titles answered."""
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    seen: list[str] = []

    def act() -> None:
        widget = QApplication.activePopupWidget() if popup else QApplication.activeModalWidget()
        if widget is None:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {'menu' if popup else 'dialog'} appeared in {timeout} s")
            QTimer.singleShot(10, act)
            return
        try:
            seen.append(widget.windowTitle())
            handle(widget)
        except BaseException:
            widget.close()
            raise

    QTimer.singleShot(0, act)
    return seen


def every_text(root: Any) -> str:
    """Every text a person could see or hear in ``root`` and everything it
    holds: widget texts, titles, tooltips, status and accessible texts, list,
    table and tree contents (every cell, every role that holds text), the
    undo history, menus and actions, and the shapes and tooltips of charts.
    For privacy tests: a planted string must be nowhere in it."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGraphicsView,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
        QWidget,
    )

    found: list[str] = []

    def model_texts(model: Any, parent: Any = None) -> None:
        parent = parent or QModelIndex()
        for row in range(model.rowCount(parent)):
            try:
                columns = model.columnCount(parent)
            except TypeError:  # a list model (the undo history's) keeps it private
                columns = 1
            for column in range(max(1, columns)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                             Qt.ItemDataRole.EditRole, Qt.ItemDataRole.StatusTipRole,
                             Qt.ItemDataRole.AccessibleTextRole):
                    value = index.data(role)
                    if value is not None:
                        found.append(str(value))
                if index.isValid() and model.rowCount(index) > 0 and column == 0:
                    model_texts(model, index)

    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        found += [widget.windowTitle(), widget.toolTip(), widget.statusTip(),
                  widget.whatsThis(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            found.append(widget.text())
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            found.append(widget.toPlainText())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model_texts(widget.model())
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                found.append(item.toolTip())
                for name in ("label", "text"):
                    value = getattr(item, name, None)
                    found.append(value() if callable(value) else str(value or ""))
                style = getattr(item, "style", None)
                found.append(str(getattr(style, "label", "")))
        for action in widget.actions():
            found += [action.text(), action.toolTip(), action.statusTip()]
    for action in root.findChildren(QAction):
        found += [action.text(), action.toolTip(), action.statusTip()]
    return "\n".join(found)


def assert_delete_and_undo_restore_the_file(document: Any, text: str, edit: Any) -> None:
    """The pattern every parent table is tested with: delete (the edit lists
    the children it deletes), check the rows are gone, undo, and find the file
    exactly as before, children included; then redo and undo once more."""
    def whole_file() -> dict[str, Any]:
        plan = document.plan
        plan.session.rollback()
        data = plan_to_dict(plan.session)
        plan.session.rollback()
        plan.session.expunge_all()
        return data

    before = whole_file()
    gone = {change.uuid for change in edit if change.after is None}
    assert gone, "a delete deletes something"
    document.submit(text, edit)
    after = whole_file()
    remaining = {row["uuid"] for rows in after["tables"].values() for row in rows}
    assert not gone & remaining, "every row the edit lists is gone"
    document.undo()
    assert whole_file() == before, "undo brings back the parent and all its children"
    document.redo()
    assert whole_file() == after
    document.undo()
    assert whole_file() == before


def tab_titled(window: Any, title: str) -> Any:
    """The main window's tab a person reads as ``title`` ("Goals & Wins"),
    built now if it was not yet: tests name tabs as people do, not by place."""
    from ui.style import shown_text

    tabs = window.tabs
    for index in range(tabs.count()):
        if shown_text(tabs.tabText(index)) == title:
            return window.tab(index)
    raise AssertionError(f"no tab {title!r}")
