"""Check the built .deb for real: validate it, put it in a clean place, start
the installed app the way the desktop does and watch what a couple would see.
Run it through ``packaging/check-deb`` (which builds the package first and
gives it a display); ``--help`` lists the options.

Each step prints PASS, FAIL or SKIP with what it saw; the exit status is 1 if
any step failed. Settings, plans and sockets live in a temporary home, so a
real user's are never touched.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle  # noqa: E402

#: Generous: the first start of a frozen app reads 170 MB from a cold disk.
START_SECONDS = 60
failures: list[str] = []


def report(ok: bool | None, step: str, detail: str = "") -> None:
    word = {True: "PASS", False: "FAIL", None: "SKIP"}[ok]
    print(f"{word}  {step}" + (f": {detail}" if detail else ""), flush=True)
    if ok is False:
        failures.append(step)


def run(command: list[str], timeout: float = 120, **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                          **options)


def until(condition: Callable[[], object], seconds: float) -> object:
    """The condition's first truthy value within ``seconds``, else None."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    return None


# -- the package's own files -----------------------------------------------------------


def validate(deb: Path, root: Path) -> None:
    lint = run(["lintian", "--fail-on", "error", "--suppress-tags", "spelling-error-in-binary",
                str(deb)], timeout=600)
    tags = [line for line in lint.stdout.splitlines() if line[:2] in ("E:", "W:")]
    report(lint.returncode == 0, "lintian: no errors",
           f"{len(tags)} warnings left" if lint.returncode == 0 else lint.stdout)
    desktop = root / "usr/share/applications" / bundle.DESKTOP_FILE.name
    result = run(["desktop-file-validate", str(desktop)])
    report(result.returncode == 0 and not result.stdout.strip(), "desktop-file-validate",
           result.stdout.strip())
    metainfo = root / "usr/share/metainfo" / bundle.METAINFO_FILE.name
    result = run(["appstreamcli", "validate", "--no-net", str(metainfo)])
    report(result.returncode == 0, "appstreamcli validate", result.stdout.strip().splitlines()[-1])


def package_files(deb: Path) -> list[str]:
    """Every path the package holds, relative to the root ("opt/tandem/...")."""
    paths = []
    for line in run(["dpkg-deb", "--contents", str(deb)], timeout=300).stdout.splitlines():
        name = line.split(maxsplit=5)[5].split(" -> ")[0]
        name = name.removeprefix("./").rstrip("/")
        if name:
            paths.append(name)
    return paths


def check_layout(root: Path, everything: list[str]) -> None:
    app = root / bundle.INSTALL_DIR.lstrip("/")
    launcher = root / "usr/bin" / bundle.EXECUTABLE
    report(os.readlink(launcher) == f"{bundle.INSTALL_DIR}/{bundle.EXECUTABLE}",
           "the launcher on the PATH is the app's", f"{launcher} -> {os.readlink(launcher)}")
    ours = ("models", "ui", "resources", "report")
    misplaced = [p for p in everything
                 if "site-packages" in p or "dist-packages" in p
                 or (set(p.split("/")) & set(ours) and not p.startswith("opt/tandem/"))]
    report(not misplaced and (app / "_internal" / "resources").is_dir(),
           "Tandem's packages live in its own folder only",
           f"{bundle.INSTALL_DIR}; elsewhere: {misplaced[:5] or 'nothing'}")
    size = sum(p.stat().st_size for p in app.rglob("*") if p.is_file() and not p.is_symlink())
    report(True, "installed app size", f"{size / 1e6:.0f} MB in {bundle.INSTALL_DIR}")


