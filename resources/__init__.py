"""Built-in content as data files, and the one place that finds them.

Question decks, roadmap kinds, indicators and example plans live here as JSON,
so that content changes are data changes, not code changes. They are read
through :mod:`importlib.resources`, so they are found wherever and however the
package is installed (as files, or inside an archive).
"""

from __future__ import annotations

import atexit
import json
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

# Temporary copies made for path() live until the process ends: Qt reads some
# files (an SVG icon) again long after it was given their name.
_copies = ExitStack()
atexit.register(_copies.close)


def resource(relative: str) -> Traversable:
    """A resource by its path below this package, e.g. ``"icons/tandem.svg"``."""
    found = files(__name__)
    for part in relative.split("/"):
        found = found / part
    return found


@cache
def path(relative: str) -> Path:
    """A real file holding the resource, for APIs that want a file name (Qt's
    icons): the file itself when installed as files, else a copy kept until exit."""
    return _copies.enter_context(as_file(resource(relative)))


@cache
def load_json(relative: str) -> Any:
    """A JSON resource, parsed once per process."""
    return json.loads(resource(relative).read_text(encoding="utf-8"))
