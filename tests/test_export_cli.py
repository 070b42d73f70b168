"""``tandem export``, as a person runs it in a terminal: a real process, with
no display and no Qt, its messages and its exit codes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

import resources
from models.exchange import rows_from_dict
from models.plan_file import PlanFile
from report.cli import PLAN_ERROR, USAGE_ERROR, WRITE_ERROR
from tests.helpers import digest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"


def run(*args: str | Path, extra: str = "") -> subprocess.CompletedProcess[str]:
    """``python main.py export ARGS`` with no display at all."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    code = ("import sys, main\n"
            "try:\n"
            "    code = main.main(['main.py', 'export', *sys.argv[1:]])\n"
            "except SystemExit as exit:\n"
            "    code = exit.code\n"
            f"{extra}"
            "sys.exit(code)\n")
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True,
                          text=True, timeout=120, env=env, cwd=ROOT)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "Rachel & Marcus.tandem"
    PlanFile.create(path, rows_from_dict(resources.load_json("examples/rachel-and-marcus.json"))
                    ).close()
    return path


def test_export_writes_the_report_without_qt_and_leaves_the_plan(example: Path,
                                                                tmp_path: Path) -> None:
    before = digest(example)
    target = tmp_path / "report.pdf"
    result = run(example, target, extra=(
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))], "
        "'Qt was imported'\n"))
    assert result.returncode == 0, result.stderr
    pages = len(PdfReader(target).pages)
    assert result.stdout.strip() == f"Wrote {target} ({pages} pages)."
    assert "Marcus leads: Making partner" in " ".join(
        (p.extract_text() or "") for p in PdfReader(target).pages)
    assert digest(example) == before


def test_the_drawing_and_the_report_import_no_qt() -> None:
    code = ("import sys\n"
            "import report.builder, report.cli, report.roadmap_drawing, report.roadmap_pages\n"
            "import report.charts, report.sections\n"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui'))]\n"
            "print(bad)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_export_works_while_tandem_holds_the_plan_open(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    with PlanFile.open(example):  # as the app does: open, locked
        result = run(example, target)
    assert result.returncode == 0, result.stderr
    assert target.stat().st_size > 10_000


def test_export_reads_a_read_only_plan_and_an_older_format(tmp_path: Path) -> None:
    old = tmp_path / "old.tandem"
    shutil.copy(DATA / "plan-v2.tandem", old)
    old.chmod(0o444)
    before = digest(old)
    result = run(old, tmp_path / "report.pdf")
    assert result.returncode == 0, result.stderr
    assert digest(old) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == [
        "old.tandem", "report.pdf"]  # no backup, no journal: nothing written beside it


@pytest.mark.parametrize(("make", "message"), [
    (lambda folder: folder / "missing.tandem", "the file does not exist"),
    (lambda folder: _write(folder / "notes.tandem", b"just some notes\n" * 40),
     "not a Tandem plan"),
    (lambda folder: _write(folder / "empty.tandem", b""), "empty"),
])
def test_a_plan_that_cannot_be_read_says_why(tmp_path: Path, make: object,
                                             message: str) -> None:
    plan = make(tmp_path)  # type: ignore[operator]
    result = run(plan, tmp_path / "report.pdf")
    assert result.returncode == PLAN_ERROR
    assert result.stderr.startswith("tandem export: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "report.pdf").exists()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_report_that_cannot_be_written_says_why(example: Path, tmp_path: Path) -> None:
    result = run(example, tmp_path / "no such folder" / "report.pdf")
    assert result.returncode == WRITE_ERROR
    assert "there is no such folder" in result.stderr
    result = run(example, example)
    assert result.returncode == WRITE_ERROR
    assert "is the plan itself" in result.stderr


def test_a_command_not_understood_says_how_to_use_it(example: Path, tmp_path: Path) -> None:
    result = run(example, tmp_path / "r.pdf", "--sections", "roadmap,horoscope")
    assert result.returncode == USAGE_ERROR
    assert "unknown section horoscope" in result.stderr
    assert "choose from counselor, roadmap" in result.stderr
    result = run(example)
    assert result.returncode == USAGE_ERROR
    assert "the following arguments are required: report" in result.stderr


def test_help_explains_sections_paper_and_exit_codes() -> None:
    result = run("--help")
    assert result.returncode == 0
    for text in ("tandem export", "--sections", "--page-size {A4,Letter}", "--no-notes",
                 "Only what both partners have shared", "never changed", "exit codes",
                 "counselor", "day_in_the_life"):
        assert text in result.stdout, text


def test_sections_and_paper_from_the_command_line(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    result = run(example, target, "--sections", "roadmap", "--page-size", "Letter",
                 "--no-notes")
    assert result.returncode == 0, result.stderr
    reader = PdfReader(target)
    assert round(float(reader.pages[0].mediabox.width)) == 612
    text = " ".join((p.extract_text() or "") for p in reader.pages)
    assert "The roadmap" in text and "For the counselor" not in text
    assert "Visits every other" not in text


def test_no_module_an_export_loads_is_left_out_of_the_installed_app(example: Path,
                                                                    tmp_path: Path) -> None:
    """The frozen app leaves out modules Tandem never needs; a library that
    needs one after all (matplotlib's pyparsing imports unittest) would make
    the installed `tandem export` fail, so a real export is watched here."""
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import bundle
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    result = run(example, tmp_path / "report.pdf",
                 extra="print('\\n'.join(sorted(sys.modules)))\n")
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    assert "matplotlib" in loaded and "reportlab" in loaded  # the charts were drawn
    left_out = {name for name in loaded for excluded in bundle.EXCLUDED_MODULES
                if name == excluded or name.startswith(f"{excluded}.")}
    assert left_out == set()


def test_by_default_the_personal_sections_stay_out_until_named(example: Path,
                                                               tmp_path: Path) -> None:
    default, everything = tmp_path / "default.pdf", tmp_path / "all.pdf"
    assert run(example, default).returncode == 0
    from report.options import KEYS

    assert run(example, everything, "--sections", ",".join(KEYS)).returncode == 0
    plain = " ".join(page.extract_text() for page in PdfReader(default).pages)
    full = " ".join(page.extract_text() for page in PdfReader(everything).pages)
    for personal in ("Support structures", "Support inventory", "Opportunities passed up"):
        assert personal not in plain and personal in full
    assert "Goals and wins" in plain, "not personal: in by default"
