"""Files that are not right: each is refused with a clear message naming the
file and the reason, and is never modified."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from models.errors import PlanFileError
from models.migrations import SCHEMA_VERSION
from models.plan_file import APPLICATION_ID, PlanFile
from models.privacy import TOGETHER
from tests.helpers import digest, folder_listing

ROOT = Path(__file__).resolve().parent.parent


def refused(path: Path) -> str:
    """Open ``path``, expect a refusal, check nothing changed; return the message."""
    before = digest(path) if path.is_file() else None
    listing = folder_listing(path.parent)
    with pytest.raises(PlanFileError) as caught:
        PlanFile.open(path)
    message = caught.value.message
    assert path.name in message
    if before is not None:
        assert digest(path) == before, "a refused file must not be modified"
    assert folder_listing(path.parent) == listing, "nothing written beside it either"
    return message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError) as caught:
        PlanFile.open(tmp_path / "gone.tandem")
    assert "does not exist" in caught.value.message
    assert "gone.tandem" in caught.value.message


def test_folder(tmp_path: Path) -> None:
    (tmp_path / "folder.tandem").mkdir()
    assert "is a folder" in refused(tmp_path / "folder.tandem")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.tandem"
    path.touch()
    assert "the file is empty" in refused(path)


@pytest.mark.parametrize("content", [
    b"Dear counselor, <b>notes</b> & more",
    "日本語のテキスト 🌸".encode(),
    b"\x89PNG\r\n\x1a\n" + bytes(200),
    b"SQLite format 3",  # too short to be a database
])
def test_files_that_are_not_databases(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.tandem"
    path.write_bytes(content)
    assert "not a Tandem plan (it is not a database file at all)" in refused(path)


def test_database_of_another_program(tmp_path: Path) -> None:
    path = tmp_path / "photos.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    assert "a database of another program" in refused(path)


def test_plan_from_a_newer_version(plan_path: Path) -> None:
    conn = sqlite3.connect(plan_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    message = refused(plan_path)
    assert "newer version of Tandem" in message
    assert f"plan format {SCHEMA_VERSION + 5}" in message


def test_damaged_plan(plan_path: Path) -> None:
    data = bytearray(plan_path.read_bytes())
    page = 4096
    assert len(data) >= 3 * page
    data[page + 8: 2 * page] = b"\xde\xad\xbe\xef" * ((page - 8) // 4)  # scribble over page 2
    plan_path.write_bytes(bytes(data))
    assert "it is damaged" in refused(plan_path)


def test_truncated_plan(plan_path: Path) -> None:
    data = plan_path.read_bytes()
    plan_path.write_bytes(data[: len(data) // 2 + 100])
    assert "it is damaged" in refused(plan_path)


def test_plan_locked_by_another_process(plan_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys\n"
         "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "c.execute('BEGIN EXCLUSIVE')\n"
         "print('locked', flush=True)\n"
         "sys.stdin.readline()\n", str(plan_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        message = refused(plan_path)
        assert "open in another Tandem window or another program" in message
    finally:
        holder.communicate("\n", timeout=10)
    with PlanFile.open(plan_path):
        pass  # once the other program lets go, it opens


def test_read_only_plan(plan_path: Path) -> None:
    plan_path.chmod(0o444)
    try:
        message = refused(plan_path)
    finally:
        plan_path.chmod(0o644)
    assert "the file is read-only" in message
    assert "Copy the plan to a writable folder" in message


def test_plan_on_read_only_media(plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    real = os.statvfs

    class ReadOnlyMount:
        def __init__(self, result: os.statvfs_result) -> None:
            self._result = result
            self.f_flag = result.f_flag | os.ST_RDONLY

    monkeypatch.setattr(os, "statvfs", lambda p: ReadOnlyMount(real(p)))
    assert "on read-only media" in refused(plan_path)


def test_application_id_is_what_the_header_check_reads(plan_path: Path) -> None:
    conn = sqlite3.connect(plan_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


# -- writing where it would hurt ------------------------------------------------------


def _open_elsewhere(path: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys\nfrom models.plan_file import PlanFile\n"
         "plan = PlanFile.open(sys.argv[1])\nprint('open', flush=True)\nsys.stdin.readline()\n",
         str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    return holder


def test_save_a_copy_over_a_plan_open_in_another_window_is_refused(plan_path: Path,
                                                                   tmp_path: Path) -> None:
    from models.partners import new_plan_rows

    other = tmp_path / "Kai & Lee.tandem"
    PlanFile.create(other, new_plan_rows("Kai", "Lee")).close()
    before = digest(other)
    holder = _open_elsewhere(other)
    try:
        with PlanFile.open(plan_path) as plan, pytest.raises(PlanFileError) as caught:
            plan.copy_to(other)
        assert "open in another Tandem window" in caught.value.message
        with pytest.raises(PlanFileError):
            PlanFile.create(other, new_plan_rows("Noor", "Sam"))
    finally:
        holder.communicate("\n", timeout=10)
    assert digest(other) == before


_FULL_DISK = (
    "import resource, signal, sys, os\n"
    "from models.errors import TandemError\n"
    "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
    "size = os.path.getsize(sys.argv[1])\n"
    "resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))\n"
    "from models.plan_file import PlanFile\n"
    "from datetime import date\n"
    "from models.roadmap import new_item\n"
    "from models.privacy import TOGETHER\n"
    "try:\n"
    "    plan = PlanFile.open(sys.argv[1])\n"
    "    edit = ()\n"
    "    for n in range(40):\n"
    "        edit += new_item('job', f'Job {n}', date(2030, 1, 1), date(2031, 1, 1),"
    " notes='x' * 4000, viewer=TOGETHER)\n"
    "    plan.apply(edit, TOGETHER)\n"
    "except TandemError as error:\n"
    "    print('REFUSED', error.message)\n"
)


def test_a_full_disk_during_an_edit_is_a_clear_refusal_that_stores_nothing(
        plan_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", _FULL_DISK, str(plan_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "REFUSED" in result.stdout and "could not be changed" in result.stdout
    assert "Nothing of it was stored" in result.stdout
    with PlanFile.open(plan_path) as plan:
        from models.roadmap import roadmap_items

        assert roadmap_items(plan, TOGETHER) == []


def test_a_full_disk_during_an_upgrade_leaves_the_old_plan_as_it_was(tmp_path: Path) -> None:
    import shutil

    fixture = Path(__file__).parent / "data" / "plan-v1.tandem"
    path = tmp_path / "old.tandem"
    shutil.copyfile(fixture, path)
    result = subprocess.run([sys.executable, "-c", _FULL_DISK, str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "REFUSED" in result.stdout and "The plan is unchanged" in result.stdout
    assert digest(path) == digest(fixture)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "old.tandem"], \
        "no backup piles up from a failed upgrade"
