"""Built-in content as data files, and the one place that finds them.

Question decks, roadmap kinds, indicators and example plans live here as JSON,
so that content changes are data changes, not code changes.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent


def path(relative: str) -> Path:
    """The absolute path of a resource file, e.g. ``path("icons/tandem.svg")``."""
    return ROOT / relative


@cache
def load_json(relative: str) -> Any:
    """A JSON resource, parsed once per process."""
    with path(relative).open(encoding="utf-8") as handle:
        return json.load(handle)
