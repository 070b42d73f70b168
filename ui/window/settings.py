"""What Tandem remembers between runs: recent plans, the last plan, window
geometry. Stored with QSettings; plan content never goes here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

MAX_RECENT = 8


def _settings() -> QSettings:
    # An explicit file, found afresh each time: QSettings("Tandem", "Tandem")
    # would fix its folder for the whole process on first use.
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return QSettings(str(Path(folder) / "Tandem" / "Tandem.conf"), QSettings.Format.IniFormat)


def data_folder() -> Path:
    """Where new plans go by default (the platform's app data folder)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    folder = Path(location)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def recent_plans() -> list[Path]:
    value = _settings().value("recent", [])
    if isinstance(value, str):  # QSettings gives one string for a one-item list
        value = [value]
    return [Path(str(p)) for p in value] if isinstance(value, list) else []


def remember_plan(path: Path) -> None:
    """Put ``path`` first in the recent list and mark it as the plan to reopen."""
    paths = [path] + [p for p in recent_plans() if p != path]
    settings = _settings()
    settings.setValue("recent", [str(p) for p in paths[:MAX_RECENT]])
    settings.setValue("last_plan", str(path))


def forget_recent(path: Path | None = None) -> None:
    """Drop one plan from the recent list, or all of them."""
    settings = _settings()
    keep = [] if path is None else [p for p in recent_plans() if p != path]
    settings.setValue("recent", [str(p) for p in keep])


def last_plan() -> Path | None:
    value = _settings().value("last_plan", "")
    return Path(str(value)) if value else None


def set_last_plan(path: Path | None) -> None:
    _settings().setValue("last_plan", str(path) if path else "")


def window_state() -> tuple[QByteArray | None, QByteArray | None]:
    settings = _settings()
    return settings.value("window/geometry"), settings.value("window/state")


def save_window_state(geometry: QByteArray, state: QByteArray) -> None:
    settings = _settings()
    settings.setValue("window/geometry", geometry)
    settings.setValue("window/state", state)
