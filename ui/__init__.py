"""Tandem's windows, views and undo commands (Qt). Business rules live in
:mod:`models`; widgets here show the plan and turn gestures into edits."""
