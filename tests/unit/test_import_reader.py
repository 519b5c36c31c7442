"""Reading 110 exports: workbooks, CSV encodings and delimiters, broken files, header detection."""

from __future__ import annotations

import os
from datetime import date, datetime

import pytest
import xlsxwriter

from desktop.errors import Cancelled
from desktop.services.importing import (
    ImportFileError,
    auto_map,
    find_header,
    is_blank_row,
    is_totals_row,
    normalize_header,
    read_sheet,
)

HEADER = ["序号", "接警单编号", "报警时间", "报警人", "联系电话", "事发地址", "警情类别", "警情类型", "简要警情"]
ROW1 = ["1", "J3301022024030500001", "2024-03-05 14:07:00", "张三", "13812345678", "人民路88号门口", "治安警情",
        "殴打他人", "报警人称被人打了"]
ROW2 = ["2", "J3301022024030500002", "2024/3/5 15:30", "李四", "0731-84567890", "解放路1号", "群众求助", "开锁",
        "钥匙锁在屋里，请求开锁"]


def _csv_text(rows, delimiter=","):
    return "\r\n".join(delimiter.join(cells) for cells in rows) + "\r\n"


# --------------------------------------------------------------------------- CSV


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"), ("gb18030", "gb18030"),
     ("utf-16", "utf-16")],
)
def test_csv_encodings_are_detected(tmp_path, encoding, expected):
    path = tmp_path / "export.csv"
    path.write_bytes(_csv_text([HEADER, ROW1, ROW2]).encode(encoding))
    sheet = read_sheet(path)
    assert sheet.source == "csv"
    assert sheet.encoding == expected
    assert sheet.sheet_name is None
    assert sheet.rows[0] == HEADER
    assert sheet.rows[1] == ROW1
    assert sheet.rows[2][9:] == []  # no phantom cell from the line ending
    assert sheet.rows[2][3] == "李四"


