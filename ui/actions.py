"""Making actions the same way everywhere: shortcut, tooltip naming the
shortcut, status tip."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

#: A key sequence as Qt takes it: "Ctrl+D", a standard key, or a sequence.
Shortcut = str | QKeySequence | QKeySequence.StandardKey


def make_action(parent: QObject, text: str, slot: Callable[..., object],
                shortcut: Shortcut | None = None, tip: str = "",
                checkable: bool = False) -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
    action.setCheckable(checkable)
    action.triggered.connect(slot)
    return action
