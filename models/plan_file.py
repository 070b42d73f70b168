"""A plan is one SQLite file: opening, checking, migrating, copying, editing.

Following SQLite's "application file format" advice, a plan is a single file
(rollback journal, not WAL) marked with our ``application_id`` and its schema
version in ``user_version``. Every edit commits at once with
``synchronous=FULL``, so there is no Save and a killed app loses nothing.

Opening never changes a file it refuses: only a regular file is opened at all,
its header is read as bytes first to tell a plan from other files, and the file
is only written after every check has passed: SQLite's own, that it is whole,
and that its tables and rows are a plan's (:mod:`models.plan_checks`); a
migration only after a verified backup, and its result is checked before it is
committed. While open, the file is locked exclusively (by SQLite, and by a
lock of our own that nothing else the app opens can release: :func:`_lock`),
so a second window or program cannot write to it behind our back.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import sys
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO, TypeVar

# SQLite's dialect is loaded with the model, not on the first connection: the
# app imports the model before Qt, which would read the sources of modules
# imported after it (ui/__init__.py).
import sqlalchemy.dialects.sqlite  # noqa: F401
from sqlalchemy import Select, create_engine, event, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from models import plan_checks
from models.base import Base, Entity, entity_types
from models.changes import Edit, RowChange, insert, tables
from models.errors import PlanFileError, StaleEditError, ValidationError
from models.migrations import SCHEMA_VERSION, upgrade
from models.privacy import TOGETHER, Viewer, check_change, is_private, visible

E = TypeVar("E", bound=Entity)

if sys.platform != "win32":
    import fcntl

#: "Tand" in ASCII, stored at byte 68 of every plan file.
APPLICATION_ID = 0x54616E64
SUFFIX = ".tandem"
_MAGIC = b"SQLite format 3\x00"
_LOCK_WAIT_SECONDS = 0.5
_IN_USE = "it is open in another Tandem window or another program."
#: For every descriptor opened on a plan: never wait on a named pipe swapped
#: in after the checks, and bytes as they are on Windows.
_OPEN_FLAGS = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


@dataclass(frozen=True)
class Header:
    application_id: int
    version: int


def read_header(path: Path) -> Header:
    """Identify a file from its first 100 bytes, without SQLite touching it.
    The version may be stale while a crash's journal waits to be rolled back:
    :meth:`PlanFile.open` reads it through SQLite instead."""
    head = _identify(path)
    header = Header(
        application_id=int.from_bytes(head[68:72], "big"),
        version=int.from_bytes(head[60:64], "big", signed=True),
    )
    _check_version(path, header.version)
    return header


def _identify(path: Path) -> bytes:
    """The header of a Tandem plan, or a refusal saying what the file is.
    Only the parts that never change after a plan is created are checked."""
    head = _read_head(path)
    if not head:
        raise PlanFileError(path, "the file is empty, so it is not a Tandem plan.")
    if len(head) < 100 or not head.startswith(_MAGIC):
        raise PlanFileError(path, "it is not a Tandem plan (it is not a database file at all).")
    if int.from_bytes(head[68:72], "big") != APPLICATION_ID:
        raise PlanFileError(
            path, "it is a database of another program, not a Tandem plan."
        )
    return head


def _read_head(path: Path) -> bytes:
    try:
        _check_regular(path, os.stat(path).st_mode)
        fd = os.open(path, os.O_RDONLY | _OPEN_FLAGS)
        with open(fd, "rb") as handle:
            _check_regular(path, os.fstat(fd).st_mode)  # what was opened, if it was swapped
            return handle.read(100)
    except FileNotFoundError:
        raise PlanFileError(
            path, "the file does not exist (it may have been moved or deleted).") from None
    except PermissionError:
        raise PlanFileError(path, "you do not have permission to read it.") from None
    except OSError as error:
        raise PlanFileError(path, f"it could not be read ({error.strerror or error}).") from error


def _check_regular(path: Path, mode: int) -> None:
    """Refuse anything but a regular file before reading it: reading a named
    pipe waits for a writer forever, and a device or socket is no plan."""
    if stat.S_ISDIR(mode):
        raise PlanFileError(path, "it is a folder, not a plan file.")
    if not stat.S_ISREG(mode):
        what = ("a named pipe" if stat.S_ISFIFO(mode) else
                "a socket" if stat.S_ISSOCK(mode) else "a device")
        raise PlanFileError(path, f"it is {what}, not a plan file.")


def _check_version(path: Path, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise PlanFileError(
            path,
            f"it was made by a newer version of Tandem (plan format {version}; "
            f"this version reads formats up to {SCHEMA_VERSION}). "
            "Update Tandem to open it.",
        )
    if version < 1:
        raise PlanFileError(path, "it is damaged: it has no plan format version.")


def _check_writable(path: Path) -> None:
    """Tandem saves every change at once, so it needs to write the file and,
    for the journal, its folder. Root ignores permissions, so the read-only
    flag is checked as well as access."""
    reason = None
    try:
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            reason = "it is on read-only media."
    except OSError:
        pass
    if reason is None:
        mode = path.stat().st_mode
        if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
            reason = "the file is read-only."
        elif not os.access(path.parent, os.W_OK | os.X_OK):
            reason = "its folder is read-only, and Tandem writes a journal beside a plan as it saves."
    if reason:
        raise PlanFileError(
            path,
            f"{reason} Tandem saves every change at once, so it needs a file it can write. "
            "Copy the plan to a writable folder and open the copy.",
        )


def _sqlite_reason(error: sqlite3.Error) -> str:
    name = getattr(error, "sqlite_errorname", "")
    text = str(error)
    if name.startswith("SQLITE_BUSY") or "locked" in text:
        return f"{_IN_USE} Close it there, then try again."
    if name.startswith("SQLITE_READONLY"):
        return "the file is read-only. Copy it to a writable folder and open the copy."
    if name.startswith("SQLITE_CANTOPEN"):
        return "the system would not let Tandem open it."
    return f"it is damaged ({text})."


def _lock(path: Path) -> int:
    """A descriptor of the plan, kept open while the plan is, holding an
    exclusive flock. SQLite's own lock is a POSIX record lock, and POSIX drops
    all of a process's record locks on a file when the process closes *any*
    descriptor of it (a file dialog telling the file's type, a copy...). A
    flock belongs to this descriptor alone, so it holds until the plan closes."""
    try:
        fd = os.open(path, os.O_RDWR | _OPEN_FLAGS)
    except OSError as error:
        raise PlanFileError(path, "the system would not let Tandem open it "
                            f"({error.strerror or error}).") from error
    try:
        _check_regular(path, os.fstat(fd).st_mode)
        # Not on Windows: there SQLite's locks belong to its own handle, and
        # closing another handle does not release them.
        if sys.platform != "win32":
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise PlanFileError(path, f"{_IN_USE} Close it there, then try again.") from None
            except OSError:
                pass  # a file system without flock (some network shares): SQLite's lock remains
    except BaseException:
        os.close(fd)
        raise
    return fd


def _locked_by_tandem(path: Path) -> bool:
    """Whether another open plan holds the flock taken by :func:`_lock`."""
    if sys.platform == "win32":
        return False
    try:
        fd = os.open(path, os.O_RDONLY | _OPEN_FLAGS)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)  # and with it the shared lock just taken
    return False


def _connect(path: Path) -> tuple[sqlite3.Connection, int]:
    """Open read-write, take the exclusive lock and check the file; returns
    the connection and the plan's format."""
    try:
        conn = sqlite3.connect(
            path.resolve().as_uri() + "?mode=rw", uri=True,
            isolation_level=None, timeout=_LOCK_WAIT_SECONDS,
        )
    except sqlite3.Error as error:
        raise PlanFileError(path, _sqlite_reason(error)) from error
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        # Taking the lock rolls back a journal left by a crash first. Only
        # then is the format read: until then the header on disk may already
        # name the format of an upgrade that never finished.
        conn.execute("BEGIN EXCLUSIVE")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        _check_version(path, version)
        _check_whole(path, conn)
        problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise PlanFileError(path, f"it is damaged ({'; '.join(problems[:3])}).")
        plan_checks.check_schema(conn, version)
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except plan_checks.PlanDamage as damage:
        conn.close()
        raise PlanFileError(path, f"it is damaged: {damage}") from damage
    except sqlite3.Error as error:
        conn.close()
        raise PlanFileError(path, _sqlite_reason(error)) from error
    except BaseException:
        conn.close()
        raise
    return conn, version


def _check_whole(path: Path, conn: sqlite3.Connection) -> None:
    """Refuse a file cut short, as by a copy or download that stopped early:
    SQLite reads a missing end as zeros, which its checks may take for data."""
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    # The page count the header records (or, where it records none, the
    # count the file's size gives, rounded up).
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    size = os.stat(path).st_size
    if size < pages * page_size:
        raise PlanFileError(path, "it is damaged: the end of the file is missing (it may have "
                            "been cut short while being copied or downloaded).")
    if size % page_size:
        raise PlanFileError(path, "it is damaged: its size is not a whole number of pages, "
                            "so something was cut from it or added to it.")


def _check_contents(path: Path, conn: sqlite3.Connection) -> None:
    try:
        plan_checks.check_contents(conn)
    except plan_checks.PlanDamage as damage:
        raise PlanFileError(path, f"it is damaged: {damage}") from damage
    except sqlite3.Error as error:
        raise PlanFileError(path, _sqlite_reason(error)) from error


def backup_path(path: Path, version: int) -> Path:
    """Where the copy made before upgrading from ``version`` goes: beside the plan."""
    stem = path.name.removesuffix(SUFFIX)
    candidate = path.with_name(f"{stem} (before upgrade, format {version}){SUFFIX}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{stem} (before upgrade, format {version}, {number}){SUFFIX}")
        number += 1
    return candidate


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _publish(partial: Path, target: Path) -> None:
    """Make a fully written file appear under its name in one step, durably."""
    with partial.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)
    _fsync_folder(target.parent)


