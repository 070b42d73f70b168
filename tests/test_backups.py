"""Automatic backups, with real files and an injected clock: when they are
made, what rotation keeps, restoring as a copy or in place (and undoing
that), a damaged plan finding its backup, and every bad case."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.backups import (
    Backup,
    BackupError,
    BackupStore,
    Reason,
    backup_of,
    is_damage,
    kept,
    plan_identity,
)
from models.errors import PlanFileError
from models.partners import edit_partner, new_plan_rows, partners
from models.plan_file import PlanFile
from models.plan_snapshot import open_snapshot
from models.privacy import TOGETHER, Viewer
from models.roadmap import new_item, new_season
from tests.helpers import digest, folder_listing, stored

ROOT = Path(__file__).resolve().parent.parent
#: Central European summer time: local days begin two hours before UTC's.
ZONE = timezone(timedelta(hours=2))


class Clock:
    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def set(self, *args: int) -> None:
        self.now = datetime(*args, tzinfo=self.now.tzinfo)  # type: ignore[misc]


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 6, 1, 9, 0, tzinfo=ZONE))


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> BackupStore:
    return BackupStore(tmp_path / "home" / "Backups", clock)


@pytest.fixture
def plan(plan_path: Path) -> Iterator[PlanFile]:
    with PlanFile.open(plan_path) as opened:
        yield opened


def rename_first(plan: PlanFile, name: str) -> None:
    plan.apply(edit_partner(partners(plan)[0], name=name), TOGETHER)


def first_name(path: Path) -> str:
    with open_snapshot(path) as copy:
        return partners(copy)[0].name


# -- when backups are made --------------------------------------------------------


def test_opening_makes_a_whole_read_only_copy_named_for_when_and_why(
        plan: PlanFile, store: BackupStore, plan_path: Path) -> None:
    before = digest(plan_path)
    backup = store.back_up(plan, Reason.OPENED)
    assert backup is not None
    assert backup.path.parent == store.base / plan_identity(plan)
    assert backup.path.name == "2026-06-01 09.00.00 +0200 opened.tandem"
    assert backup_of(backup.path) == backup
    assert first_name(backup.path) == "Ana"
    assert digest(plan_path) == before, "the plan itself is untouched"
    assert not backup.path.stat().st_mode & 0o222, "left read-only"
    with pytest.raises(PlanFileError) as caught:  # so opening one by mistake changes nothing
        PlanFile.open(backup.path)
    assert "read-only" in caught.value.message
    assert folder_listing(backup.path.parent) == [backup.path.name, "backups.json"]


def test_opening_backs_up_at_most_once_a_day_in_local_days(
        plan: PlanFile, store: BackupStore, clock: Clock) -> None:
    clock.set(2026, 6, 1, 23, 30)
    assert store.back_up(plan, Reason.OPENED) is not None
    clock.set(2026, 6, 1, 23, 59)
    assert store.back_up(plan, Reason.OPENED) is None, "one made today already"
    clock.set(2026, 6, 2, 0, 10)  # still 1 June in UTC, but a new day here
    assert store.back_up(plan, Reason.OPENED) is not None
    clock.set(2026, 6, 2, 18, 0)
    assert store.back_up(plan, Reason.OPENED) is None
    assert len(store.backups(plan_identity(plan))) == 2


def test_closing_backs_up_after_changes_only(plan: PlanFile, store: BackupStore,
                                             clock: Clock) -> None:
    store.back_up(plan, Reason.OPENED)
    assert store.on_close(plan, changed=False) is None
    rename_first(plan, "Ana, later that day")
    clock.set(2026, 6, 1, 17, 45)
    job = store.on_close(plan, changed=True)
    assert job is not None and job.reason is Reason.CLOSED
    backup = store.write(job)
    assert backup is not None and backup.path.name.endswith(" closed.tandem")
    assert first_name(backup.path) == "Ana, later that day"
    # A closing backup counts for the day: the next open that day makes none.
    assert store.back_up(plan, Reason.OPENED) is None


def test_backups_in_the_same_second_keep_their_order(plan: PlanFile,
                                                    store: BackupStore) -> None:
    first = store.back_up(plan, Reason.OPENED)
    rename_first(plan, "Ana 2")
    second = store.back_up(plan, Reason.CLOSED)
    rename_first(plan, "Ana 3")
    third = store.back_up(plan, Reason.BEFORE_RESTORE)
    assert first and second and third
    assert [b.path for b in store.backups(plan_identity(plan))] == \
        [third.path, second.path, first.path]
    assert third.path.name == "2026-06-01 09.00.00 +0200 before restore 3.tandem"


# -- rotation ---------------------------------------------------------------------


def test_rotation_keeps_the_latest_days_and_weeks_across_seven_weeks(
        plan: PlanFile, store: BackupStore, clock: Clock) -> None:
    """Opened every morning and closed after changes every evening for 50
    days, from Monday 5 January: 100 backups made, never more than 14 kept."""
    identity = plan_identity(plan)
    start = datetime(2026, 1, 5, tzinfo=ZONE)
    for day in range(50):
        clock.now = start + timedelta(days=day, hours=9)
        rename_first(plan, f"Ana {day} morning")
        assert store.back_up(plan, Reason.OPENED) is not None
        clock.now = start + timedelta(days=day, hours=18)
        rename_first(plan, f"Ana {day} evening")
        assert store.back_up(plan, Reason.CLOSED) is not None
        assert len(store.backups(identity)) <= 14
    left = {(b.made_at - start).days: b for b in store.backups(identity)
            if b.reason is Reason.OPENED}
    evenings = sorted((b.made_at - start).days for b in store.backups(identity)
                      if b.reason is Reason.CLOSED)
    assert evenings == [48, 49], "the three latest: two evenings and the last morning"
    # The first of each of the last 7 days (43-49) and of the last 4 weeks
    # (Mondays: days 28, 35, 42, 49).
    assert sorted(left) == [28, 35, 42, 43, 44, 45, 46, 47, 48, 49]
    for day, backup in left.items():
        assert first_name(backup.path) == f"Ana {day} morning", "each holds its day's plan"
    manifest = (store.folder(identity) / "backups.json").read_text()
    assert "2026-01-06" not in manifest, "what a deleted backup recalled goes with it"


def test_rotation_keeps_a_backup_made_before_a_restore_for_a_week(
        plan: PlanFile, store: BackupStore, clock: Clock) -> None:
    identity = plan_identity(plan)
    store.back_up(plan, Reason.OPENED)
    clock.set(2026, 6, 1, 10, 0)
    safety = store.back_up(plan, Reason.BEFORE_RESTORE)
    for hour in range(11, 17):  # a busy day of closing after changes
        clock.set(2026, 6, 1, hour, 0)
        store.back_up(plan, Reason.CLOSED)
    assert safety is not None and safety.path.exists(), "not the day's first nor latest"
    clock.set(2026, 6, 9, 9, 0)
    store.back_up(plan, Reason.OPENED)
    assert not safety.path.exists(), "gone after a week"
    assert len(store.backups(identity)) == 4, "the three latest, and 1 June's first"


def _backups(stamps: list[int], restores: list[bool]) -> list[Backup]:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    return [Backup(Path(f"/b/{n}"), start + timedelta(minutes=m),
                   Reason.BEFORE_RESTORE if r else Reason.OPENED, 1)
            for n, (m, r) in enumerate(zip(stamps, restores, strict=False))]


@given(st.lists(st.integers(0, 60 * 24 * 120), min_size=1, max_size=60, unique=True),
       st.lists(st.booleans(), min_size=60, max_size=60),
       st.sampled_from([UTC, ZONE, timezone(timedelta(hours=-9, minutes=-30))]))
def test_rotation_is_bounded_keeps_the_latest_and_is_stable(
        stamps: list[int], restores: list[bool], zone: timezone) -> None:
    backups = _backups(stamps, restores)
    now = max(b.made_at for b in backups).astimezone(zone) + timedelta(hours=1)
    keep = kept(backups, now)
    recent_restores = sum(1 for b in backups if b.reason is Reason.BEFORE_RESTORE
                          and now - b.made_at <= timedelta(days=7))
    assert len(keep) <= 14 + recent_restores
    assert max(backups, key=lambda b: b.made_at).path in keep
    days = sorted({b.made_at.astimezone(zone).date() for b in backups})[-7:]
    for day in days:
        first = min((b for b in backups if b.made_at.astimezone(zone).date() == day),
                    key=lambda b: b.made_at)
        assert first.path in keep, "the plan as each of the last 7 days began"
    remaining = [b for b in backups if b.path in keep]
    assert kept(remaining, now) == keep, "rotating again deletes nothing more"


# -- where backups live -------------------------------------------------------------


def test_a_renamed_and_moved_plan_keeps_its_history(
        plan_path: Path, store: BackupStore, clock: Clock, tmp_path: Path) -> None:
    with PlanFile.open(plan_path) as plan:
        store.back_up(plan, Reason.OPENED)
    moved = tmp_path / "elsewhere" / "Our plan, renamed.tandem"
    moved.parent.mkdir()
    plan_path.rename(moved)
    clock.set(2026, 6, 2, 9, 0)
    with PlanFile.open(moved) as plan:
        store.back_up(plan, Reason.OPENED)
        identity = plan_identity(plan)
    listing = store.listing(identity)
    assert [b.summary.source for b in listing.backups] == [moved, plan_path]
    assert [p.name for p in store.base.iterdir()] == [identity], "one folder for the plan"


def test_two_plans_with_the_same_file_name_never_mix(store: BackupStore,
                                                    tmp_path: Path) -> None:
    paths = []
    for folder, names in (("work", ("Ana", "Bo")), ("house", ("Cy", "Di"))):
        path = tmp_path / folder / "Our plan.tandem"
        path.parent.mkdir(exist_ok=True)
        with PlanFile.create(path, new_plan_rows(*names)) as plan:
            store.back_up(plan, Reason.OPENED)
        paths.append(path)
    identities = []
    for path in paths:
        with PlanFile.open(path) as plan:
            identities.append(plan_identity(plan))
    assert identities[0] != identities[1]
    for identity, names in zip(identities, (("Ana", "Bo"), ("Cy", "Di")), strict=True):
        listing = store.listing(identity)
        assert [b.summary.names for b in listing.backups] == [names]


# -- listing ------------------------------------------------------------------------


def test_the_listing_summarises_each_backup_without_drafts(
        plan: PlanFile, store: BackupStore, clock: Clock, plan_path: Path) -> None:
    from datetime import date

    ana = Viewer.partner(partners(plan)[0].uuid)
    plan.apply(new_item("job", "Shared job", date(2030, 1, 1), date(2031, 1, 1),
                        viewer=TOGETHER), TOGETHER)
    plan.apply(new_item("job", "Ana's secret job", date(2032, 1, 1), date(2033, 1, 1),
                        viewer=ana, draft=True), ana)
    plan.apply(new_season(partners(plan)[1].uuid, "Bo's residency", date(2030, 1, 1),
                          date(2031, 1, 1)), TOGETHER)
    changed = datetime.fromtimestamp(plan_path.stat().st_mtime, UTC)
    store.back_up(plan, Reason.OPENED)
    listing = store.listing(plan_identity(plan))
    (entry,) = listing.backups
    assert entry.summary.names == ("Ana", "Bo")
    assert entry.summary.roadmap_items == 1, "a private draft is neither shown nor counted"
    assert entry.summary.other_entries == 1, "the season"
    assert entry.summary.last_change == changed
    assert entry.summary.source == plan_path
    assert listing.unreadable == []
    assert listing.space_used == entry.size + (listing.folder / "backups.json").stat().st_size
    assert listing.all_space_used == listing.space_used


def test_a_damaged_backup_is_left_out_with_a_note_and_the_others_listed(
        plan: PlanFile, store: BackupStore, clock: Clock, tmp_path: Path) -> None:
    made = []
    for day in (1, 2, 3):
        clock.set(2026, 6, day, 9, 0)
        rename_first(plan, f"Ana {day}")
        made.append(store.back_up(plan, Reason.OPENED))
    assert all(made)
    cut = made[1].path  # type: ignore[union-attr]
    cut.chmod(0o644)
    cut.write_bytes(cut.read_bytes()[: 4096 * 3])  # cut short, as by a failing disk
    foreign = tmp_path / "other.tandem"
    with PlanFile.create(foreign, new_plan_rows("Cy", "Di")):
        pass
    stray = store.folder(plan_identity(plan)) / "2026-06-02 12.00.00 +0200 closed.tandem"
    shutil.copyfile(foreign, stray)  # another plan's file, dropped in by hand
    listing = store.listing(plan_identity(plan))
    assert [first for b in listing.backups for first in b.summary.names[:1]] == \
        ["Ana 3", "Ana 1"]
    reasons = {u.backup.path.name: u.reason for u in listing.unreadable}
    assert "damaged" in reasons[cut.name]
    assert reasons[stray.name] == "it is a backup of another plan."


def test_a_garbled_record_beside_the_backups_is_ignored(plan: PlanFile, store: BackupStore,
                                                       clock: Clock) -> None:
    folder = store.folder(plan_identity(plan))
    folder.mkdir(parents=True)
    for garbage in ('[1, 2, "<b>&</b>"]', '{"paths": "x", "backups": [3]}', "\x00\xff not json"):
        (folder / "backups.json").write_text(garbage)
        clock.now += timedelta(days=1)
        assert store.back_up(plan, Reason.OPENED) is not None
        assert store.listing(plan_identity(plan)).backups[0].summary.source == plan.path


# -- restoring ------------------------------------------------------------------------


def test_a_backup_opens_as_a_copy_beside_the_plan(plan: PlanFile, store: BackupStore,
                                                  plan_path: Path) -> None:
    backup = store.back_up(plan, Reason.OPENED)
    assert backup is not None
    rename_first(plan, "Ana, after a bad day")
    before = digest(backup.path)
    copy = store.open_as_copy(backup, plan.path)
    assert copy == plan_path.with_name("Ana & Bo (backup of 2026-06-01 09.00).tandem")
    assert [r["name"] for r in stored(copy)["tables"]["partner"]
            if r["slot"] == 1] == ["Ana"]
    assert first_name(plan_path) == "Ana, after a bad day", "the plan stays as it is"
    assert digest(backup.path) == before, "the backup is never changed"
    again = store.open_as_copy(backup, plan.path)
    assert again.name == "Ana & Bo (backup of 2026-06-01 09.00) 2.tandem"


def test_replacing_the_plan_backs_it_up_first_so_the_restore_can_be_undone(
        plan_path: Path, store: BackupStore, clock: Clock) -> None:
    with PlanFile.open(plan_path) as plan:
        good = store.back_up(plan, Reason.OPENED)
        rename_first(plan, "Ana, after deleting half the plan")
    assert good is not None
    after_the_bad_day = stored(plan_path)
    clock.set(2026, 6, 1, 17, 0)
    safety = store.replace_plan(plan_path, good)
    assert safety.reason is Reason.BEFORE_RESTORE
    assert first_name(plan_path) == "Ana", "the plan holds the backup"
    assert first_name(safety.path) == "Ana, after deleting half the plan"
    with PlanFile.open(plan_path) as plan:  # opens as any plan; identity kept
        assert plan_identity(plan) == safety.path.parent.name
    # Undo the restore through the backup it made.
    clock.set(2026, 6, 1, 17, 5)
    store.replace_plan(plan_path, safety)
    assert stored(plan_path) == after_the_bad_day
    reasons = [b.reason for b in store.backups(safety.path.parent.name)]
    assert reasons == [Reason.BEFORE_RESTORE, Reason.BEFORE_RESTORE, Reason.OPENED]


def test_a_damaged_backup_or_another_plans_replaces_nothing(
        plan_path: Path, store: BackupStore, tmp_path: Path) -> None:
    with PlanFile.open(plan_path) as plan:
        backup = store.back_up(plan, Reason.OPENED)
        identity = plan_identity(plan)
    assert backup is not None
    other_path = tmp_path / "other.tandem"
    with PlanFile.create(other_path, new_plan_rows("Cy", "Di")) as other:
        foreign = store.back_up(other, Reason.OPENED)
    assert foreign is not None
    before = digest(plan_path)
    with pytest.raises(BackupError) as caught:
        store.replace_plan(plan_path, foreign)
    assert "a backup of another plan" in caught.value.message
    backup.path.chmod(0o644)
    backup.path.write_bytes(b"SQLite format 3\x00" + bytes(84) + b"garbage")
    with pytest.raises(PlanFileError):
        store.replace_plan(plan_path, backup)
    assert digest(plan_path) == before
    assert len(store.backups(identity)) == 1, "no backup made before a refused restore"


def test_no_restore_replaces_a_plan_without_first_backing_it_up(
        plan_path: Path, store: BackupStore, clock: Clock, tmp_path: Path) -> None:
    with PlanFile.open(plan_path) as plan:
        backup = store.back_up(plan, Reason.OPENED)
        rename_first(plan, "Ana, today")
    assert backup is not None
    blocked = BackupStore(tmp_path / "blocked", clock)
    blocked.base.write_text("a file where the backup folder should be")
    before = digest(plan_path)
    with pytest.raises(BackupError) as caught:
        blocked.replace_plan(plan_path, backup)
    assert caught.value.message.startswith("“Ana & Bo.tandem” was not replaced: the backup of "
                                           "it as it is, made first")
    assert "Backups are off" in caught.value.message
    assert digest(plan_path) == before


# -- a damaged plan finds its backup --------------------------------------------------


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "cut":
        path.write_bytes(data[:-7])
    else:  # its header wiped: it no longer says what it is
        path.write_bytes(bytes(100) + data[100:])


def _refusal(path: Path) -> PlanFileError:
    with pytest.raises(PlanFileError) as caught:
        PlanFile.open(path)
    assert is_damage(caught.value)
    return caught.value


def test_a_damaged_plan_that_still_says_which_plan_it_is_finds_its_backup(
        plan_path: Path, store: BackupStore, clock: Clock) -> None:
    with PlanFile.open(plan_path) as plan:
        store.back_up(plan, Reason.OPENED)
        rename_first(plan, "Ana 2")
        clock.set(2026, 6, 2, 9, 0)
        latest = store.back_up(plan, Reason.OPENED)
    _damage(plan_path, "cut")
    before = digest(plan_path)
    rescue = store.rescue(_refusal(plan_path).path)
    assert rescue is not None and rescue.backup is not None
    assert rescue.backup.backup == latest
    assert rescue.backup.summary.names == ("Ana 2", "Bo")
    assert "from the damaged file itself" in rescue.how
    assert digest(plan_path) == before, "the damaged file is only read"


def test_a_wiped_plan_is_matched_by_its_path_then_by_its_name(
        plan_path: Path, store: BackupStore, clock: Clock, tmp_path: Path) -> None:
    with PlanFile.open(plan_path) as plan:
        store.back_up(plan, Reason.OPENED)
    _damage(plan_path, "wipe")
    rescue = store.rescue(_refusal(plan_path).path)
    assert rescue is not None and rescue.backup is not None
    assert "last backed up from this very file" in rescue.how
    moved = tmp_path / "stick" / plan_path.name
    moved.parent.mkdir()
    plan_path.rename(moved)
    rescue = store.rescue(moved)
    assert rescue is not None and rescue.backup is not None
    assert f"only plan backed up under the name “{plan_path.name}”" in rescue.how


def test_a_wiped_plan_is_not_guessed_between_two_plans_of_the_same_name(
        store: BackupStore, tmp_path: Path) -> None:
    for folder, names in (("work", ("Ana", "Bo")), ("house", ("Cy", "Di"))):
        path = tmp_path / folder / "Our plan.tandem"
        path.parent.mkdir()
        with PlanFile.create(path, new_plan_rows(*names)) as plan:
            store.back_up(plan, Reason.OPENED)
    stray = tmp_path / "stick" / "Our plan.tandem"
    stray.parent.mkdir()
    shutil.copyfile(tmp_path / "work" / "Our plan.tandem", stray)
    _damage(stray, "wipe")
    rescue = store.rescue(stray)
    assert rescue is not None and rescue.backup is None
    assert "2 different plans named “Our plan.tandem”" in rescue.how
    _damage(tmp_path / "work" / "Our plan.tandem", "wipe")  # its own path still decides
    rescue = store.rescue(tmp_path / "work" / "Our plan.tandem")
    assert rescue is not None and rescue.backup is not None
    assert rescue.backup.summary.names == ("Ana", "Bo")


def test_a_damaged_latest_backup_gives_way_to_an_older_good_one(
        plan_path: Path, store: BackupStore, clock: Clock) -> None:
    with PlanFile.open(plan_path) as plan:
        older = store.back_up(plan, Reason.OPENED)
        clock.set(2026, 6, 2, 9, 0)
        newer = store.back_up(plan, Reason.OPENED)
    assert older and newer
    newer.path.chmod(0o644)
    newer.path.write_bytes(newer.path.read_bytes()[:8192])
    _damage(plan_path, "cut")
    rescue = store.rescue(plan_path)
    assert rescue is not None and rescue.backup is not None
    assert rescue.backup.backup == older


def test_a_damaged_plan_is_never_offered_another_plans_backup(
        store: BackupStore, tmp_path: Path) -> None:
    path = tmp_path / "Our plan.tandem"
    with PlanFile.create(path, new_plan_rows("Cy", "Di")) as earlier:
        store.back_up(earlier, Reason.OPENED)
    PlanFile.create(path, new_plan_rows("Ana", "Bo")).close()  # a new plan in its place
    _damage(path, "cut")  # it still says which plan it is: one never backed up
    assert store.rescue(path) is None
    letter = tmp_path / "letter.tandem"
    letter.write_text("not a plan <at all> & never was")
    assert store.rescue(letter) is None


# -- bad cases ------------------------------------------------------------------------------


def test_a_backup_folder_that_cant_be_written_turns_backups_off_clearly(
        plan: PlanFile, store: BackupStore, plan_path: Path) -> None:
    store.base.parent.mkdir(parents=True, exist_ok=True)
    store.base.write_text("a file where the folder should be")
    before = digest(plan_path)
    with pytest.raises(BackupError) as caught:
        store.back_up(plan, Reason.OPENED)
    assert caught.value.message.startswith("Backups are off: Tandem can’t write to its "
                                           "backup folder")
    assert str(store.base) in caught.value.message
    assert digest(plan_path) == before
    store.base.unlink()
    assert store.back_up(plan, Reason.OPENED) is not None, "on again once it can be written"


def test_a_plan_whose_identity_is_no_uuid_is_never_filed_outside_the_folder(
        plan_path: Path, store: BackupStore, tmp_path: Path) -> None:
    conn = sqlite3.connect(plan_path)
    conn.execute("UPDATE plan SET uuid = '../../escaped'")
    conn.commit()
    conn.close()
    listing = sorted(p.name for p in tmp_path.iterdir())
    with PlanFile.open(plan_path) as plan, pytest.raises(BackupError) as caught:
        store.back_up(plan, Reason.OPENED)
    assert "does not say which plan it is" in caught.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == listing
    assert not store.base.exists()


def test_stale_leftovers_of_a_cut_backup_are_cleared_but_not_one_under_way(
        plan: PlanFile, store: BackupStore) -> None:
    folder = store.folder(plan_identity(plan))
    folder.mkdir(parents=True)
    stale, fresh = folder / ".old.tandem.partial", folder / ".another.tandem.partial"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    hours_ago = time.time() - 2 * 3600
    os.utime(stale, (hours_ago, hours_ago))
    store.back_up(plan, Reason.OPENED)
    assert not stale.exists() and fresh.exists()


_FULL_DISK = (
    "import resource, signal, sys, os\n"
    "from datetime import datetime\n"
    "from pathlib import Path\n"
    "from models.backups import BackupError, BackupStore, Reason\n"
    "from models.plan_file import PlanFile\n"
    "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
    "plan = PlanFile.open(sys.argv[1])\n"
    "store = BackupStore(Path(sys.argv[2]), lambda: datetime.fromisoformat(sys.argv[3]))\n"
    "limit = os.path.getsize(sys.argv[1]) // 2\n"
    "resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))\n"
    "try:\n"
    "    store.back_up(plan, Reason.OPENED)\n"
    "    print('WRITTEN')\n"
    "except BackupError as error:\n"
    "    print('REFUSED', error.message)\n"
    "plan.close()\n"
)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_disk_that_fills_up_during_a_backup_leaves_nothing_half_written(
        plan_path: Path, store: BackupStore) -> None:
    with PlanFile.open(plan_path) as plan:
        kept_one = store.back_up(plan, Reason.OPENED)
        identity = plan_identity(plan)
    assert kept_one is not None
    folder = store.folder(identity)
    listing, before = folder_listing(folder), digest(plan_path)
    result = subprocess.run(
        [sys.executable, "-c", _FULL_DISK, str(plan_path), str(store.base),
         "2026-06-02T09:00:00+02:00"],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    # (A real full disk says ENOSPC, "the disk is full"; the file size limit
    # that simulates it makes SQLite report a failed write.)
    assert "REFUSED" in result.stdout and "may be full" in result.stdout
    assert "nothing half written was kept" in result.stdout
    assert folder_listing(folder) == listing, "no partial backup, no journal"
    assert digest(plan_path) == before, "the plan untouched"
    assert first_name(kept_one.path) == "Ana", "the earlier backup is whole"
    assert stored(plan_path)["tables"]["partner"]
