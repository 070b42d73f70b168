"""The counselor report, read back from real PDFs: what a counselor sees,
what a partner keeps private never in it, hostile plans, the paper, and the
file it leaves alone."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

import resources
from models.changes import Edit
from models.exchange import rows_from_dict
from models.partners import new_plan_rows, partners
from models.plan_file import PlanFile
from models.plan_snapshot import open_snapshot
from models.privacy import TOGETHER, Viewer
from models.roadmap import new_item, new_season, share
from report.builder import ReportCancelled, ReportWriteError, build_report
from report.options import KEYS, ReportOptions
from tests.helpers import digest

TODAY = date(2026, 11, 24)
SECRET = "Quietly interviewing at Lisbon Labs ✶ qv-5531"
DATA = Path(__file__).parent / "data"


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def flat(text: str) -> str:
    """Extracted text with its line breaks and repeated spaces gone: a
    long title wraps over lines in a table's cell."""
    return " ".join(text.split())


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "Example - Rachel & Marcus.tandem"
    PlanFile.create(path, rows_from_dict(resources.load_json("examples/rachel-and-marcus.json"))
                    ).close()
    return path


def export(plan_path: Path, target: Path, **options: object) -> int:
    with open_snapshot(plan_path) as plan:
        return build_report(plan, target, ReportOptions(**options),  # type: ignore[arg-type]
                            today=TODAY)


