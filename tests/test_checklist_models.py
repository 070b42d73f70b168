"""The checklist's rules, without Qt: the seed's indicators as defaults, dated
check-ins, ratings alone and then revealed, discussion points, and the
summary the counselor report reads, which never holds anything private."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import resources
from models.base import Entity
from models.changes import inverse
from models.checklist import (
    Seen,
    add_indicator,
    change_checkin_date,
    checkins,
    checklist_summary,
    clean_score,
    default_indicators,
    delete_checkin,
    delete_indicator,
    edit_agreed,
    indicators,
    mark_checkin_done,
    mark_checkin_not_done,
    move_indicator,
    new_checkin,
    rate,
    rename_indicator,
    restore_indicator,
    retire_indicator,
    sheet,
)
from models.checklist_trends import divergences, trend
from models.errors import PrivacyError, ValidationError
from models.exchange import plan_to_dict
from models.partners import partners
from models.plan_file import PlanFile
from models.privacy import REPORT, TOGETHER, Viewer
from models.red_flags import edit_note, red_flags, share_flag, tick
from tests.helpers import stored

TODAY = date(2026, 11, 24)
SEVEN = [item["title"] for item in resources.load_json("content/checklist.json")["indicators"]]


@pytest.fixture
def plan(plan_path: Path) -> Iterator[PlanFile]:
    with PlanFile.open(plan_path) as opened:
        yield opened


def table(plan: PlanFile, name: str) -> list[dict[str, Any]]:
    """Every row of a table as stored now, private ones included."""
    try:
        rows: list[dict[str, Any]] = plan_to_dict(plan.session)["tables"][name]
        return rows
    finally:
        plan.session.rollback()
        plan.session.expunge_all()


def every_value(found: Any) -> list[Any]:
    """Every value inside a summary: fields of dataclasses, columns of rows,
    items of tuples, lists and dicts, down to the plain values."""
    if isinstance(found, Entity):
        return every_value(found.record())
    if is_dataclass(found) and not isinstance(found, type):
        return every_value([getattr(found, f.name) for f in fields(found)])
    if isinstance(found, dict):
        return every_value(list(found.items()))
    if isinstance(found, list | tuple | set | frozenset):
        return [value for item in found for value in every_value(item)]
    return [found]


def viewers(plan: PlanFile) -> tuple[Viewer, Viewer]:
    ana, bo = partners(plan)
    return Viewer.partner(ana.uuid), Viewer.partner(bo.uuid)


def start(plan: PlanFile, day: date = date(2026, 8, 22)) -> str:
    edit = new_checkin(plan, day, TODAY)
    plan.apply(edit, TOGETHER)
    return next(c.uuid for c in edit if c.table == "checkin")


def rate_all(plan: PlanFile, viewer: Viewer, checkin_uuid: str, scores: list[int],
             note: str = "") -> None:
    for indicator, score in zip(indicators(plan), scores, strict=False):
        plan.apply(rate(plan, viewer, checkin_uuid, indicator.uuid, score=score, note=note),
                   viewer)


def done(plan: PlanFile, viewer: Viewer, checkin_uuid: str) -> None:
    plan.apply(mark_checkin_done(plan, viewer, checkin_uuid), viewer)


# -- indicators ------------------------------------------------------------------------

def test_the_seed_s_seven_are_the_defaults_stored_with_the_first_check_in(
        plan: PlanFile, plan_path: Path) -> None:
    assert [i.title for i in indicators(plan)] == SEVEN
    assert table(plan, "checklist_indicator") == [], "nothing stored yet"
    edit = new_checkin(plan, date(2026, 8, 22), TODAY)
    plan.apply(edit, TOGETHER)
    rows = sorted(table(plan, "checklist_indicator"), key=lambda r: r["position"])
    assert [r["title"] for r in rows] == SEVEN
    assert [r["uuid"] for r in rows] == [i.uuid for i in default_indicators()], \
        "the same UUIDs as shown before they were stored"
    plan.apply(inverse(edit), TOGETHER)
    assert table(plan, "checklist_indicator") == [], "undo takes them back"
    assert [i.title for i in indicators(plan)] == SEVEN


def test_indicators_are_added_renamed_moved_retired_and_brought_back(plan: PlanFile) -> None:
    plan.apply(add_indicator(plan, "  We each take a real holiday  "), TOGETHER)
    titles = [i.title for i in indicators(plan)]
    assert titles == [*SEVEN, "We each take a real holiday"]
    ours = indicators(plan)[-1]
    plan.apply(move_indicator(plan, ours, -1), TOGETHER)
    assert [i.title for i in indicators(plan)][-2:] == [ours.title, SEVEN[-1]]
    assert move_indicator(plan, indicators(plan)[0], -1) == (), "the first stays first"
    first = indicators(plan)[0]
    plan.apply(rename_indicator(plan, first, "Both our careers count the same"), TOGETHER)
    plan.apply(retire_indicator(plan, indicators(plan)[0], TODAY), TOGETHER)
    retired = indicators(plan)[0]
    assert retired.retired and retired.retired_on == TODAY
    plan.apply(restore_indicator(plan, retired), TOGETHER)
    assert not indicators(plan)[0].retired


@pytest.mark.parametrize("change", ["rename", "move", "retire", "delete"])
def test_changing_a_default_before_any_is_stored_stores_the_seven_with_it(
        plan: PlanFile, change: str) -> None:
    second = indicators(plan)[1]
    edit = {"rename": lambda: rename_indicator(plan, second, "Decisions are ours 🤝"),
            "move": lambda: move_indicator(plan, second, -1),
            "retire": lambda: retire_indicator(plan, second, TODAY),
            "delete": lambda: delete_indicator(plan, second)}[change]()
    plan.apply(edit, TOGETHER)
    stored_rows = table(plan, "checklist_indicator")
    assert len(stored_rows) == (6 if change == "delete" else 7)
    titles = [i.title for i in indicators(plan)]
    expected = {"rename": [SEVEN[0], "Decisions are ours 🤝", *SEVEN[2:]],
                "move": [SEVEN[1], SEVEN[0], *SEVEN[2:]],
                "retire": SEVEN, "delete": [SEVEN[0], *SEVEN[2:]]}[change]
    assert titles == expected
    plan.apply(inverse(edit), TOGETHER)
    assert table(plan, "checklist_indicator") == [], "one undo step takes all of it back"


@pytest.mark.parametrize("title, message", [
    ("", "can’t be empty"),
    ("   ", "can’t be empty"),
    ("x" * 161, "too long: 161 characters, at most 160"),
    ("tab\tin it", "control character"),
])
def test_a_bad_indicator_is_refused_naming_the_field(plan: PlanFile, title: str,
                                                     message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        add_indicator(plan, title)
    assert caught.value.field == "title" and message in caught.value.message


def test_an_indicator_with_ratings_is_retired_not_deleted_and_keeps_its_history(
        plan: PlanFile) -> None:
    ana, bo = viewers(plan)
    old = start(plan, date(2026, 5, 16))
    first = indicators(plan)[0]
    plan.apply(rate(plan, bo, old, first.uuid, score=2), bo)  # Bo's, not yet revealed
    with pytest.raises(ValidationError, match="retire it instead"):
        delete_indicator(plan, first)
    unused = indicators(plan)[1]
    plan.apply(delete_indicator(plan, unused), TOGETHER)
    assert unused.uuid not in [i.uuid for i in indicators(plan)]

    plan.apply(retire_indicator(plan, first, TODAY), TOGETHER)
    new = start(plan, date(2026, 8, 22))
    assert first.uuid not in [r.indicator.uuid for r in sheet(plan, bo, new).rows], \
        "a retired indicator is not asked any more"
    assert first.uuid in [r.indicator.uuid for r in sheet(plan, bo, old).rows], \
        "it stays where it was rated"
    assert first.uuid not in [r.indicator.uuid for r in sheet(plan, ana, old).rows], \
        "Ana does not learn of Bo's hidden rating through a row"


# -- check-ins ----------------------------------------------------------------------------

@pytest.mark.parametrize("day, message", [
    (date(2026, 11, 25), "can’t be dated in the future (25 November 2026; today is "
                         "24 November 2026)"),
    (date(2026, 8, 22), "There is already a check-in on 22 August 2026"),
    (date(1900, 1, 1), "out of range"),
    ("2026-01-01", "must be a date"),
])
def test_a_check_in_in_the_future_or_twice_on_a_day_is_refused(
        plan: PlanFile, plan_path: Path, day: Any, message: str) -> None:
    start(plan, date(2026, 8, 22))
    with pytest.raises(ValidationError) as caught:
        new_checkin(plan, day, TODAY)
    assert caught.value.field == "held_on" and message in caught.value.message
    assert len(table(plan, "checkin")) == 1


def test_two_check_ins_on_one_day_are_refused_by_the_table_rule_too(plan: PlanFile) -> None:
    first = start(plan, date(2026, 8, 22))
    other = start(plan, date(2026, 5, 16))
    row = next(c for c in checkins(plan) if c.uuid == other)
    with pytest.raises(ValidationError, match="already a check-in on 22 August 2026"):
        change_checkin_date(plan, row, date(2026, 8, 22), TODAY)
    from models.changes import update

    raw = (update(row, held_on=date(2026, 8, 22)),)
    with pytest.raises(ValidationError) as caught:
        plan.apply(raw, TOGETHER)  # past the builder: the rule across rows holds
    assert caught.value.field == "held_on" and caught.value.table == "checkin"
    assert first != other
    plan.apply(change_checkin_date(plan, row, date(2026, 5, 17), TODAY), TOGETHER)
    assert [c.held_on for c in checkins(plan)] == [date(2026, 8, 22), date(2026, 5, 17)]


def test_the_agreed_note_is_shared_and_a_very_long_one_refused(plan: PlanFile) -> None:
    uuid = start(plan)
    row = checkins(plan)[0]
    plan.apply(edit_agreed(row, "Monthly date night <b>&</b> 🎉\r\nno work talk"), TOGETHER)
    assert checkins(plan)[0].agreed == "Monthly date night <b>&</b> 🎉\nno work talk"
    with pytest.raises(ValidationError, match="too long: 4001 characters, at most 4000"):
        edit_agreed(checkins(plan)[0], "x" * 4001)
    assert uuid == row.uuid


# -- ratings -------------------------------------------------------------------------------

@pytest.mark.parametrize("value, message", [
    (0, "0 is out of range: rate from 1 (not at all) to 5 (fully)"),
    (6, "6 is out of range"),
    (-3, "-3 is out of range"),
    ("seven", "“seven” is not a rating"),
    ("٣", "is not a rating"),
    (3.5, "a whole number from 1 to 5"),
    (True, "a whole number from 1 to 5"),
])
def test_a_rating_outside_1_to_5_is_refused_with_a_clear_message(value: Any,
                                                                  message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_score(value)
    assert caught.value.field == "score" and message in caught.value.message


def test_scores_typed_as_text_are_taken() -> None:
    assert clean_score(" 4 ") == 4 and clean_score("") is None and clean_score(None) is None


def test_each_rates_alone_and_nobody_rewrites_the_other_s(plan: PlanFile) -> None:
    ana, bo = viewers(plan)
    uuid = start(plan)
    first = indicators(plan)[0].uuid
    with pytest.raises(ValidationError, match="choose who is at the keyboard"):
        rate(plan, TOGETHER, uuid, first, score=3)
    plan.apply(rate(plan, ana, uuid, first, score=4, note="Mostly 🙂"), ana)
    with pytest.raises(PrivacyError):  # Bo replaying Ana's edit
        plan.apply(rate(plan, ana, uuid, first, score=1), bo)
    with pytest.raises(ValidationError, match="too long: 281 characters, at most 280"):
        rate(plan, ana, uuid, first, note="n" * 281)
    plan.apply(rate(plan, ana, uuid, first, score=None), ana)
    cell = sheet(plan, ana, uuid).rows[0].cells[0]
    assert (cell.seen, cell.score, cell.note) == (Seen.OWN, None, "Mostly 🙂")


def test_ratings_stay_hidden_until_both_are_done_then_show_with_discussion_points(
        plan: PlanFile) -> None:
    ana, bo = viewers(plan)
    uuid = start(plan)
    rate_all(plan, ana, uuid, [4, 4, 5, 2, 4, 3, 4], note="Ana's reason qz-7741")
    rate_all(plan, bo, uuid, [4, 5, 5, 4, 3, 1, 4])
    for viewer in (bo, TOGETHER, REPORT):
        seen = sheet(plan, viewer, uuid)
        assert all(row.cells[0].seen is Seen.HIDDEN and row.cells[0].rating is None
                   for row in seen.rows)
        assert seen.divergences == []
    done(plan, ana, uuid)
    assert sheet(plan, bo, uuid).rows[0].cells[0].seen is Seen.HIDDEN, "one done is no reveal"
    with pytest.raises(ValidationError, match="Rate every indicator first: 1 indicator has"):
        plan.apply(rate(plan, bo, uuid, indicators(plan)[6].uuid, score=None), bo)
        mark_checkin_done(plan, bo, uuid)
    plan.apply(rate(plan, bo, uuid, indicators(plan)[6].uuid, score=4), bo)
    done(plan, bo, uuid)
    seen = sheet(plan, TOGETHER, uuid)
    assert seen.state.revealed
    assert [row.cells[0].score for row in seen.rows] == [4, 4, 5, 2, 4, 3, 4]
    assert [row.indicator.title for row in seen.divergences] == [SEVEN[3], SEVEN[5]]
    assert [row.gap for row in seen.divergences] == [2, 2]
    found = divergences(plan, REPORT)
    assert [(d.indicator, d.ratings, d.gap) for d in found] == [
        (SEVEN[3], (("Ana", 2, "Ana's reason qz-7741"), ("Bo", 4, "")), 2),
        (SEVEN[5], (("Ana", 3, "Ana's reason qz-7741"), ("Bo", 1, "")), 2)]
    with pytest.raises(PrivacyError):  # revealed, and still Ana's own
        plan.apply(rate(plan, ana, uuid, indicators(plan)[0].uuid, score=1), bo)
    plan.apply(mark_checkin_not_done(plan, ana, uuid), ana)
    assert sheet(plan, bo, uuid).rows[0].cells[0].seen is Seen.HIDDEN, "taken back: hidden"


def test_the_trend_follows_each_indicator_for_each_partner_over_revealed_check_ins(
        plan: PlanFile) -> None:
    ana, bo = viewers(plan)
    days = [date(2026, 2, 21), date(2026, 5, 16), date(2026, 8, 22)]
    for number, day in enumerate(days):
        uuid = start(plan, day)
        rate_all(plan, ana, uuid, [2 + number] * 7)
        rate_all(plan, bo, uuid, [4] * 7)
        done(plan, ana, uuid)
        done(plan, bo, uuid)
    unrevealed = start(plan, date(2026, 11, 20))
    rate_all(plan, ana, unrevealed, [1] * 7)
    shown = trend(plan, ana)
    assert shown.dates == tuple(days), "only revealed check-ins, even for their author"
    first = shown.indicators[0]
    assert first.series == (tuple(zip(days, [2, 3, 4], strict=True)),
                            tuple(zip(days, [4, 4, 4], strict=True)))
    assert first.apart == (days[0],)
    assert [p.name for p in shown.partners] == ["Ana", "Bo"]


# -- deleting ---------------------------------------------------------------------------

def test_deleting_a_check_in_takes_both_partners_ratings_and_undo_brings_them_back(
        qapp: Any, plan_path: Path) -> None:
    from tests.helpers import assert_delete_and_undo_restore_the_file
    from ui.document import PlanDocument

    document = PlanDocument(PlanFile.open(plan_path))
    try:
        plan = document.plan
        ana, bo = viewers(plan)
        uuid = start(plan)
        rate_all(plan, ana, uuid, [3] * 7, note="Ana’s private note")
        rate_all(plan, bo, uuid, [4] * 3, note="Bo’s private note")
        done(plan, ana, uuid)
        plan.apply(edit_agreed(checkins(plan)[0], "Talk on Sundays"), TOGETHER)
        row = next(c for c in checkins(plan) if c.uuid == uuid)
        edit = delete_checkin(plan, row)
        assert {c.table for c in edit} == {"checkin", "checkin_rating", "reveal"}
        document.set_viewer(TOGETHER)  # both together delete: Bo's hidden ratings go too
        assert_delete_and_undo_restore_the_file(document, "Delete check-in", edit)
    finally:
        document.close()


# -- the report -----------------------------------------------------------------------------

def test_the_report_summary_holds_nothing_private(plan: PlanFile) -> None:
    ana, bo = viewers(plan)
    revealed = start(plan, date(2026, 8, 22))
    rate_all(plan, ana, revealed, [2, 4, 4, 4, 4, 4, 4], note="shown-note-kd31")
    rate_all(plan, bo, revealed, [5, 4, 4, 4, 4, 4, 4])
    done(plan, ana, revealed)
    done(plan, bo, revealed)
    hidden = start(plan, date(2026, 11, 20))
    rate_all(plan, ana, hidden, [1] * 7, note="unrevealed-note-wq58")
    done(plan, ana, hidden)
    plan.apply(tick(plan, bo, "unilateral", "private-flag-note-jx92"), bo)
    plan.apply(tick(plan, ana, "sacrifices", "shared-flag-note-mp40"), ana)
    plan.apply(share_flag(next(r for r in red_flags(plan, ana) if r.flag == "sacrifices")), ana)

    report = checklist_summary(plan, REPORT)
    values = every_value(report)
    text = "\n".join(map(str, values))
    assert "unrevealed-note-wq58" not in text and "private-flag-note-jx92" not in text
    assert hidden not in values, "nothing of the unrevealed check-in, not even a score"
    assert report.latest is not None and report.latest.checkin.uuid == revealed
    assert date(2026, 11, 20) not in report.trend.dates
    assert "shown-note-kd31" in text and "shared-flag-note-mp40" in text
    assert [(d.indicator, d.gap) for d in report.divergences] == [(SEVEN[0], 3)]
    assert [(f.partner, f.text) for f in report.shared_flags] == \
        [("Ana", "One partner consistently sacrifices career for the other")]
    assert "unrevealed-note-wq58" in every_value(sheet(plan, ana, hidden)), \
        "the search finds it where it may be seen: the test can fail"
    assert "private-flag-note-jx92" in every_value(red_flags(plan, bo))


def test_red_flags_are_private_until_their_author_shares_them(plan: PlanFile,
                                                              plan_path: Path) -> None:
    ana, bo = viewers(plan)
    with pytest.raises(ValidationError, match="choose who is at the keyboard"):
        tick(plan, TOGETHER, "sabotage")
    with pytest.raises(ValidationError, match="is not one of the red flags"):
        tick(plan, ana, "made-up")
    plan.apply(tick(plan, ana, "dismissing", "He called it my hobby 💬"), ana)
    assert tick(plan, ana, "dismissing") == (), "ticked once"
    assert red_flags(plan, bo) == red_flags(plan, TOGETHER) == red_flags(plan, REPORT) == []
    mine = red_flags(plan, ana)[0]
    with pytest.raises(PrivacyError):
        plan.apply(share_flag(mine), bo)  # only Ana shares Ana's
    with pytest.raises(PrivacyError):
        plan.apply(edit_note(mine, "rewritten"), TOGETHER)
    plan.apply(share_flag(mine), ana)
    assert [r.note for r in red_flags(plan, bo)] == ["He called it my hobby 💬"]
    with pytest.raises(ValidationError, match="too long: 1001 characters"):
        edit_note(red_flags(plan, ana)[0], "x" * 1001)
    plan.close()
    rows = stored(plan_path)["tables"]["red_flag"]
    assert [(r["flag"], r["shared_at"] is not None) for r in rows] == [("dismissing", True)]



def test_a_plan_of_format_7_keeps_its_check_ins_and_their_privacy(tmp_path: Path) -> None:
    import shutil

    from models.checklist import checklist_summary
    from models.privacy import REPORT

    path = tmp_path / "plan-v7.tandem"
    shutil.copyfile(Path(__file__).parent / "data" / "plan-v7.tandem", path)
    with PlanFile.open(path) as plan:
        summary = checklist_summary(plan, REPORT)
        assert summary.latest is not None
        assert summary.latest.checkin.held_on == date(2026, 8, 22)  # the later one is not revealed
        assert "Time for us <both> & 🧘 二人の時間" in [row.indicator.title
                                                   for row in summary.latest.rows]
        assert [flag.note for flag in summary.shared_flags] == ["Shared worry <i>"]
        seen = repr(summary)
        assert "qx-77" not in seen and "zv-31" not in seen
        assert "Long weeks 😓" in seen
