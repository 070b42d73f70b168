"""Automatic backups of a plan, and the way back from them.

**Where.** Under a base folder the UI chooses (the platform's data folder),
one folder per plan, named after the plan's identity (the UUID of its
:class:`~models.partners.PlanInfo` row, which a copy or a rename keeps): a plan
renamed or moved keeps its history, and two plans with the same file name in
different folders never mix. Each backup is a whole plan file named for when
it was made and why (``2026-06-01 14.30.05 +0200 opened.tandem``), written as
Save a Copy writes one (SQLite's backup API into a hidden file, flushed to
disk, then renamed into place: :func:`models.plan_file._write_copy`), so a
backup is whole or absent, never half written, and it is left read-only, so
that opening one by mistake cannot change it. ``backups.json`` beside them
records where the plan was and when it last changed when each was made.

**When** (:class:`Reason`): when a plan is opened, unless a backup of it was
made that day already (in the clock's time zone); when it is closed after
changes; and before a restore replaces it. The clock is injected.

**What is kept** (:func:`kept`, after each backup): the three most recent
backups; the first backup of each of the last 7 days on which one was made
(the plan as that day began); the first backup of each of the last 4 weeks,
Monday to Sunday, in which one was made; and every backup made before a restore
in the last 7 days, so that the restore can be undone. So a plan keeps at most
14 backups, plus those of a week of restores.

**Off the interface thread.** The UI takes the plan's image on its own thread
(:meth:`BackupStore.prepare`: a copy in memory, quick) and hands the rest to
a worker (:meth:`BackupStore.write`), which only reads that image and writes
in the backup folder.

No Qt here.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import sqlite3
import stat
import tempfile
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any, TypeGuard

from sqlalchemy import func, select

from models.base import Entity, entity_types
from models.errors import PlanFileError, TandemError
from models.partners import Partner, PlanInfo, partners
from models.plan_file import SUFFIX, PlanFile, _write_copy, unused_path
from models.plan_snapshot import open_snapshot
from models.privacy import TOGETHER, Private, visible
from models.reveal import Reveal
from models.roadmap import RoadmapItem

#: Gives the time now, with its time zone (which says where days begin).
Clock = Callable[[], datetime]

RECENT = 3
DAILY = 7
WEEKLY = 4
#: How long a backup made before a restore is kept whatever else is made.
RESTORE_KEPT = timedelta(days=7)
MANIFEST = "backups.json"
#: Where the paths a plan had are remembered, the latest first.
_PATHS_KEPT = 20
#: A hidden file a backup was being written to, left by a crash; younger
#: ones may be another Tandem's backup under way.
_STALE = timedelta(hours=1)
#: Larger files are not read whole to find which plan a damaged file was.
_LARGEST_DAMAGED = 1 << 30
_NAME = re.compile(r"^(\d{4}-\d\d-\d\d \d\d\.\d\d\.\d\d [+-]\d{4}) "
                   r"(opened|closed|before restore)(?: (\d+))?\.tandem$")
_STAMP = "%Y-%m-%d %H.%M.%S %z"


def local_now() -> datetime:
    return datetime.now().astimezone()


class BackupError(TandemError):
    """A backup could not be made or read; the plan itself is untouched."""


class Reason(Enum):
    """Why a backup was made (its name says it)."""

    OPENED = "opened"
    CLOSED = "closed"
    BEFORE_RESTORE = "before restore"

    @property
    def description(self) -> str:
        return {Reason.OPENED: "When the plan was opened",
                Reason.CLOSED: "When the plan was closed after changes",
                Reason.BEFORE_RESTORE: "Before a backup replaced it"}[self]


@dataclass(frozen=True)
class Backup:
    path: Path
    #: When it was made, in the time zone of the clock that made it.
    made_at: datetime
    reason: Reason
    #: Tells apart backups made in the same second, in order.
    number: int = 1

    @property
    def order(self) -> tuple[datetime, int]:
        return self.made_at, self.number


def backup_of(path: Path) -> Backup | None:
    """The backup a file is, from its name; ``None`` for other files."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        made_at = datetime.strptime(match[1], _STAMP)
    except ValueError:
        return None
    return Backup(path, made_at, Reason(match[2]), int(match[3] or 1))


