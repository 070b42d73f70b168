"""A plan read for a report or an export: a consistent copy, while Tandem
holds the plan open, from a read-only file, from an older format; the file
never changes, and the copy takes no edit."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from models import plan_snapshot
from models.errors import PlanFileError
from models.migrations import SCHEMA_VERSION
from models.partners import edit_partner, partners
from models.plan_file import PlanFile
from models.plan_snapshot import open_snapshot
from models.privacy import REPORT, TOGETHER
from models.roadmap import roadmap_items
from tests.helpers import digest, folder_listing

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"

_HOLD = (
    "import sys\n"
    "from models.plan_file import PlanFile\n"
    "from models.partners import partners, edit_partner\n"
    "from models.privacy import TOGETHER\n"
    "plan = PlanFile.open(sys.argv[1])\n"
    "plan.apply(edit_partner(partners(plan)[0], name='Ana, saved in the other window'), "
    "TOGETHER)\n"
    "print('open', flush=True)\n"
    "sys.stdin.readline()\n"
)


def test_a_plan_open_in_tandem_is_read_as_last_saved_and_left_alone(plan_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(plan_path)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before, listing = digest(plan_path), folder_listing(plan_path.parent)
        with pytest.raises(PlanFileError):  # Tandem's lock keeps other writers out...
            PlanFile.open(plan_path)
        with open_snapshot(plan_path) as copy:  # ...while a report can still read it
            assert [p.name for p in partners(copy)] == ["Ana, saved in the other window", "Bo"]
        assert digest(plan_path) == before and folder_listing(plan_path.parent) == listing
    finally:
        holder.communicate("\n", timeout=10)


def test_a_read_only_plan_is_read(plan_path: Path) -> None:
    plan_path.chmod(0o444)
    try:
        with open_snapshot(plan_path) as copy:
            assert [p.name for p in partners(copy)] == ["Ana", "Bo"]
    finally:
        plan_path.chmod(0o644)


@pytest.mark.parametrize("fixture", sorted(DATA.glob("plan-v*.tandem")), ids=lambda p: p.name)
def test_an_older_plan_is_upgraded_in_memory_only(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    with open_snapshot(path) as copy:
        assert copy.execute_pragma("user_version") == SCHEMA_VERSION
        assert [p.name for p in partners(copy)] == ["Rachel", "Marcus"]
        roadmap_items(copy, REPORT)  # the new tables read
    assert digest(path) == digest(fixture), "the file keeps its format and bytes"
    assert folder_listing(tmp_path) == ["home", fixture.name], "no backup: nothing was upgraded"


def test_the_copy_takes_no_edit(plan_path: Path) -> None:
    with open_snapshot(plan_path) as copy, pytest.raises(PlanFileError) as caught:
        copy.apply(edit_partner(partners(copy)[0], name="Changed"), TOGETHER)
    assert "a copy for reading" in caught.value.message


def test_files_that_are_not_plans_are_refused_as_on_opening(tmp_path: Path) -> None:
    text = tmp_path / "notes.tandem"
    text.write_text("not a plan")
    with pytest.raises(PlanFileError, match="not a Tandem plan"):
        open_snapshot(text)
    with pytest.raises(PlanFileError, match="does not exist"):
        open_snapshot(tmp_path / "gone.tandem")


def test_a_damaged_plan_is_refused(plan_path: Path) -> None:
    plan_path.write_bytes(plan_path.read_bytes()[:-7])
    with pytest.raises(PlanFileError, match="damaged"):
        open_snapshot(plan_path)


def test_a_save_that_never_ends_is_said_plainly(plan_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_snapshot, "_SAVE_WAIT_SECONDS", 0.1)
    journal = plan_path.with_name(plan_path.name + "-journal")
    journal.write_bytes(bytes.fromhex("d9d505f920a163d7") + b"\x01" * 504)  # a live header
    with pytest.raises(PlanFileError) as caught:
        open_snapshot(plan_path)
    assert "being saved right now" in caught.value.message
    journal.unlink()
    with open_snapshot(plan_path) as copy:
        assert len(partners(copy)) == 2


def test_a_snapshot_of_the_open_plan_is_its_state_now_and_reads_in_another_thread(
        plan_path: Path) -> None:
    with PlanFile.open(plan_path) as plan:
        plan.apply(edit_partner(partners(plan)[1], role="Nurse"), TOGETHER)
        copy = plan.snapshot()
        plan.apply(edit_partner(partners(plan)[1], role="Surgeon"), TOGETHER)
    roles: list[str] = []
    thread = threading.Thread(target=lambda: roles.extend(p.role for p in partners(copy)))
    thread.start()
    thread.join(timeout=30)
    copy.close()
    assert roles == ["", "Nurse"], "the copy is the plan as it was, read from a worker thread"
