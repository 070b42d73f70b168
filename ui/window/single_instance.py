"""One window per plan: starting Tandem with a plan that is already open
brings that plan's window forward instead of refusing to open it again.

A double-click on a plan starts a new Tandem process. Before it builds a
window, it asks (:func:`hand_off`) over a local socket named for the user and
the plan whether a running Tandem has that plan open; if one answers that it
has, the running Tandem brings its window forward and the new process exits.
Without a plan (the app's icon clicked again) it asks about the plan it would
reopen, the last one.

A *different* plan opens in a window of its own, in its own process, as
before: a double-click never swaps the plan out of a window the couple is
using, and two plans side by side is what a second document does everywhere
else on a desktop.

The running Tandem listens (:class:`PlanServer`) under the name of the plan
its window shows, and follows the window when it opens another plan or closes
it. The name is only a hint: a request is answered "shown" only if the window
really has that plan open, so a stale name never swallows a start.

On macOS a double-click on a plan while Tandem runs does not start a process:
the system hands the file to the running Tandem as a file-open event, which
the server answers the same way (:meth:`PlanServer.eventFilter`).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QProcess, Qt, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMainWindow

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

    from ui.window.main_window import MainWindow

# Qt's network module is loaded only when a socket is needed: most starts find
# no Tandem running (hand_off), and the server listens after the window's
# first paint (ui.app), so that neither holds the window up.

#: How long a starting Tandem waits for a running one, in all (a running one
#: answers within milliseconds; a hung one must not hold the start up for long).
HAND_OFF_MS = 3000
#: How long the running Tandem waits for a request to arrive whole.
REQUEST_MS = 2000
#: Anything longer is no request of ours.
MAX_REQUEST = 64 * 1024
SHOWN = b"shown"
NOT_OPEN = b"not-open"


def server_name(plan: Path) -> str | None:
    """The local socket name for ``plan``, the same from any folder or link
    that leads to the file; None for a path that can't be resolved."""
    try:
        key = os.path.normcase(str(Path(plan).resolve()))
    except (OSError, RuntimeError, ValueError):
        return None
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if sys.platform != "win32" and runtime and Path(runtime).is_dir():
        # The user's own runtime folder (mode 0700): nobody else can listen there.
        return str(Path(runtime) / f"tandem-{digest}")
    # A named pipe (Windows) or a socket in the temporary folder, made private
    # to the user by QLocalServer.UserAccessOption.
    return f"tandem-{_user()}-{digest}"


def _user() -> str:
    """Who runs this Tandem: the user id, or on Windows the user's name."""
    who = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    return "".join(c for c in who if c.isalnum())[:32] or "user"


def hand_off(plan: Path | None, timeout_ms: int = HAND_OFF_MS) -> bool:
    """Ask a running Tandem to show ``plan``; True if one has it open and
    brought its window forward (then this start is done). Blocking, bounded by
    ``timeout_ms``; needs no QApplication. (It holds Python's lock while it
    waits: the Tandem it asks must be another process.)"""
    name = None if plan is None else server_name(plan)
    if plan is None or name is None:
        return False
    if os.path.isabs(name) and not os.path.exists(name):
        return False  # nobody listens under that name: no Tandem has this plan open
    from PySide6.QtNetwork import QLocalSocket

    deadline = time.monotonic() + timeout_ms / 1000

    def left() -> int:
        return max(0, round((deadline - time.monotonic()) * 1000))

    socket = QLocalSocket()
    socket.connectToServer(name)
    try:
        if not socket.waitForConnected(left()):
            return False  # nobody has this plan open (or a crash left the name)
        socket.write(QByteArray(request(plan)))
        if not socket.waitForBytesWritten(left()):
            return False
        reply = b""
        while b"\n" not in reply and len(reply) < 64 and socket.waitForReadyRead(left()):
            reply += socket.readAll().data()
        return reply.split(b"\n")[0] == SHOWN
    finally:
        socket.abort()


def request(plan: Path) -> bytes:
    """What a starting Tandem sends: one line of JSON (ASCII: paths that are
    not valid UTF-8 travel escaped)."""
    return json.dumps({
        "open": str(Path(plan).absolute()),
        # Lets the running Tandem take focus on Wayland.
        "activation_token": os.environ.get("XDG_ACTIVATION_TOKEN", ""),
    }).encode("ascii") + b"\n"


def bring_forward(window: QMainWindow) -> None:
    """Show ``window`` on top and give it the keyboard; if the desktop won't
    let a program take focus, its taskbar entry asks for attention instead."""
    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState((state & ~Qt.WindowState.WindowMinimized)
                              | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
    QApplication.alert(window)


def start_another(plan: Path) -> bool:
    """Start a Tandem of its own for ``plan`` (the frozen app is its own
    executable; from source, Python runs the script that started this one)."""
    if getattr(sys, "frozen", False):
        program, arguments = sys.executable, [str(plan)]
    else:
        program, arguments = sys.executable, [str(Path(sys.argv[0]).absolute()), str(plan)]
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)


