"""Tandem's windows, views and undo commands (Qt). Business rules live in
:mod:`models`; widgets here show the plan and turn gestures into edits."""

# The plan model (and SQLAlchemy) is imported before any Qt module: PySide6
# reads the source of every module imported after it, to see whether it uses
# PySide6 (its "__feature__" switch); for SQLAlchemy's hundreds of modules that
# would cost a noticeable part of the start-up (benchmarks/startup.py).
import models.schema  # noqa: F401