def kept(backups: Sequence[Backup], now: datetime) -> set[Path]:
    """The backups rotation keeps (see the module's text); days and weeks
    begin in the time zone of ``now``."""
    ordered = sorted(backups, key=lambda b: b.order)
    keep = {b.path for b in ordered[-RECENT:]}
    first_of_day: dict[date, Backup] = {}
    first_of_week: dict[tuple[int, int], Backup] = {}
    for backup in ordered:  # oldest first: the first met of a day is its first
        day = backup.made_at.astimezone(now.tzinfo).date()
        first_of_day.setdefault(day, backup)
        year, week, _ = day.isocalendar()
        first_of_week.setdefault((year, week), backup)
    keep |= {first_of_day[day].path for day in sorted(first_of_day)[-DAILY:]}
    keep |= {first_of_week[week].path for week in sorted(first_of_week)[-WEEKLY:]}
    keep |= {b.path for b in ordered
             if b.reason is Reason.BEFORE_RESTORE and now - b.made_at <= RESTORE_KEPT}
    return keep


@dataclass(frozen=True)
class BackupJob:
    """What the UI thread hands to a worker: the plan as it is now."""

    image: bytes
    #: The plan file it was taken from.
    source: Path
    reason: Reason
    #: When the plan file was last written, if known.
    last_change: datetime | None


@dataclass(frozen=True)
class Summary:
    """What a backup holds, in a few words. Counted as both partners see the
    plan together: a private draft is neither shown nor counted."""

    names: tuple[str, ...]
    roadmap_items: int
    other_entries: int
    #: When the plan was last changed before the backup was made, if known.
    last_change: datetime | None
    #: The plan file it was made from, if known.
    source: Path | None


@dataclass(frozen=True)
class Listed:
    backup: Backup
    summary: Summary
    size: int


@dataclass(frozen=True)
class Unreadable:
    """A backup that is itself damaged: left out of the list, with the reason."""

    backup: Backup
    reason: str


@dataclass(frozen=True)
class Listing:
    folder: Path
    #: Newest first.
    backups: list[Listed]
    unreadable: list[Unreadable]
    #: Bytes used by this plan's backups, and by every plan's.
    space_used: int
    all_space_used: int


@dataclass(frozen=True)
class Rescue:
    """What the backups offer for a plan that is damaged."""

    #: Its most recent good backup, or ``None`` when none can be offered.
    backup: Listed | None
    #: How the backups were matched to the damaged file (or why none is offered).
    how: str


def checked_identity(value: object) -> str:
    """A plan's UUID in the one form used to name its backup folder; refuses
    anything else (a folder name must never come from a plan's text)."""
    if not isinstance(value, str):
        raise ValueError("a plan's identity is a UUID")
    return str(uuid.UUID(value))


def plan_identity(plan: PlanFile) -> str:
    """The identity backups are filed under: the plan's one PlanInfo row."""
    rows = plan.read(select(PlanInfo))
    return _identity_from([row.uuid for row in rows], plan.path)


def _identity_from(values: list[Any], path: Path) -> str:
    if len(values) == 1:
        try:
            return checked_identity(values[0])
        except ValueError:
            pass
    raise BackupError(
        f"Backups are off for “{path.name}”: it does not say which plan it is (it should "
        "hold one plan identity, a UUID), so Tandem can’t tell its backups from another "
        "plan’s. Your plan itself is fine and saves every change.")


def is_damage(error: TandemError) -> TypeGuard[PlanFileError]:
    """Whether a plan was refused because its file is damaged (or no longer
    looks like a plan at all), as opposed to being locked, newer or read-only."""
    return isinstance(error, PlanFileError) and error.reason.startswith(
        ("it is damaged", "it is not a Tandem plan", "the file is empty"))


