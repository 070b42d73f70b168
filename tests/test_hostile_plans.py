"""Files that look like plans but are not whole or not right inside: each is
refused with a message naming what is wrong, and is never modified. Before
these checks, each of them opened, then crashed the app (or hung it)."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.errors import PlanFileError
from models.migrations import SCHEMA_VERSION
from models.plan_file import APPLICATION_ID, PlanFile
from tests.helpers import digest, folder_listing, stored
from tests.test_wrong_files import refused

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"


def sql(path: Path, *statements: str) -> None:
    """Change a closed plan behind Tandem's back, as another program could."""
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.close()


def test_tables_missing(plan_path: Path) -> None:
    sql(plan_path, "DROP TABLE season")
    message = refused(plan_path)
    assert (f"it is damaged: it lacks the index “season_leader” and the table “season”, "
            f"which every plan of format {SCHEMA_VERSION} has.") in message


def test_only_the_header_of_a_plan(tmp_path: Path) -> None:
    path = tmp_path / "header only.tandem"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    message = refused(path)
    assert "it is damaged: it lacks " in message and "the table “partner”" in message


def test_a_table_changed(plan_path: Path) -> None:
    sql(plan_path, "ALTER TABLE partner ADD COLUMN nickname TEXT")
    assert (f"it is damaged: the table “partner” is not as a plan of format {SCHEMA_VERSION} "
            "has it.") in refused(plan_path)


@pytest.mark.parametrize("fixture", ["new", "plan-v1.tandem"])
def test_a_partner_deleted(plan_path: Path, tmp_path: Path, fixture: str) -> None:
    path = plan_path
    if fixture != "new":  # an old plan: refused by the checks of its upgrade, before commit
        path = tmp_path / fixture
        shutil.copyfile(DATA / fixture, path)
    sql(path, "DELETE FROM partner WHERE slot = 2")
    assert "it is damaged: it has 1 partner; a plan has exactly two." in refused(path)


def _item(start: str, kind: str = "job", end: str | None = "2031-01-01",
          partner: str = "(SELECT uuid FROM partner WHERE slot = 1)") -> str:
    end_sql = "NULL" if end is None else f"'{end}'"
    return ("INSERT INTO roadmap_item (uuid, partner_uuid, kind, title, start_date, end_date) "
            f"VALUES ('i1', {partner}, '{kind}', 'First job', '{start}', {end_sql})")


def test_an_impossible_date(plan_path: Path) -> None:
    sql(plan_path, _item("2023-02-30"))
    assert ("it is damaged: the roadmap item “First job” has an impossible start date "
            "(2023-02-30).") in refused(plan_path)


@pytest.mark.parametrize("statements, expected", [
    ([_item("someday", kind="promotion", end=None)],
     "the roadmap item “First job” has a start date that is not a date (“someday”)."),
    ([_item("2030-01-01", kind="spaceflight")],
     "the roadmap item “First job” breaks a rule. “spaceflight” is not a kind of roadmap item."),
    ([_item("2030-01-01", partner="'nobody'")],
     "a roadmap item refers to a partner that is not in the plan."),
    (["UPDATE partner SET name = 'Ana' WHERE slot = 2"],
     "its partners break a rule together. The two partners need different names."),
], ids=["not-a-date", "unknown-kind", "missing-partner", "same-names"])
def test_rows_that_break_the_rules(plan_path: Path, statements: list[str],
                                   expected: str) -> None:
    sql(plan_path, *statements)
    assert f"it is damaged: {expected}" in refused(plan_path)


@pytest.mark.parametrize("cut", [1, 7, 20])
def test_cut_short(plan_path: Path, cut: int) -> None:
    data = plan_path.read_bytes()
    plan_path.write_bytes(data[:-cut])
    assert "it is damaged: the end of the file is missing" in refused(plan_path)


def test_bytes_added_at_the_end(plan_path: Path) -> None:
    with plan_path.open("ab") as handle:
        handle.write(b"\n")
    assert "it is damaged: its size is not a whole number of pages" in refused(plan_path)


