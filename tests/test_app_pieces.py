"""Small pieces of the application's frame: the version comes from the
installed metadata, resources are found through importlib.resources, and the
chart's items need nothing of the scene but what they ask of it."""

from __future__ import annotations

from datetime import date
from importlib import metadata

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView
from pytestqt.qtbot import QtBot

import resources
from models.roadmap_layout import Style
from report.roadmap_drawing import Box, Entry
from ui.app import parse_args
from ui.roadmap.items import GestureHost, PhaseItem, TimeItem
from ui.roadmap.scene import RoadmapScene
from ui.window import about


def test_the_version_is_the_installed_distributions(capsys: pytest.CaptureFixture[str]) -> None:
    assert about.app_version() == metadata.version("tandem")
    with pytest.raises(SystemExit):
        parse_args(["--version"])
    assert capsys.readouterr().out.strip() == f"Tandem {metadata.version('tandem')}"


def test_an_uninstalled_copy_says_its_version_is_unknown(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", missing)
    about.app_version.cache_clear()
    try:
        assert about.app_version() == about.UNKNOWN_VERSION
    finally:
        about.app_version.cache_clear()


def test_resources_are_read_through_importlib_resources() -> None:
    kinds = resources.load_json("content/roadmap_kinds.json")
    assert "kinds" in kinds
    icon = resources.path("icons/tandem.svg")
    assert icon.is_file(), "a real file, for Qt's icon engine"
    assert icon.read_bytes() == resources.resource("icons/tandem.svg").read_bytes()
    assert resources.path("icons/tandem.svg") is icon, "one copy per resource at most"


def test_the_scene_is_what_items_ask_for(qapp: object) -> None:
    assert isinstance(RoadmapScene(), GestureHost)
    assert not isinstance(QGraphicsScene(), GestureHost)


def test_an_item_in_a_plain_scene_ignores_gestures(qtbot: QtBot) -> None:
    """Items report gestures to a GestureHost; elsewhere (a preview, a
    printout) they are only drawn."""
    scene = QGraphicsScene()
    style = Style(label="Phase", fill_alpha=0.9, pattern="", outline_dashed=False,
                  struck_out=False)
    item = PhaseItem(Entry("u", "phase", "", date(2026, 1, 1), date(2027, 1, 1), 0, 0, 120, 18,
                           [Box(0, 0, 120, 18, fill="#2f6db5")], "<b>tip</b>", style))
    scene.addItem(item)
    view = QGraphicsView(scene)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    point = view.mapFromScene(item.mapToScene(QPointF(40, 10)))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert isinstance(item, TimeItem) and item.isSelected()
