"""Print preview of a PDF made by ``desktop/reports`` (issue 3 item 8): every page in a scrolling
QPdfView fitted to the width, with 打印… (QPrinter + QPrintDialog, pages rendered by QPdfDocument),
另存为… (copies the file) and 关闭. Without QtPdf the dialog says so and offers to open the file in
the system viewer instead.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

try:  # QtPdf ships in PySide6_Addons; a trimmed install may lack it.
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_QTPDF = True
except ImportError:  # pragma: no cover - depends on the installed wheel
    QPdfDocument = None  # type: ignore[assignment,misc]
    QPdfView = None  # type: ignore[assignment,misc]
    HAVE_QTPDF = False

log = logging.getLogger(__name__)

PRINT_DPI = 300


class PrintPreviewDialog(QDialog):
    """Shows the PDF at ``pdf_path``; ``suggested_name`` is offered by 另存为…."""

    def __init__(self, pdf_path: str | Path, parent: QWidget | None = None, *, title: str | None = None,
                 suggested_name: str | None = None) -> None:
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.suggested_name = suggested_name or self.pdf_path.name
        self.setWindowTitle(title or self.tr("Print preview"))
        self.resize(1000, 700)
        self.document = None
        self.view = None

        layout = QVBoxLayout(self)
        self.buttons = QDialogButtonBox(self)
        self.print_button: QPushButton | None = None
        self.open_button: QPushButton | None = None

        if HAVE_QTPDF:
            self.document = QPdfDocument(self)
            error = self.document.load(str(self.pdf_path))
            self.view = QPdfView(self)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.view.setDocument(self.document)
            layout.addWidget(self.view, 1)
            if error != QPdfDocument.Error.None_:
                log.warning("cannot load %s: %s", self.pdf_path, error)
                self.message = QLabel(self.tr("The PDF file cannot be shown."), self)
                layout.addWidget(self.message)
            self.print_button = self.buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
            self.print_button.clicked.connect(self.print_document)
            self.print_button.setEnabled(self.page_count() > 0)
        else:
            self.message = QLabel(
                self.tr("The PDF preview is not available on this computer (QtPdf is missing). "
                        "Open the file in the system PDF viewer to read or print it."),
                self,
            )
            self.message.setWordWrap(True)
            self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(self.message, 1)
            self.open_button = self.buttons.addButton(self.tr("Open"), QDialogButtonBox.ButtonRole.ActionRole)
            self.open_button.clicked.connect(self.open_externally)

        self.save_button = self.buttons.addButton(self.tr("Save as…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_as)
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def open_externally(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf_path)))

    def save_as(self) -> Path | None:
        """Ask for a file name and copy the PDF there; the new path, or None when cancelled."""
        start = str(Path.home() / self.suggested_name)
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Save PDF as"), start, self.tr("PDF files (*.pdf)"))
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            if target.resolve() != self.pdf_path.resolve():
                shutil.copyfile(self.pdf_path, target)
        except OSError as exc:
            log.warning("save as %s failed: %s", target, exc)
            QMessageBox.warning(self, self.tr("Save as"), self.tr("The file could not be saved: %1").replace(
                "%1", str(exc)))
            return None
        return target

    def print_document(self) -> bool:
        """Show the print dialog and print the chosen pages; True when something was sent."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.document is None or self.page_count() == 0:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.render_to(printer)

    def render_to(self, printer) -> bool:
        """Render the pages the printer asks for (all when no range) into its painter."""
        count = self.page_count()
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0 or last <= 0:
            first, last = 1, count
        first, last = max(1, first), min(count, last)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Print"), self.tr("The printer could not be started."))
            return False
        try:
            for number in range(first, last + 1):
                if number > first:
                    printer.newPage()
                area = painter.viewport()
                size_pt = self.document.pagePointSize(number - 1)
                dpi = min(PRINT_DPI, printer.resolution())
                image = self.document.render(
                    number - 1, QSize(int(size_pt.width() * dpi / 72), int(size_pt.height() * dpi / 72))
                )
                scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                x = area.x() + (area.width() - scaled.width()) // 2
                y = area.y() + (area.height() - scaled.height()) // 2
                painter.drawImage(QRect(x, y, scaled.width(), scaled.height()), image)
        finally:
            painter.end()
        return True