_TRY_TO_OPEN = (
    "import sys\n"
    "from models.errors import PlanFileError\n"
    "from models.plan_file import PlanFile\n"
    "try:\n"
    "    PlanFile.open(sys.argv[1])\n"
    "except PlanFileError as error:\n"
    "    print(error.reason)\n"
)


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "x.tandem"
    os.mkfifo(path)
    listing = folder_listing(tmp_path)
    # In a process of its own, so that a hang fails the test instead of hanging it.
    result = subprocess.run([sys.executable, "-c", _TRY_TO_OPEN, str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=30)
    assert result.stdout.strip() == "it is a named pipe, not a plan file.", result.stderr
    assert folder_listing(tmp_path) == listing


@pytest.fixture
def unix_socket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)  # a socket's path must be short: bind a relative one
    server = socket.socket(socket.AF_UNIX)
    server.bind("x.tandem")
    yield tmp_path / "x.tandem"
    server.close()


def test_a_socket_is_refused(unix_socket: Path) -> None:
    assert "it is a socket, not a plan file." in refused(unix_socket)


def test_a_device_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "null.tandem"
    path.symlink_to(os.devnull)
    assert "it is a device, not a plan file." in refused(path)


# -- a crash in the middle of an upgrade's commit ---------------------------------

_KILLED_WHILE_COMMITTING = (
    "import os, resource, signal, sys\n"
    # Growing the file past its size kills the process (SIGXFSZ, which Python
    # ignores unless told otherwise): the upgrade's commit writes page 1 (the
    # header) first, then dies at the first new page, before the journal is
    # cleared. No core dump.
    "signal.signal(signal.SIGXFSZ, signal.SIG_DFL)\n"
    "resource.setrlimit(resource.RLIMIT_CORE, (0, 0))\n"
    "size = os.path.getsize(sys.argv[1])\n"
    "resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))\n"
    "from models.plan_file import PlanFile\n"
    "PlanFile.open(sys.argv[1])\n"
)


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="needs POSIX limits")
def test_a_crash_while_an_upgrade_commits_is_recovered_then_upgraded(tmp_path: Path) -> None:
    fixture = DATA / "plan-v1.tandem"
    path = tmp_path / "old.tandem"
    shutil.copyfile(fixture, path)
    result = subprocess.run([sys.executable, "-c", _KILLED_WHILE_COMMITTING, str(path)],
                            cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == -signal.SIGXFSZ, result.stderr
    journal = path.with_name(path.name + "-journal")
    assert journal.is_file() and journal.stat().st_size > 0, "a hot journal was left"
    header = path.read_bytes()[:100]
    assert int.from_bytes(header[60:64], "big") == SCHEMA_VERSION, \
        "the header on disk already names the new format"

    with PlanFile.open(path) as plan:
        assert plan.migrated_from == 1, "rolled back to format 1, then upgraded"
        assert plan.execute_pragma("user_version") == SCHEMA_VERSION
    assert not journal.exists()
    clean = tmp_path / "clean" / "old.tandem"
    clean.parent.mkdir()
    shutil.copyfile(fixture, clean)
    assert stored(path) == stored(clean), "the same data as a plan upgraded without a crash"
    first_backup = tmp_path / "old (before upgrade, format 1).tandem"
    assert digest(first_backup) == digest(fixture)


def test_a_plan_as_it_was_last_checked_skips_its_row_checks_and_a_changed_one_never(
        plan_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window reopens a plan it closed after every check passed without
    checking its rows again; once anything else has written to the file,
    the rows are checked whole, whatever fingerprint the window kept."""
    from models import plan_checks

    checked: list[int] = []
    real = plan_checks.check_rows
    monkeypatch.setattr(plan_checks, "check_rows", lambda session: (checked.append(1),
                                                                    real(session)))
    with PlanFile.open(plan_path) as plan:
        good = plan.fingerprint()
    assert checked == [1]
    PlanFile.open(plan_path, known_good=good).close()
    assert checked == [1], "just as it was: no second check of every row"
    sql(plan_path, "UPDATE partner SET name = 'Ana' WHERE slot = 2")
    before = digest(plan_path)
    with pytest.raises(PlanFileError, match="The two partners need different names"):
        PlanFile.open(plan_path, known_good=good)
    assert checked == [1, 1] and digest(plan_path) == before
