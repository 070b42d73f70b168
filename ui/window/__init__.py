"""The window's own parts: the main window, its header, the welcome page, the
plan-wide dialogs, what is remembered between runs, and the tab registry.
Tabs never import from here; they get their document from the registry."""
