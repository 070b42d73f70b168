"""Older plans open in this version: upgraded after a verified backup."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from models import migrations, plan_file, schema
from models.migrations import SCHEMA_VERSION
from models.plan_file import PlanFile, read_header
from tests.helpers import digest, stored

DATA = Path(__file__).parent / "data"
FIXTURES = sorted(DATA.glob("plan-v*.tandem"))


def test_there_is_a_fixture_for_the_first_format() -> None:
    assert DATA / "plan-v1.tandem" in FIXTURES


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_older_plan_upgrades_with_a_backup_and_keeps_its_data(fixture: Path,
                                                             tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    version = read_header(path).version
    with PlanFile.open(path) as plan:
        assert plan.execute_pragma("user_version") == SCHEMA_VERSION
        assert plan.migrated_from == (version if version < SCHEMA_VERSION else None)
    partners = sorted(stored(path)["tables"]["partner"], key=lambda r: r["slot"])
    assert [p["name"] for p in partners] == ["Rachel", "Marcus"]
    assert partners[0]["role"] == "Senior engineer <SRE> & mentor"
    assert partners[1]["field"] == "Corporate law · 企業法"
    backups = [p for p in tmp_path.iterdir() if "before upgrade" in p.name]
    if version < SCHEMA_VERSION:
        assert [p.name for p in backups] == [f"{path.stem} (before upgrade, format {version}).tandem"]
        assert digest(backups[0]) == digest(fixture), "the backup is the original, byte for byte"
    else:
        assert backups == []


#: Format 1 of the made-up plans below: opening checks a plan has its format's tables.
PARENT_CHILD = (
    "CREATE TABLE parent (uuid TEXT PRIMARY KEY, name TEXT)",
    "CREATE TABLE child (uuid TEXT PRIMARY KEY,"
    " parent_uuid TEXT REFERENCES parent(uuid) ON DELETE CASCADE)",
)


def _parent_child_plan(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {plan_file.APPLICATION_ID}")
    for statement in PARENT_CHILD:
        conn.execute(statement)
    conn.executescript(
        "INSERT INTO parent VALUES ('p', 'Parent');"
        "INSERT INTO child VALUES ('c1', 'p'), ('c2', 'p');"
        "PRAGMA user_version = 1;"
    )
    conn.close()


REBUILD_PARENT = (
    "CREATE TABLE parent_new (uuid TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '')",
    "INSERT INTO parent_new SELECT uuid, name FROM parent",
    "DROP TABLE parent",
    "ALTER TABLE parent_new RENAME TO parent",
)


def test_the_rebuild_in_the_test_below_would_cascade_with_enforcement_on(tmp_path: Path) -> None:
    # The trap the migration runner avoids: shown here so the test below can fail.
    path = tmp_path / "trap.tandem"
    _parent_child_plan(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    for statement in REBUILD_PARENT:
        conn.execute(statement)
    assert conn.execute("SELECT count(*) FROM child").fetchone() == (0,)
    conn.close()


def test_a_table_rebuild_in_a_migration_keeps_the_rows_that_point_at_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "rebuild.tandem"
    _parent_child_plan(path)
    monkeypatch.setattr(migrations, "_STEPS", {1: PARENT_CHILD, 2: REBUILD_PARENT})
    monkeypatch.setattr(plan_file, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(schema, "entity_types", lambda: {})
    PlanFile.open(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM child").fetchone() == (2,)
    assert conn.execute("PRAGMA user_version").fetchone() == (2,)
    conn.close()
    assert (tmp_path / "rebuild (before upgrade, format 1).tandem").exists()


def test_a_migration_that_breaks_links_is_rolled_back(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "broken.tandem"
    _parent_child_plan(path)
    original = digest(path)
    monkeypatch.setattr(migrations, "_STEPS", {1: PARENT_CHILD, 2: ("DELETE FROM parent",)})
    monkeypatch.setattr(plan_file, "SCHEMA_VERSION", 2)
    with pytest.raises(plan_file.PlanFileError) as caught:
        PlanFile.open(path)
    assert "broken links" in caught.value.message
    assert digest(path) == original


def _schema(path: Path) -> list[tuple[str, str, str]]:
    """Every table, index and trigger with its full SQL (columns, CHECKs,
    foreign keys), whitespace folded."""
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master "
                        "WHERE sql IS NOT NULL ORDER BY type, name").fetchall()
    conn.close()
    return [(kind, name, " ".join(sql.split())) for kind, name, sql in rows]


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_an_upgraded_plan_has_exactly_the_schema_of_a_new_one(fixture: Path, plan_path: Path,
                                                              tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    PlanFile.open(path).close()
    assert _schema(path) == _schema(plan_path)


def test_a_format_2_roadmap_comes_through_the_upgrade_shared_and_whole(tmp_path: Path) -> None:
    from models.privacy import TOGETHER
    from models.roadmap import roadmap_items, seasons

    path = tmp_path / "plan-v2.tandem"
    shutil.copyfile(DATA / "plan-v2.tandem", path)
    with PlanFile.open(path) as plan:
        items = roadmap_items(plan, TOGETHER)
        assert len(items) == 4 and all(not item.is_draft for item in items), \
            "what was made before drafts existed was made together: shared"
        job = next(item for item in items if item.kind == "job")
        assert job.title == "Staff engineer <SRE> & on-call 🚀"
        assert job.notes == "Line one\nLine two: 北京 & עברית"
        assert {s.label for s in seasons(plan)} == {"Rachel leads: startup",
                                                    "Marcus leads: partnership"}