class PlanServer(QObject):
    """Answers :func:`hand_off` for the plan ``window`` shows. Lives as long
    as the window (its child). ``file_open_events``: answer macOS's too (an
    application-wide event filter, so only where such events come).
    ``listen``: at once, else from the first :meth:`follow_window` on."""

    def __init__(self, window: MainWindow,
                 file_open_events: bool = sys.platform == "darwin", listen: bool = True) -> None:
        super().__init__(window)
        self._window = window
        self._server: QLocalServer | None = None
        self.serving: Path | None = None
        # The window opens and closes plans by itself; its title changes with
        # the plan, and its undo group's active stack with the document.
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(0)
        self._follow.timeout.connect(self.follow_window)
        window.windowTitleChanged.connect(self._follow.start)
        window.undo_group.activeStackChanged.connect(self._follow.start)
        app = QApplication.instance()
        if file_open_events and app is not None:
            app.installEventFilter(self)
        if listen:  # else from the first follow_window() on
            self.follow_window()

    def open_plan(self) -> Path | None:
        document = self._window.document
        return None if document is None else document.plan.path

    def follow_window(self) -> None:
        """Listen under the name of the plan the window shows now, if any."""
        plan = self.open_plan()
        if plan == self.serving:
            return
        self._stop()
        name = None if plan is None else server_name(plan)
        if plan is None or name is None:
            return
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        # With an access option, Qt binds in a private folder and moves the
        # socket into place, over any file a killed Tandem left behind.
        if not server.listen(name):
            server.deleteLater()
            return  # no hand-off then: a second start opens the plan and is refused
        self._server, self.serving = server, plan

    def _stop(self) -> None:
        if self._server is not None:
            self._server.close()  # removes the socket file
            self._server.deleteLater()
        self._server, self.serving = None, None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """macOS: a plan double-clicked while Tandem runs. Its own plan comes
        forward; on the welcome page it opens here; any other plan gets a
        Tandem (a window) of its own, as on the other systems."""
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        path = Path(event.file())
        if self._answer_for(path):
            return True
        if self._window.document is None:
            self._window.open_plan(path)
            bring_forward(self._window)
        else:
            start_another(path)
        return True

    def _accept(self) -> None:
        server = self._server
        while server is not None and (socket := server.nextPendingConnection()) is not None:
            _Request(socket, self)  # a child of this server until it is answered

    def answer(self, line: bytes) -> bytes:
        """``SHOWN`` if the request names the plan the window shows (and the
        window came forward), else ``NOT_OPEN``."""
        try:
            message = json.loads(line.decode("ascii"))
            wanted = Path(message["open"])
            token = message.get("activation_token", "")
        except (ValueError, KeyError, TypeError):
            return NOT_OPEN
        return SHOWN if self._answer_for(wanted, token if isinstance(token, str) else "") \
            else NOT_OPEN

    def _answer_for(self, wanted: Path, activation_token: str = "") -> bool:
        """Bring the window forward if it shows ``wanted``."""
        plan = self.open_plan()
        try:
            same = plan is not None and wanted.resolve() == plan.resolve()
        except (OSError, RuntimeError, ValueError):
            same = False
        if same:
            if activation_token:
                # Qt's Wayland plugin takes it (once) to be allowed to take focus.
                os.environ["XDG_ACTIVATION_TOKEN"] = activation_token
            bring_forward(self._window)
        return same


class _Request(QObject):
    """One connection: read a line, answer it, hang up; give up on a client
    that says nothing or too much."""

    def __init__(self, socket: QLocalSocket, server: PlanServer) -> None:
        super().__init__(server)
        self._socket: QLocalSocket | None = socket
        self._server = server
        self._buffer = b""
        socket.setParent(self)
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self._done)
        QTimer.singleShot(REQUEST_MS, self, self._done)
        self._read()

    def _read(self) -> None:
        socket = self._socket
        if socket is None:
            return
        self._buffer += socket.readAll().data()
        if len(self._buffer) > MAX_REQUEST:
            self._done()
        elif b"\n" in self._buffer:
            reply = self._server.answer(self._buffer.split(b"\n")[0])
            socket.write(QByteArray(reply + b"\n"))
            socket.disconnectFromServer()  # after what was written has gone out

    def _done(self) -> None:
        if self._socket is not None:
            socket, self._socket = self._socket, None
            socket.readyRead.disconnect(self._read)
            socket.abort()
            self.deleteLater()
