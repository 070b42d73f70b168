"""An open plan stays locked against other Tandem windows, whatever else the
process opens and closes.

SQLite's lock is a POSIX record lock, and POSIX drops all of a process's
record locks on a file as soon as the process closes *any* descriptor of that
file: a file dialog sniffing the plan's type, or a copy of it, used to unlock
it silently. Each test below does one such thing, then starts a second Tandem
(a real second process) on the plan, which must be refused.
"""

from __future__ import annotations

import select
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from models.errors import PlanFileError
from models.migrations import SCHEMA_VERSION
from models.partners import edit_partner, new_plan_rows, partners
from models.plan_file import PlanFile
from models.privacy import TOGETHER
from tests.helpers import answer_dialog, digest, stored

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"

pytestmark = pytest.mark.skipif(sys.platform == "win32",
                                reason="POSIX locks; SQLite's locks on Windows are per handle")

_TRY_TO_OPEN = (
    "import sys\n"
    "from models.errors import PlanFileError\n"
    "from models.plan_file import PlanFile\n"
    "try:\n"
    "    PlanFile.open(sys.argv[1]).close()\n"
    "    print('OPENED')\n"
    "except PlanFileError as error:\n"
    "    print('REFUSED', error.reason)\n"
)


def open_in_another_process(path: Path) -> str:
    """What a second Tandem says when it opens ``path``: OPENED or REFUSED and why."""
    result = subprocess.run([sys.executable, "-c", _TRY_TO_OPEN, str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def assert_refused_elsewhere_and_still_editable_here(plan: PlanFile) -> None:
    """Checks that a second Tandem is refused the open ``plan``, then edits and closes it."""
    outcome = open_in_another_process(plan.path)
    assert outcome.startswith("REFUSED"), "a second Tandem opened the plan that is open here"
    assert "open in another Tandem window or another program" in outcome
    plan.apply(edit_partner(partners(plan)[0], name="Ana, still editing"), TOGETHER)
    plan.close()
    rows = sorted(stored(plan.path)["tables"]["partner"], key=lambda r: r["slot"])
    assert rows[0]["name"] == "Ana, still editing"


def _plain_open_and_close(path: Path) -> None:
    path.open("rb").close()


def _sqlite_connect_and_close(path: Path) -> None:
    sqlite3.connect(path).close()


def _copy(path: Path) -> None:
    shutil.copyfile(path, path.with_name("a copy.tandem"))


@pytest.mark.parametrize("touch", [_plain_open_and_close, _sqlite_connect_and_close, _copy],
                         ids=["open-close", "sqlite-connect-close", "shutil-copyfile"])
def test_the_lock_holds_when_the_process_opens_and_closes_the_file_otherwise(
        plan_path: Path, touch: Callable[[Path], None]) -> None:
    plan = PlanFile.open(plan_path)
    try:
        touch(plan_path)
        assert_refused_elsewhere_and_still_editable_here(plan)
    finally:
        plan.close()


def _names_listed(dialog: object) -> set[str]:
    from PySide6.QtWidgets import QFileDialog, QListView

    assert isinstance(dialog, QFileDialog)
    view = dialog.findChild(QListView, "listView")
    model, folder = view.model(), view.rootIndex()
    return {model.index(row, 0, folder).data() for row in range(model.rowCount(folder))}


@pytest.mark.parametrize("which", ["open", "save"])
def test_the_lock_holds_after_a_file_dialog_has_listed_the_plan(qtbot: QtBot, plan_path: Path,
                                                                which: str) -> None:
    from PySide6.QtWidgets import QFileDialog, QWidget

    from ui.window import file_dialogs

    parent = QWidget()
    qtbot.addWidget(parent)
    listed: list[bool] = []

    def look_then_cancel(dialog: QFileDialog) -> None:
        try:
            # Listed means Qt has looked into the file to tell its type.
            qtbot.waitUntil(lambda: plan_path.name in _names_listed(dialog), timeout=10_000)
            listed.append(True)
        finally:
            dialog.reject()

    plan = PlanFile.open(plan_path)
    try:
        answer_dialog(qtbot, look_then_cancel)
        if which == "open":
            chosen = file_dialogs.ask_open_path(parent, plan_path.parent)
        else:
            chosen = file_dialogs.ask_save_path(parent, "Save a Copy of the Plan",
                                                plan_path.with_name("copy.tandem"))
        assert chosen is None and listed == [True]
        assert_refused_elsewhere_and_still_editable_here(plan)
    finally:
        plan.close()


def read_line(process: subprocess.Popen[str], timeout: float) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    assert ready, f"no word from the process within {timeout} s"
    return process.stdout.readline().strip()


_OPEN_THEN_LOOK_AT_IT = (
    "import sys\n"
    "from models.plan_file import PlanFile\n"
    "plan = PlanFile.open(sys.argv[1])\n"
    "open(sys.argv[1], 'rb').close()  # as a file dialog does: SQLite's lock is gone\n"
    "print('open', flush=True)\n"
    "sys.stdin.readline()\n"
    "plan.close()\n"
)


def test_save_a_copy_and_create_do_not_replace_a_plan_another_tandem_holds(
        plan_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "Kai & Lee.tandem"
    PlanFile.create(other, new_plan_rows("Kai", "Lee")).close()
    before = digest(other)
    holder = subprocess.Popen([sys.executable, "-c", _OPEN_THEN_LOOK_AT_IT, str(other)],
                              cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert read_line(holder, timeout=60) == "open"
        with PlanFile.open(plan_path) as plan, pytest.raises(PlanFileError) as caught:
            plan.copy_to(other)
        assert "open in another Tandem window or another program" in caught.value.message
        with pytest.raises(PlanFileError) as caught:
            PlanFile.create(other, new_plan_rows("Noor", "Sam"))
        assert "open in another Tandem window or another program" in caught.value.message
        holder.communicate("\n", timeout=60)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(timeout=10)
    assert holder.returncode == 0
    assert digest(other) == before


_UPGRADE_THAT_WAITS = (
    "import sys\n"
    "from pathlib import Path\n"
    "from models import migrations\n"
    "path = Path(sys.argv[1])\n"
    "real = migrations._STEPS[2]\n"
    "waited = []\n"
    "def step(conn):\n"
    "    for statement in real:\n"
    "        conn.execute(statement)\n"
    "    backed_up = any('before upgrade' in p.name for p in path.parent.iterdir())\n"
    "    if backed_up and not waited:\n"
    "        waited.append(True)\n"
    "        print('upgrading', flush=True)\n"
    "        sys.stdin.readline()\n"
    "migrations._STEPS = {**migrations._STEPS, 2: step}\n"
    "from models.plan_file import PlanFile\n"
    "plan = PlanFile.open(path)\n"
    "print('upgraded from', plan.migrated_from, flush=True)\n"
    "plan.close()\n"
)


def test_the_lock_holds_while_an_upgrade_runs(tmp_path: Path) -> None:
    fixture = DATA / "plan-v1.tandem"
    path = tmp_path / "old.tandem"
    shutil.copyfile(fixture, path)
    upgrading = subprocess.Popen([sys.executable, "-c", _UPGRADE_THAT_WAITS, str(path)],
                                 cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 text=True)
    try:
        assert read_line(upgrading, timeout=60) == "upgrading"
        outcome = open_in_another_process(path)
        assert outcome.startswith("REFUSED"), "a third Tandem opened a plan being upgraded"
        assert "open in another Tandem window or another program" in outcome
        out, _ = upgrading.communicate("\n", timeout=60)
    finally:
        if upgrading.poll() is None:
            upgrading.kill()
            upgrading.wait(timeout=10)
    assert upgrading.returncode == 0
    assert out.strip() == "upgraded from 1"
    with PlanFile.open(path) as plan:
        assert plan.execute_pragma("user_version") == SCHEMA_VERSION
        assert plan.migrated_from is None, "the upgrade was complete"
        assert [p.name for p in partners(plan)] == ["Rachel", "Marcus"]
    backups = [p for p in tmp_path.iterdir() if "before upgrade" in p.name]
    assert [p.name for p in backups] == ["old (before upgrade, format 1).tandem"]
    assert digest(backups[0]) == digest(fixture)
