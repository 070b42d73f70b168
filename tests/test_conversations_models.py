"""Conversations and the support inventory in the models: the seed's decks,
answers alone then revealed, the couple's note, questions of their own, the
support lists shared by their writer, wishes taken up, and bad input."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from models.changes import inverse
from models.conversation_edits import (
    add_question,
    delete_question,
    edit_question,
    finish,
    set_discussed,
    store_agreed,
    store_answer,
    unfinish,
)
from models.conversations import (
    ANSWER_MAX,
    builtin_decks,
    conversations,
    conversations_summary,
    decks,
    starter,
    waiting_notice,
)
from models.errors import PrivacyError, ValidationError
from models.exchange import plan_to_dict
from models.partners import partners
from models.plan_file import PlanFile
from models.privacy import REPORT, TOGETHER, Viewer
from models.support_inventory import (
    ITEM_MAX,
    NOW,
    WISH,
    add_item,
    delete_item,
    edit_item,
    inventory,
    set_taken_up,
    share_lists,
    shared_inventory,
    support_items,
    unshared_count,
)
from tests.helpers import stored

DAY = date(2026, 11, 24)
SECRET = "I would move to Lisbon tomorrow ✶ zq-4417"


@pytest.fixture
def plan(plan_path: Path) -> Iterator[PlanFile]:
    with PlanFile.open(plan_path) as opened:
        yield opened


def tables(plan: PlanFile) -> dict[str, list[dict[str, Any]]]:
    """Every table as stored now, private rows included."""
    try:
        found: dict[str, list[dict[str, Any]]] = plan_to_dict(plan.session)["tables"]
        return found
    finally:
        plan.session.rollback()
        plan.session.expunge_all()


def pair(plan: PlanFile) -> tuple[Viewer, Viewer]:
    ana, bo = partners(plan)
    return Viewer.partner(ana.uuid), Viewer.partner(bo.uuid)


def first_question(plan: PlanFile) -> str:
    return decks(plan)[0].questions[0].uuid


def test_the_four_decks_are_the_seeds_word_for_word() -> None:
    found = builtin_decks()
    assert [d.title for d in found] == ["Core Career Values", "Practical Career Trajectories",
                                        "Relationship Integration", "Contingency Planning",
                                        "Our own questions"]
    assert [len(d.questions) for d in found] == [5, 5, 5, 5, 0]
    assert found[0].questions[0].text == "What does career success mean to you personally?"
    assert found[1].questions[2].text == ("What sacrifices are you willing/unwilling to make "
                                          "for career advancement?")
    assert found[3].questions[4].text == ("What's our plan if one of us wants to step back "
                                          "from career for family?")
    # Fixed UUIDs: a plan made today and one made next year name a question alike.
    assert found[0].questions[0].uuid == builtin_decks()[0].questions[0].uuid
    assert len({q.uuid for d in found for q in d.questions}) == 20
    assert "thrive in our careers" in starter().text


def test_an_answer_is_its_authors_until_both_are_done(plan: PlanFile, plan_path: Path) -> None:
    ana, bo = pair(plan)
    question = first_question(plan)
    plan.apply(store_answer(plan, ana, question, SECRET), ana)
    for viewer in (bo, TOGETHER, REPORT):
        seen = conversations(plan, viewer).states[question]
        assert seen.answers == {}
        assert SECRET not in repr(conversations_summary(plan, viewer))
    plan.apply(finish(plan, ana, question), ana)
    with pytest.raises(ValidationError, match="Not Done Yet"):
        store_answer(plan, ana, question, "changed after being done")
    assert "Ana has answered a question Bo hasn’t yet" in waiting_notice(plan)
    summary = conversations_summary(plan, REPORT)
    assert summary[0].waiting == (("What does career success mean to you personally?", "Ana"),)
    assert SECRET not in repr(summary)
    # Its author reads it (so the checks above can fail).
    assert conversations(plan, ana).states[question].answer_of(ana.partner_uuid) == SECRET
    plan.apply(store_answer(plan, bo, question, "Time with you, 家族, عائلة"), bo)
    plan.apply(finish(plan, bo, question), bo)
    seen = conversations(plan, TOGETHER).states[question]
    assert seen.revealed and seen.answer_of(ana.partner_uuid) == SECRET
    assert conversations(plan, REPORT).progress(builtin_decks()[0]).revealed == 1
    assert waiting_notice(plan) == ""
    # Undone, it hides again.
    plan.apply(unfinish(plan, bo, question), bo)
    assert conversations(plan, TOGETHER).states[question].answers == {}
    rows = tables(plan)["conversation_answer"]
    assert {r["text"] for r in rows} == {SECRET, "Time with you, 家族, عائلة"}


def test_nobody_writes_or_finishes_anothers_answer(plan: PlanFile) -> None:
    ana, bo = pair(plan)
    question = first_question(plan)
    with pytest.raises(ValidationError, match="choose who is at the keyboard"):
        store_answer(plan, TOGETHER, question, "ours")
    with pytest.raises(ValidationError, match="still empty"):
        finish(plan, ana, question)
    plan.apply(store_answer(plan, ana, question, "mine"), ana)
    edit = store_answer(plan, ana, question, "changed")
    with pytest.raises(PrivacyError):
        plan.apply(edit, bo)
    with pytest.raises(ValidationError, match="no longer in the plan"):
        store_answer(plan, ana, "not-a-question", "x")


@pytest.mark.parametrize("text", ["<b>&</b> <script>x</script>", "  spaced\n\n lines  ",
                                  "שלום עולם", "你好 👩‍👩‍👧", "x" * ANSWER_MAX])
def test_an_answer_is_kept_exactly(plan: PlanFile, plan_path: Path, text: str) -> None:
    ana, _bo = pair(plan)
    plan.apply(store_answer(plan, ana, first_question(plan), text), ana)
    plan.close()
    assert stored(plan_path)["tables"]["conversation_answer"][0]["text"] == text


@pytest.mark.parametrize(("text", "message"), [
    ("x" * (ANSWER_MAX + 1), "too long"), ("bell\x07", "control character"),
    ("half \ud83d", "broken character")])
def test_a_bad_answer_is_refused_and_nothing_stored(plan: PlanFile, plan_path: Path,
                                                    text: str, message: str) -> None:
    ana, _bo = pair(plan)
    with pytest.raises(ValidationError, match=message) as error:
        store_answer(plan, ana, first_question(plan), text)
    assert error.value.field == "text"
    assert tables(plan).get("conversation_answer", []) == []


def test_the_couples_note_discussed_and_agreed(plan: PlanFile, plan_path: Path) -> None:
    ana, _bo = pair(plan)
    question = first_question(plan)
    plan.apply(set_discussed(plan, question, True, DAY), TOGETHER)
    plan.apply(store_agreed(plan, question, "Both careers count <equally> & always"), ana)
    note = tables(plan)["conversation_note"][0]
    assert note["discussed_on"] == DAY.isoformat()
    assert note["agreed"] == "Both careers count <equally> & always"
    assert conversations(plan, REPORT).progress(builtin_decks()[0]).discussed == 1
    plan.apply(set_discussed(plan, question, False, DAY), TOGETHER)
    assert not conversations(plan, TOGETHER).states[question].discussed
    assert conversations(plan, TOGETHER).states[question].agreed.startswith("Both careers")


def test_questions_of_their_own_and_deleting_one_takes_its_answers(
        plan: PlanFile, plan_path: Path) -> None:
    ana, bo = pair(plan)
    row, edit = add_question(plan, "own", "Do we want a sabbatical — 安息年?")
    plan.apply(edit, TOGETHER)
    question = decks(plan)[-1].questions[0]
    assert question.text == "Do we want a sabbatical — 安息年?" and question.custom
    plan.apply(store_answer(plan, ana, question.uuid, SECRET), ana)
    plan.apply(finish(plan, ana, question.uuid), ana)
    plan.apply(set_discussed(plan, question.uuid, True, DAY), TOGETHER)
    before = tables(plan)
    # Bo may delete a shared question holding Ana's private answer.
    deleting = delete_question(plan, question)
    plan.apply(deleting, bo)
    after = tables(plan)
    for table in ("conversation_question", "conversation_answer", "conversation_note", "reveal"):
        assert after.get(table, []) == []
    plan.apply(inverse(deleting), bo)
    assert tables(plan) == before
    plan.apply(edit_question(plan, question, "Do we want a sabbatical?"), TOGETHER)
    assert decks(plan)[-1].questions[0].text == "Do we want a sabbatical?"
    assert row.deck == "own"


@pytest.mark.parametrize(("deck", "text", "message"), [
    ("own", "   ", "can’t be empty"), ("own", "?" * 301, "too long"),
    ("nowhere", "Fine?", "not a deck"),
    ("core_values", "what does career success mean to you personally?", "has that question"),
])
def test_a_bad_question_is_refused(plan: PlanFile, plan_path: Path, deck: str, text: str,
                                   message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _row, edit = add_question(plan, deck, text)
        plan.apply(edit, TOGETHER)
    assert tables(plan).get("conversation_question", []) == []


def test_the_seeds_questions_stay_as_they_are(plan: PlanFile) -> None:
    seed = decks(plan)[0].questions[0]
    with pytest.raises(ValidationError, match="stay as they are"):
        edit_question(plan, seed, "Changed?")
    with pytest.raises(ValidationError, match="stay as they are"):
        delete_question(plan, seed)


def test_support_lists_are_exchanged_when_their_writer_shares_them(
        plan: PlanFile, plan_path: Path) -> None:
    ana, bo = pair(plan)
    _item, edit = add_item(plan, ana, NOW, "Listens after a tough day")
    plan.apply(edit, ana)
    wish, edit = add_item(plan, ana, WISH, SECRET)
    plan.apply(edit, ana)
    for viewer in (bo, TOGETHER, REPORT):
        assert support_items(plan, viewer) == []
        assert SECRET not in repr(shared_inventory(plan, viewer))
    assert SECRET not in repr(shared_inventory(plan, ana))  # the report: shared only
    assert unshared_count(plan, ana) == 2
    with pytest.raises(ValidationError, match="not shared yet"):
        set_taken_up(plan, bo, wish, True, DAY)
    plan.apply(share_lists(plan, ana), ana)
    assert unshared_count(plan, ana) == 0
    seen = {i.text for i in support_items(plan, bo)}
    assert seen == {"Listens after a tough day", SECRET}
    # Bo takes up the wish; only Bo may, and only a wish.
    shared_wish = next(i for i in support_items(plan, bo) if i.kind == WISH)
    with pytest.raises(ValidationError, match="not you"):
        set_taken_up(plan, ana, shared_wish, True, DAY)
    with pytest.raises(ValidationError, match="Only a wish"):
        set_taken_up(plan, bo, next(i for i in support_items(plan, bo) if i.kind == NOW),
                     True, DAY)
    plan.apply(set_taken_up(plan, bo, shared_wish, True, DAY), bo)
    lists = inventory(plan, TOGETHER)
    assert lists[1].taken_up == {shared_wish.uuid: DAY}
    assert shared_inventory(plan, REPORT)[1].items == ((SECRET, DAY),)
    # Bo never rewrites Ana's words, even shared.
    with pytest.raises(PrivacyError):
        plan.apply(edit_item(shared_wish, "rewritten"), bo)
    # Deleting the wish takes Bo's mark along; undo brings both back.
    before = tables(plan)
    deleting = delete_item(plan, shared_wish)
    plan.apply(deleting, ana)
    assert tables(plan).get("support_uptake", []) == []
    plan.apply(inverse(deleting), ana)
    assert tables(plan) == before


@pytest.mark.parametrize(("text", "message"), [
    ("", "can’t be empty"), ("x" * (ITEM_MAX + 1), "too long"), ("ta\x0bb", "control")])
def test_a_bad_support_item_is_refused(plan: PlanFile, plan_path: Path, text: str,
                                       message: str) -> None:
    ana, _bo = pair(plan)
    with pytest.raises(ValidationError, match=message):
        add_item(plan, ana, NOW, text)
    with pytest.raises(ValidationError, match="keyboard"):
        add_item(plan, TOGETHER, NOW, "ok")
    assert tables(plan).get("support_item", []) == []


def test_markup_and_other_scripts_are_kept_exactly_in_a_list(plan: PlanFile,
                                                            plan_path: Path) -> None:
    ana, _bo = pair(plan)
    for text in ("<b>&</b>", "يدعمني دائما", "いつも応援 🎉"):
        _item, edit = add_item(plan, ana, WISH, text)
        plan.apply(edit, ana)
    rows = tables(plan)["support_item"]
    assert sorted(r["text"] for r in rows) == sorted(["<b>&</b>", "يدعمني دائما", "いつも応援 🎉"])


def test_a_plan_of_format_9_keeps_its_conversations_and_their_privacy(tmp_path: Path) -> None:
    import shutil

    from models.conversations import question_state

    path = tmp_path / "plan-v9.tandem"
    shutil.copyfile(Path(__file__).parent / "data" / "plan-v9.tandem", path)
    with PlanFile.open(path) as plan:
        rachel, marcus = partners(plan)
        first = builtin_decks()[0].questions[0]
        for viewer in (Viewer.partner(marcus.uuid), TOGETHER, REPORT):
            state = question_state(plan, viewer, first)
            assert state.revealed and state.discussed
            assert state.answer_of(rachel.uuid) == "Building <things> & people 🚀 建设 — לבנות"
            assert state.answer_of(marcus.uuid) == ("Being trusted with the hard call.\n"
                                                    "\tAnd a firm to hand on.")
            assert state.agreed == "Learning every year matters to both.\nTitles less."
            seen = _words(plan, viewer)
            assert "qc-41" not in seen and "sw-52" not in seen
        own = [q for d in decks(plan) for q in d.questions if "今晚" in q.text]
        assert [q.text for q in own] == ["Who cooks <tonight> & 🍜 今晚?"]
        mine = _words(plan, Viewer.partner(rachel.uuid))
        assert "qc-41" in mine and "sw-52" in mine  # the search above can find them
        wishes = {i.text: i for i in support_items(plan, TOGETHER)}
        assert set(wishes) == {"He takes the school run on my launch weeks",
                               "Ask about my day before the logistics",
                               "Read my drafts <briefs> & 📝"}


def _words(plan: PlanFile, viewer: Viewer) -> str:
    """Every answer and support item ``viewer`` may read, as one text."""
    seen = conversations(plan, viewer)
    answers = [a.text for state in seen.states.values() for a in state.answers.values()]
    return "\n".join(answers + [item.text for item in support_items(plan, viewer)])