def _stamp(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(os.stat(path).st_mtime, UTC)
    except OSError:
        return None


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return "the disk is full"
    if isinstance(error, sqlite3.Error):
        name = getattr(error, "sqlite_errorname", "")
        if name.startswith("SQLITE_FULL"):
            return "the disk is full"
        if name.startswith("SQLITE_IOERR"):
            return "the disk could not be written; it may be full"
    if isinstance(error, OSError):
        return (error.strerror or str(error)).lower()
    return str(error)


def _memory_copy(image: bytes) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        conn.deserialize(image)
    except BaseException:
        conn.close()
        raise
    return conn


class BackupStore:
    """The backups of every plan, under ``base``."""

    def __init__(self, base: Path, clock: Clock = local_now) -> None:
        self.base = Path(base)
        self.clock = clock

    def now(self) -> datetime:
        now = self.clock()
        now = now if now.tzinfo is not None else now.astimezone()
        offset = now.utcoffset()
        if offset is not None and offset % timedelta(minutes=1):  # a name holds ±HHMM only
            now = now.astimezone(UTC)
        return now.replace(microsecond=0)

    def folder(self, identity: str) -> Path:
        return self.base / checked_identity(identity)

    # -- listing ----------------------------------------------------------------

    def backups(self, identity: str) -> list[Backup]:
        """This plan's backups, newest first (by their names: nothing is opened)."""
        try:
            entries = list(os.scandir(self.folder(identity)))
        except FileNotFoundError:
            return []
        except OSError as error:
            raise BackupError(f"The backups of this plan could not be read "
                              f"({_reason(error)}).\n\n{self.folder(identity)}") from error
        found = []
        for entry in entries:
            backup = backup_of(Path(entry.path))
            if backup is not None and entry.is_file(follow_symlinks=False):
                found.append(backup)
        return sorted(found, key=lambda b: b.order, reverse=True)

    def due_on_open(self, identity: str) -> bool:
        """Whether opening the plan makes a backup: not if one was made today."""
        now = self.now()
        return not any(b.made_at.astimezone(now.tzinfo).date() == now.date()
                       for b in self.backups(identity))

    def space_used(self, identity: str | None = None) -> int:
        """Bytes used by this plan's backups, or by all of them."""
        folders = [self.folder(identity)] if identity is not None else self._plan_folders()
        total = 0
        for folder in folders:
            try:
                with os.scandir(folder) as entries:
                    for entry in entries:
                        if entry.is_file(follow_symlinks=False):
                            total += entry.stat(follow_symlinks=False).st_size
            except OSError:
                continue
        return total

    def _plan_folders(self) -> list[Path]:
        try:
            entries = list(os.scandir(self.base))
        except OSError:
            return []
        folders = []
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False) and \
                        checked_identity(entry.name) == entry.name:
                    folders.append(Path(entry.path))
            except ValueError:
                continue
        return folders

    # -- making a backup ----------------------------------------------------------------

    def prepare(self, plan: PlanFile, reason: Reason) -> BackupJob:
        """On the UI thread, quick: the plan's image and when it last changed."""
        return BackupJob(plan.image(), plan.path, reason, _stamp(plan.path))

    def on_close(self, plan: PlanFile, changed: bool) -> BackupJob | None:
        """The backup to make as a plan closes: one if it changed since it opened."""
        return self.prepare(plan, Reason.CLOSED) if changed else None

    def back_up(self, plan: PlanFile, reason: Reason) -> Backup | None:
        """:meth:`prepare` and :meth:`write` at once, on this thread."""
        return self.write(self.prepare(plan, reason))

    def write(self, job: BackupJob) -> Backup | None:
        """Write the backup (on any thread), then rotate. Returns ``None`` when
        none was due (opened, with one made today already: the folder is
        checked for writing even so). Raises :class:`BackupError`, leaving
        nothing half written; the plan is never touched."""
        conn = _memory_copy(job.image)
        try:
            identity = _identity_from(
                [row[0] for row in conn.execute("SELECT uuid FROM plan LIMIT 2")], job.source)
            folder = self._ready(identity)
            if job.reason is Reason.OPENED and not self.due_on_open(identity):
                self._probe(folder)
                return None
            backup = self._new_backup(identity, job.reason)
            try:
                _write_copy(conn, backup.path)
            except (OSError, sqlite3.Error) as error:
                raise BackupError(
                    f"The backup of “{job.source.name}” could not be written "
                    f"({_reason(error)}); nothing half written was kept. The plan itself is "
                    "fine and saves every change.") from error
        finally:
            conn.close()
        with contextlib.suppress(OSError):  # opened by mistake, it is refused, not changed
            os.chmod(backup.path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        self._record(folder, backup, job)
        self.rotate(identity)
        return backup

    def _ready(self, identity: str) -> Path:
        folder = self.folder(identity)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise self._unwritable(folder, error) from error
        return folder

    def _probe(self, folder: Path) -> None:
        """Whether files can be made in ``folder`` (as a backup would be)."""
        try:
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
                pass
        except OSError as error:
            raise self._unwritable(folder, error) from error

    def _unwritable(self, folder: Path, error: OSError) -> BackupError:
        return BackupError(f"Backups are off: Tandem can’t write to its backup folder "
                           f"({_reason(error)}). The plan itself is fine and saves every "
                           f"change.\n\n{folder}")

    def _new_backup(self, identity: str, reason: Reason) -> Backup:
        made_at = self.now()
        same_second = [b.number for b in self.backups(identity) if b.made_at == made_at]
        number = max(same_second, default=0) + 1
        name = f"{made_at.strftime(_STAMP)} {reason.value}"
        if number > 1:
            name += f" {number}"
        return Backup(self.folder(identity) / f"{name}{SUFFIX}", made_at, reason, number)

    # -- rotation --------------------------------------------------------------------

    def rotate(self, identity: str) -> list[Backup]:
        """Delete the backups :func:`kept` does not keep; returns them."""
        backups = self.backups(identity)
        keep = kept(backups, self.now())
        removed = []
        for backup in backups:
            if backup.path not in keep and _remove(backup.path):
                removed.append(backup)
        folder = self.folder(identity)
        self._clear_leftovers(folder)
        if removed:
            manifest = self._manifest(folder)
            names = {b.path.name for b in self.backups(identity)}
            manifest["backups"] = {k: v for k, v in manifest["backups"].items() if k in names}
            self._save_manifest(folder, manifest)
        return removed

    def _clear_leftovers(self, folder: Path) -> None:
        """Hidden files of backups a crash cut short (never another's under way)."""
        limit = datetime.now(UTC) - _STALE
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith(".") and ".partial" in entry.name:
                try:
                    changed = datetime.fromtimestamp(entry.stat().st_mtime, UTC)
                except OSError:
                    continue
                if changed < limit:
                    _remove(Path(entry.path))

    # -- what each backup recalls ----------------------------------------------------------

    def _manifest(self, folder: Path) -> dict[str, Any]:
        """``backups.json``, or an empty one if it is missing or not as written."""
        empty: dict[str, Any] = {"paths": [], "backups": {}}
        try:
            data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return empty
        if not isinstance(data, dict):
            return empty
        paths = data.get("paths")
        backups = data.get("backups")
        return {
            "paths": [p for p in paths if isinstance(p, str)] if isinstance(paths, list) else [],
            "backups": {k: v for k, v in backups.items()
                        if isinstance(k, str) and isinstance(v, dict)}
            if isinstance(backups, dict) else {},
        }

    def _save_manifest(self, folder: Path, manifest: dict[str, Any]) -> None:
        """Written whole or not at all. Only what a backup recalls is lost if it
        can't be written (where the plan was, when it last changed)."""
        partial = folder / f".{MANIFEST}.partial"
        try:
            partial.write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                               encoding="utf-8")
            os.replace(partial, folder / MANIFEST)
        except OSError:
            _remove(partial)

    def _record(self, folder: Path, backup: Backup, job: BackupJob) -> None:
        manifest = self._manifest(folder)
        source = str(job.source)
        manifest["paths"] = [source, *[p for p in manifest["paths"] if p != source]][:_PATHS_KEPT]
        manifest["backups"][backup.path.name] = {
            "source": source,
            "last_change": job.last_change.isoformat() if job.last_change else None}
        self._save_manifest(folder, manifest)

    # -- reading backups ------------------------------------------------------------------

    def listing(self, identity: str,
                each: Callable[[Listed | Unreadable], object] | None = None) -> Listing:
        """Every backup of the plan with a summary read from it, newest first;
        those that can't be read are set apart with the reason. Each is read
        as a snapshot, so no backup is ever changed. Slow-ish (each is
        checked whole, some 10-100 ms): call it off the interface thread;
        ``each`` hears of every backup as soon as it is read."""
        listed: list[Listed] = []
        unreadable: list[Unreadable] = []
        manifest = self._manifest(self.folder(identity))
        for backup in self.backups(identity):
            item: Listed | Unreadable
            try:
                item = self._read(backup, identity, manifest)
                listed.append(item)
            except TandemError as error:
                reason = error.reason if isinstance(error, PlanFileError) else error.message
                item = Unreadable(backup, reason)
                unreadable.append(item)
            if each is not None:
                each(item)
        return Listing(self.folder(identity), listed, unreadable,
                       self.space_used(identity), self.space_used())

    def _read(self, backup: Backup, identity: str, manifest: dict[str, Any]) -> Listed:
        with open_snapshot(backup.path) as copy:
            if plan_identity(copy) != identity:
                raise BackupError("it is a backup of another plan.")
            summary = _summary(copy, manifest["backups"].get(backup.path.name, {}))
        try:
            size = backup.path.stat().st_size
        except OSError:
            size = 0
        return Listed(backup, summary, size)

    # -- restoring --------------------------------------------------------------------

    def open_as_copy(self, backup: Backup, beside: Path) -> Path:
        """Write the backup as a new plan file in ``beside``'s folder, named
        after it (``Ana & Bo (backup of 2026-06-01 14.30).tandem``); returns
        its path. The backup is checked first and never changed."""
        when = backup.made_at.astimezone(self.now().tzinfo)
        stem = beside.name.removesuffix(SUFFIX)
        target = unused_path(beside.parent,
                             f"{stem} (backup of {when:%Y-%m-%d %H.%M}){SUFFIX}")
        with open_snapshot(backup.path) as copy:
            copy.copy_to(target)
        return target

    def replace_plan(self, path: Path, backup: Backup) -> Backup:
        """Put the backup in place of the plan at ``path``, which must be
        closed: first a backup of the plan as it is (returned; restoring it
        undoes this), then the swap, in one step. If anything fails, the plan
        is as it was. The backup must be of the same plan."""
        with open_snapshot(backup.path) as source, open_snapshot(path) as current:
            identity = plan_identity(current)
            if plan_identity(source) != identity:
                raise BackupError(f"“{backup.path.name}” is a backup of another plan; "
                                  f"“{path.name}” was left as it is.")
            try:
                made = self.write(self.prepare(current, Reason.BEFORE_RESTORE))
            except BackupError as error:
                raise BackupError(
                    f"“{path.name}” was not replaced: the backup of it as it is, made first so "
                    f"that the restore can be undone, could not be written.\n\n"
                    f"{error.message}") from error
            assert made is not None  # only an open may find no backup due
            source.copy_to(path)
        return made

    # -- a damaged plan --------------------------------------------------------------------

    def rescue(self, path: Path) -> Rescue | None:
        """For a plan that can't be opened because it is damaged: its most
        recent good backup, and how its backups were found. First by the
        plan's identity, read from the damaged file's bytes if they still
        say it; else by the path the plan was backed up from (the plan last
        backed up from there, if several were); else by the file name, when
        one plan alone was backed up under it. ``None`` when no backup matches."""
        path = Path(path).absolute()
        identity = _identity_in(path)
        if identity is not None:  # the file says which plan it is: no other plan's backups
            if not self.backups(identity):
                return None
            return self._offer(identity, "Tandem read which plan this is from the damaged file "
                               "itself and found its backups.")
        by_path: dict[str, datetime] = {}
        by_name: set[str] = set()
        for folder in self._plan_folders():
            manifest = self._manifest(folder)
            for recorded, entry in manifest["backups"].items():
                source = entry.get("source")
                if not isinstance(source, str):
                    continue
                made = backup_of(folder / recorded)
                if made is not None and _same_path(Path(source), path):
                    by_path[folder.name] = max(by_path.get(folder.name, made.made_at),
                                               made.made_at)
            if any(Path(p).name == path.name for p in manifest["paths"]):
                by_name.add(folder.name)
        if by_path:
            latest = max(by_path, key=lambda k: by_path[k])
            more = (" (backups of another plan were also made from that file, earlier)"
                    if len(by_path) > 1 else "")
            return self._offer(latest, "The damaged file no longer says which plan it is; "
                               "these are the backups of the plan last backed up from this "
                               f"very file{more}.")
        if len(by_name) == 1:
            only = by_name.pop()
            return self._offer(only, "The damaged file no longer says which plan it is; "
                               f"these are the backups of the only plan backed up under the "
                               f"name “{path.name}”, from another folder.")
        if by_name:
            return Rescue(None, f"Tandem keeps backups of {len(by_name)} different plans named "
                          f"“{path.name}” and the damaged file no longer says which it was, "
                          f"so none is offered. Their backups are in {self.base}.")
        return None

    def _offer(self, identity: str, how: str) -> Rescue:
        manifest = self._manifest(self.folder(identity))
        for backup in self.backups(identity):
            try:
                return Rescue(self._read(backup, identity, manifest), how)
            except TandemError:
                continue  # damaged too: an older one
        return Rescue(None, "Tandem has backups of this plan, but none of them can be read "
                      f"either. They are in {self.folder(identity)}.")


