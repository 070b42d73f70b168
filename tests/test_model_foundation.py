"""The model layer's common ground: edits and their merging, change reports,
refusals that point at a row, reads that stray writes can't pass through, and
one schema shared by the mappings and the migrations."""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from models import schema
from models.base import Base
from models.changes import ChangeReport, RowChange, inverse, merge
from models.errors import ValidationError
from models.exchange import plan_to_dict, rows_from_dict
from models.migrations import SCHEMA_VERSION
from models.partners import Partner, edit_partner, partners
from models.plan_file import PlanFile
from models.privacy import TOGETHER
from models.roadmap import (
    RoadmapItem,
    Season,
    edit_entry,
    new_item,
    new_season,
    remove,
    roadmap_items,
    seasons,
)
from tests.helpers import stored

# -- stray writes --------------------------------------------------------------------------


def test_a_stray_write_to_a_read_row_never_reaches_the_file(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as plan:
        ana, bo = partners(plan)
        ana.name = "Written by a careless widget"
        plan.apply(edit_partner(bo, role="Nurse"), TOGETHER)
        assert partners(plan)[0].name == "Ana"
    assert [p["name"] for p in sorted(stored(plan_path)["tables"]["partner"],
                                      key=lambda p: p["slot"])] == ["Ana", "Bo"]


# -- merging steps -------------------------------------------------------------------------

def change(before: dict[str, Any] | None, after: dict[str, Any] | None,
           uuid: str = "a") -> RowChange:
    return RowChange("roadmap_item", uuid, before, after)


def as_plain(edit: tuple[RowChange, ...]) -> list[tuple[str, Any, Any]]:
    return [(c.uuid, None if c.before is None else dict(c.before),
             None if c.after is None else dict(c.after)) for c in edit]


def test_merged_nudges_keep_the_first_before_and_the_last_after() -> None:
    one = (change({"start_date": 1, "end_date": 5}, {"start_date": 2, "end_date": 6}),)
    two = (change({"start_date": 2, "end_date": 6}, {"start_date": 3, "end_date": 7}),)
    three = (change({"start_date": 3, "end_date": 7}, {"start_date": 4, "end_date": 8}),)
    assert as_plain(merge(merge(one, two), three)) == [
        ("a", {"start_date": 1, "end_date": 5}, {"start_date": 4, "end_date": 8})]


def test_merged_steps_that_come_back_to_the_start_leave_nothing() -> None:
    there = (change({"start_date": 1}, {"start_date": 2}), change({"title": "x"}, {"title": "y"},
                                                                 "b"))
    back = (change({"start_date": 2}, {"start_date": 1}),)
    assert as_plain(merge(there, back)) == [("b", {"title": "x"}, {"title": "y"})]


def test_merged_typing_in_two_fields_keeps_each_field_once() -> None:
    first = (change({"title": "D"}, {"title": "Da"}),)
    second = (change({"notes": ""}, {"notes": "n"}),)
    third = (change({"title": "Da"}, {"title": "Data"}),)
    assert as_plain(merge(merge(first, second), third)) == [
        ("a", {"title": "D", "notes": ""}, {"title": "Data", "notes": "n"})]


def test_merging_additions_and_deletions() -> None:
    added = (change(None, {"uuid": "a", "title": "New"}),)
    renamed = (change({"title": "New"}, {"title": "Newer"}),)
    deleted = (change({"uuid": "a", "title": "Newer"}, None),)
    assert as_plain(merge(added, renamed)) == [("a", None, {"uuid": "a", "title": "Newer"})]
    assert merge(merge(added, renamed), deleted) == ()
    assert as_plain(merge(renamed, deleted)) == [("a", {"uuid": "a", "title": "New"}, None)]
    assert as_plain(merge(deleted, (change(None, {"uuid": "a", "title": "Back"}),))) == [
        ("a", {"title": "Newer"}, {"title": "Back"})]


def test_a_merged_edit_undoes_in_one_step_through_the_file(plan_path: Path) -> None:
    before = stored(plan_path)
    with PlanFile.open(plan_path) as plan:
        plan.apply(new_item("job", "Data lead", date(2027, 1, 1), date(2028, 1, 1),
                            viewer=TOGETHER), TOGETHER)
        after_add = stored_now = plan_to_dict(plan.session)
        (job,) = roadmap_items(plan, TOGETHER)
        total: tuple[RowChange, ...] = ()
        for month in (2, 3, 4):
            step = edit_entry(job, start_date=date(2027, month, 1))
            plan.apply(step, TOGETHER)
            total = merge(total, step)
            (job,) = roadmap_items(plan, TOGETHER)
        assert len(total) == 1
        plan.apply(inverse(total), TOGETHER)
        stored_now = plan_to_dict(plan.session)
    assert stored_now == after_add
    assert before != after_add


# -- change reports ------------------------------------------------------------------------

def test_a_change_report_names_the_rows_by_entity_type() -> None:
    edit = (RowChange("roadmap_item", "new", None, {"title": "x"}),
            RowChange("roadmap_item", "old", {"title": "a"}, {"title": "b"}),
            RowChange("season", "gone", {"label": "s"}, None))
    report = ChangeReport.of(edit, cause=__import__("models.changes").changes.Cause.EDIT,
                             initiator="the chart")
    assert report.touches(RoadmapItem) and report.touches(Season)
    assert not report.touches(Partner)
    assert report.added(RoadmapItem) == {"new"}
    assert report.changed(RoadmapItem) == {"old"}
    assert report.removed(Season) == {"gone"}
    assert report.removed(RoadmapItem, Season) == {"gone"}
    assert report.initiator == "the chart"
    undo = ChangeReport.of(inverse(edit), cause=report.cause)
    assert undo.added(Season) == {"gone"} and undo.removed(RoadmapItem) == {"new"}
    assert ChangeReport.everything().touches(Partner)


# -- refusals point at a row ---------------------------------------------------------------

def test_a_refusal_names_the_table_the_row_and_the_field(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as plan:
        ana, bo = partners(plan)
        plan.apply(new_season(ana.uuid, "Ana's PhD", date(2027, 1, 1), date(2028, 1, 1))
                   + new_item("job", "Data lead", date(2027, 1, 1), date(2028, 1, 1),
                              viewer=TOGETHER), TOGETHER)
        (job,) = roadmap_items(plan, TOGETHER)
        with pytest.raises(ValidationError) as caught:
            edit_entry(job, end_date=date(2026, 1, 1))
        assert (caught.value.table, caught.value.row, caught.value.field) == \
            ("roadmap_item", job.uuid, "end_date")
        overlapping = new_season(bo.uuid, "Bo's turn", date(2027, 6, 1), date(2029, 1, 1))
        with pytest.raises(ValidationError) as caught:
            plan.apply(overlapping, TOGETHER)
        assert (caught.value.table, caught.value.row, caught.value.field) == \
            ("season", overlapping[0].uuid, "start_date")
        raw = (RowChange("roadmap_item", job.uuid, {"title": "Data lead"}, {"title": "  x  "}),)
        with pytest.raises(ValidationError) as caught:
            plan.apply(raw, TOGETHER)
        assert (caught.value.table, caught.value.row, caught.value.field) == \
            ("roadmap_item", job.uuid, "title")
        assert "not in the form Tandem stores it" in caught.value.message


@pytest.mark.parametrize("text", ["Ana \ud83d", "\udc00", "ok\ud800ok"])
def test_text_with_a_lone_surrogate_is_refused_with_a_clear_message(plan_path: Path,
                                                                    text: str) -> None:
    before = stored(plan_path)
    with PlanFile.open(plan_path) as plan:
        ana = partners(plan)[0]
        with pytest.raises(ValidationError) as caught:
            plan.apply(edit_partner(ana, role=text), TOGETHER)
    assert caught.value.field == "role"
    assert "broken character" in caught.value.message
    assert stored(plan_path) == before


# -- one schema ----------------------------------------------------------------------------

def _affinity(declared: str) -> str:
    """SQLite's type affinity for a declared column type (its documented rules)."""
    declared = declared.upper()
    if "INT" in declared:
        return "INTEGER"
    if any(word in declared for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if not declared or "BLOB" in declared:
        return "BLOB"
    if any(word in declared for word in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


def _checks(sql: str) -> list[str]:
    """The CHECK constraints in a CREATE TABLE statement, whitespace folded."""
    found = []
    for match in re.finditer(r"CHECK\s*\(", sql, re.IGNORECASE):
        depth, end = 1, match.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(sql[end], 0)
            end += 1
        found.append(" ".join(sql[match.end():end - 1].split()))
    return sorted(found)


def _shape(conn: sqlite3.Connection) -> dict[str, Any]:
    """What the database promises, table by table: columns (affinity,
    nullability, key), foreign keys with their delete rule, unique columns
    and CHECK constraints."""
    shape: dict[str, Any] = {}
    tables = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                          "AND name NOT LIKE 'sqlite_%'").fetchall()
    for table, sql in tables:
        columns = sorted((name, _affinity(kind), bool(notnull or pk), pk)
                         for _cid, name, kind, notnull, _default, pk
                         in conn.execute(f"PRAGMA table_info({table})"))
        keys = sorted((row[3], row[2], row[4], row[6])
                      for row in conn.execute(f"PRAGMA foreign_key_list({table})"))
        unique = sorted(
            tuple(info[2] for info in conn.execute(f"PRAGMA index_info({index[1]})"))
            for index in conn.execute(f"PRAGMA index_list({table})") if index[3] == "u")
        shape[table] = {"columns": columns, "foreign keys": keys, "unique": unique,
                        "checks": _checks(sql)}
    return shape


def test_the_mappings_and_the_migrations_describe_the_same_schema(plan_path: Path,
                                                                 tmp_path: Path) -> None:
    from_orm = tmp_path / "orm.sqlite"
    engine = create_engine(f"sqlite:///{from_orm}")
    schema.entity_types()  # every mapping registered
    Base.metadata.create_all(engine)
    engine.dispose()
    with sqlite3.connect(plan_path) as migrated, sqlite3.connect(from_orm) as mapped:
        assert _shape(migrated) == _shape(mapped)
        deletes = {row[6] for table in _shape(migrated)
                   for row in migrated.execute(f"PRAGMA foreign_key_list({table})")}
    assert deletes == {"RESTRICT"}, "children are deleted by the edit, never by a cascade"


def test_every_date_the_model_maps_is_declared_a_date_in_the_plan_file(plan_path: Path) -> None:
    """The checks on opening find the dates to check by the type SQLite
    declares (a plan opens before every exercise's model is loaded): that
    type must be DATE for every column the model reads as a date, and for
    no other."""
    from sqlalchemy import Date

    dates = 0
    with sqlite3.connect(plan_path) as conn:
        for table, cls in schema.entity_types().items():
            mapped = {c.name for c in cls.__table__.columns if isinstance(c.type, Date)}
            declared = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')
                        if row[2].upper() == "DATE"}
            assert declared == mapped, table
            dates += len(mapped)
    assert dates > 10  # a milestone's start and end, a check-in's day, a deadline…


# -- exchange -----------------------------------------------------------------------------

def test_the_exchange_format_records_its_schema_version(plan_path: Path) -> None:
    data = stored(plan_path)
    assert data["schema"] == SCHEMA_VERSION
    with pytest.raises(ValidationError, match="newer version of Tandem"):
        rows_from_dict({**data, "schema": SCHEMA_VERSION + 1})


def test_rows_from_before_drafts_existed_are_shared() -> None:
    data = {"format": "tandem-plan", "schema": 2, "tables": {"roadmap_item": [
        {"kind": "job", "title": "Old job", "start_date": "2020-01-01",
         "end_date": "2021-01-01"}]}}
    (item,) = rows_from_dict(data)
    assert isinstance(item, RoadmapItem) and item.shared_at is not None


# -- children ------------------------------------------------------------------------------

def test_a_row_s_dependents_come_deepest_first(plan_path: Path) -> None:
    with PlanFile.open(plan_path) as plan:
        ana, bo = partners(plan)
        plan.apply(new_item("job", "Ana's job", date(2027, 1, 1), date(2028, 1, 1), ana.uuid,
                            viewer=TOGETHER)
                   + new_item("job", "Bo's job", date(2027, 1, 1), date(2028, 1, 1), bo.uuid,
                              viewer=TOGETHER)
                   + new_season(ana.uuid, "Ana leads", date(2027, 1, 1), date(2028, 1, 1)),
                   TOGETHER)
        found = plan.with_dependents(ana)
        assert [type(row).__name__ for row in found][-1] == "Partner"
        assert sorted(getattr(row, "title", getattr(row, "label", "")) for row in found[:-1]) \
            == ["Ana leads", "Ana's job"]


def test_deleting_entries_and_undoing_restores_the_file_exactly(qapp: Any,
                                                               plan_path: Path) -> None:
    from tests.helpers import assert_delete_and_undo_restore_the_file
    from ui.document import PlanDocument

    document = PlanDocument(PlanFile.open(plan_path))
    try:
        ana = partners(document.plan)[0]
        document.submit("Add", new_item("job", "Data lead", date(2027, 1, 1), date(2028, 1, 1),
                                        ana.uuid, notes="Team of six", viewer=TOGETHER)
                        + new_season(ana.uuid, "Ana leads", date(2027, 1, 1), date(2028, 1, 1)))
        entries = [*roadmap_items(document.plan, TOGETHER), *seasons(document.plan)]
        assert_delete_and_undo_restore_the_file(document, "Delete", remove(document.plan, entries))
    finally:
        document.close()