def test_the_example_report_has_every_part_with_its_facts(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    pages = export(example, target)
    reader = PdfReader(target)
    assert len(reader.pages) == pages
    text = flat(pdf_text(target))
    for fact in ("Rachel", "Marcus", "Example - Rachel & Marcus", "Contents",
                 "For the counselor", "Where Rachel and Marcus agree",
                 "Where they differ, or have yet to decide", "The roadmap", "Who leads when",
                 "Milestones and phases", "Long-distance period", "Marcus leads: Making partner",
                 "Quarters to watch", "Q3 2027", "24 Nov 2026"):
        assert fact in text, fact
    first = reader.pages[0].extract_text()
    assert f"Page 1 of {pages}" in first
    assert f"Page {pages} of {pages}" in reader.pages[-1].extract_text()
    assert all("Example - Rachel & Marcus" in p.extract_text() for p in reader.pages)


def test_the_report_says_who_made_it_and_has_bookmarks(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    export(example, target)
    reader = PdfReader(target)
    info = reader.metadata
    assert info is not None
    assert info.title == "Example - Rachel & Marcus — counselor report"
    assert info.author == "Rachel & Marcus"
    assert info.creator is not None and info.creator.startswith("Tandem")
    assert "roadmap" in (info.subject or "")
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:3] == ["Contents", "For the counselor", "The roadmap"]
    roadmap_page = reader.get_destination_page_number(reader.outline[2])
    contents = reader.pages[0].extract_text()
    assert f"The roadmap {roadmap_page + 1}" in flat(contents)


def test_the_roadmap_pages_are_landscape_and_the_rest_portrait(example: Path,
                                                              tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    export(example, target, page_size="Letter")
    shapes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
              for p in PdfReader(target).pages]
    assert shapes[0] == (612, 792)
    assert (792, 612) in shapes
    turned = [number for number, shape in enumerate(shapes) if shape == (792, 612)]
    for number in turned:  # each roadmap page reads on its own: its key and its ruler
        page = flat(PdfReader(target).pages[number].extract_text())
        assert "Clashing transitions" in page
        assert all(lane in page for lane in ("Seasons", "Rachel", "Our life", "Marcus"))


def test_a_long_plan_spreads_its_roadmap_over_pages_by_period(plan_path: Path,
                                                             tmp_path: Path) -> None:
    path = plan_path
    with PlanFile.open(path) as plan:
        ana, _bo = partners(plan)
        edit: Edit = ()
        for year in range(1996, 2041, 4):
            edit += new_item("job", f"Year {year} job", date(year, 2, 1), date(year, 11, 1),
                             ana.uuid, viewer=TOGETHER)
        plan.apply(edit, TOGETHER)
    target = tmp_path / "report.pdf"
    export(path, target, sections=("roadmap",))
    text = flat(pdf_text(target))
    assert "part 1 of" in text and "part 2 of" in text
    assert "Year 1996 job" in text and "Year 2040 job" in text


def test_sections_and_notes_are_the_couples_choice(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    export(example, target, sections=("counselor",), notes=False)
    text = flat(pdf_text(target))
    assert "For the counselor" in text and "Who leads when" not in text
    export(example, target, sections=("roadmap",), notes=False)
    text = flat(pdf_text(target))
    assert "Long-distance period" in text
    assert "Visits every other weekend" not in text  # a note on that item
    export(example, target, sections=("roadmap",), notes=True)
    assert "Visits every other weekend" in flat(pdf_text(target))


def test_an_empty_plan_says_so_in_every_part(plan_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    export(plan_path, target)
    text = flat(pdf_text(target))
    assert "Nothing is on the roadmap yet that both partners have shared" in text
    assert "no seasons agreed yet" in text
    assert "Nothing shared yet shows an agreement." in text


def test_nothing_private_reaches_the_report(plan_path: Path, tmp_path: Path) -> None:
    with PlanFile.open(plan_path) as plan:
        ana, _bo = partners(plan)
        me = Viewer.partner(ana.uuid)
        plan.apply(new_item("job", "Data lead", date(2027, 1, 1), date(2028, 1, 1), ana.uuid,
                            viewer=me), me)
        plan.apply(new_item("job_offer", SECRET, date(2027, 3, 1), None, ana.uuid,
                            notes=f"note: {SECRET}", viewer=me, draft=True), me)
    target = tmp_path / "report.pdf"
    export(plan_path, target)
    text = flat(pdf_text(target))
    assert "Data lead" in text
    assert "qv-5531" not in text and "Lisbon" not in text
    assert b"qv-5531" not in target.read_bytes()  # nor in its metadata or bookmarks
    # Shared, it is there: the check above can fail.
    with PlanFile.open(plan_path) as plan:
        ana, _bo = partners(plan)
        from models.roadmap import roadmap_items

        me = Viewer.partner(ana.uuid)
        plan.apply(share([i for i in roadmap_items(plan, me) if i.is_draft]), me)
    export(plan_path, target)
    assert "qv-5531" in flat(pdf_text(target))


HOSTILE_TITLE = '<b>Offer & "raise"</b> <para>x</para> <font size=40>big</font>'
SCRIPTS = ("Café crème à Zürich", "北京大学 研究生", "東京の新しい仕事", "서울 이사",
           "שלום עולם", "مرحبا بالعالم", "Привет, мир", "Celebrate 🎉👩‍💻")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """Markup, every script, 10,000-character notes, 300 items over 30 years."""
    path = tmp_path / "hostile.tandem"
    PlanFile.create(path, new_plan_rows("Zoë <i>&amp;</i>", "علي")).close()
    long_note = ("A very long note that keeps going. " * 300)[:10_000]
    with PlanFile.open(path) as plan:
        first, second = (p.uuid for p in partners(plan))
        edit = new_item("job", HOSTILE_TITLE, date(2020, 1, 1), date(2024, 6, 30), first,
                        notes="short for now", viewer=TOGETHER)
        for number, title in enumerate(SCRIPTS):
            edit += new_item("relocation", title, date(2025, 1 + number, 3), None,
                             second if number % 2 else None, notes=title, viewer=TOGETHER)
        start = date(2000, 1, 1)
        for number in range(300 - 1 - len(SCRIPTS)):
            day = start + timedelta(days=number * 36)
            phase = number % 4 < 2
            edit += new_item(("job", "degree", "promotion", "relocation")[number % 4],
                             f"Item {number} ⟨{number % 7}⟩", day,
                             day + timedelta(days=200) if phase else None,
                             (first, second, None)[number % 3], viewer=TOGETHER)
        for n in range(10):
            edit += new_season((first, second)[n % 2], f"Season {n} & <co>",
                               date(2000 + 3 * n, 1, 1), date(2002 + 3 * n, 6, 30),
                               notes=long_note[:2000])
        plan.apply(edit, TOGETHER)
    # Longer than Tandem lets anyone type: written by another program.
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE roadmap_item SET notes = ? WHERE notes = 'short for now'",
                           (long_note,))
    connection.close()
    return path


def test_a_hostile_plan_exports_with_its_text_as_typed(hostile: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    pages = export(hostile, target)
    assert pages > 10
    text = pdf_text(target)
    joined = flat(text)
    assert '<b>Offer & "raise"</b>' in joined
    assert "Zoë <i>&amp;</i>" in joined
    for script in ("Café crème à Zürich", "北京大学", "東京の新しい仕事", "서울 이사", "Привет, мир",
                   "🎉"):
        assert script in joined, script
    assert joined.count("A very long note that keeps going.") >= 250
    assert "Item 290 ⟨3⟩" in joined and "Item 291" not in joined  # 300 items in all


def test_a_cancelled_report_writes_nothing(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    seen: list[str] = []

    def progress(done: int, total: int, what: str) -> bool:
        seen.append(what)
        return done < 1

    with open_snapshot(example) as plan, pytest.raises(ReportCancelled):
        build_report(plan, target, ReportOptions(), progress)
    assert not target.exists() and len(seen) == 2
    assert sorted(p.name for p in example.parent.glob("*.pdf*")) == []


def test_the_report_never_overwrites_the_plan_or_a_folder(example: Path, tmp_path: Path) -> None:
    before = digest(example)
    with open_snapshot(example) as plan:
        with pytest.raises(ReportWriteError, match="is the plan itself"):
            build_report(plan, example, ReportOptions())
        with pytest.raises(ReportWriteError, match="is a folder"):
            build_report(plan, tmp_path, ReportOptions())
        with pytest.raises(ReportWriteError, match="no such folder"):
            build_report(plan, tmp_path / "missing" / "r.pdf", ReportOptions())
    assert digest(example) == before


def test_a_report_that_cannot_be_written_leaves_the_old_one(
        example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    target = folder / "report.pdf"
    target.write_bytes(b"the earlier report")

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("report.builder.os.fsync", full)
    with open_snapshot(example) as plan, \
            pytest.raises(ReportWriteError, match="report.pdf: the disk is full"):
        build_report(plan, target, ReportOptions())
    assert target.read_bytes() == b"the earlier report"
    assert [p.name for p in folder.iterdir()] == ["report.pdf"]


def test_an_older_plan_exports_and_is_left_as_it_was(tmp_path: Path) -> None:
    old = tmp_path / "plans" / "old.tandem"
    old.parent.mkdir()
    shutil.copy(DATA / "plan-v3.tandem", old)
    before = digest(old)
    target = old.parent / "report.pdf"
    export(old, target)
    text = flat(pdf_text(target))
    assert "Rachel" in text and "Counter-offer from Amazon" not in text  # her private draft
    assert digest(old) == before
    assert sorted(p.name for p in old.parent.iterdir()) == ["old.tandem", "report.pdf"]


def test_every_section_key_is_known_to_the_options() -> None:
    from report.sections import MODULES

    assert set(MODULES) <= set(KEYS)
    assert all(hasattr(module, "story") and hasattr(module, "points")
               for module in MODULES.values())


def test_a_new_season_shows_in_the_lead_balance(plan_path: Path, tmp_path: Path) -> None:
    with PlanFile.open(plan_path) as plan:
        ana, _bo = partners(plan)
        plan.apply(new_season(ana.uuid, "Ana’s residency", date(2025, 1, 1), date(2026, 12, 31)),
                   Viewer.partner(ana.uuid))
    target = tmp_path / "report.pdf"
    export(plan_path, target)
    text = flat(pdf_text(target))
    assert "Ana’s residency" in text
    assert "Bo’s career has no season of its own yet" in text


def test_every_exercise_has_its_section_with_its_key_facts(example: Path,
                                                          tmp_path: Path) -> None:
    from models.opportunities import opportunity_summary
    from models.privacy import REPORT

    target = tmp_path / "report.pdf"
    export(example, target)
    text = flat(pdf_text(target))
    with open_snapshot(example) as plan:
        seattle = next(row for row in opportunity_summary(plan, REPORT).opportunities
                       if row.title == "Seattle: Head of Platform")
    assert "Seattle: Head of Platform" in text
    assert (f"{seattle.totals[0].rounded} {seattle.totals[1].rounded} "
            f"{seattle.combined.rounded}") in text  # Rachel's, Marcus's and the combined total
    for fact in ("Opportunities", "The ranking", "What matters, and how much",
                 "Both partners’ scores", "To talk about",
                 "A day in the life", "A workday five years from now",
                 "I do the daycare drop-off every morning at eight",  # from Marcus's vision
                 "Check-ins", "The latest check-in: 22 Aug 2026",
                 "Work-life balance reflects both partners' needs", "2 · A little",
                 "Where they saw things differently", "Red flags"):
        assert fact in text, fact
    first_page = flat(PdfReader(target).pages[1].extract_text())
    assert "Opportunities:" in first_page and "A day in the life" in first_page
    assert "Check-in of 22 Aug 2026" in first_page


def test_no_exercise_lets_a_private_word_into_the_report(tmp_path: Path) -> None:
    """plan-v7 holds something private of every exercise: an unrevealed
    vision, unrevealed ratings with notes, a private red flag, scores of an
    opportunity not yet revealed."""
    from models.checklist import ratings
    from models.red_flags import red_flags
    from models.visions import scenarios, visions

    path = tmp_path / "plan-v7.tandem"
    shutil.copy(DATA / "plan-v7.tandem", path)
    target = tmp_path / "report.pdf"
    export(path, target)
    text = flat(pdf_text(target))
    secrets = ("🤐", "private until Marcus is done", "qx-77", "zv-31",
               "Marcus's private flag note")
    for secret in secrets:
        assert secret not in text, secret
        assert secret.encode() not in target.read_bytes()
    assert "Shared worry <i>" in text  # the shared red flag is there
    assert "Chicago partner track" in text  # not revealed: only who is done scoring it
    assert "Rachel is done" in text
    # Each secret is in the plan, for its author: the checks above can fail.
    with open_snapshot(path) as plan:
        rachel, marcus = partners(plan)
        mine = Viewer.partner(rachel.uuid)
        seattle = next(s for s in scenarios(plan) if "Seattle" in s.title)
        assert "🤐" in visions(plan, mine, seattle.uuid)[rachel.uuid].text("tasks")
        assert any("qx-77" in r.note for r in ratings(plan, mine))
        assert any("zv-31" in f.note for f in red_flags(plan, Viewer.partner(marcus.uuid)))


def test_with_every_part_chosen_the_contents_go_on_over_the_next_page(tmp_path: Path) -> None:
    """A long contents splits after the cover rather than leaving the cover
    with a heading alone; the counselor's page follows it."""
    plan_path = tmp_path / "example.tandem"
    PlanFile.create(plan_path, rows_from_dict(resources.load_json(
        "examples/rachel-and-marcus.json"))).close()
    target = tmp_path / "all.pdf"
    with PlanFile.open(plan_path) as plan:
        build_report(plan, target, ReportOptions(sections=KEYS))
    pages = [page.extract_text() for page in PdfReader(target).pages]
    assert "Contents" in pages[0] and "For the counselor" in pages[0]
    assert "Support structures" in pages[1] and "Contents" not in pages[1]
    assert pages[2].splitlines()[2] == "For the counselor", "after the footer's lines"