def _remove(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except PermissionError:  # read-only files can't be deleted on Windows
        try:
            os.chmod(path, stat.S_IWUSR | stat.S_IRUSR)
            path.unlink()
        except OSError:
            return False
    except OSError:
        return False  # tried again at the next rotation
    return True


def _same_path(first: Path, second: Path) -> bool:
    return first == second or first.resolve() == second.resolve()


def _identity_in(path: Path) -> str | None:
    """The identity a damaged plan file still holds, read from its bytes in
    memory (the file is not opened by SQLite, let alone changed)."""
    try:
        if not 0 < os.stat(path).st_size <= _LARGEST_DAMAGED:
            return None
        conn = _memory_copy(path.read_bytes())
    except (OSError, sqlite3.Error):
        return None
    try:
        values = [row[0] for row in conn.execute("SELECT uuid FROM plan LIMIT 2")]
        return checked_identity(values[0]) if len(values) == 1 else None
    except (sqlite3.Error, ValueError):
        return None
    finally:
        conn.close()


#: Not counted as entries: the plan's identity, its partners and "done" marks.
_NOT_ENTRIES: tuple[type[Entity], ...] = (PlanInfo, Partner, Reveal)


def _summary(copy: PlanFile, recalled: dict[str, Any]) -> Summary:
    session = copy.session
    counts: dict[str, int] = {}
    try:
        for table, cls in entity_types().items():
            query = select(func.count()).select_from(cls)
            if issubclass(cls, Private):
                query = query.where(visible(cls, TOGETHER))
            counts[table] = session.scalar(query) or 0
    finally:
        session.rollback()
    skipped = {cls.__tablename__ for cls in _NOT_ENTRIES} | {RoadmapItem.__tablename__}
    last_change = None
    if isinstance(recalled.get("last_change"), str):
        try:
            last_change = datetime.fromisoformat(recalled["last_change"])
        except ValueError:
            last_change = None
    source = recalled.get("source")
    return Summary(
        names=tuple(p.name for p in partners(copy)),
        roadmap_items=counts.get(RoadmapItem.__tablename__, 0),
        other_entries=sum(n for table, n in counts.items() if table not in skipped),
        last_change=last_change,
        source=Path(source) if isinstance(source, str) else None,
    )
