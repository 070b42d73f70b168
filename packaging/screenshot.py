"""Take the AppStream screenshot: the real app, on a real display, with the
example plan of Rachel and Marcus open.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python packaging/screenshot.py \
        [OUT.png]    (default: packaging/linux/screenshot.png)

The window is 1600x900 (16:9, as software centres show it); its contents are
grabbed by Qt, without the window manager's frame. Settings and plans go to a
temporary home, so a real user's are never touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SIZE = (1600, 900)


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "packaging" / "linux" / "screenshot.png"
    home = tempfile.mkdtemp(prefix="tandem-shot-")
    os.environ.update(HOME=home, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import ui.app
    from ui.window.main_window import MainWindow

    app = ui.app.make_application(argv[:1])
    window = MainWindow(welcome=False)
    window.resize(*SIZE)
    window.show()
    window.open_example()
    if window.document is None:
        print("screenshot: the example plan did not open", file=sys.stderr)
        return 1

    def shoot() -> None:
        pixmap = window.grab()
        if pixmap.width() != SIZE[0] or not pixmap.save(str(out), "png"):
            print(f"screenshot: could not take a {SIZE[0]}x{SIZE[1]} picture "
                  f"(got {pixmap.width()}x{pixmap.height()})", file=sys.stderr)
            app.exit(1)
            return
        print(f"Screenshot written to {out} ({pixmap.width()}x{pixmap.height()})")
        window.close()
        app.quit()

    QTimer.singleShot(1500, shoot)  # charts settle after their first resize
    result = app.exec()
    QApplication.processEvents()
    return result


if __name__ == "__main__":
    sys.exit(main(sys.argv))