def check_file_type(root: Path, plan: Path, python: str) -> None:
    """The desktop's view: a plan is application/x-tandem-plan, renamed too,
    and that type opens in Tandem."""
    share = root / "usr/share"
    run(["update-mime-database", str(share / "mime")])
    renamed = plan.with_name("renamed plan")
    shutil.copyfile(plan, renamed)
    sqlite_other = plan.with_name("someone else's.db")
    with sqlite3.connect(sqlite_other) as connection:
        connection.execute("CREATE TABLE t (x)")
    env = dict(os.environ, XDG_DATA_DIRS=f"{share}:/usr/share", QT_QPA_PLATFORM="offscreen",
               PATH=f"{root / 'usr/bin'}:{os.environ['PATH']}")  # for the entry's TryExec
    code = ("import sys\nfrom PySide6.QtCore import QMimeDatabase\n"
            "for f in sys.argv[1:]: print(QMimeDatabase().mimeTypeForFile(f).name())")
    found = run([python, "-c", code, str(plan), str(renamed), str(sqlite_other)],
                env=env).stdout.split()
    expected = [bundle.MIME_TYPE, bundle.MIME_TYPE, "application/vnd.sqlite3"]
    report(found == expected, "a plan is recognised by its name and, renamed, by its header",
           ", ".join(found))
    if shutil.which("update-desktop-database") and shutil.which("gio"):
        run(["update-desktop-database", str(share / "applications")])
        default = run(["gio", "mime", bundle.MIME_TYPE], env=env).stdout
        report(bundle.DESKTOP_FILE.name in default, "double-clicking a plan opens Tandem",
               default.strip().splitlines()[0] if default.strip() else "no default application")
    else:
        report(None, "double-clicking a plan opens Tandem", "gio or update-desktop-database missing")


# -- the installed app, started as the desktop starts it --------------------------------


def exec_line(root: Path) -> list[str]:
    for line in (root / "usr/share/applications" / bundle.DESKTOP_FILE.name).read_text().splitlines():
        if line.startswith("Exec="):
            return shlex.split(line.removeprefix("Exec="))
    raise SystemExit("check_deb: the desktop entry has no Exec line")


def desktop_command(root: Path, path: Path) -> list[str]:
    """The Exec line with %f as the file, as a desktop expands it."""
    return [str(path) if part == "%f" else part for part in exec_line(root)
            if part not in ("%F", "%u", "%U", "%i", "%c", "%k")]


def windows() -> dict[str, str]:
    """Window id -> title, for every named window on the display."""
    found = run(["xdotool", "search", "--name", "."], timeout=10).stdout.split()
    titles = {}
    for window in found:
        name = run(["xdotool", "getwindowname", window], timeout=10).stdout.strip()
        if name:
            titles[window] = name
    return titles


def window_titled(prefix: str) -> str | None:
    return next((w for w, title in windows().items() if title.startswith(prefix)), None)


