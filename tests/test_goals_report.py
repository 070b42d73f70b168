"""Goals and wins, and the opportunities passed up, in the counselor report:
read back from real PDFs, with the example couple's facts, user text printed
as typed, the passed-up section only when asked for, and a sentence when a
section is empty."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

import resources
from models.exchange import rows_from_dict
from models.goals import log_win, new_goal
from models.partners import partners
from models.passed_up import log_passed_up
from models.plan_file import PlanFile
from models.plan_snapshot import open_snapshot
from models.privacy import TOGETHER
from report.builder import build_report
from report.options import SECTIONS, ReportOptions

TODAY = date(2026, 11, 24)
HOSTILE = "<b>Lead & “grow”</b> 🚀 团队"


def flat(path: Path) -> str:
    return " ".join("\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
                    .split())


def export(plan_path: Path, target: Path, sections: tuple[str, ...]) -> str:
    with open_snapshot(plan_path) as plan:
        build_report(plan, target, ReportOptions(sections=sections), today=TODAY)
    return flat(target)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "Example.tandem"
    PlanFile.create(path, rows_from_dict(resources.load_json("examples/rachel-and-marcus.json"))
                    ).close()
    return path


def test_goals_are_in_the_report_by_default_and_passed_up_only_when_asked() -> None:
    defaults = ReportOptions().sections
    assert "goals" in defaults and "passed_up" not in defaults
    keys = [s.key for s in SECTIONS]
    assert keys.index("checklist") < keys.index("goals") < keys.index("passed_up")


def test_the_example_report_shows_goals_overlaps_and_wins_with_appreciation(
        example: Path, tmp_path: Path) -> None:
    text = export(example, tmp_path / "r.pdf", ("counselor", "goals"))
    for fact in ("Goals and wins", "Rachel’s goals", "Marcus’s goals",
                 "Pass the Washington bar admission", "Where their paths overlap",
                 "(our paths overlap)", "Wins, celebrated together", "Made partner at the firm",
                 "So proud of you", "Goals where their career paths overlap",
                 "2 still without a note of appreciation"):
        assert fact in text, fact
    assert "Opportunities passed up" not in text, "off by default, and not asked for"
    assert "New York office" not in text and "Zurich role" not in text


def test_the_passed_up_section_when_asked(example: Path, tmp_path: Path) -> None:
    text = export(example, tmp_path / "r.pdf", ("counselor", "passed_up"))
    for fact in ("Opportunities passed up", "New York office",
                 "What was gained", "What was lost",
                 "Both have passed up opportunities for the relationship (Rachel 1, Marcus 1)"):
        assert fact in text, fact


def test_user_text_is_printed_as_typed_and_empty_sections_say_so(plan_path: Path,
                                                                tmp_path: Path) -> None:
    empty = export(plan_path, tmp_path / "empty.pdf", ("goals", "passed_up"))
    for words in ("No goals written down yet.", "No wins logged yet.",
                  "No opportunity passed up is written down."):
        assert words in empty, words
    with PlanFile.open(plan_path) as plan:
        ana, _bo = partners(plan)
        plan.apply(new_goal(ana.uuid, HOSTILE, strengths="Ana & Bo <i>together</i>"), TOGETHER)
        plan.apply(log_win(ana.uuid, HOSTILE, TODAY, viewer=TOGETHER), TOGETHER)
        plan.apply(log_passed_up(ana.uuid, HOSTILE, TODAY, viewer=TOGETHER), TOGETHER)
    text = export(plan_path, tmp_path / "full.pdf", ("counselor", "goals", "passed_up"))
    assert text.count("<b>Lead & “grow”</b>") >= 3
    assert "Ana & Bo <i>together</i>" in text
    assert "Opportunities passed up for the relationship: Ana 1, Bo 0." in text


