"""What goes into the installed app, in one place: read by the PyInstaller
spec (``tandem.spec``), by ``build-deb`` and by ``tests/test_packaging.py``,
so the build and its checks can't disagree. Plain Python: importing it needs
neither PyInstaller nor Qt.
"""

from __future__ import annotations

import glob
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
MACOS = PACKAGING / "macos"
WINDOWS = PACKAGING / "windows"

APP_NAME = "Tandem"
#: The executable and the launcher on the PATH; also the icon's name.
EXECUTABLE = "tandem"
#: Who Tandem is to the desktop: AppStream's component id, the desktop entry's
#: name, what Qt reports as the desktop file (``ui.app.DESKTOP_ID``: they must
#: match, or docks show no icon on Wayland), the macOS bundle identifier.
#: Reverse DNS of the project's domain: tandem-planner.org, with "_" for "-"
#: as AppStream asks.
APP_ID = "org.tandem_planner.Tandem"
DESKTOP_ID = APP_ID
BUNDLE_ID = "org.tandem-planner.Tandem"
#: Where the project lives and who answers for the packages (the AppStream
#: file's homepage and screenshot URL, the .deb, the installers).
HOMEPAGE = "https://tandem-planner.org/"
MAINTAINER = "The Tandem developers <packaging@tandem-planner.org>"
DOCUMENT_UTI = "org.tandem-planner.plan"
MIME_TYPE = "application/x-tandem-plan"
MIME_ICON = MIME_TYPE.replace("/", "-")
SUFFIX = ".tandem"
INSTALL_DIR = "/opt/tandem"

#: Icons drawn once as SVG; the PNGs (hicolor sizes), .ico and .icns are
#: made from them at build time (``render_icons.py``).
APP_ICON_SVG = ROOT / "resources" / "icons" / "tandem.svg"
PLAN_ICON_SVG = ROOT / "resources" / "icons" / "tandem-plan.svg"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)

#: The files of the Linux package beside the frozen app.
DESKTOP_FILE = LINUX / f"{DESKTOP_ID}.desktop"
MIME_FILE = LINUX / f"{EXECUTABLE}.xml"
METAINFO_FILE = LINUX / f"{APP_ID}.metainfo.xml"
MAN_PAGE = LINUX / f"{EXECUTABLE}.1"
COPYRIGHT_FILE = LINUX / "copyright"
CHANGELOG_FILE = LINUX / "changelog"
LINTIAN_OVERRIDES = LINUX / "lintian-overrides"
SCREENSHOT = LINUX / "screenshot.png"
INNO_SCRIPT = WINDOWS / "tandem.iss"
INNO_LICENSE = WINDOWS / "license.txt"


def project() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        result: dict[str, object] = tomllib.load(handle)["project"]
    return result


def version() -> str:
    return str(project()["version"])


