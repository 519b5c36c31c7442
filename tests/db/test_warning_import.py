"""Import of an HQ fraud warning list on every backend: title rows, rejects with reasons, generated
numbers, idempotent re-import, conflicts, cancel and the rejects workbook."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from desktop.errors import Cancelled
from desktop.models import ImportBatch, Warning
from desktop.services import warnings as wn
from desktop.services.warning_import import analyse_warnings, run_warning_import, write_warning_rejects
from tests.factories import make_station

NOW = datetime(2025, 3, 6, 9, 0)
HEADER = ["序号", "姓名", "电话", "身份证号", "时间", "涉案金额（元）", "地址", "预警内容"]
ROWS = [
    [1, "王芳", 13800138000, "11010519491231002X", datetime(2025, 3, 5, 10, 0), 5000, "解放路128号", "刷单返利"],
    [2, "李强", "139 0000 1111", None, "2025/3/5 11:30", None, "人民路1号", "冒充客服"],
    [3, "赵敏", None, "340524198001010013", "2025-03-05 12:00", 800, "建设路9号", "贷款诈骗"],   # bad ID
    [4, "钱多", "13700001111", None, "不知道", None, None, "投资理财"],                             # bad time
    [5, "王芳", 13800138000, "11010519491231002X", datetime(2025, 3, 5, 10, 0), 5000, "解放路128号", "刷单返利"],
    [6, None, "13600002222", None, "2025-03-05 13:00", None, None, None],                     # no content
]


def _write(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["城关区反诈中心潜在受害人预警名单"])
    ws.append(["下发时间：2025-03-05"])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    ws.append(["合计：6条"])
    wb.save(path)
    return path


@pytest.fixture
def station_id(db) -> int:
    with db.transaction() as s:
        station, *_ = make_station(s)
        return station.id


def _numbers(db, station_id):
    with db.session(station_id=station_id) as s:
        return s.execute(select(Warning.number, Warning.subject_phone, Warning.content)
                         .order_by(Warning.number)).all()


def test_hq_fraud_list_with_title_rows(db, station_id, tmp_path):
    analysis = analyse_warnings(_write(tmp_path / "名单.xlsx", ROWS))
    assert analysis.header_index == 2
    assert analysis.mapping == {"subject_name": 1, "subject_phone": 2, "subject_id_number": 3, "received_at": 4,
                                "amount": 5, "subject_place": 6, "content": 7}
    summary = run_warning_import(db, station_id, None, analysis, now=NOW)
    assert summary.counts() == {"read": 6, "imported": 3, "already_present": 0, "duplicates_in_file": 1,
                                "conflicts": 0, "rejected": 2, "review": 0}
    reasons = {p.row: p.reason for p in summary.rejected}
    assert "身份证号" in reasons[6] and "校验位" in reasons[6]
    assert "预警时间" in reasons[7] and "无法识别的时间格式" in reasons[7]
    stored = _numbers(db, station_id)
    assert stored == [
        ("YJ-20250305-0001", "13800138000", "刷单返利（涉案金额：5000）"),
        ("YJ-20250305-0002", "13900001111", "冒充客服"),
        ("YJ-20250305-0003", "13600002222", "反诈预警"),
    ]
    with db.session(station_id=station_id) as s:
        w = s.scalar(select(Warning).where(Warning.number == "YJ-20250305-0001"))
        assert (w.kind, w.source, w.status, w.subject_name) == ("fraud", "hq", "received", "王芳")
        assert s.scalar(select(ImportBatch.rows_imported).where(ImportBatch.kind == "warning")) == 3

    # The same list again adds nothing and keeps the numbers; a new row gets the next number.
    again = run_warning_import(db, station_id, None, analyse_warnings(_write(
        tmp_path / "again.xlsx", [*ROWS, [7, "孙丽", "13500003333", None, "2025-03-05 15:00", None, None, "网购"]])),
        now=NOW)
    assert again.counts()["imported"] == 1 and again.counts()["already_present"] == 3
    assert _numbers(db, station_id)[:3] == stored
    assert _numbers(db, station_id)[3][0] == "YJ-20250305-0004"

    # The rejects workbook holds the two rejected rows as they were, with their reasons.
    out = tmp_path / "rejects.xlsx"
    assert write_warning_rejects(summary, out) == 2
    sheet = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    texts = [[str(c) for c in row] for row in sheet]
    flat = "\n".join("|".join(r) for r in texts)
    assert "赵敏" in flat and "钱多" in flat and "王芳" not in flat
    assert "校验位" in flat and "原行号" in flat


def test_numbered_list_conflict_dry_run_and_cancel(db, station_id, tmp_path):
    header = ["预警编号", "预警时间", "手机号码", "预警内容", "处置要求", "反馈时限"]
    rows = [["HQ-001", "2025-03-05 08:00", "13800138000", "疑似被骗", "立即劝阻", "2025-03-05 20:00"],
            ["HQ-002", "2025-03-05 09:00", "13900001111", "疑似被骗", None, None]]
    wb = openpyxl.Workbook()
    wb.active.append(header)
    for row in rows:
        wb.active.append(row)
    wb.save(tmp_path / "a.xlsx")
    dry = run_warning_import(db, station_id, None, analyse_warnings(tmp_path / "a.xlsx"), now=NOW, dry_run=True)
    assert dry.imported == 2 and _numbers(db, station_id) == []
    with pytest.raises(Cancelled):
        run_warning_import(db, station_id, None, analyse_warnings(tmp_path / "a.xlsx"), now=NOW,
                           cancel=lambda: True)
    assert _numbers(db, station_id) == []
    first = run_warning_import(db, station_id, None, analyse_warnings(tmp_path / "a.xlsx"), now=NOW)
    assert first.imported == 2
    with db.session(station_id=station_id) as s:
        w = s.scalar(select(Warning).where(Warning.number == "HQ-001"))
        assert (w.required_action, w.deadline) == ("立即劝阻", datetime(2025, 3, 5, 20, 0))
    rows[1][3] = "内容被改"
    wb = openpyxl.Workbook()
    wb.active.append(header)
    for row in rows:
        wb.active.append(row)
    wb.save(tmp_path / "b.xlsx")
    second = run_warning_import(db, station_id, None, analyse_warnings(tmp_path / "b.xlsx"), now=NOW)
    assert second.counts()["already_present"] == 1 and [p.number for p in second.conflicts] == ["HQ-002"]
    with db.session(station_id=station_id) as s:
        assert s.scalar(select(func.count()).select_from(Warning)) == 2
        assert s.scalar(select(Warning.content).where(Warning.number == "HQ-002")) == "疑似被骗"
    # Imported warnings are in the summary and the list like typed ones.
    summary = wn.warnings_summary(db, station_id, datetime(2025, 3, 5), datetime(2025, 3, 6), now=NOW)
    assert summary["received"] == 2 and summary["by_kind"]["fraud"] == 2 and summary["overdue"] == 1
