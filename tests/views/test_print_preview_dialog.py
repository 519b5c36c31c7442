"""PrintPreviewDialog shows a report PDF, prints it page by page and saves a copy."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from desktop.reports.pdf_table import write_table_pdf
from desktop.views import print_preview_dialog as ppd
from desktop.views.print_preview_dialog import PrintPreviewDialog

COLUMNS = [("编号", "text", 1), ("事由", "text", 4), ("处置民警", "text", 1)]


@pytest.fixture
def pdf(tmp_path):
    path = tmp_path / "ledger.pdf"
    rows = [(f"GD-{i:04d}", f"第{i}号工单：群众来电反映小区停车纠纷，已派民警处置", "李娜") for i in range(120)]
    write_table_pdf(path, title="工单台账", columns=COLUMNS, rows=rows)
    return path


def test_shows_every_page(qtbot, pdf):
    dialog = PrintPreviewDialog(pdf)
    qtbot.addWidget(dialog)
    dialog.show()
    expected = len(PdfReader(str(pdf)).pages)
    assert expected > 1
    assert dialog.page_count() == expected
    assert dialog.view.document() is dialog.document
    assert dialog.print_button.isEnabled()


def test_save_as_copies_the_file(qtbot, pdf, tmp_path, monkeypatch):
    dialog = PrintPreviewDialog(pdf)
    qtbot.addWidget(dialog)
    target = tmp_path / "out" / "副本"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    saved = dialog.save_as()
    assert saved == target.with_name("副本.pdf")
    assert saved.read_bytes() == pdf.read_bytes()

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert dialog.save_as() is None


def test_render_to_printer(qtbot, pdf, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    dialog = PrintPreviewDialog(pdf)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.render_to(printer)
    assert len(PdfReader(str(out)).pages) == dialog.page_count()


def test_without_qtpdf_offers_open(qtbot, pdf, monkeypatch):
    monkeypatch.setattr(ppd, "HAVE_QTPDF", False)
    opened = []
    monkeypatch.setattr(ppd.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    dialog = PrintPreviewDialog(pdf)
    qtbot.addWidget(dialog)
    assert dialog.print_button is None and dialog.view is None
    assert "QtPdf" in dialog.message.text()
    dialog.open_button.click()
    assert opened == [str(pdf)]
