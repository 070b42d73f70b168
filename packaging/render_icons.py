"""Render the app and plan icons from their SVGs for the installed app:
hicolor PNGs for Linux, an .ico for Windows, .icns for macOS.

    .venv/bin/python packaging/render_icons.py [OUT_FOLDER]   (default: build/icons)

Writes OUT/hicolor/<N>x<N>/{apps,mimetypes}/*.png for every size in
bundle.ICON_SIZES, OUT/tandem.ico, OUT/tandem-plan.ico, OUT/tandem.icns and
OUT/tandem-plan.icns. Uses Qt's own SVG renderer and PNG writer; the .ico
and .icns containers (PNG images with a small index) are written here, as
Qt's writers keep one size only. Needs nothing but the development
environment; no display.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle  # noqa: E402

#: Sizes inside the Windows .ico (Explorer picks one per view).
ICO_SIZES = (16, 24, 32, 48, 64, 256)
#: The entries of a macOS .icns: type code, pixel size (PNG images).
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
              (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
              (b"ic14", 512))


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def save(image: QImage, path: Path, fmt: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), fmt):
        raise SystemExit(f"render_icons: could not write {path} ({fmt})")


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "png"):
        raise SystemExit("render_icons: Qt could not encode a PNG")
    return data.data()


def ico(svg: Path) -> bytes:
    """A Windows icon file: a directory of PNG images (Windows Vista and later)."""
    images = [png_bytes(render(svg, size)) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, image in zip(ICO_SIZES, images, strict=True):
        side = 0 if size >= 256 else size  # 0 stands for 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
    return header + entries + b"".join(images)


def icns(svg: Path) -> bytes:
    """A macOS icon file: typed PNG images, each with its length."""
    body = b"".join(code + struct.pack(">I", 8 + len(image)) + image
                    for code, size in ICNS_TYPES
                    for image in [png_bytes(render(svg, size))])
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else bundle.ROOT / "build" / "icons"
    app = QGuiApplication.instance() or QGuiApplication(argv[:1])
    icons = ((bundle.APP_ICON_SVG, "apps", bundle.EXECUTABLE),
             (bundle.PLAN_ICON_SVG, "mimetypes", bundle.MIME_ICON))
    for svg, context, name in icons:
        for size in bundle.ICON_SIZES:
            save(render(svg, size), out / "hicolor" / f"{size}x{size}" / context / f"{name}.png",
                 "png")
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{svg.stem}.ico").write_bytes(ico(svg))
        (out / f"{svg.stem}.icns").write_bytes(icns(svg))
    del app
    print(f"Icons written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
