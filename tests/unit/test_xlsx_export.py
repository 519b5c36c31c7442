"""write_table_xlsx: reopened with openpyxl, the workbook has a bold frozen header, real dates and
numbers, inert formula-looking text, intact Chinese, widths from content; writes are atomic."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from desktop.errors import Cancelled
from desktop.reports.xlsx_export import display_width, write_table_xlsx

COLUMNS = [("编号", "text"), ("报警时间", "datetime"), ("日期", "date"), ("次数", "int"), ("地址", "text"),
           ("已处理", "bool")]
ROWS = [
    ("JQ001", datetime(2025, 3, 5, 14, 7, 33), date(2025, 3, 5), 3, "解放路128号金色家园２栋", True),
    ("JQ002", datetime(2025, 3, 6, 9, 0), date(2025, 3, 6), 12, "=HYPERLINK(\"http://x\",\"点\")", False),
    ("JQ003", None, None, None, "+86 138", None),
    ("JQ004", datetime(2025, 3, 7, 23, 59), date(2025, 3, 7), 0, "-1", True),
    ("JQ005", datetime(2025, 3, 8, 0, 0), date(2025, 3, 8), 7, "@SUM(A1:A2)", False),
    ("=1+1", datetime(2025, 3, 9, 1, 2), date(2025, 3, 9), -4, "多行\n文本\x07", True),
]


def _write(tmp_path, rows=ROWS, **kw):
    path = tmp_path / "警情列表.xlsx"
    n = write_table_xlsx(path, title="警情列表", columns=COLUMNS, rows=iter(rows), **kw)
    return path, n


def test_header_types_and_freeze(tmp_path):
    path, n = _write(tmp_path)
    assert n == len(ROWS)
    ws = load_workbook(path).active
    assert ws.title == "警情列表"
    assert ws.freeze_panes == "A2"
    assert [c.value for c in ws[1]] == [t for t, _ in COLUMNS]
    assert all(c.font.bold for c in ws[1])
    assert ws.max_row == len(ROWS) + 1
    first = ws[2]
    assert first[0].value == "JQ001"
    assert isinstance(first[1].value, datetime) and first[1].value == datetime(2025, 3, 5, 14, 7, 33)
    assert first[1].number_format == "yyyy-mm-dd hh:mm"
    assert first[2].value.date() == date(2025, 3, 5) and first[2].number_format == "yyyy-mm-dd"
    assert type(first[3].value) is int and first[3].value == 3
    assert first[4].value == "解放路128号金色家园２栋"
    assert first[5].value == "是"
    empty = ws[4]
    assert empty[1].value is None and empty[3].value is None


def test_formula_looking_text_stays_text(tmp_path):
    path, _n = _write(tmp_path)
    ws = load_workbook(path).active
    for ref, value in (("E3", "=HYPERLINK(\"http://x\",\"点\")"), ("E4", "+86 138"), ("E5", "-1"),
                       ("E6", "@SUM(A1:A2)"), ("A7", "=1+1")):
        cell = ws[ref]
        assert cell.data_type == "s", ref
        assert cell.value == value, ref
    assert ws["D7"].value == -4  # a negative number is still a number
    assert ws["E7"].value == "多行\n文本"  # control characters that xlsx cannot hold are dropped


def test_widths_count_cjk_double(tmp_path):
    path, _n = _write(tmp_path)
    ws = load_workbook(path).active
    assert display_width("解放路") == 6 and display_width("abc") == 3 and display_width("２") == 2
    widths = {col: ws.column_dimensions[col].width for col in "ABCDEF"}
    assert widths["E"] >= display_width("解放路128号金色家园２栋")
    assert widths["B"] >= 16  # a date and time fits
    assert widths["A"] < widths["E"]


def test_progress_cancel_and_atomic_write(tmp_path):
    rows = [(f"JQ{i:05d}", datetime(2025, 1, 1), date(2025, 1, 1), i, "x", False) for i in range(2000)]
    seen = []
    path, n = _write(tmp_path, rows, progress=lambda done, total, text: seen.append((done, total)), total=2000)
    assert n == 2000 and seen[-1] == (2000, 2000) and len(seen) >= 4
    assert sum(1 for _ in load_workbook(path, read_only=True).active.iter_rows()) == 2001
    before = path.read_bytes()

    calls = {"n": 0}

    def cancel():
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(Cancelled):
        _write(tmp_path, rows, cancel=cancel)
    assert path.read_bytes() == before  # the old file is untouched
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left

    def failing():
        yield ROWS[0]
        raise OSError("disk gone")

    with pytest.raises(OSError):
        write_table_xlsx(tmp_path / "b.xlsx", title="t", columns=COLUMNS, rows=failing())
    assert not (tmp_path / "b.xlsx").exists()
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_empty_table_and_odd_sheet_name(tmp_path):
    path = tmp_path / "e.xlsx"
    assert write_table_xlsx(path, title="a/b:c", columns=COLUMNS, rows=[]) == 0
    ws = load_workbook(path).active
    assert ws.title == "a_b_c"
    assert ws.max_row == 1 and ws.freeze_panes == "A2"
