"""Cleaning export rows: times, text, numbers, phones, categories, rejections and duplicates."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from desktop.errors import Cancelled
from desktop.services.importing import (
    FIELDS,
    auto_map,
    clean_number,
    clean_text,
    content_key,
    find_header,
    parse_time,
    prepare_rows,
    preview,
    resolve_category,
)
from desktop.services.taxonomy import CATEGORIES

NOW = datetime(2024, 3, 6, 8, 0)

# --------------------------------------------------------------------------- parse_time


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024/3/5 14:07", datetime(2024, 3, 5, 14, 7)),
        ("2024-03-05 14:07:09", datetime(2024, 3, 5, 14, 7, 9)),
        ("2024-03-05T14:07:09", datetime(2024, 3, 5, 14, 7, 9)),
        ("2024-03-05 14:07:09.000", datetime(2024, 3, 5, 14, 7, 9)),
        ("2024.3.5 14:07", datetime(2024, 3, 5, 14, 7)),
        ("2024年3月5日14时07分", datetime(2024, 3, 5, 14, 7)),
        ("2024年3月5日 14点07分", datetime(2024, 3, 5, 14, 7)),
        ("2024年03月05日14时07分30秒", datetime(2024, 3, 5, 14, 7, 30)),
        ("2024年3月5日 14:07", datetime(2024, 3, 5, 14, 7)),
        ("2024年3月5日", datetime(2024, 3, 5)),
        ("2024-03-05", datetime(2024, 3, 5)),
        ("20240305140700", datetime(2024, 3, 5, 14, 7)),
        ("202403051407", datetime(2024, 3, 5, 14, 7)),
        ("20240305", datetime(2024, 3, 5)),
        ("２０２４－０３－０５　１４：０７", datetime(2024, 3, 5, 14, 7)),  # full-width digits
        ("  2024/03/05 14:07  ", datetime(2024, 3, 5, 14, 7)),
        (datetime(2024, 3, 5, 14, 7, 9), datetime(2024, 3, 5, 14, 7, 9)),
        (datetime(2024, 3, 5, 14, 6, 59, 999_998), datetime(2024, 3, 5, 14, 7)),  # Excel float noise
        (datetime(2024, 3, 5, 14, 7, 9, 1000), datetime(2024, 3, 5, 14, 7, 9)),
        (date(2024, 3, 5), datetime(2024, 3, 5)),
        (45356.5881944444, datetime(2024, 3, 5, 14, 7)),  # Excel serial number
        (45356, datetime(2024, 3, 5)),
        ("45356.5881944444", datetime(2024, 3, 5, 14, 7)),
        (20240305140700, datetime(2024, 3, 5, 14, 7)),  # a time stored as a number
        (20240305140700.0, datetime(2024, 3, 5, 14, 7)),
    ],
)
def test_parse_time_accepts(value, expected):
    result = parse_time(value, now=NOW)
    assert result == expected
    assert result.tzinfo is None and result.microsecond == 0


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2023-02-29 10:00", "日期不存在：2023-02-29"),
        ("2024-13-01", "日期不存在：2024-13-01"),
        ("2024年2月30日", "日期不存在：2024-02-30"),
        ("2024-03-05 25:10", "时间不存在：25:10"),
        ("2024-03-05 14:61", "时间不存在：14:61"),
        ("2024-03-05 14:07:75", "时间不存在：14:07:75"),
        ("20240305256000", "时间不存在：25:60:00"),
        ("2024-03-06 08:06", "报警时间晚于当前时间"),
        ("2030-01-01", "报警时间晚于当前时间"),
        ("1999-12-31 23:59", "时间早于2000年"),
        ("昨天下午", "无法识别的时间格式：昨天下午"),
        ("2024", "无法识别的时间格式"),
        ("", "时间为空"),
        (None, "时间为空"),
        (True, "无法识别的时间格式"),
        (time(14, 7), "只有时刻没有日期"),
        (123.5, "无法识别的时间格式"),
    ],
)
def test_parse_time_rejects_with_a_reason(value, reason):
    with pytest.raises(ValueError) as err:
        parse_time(value, now=NOW)
    assert reason in str(err.value)


def test_parse_time_allows_five_minutes_of_clock_drift():
    assert parse_time("2024-03-06 08:04", now=NOW) == datetime(2024, 3, 6, 8, 4)
    assert parse_time(NOW + timedelta(minutes=5), now=NOW) == datetime(2024, 3, 6, 8, 5)


# --------------------------------------------------------------------------- clean_text / clean_number


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  张三  ", "张三"),
        ("人民路\t\t88号   门口", "人民路 88号 门口"),
        ("第一行  \r\n  第二行\n", "第一行\n第二行"),
        ("a\u3000\u3000b\xa0c", "a b c"),
        ("bad\x00byte\x07", "badbyte"),
        ("", None),
        ("   ", None),
        (None, None),
        (13812345678.0, "13812345678"),
        (20240305000001.0, "20240305000001"),
        (2.0240305e13, "20240305000000"),
        (3, "3"),
        (3.25, "3.25"),
        (1.5e-05, "0.000015"),
        (datetime(2024, 3, 5, 14, 7), "2024-03-05 14:07:00"),
        (date(2024, 3, 5), "2024-03-05"),
        ("=HYPERLINK(\"http://x\")", "=HYPERLINK(\"http://x\")"),
        ("+123", "+123"),
        ("-1", "-1"),
        ("@x", "@x"),
        ("e\u0301", "\u00e9"),  # NFC
    ],
)
def test_clean_text(value, expected):
    assert clean_text(value) == expected


def test_clean_text_max_len():
    assert clean_text("一二三四五", max_len=3) == "一二三"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (" J 3301 0220 2403 ", "J330102202403"),
        ("Ｊ３３０１０２", "J330102"),
        (20240305000123.0, "20240305000123"),
        ("'0012345", "0012345"),
        ("", None),
        (None, None),
    ],
)
def test_clean_number(value, expected):
    assert clean_number(value) == expected


# --------------------------------------------------------------------------- categories


@pytest.mark.parametrize(
    ("category", "subtype", "code"),
    [
        ("治安警情", "殴打他人", "0201"),
        (None, "诈骗（含电信网络诈骗）", "0102"),
        (None, "诈骗", "0102"),
        ("刑事", "电信诈骗", "0102"),
        (None, "网络诈骗", "0102"),
        (None, "电诈", "0102"),
        (None, "打架斗殴", "0201"),
        (None, "斗殴", "0201"),
        (None, "噪声扰民", "0205"),
        (None, "噪音", "0205"),
        (None, "交通事故", "0301"),
        (None, "事故", "0301"),
        (None, "家庭纠纷", "0501"),
        (None, "家暴", "0501"),
        (None, "求助", "0604"),
        (None, "其他求助", "0604"),
        (None, "咨询", "0802"),
        (None, "重复报警", "0801"),
        ("盗窃", None, "0101"),  # the subtype sits in the category column
        ("治安-寻衅滋事", None, "0202"),
        (None, "刑事警情/入室盗窃", "0105"),
        (None, "打架斗殴致轻微伤", "0201"),  # keyword inside a longer text
        ("治安警情", "不认识的类型", "0206"),  # only the category: its 其他 subtype
        ("纠纷警情", None, "0507"),
        ("群众求助类", None, "0604"),
        ("交通", "", "0303"),
        (" 治 安 警 情 ", "殴打他人", "0201"),
        (None, "0503", "0503"),
        ("举报投诉", "???", None),  # 举报投诉 has no 其他 subtype
        ("涉赌举报类", None, "0203"),  # not a category name, but a known word inside
        ("完全不知道", "什么东西", None),
        (None, None, None),
    ],
)
def test_resolve_category(category, subtype, code):
    assert resolve_category(category, subtype) == code


def test_every_taxonomy_subtype_resolves_to_itself():
    for c in CATEGORIES:
        if c.level == 2:
            assert resolve_category(None, c.name) == c.code, c.name


# --------------------------------------------------------------------------- prepare_rows

HEADER = ["序号", "接警单编号", "报警时间", "报警人", "联系电话", "事发地址", "警情类别", "警情类型", "简要警情",
          "所属社区", "网格", "处警单位", "处警人", "处警结果"]


def _row(n, number, at="2024-03-05 14:07:00", phone="13812345678", name="张三", address="人民路88号门口",
         category="治安警情", subtype="殴打他人", summary="报警人称被人打了"):
    return [str(n), number, at, name, phone, address, category, subtype, summary, "城关社区", "网格3",
            "城关派出所", "王警官", "已调解"]


def _sheet(*data):
    return [["城关派出所警情明细表"], ["导出时间：2024-03-06 08:00"], HEADER, *data]


def _prepare(rows, **kw):
    header_index = find_header(rows)
    return prepare_rows(rows, header_index, auto_map(rows[header_index]), now=NOW, **kw)


def test_prepare_rows_clean_values():
    rows = _sheet(
        _row(1, "J001"),
        _row(2, " Ｊ002 ", at=datetime(2024, 3, 5, 15, 0), phone="+86 138-1234-5679", address="解放路 1 号 附近",
             category="", subtype="电诈", summary="  被骗了  3000 元\r\n已报案 "),
    )
    prepared = _prepare(rows)
    assert prepared.header_index == 2
    assert prepared.header == HEADER
    assert prepared.rejected == []
    first, second = prepared.rows
    assert first.row == 4 and second.row == 5  # spreadsheet row numbers
    assert first.values == {
        "number": "J001", "reported_at": datetime(2024, 3, 5, 14, 7), "caller_name": "张三",
        "caller_phone": "13812345678", "caller_phone_raw": "13812345678", "address": "人民路88号门口",
        "address_norm": "人民路88号", "category_code": "0201", "category_text": "治安警情/殴打他人",
        "summary": "报警人称被人打了", "community": "城关社区", "grid": "网格3", "unit": "城关派出所",
        "officer": "王警官", "disposal": "已调解",
    }
    assert first.review == []
    assert first.content_key == content_key(first.values)
    assert second.values["number"] == "J002"
    assert second.values["reported_at"] == datetime(2024, 3, 5, 15, 0)
    assert second.values["caller_phone"] == "13812345679"
    assert second.values["caller_phone_raw"] == "+86 138-1234-5679"
    assert second.values["address"] == "解放路 1 号 附近"
    assert second.values["address_norm"] == "解放路1号"
    assert second.values["category_code"] == "0102"
    assert second.values["category_text"] == "电诈"
    assert second.values["summary"] == "被骗了 3000 元\n已报案"


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("１３８１２３４５６７８", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 13812345678", "13812345678"),
        ("0086-138-1234-5678", "13812345678"),
        (13812345678.0, "13812345678"),
        ("0731-84567890", "0731-84567890"),
        ("13812345678/13912345678", "13812345678"),  # two numbers: the first valid one
    ],
)
def test_phone_normalisation(raw, normalized):
    prepared = _prepare(_sheet(_row(1, "J001", phone=raw)))
    (row,) = prepared.rows
    assert row.values["caller_phone"] == normalized
    assert row.review == []


@pytest.mark.parametrize("raw", ["1381234", "138abc45678", "12812345678"])
def test_invalid_phone_goes_to_review_not_rejection(raw):
    prepared = _prepare(_sheet(_row(1, "J001", phone=raw)))
    (row,) = prepared.rows
    assert row.values["caller_phone"] is None
    assert row.values["caller_phone_raw"] == raw
    assert [(p.row, p.field) for p in row.review] == [(4, "caller_phone")]
    assert row.review[0].message.startswith(f"电话号码无效：{raw}")


def test_missing_phone_is_not_a_problem():
    (row,) = _prepare(_sheet(_row(1, "J001", phone=None))).rows
    assert row.values["caller_phone"] is None and row.values["caller_phone_raw"] is None
    assert row.review == []


def test_unmapped_and_missing_category_go_to_review():
    rows = _sheet(_row(1, "J001", category="奇怪类", subtype="怪事"), _row(2, "J002", category=None, subtype=None))
    first, second = _prepare(rows).rows
    assert first.values["category_code"] is None
    assert first.values["category_text"] == "奇怪类/怪事"
    assert [(p.field, p.message) for p in first.review] == [("category", "警情类别无法对应：奇怪类/怪事")]
    assert second.values["category_code"] is None
    assert [(p.field, p.message) for p in second.review] == [("category", "未填写警情类别")]


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        (_row(1, None), "number", "缺少警情编号"),
        (_row(1, "   "), "number", "缺少警情编号"),
        (_row(1, "J" * 41), "number", "警情编号过长"),
        (_row(1, 3.3010220240305e19), "number", "警情编号被存成了数字"),
        (_row(1, "J001", at=None), "reported_at", "缺少报警时间"),
        (_row(1, "J001", at=" "), "reported_at", "缺少报警时间"),
        (_row(1, "J001", at="下午两点"), "reported_at", "报警时间有误：无法识别的时间格式：下午两点"),
        (_row(1, "J001", at="2023-02-29 10:00"), "reported_at", "报警时间有误：日期不存在：2023-02-29"),
        (_row(1, "J001", at="2024-03-05 25:10"), "reported_at", "报警时间有误：时间不存在：25:10"),
        (_row(1, "J001", at="2024-03-07 10:00"), "reported_at", "报警时间晚于当前时间"),
        (_row(1, "J001", at=datetime(2031, 1, 1)), "reported_at", "报警时间晚于当前时间"),
        (_row(1, "J001", at="1998-01-01"), "reported_at", "报警时间有误：时间早于2000年"),
    ],
)
def test_rejections_name_the_row_and_field(row, field, message):
    prepared = _prepare(_sheet(_row(0, "J000"), row))
    assert [r.values["number"] for r in prepared.rows] == ["J000"]
    ((problem, raw),) = prepared.rejected
    assert problem.row == 5
    assert problem.field == field
    assert problem.message.startswith(message)
    assert raw == row  # the raw cells, for the rejects workbook


def test_duplicates_and_conflicts_within_the_file():
    rows = _sheet(
        _row(1, "J001"),
        _row(2, "J001"),  # same content: a duplicate
        _row(3, " J001 ", at="2024/3/5 14:07"),  # same after cleaning: still a duplicate
        _row(4, "J001", summary="另一件事"),  # different content: a conflict
        _row(5, "J002"),
    )
    prepared = _prepare(rows)
    assert [r.values["number"] for r in prepared.rows] == ["J001", "J002"]
    assert prepared.rows[0].row == 4  # the first one stays
    assert prepared.duplicates_in_file == 2
    ((problem, raw),) = prepared.rejected
    assert (problem.row, problem.field, problem.message) == (7, "number", "与第4行警情编号相同但内容不同")
    assert raw[8] == "另一件事"


def test_blank_and_totals_rows_are_counted_and_skipped():
    rows = _sheet(
        _row(1, "J001"),
        [None] * 14,
        ["", "  ", None],
        _row(2, "J002"),
        [],
        ["合计：2 条", None, None],
        [None, "总计", None, 2],
    )
    prepared = _prepare(rows)
    assert [r.values["number"] for r in prepared.rows] == ["J001", "J002"]
    assert prepared.blank_rows == 3
    assert prepared.totals_rows == 2
    assert prepared.rejected == []


def test_short_rows_and_partial_mapping():
    rows = [["编号", "报警时间", "备注", "报警人"], ["A1", "2024-03-05 10:00"], ["A2", "2024-03-05 11:00", "x", "赵六"]]
    mapping = auto_map(rows[0])
    assert mapping == {"number": 0, "reported_at": 1, "caller_name": 3}
    prepared = prepare_rows(rows, 0, mapping, now=NOW, start_row_number=10)
    first, second = prepared.rows
    assert first.row == 11 and second.row == 12
    assert first.values["caller_name"] is None and second.values["caller_name"] == "赵六"
    assert first.values["summary"] is None and first.values["address"] is None


def test_long_text_is_cut_with_a_review_note():
    (row,) = _prepare(_sheet(_row(1, "J001", name="名" * 60, address="路" * 310))).rows
    assert len(row.values["caller_name"]) == 50
    assert len(row.values["address"]) == 300
    assert {p.field for p in row.review} == {"caller_name", "address"}


def test_excel_typed_cells():
    row = _row(1, 20240305000123.0, at=datetime(2024, 3, 5, 14, 6, 59, 999_999), phone=13812345678.0)
    (prepared,) = _prepare(_sheet(row)).rows
    assert prepared.values["number"] == "20240305000123"
    assert prepared.values["reported_at"] == datetime(2024, 3, 5, 14, 7)
    assert prepared.values["caller_phone"] == "13812345678"


def test_formula_looking_text_is_kept():
    (row,) = _prepare(_sheet(_row(1, "J001", summary="=HYPERLINK(\"http://evil\")", name="+1"))).rows
    assert row.values["summary"] == "=HYPERLINK(\"http://evil\")"
    assert row.values["caller_name"] == "+1"


def test_cancel_and_bad_mapping():
    rows = _sheet(*[_row(i, f"J{i:05d}") for i in range(5000)])
    with pytest.raises(Cancelled):
        _prepare(rows, cancel=lambda: True)
    with pytest.raises(ValueError):
        prepare_rows(rows, 2, {"number": 1, "nonsense": 2}, now=NOW)
    with pytest.raises(ValueError):
        prepare_rows(rows, 99999, {"number": 1}, now=NOW)


def test_preview_shows_each_cells_problem():
    rows = _sheet(
        _row(1, "J001", phone="1234"),
        [None] * 14,
        _row(2, "J002", at="2023-02-29 10:00"),
        _row(3, "J001", summary="不同"),
        _row(4, "J001", phone="1234"),
        _row(5, "J005", category="怪", subtype="怪"),
        ["合计：5 条"],
    )
    header_index = find_header(rows)
    result = preview(rows, header_index, auto_map(rows[header_index]), now=NOW)
    assert [p.row for p in result] == [4, 6, 7, 8, 9]
    first, bad_time, conflict, duplicate, odd = result
    assert first.rejected is False
    assert first.cells["number"] == "J001"
    assert first.cells["reported_at"] == datetime(2024, 3, 5, 14, 7)
    assert first.cells["caller_phone"] == "1234"
    assert first.cells["category_code"] == "0201"
    assert set(first.problems) == {"caller_phone"}
    assert bad_time.rejected is True
    assert bad_time.cells["reported_at"] == "2023-02-29 10:00"
    assert bad_time.problems == {"reported_at": "报警时间有误：日期不存在：2023-02-29"}
    assert conflict.rejected is True and "内容不同" in conflict.problems["number"]
    assert duplicate.rejected is False and "重复" in duplicate.problems["number"]
    assert odd.rejected is False and odd.problems == {"category": "警情类别无法对应：怪"}
    assert len(preview(rows, header_index, auto_map(rows[header_index]), now=NOW, limit=2)) == 2


def test_fields_declare_required_keys_and_labels():
    keys = [f.key for f in FIELDS]
    assert keys == ["number", "reported_at", "caller_name", "caller_phone", "address", "category", "subtype",
                    "summary", "community", "grid", "unit", "officer", "disposal"]
    assert [f.key for f in FIELDS if f.required] == ["number", "reported_at"]
    assert all(f.label and f.synonyms for f in FIELDS)
