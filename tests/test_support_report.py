"""The support section of the counselor report, read back from real PDFs: off
by default, the example's facts in it when chosen, a privately kept board
member never in it, and a sentence when there is nothing yet."""

from __future__ import annotations

from pathlib import Path

from models.partners import partners
from models.plan_file import PlanFile
from models.privacy import Viewer
from models.support import add_board_member
from report.options import ReportOptions
from tests.test_report import example, export, flat, pdf_text  # noqa: F401  (the fixture)

SECRET = "Dr. Vell, Thursdays zq-4471"


def test_the_support_section_is_off_by_default() -> None:
    assert "support" not in ReportOptions().sections


def test_the_example_s_support_section_has_its_facts_and_no_private_member(
        example: Path, tmp_path: Path) -> None:  # noqa: F811
    target = tmp_path / "report.pdf"
    export(example, target, sections=("counselor", "support"))
    text = flat(pdf_text(target))
    for fact in ("Support structures", "Career support budget", "Conferences and networking",
                 "450", "Board of directors", "Priya Natarajan",
                 "Jennifer & Katie", "Household load", "Rachel carries 13.5 h a week (66%)",
                 "Invisible labor", "Burnout protocol", "red day", "Pivot exploration",
                 "Exploring venture capital",
                 "Household: Rachel carries 66% of the 20.5 hours a week",
                 "Rachel used more of their career support budget than planned"):
        assert fact in text, fact
    assert "Whitfield" not in text.split("Board of directors")[1].split("Household")[0]
    assert "Dr. Sam Whitfield" not in text  # Marcus's therapist: kept to himself


def test_a_private_board_member_never_reaches_the_report(plan_path: Path,
                                                         tmp_path: Path) -> None:
    with PlanFile.open(plan_path) as plan:
        ana = partners(plan)[0]
        as_ana = Viewer.partner(ana.uuid)
        plan.apply(add_board_member(as_ana, ana.uuid, SECRET, "therapist", SECRET,
                                    only_me=True)
                   + add_board_member(as_ana, ana.uuid, "Kim <b>&</b> 김", "friend"), as_ana)
    target = tmp_path / "report.pdf"
    export(plan_path, target, sections=("support",))
    text = flat(pdf_text(target))
    assert "Kim <b>&</b> 김" in text
    assert "zq-4471" not in text and "Vell" not in text


def test_an_empty_support_section_says_so(plan_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    export(plan_path, target, sections=("support",))
    assert "Nothing here yet: no budget" in flat(pdf_text(target))


def test_without_notes_the_board_says_who_but_not_how_they_help(example: Path,  # noqa: F811
                                                                tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    export(example, target, sections=("support",), notes=False)
    text = flat(pdf_text(target))
    assert "Priya Natarajan" in text
    assert "How they help" not in text and "monthly call on leading" not in text
