"""Tandem's windows, views and undo commands (Qt). Business rules live in
:mod:`models`; widgets here show the plan and turn gestures into edits."""

# What the window needs to show a plan's Roadmap is imported here, before any
# Qt module: PySide6 reads the source of every module imported after it, to
# see whether it uses PySide6 (its "__feature__" switch); for SQLAlchemy's
# hundreds of modules, and ours, that would cost a noticeable part of the
# start-up (benchmarks/startup.py). The other exercises' models are loaded
# after the Roadmap's first paint (ui.window.main_window.open_at_start).
# ruff: noqa: F401
import models.backups
import models.passed_up
import models.plan_file
import models.roadmap_insight
import models.roadmap_layout
import report.roadmap_drawing
