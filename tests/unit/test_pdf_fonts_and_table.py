"""CJK fonts for ReportLab and the ledger-style table PDF (DESIGN.md §5)."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from desktop.errors import Cancelled, StationDeskError
from desktop.reports import fonts
from desktop.reports.pdf_table import write_table_pdf

COLUMNS = [("编号", "text", 1.2), ("报警时间", "datetime", 1.4), ("事由", "text", 4), ("处置民警", "text", 1),
           ("金额", "money", 1)]


def _rows(n=120):
    from datetime import datetime

    for i in range(n):
        reason = f"东山路{i}号居民反映邻里噪音纠纷，经民警现场调解双方达成谅解" * (1 + i % 3)
        yield (f"DS-2026-{i:04d}", datetime(2026, 11, 23, 8, i % 60), reason, "张伟", 1234.5 + i)


@pytest.fixture
def fresh_fonts():
    fonts.reset_cache()
    yield
    fonts.reset_cache()


def test_fonts_found_on_this_machine(fresh_fonts):
    fs = fonts.load_fonts()
    for role in fonts.ROLES:
        assert getattr(fs, role)
        assert fs.paths[role].lower().endswith((".ttf", ".ttc"))
    assert fonts.load_fonts() is fs  # registered once


def test_error_when_no_font(fresh_fonts, monkeypatch):
    monkeypatch.setattr(fonts, "candidates", lambda role: [])
    with pytest.raises(StationDeskError) as info:
        fonts.load_fonts()
    assert "未找到可嵌入的中文字体" in str(info.value)
    assert "fonts-wqy-microhei" in str(info.value)


def test_cff_font_is_skipped(fresh_fonts, monkeypatch, tmp_path):
    bogus = tmp_path / "NotoSansCJK-Regular.ttc"
    bogus.write_bytes(b"OTTO" + b"\0" * 64)
    real = fonts.candidates("song")
    monkeypatch.setattr(fonts, "candidates", lambda role: [str(bogus), *real])
    fs = fonts.load_fonts()
    assert fs.paths["song"] != str(bogus)


def _fonts_in(reader):
    found = []
    for page in reader.pages:
        res = page["/Resources"]
        for _name, ref in res.get("/Font", {}).items():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            targets = [d.get_object() for d in descendants] if descendants else [font]
            for f in targets:
                found.append((str(f.get("/BaseFont")), f.get("/FontDescriptor")))
    return found


def test_table_pdf_120_rows(tmp_path):
    out = tmp_path / "台账.pdf"
    seen = []
    n = write_table_pdf(out, title="矛盾纠纷台账", subtitle="东山派出所 2026年11月", columns=COLUMNS, rows=_rows(),
                        progress=lambda d, t, s: seen.append(d))
    assert n == 120 and seen[-1] == 120
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    reader = PdfReader(str(out))
    assert len(reader.pages) > 1
    text = "".join(p.extract_text() for p in reader.pages)
    assert "矛盾纠纷台账" in text
    assert "DS-2026-0119" in text
    assert "- 1 -" in reader.pages[0].extract_text()
    assert "- 2 -" in reader.pages[1].extract_text()
    used = _fonts_in(reader)
    assert used
    for name, desc in used:
        assert desc is not None, name
        assert "/FontFile2" in desc.get_object(), name


def test_cancel_leaves_no_file(tmp_path):
    out = tmp_path / "x.pdf"
    with pytest.raises(Cancelled):
        write_table_pdf(out, title="台账", columns=COLUMNS, rows=_rows(), cancel=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_portrait_and_empty(tmp_path):
    out = tmp_path / "empty.pdf"
    assert write_table_pdf(out, title="工单台账", columns=COLUMNS, rows=[], landscape=False) == 0
    page = PdfReader(str(out)).pages[0]
    assert float(page.mediabox.width) < float(page.mediabox.height)
