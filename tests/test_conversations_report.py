"""Conversations and the support inventory in the counselor report: off by
default, the example couple's revealed answers, agreements and shared lists
when on, and nothing unrevealed or unshared ever."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

import resources
from models.conversation_edits import finish, store_answer
from models.conversations import builtin_decks, conversations
from models.exchange import rows_from_dict
from models.partners import partners
from models.plan_file import PlanFile
from models.plan_snapshot import open_snapshot
from models.privacy import Viewer
from models.support_inventory import WISH, add_item, support_items
from report.builder import build_report
from report.options import SECTIONS, ReportOptions

TODAY = date(2026, 11, 24)
ANSWER = "Only if the children can stay at their school ✶ kb-3318"
WISH_TEXT = "Stop reviewing my contracts at midnight ☂ mw-5102"


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(path).pages).split())


def export(path: Path, target: Path, *sections: str) -> str:
    with open_snapshot(path) as plan:
        build_report(plan, target, ReportOptions(sections=("counselor", *sections)), today=TODAY)
    return pdf_text(target)


def example_with_secrets(tmp_path: Path) -> Path:
    """The example couple, with an answer Marcus has not finished and a wish
    Rachel has not shared."""
    path = tmp_path / "Example.tandem"
    PlanFile.create(path, rows_from_dict(resources.load_json("examples/rachel-and-marcus.json"))
                    ).close()
    with PlanFile.open(path) as plan:
        rachel, marcus = (Viewer.partner(p.uuid) for p in partners(plan))
        question = builtin_decks()[3].questions[1].uuid
        plan.apply(store_answer(plan, marcus, question, ANSWER), marcus)
        plan.apply(store_answer(plan, rachel, question, "Rachel's own answer"), rachel)
        plan.apply(finish(plan, rachel, question), rachel)
        _item, edit = add_item(plan, rachel, WISH, WISH_TEXT)
        plan.apply(edit, rachel)
        # Written by their authors: the checks below can fail.
        assert WISH_TEXT in {i.text for i in support_items(plan, rachel)}
        assert conversations(plan, marcus).states[question].answer_of(marcus.partner_uuid) \
            == ANSWER
    return path


def test_both_sections_are_off_by_default() -> None:
    off = {s.key for s in SECTIONS if not s.default}
    assert {"conversations", "support_inventory"} <= off
    assert "conversations" not in ReportOptions().sections


def test_the_example_couples_answers_agreements_and_lists(tmp_path: Path) -> None:
    path = example_with_secrets(tmp_path)
    text = export(path, tmp_path / "r.pdf", "conversations", "support_inventory")
    for fact in ("Conversations", "Core Career Values", "Answered by Rachel",
                 "What does career success mean to you personally?",
                 "Building things people actually use",
                 "Making partner was the goal for seven years",
                 "Agreed: Both careers count equally",
                 "Both answered, not yet talked through",
                 "What opportunities would you regret not pursuing?",
                 "Rachel has answered “How do we handle periods of unemployment",
                 "Support inventory", "How Marcus supports Rachel’s career now",
                 "Ask about my talk before the conference week",
                 "taken up by Marcus on", "What Marcus wishes from Rachel"):
        assert fact in text, fact
    for secret in (ANSWER, "kb-3318", WISH_TEXT, "mw-5102",
                   "Tell me when you start looking at jobs"):  # Marcus's unshared wish
        assert secret not in text, secret
        assert secret.encode() not in (tmp_path / "r.pdf").read_bytes()
    # Left out, the sections are not in the report.
    text = export(path, tmp_path / "off.pdf")
    assert "Building things people actually use" not in text
    assert "Ask about my talk" not in text


def test_an_empty_plan_says_so(plan_path: Path, tmp_path: Path) -> None:
    text = export(plan_path, tmp_path / "r.pdf", "conversations", "support_inventory")
    assert "No question is answered by both yet" in text
    assert "Neither partner has shared a list yet" in text
