"""`station-desk report monthly|quarterly|period` and `station-desk export hq` on every backend."""

from __future__ import annotations

import json
from datetime import datetime

import openpyxl
import pytest
from pypdf import PdfReader

from desktop.cli import main
from tests.factories import make_incident, make_station


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def url(db) -> str:
    """October 2026: 3 incidents; November 2026: 1 (on duty day 1 November)."""
    with db.transaction() as s:
        station, _room, _team, _officer = make_station(s)
        make_incident(s, station, "JQ0001", at=datetime(2026, 10, 1, 9, 0), caller_name="张三丰",
                      caller_phone="13812345678")
        make_incident(s, station, "JQ0002", at=datetime(2026, 10, 9, 9, 0), caller_name="=1+1")
        make_incident(s, station, "JQ0003", at=datetime(2026, 11, 1, 7, 0))   # duty day 31 October
        make_incident(s, station, "JQ0004", at=datetime(2026, 11, 1, 9, 0))
    return db.url.render_as_string(hide_password=False)


def _text(path) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)


def test_monthly_pdf_and_workbook_as_json(capsys, url, tmp_path):
    pdf, xlsx = tmp_path / "月报.pdf", tmp_path / "月报.xlsx"
    code, out, err = run(capsys, "report", "monthly", "--month", "2026-10", "--pdf", str(pdf), "--xlsx", str(xlsx),
                         "--db", url, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["period"] == "2026年10月" and result["from"] == "2026-10-01" and result["to"] == "2026-10-31"
    assert result["sheets"]["警情明细"] == 3
    assert "本月共接报警情3起" in _text(pdf)
    ws = openpyxl.load_workbook(xlsx)["警情明细"]
    assert [ws.cell(r, 1).value for r in range(2, 5)] == ["JQ0001", "JQ0002", "JQ0003"]
    # The CLI without --user has no role that may see personal data: masked.
    assert ws["E2"].value == "张**" and ws["F2"].value == "138****5678"
    assert ws["E3"].value == "=***" and ws["E3"].data_type == "s"


def test_period_and_quarterly_human_output(capsys, url, tmp_path):
    xlsx = tmp_path / "p.xlsx"
    code, out, err = run(capsys, "report", "period", "--from", "2026-10-01", "--to", "2026-11-01", "--xlsx", str(xlsx),
                         "--db", url)
    assert code == 0, err
    assert "2026年10月1日—2026年11月1日" in out and "警情明细 4 行" in out
    pdf = tmp_path / "q.pdf"
    code, out, err = run(capsys, "report", "quarterly", "--quarter", "2026-Q4", "--pdf", str(pdf), "--db", url)
    assert code == 0, err
    assert "2026年第4季度" in out and "本季度共接报警情4起" in _text(pdf)


def test_export_hq(capsys, url, tmp_path):
    xlsx = tmp_path / "hq.xlsx"
    code, out, err = run(capsys, "export", "hq", "--from", "2026-10-01", "--to", "2026-10-31", "--xlsx", str(xlsx),
                         "--db", url, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert list(result["sheets"]) == ["统计汇总", "警情明细", "重复警情", "工单台账", "矛盾纠纷台账", "调解协议台账"]
    assert result["sheets"]["警情明细"] == 3
    code, out, err = run(capsys, "export", "hq", "--from", "2026-10-01", "--to", "2026-10-31", "--xlsx", str(xlsx),
                         "--profile", "没有这个", "--db", url, "--json")
    assert code == 2 and "没有名为“没有这个”的导出方案" in err


@pytest.mark.parametrize("month", ["2026-13", "2026/10", "十月"])
def test_bad_month_is_a_chinese_error(capsys, url, tmp_path, month):
    code, out, err = run(capsys, "report", "monthly", "--month", month, "--pdf", str(tmp_path / "x.pdf"),
                         "--db", url, "--json")
    assert code == 2
    assert json.loads(out)["error"].startswith("月份格式不正确") and "错误：月份格式不正确" in err
    assert not (tmp_path / "x.pdf").exists()


def test_missing_output_and_reversed_dates(capsys, url, tmp_path):
    code, _out, err = run(capsys, "report", "monthly", "--month", "2026-10", "--db", url)
    assert code == 2 and "请用 --pdf 或 --xlsx 指定输出文件" in err
    code, _out, err = run(capsys, "export", "hq", "--from", "2026-10-05", "--to", "2026-10-01", "--xlsx",
                          str(tmp_path / "x.xlsx"), "--db", url)
    assert code == 2 and "结束日期早于开始日期" in err