def test_gbk_bytes_are_not_mistaken_for_utf8(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("编号,报警时间,地址\nA1,2024-03-05 14:07,城关镇\n".encode("gbk"))
    sheet = read_sheet(path)
    assert sheet.encoding == "gb18030"
    assert sheet.rows[1][2] == "城关镇"


@pytest.mark.parametrize("delimiter", [",", "\t", ";", "|"])
def test_csv_delimiters_are_sniffed(tmp_path, delimiter):
    path = tmp_path / "export.txt"
    rows = [["XX派出所警情明细表"], HEADER, ROW1, ROW2]
    path.write_text(_csv_text(rows, delimiter), encoding="utf-8")
    sheet = read_sheet(path)
    assert sheet.rows[1] == HEADER
    assert sheet.rows[3] == ROW2


def test_csv_quoted_fields_empty_cells_and_text_literals(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        '编号,报警时间,内容,电话\n'
        'A1,2024-03-05 14:07,"有逗号, 还有\n换行",="013812345678"\n'
        'A2,2024-03-05 15:00,,=1+1\n',
        encoding="utf-8",
    )
    sheet = read_sheet(path)
    assert sheet.rows[1] == ["A1", "2024-03-05 14:07", "有逗号, 还有\n换行", "013812345678"]
    # empty cell -> None; a formula-looking value stays text
    assert sheet.rows[2] == ["A2", "2024-03-05 15:00", None, "=1+1"]


def test_html_table_saved_as_xls_is_read(tmp_path):
    path = tmp_path / "export.xls"
    html = ("<html><head><meta charset='gbk'></head><body><table>"
            "<tr><th>接警单编号</th><th>报警时间</th><th>报警人</th></tr>"
            "<tr><td>J1</td><td>2024-03-05 14:07</td><td>张&nbsp;三</td></tr>"
            "<tr><td>J2</td><td>2024-03-05 15:07</td><td></td></tr>"
            "</table></body></html>")
    path.write_bytes(html.encode("gbk"))
    sheet = read_sheet(path)
    assert sheet.source == "html"
    assert sheet.rows == [["接警单编号", "报警时间", "报警人"], ["J1", "2024-03-05 14:07", "张\xa0三"],
                          ["J2", "2024-03-05 15:07", None]]


def test_tab_separated_text_saved_as_xls_is_read(tmp_path):
    path = tmp_path / "export.xls"
    path.write_bytes(_csv_text([HEADER, ROW1], "\t").encode("gbk"))
    sheet = read_sheet(path)
    assert sheet.source == "csv"
    assert sheet.rows[1] == ROW1


# --------------------------------------------------------------------------- xlsx


def _write_xlsx(path, *, hidden_first=True):
    wb = xlsxwriter.Workbook(str(path))
    if hidden_first:
        hidden = wb.add_worksheet("隐藏")
        hidden.write(0, 0, "不该读到这里")
        hidden.hide()
    wb.add_worksheet("空表")
    ws = wb.add_worksheet("警情")
    ws.activate()
    fmt = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    ws.write_string(0, 0, "城关派出所警情明细表")
    ws.write_string(1, 0, "导出时间：2024-03-06 08:00")
    ws.write_row(3, 0, ["接警单编号", "报警时间", "联系电话", "简要警情", "人数"])
    ws.write_string(4, 0, "J3301022024030500001")
    ws.write_datetime(4, 1, datetime(2024, 3, 5, 14, 7, 30), fmt)
    ws.write_number(4, 2, 13812345678)
    ws.write_string(4, 3, "=1+1")  # text that looks like a formula
    ws.write_number(4, 4, 3)
    ws.write_string(5, 0, "J3301022024030500002")
    ws.write_datetime(5, 1, date(2024, 3, 5), wb.add_format({"num_format": "yyyy-mm-dd"}))
    ws.write_formula(5, 3, "=1+1", None, 2)  # a real formula: its cached value is read, never evaluated
    ws.write_string(6, 0, "合计：2 条")
    wb.close()


def test_xlsx_first_visible_sheet_with_data_and_cell_types(tmp_path):
    path = tmp_path / "export.xlsx"
    _write_xlsx(path)
    sheet = read_sheet(path)
    assert sheet.source == "xlsx"
    assert sheet.sheet_name == "警情"
    assert sheet.encoding is None
    rows = sheet.rows
    assert rows[0][0] == "城关派出所警情明细表"
    assert is_blank_row(rows[2])  # the empty spreadsheet row 3 is kept so row numbers match
    assert rows[2] == [None] * 5
    assert rows[4][0] == "J3301022024030500001"
    assert rows[4][1] == datetime(2024, 3, 5, 14, 7, 30)
    assert rows[4][2] == 13812345678 and isinstance(rows[4][2], int | float)
    assert rows[4][3] == "=1+1"
    assert rows[4][4] == 3
    assert rows[5][1] in (date(2024, 3, 5), datetime(2024, 3, 5))
    assert rows[5][2] is None
    assert rows[5][3] == 2
    assert find_header(rows) == 3


def test_cancel_is_honoured(tmp_path):
    path = tmp_path / "export.xlsx"
    _write_xlsx(path)
    with pytest.raises(Cancelled):
        read_sheet(path, cancel=lambda: True)
    csv_path = tmp_path / "export.csv"
    csv_path.write_text(_csv_text([HEADER, ROW1]), encoding="utf-8")
    with pytest.raises(Cancelled):
        read_sheet(csv_path, cancel=lambda: True)


# --------------------------------------------------------------------------- broken files


def test_missing_file(tmp_path):
    with pytest.raises(ImportFileError) as err:
        read_sheet(tmp_path / "nope.xlsx")
    assert "找不到文件" in err.value.message and err.value.hint


def test_unsupported_extension(tmp_path):
    path = tmp_path / "export.docx"
    path.write_bytes(b"whatever")
    with pytest.raises(ImportFileError) as err:
        read_sheet(path)
    assert "不支持的文件类型" in err.value.message and ".docx" in err.value.message


@pytest.mark.parametrize("name", ["empty.xlsx", "empty.csv", "empty.xls"])
def test_empty_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(ImportFileError) as err:
        read_sheet(path)
    assert "文件是空的" in err.value.message
    assert err.value.hint


def test_whitespace_only_csv_is_empty(tmp_path):
    path = tmp_path / "blank.csv"
    path.write_text("\r\n  \r\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="文件是空的"):
        read_sheet(path)


def test_random_bytes_named_xlsx_are_corrupt(tmp_path):
    path = tmp_path / "export.xlsx"
    path.write_bytes(b"PK\x03\x04" + os.urandom(4000))
    with pytest.raises(ImportFileError) as err:
        read_sheet(path)
    assert "文件已损坏" in err.value.message
    assert "重新导出" in err.value.hint


def test_binary_garbage_named_xls_is_corrupt(tmp_path):
    path = tmp_path / "export.xls"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ImportFileError, match="文件已损坏"):
        read_sheet(path)


def test_truncated_workbook_is_corrupt(tmp_path):
    good = tmp_path / "good.xlsx"
    _write_xlsx(good, hidden_first=False)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(good.read_bytes()[:1500])
    with pytest.raises(ImportFileError, match="文件已损坏"):
        read_sheet(bad)


def test_password_protected_workbook(tmp_path):
    # An encrypted .xlsx is an OLE container holding an "EncryptedPackage" stream.
    path = tmp_path / "secret.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le")
                     + b"\x00" * 2000)
    with pytest.raises(ImportFileError) as err:
        read_sheet(path)
    assert "密码" in err.value.message
    assert "取消密码" in err.value.hint


