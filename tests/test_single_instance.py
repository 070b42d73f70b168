"""One window per plan: a second start with a plan that is already open
brings that window forward and ends; another plan gets a window of its own;
a crashed or hung Tandem never stops a start."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from models.partners import new_plan_rows
from models.plan_file import PlanFile
from ui.window import single_instance
from ui.window.main_window import MainWindow
from ui.window.single_instance import (
    NOT_OPEN,
    SHOWN,
    PlanServer,
    hand_off,
    request,
    server_name,
)

ROOT = Path(__file__).resolve().parent.parent
#: Every child process is given this long, at most.
CHILD_SECONDS = 30


@pytest.fixture(autouse=True)
def runtime_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private XDG_RUNTIME_DIR (0700, as a session's is): sockets go there."""
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


@pytest.fixture
def other_plan(tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "Kai & Lee.tandem"
    path.parent.mkdir(exist_ok=True)
    PlanFile.create(path, new_plan_rows("Kai", "Lee")).close()
    return path


@pytest.fixture
def window(qtbot: QtBot, plan_path: Path) -> Iterator[MainWindow]:
    win = MainWindow(welcome=False)
    qtbot.addWidget(win)
    win.show()
    assert win.open_plan(plan_path)
    yield win
    win.close()


def ask(qtbot: QtBot, plan: Path) -> bool:
    """Ask as a second Tandem does (single_instance.request), without
    blocking: the server answers from this test's event loop. (hand_off
    itself blocks; the tests with real processes below use it.)"""
    name = server_name(plan)
    assert name is not None
    client = QLocalSocket()
    client.connectToServer(name)
    if not client.waitForConnected(2000):
        return False
    client.write(request(plan))
    reply = bytearray()

    def answered() -> bool:
        reply.extend(client.readAll().data())
        return b"\n" in reply or client.state() == QLocalSocket.LocalSocketState.UnconnectedState

    qtbot.waitUntil(answered, timeout=5000)
    client.abort()
    return bytes(reply).split(b"\n")[0] == SHOWN


def test_the_name_is_the_plans_wherever_it_is_reached_from(
        plan_path: Path, other_plan: Path, runtime_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    link = plan_path.parent / "link.tandem"
    link.symlink_to(plan_path)
    monkeypatch.chdir(plan_path.parent)
    name = server_name(plan_path)
    assert name is not None and Path(name).parent == runtime_dir
    assert server_name(Path(plan_path.name)) == name == server_name(link)
    assert server_name(Path("..") / plan_path.parent.name / plan_path.name) == name
    assert server_name(other_plan) != name

    monkeypatch.delenv("XDG_RUNTIME_DIR")
    plain = server_name(plan_path)
    assert plain is not None and "/" not in plain and str(os.getuid()) in plain, \
        "without a runtime folder: a name of the user's own, in Qt's temporary folder"


def test_the_window_answers_for_its_plan_and_follows_it_to_another(
        qtbot: QtBot, window: MainWindow, plan_path: Path, other_plan: Path) -> None:
    forward: list[str] = []
    server = PlanServer(window)
    real = single_instance.bring_forward
    single_instance.bring_forward = lambda w: forward.append(w.windowTitle())  # type: ignore[assignment]
    try:
        assert server.serving == plan_path
        assert ask(qtbot, plan_path)
        assert forward == [window.windowTitle()]
        assert not ask(qtbot, other_plan), "another plan is not this window's"

        assert window.open_plan(other_plan)
        qtbot.waitUntil(lambda: server.serving == other_plan)
        assert ask(qtbot, other_plan)
        assert not ask(qtbot, plan_path), "the plan it no longer shows"

        window.close_plan()
        qtbot.waitUntil(lambda: server.serving is None)
        assert not ask(qtbot, other_plan)
        assert len(forward) == 2
    finally:
        single_instance.bring_forward = real


def test_only_the_plan_shown_is_answered_and_nonsense_is_not(
        window: MainWindow, plan_path: Path, other_plan: Path) -> None:
    server = PlanServer(window)
    request = b'{"open": "%s", "activation_token": ""}'
    assert server.answer(request % str(plan_path).encode()) == SHOWN
    assert server.answer(request % str(other_plan).encode()) == NOT_OPEN
    for nonsense in (b"", b"not json", b"[1, 2]", b'"x"', b'{"open": 5}', b'{}',
                     b"\xff\xfe", b'{"open": "\\u0000"}'):
        assert server.answer(nonsense) == NOT_OPEN, nonsense


def test_the_activation_token_is_handed_to_qt_for_the_window_it_shows(
        window: MainWindow, plan_path: Path, other_plan: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_ACTIVATION_TOKEN", raising=False)
    server = PlanServer(window)
    server.answer(b'{"open": "%s", "activation_token": "from-the-other"}' % str(other_plan).encode())
    assert "XDG_ACTIVATION_TOKEN" not in os.environ
    server.answer(b'{"open": "%s", "activation_token": "t-42"}' % str(plan_path).encode())
    assert os.environ["XDG_ACTIVATION_TOKEN"] == "t-42"


def test_a_minimised_window_comes_back(qtbot: QtBot, window: MainWindow) -> None:
    window.setWindowState(Qt.WindowState.WindowMinimized)
    qtbot.waitUntil(lambda: window.isMinimized())
    single_instance.bring_forward(window)
    assert not window.windowState() & Qt.WindowState.WindowMinimized
    assert window.isVisible()


def test_a_silent_or_endless_client_is_dropped_and_the_server_goes_on(
        qtbot: QtBot, window: MainWindow, plan_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(single_instance, "REQUEST_MS", 200)
    PlanServer(window)
    name = server_name(plan_path)
    assert name is not None
    silent, endless = QLocalSocket(), QLocalSocket()
    for client in (silent, endless):
        client.connectToServer(name)
        assert client.waitForConnected(2000)
    endless.write(b"x" * (single_instance.MAX_REQUEST + 10))
    for client in (silent, endless):
        qtbot.waitUntil(lambda c=client: c.state() == QLocalSocket.LocalSocketState.UnconnectedState,
                        timeout=5000)
    assert ask(qtbot, plan_path), "still answering"


def test_a_crashed_tandem_leaves_its_socket_behind_and_the_next_one_takes_the_name(
        qtbot: QtBot, window: MainWindow, plan_path: Path) -> None:
    name = server_name(plan_path)
    assert name is not None
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(name)  # bound, never listening, then gone: what a killed process leaves
    stale.close()
    assert Path(name).exists()
    server = PlanServer(window)
    assert server.serving == plan_path
    assert ask(qtbot, plan_path)


def test_a_hung_tandem_does_not_hold_a_start_up(plan_path: Path) -> None:
    name = server_name(plan_path)
    assert name is not None
    hung = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    hung.bind(name)
    hung.listen(4)  # accepts connections, never answers
    try:
        assert not hand_off(plan_path, timeout_ms=300)
    finally:
        hung.close()
    assert not hand_off(None)


def test_on_macos_a_plan_opened_while_tandem_runs_is_shown_opened_or_started(
        qtbot: QtBot, window: MainWindow, plan_path: Path, other_plan: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """macOS hands a double-clicked file to the running app as an event."""
    forward: list[str] = []
    started: list[Path] = []
    monkeypatch.setattr(single_instance, "bring_forward",
                        lambda w: forward.append(w.windowTitle()))
    monkeypatch.setattr(single_instance, "start_another", started.append)
    server = PlanServer(window, file_open_events=True)
    app = QCoreApplication.instance()
    assert app is not None
    try:
        QCoreApplication.sendEvent(app, QFileOpenEvent(str(plan_path)))
        assert forward and not started
        QCoreApplication.sendEvent(app, QFileOpenEvent(str(other_plan)))
        assert started == [other_plan], "another plan: a window of its own"
        assert window.document is not None and window.document.plan.path == plan_path

        window.close_plan()
        QCoreApplication.sendEvent(app, QFileOpenEvent(str(other_plan)))
        assert window.document is not None and window.document.plan.path == other_plan, \
            "on the welcome page, the plan opens right there"
    finally:
        app.removeEventFilter(server)


def test_elsewhere_no_application_wide_filter_slows_every_event(
        qtbot: QtBot, window: MainWindow, plan_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    forward: list[str] = []
    monkeypatch.setattr(single_instance, "bring_forward",
                        lambda w: forward.append(w.windowTitle()))
    PlanServer(window, file_open_events=False)
    app = QCoreApplication.instance()
    assert app is not None
    QCoreApplication.sendEvent(app, QFileOpenEvent(str(plan_path)))
    assert forward == []


# -- two real Tandems ------------------------------------------------------------------

# Tandem as main.py starts it, saying on stdout whenever its window is brought forward.
FIRST = """
import sys
from ui.window import single_instance
real = single_instance.bring_forward
def forward(window):
    print("forward:", window.windowTitle(), flush=True)
    real(window)
single_instance.bring_forward = forward
import main
sys.exit(main.main(["tandem", *sys.argv[1:]]))
"""


class Child:
    """A Tandem process whose stdout lines are collected as they come."""

    def __init__(self, code: str, *args: str) -> None:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        self.process = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        assert self.process.stdout is not None
        self._reader = threading.Thread(target=self._read, args=(self.process.stdout,))
        self._reader.start()

    def _read(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            self.lines.append(line.strip())

    def stop(self) -> str:
        """End it (as a crash would); its stderr."""
        if self.process.poll() is None:
            self.process.kill()
        _out, err = self.process.communicate(timeout=CHILD_SECONDS)
        self._reader.join(CHILD_SECONDS)
        return err


def start(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=CHILD_SECONDS)


def test_a_second_double_click_brings_the_plans_window_forward_and_ends(
        qtbot: QtBot, plan_path: Path, other_plan: Path) -> None:
    first = Child(FIRST, str(plan_path))
    another = None
    try:
        socket_file = Path(str(server_name(plan_path)))
        qtbot.waitUntil(socket_file.exists, timeout=CHILD_SECONDS * 1000)

        again = start(str(plan_path))
        assert again.returncode == 0, again.stderr
        qtbot.waitUntil(lambda: len(first.lines) == 1, timeout=10_000)
        assert first.lines[0] == "forward: Ana & Bo"  # the file names the couple: once

        from_the_menu = start()  # no plan: the one it would reopen is the one open
        assert from_the_menu.returncode == 0, from_the_menu.stderr
        qtbot.waitUntil(lambda: len(first.lines) == 2, timeout=10_000)

        another = Child(FIRST, str(other_plan))
        qtbot.waitUntil(Path(str(server_name(other_plan))).exists, timeout=CHILD_SECONDS * 1000)
        assert another.process.poll() is None, "another plan: a Tandem of its own, still open"
        assert first.process.poll() is None and len(first.lines) == 2
    finally:
        errors = first.stop() + (another.stop() if another else "")
    assert "Traceback" not in errors, errors