def _write_copy(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of an open database, written atomically."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        destination = sqlite3.connect(partial)
        try:
            conn.backup(destination)
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
        _publish(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _write_backup(plan: int, backup: Path) -> None:
    """A byte-for-byte copy of the plan, verified before the original is touched.
    Safe as a raw copy: we hold the exclusive lock and no transaction is open.
    Read through the plan's own descriptor (``plan``): opening and closing
    another one would drop SQLite's lock (see :func:`_lock`)."""
    partial = backup.with_name(f".{backup.name}.partial")
    try:
        with open(plan, "rb", closefd=False) as source, partial.open("wb") as copy:
            source.seek(0)
            shutil.copyfileobj(source, copy)
        with open(plan, "rb", closefd=False) as source, partial.open("rb") as copy:
            source.seek(0)
            if not _same_bytes(source, copy):
                raise PlanFileError(backup, "the backup made before upgrading did not read "
                                    "back the same as the plan.", verb="written")
        _publish(partial, backup)
    finally:
        partial.unlink(missing_ok=True)


def _same_bytes(first: BinaryIO, second: BinaryIO) -> bool:
    while True:
        chunk = first.read(1 << 16)
        if chunk != second.read(1 << 16):
            return False
        if not chunk:
            return True


def _migrate(path: Path, conn: sqlite3.Connection, version: int, plan: int) -> None:
    """Upgrade from ``version`` in one transaction, after a backup read
    through the descriptor ``plan``; the result is checked before it is
    committed, so a refused plan is left as it was."""
    backup = backup_path(path, version)
    try:
        _write_backup(plan, backup)
    except OSError as error:
        raise PlanFileError(
            path, f"it needs an upgrade, and the backup copy to make first could not be "
            f"written beside it ({error.strerror or error})."
        ) from error
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.execute("BEGIN EXCLUSIVE")
        upgrade(conn, version)
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            raise PlanFileError(path, "its upgrade found broken links between rows. "
                                "The plan is unchanged.")
        _check_contents(path, conn)
        conn.execute("COMMIT")
    except BaseException as error:
        _rollback(conn)
        # The original is intact, so the backup would only pile up on each try.
        backup.unlink(missing_ok=True)
        if isinstance(error, sqlite3.Error):
            raise PlanFileError(path, f"it could not be upgraded ({error}). "
                                "The plan is unchanged.") from error
        raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open (a failed COMMIT may have ended it)."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _check_not_in_use(target: Path) -> None:
    """Refuse to replace a plan that another window or program has open:
    it would go on writing to a file that is no longer there."""
    if not target.is_file():
        return
    in_use = _locked_by_tandem(target)
    probe = None
    try:
        probe = sqlite3.connect(target.resolve().as_uri() + "?mode=rw", uri=True,
                                isolation_level=None, timeout=0)
        probe.execute("BEGIN EXCLUSIVE")
        probe.execute("ROLLBACK")
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or getattr(error, "sqlite_errorname", "").startswith("SQLITE_BUSY"):
            in_use = True
    except sqlite3.Error:
        pass  # not a database: replacing it loses nothing another program is writing
    finally:
        if probe is not None:
            probe.close()
    if in_use:
        raise PlanFileError(target, f"{_IN_USE} Close it there, or choose another name.",
                            verb="replaced")


def _described(row: Entity) -> str:
    name = next((getattr(row, a) for a in ("title", "label", "name") if hasattr(row, a)), "")
    return f"The {row.noun} “{name}”" if name else f"The {row.noun}"


def _integrity_message(detail: str, edit: Edit) -> str:
    """The database's last line of defence, in words: the rules in models/
    normally refuse first, with a more precise message."""
    if "FOREIGN KEY" in detail:
        if any(change.after is None for change in edit):
            return "That can’t be deleted while other things in the plan depend on it."
        return "That change refers to a partner or item that is not in this plan."
    if "NOT NULL" in detail:
        column = detail.rsplit(".", 1)[-1]
        return f"That change leaves out something required ({column.replace('_', ' ')})."
    if "UNIQUE" in detail:
        return "That change would make two things in the plan the same."
    return f"That change conflicts with the plan ({detail})."


def fingerprint(path: Path) -> str:
    """Whether a plan file is still as it was: its format, SQLite's change
    counter (the header's bytes 24 to 27, raised by every transaction that
    writes in the rollback-journal mode plans use, whoever writes), the
    journal mode (bytes 18 and 19: another program switching to WAL writes
    beside the file), its size and modification time, and whether a
    write-ahead log lies beside it ("" then: such a file is never trusted)."""
    if path.with_name(path.name + "-wal").exists():
        return ""
    with path.open("rb") as handle:
        header = handle.read(100)
    found = path.stat()
    return (f"{int.from_bytes(header[60:64], 'big')}.{int.from_bytes(header[24:28], 'big')}."
            f"{header[18]}{header[19]}.{found.st_size}.{found.st_mtime_ns}")


class PlanFile:
    """An open plan: owns the connection and the ORM session on it."""

    #: Closes the descriptor holding the plan's flock (see :func:`_lock`).
    _unlock: Callable[[], object] | None = None

    def __init__(self, path: Path, connection: sqlite3.Connection, migrated_from: int | None,
                 read_only: bool = False):
        self.path = path
        #: The format the file had before this open upgraded it, if it did.
        self.migrated_from = migrated_from
        #: A copy in memory for reading (:mod:`models.plan_snapshot`): edits are refused.
        self.read_only = read_only
        #: Rows not yet checked against their exercise's rules (open's rows_later).
        self.rows_unchecked = False
        self._conn = connection
        self._engine = create_engine("sqlite://", creator=lambda: connection, poolclass=StaticPool)
        # The driver's own transaction handling is off (isolation_level=None);
        # SQLAlchemy says where transactions begin.
        event.listen(self._engine, "begin", lambda c: c.exec_driver_sql("BEGIN"))
        self.session = Session(self._engine, expire_on_commit=False, autoflush=False)

    # -- opening and creating -------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, known_good: str = "", rows_later: bool = False) -> PlanFile:
        """Open a plan, upgrading an older one after a verified backup.
        Raises :class:`PlanFileError` and leaves the file as it was otherwise.
        ``known_good`` is the :meth:`fingerprint` the plan had when it was
        last closed after passing every check: if the file is still just that,
        its rows are not checked against the model's rules again (SQLite's own
        check, the links between tables and the dates still are).
        ``rows_later``: check now only the rows of the entities whose models
        are loaded (the Roadmap's, at start-up), the others' with
        :meth:`check_rest`; until then :attr:`rows_unchecked` says so, and an
        edit checks them first."""
        return cls._open(Path(path).absolute(), check_contents=True, known_good=known_good,
                         rows_later=rows_later)

    @classmethod
    def _open(cls, path: Path, check_contents: bool, known_good: str = "",
              rows_later: bool = False) -> PlanFile:
        _identify(path)
        _check_writable(path)
        lock = _lock(path)
        conn = None
        try:
            unchanged = bool(known_good) and fingerprint(path) == known_good
            conn, version = _connect(path)
            migrated_from = None
            if version < SCHEMA_VERSION:
                _migrate(path, conn, version, lock)
                migrated_from = version
            plan = cls(path, conn, migrated_from)
            if check_contents and migrated_from is None:  # an upgrade checked it already
                plan.rows_unchecked = rows_later and not unchanged
                plan._check(rows=not unchanged, loaded_only=plan.rows_unchecked)
        except BaseException:
            if conn is not None:
                conn.close()
            os.close(lock)
            raise
        # Like SQLite's connection, the lock also goes if the plan is dropped unclosed.
        plan._unlock = weakref.finalize(plan, os.close, lock)
        return plan

    @classmethod
    def create(cls, path: Path | str, rows: Iterable[Entity]) -> PlanFile:
        """Write a new plan holding ``rows`` (replacing a file at ``path``),
        and open it. The file appears whole or not at all."""
        path = Path(path).absolute()
        _check_not_in_use(path)
        building = path.with_name(f".{path.name}.creating")
        try:
            building.unlink(missing_ok=True)
            conn = sqlite3.connect(building, isolation_level=None)
            try:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute("PRAGMA journal_mode = DELETE")
                conn.execute("BEGIN")
                upgrade(conn, 0)
                conn.execute("COMMIT")
            finally:
                conn.close()
            # No rows yet, so no partners: the contents are checked when the
            # plan is opened under its name, below.
            draft = cls._open(building, check_contents=False)
            try:
                # Each row as whoever wrote it (a partner's own scores and
                # "done" marks as that partner), table by table, each after
                # the tables it refers to (a mark made together refers to a
                # partner's vision).
                entity_types()  # every table registered, for their order
                order = {table.name: n for n, table in enumerate(Base.metadata.sorted_tables)}
                groups: dict[tuple[int, str], list[Entity]] = {}
                for row in rows:
                    author = getattr(row, "author_uuid", None) or ""
                    groups.setdefault((order[row.__tablename__], author), []).append(row)
                for (_table, author), written in sorted(groups.items(), key=lambda g: g[0]):
                    draft.apply(tuple(insert(row) for row in written),
                                Viewer.partner(author) if author else TOGETHER)
            finally:
                draft.close()
            os.replace(building, path)
            _fsync_folder(path.parent)
        except (OSError, sqlite3.Error) as error:
            raise PlanFileError(path, f"{getattr(error, 'strerror', None) or error}.",
                                verb="created") from error
        finally:
            building.unlink(missing_ok=True)
        return cls.open(path)

    def _check(self, rows: bool, loaded_only: bool = False) -> None:
        try:
            plan_checks.check_stored(self._conn, self.session, rows=rows, loaded_only=loaded_only)
        except plan_checks.PlanDamage as damage:
            raise PlanFileError(self.path, f"it is damaged: {damage}") from damage
        except DBAPIError as error:  # SQLite's own refusal, read through SQLAlchemy
            orig = error.orig
            reason = _sqlite_reason(orig) if isinstance(orig, sqlite3.Error) else str(orig)
            raise PlanFileError(self.path, reason) from error

    def check_rest(self) -> None:
        """Check the rows :meth:`open` left for later (``rows_later``), now
        against every exercise's rules. Raises :class:`PlanFileError` ("it is
        damaged: …") if one breaks them; the plan is not to be used then."""
        if self.rows_unchecked:
            self._check(rows=True)
            self.rows_unchecked = False

    def fingerprint(self) -> str:
        """What tells whether the file is still as it is now (see :func:`fingerprint`)."""
        return fingerprint(self.path)

    def close(self) -> None:
        if self._conn is None:
            return
        try:
            self.session.close()
            self._engine.dispose()
            self._conn.close()
            self._conn = None  # type: ignore[assignment]
        finally:
            if self._unlock is not None:
                self._unlock()  # last: no other window gets in while SQLite has the file

    def __enter__(self) -> PlanFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- reading ----------------------------------------------------------------

    def read(self, statement: Select[E], viewer: Viewer | None = None) -> list[E]:
        """The rows a query finds, as detached copies: a view can keep them,
        but writing to one can never reach the file (only :meth:`apply` can).
        Rows a partner may write privately are filtered for ``viewer``, which
        is required when the query reads any of them."""
        for description in statement.column_descriptions:
            entity = description.get("entity")
            if is_private(entity):
                if viewer is None:
                    raise TypeError(f"reading {entity.__name__} needs a viewer")
                statement = statement.where(visible(entity, viewer))
        session = self.session
        try:
            rows = list(session.scalars(statement))
            session.expunge_all()
        finally:
            session.rollback()  # no read transaction is left open
        return rows

    def with_dependents(self, row: Entity) -> list[Entity]:
        """``row`` and every row that hangs on it (through a foreign key or a
        loose link), at any depth, deepest first: what deleting ``row`` has to
        delete, in order.
        Unfiltered by viewer: children follow their parent (see
        :func:`models.privacy.check_change`)."""
        found: list[Entity] = []
        session = self.session
        try:
            self._collect(session, row.__tablename__, row.uuid, found, set())
            session.expunge_all()
        finally:
            session.rollback()
        found.append(row)
        return found

    def _collect(self, session: Session, table: str, uuid: str, found: list[Entity],
                 seen: set[str]) -> None:
        for cls in entity_types().values():
            for column in cls.__table__.columns:
                linked = column.key in cls.loose_links or column.key != "author_uuid" and any(
                    fk.column.table.name == table for fk in column.foreign_keys)
                if not linked:
                    continue
                for child in session.scalars(select(cls).where(column == uuid)):
                    if child.uuid not in seen:
                        seen.add(child.uuid)
                        self._collect(session, child.__tablename__, child.uuid, found, seen)
                        found.append(child)

    # -- editing ----------------------------------------------------------------

    def apply(self, edit: Edit, viewer: Viewer) -> None:
        """Apply an edit in one transaction, as ``viewer`` (who may not touch
        the other partner's private rows). On any refusal nothing is stored
        and :class:`TandemError` says why."""
        if self.read_only:
            raise PlanFileError(self.path, "this is a copy for reading (a report); the plan "
                                "itself is unchanged.", verb="changed")
        self.check_rest()  # nothing is written to a plan not checked whole
        session = self.session
        # Nothing but this method writes: whatever a stray write may have left
        # in the session is dropped, never stored.
        session.rollback()
        session.expunge_all()
        moved = {c.uuid for c in edit if c.before is None or c.after is None}
        checked: list[tuple[Entity, RowChange]] = []
        try:
            for change in edit:
                row = self._apply_row(change, viewer, moved)
                if row is not None:
                    checked.append((row, change))
            for row, change in checked:
                row.check(None if change.before is None else list(change.after or ()))
            session.flush()
            types = entity_types()
            for table in tables(edit):
                types[table].check_table(session)
            session.commit()
        except IntegrityError as error:
            session.rollback()
            raise ValidationError("", _integrity_message(str(error.orig), edit)) from error
        except DBAPIError as error:
            session.rollback()
            raise PlanFileError(self.path, f"the change could not be saved ({error.orig}). "
                                "Nothing of it was stored.", verb="changed") from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.expunge_all()

    def _apply_row(self, change: RowChange, viewer: Viewer, moved: set[str]) -> Entity | None:
        cls = entity_types()[change.table]
        session = self.session
        row = session.get(cls, change.uuid)
        current = row.record() if row is not None else None
        after = None if change.after is None else {**(current or {}), **change.after}
        # Privacy first: a refusal must not describe what the viewer may not see.
        check_change(cls, viewer, current, after, moved, self._revealed(cls, current or after))
        if change.before is None:
            if row is not None:
                raise StaleEditError(f"{_described(row)} is already in the plan.")
            assert change.after is not None
            row = cls(**change.after)
            session.add(row)
            return row
        if row is None or current is None:
            raise StaleEditError(f"This {cls.noun} is no longer in the plan.")
        if any(current[key] != value for key, value in change.before.items()):
            raise StaleEditError(f"{_described(row)} is not as this step left it.")
        if change.after is None:
            session.delete(row)
            return None
        for key, value in change.after.items():
            setattr(row, key, value)
        return row

    def _revealed(self, cls: type[Entity], values: dict[str, Any] | None) -> bool:
        """Whether a row waiting for a joint reveal has been revealed."""
        subject_column = getattr(cls, "reveal_with", "")
        if not subject_column or values is None:
            return False
        from models.reveal import revealed_subjects

        subject = values.get(subject_column)
        return subject in set(self.session.scalars(revealed_subjects()))

    def snapshot(self) -> PlanFile:
        """A read-only copy in memory of the plan as it is now (for a report
        made in the background, on a connection of its own)."""
        from models.plan_snapshot import snapshot_of

        self.session.rollback()  # no transaction under way: the copy is whole
        return snapshot_of(self._conn.serialize(), self.path)

    def image(self) -> bytes:
        """The plan as it is now, as the bytes of a plan file: a copy in
        memory, made in a fraction of a millisecond, with none of the checks
        of :meth:`snapshot` (for a backup written on another thread)."""
        self.session.rollback()  # no transaction under way: the image is whole
        return self._conn.serialize()

    # -- copying ------------------------------------------------------------------

    def copy_to(self, target: Path | str) -> None:
        """Save a consistent copy elsewhere while the plan stays open here."""
        self.check_rest()  # a copy is of a plan checked whole
        target = Path(target).absolute()
        if target.exists() and target.resolve() == self.path.resolve():
            raise PlanFileError(target, "that is the plan that is open. Choose another name.",
                                verb="written")
        _check_not_in_use(target)
        self.session.commit()
        try:
            _write_copy(self._conn, target)
        except (OSError, sqlite3.Error) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise PlanFileError(target, f"{reason}.", verb="written") from error

    def execute_pragma(self, name: str) -> Any:
        """Read one PRAGMA value (for diagnostics and tests)."""
        return self._conn.execute(f"PRAGMA {name}").fetchone()[0]



def suggested_name(first: str, second: str) -> str:
    """A file name for a new plan: ``Rachel & Marcus.tandem``, minus characters
    that file systems refuse."""
    stem = f"{first.strip()} & {second.strip()}"
    stem = "".join("-" if c in '/\\:*?"<>|' or ord(c) < 32 else c for c in stem).strip(". ")
    return (stem[:80] or "Our plan") + SUFFIX


def unused_path(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name 2``, ``name 3``… when that is taken."""
    candidate = folder / name
    stem = name.removesuffix(SUFFIX)
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem} {number}{SUFFIX}"
        number += 1
    return candidate
