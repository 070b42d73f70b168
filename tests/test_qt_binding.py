"""The Qt binding itself must be sound: a crash in it is a crash of Tandem."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QColor, QImage, QPainter


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_do_not_drop_references_to_none() -> None:
    # PySide6 6.12.0 loses one reference to None per void call; after enough
    # painting, Python 3.11 aborts with "deallocating None" and the app dies.
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    holder = QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        painter.setPen(QColor("#2f6db5"))
        painter.drawRect(QRectF(0, 0, 4, 4))
        holder.setObjectName("partner")
    painter.end()
    assert sys.getrefcount(None) - before > -50, "this PySide6 build corrupts None's refcount"
