"""A plan read, never written: a consistent copy in memory, for the counselor
report and ``tandem export``.

It works while the plan is open in Tandem (whose exclusive lock keeps other
SQLite readers out: the file's bytes are read between two saves instead), on
a read-only file or medium, and on a plan of an older format (upgraded in
memory only). The file is never locked, written or changed, and the copy
refuses every edit.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from models import plan_checks
from models.errors import PlanFileError
from models.migrations import SCHEMA_VERSION, upgrade
from models.plan_file import PlanFile, _check_version, _identify, _sqlite_reason

#: How long to wait for a save under way to finish before giving up.
_SAVE_WAIT_SECONDS = 3.0


def open_snapshot(path: Path | str) -> PlanFile:
    """A read-only copy in memory of the plan at ``path``, as it was saved
    last. Raises :class:`PlanFileError` (the file untouched) when it isn't a
    plan Tandem can read."""
    path = Path(path).absolute()
    return snapshot_of(_read_saved(path), path)


def snapshot_of(data: bytes, path: Path) -> PlanFile:
    """A read-only plan in memory from a plan file's bytes (``path`` names it
    in messages): checked as opening checks a file, upgraded in memory."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        conn.deserialize(data)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        _check_version(path, version)
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        if len(data) < pages * page_size or len(data) % page_size:
            raise PlanFileError(path, "it is damaged: the end of the file is missing or cut.")
        problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise PlanFileError(path, f"it is damaged ({'; '.join(problems[:3])}).")
        plan_checks.check_schema(conn, version)
        migrated_from = None
        if version < SCHEMA_VERSION:  # in memory only: the file keeps its format
            conn.execute("BEGIN")
            upgrade(conn, version)
            conn.execute("COMMIT")
            migrated_from = version
        conn.execute("PRAGMA foreign_keys = ON")
        plan_checks.check_contents(conn)
    except plan_checks.PlanDamage as damage:
        conn.close()
        raise PlanFileError(path, f"it is damaged: {damage}") from damage
    except sqlite3.Error as error:
        conn.close()
        raise PlanFileError(path, _sqlite_reason(error)) from error
    except BaseException:
        conn.close()
        raise
    return PlanFile(path, conn, migrated_from, read_only=True)


def _read_saved(path: Path) -> bytes:
    """The file's bytes as of its last save. Tandem saves with a rollback
    journal beside the plan: while the journal is live a save is under way
    (or was cut by a crash), and the bytes may be half old, half new. Read
    only when it is not, before and after, and the file did not change meanwhile."""
    _identify(path)
    journal = path.with_name(path.name + "-journal")
    deadline = time.monotonic() + _SAVE_WAIT_SECONDS
    while True:
        try:
            if not _saving(journal):
                before = os.stat(path)
                data = path.read_bytes()
                after = os.stat(path)
                if not _saving(journal) and (before.st_mtime_ns, before.st_size) == \
                        (after.st_mtime_ns, after.st_size):
                    return data
        except PermissionError:
            raise PlanFileError(path, "you do not have permission to read it.") from None
        except OSError as error:
            raise PlanFileError(path, f"it could not be read ({error.strerror or error}).") \
                from error
        if time.monotonic() > deadline:
            raise PlanFileError(
                path, "it is being saved right now, or a crash left a save half done. "
                "Open it in Tandem once (that finishes or undoes the save), then try again.")
        time.sleep(0.02)


def _saving(journal: Path) -> bool:
    """Whether a save is under way: the journal exists and its header is
    live. (While Tandem holds a plan, SQLite keeps the journal between saves
    with its header zeroed, which means no save.)"""
    try:
        with journal.open("rb") as handle:
            header = handle.read(28)
    except FileNotFoundError:
        return False
    return any(header)
