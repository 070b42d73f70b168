"""Charts of the plan, one function per chart (a module per exercise), all
drawn the same way: matplotlib's object API (never pyplot, which keeps global
state and picks a GUI backend), imported only when a chart is first drawn, so
that starting the app does not pay for it.

A chart function takes plain data from :mod:`models` and a size in inches
and returns a ``Figure``. The screen shows it as an image (:func:`rgba`, used
by ``ui.chart_view``); the report places it on the page.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any

import resources

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

#: Tried in order for each character: Latin, Greek, Cyrillic, Hebrew and
#: Arabic, then Chinese and Japanese, then Korean, then emoji and symbols.
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DroidSansFallbackFull.ttf",
              "NanumSquareR.ttf", "Symbola.ttf")
FONT_FAMILIES = ["DejaVu Sans", "Droid Sans Fallback", "NanumSquare", "Symbola"]
INK = "#2b2b2b"
FAINT_INK = "#6b6b6b"
GRID = "#e4e1da"


@cache
def _fonts_registered() -> bool:
    from matplotlib import font_manager

    # Bold text falls back to the regular weight in the fonts that have no
    # bold (CJK, Korean, emoji): as intended, so not a warning on the console.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    for name in FONT_FILES:
        font_manager.fontManager.addfont(str(resources.path(f"fonts/{name}")))
    return True


@contextmanager
def chart_style() -> Iterator[None]:
    """Inside it, new figures and their texts take Tandem's look and fonts
    (text properties are fixed when a text is made, so draw inside it)."""
    import matplotlib

    _fonts_registered()
    style: dict[RcKeyType, Any] = {
        "font.family": FONT_FAMILIES,
        "font.size": 9.0,
        "text.color": INK,
        "axes.labelcolor": INK,
        "axes.edgecolor": GRID,
        "axes.titlesize": 10.0,
        "xtick.color": FAINT_INK,
        "ytick.color": FAINT_INK,
        "svg.fonttype": "none",
        "pdf.fonttype": 42,  # TrueType in PDFs, so text stays text
        # Names and titles are people's words: "$x$" is drawn as typed, never as mathematics.
        "text.parse_math": False,
    }
    with matplotlib.rc_context(style), warnings.catch_warnings():
        # Only for characters none of the shipped fonts has (say, an emoji
        # newer than Symbola): matplotlib draws a box, and warns of each.
        warnings.filterwarnings("ignore", message="Glyph .* missing from")
        yield


def new_figure(width_in: float, height_in: float) -> Figure:
    """An empty figure of this size, laid out so labels are never cut.
    Call it (and draw) inside :func:`chart_style`."""
    from matplotlib.figure import Figure

    return Figure(figsize=(max(width_in, 1.0), max(height_in, 1.0)), dpi=100,
                  layout="constrained", facecolor="white")


def rgba(figure: Figure, dpi: float) -> tuple[int, int, bytes]:
    """The figure drawn at ``dpi``: width, height and RGBA pixels (for the screen)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    buffer = io.BytesIO()
    FigureCanvasAgg(figure)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from")
        figure.savefig(buffer, format="rgba", dpi=dpi)
    pixels = buffer.getvalue()
    width_in, height_in = figure.get_size_inches()
    width = round(width_in * dpi)
    return width, len(pixels) // (4 * width), pixels


def png(figure: Figure, dpi: float = 150) -> bytes:
    """The figure as a PNG image."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    buffer = io.BytesIO()
    FigureCanvasAgg(figure)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from")
        figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