def test_workbook_without_data(tmp_path):
    path = tmp_path / "blank.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("Sheet1")
    wb.close()
    with pytest.raises(ImportFileError, match="没有数据"):
        read_sheet(path)


def test_undecodable_csv(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"\x81\x30\xff\xfe\x80" * 50)  # neither UTF-8 nor GB18030
    with pytest.raises(ImportFileError, match="编码"):
        read_sheet(path)


# --------------------------------------------------------------------------- headers


def test_normalize_header():
    assert normalize_header(" 报警时间（时分）： ") == "报警时间"
    assert normalize_header("＊接警单编号:") == "接警单编号"
    assert normalize_header("联系\n电话") == "联系电话"
    assert normalize_header("(村)社区") == "(村)社区"
    assert normalize_header(None) == ""


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # a 2019-style export
        (["序号", "警情编号", "报警时间", "报警人", "联系电话", "发案地点", "警情类别", "警情类型", "简要警情",
          "处警单位", "处警人", "处警结果"],
         {"number": 1, "reported_at": 2, "caller_name": 3, "caller_phone": 4, "address": 5, "category": 6,
          "subtype": 7, "summary": 8, "unit": 9, "officer": 10, "disposal": 11}),
        # a newer system: other words, units and colons, full-width letters
        (["接警单号", "来电时间（年月日时分）", "报警人姓名", "主叫号码：", "事发地址", "警情大类", "警情细类",
          "报警内容", "所属社区", "所属网格", "出警单位", "出警民警", "处置结果"],
         {"number": 0, "reported_at": 1, "caller_name": 2, "caller_phone": 3, "address": 4, "category": 5,
          "subtype": 6, "summary": 7, "community": 8, "grid": 9, "unit": 10, "officer": 11, "disposal": 12}),
        # containment: longer texts that hold a synonym; look-alikes that are other columns
        (["事件编号", "报警人身份证号", "报警人联系电话(手机)", "接警时间", "案发地点详细", "处警时间",
          "警情性质", "简要案情描述"],
         {"number": 0, "caller_phone": 2, "reported_at": 3, "address": 4, "subtype": 6, "summary": 7}),
        # duplicate columns: the first wins
        (["编号", "报警时间", "接警时间", "编号"], {"number": 0, "reported_at": 1}),
    ],
)
def test_auto_map_real_header_variants(header, expected):
    assert auto_map(header) == expected


def test_find_header_skips_title_rows_and_needs_required_fields():
    rows = [
        ["XX派出所警情明细表", None, None],
        ["导出时间：2024-03-05", None, "操作员：张三"],
        [None, None, None],
        ["序号", "接警编号", "报警时间", "报警人"],
        ["1", "J001", "2024-03-05 10:00", "王五"],
    ]
    assert find_header(rows) == 3
    assert find_header(rows, scan=3) is None
    assert find_header([["报警人", "联系电话", "地址"]]) is None  # no number / time column


def test_totals_rows():
    assert is_totals_row(["合计：120 条", None, None])
    assert is_totals_row([None, "总计", "120"])
    assert is_totals_row(["共 35 条"])
    assert is_totals_row(["小计", 12])
    assert not is_totals_row(["J3301022024030500001", "2024-03-05", "合计"])
    assert not is_totals_row(["20240305000123", "合计"])
    assert not is_totals_row(["张三", "李四", "合计"])  # the word must lead the row
    assert not is_totals_row([None, None])


def test_blank_rows():
    assert is_blank_row([None, "", "  ", "\u3000", "\t\n"])
    assert is_blank_row([])
    assert not is_blank_row([None, 0])
    assert not is_blank_row(["", "x"])
