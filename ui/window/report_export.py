"""File ▸ Export Report… and File ▸ Print…: the counselor report, made in the
background from a snapshot of the plan, then opened in the system's viewer or
sent to a printer.

Printing renders the very PDF the export writes, page by page, with PDFium
(``pypdfium2``) into the ``QPrinter`` behind Qt's print preview: the paper
then matches the file exactly, there is a real preview, and it works the same
on every system (Qt's own PDF module is not in PySide6-Essentials, and handing
the file to the system's print service would give no preview).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QLocale,
    QObject,
    QRectF,
    QStandardPaths,
    Qt,
    QThread,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QDesktopServices, QImage, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from models.errors import TandemError
from models.plan_file import PlanFile
from report.options import PAGE_SIZES, SECTIONS, ReportOptions, default_page_size, ordered
from ui.dates import date_format
from ui.document import PlanDocument
from ui.messages import show_error
from ui.style import HINT_STYLE

#: The report jobs under way, kept alive until they end.
_JOBS: set[ReportTask] = set()


class ReportOptionsForm(QWidget):
    """Which sections, which paper, and whether the notes go in."""

    def __init__(self, with_paper: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox("Sections")
        rows = QVBoxLayout(box)
        self.sections: dict[str, QCheckBox] = {}
        for section in SECTIONS:
            # Personal parts start unticked, and say so, so that their absence
            # is a choice the couple sees rather than a puzzle.
            check = QCheckBox(section.title if section.default
                              else f"{section.title} (personal: in only if you tick it)")
            check.setObjectName(f"section_{section.key}")
            check.setChecked(section.default)
            check.setToolTip(f"{section.title}: {section.about}")
            rows.addWidget(check)
            self.sections[section.key] = check
        layout.addWidget(box)
        form = QFormLayout()
        self.page_size = QComboBox()
        self.page_size.setObjectName("pageSize")
        for size in PAGE_SIZES:
            self.page_size.addItem(size, size)
        territory = QLocale.territoryToCode(QLocale().territory())
        self.page_size.setCurrentIndex(PAGE_SIZES.index(default_page_size(territory)))
        self.page_size.setToolTip("A4 in most of the world, Letter in North America")
        if with_paper:
            form.addRow("&Paper:", self.page_size)
        self.notes = QCheckBox("Include &notes")
        self.notes.setObjectName("includeNotes")
        self.notes.setChecked(True)
        self.notes.setToolTip("The notes you wrote on roadmap items, opportunities and "
                              "check-ins: personal, and sometimes long")
        form.addRow(self.notes)
        layout.addLayout(form)
        hint = QLabel("Only what both of you have shared goes into the report: nothing "
                      "either of you keeps private.")
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        layout.addWidget(hint)

    def options(self, page_size: str | None = None) -> ReportOptions:
        keys = [key for key, check in self.sections.items() if check.isChecked()]
        return ReportOptions(sections=ordered(keys),
                             page_size=page_size or str(self.page_size.currentData()),
                             notes=self.notes.isChecked())


class OptionsDialog(QDialog):
    def __init__(self, title: str, action: str, with_paper: bool,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reportOptions")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)  # the title and the privacy sentence read whole
        layout = QVBoxLayout(self)
        self.form = ReportOptionsForm(with_paper)
        layout.addWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(action)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for check in self.form.sections.values():
            check.toggled.connect(self._update)

    def _update(self) -> None:
        self.ok_button.setEnabled(any(c.isChecked() for c in self.form.sections.values()))


class ReportJob(QObject):
    """Writes a report from a snapshot, on a thread of its own."""

    progressed = Signal(int, int, str)
    finished = Signal(int)  # pages
    failed = Signal(str)
    cancelled_here = Signal()

    def __init__(self, snapshot: PlanFile, target: Path, options: ReportOptions):
        super().__init__()
        self.snapshot, self.target, self.options = snapshot, target, options
        self.dates = date_format()  # read here: the locale belongs to the interface thread
        self.cancelled = False

    def run(self) -> None:
        from report.builder import ReportCancelled, build_report

        def progress(done: int, total: int, what: str) -> bool:
            self.progressed.emit(done, total, what)
            return not self.cancelled

        try:
            pages = build_report(self.snapshot, self.target, self.options, progress,
                                 dates=self.dates)
        except ReportCancelled:
            self.cancelled_here.emit()
        except TandemError as error:
            self.failed.emit(error.message)
        except Exception as error:  # an export must never take the app down
            self.failed.emit(f"The report could not be made ({type(error).__name__}: {error}).")
        else:
            self.finished.emit(pages)
        finally:
            self.snapshot.close()


class ReportTask(QObject):
    """One report being made: the job on its thread, and here, on the
    interface thread, the progress dialog and what happens at the end (the
    job's signals reach these slots queued, in this object's thread)."""

    def __init__(self, parent: QWidget, job: ReportJob, done: Callable[[int], object]):
        super().__init__(parent)
        self.parent_widget, self.job, self.done = parent, job, done
        self.worker = QThread(self)
        job.moveToThread(self.worker)
        self.progress = QProgressDialog("Making the report…", "Cancel", 0, 0, parent)
        self.progress.setObjectName("reportProgress")
        self.progress.setWindowTitle("Counselor Report")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)
        self.progress.canceled.connect(self.cancel)
        job.progressed.connect(self.step)
        job.finished.connect(self.written)
        job.failed.connect(self.failed)
        job.cancelled_here.connect(self.end)
        self.worker.started.connect(job.run)

    def start(self) -> None:
        _JOBS.add(self)
        self.worker.start()

    @Slot()
    def cancel(self) -> None:
        self.job.cancelled = True

    @Slot(int, int, str)
    def step(self, at: int, total: int, what: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(at)
        self.progress.setLabelText(what)

    @Slot()
    def end(self) -> None:
        self.progress.canceled.disconnect(self.cancel)
        self.progress.close()
        self.progress.deleteLater()
        self.worker.quit()
        self.worker.wait()
        _JOBS.discard(self)
        self.deleteLater()

    @Slot(int)
    def written(self, pages: int) -> None:
        self.end()
        self.done(pages)

    @Slot(str)
    def failed(self, message: str) -> None:
        self.end()
        show_error(self.parent_widget, message)


def make_report(parent: QWidget, document: PlanDocument, target: Path, options: ReportOptions,
                done: Callable[[int], object]) -> ReportTask:
    """Write a report in the background with a progress dialog; ``done(pages)``
    is called on the interface thread once it is written."""
    job = ReportJob(document.plan.snapshot(), target, options)  # quick, on this thread
    task = ReportTask(parent, job, done)
    task.start()
    return task


# -- export --------------------------------------------------------------------------

def suggested_report_path(document: PlanDocument) -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home()) / f"{document.plan.path.stem} – counselor report.pdf"


def export_report(parent: QWidget, document: PlanDocument) -> None:
    """Choose sections, paper and notes; choose where; write it; offer to open it."""
    dialog = OptionsDialog("Export Report", "&Export…", True, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    options = dialog.form.options()
    chooser = QFileDialog(parent, "Save the Counselor Report",
                          str(suggested_report_path(document)), "PDF documents (*.pdf)")
    chooser.setObjectName("reportPath")
    chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    chooser.setDefaultSuffix("pdf")
    chooser.selectFile(suggested_report_path(document).name)
    if chooser.exec() != QDialog.DialogCode.Accepted or not chooser.selectedFiles():
        return
    target = Path(chooser.selectedFiles()[0])
    make_report(parent, document, target, options, lambda pages: _offer_to_open(parent, target,
                                                                                pages))


def _offer_to_open(parent: QWidget, target: Path, pages: int) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, "Report Saved",
                      f"The counselor report is saved ({pages} pages):\n\n{target}",
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("reportSaved")
    box.setTextFormat(Qt.TextFormat.PlainText)
    open_button = box.addButton("&Open It", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(open_button)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def clicked(button: object) -> None:
        if button is open_button and \
                not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            show_error(parent, f"No program here opens PDF documents. The report is "
                               f"saved as:\n\n{target}")

    box.buttonClicked.connect(clicked)
    box.open()


# -- print ---------------------------------------------------------------------------

def print_report(parent: QWidget, document: PlanDocument) -> None:
    """The same report, previewed and printed through the system's print dialog."""
    dialog = OptionsDialog("Print Report", "&Preview…", False, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    size = printer.pageLayout().pageSize().id().name  # "A4", "Letter"...
    options = dialog.form.options(size if size in ("A4", "Letter") else None)
    folder = Path(tempfile.mkdtemp(prefix="tandem-print-"))
    target = folder / "report.pdf"
    make_report(parent, document, target, options,
                lambda _pages: preview_pdf(parent, printer, target))


def preview_pdf(parent: QWidget, printer: QPrinter, pdf: Path) -> QPrintPreviewDialog:
    """Qt's print preview of ``pdf``, each page rendered by PDFium for the printer."""
    preview = QPrintPreviewDialog(printer, parent)
    preview.setObjectName("reportPreview")
    preview.setWindowTitle("Print the Counselor Report")
    preview.paintRequested.connect(lambda target: paint_pdf(target, pdf))
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.open()
    return preview


def paint_pdf(printer: QPrinter, pdf: Path) -> None:
    """Every page of ``pdf`` onto ``printer``, rendered at the printer's
    resolution (at most 300 dpi, so a preview stays quick)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    painter = QPainter(printer)
    try:
        page_rect = printer.pageLayout().paintRectPixels(printer.resolution())
        dpi = min(printer.resolution(), 300)
        for number in range(len(document)):
            if number:
                printer.newPage()
            page = document[number]
            width_pt, height_pt = page.get_size()
            scale = min(page_rect.width() / width_pt, page_rect.height() / height_pt)
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # RGB, as Qt reads it
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888).copy()  # the memory is PDFium's
            bitmap.close()
            page.close()
            painter.drawImage(QRectF(0, 0, width_pt * scale, height_pt * scale), image)
    finally:
        painter.end()
        document.close()