class Session:
    """Processes started like a desktop launcher does: a clean environment
    with the package's bin first on the PATH, and a private home."""

    def __init__(self, root: Path, home: Path) -> None:
        runtime = home / "run"
        runtime.mkdir(mode=0o700)
        self.env = {"PATH": f"{root / 'usr/bin'}:/usr/bin:/bin", "HOME": str(home),
                    "DISPLAY": os.environ.get("DISPLAY", ""), "XDG_RUNTIME_DIR": str(runtime),
                    "XAUTHORITY": os.environ.get("XAUTHORITY", ""),
                    "XDG_DATA_DIRS": f"{root / 'usr/share'}:/usr/share",
                    "LANG": os.environ.get("LANG", "C.UTF-8")}
        self.processes: list[subprocess.Popen[str]] = []

    def start(self, command: list[str], **extra: str) -> subprocess.Popen[str]:
        process = subprocess.Popen(command, env=dict(self.env, **extra), text=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.processes.append(process)
        return process

    def close(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                with suppress(subprocess.TimeoutExpired):
                    process.wait(10)
            if process.poll() is None:
                process.kill()
                process.wait(10)


def quit_window(window: str, process: subprocess.Popen[str]) -> int | None:
    """Quit as a person does (Ctrl+Q in the window); the exit status, or None."""
    run(["xdotool", "windowfocus", "--sync", window, "key", "--clearmodifiers", "ctrl+q"],
        timeout=20)
    with suppress(subprocess.TimeoutExpired):
        return process.wait(20)
    return None


@contextmanager
def window_manager() -> Iterator[None]:
    """A desktop has a window manager, and bringing a window forward is its
    business: run openbox on the display while the app is checked."""
    wm = subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        running = until(lambda: "window id" in run(
            ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], timeout=10).stdout, 20)
        report(bool(running), "a window manager runs (openbox)")
        yield
    finally:
        wm.terminate()
        wm.wait(10)


def check_app(root: Path, home: Path, plan_a: Path, plan_b: Path) -> None:
    session = Session(root, home)
    try:
        _check_app(session, root, plan_a, plan_b)
    finally:
        session.close()


def _check_app(session: Session, root: Path, plan_a: Path, plan_b: Path) -> None:
    title_a = f"Rachel & Marcus — {plan_a.stem}"
    first = session.start(desktop_command(root, plan_a))
    window_a = until(lambda: window_titled(title_a), START_SECONDS)
    report(bool(window_a), "the desktop entry's Exec line opens the plan",
           f"window {title_a!r}" if window_a else f"no such window; {windows()}")
    if not window_a:
        return

    title_b = plan_b.stem  # its name already names the couple, so the title is the name alone
    other = session.start(desktop_command(root, plan_b))
    window_b = until(lambda: window_titled(title_b), START_SECONDS)
    report(bool(window_b) and first.poll() is None, "another plan opens in a window of its own",
           f"windows: {sorted(windows().values())}")

    if window_b:
        run(["xdotool", "windowfocus", "--sync", str(window_b)], timeout=20)
    began = time.monotonic()
    again = session.start(desktop_command(root, plan_a))
    try:
        status = again.wait(START_SECONDS)
    except subprocess.TimeoutExpired:
        status = None
    seconds = time.monotonic() - began
    focused = until(lambda: run(["xdotool", "getwindowfocus"], timeout=10).stdout.strip()
                    == str(window_a), 10)
    same_titles = [t for t in windows().values() if t.startswith(title_a)]
    report(status == 0 and len(same_titles) == 1 and bool(focused),
           "a second double-click on an open plan brings its window forward",
           f"the second start ended with {status} after {seconds:.1f} s; "
           f"{len(same_titles)} window(s) of the plan; focused: {bool(focused)}; "
           f"{again.stderr.read().strip() if again.stderr else ''}")

    not_a_plan = plan_a.with_name("shopping list.tandem")
    not_a_plan.write_text("milk, eggs\n")
    wrong = session.start(desktop_command(root, not_a_plan))

    def message_box() -> str | None:  # the message, on the welcome page, of that process
        found = run(["xdotool", "search", "--pid", str(wrong.pid)], timeout=10).stdout.split()
        titles = [run(["xdotool", "getwindowname", w], timeout=10).stdout.strip() for w in found]
        return ", ".join(titles) if "Tandem" in titles and any(
            t.startswith("Welcome") for t in titles) else None

    message = until(message_box, START_SECONDS)
    alive = wrong.poll() is None
    report(bool(message) and alive, "a file that is not a plan gets the clear message, no crash",
           f"windows {message}; still running: {alive}")
    if alive:
        wrong.terminate()
        wrong.wait(10)
    errors = wrong.stderr.read() if wrong.stderr else ""
    report("Traceback" not in errors, "no Python error on the way", errors.strip()[-300:])

    for window, process, name in ((window_b, other, "the other plan's"),
                                  (window_a, first, "the first")):
        if window:
            status = quit_window(str(window), process)
            report(status == 0, f"{name} window quits cleanly (Ctrl+Q)", f"exit status {status}")


def check_commands(root: Path, home: Path, plan: Path, export_expected: bool) -> None:
    """``tandem --version`` and ``tandem export`` from the installed launcher,
    with no display at all."""
    env = {"PATH": f"{root / 'usr/bin'}:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}
    version = run(["tandem", "--version"], env=env)
    report(version.returncode == 0 and version.stdout.strip() == f"Tandem {bundle.version()}",
           "tandem --version (no display)", (version.stdout + version.stderr).strip())
    if not export_expected:
        report(None, "tandem export",
               "report/cli.py is not in this tree yet: nothing to export with")
        return
    helped = run(["tandem", "export", "--help"], env=env)
    report(helped.returncode == 0 and "usage: tandem export" in helped.stdout,
           "tandem export --help (no display)", helped.stdout.strip().splitlines()[0]
           if helped.stdout.strip() else helped.stderr.strip()[-300:])
    pdf = home / "report.pdf"
    exported = run(["tandem", "export", str(plan), str(pdf)], env=env, timeout=300)
    made = pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-"
    report(exported.returncode == 0 and made, "tandem export PLAN REPORT.pdf (no display)",
           (exported.stdout + exported.stderr).strip()[-300:])


@contextmanager
def installed(deb: Path, really: bool) -> Iterator[Path]:
    """The package unpacked into a temporary root, or (``really``) installed
    on this machine with dpkg and removed afterwards."""
    if really:
        if run(["dpkg-query", "-W", "tandem"]).returncode == 0:
            raise SystemExit("check_deb: tandem is installed already; not touching it")
        # apt-get installs what the package depends on, then dpkg the package.
        result = run(["apt-get", "install", "-y", "--no-install-recommends", str(deb.resolve())],
                     timeout=900)
        report(result.returncode == 0, "dpkg installs the package", result.stderr.strip()[-300:])
        if result.returncode != 0:
            raise SystemExit(1)
        try:
            yield Path("/")
        finally:
            result = run(["dpkg", "--purge", "tandem"], timeout=300)
            report(result.returncode == 0, "dpkg removes the package",
                   result.stderr.strip()[-300:])
        return
    with tempfile.TemporaryDirectory(prefix="tandem-root-") as tmp:
        root = Path(tmp)
        run(["dpkg-deb", "-x", str(deb), str(root)], timeout=300)
        yield root


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("deb", type=Path)
    parser.add_argument("--install", action="store_true",
                        help="install it on this machine with dpkg (as root), and remove it "
                             "after; default: unpack it into a temporary root")
    parser.add_argument("--python", default=str(bundle.ROOT / ".venv/bin/python"),
                        help="the development Python, to make the test plans")
    options = parser.parse_args(argv[1:])
    if not os.environ.get("DISPLAY"):
        raise SystemExit("check_deb: needs a display (run it through packaging/check-deb)")
    export_expected = (bundle.ROOT / "report" / "cli.py").is_file()
    with tempfile.TemporaryDirectory(prefix="tandem-check-") as tmp, \
            installed(options.deb, options.install) as root:
        home = Path(tmp)
        (home / "plans").mkdir()
        plan_a = home / "plans" / "Our plan.tandem"
        plan_b = home / "plans" / "Ana and Bo.tandem"
        made = run([options.python, "-c", MAKE_PLANS, str(plan_a), str(plan_b)],
                   cwd=bundle.ROOT)
        if made.returncode != 0:
            raise SystemExit(f"check_deb: could not make the test plans:\n{made.stderr}")
        validate(options.deb, root)
        check_layout(root, package_files(options.deb))
        if not options.install:
            # Unpacked, the launcher still points at /opt: follow it into the
            # temporary root, as a chroot would.
            launcher = root / "usr/bin" / bundle.EXECUTABLE
            launcher.unlink()
            launcher.symlink_to(root / bundle.INSTALL_DIR.lstrip("/") / bundle.EXECUTABLE)
        check_file_type(root, plan_a, options.python)
        check_commands(root, home, plan_a, export_expected)
        with window_manager():
            check_app(root, home, plan_a, plan_b)
    print(f"\n{'FAILED: ' + ', '.join(failures) if failures else 'All checks passed.'}")
    return 1 if failures else 0


MAKE_PLANS = """
import sys
from pathlib import Path
import resources
from models.exchange import rows_from_dict
from models.partners import new_plan_rows
from models.plan_file import PlanFile
PlanFile.create(Path(sys.argv[1]),
                rows_from_dict(resources.load_json("examples/rachel-and-marcus.json"))).close()
PlanFile.create(Path(sys.argv[2]), new_plan_rows("Ana", "Bo")).close()
"""


if __name__ == "__main__":
    sys.exit(main(sys.argv))
