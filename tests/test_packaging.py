"""The installed app's files, checked quickly in every run (the full build and
its check, packaging/check-deb, take minutes): the desktop entry, the plan's
file type, the AppStream file, and everything the PyInstaller spec takes.

The system's validators run where installed (packaging/dev.sh installs them
on Debian); elsewhere those tests skip, saying why, and what Python can check
is checked anyway."""

from __future__ import annotations

import ast
import configparser
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import ui.app
from models import plan_file

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import bundle  # noqa: E402

MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def needs(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (packaging/dev.sh installs it on Debian)")
    return path


# -- the desktop entry ------------------------------------------------------------------


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(bundle.DESKTOP_FILE.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_the_desktop_entry_starts_tandem_with_the_double_clicked_plan() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == bundle.APP_NAME
    assert entry["Exec"].split() == [bundle.EXECUTABLE, "%f"]
    assert entry["TryExec"] == bundle.EXECUTABLE
    assert entry["Icon"] == bundle.EXECUTABLE
    assert entry["Terminal"] == "false"
    assert bundle.MIME_TYPE in entry["MimeType"].split(";")
    for key in ("MimeType", "Categories", "Keywords"):
        assert entry[key].endswith(";"), f"{key} is a list ending with ';'"
    assert entry["StartupWMClass"] == ui.app.APP_NAME, "what Qt puts in WM_CLASS"
    assert bundle.DESKTOP_FILE.name == f"{bundle.APP_ID}.desktop"
    assert ui.app.DESKTOP_ID == bundle.DESKTOP_ID, \
        "Qt must name the installed desktop file, or docks show no icon on Wayland"


def test_desktop_file_validate_finds_nothing() -> None:
    tool = needs("desktop-file-validate")
    result = subprocess.run([tool, str(bundle.DESKTOP_FILE)], capture_output=True, text=True,
                            timeout=30)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


# -- the plan's file type ---------------------------------------------------------------


def mime_type() -> ET.Element:
    root = ET.parse(bundle.MIME_FILE).getroot()
    found = root.findall("m:mime-type", MIME_NS)
    assert len(found) == 1
    return found[0]


def test_a_plan_is_an_sqlite_database_known_by_its_name_and_its_header() -> None:
    kind = mime_type()
    assert kind.get("type") == bundle.MIME_TYPE
    assert [e.get("type") for e in kind.findall("m:sub-class-of", MIME_NS)] == \
        ["application/vnd.sqlite3"]
    assert [g.get("pattern") for g in kind.findall("m:glob", MIME_NS)] == \
        [f"*{plan_file.SUFFIX}"]
    assert [i.get("name") for i in kind.findall("m:icon", MIME_NS)] == [bundle.MIME_ICON]

    magic = kind.find("m:magic", MIME_NS)
    assert magic is not None
    assert int(magic.get("priority", "50")) > 50, "above SQLite's own rule (50)"
    outer = magic.find("m:match", MIME_NS)
    assert outer is not None and outer.get("offset") == "0"
    assert plan_file._MAGIC.startswith(outer.get("value", "").encode())
    inner = outer.find("m:match", MIME_NS)
    assert inner is not None
    assert (inner.get("type"), inner.get("offset")) == ("big32", "68")
    assert int(inner.get("value", ""), 16) == plan_file.APPLICATION_ID


def test_the_desktop_recognises_a_plan_even_renamed(tmp_path: Path, plan_path: Path) -> None:
    """With the type installed (update-mime-database), Qt's MIME database, as
    a file manager's, calls a plan a plan; a plain SQLite file stays one."""
    tool = needs("update-mime-database")
    share = tmp_path / "share"
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy(bundle.MIME_FILE, share / "mime" / "packages")
    subprocess.run([tool, str(share / "mime")], check=True, capture_output=True, timeout=60)
    renamed = tmp_path / "no extension"
    shutil.copy(plan_path, renamed)
    other = tmp_path / "other.tandem.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    code = ("import sys\nfrom PySide6.QtCore import QMimeDatabase\n"
            "for f in sys.argv[1:]: print(QMimeDatabase().mimeTypeForFile(f).name())")
    env = dict(os.environ, XDG_DATA_DIRS=f"{share}:/usr/share", XDG_DATA_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code, str(plan_path), str(renamed), str(other)],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.stdout.split() == [bundle.MIME_TYPE, bundle.MIME_TYPE,
                                     "application/vnd.sqlite3"], result.stderr


# -- AppStream --------------------------------------------------------------------------


def test_the_appstream_file_describes_this_release() -> None:
    component = ET.parse(bundle.METAINFO_FILE).getroot()
    assert component.tag == "component" and component.get("type") == "desktop-application"

    def text(tag: str) -> str:
        element = component.find(tag)
        assert element is not None and (element.text or "").strip(), f"<{tag}> is required"
        return (element.text or "").strip()

    assert text("id") == bundle.APP_ID
    assert text("name") == bundle.APP_NAME
    assert text("metadata_license") in ("FSFAP", "CC0-1.0", "MIT")
    assert text("project_license") == bundle.project()["license"]["text"]  # type: ignore[index]
    assert text("summary")
    assert component.find("description/p") is not None
    assert text("launchable") == bundle.DESKTOP_FILE.name
    assert text("provides/binary") == bundle.EXECUTABLE
    assert text("provides/mediatype") == bundle.MIME_TYPE
    assert component.find("content_rating") is not None
    releases = component.findall("releases/release")
    assert releases and releases[0].get("version") == bundle.version(), \
        "the newest release first, as pyproject.toml says"
    images = component.findall("screenshots/screenshot/image")
    assert images and all((i.text or "").startswith("https://") for i in images)


def test_appstreamcli_validates_it() -> None:
    tool = needs("appstreamcli")
    result = subprocess.run([tool, "validate", "--no-net", str(bundle.METAINFO_FILE)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout


# -- what the spec and build-deb take ---------------------------------------------------


def test_every_file_the_build_takes_exists() -> None:
    for path in (bundle.APP_ICON_SVG, bundle.PLAN_ICON_SVG, bundle.DESKTOP_FILE,
                 bundle.MIME_FILE, bundle.METAINFO_FILE, bundle.MAN_PAGE,
                 bundle.COPYRIGHT_FILE, bundle.CHANGELOG_FILE, bundle.LINTIAN_OVERRIDES,
                 bundle.SCREENSHOT, bundle.INNO_SCRIPT, bundle.INNO_LICENSE,
                 ROOT / "main.py", ROOT / "benchmarks" / "startup_probe.py",
                 bundle.PACKAGING / "tandem.spec"):
        assert path.is_file(), path
    for pattern in bundle.resource_patterns():
        assert list((ROOT / "resources").glob(pattern)), f"{pattern} matches nothing"
    assert all(Path(source).is_file() for source, _ in bundle.resource_data())


def test_the_frozen_app_takes_every_data_file_of_resources() -> None:
    """A data file added to resources/ but to no pattern would be missing
    from the installed app only."""
    taken = {Path(source) for source, _ in bundle.resource_data()}
    data = {p for p in (ROOT / "resources").rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts}
    assert data - taken == set()


def test_nothing_tandem_imports_is_left_out_of_the_frozen_app() -> None:
    imported = set()
    for folder in ("models", "ui", "report", "resources"):
        for source in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    imported.update(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    imported.add(node.module)
    left_out = {name for name in imported for excluded in bundle.EXCLUDED_MODULES
                if name == excluded or name.startswith(f"{excluded}.")}
    assert left_out == set()
    assert "PySide6.QtNetwork" in imported and "PySide6.QtNetwork" not in bundle.EXCLUDED_MODULES


def test_the_qt_plugins_tandem_needs_are_kept_and_the_rest_left_out() -> None:
    plugins = "PySide6/Qt/plugins"
    for kept in ("platforms/libqxcb.so", "imageformats/libqsvg.so",
                 "iconengines/libqsvgicon.so", "printsupport/libcupsprintersupport.so",
                 "platforms/qwindows.dll", "platforms/libqcocoa.dylib",
                 "platforminputcontexts/libibusplatforminputcontextplugin.so"):
        assert not bundle.left_out(f"{plugins}/{kept}"), kept
    for dropped in ("platforms/libqwayland-egl.so", "platforms/libqeglfs.so",
                    "imageformats/libqpdf.so", "sqldrivers/libqsqlite.so", "tls/libqopensslbackend.so",
                    "qmltooling/libqmldbg_debugger.so"):
        assert bundle.left_out(f"{plugins}/{dropped}"), dropped
    assert bundle.left_out("PySide6/Qt/lib/libQt6Quick.so.6")
    assert not bundle.left_out("PySide6/Qt/lib/libQt6Svg.so.6")
    assert bundle.left_out("matplotlib/mpl-data/sample_data/data.csv")
    assert not bundle.left_out("matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf")


def test_the_version_and_the_projects_address_are_the_same_everywhere() -> None:
    version = bundle.version()
    changelog = bundle.CHANGELOG_FILE.read_text()
    assert changelog.startswith(f"tandem ({version}) ")
    assert f" -- {bundle.MAINTAINER}  " in changelog
    assert f'"Tandem {version}"' in bundle.MAN_PAGE.read_text()
    metainfo = ET.parse(bundle.METAINFO_FILE).getroot()
    urls = [e.text or "" for e in (*metainfo.findall("url"),
                                   *metainfo.findall("screenshots/screenshot/image"))]
    assert urls and all(url.startswith(bundle.HOMEPAGE) for url in urls)
    assert f"Upstream-Contact: {bundle.MAINTAINER}" in bundle.COPYRIGHT_FILE.read_text()
    inno = bundle.INNO_SCRIPT.read_text()
    assert f"AppPublisherURL={bundle.HOMEPAGE}" in inno


def test_the_icons_render_in_every_size(tmp_path: Path, qapp: object) -> None:
    import render_icons

    assert render_icons.main(["render_icons", str(tmp_path)]) == 0
    for size in bundle.ICON_SIZES:
        for name in (f"apps/{bundle.EXECUTABLE}.png", f"mimetypes/{bundle.MIME_ICON}.png"):
            png = tmp_path / "hicolor" / f"{size}x{size}" / name
            assert struct.unpack(">II", png.read_bytes()[16:24]) == (size, size), png
    ico = (tmp_path / "tandem.ico").read_bytes()
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, len(render_icons.ICO_SIZES))
    icns = (tmp_path / "tandem-plan.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_the_screenshot_is_the_size_the_appstream_file_says() -> None:
    png = bundle.SCREENSHOT.read_bytes()
    width, height = struct.unpack(">II", png[16:24])
    image = ET.parse(bundle.METAINFO_FILE).getroot().find("screenshots/screenshot/image")
    assert image is not None
    assert (str(width), str(height)) == (image.get("width"), image.get("height"))
    assert re.fullmatch(r"https://\S+\.png", (image.text or "").strip())


# -- stripping the frozen app's libraries --------------------------------------------------


def test_stripping_keeps_whole_the_libraries_that_would_no_longer_load(tmp_path: Path) -> None:
    """NumPy's OpenBLAS, stripped, fails to load ("ELF load command
    address/offset not page-aligned") and with it `tandem export`: the build
    keeps such a library whole and strips the others."""
    needs("strip")
    import numpy

    wheel_libraries = Path(numpy.__file__).parent.parent / "numpy.libs"
    openblas = next(wheel_libraries.glob("libscipy_openblas*.so*"), None)
    if openblas is None:
        pytest.skip("this NumPy ships no OpenBLAS of its own")
    libraries = tmp_path / "app" / "_internal" / "numpy.libs"
    libraries.mkdir(parents=True)
    kept = libraries / openblas.name
    shutil.copy2(openblas, kept)
    import _json  # an ordinary extension module, which stripping leaves loadable

    ordinary = libraries / Path(_json.__file__).name
    shutil.copy2(_json.__file__, ordinary)
    before = kept.read_bytes()

    _count, whole = bundle.strip_binaries(tmp_path / "app")

    assert kept.read_bytes() == before and whole == [openblas.name]
    assert not bundle.loadable(_stripped_copy(openblas, tmp_path))  # why it was kept
    assert bundle.loadable(ordinary.read_bytes()[: 1 << 16])
    assert ordinary.stat().st_size <= Path(_json.__file__).stat().st_size


def _stripped_copy(library: Path, folder: Path) -> bytes:
    copy = folder / "stripped.so"
    subprocess.run(["strip", "--strip-unneeded", "-o", str(copy), str(library)], check=True)
    return copy.read_bytes()[: 1 << 16]