def resource_patterns() -> list[str]:
    """The data files of the ``resources`` package, as pyproject.toml lists
    them for an installed copy: the frozen app takes the same ones."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        data = tomllib.load(handle)
    patterns: list[str] = data["tool"]["setuptools"]["package-data"]["resources"]
    return patterns


def resource_data() -> list[tuple[str, str]]:
    """(file, folder in the app) for every data file of ``resources``."""
    result = []
    for pattern in resource_patterns():
        for found in sorted(glob.glob(str(ROOT / "resources" / pattern))):
            relative = Path(found).relative_to(ROOT)
            result.append((found, str(relative.parent)))
    return result


#: Python modules Tandem never imports, left out even where a library offers
#: them: other GUI toolkits, Qt's modules beyond Widgets, Svg, PrintSupport and
#: Network (the local socket of ``ui.window.single_instance``), matplotlib's
#: interactive backends (charts are drawn with Agg, and PDF/SVG for the page),
#: and development tools that happen to be in the build environment.
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "pydoc_data", "lib2to3",
    # (unittest stays: matplotlib's pyparsing imports it)
    "doctest", "pdb", "xmlrpc", "curses", "sqlite3.test",
    *(f"PySide6.{module}" for module in (
        "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
        "QtAxContainer", "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization",
        "QtDBus", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer",
        "QtLocation", "QtMultimedia", "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc",
        "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtQml",
        "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets",
        "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort",
        "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvgWidgets", "QtTest",
        "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
        "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
        "scripts", "support")),
    "PyQt5", "PyQt6", "PySide2", "shiboken2", "gi", "wx", "cairo", "cairocffi",
    *(f"matplotlib.backends.{module}" for module in (
        "backend_qt", "backend_qt5", "backend_qt5agg", "backend_qt5cairo", "backend_qtagg",
        "backend_qtcairo", "qt_compat", "qt_editor", "backend_tkagg", "backend_tkcairo",
        "_backend_tk", "backend_gtk3", "backend_gtk3agg", "backend_gtk3cairo",
        "backend_gtk4", "backend_gtk4agg", "backend_gtk4cairo", "_backend_gtk",
        "backend_wx", "backend_wxagg", "backend_wxcairo", "backend_macosx",
        "backend_nbagg", "backend_webagg", "backend_webagg_core", "backend_cairo",
        "backend_pgf", "backend_ps", "backend_template")),
    "matplotlib.pyplot", "matplotlib.pylab", "pylab", "matplotlib.testing", "matplotlib.tests",
    # (mpl_toolkits stays: matplotlib registers its 3D axes from it on import)
    "matplotlib.sphinxext",
    "numpy.tests", "numpy.f2py", "numpy.distutils", "numpy.testing", "numpy._pyinstaller",
    # Pillow: matplotlib writes PNG through it; it never needs AVIF, WebP,
    # colour management or Pillow's own font rendering.
    "PIL.ImageQt", "PIL.ImageTk", "PIL.ImageShow", "PIL.ImageGrab", "PIL._avif",
    "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin", "PIL._imagingcms",
    "PIL.ImageCms", "PIL._imagingft", "PIL.ImageFont", "PIL.ImageDraw", "PIL.ImageDraw2",
    "reportlab.graphics.testshapes", "reportlab.graphics.testdrawings",
    "reportlab.graphics.renderPM", "rlPyCairo", "_rl_renderPM",
    *(f"sqlalchemy.dialects.{name}" for name in ("mysql", "postgresql", "oracle", "mssql")),
    "sqlalchemy.testing",
    "setuptools", "pkg_resources", "distutils", "pip", "wheel",
    "pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff", "importlinter",
    "IPython", "jedi", "docutils", "sphinx",
]

#: Qt plugins kept, by folder (the file name without "lib" and suffix), for
#: all three platforms; every other plugin is left out. The window system
#: (xcb on Linux: Wayland desktops run it through XWayland), the desktop's
#: file dialogs, input methods (people type Chinese or Japanese), SVG images
#: and icons (Tandem shows no other image format), printing, and the native
#: widget style on Windows and macOS.
QT_PLUGINS: dict[str, set[str]] = {
    "platforms": {"qxcb", "qwindows", "qcocoa"},
    "platformthemes": {"qgtk3", "qxdgdesktopportal"},
    "platforminputcontexts": {"composeplatforminputcontextplugin",
                              "ibusplatforminputcontextplugin"},
    "imageformats": {"qsvg"},
    "iconengines": {"qsvgicon"},
    "printsupport": {"cupsprintersupport", "windowsprintersupport", "cocoaprintersupport"},
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"},
}

#: Qt libraries that only left-out modules and plugins need.
QT_LIBRARIES_LEFT_OUT = re.compile(
    r"Qt6?(Quick|Qml|Wayland|Wl|Pdf|EglF[Ss]|OpenGL|VirtualKeyboard|Multimedia|WebEngine|Designer|"
    r"Test|Sql|3D|Charts|DataVisualization|Graphs|Positioning|Location|"
    r"Bluetooth|Nfc|Sensors|Serial|WebSockets|WebChannel|Help|UiTools|Xml|Svg(Widgets))")

#: Data of libraries that Tandem never reads: matplotlib's sample data, the
#: toolbar images of its interactive windows, and fonts charts never use (the
#: charts' fonts are Tandem's own; DejaVu Sans, STIX and Computer Modern stay
#: for mathematical text and as matplotlib's fallbacks).
DATA_LEFT_OUT = re.compile(
    r"matplotlib[/\\]mpl-data[/\\](sample_data[/\\]|images[/\\]|fonts[/\\]afm[/\\]|"
    r"fonts[/\\]pdfcorefonts[/\\]|fonts[/\\]ttf[/\\]DejaVu(Serif|SansMono))")


def qt_plugin_kept(destination: str) -> bool | None:
    """For a file bundled from Qt's plugin folder: keep it or not; None for
    any other file."""
    parts = Path(destination).parts
    if "plugins" not in parts:
        return None
    index = parts.index("plugins")
    if index == 0 or parts[index - 1] != "Qt" or len(parts) < index + 3:
        return None
    folder, name = parts[index + 1], parts[-1]
    stem = name.removeprefix("lib").split(".")[0]
    return stem in QT_PLUGINS.get(folder, set())


#: Tandem's fonts (resources/fonts) that Debian packages too: the .deb links
#: to the system's copy when it is the very same file, and depends on its
#: package, rather than shipping a duplicate.
SYSTEM_FONTS = {
    "DejaVuSans.ttf": ("fonts-dejavu-core", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    "DejaVuSans-Bold.ttf": ("fonts-dejavu-core",
                            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    "DroidSansFallbackFull.ttf": ("fonts-droid-fallback",
                                  "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
    "Symbola.ttf": ("fonts-symbola", "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),
}

#: Where a Debian-like system keeps its shared libraries.
SYSTEM_LIBRARY_FOLDERS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")


def system_library(source: str) -> bool:
    """A library the build found in the system's folders (GTK, X11, fontconfig,
    libstdc++…): the package depends on the system's own (``dpkg-shlibdeps``
    names them) rather than shipping a copy that would clash with the
    desktop's. Python's own library stays in the app."""
    return (source.startswith(SYSTEM_LIBRARY_FOLDERS)
            and not Path(source).name.startswith("libpython"))


def left_out(destination: str, source: str = "") -> bool:
    """Whether a bundled file (its path in the app; where the build found
    it) is left out."""
    if sys.platform.startswith("linux") and system_library(source):
        return True
    kept = qt_plugin_kept(destination)
    if kept is not None:
        return not kept
    name = Path(destination).name
    return bool(QT_LIBRARIES_LEFT_OUT.search(name) or DATA_LEFT_OUT.search(destination))


#: The page size the loader checks segments against (4 KiB on x86-64).
PAGE = 4096


def loadable(data: bytes) -> bool:
    """Whether a 64-bit little-endian ELF file's loadable segments are
    page-aligned, as the dynamic loader insists. ``strip`` breaks this in
    libraries that auditwheel's patchelf rewrote (NumPy's OpenBLAS,
    Pillow's): "ELF load command address/offset not page-aligned"."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return False
    (header_at,) = struct.unpack_from("<Q", data, 0x20)
    entry_size, count = struct.unpack_from("<HH", data, 0x36)
    for index in range(count):
        at = header_at + index * entry_size
        if at + 56 > len(data):
            return False
        (kind,) = struct.unpack_from("<I", data, at)
        offset, address = struct.unpack_from("<QQ", data, at + 8)
        if kind == 1 and (address - offset) % PAGE:  # PT_LOAD
            return False
    return True


def strip_binaries(folder: Path) -> tuple[int, list[str]]:
    """Strip the symbols of every shared library in the frozen app's
    ``_internal`` folder, keeping a file as it was where the stripped copy
    would not load. PyInstaller's own ``strip`` option has no such check (and
    no list of exceptions). The programs beside it are left alone: their
    Python archive is appended after the ELF sections, and ``strip`` would
    drop it. Returns how many were stripped, and the names kept whole."""
    stripped, kept = 0, []
    for path in sorted((folder / "_internal").rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as handle:
            head = handle.read(1 << 16)
        if not loadable(head):
            continue  # not an ELF file (or one the loader refuses already)
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / path.name
            result = subprocess.run(["strip", "--strip-unneeded", "-o", str(copy), str(path)],
                                    capture_output=True)
            if result.returncode != 0:
                kept.append(path.name)
                continue
            with copy.open("rb") as handle:
                if not loadable(handle.read(1 << 16)):
                    kept.append(path.name)
                    continue
            shutil.copymode(path, copy)
            shutil.move(str(copy), str(path))
            stripped += 1
    return stripped, kept
