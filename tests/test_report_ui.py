"""File ▸ Export Report… and File ▸ Print… as a couple uses them: the
choices, the background work, what is said when it is done or cannot be."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from models.partners import partners
from models.privacy import Viewer
from models.roadmap import new_item
from report.options import default_page_size
from tests.helpers import answer_dialog
from ui.window.main_window import MainWindow
from ui.window.report_export import OptionsDialog, paint_pdf, suggested_report_path

SECRET = "Private thought ✶ rz-4410"


@pytest.fixture
def window(qtbot: QtBot, plan_path: Path) -> Iterator[MainWindow]:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_plan(plan_path)
    yield win
    win.close()


def pdf_text(path: Path) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(path).pages)


def add_items(window: MainWindow) -> None:
    document = window.document
    assert document is not None
    ana, _bo = partners(document.plan)
    me = Viewer.partner(ana.uuid)
    document.plan.apply(new_item("job", "Data lead", date(2027, 1, 1), date(2028, 1, 1),
                                 ana.uuid, viewer=me), me)
    document.plan.apply(new_item("job_offer", SECRET, date(2027, 9, 1), None, ana.uuid, viewer=me,
                                 draft=True), me)


def test_export_writes_what_the_couple_chose_and_offers_to_open_it(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    add_items(window)
    target = tmp_path / "for the counselor.pdf"
    saved: list[str] = []

    def choose(dialog: OptionsDialog) -> None:
        assert dialog.windowTitle() == "Export Report"
        dialog.findChild(QCheckBox, "section_counselor").setChecked(False)
        assert dialog.findChild(QCheckBox, "includeNotes").isChecked()
        dialog.accept()
        answer_dialog(qtbot, where)

    def where(dialog: QFileDialog) -> None:
        assert dialog.windowTitle() == "Save the Counselor Report"
        dialog.findChild(QLineEdit).setText(str(target))
        dialog.accept()

    answer_dialog(qtbot, choose)
    window.export_report()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "reportSaved") is not None,
                    timeout=20_000)
    box = window.findChild(QMessageBox, "reportSaved")
    saved.append(box.text())
    assert str(target) in saved[0] and "pages" in saved[0]
    text = pdf_text(target)
    assert "Data lead" in text and "The roadmap" in text
    assert "For the counselor" not in text  # left out by the couple
    assert "rz-4410" not in text  # Ana's private draft, even when Ana makes the report
    box.close()


def test_export_with_no_section_cannot_be_asked(qtbot: QtBot, window: MainWindow) -> None:
    dialog = OptionsDialog("Export Report", "&Export…", True, window)
    qtbot.addWidget(dialog)
    for check in dialog.form.sections.values():
        check.setChecked(False)
    assert not dialog.ok_button.isEnabled()
    dialog.form.sections["roadmap"].setChecked(True)
    assert dialog.ok_button.isEnabled()


def test_the_paper_follows_the_locale_and_the_name_the_plan(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    dialog = OptionsDialog("Export Report", "&Export…", True, window)
    qtbot.addWidget(dialog)
    paper = dialog.findChild(QComboBox, "pageSize")
    assert paper.currentText() in ("A4", "Letter")
    assert default_page_size("en_US.UTF-8") == "Letter" and default_page_size("de_DE") == "A4"
    assert window.document is not None
    assert suggested_report_path(window.document).name == "Ana & Bo – counselor report.pdf"


def test_an_export_that_cannot_be_written_says_why_in_place(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from report.options import ReportOptions
    from ui.window.report_export import make_report

    assert window.document is not None
    messages: list[str] = []

    def read(box: QMessageBox) -> None:
        messages.append(box.text())
        box.close()

    answer_dialog(qtbot, read, timeout=20)
    make_report(window, window.document, tmp_path / "gone" / "r.pdf", ReportOptions(),
                lambda pages: messages.append(f"written {pages}"))
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert "there is no such folder" in messages[0]


def test_print_paints_every_page_of_the_report_onto_the_printer(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from report.options import ReportOptions
    from ui.window.report_export import make_report

    add_items(window)
    assert window.document is not None
    report = tmp_path / "report.pdf"
    pages: list[int] = []
    make_report(window, window.document, report, ReportOptions(), pages.append)
    qtbot.waitUntil(lambda: bool(pages), timeout=20_000)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    printer.setResolution(72)
    paint_pdf(printer, report)
    assert len(PdfReader(printed).pages) == pages[0] == len(PdfReader(report).pages)
