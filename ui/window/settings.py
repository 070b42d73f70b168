"""What Tandem remembers between runs: recent plans, the last plan, window
geometry. Stored with QSettings; plan content never goes here."""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QByteArray, QDir, QSettings, QStandardPaths

MAX_RECENT = 8


class RecentPlan(NamedTuple):
    path: Path
    #: When it was last opened here; None for plans remembered by an older
    #: Tandem, which kept no dates.
    opened: datetime | None


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


def _opened_dates() -> dict[str, str]:
    """When each recent plan was last opened: ISO dates by path, kept beside
    the list of paths (which stays as older versions wrote and read it)."""
    try:
        value = json.loads(str(_settings().value("recent_opened", "{}")))
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(path): str(when) for path, when in value.items()}


def recent_entries() -> list[RecentPlan]:
    """The recent plans, last opened first, each with when it was opened."""
    dates = _opened_dates()
    entries = []
    for path in recent_plans():
        try:
            opened: datetime | None = datetime.fromisoformat(dates[str(path)])
        except (KeyError, ValueError):
            opened = None
        entries.append(RecentPlan(path, opened))
    return entries


def _store_recent(paths: list[Path], dates: dict[str, str]) -> None:
    settings = _settings()
    settings.setValue("recent", [str(p) for p in paths])
    kept = {str(p): dates[str(p)] for p in paths if str(p) in dates}
    settings.setValue("recent_opened", json.dumps(kept, ensure_ascii=False))


def remember_plan(path: Path, opened: datetime | None = None) -> None:
    """Put ``path`` first in the recent list, opened now (or ``opened``), and
    mark it as the plan to reopen."""
    paths = ([path] + [p for p in recent_plans() if p != path])[:MAX_RECENT]
    dates = _opened_dates()
    dates[str(path)] = (opened or datetime.now().astimezone()).isoformat(timespec="seconds")
    _store_recent(paths, dates)
    _settings().setValue("last_plan", str(path))


def forget_recent(path: Path | None = None) -> None:
    """Drop one plan from the recent list, or all of them."""
    keep = [] if path is None else [p for p in recent_plans() if p != path]
    _store_recent(keep, _opened_dates())


def readable_folder(folder: Path) -> str:
    """A folder as people read it: in the system's own notation, with "~"
    for the home folder where that is the custom (not on Windows)."""
    home = Path.home()
    if sys.platform != "win32" and (folder == home or home in folder.parents):
        return "~" if folder == home else "~" + os.sep + str(folder.relative_to(home))
    return QDir.toNativeSeparators(str(folder))


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


#: Plans whose checked state is remembered (the most recently checked).
MAX_CHECKED = 16


def _checked() -> dict[str, str]:
    value = _settings().value("checkedPlans", "")
    try:
        found = json.loads(value) if isinstance(value, str) and value else {}
    except ValueError:
        return {}
    return {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, str)} \
        if isinstance(found, dict) else {}


def known_good(path: Path, version: str) -> str:
    """The fingerprint ``path`` had when this version of Tandem last closed
    it after every check passed ("" if none): a plan still just so opens
    without its rows being checked one by one again."""
    stamp = _checked().get(str(path), "")
    kept_by, _, fingerprint = stamp.partition("|")
    return fingerprint if kept_by == version else ""


def remember_good(path: Path, version: str, fingerprint: str) -> None:
    found = _checked()
    found.pop(str(path), None)
    found[str(path)] = f"{version}|{fingerprint}"
    _settings().setValue("checkedPlans", json.dumps(dict(list(found.items())[-MAX_CHECKED:])))
