"""Test configuration: headless Qt, and a private home for every test so no
test ever touches a real user's plans or settings."""

from __future__ import annotations

import os

# Before anything imports Qt: tests never need a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

from models.partners import new_plan_rows  # noqa: E402
from models.plan_file import PlanFile  # noqa: E402

# Quick by default, thorough in CI (.ci/run sets CI=true); HYPOTHESIS_PROFILE
# chooses either by hand. No deadlines: a slow machine is no failure.
settings.register_profile("quick", deadline=None, print_blob=True, max_examples=25,
                          stateful_step_count=20)
settings.register_profile("thorough", deadline=None, print_blob=True, max_examples=150,
                          stateful_step_count=40, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE")
                      or ("thorough" if os.environ.get("CI") else "quick"))


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Qt's standard paths and QSettings follow $HOME in test mode."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(variable, raising=False)
    try:
        from PySide6.QtCore import QStandardPaths
    except ImportError:
        return home
    QStandardPaths.setTestModeEnabled(True)
    return home


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    """A closed plan file on disk for Ana and Bo."""
    folder = tmp_path / "plans"
    folder.mkdir()
    path = folder / "Ana & Bo.tandem"
    PlanFile.create(path, new_plan_rows("Ana", "Bo")).close()
    return path
