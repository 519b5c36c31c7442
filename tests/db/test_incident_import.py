"""Import of 110 exports into real databases (SQLite, PostgreSQL, MariaDB): all or nothing, idempotent."""

from __future__ import annotations

import csv
from datetime import datetime

import openpyxl
import pytest
from sqlalchemy import func, select

from desktop.errors import Cancelled, ValidationError
from desktop.models import ImportBatch, Incident, IncidentCategory, RepeatCluster
from desktop.services.incident_import import (
    analyse,
    best_profile,
    list_profiles,
    load_profile,
    run_import,
    save_profile,
    write_rejects,
)
from desktop.services.taxonomy import seed_categories
from tests.factories import make_station

NOW = datetime(2025, 3, 6, 12, 0)
HEADER = ["序号", "接警单编号", "报警时间", "报警人", "报警人联系电话", "事发地址", "警情类别", "警情类型", "报警内容"]
ROWS = [
    [1, "JQ001", "2025/3/5 14:07", "李娜", "138 0013 8000", "解放路128号", "纠纷警情", "邻里纠纷", "邻居吵架"],
    [2, "JQ002", "2025-03-05 14:30:00", "王强", "+86 139-0013-9000", "解放路128号门口", "治安警情", "噪音扰民",
     "=1+1"],
    [3, "JQ003", "2025年3月5日15时10分", "赵敏", "12345abc", "人民路1号", "群众求助", "开锁求助", "钥匙丢了"],
    [4, "", "2025-03-05 16:00", "钱七", "13700137000", "人民路2号", "群众求助", "其他求助", "无编号"],
    [5, "JQ005", "2023-02-29 10:00", "孙八", "13600136000", "人民路3号", "群众求助", "其他求助", "日期不存在"],
    [6, "JQ006", "2025-03-07 10:00", "周九", "13500135000", "人民路4号", "群众求助", "其他求助", "未来时间"],
    [7, "JQ007", "2025-03-05 18:00", "吴十", "13400134000", "人民路5号", "外星来客", "飞碟", "分不了类"],
    [8, "JQ001", "2025/3/5 14:07", "李娜", "138 0013 8000", "解放路128号", "纠纷警情", "邻里纠纷", "邻居吵架"],
    [9, "JQ002", "2025-03-05 14:31:00", "王强", "13900139000", "别处", "治安警情", "噪音扰民", "内容不同"],
]


def _xlsx(path, rows=ROWS, header=HEADER):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["城关派出所警情明细表"])
    ws.append(["导出时间：2025-03-06 08:00"])
    ws.append(header)
    for row in rows:
        ws.append(row)
    ws.append(["合计：9 条"])
    for cell in ws["I"]:  # the formula-looking text must stay text in the file itself too
        cell.data_type = "s"
    wb.save(path)
    return path


@pytest.fixture
def station(db):
    with db.transaction() as s:
        seed_categories(s)
        station, _room, _team, officer = make_station(s)
        return station.id, officer.id


def _count(db, station_id, model=Incident):
    with db.session(station_id=station_id) as s:
        return s.scalar(select(func.count()).select_from(model))


def test_import_counts_every_outcome_and_stores_clean_values(db, station, tmp_path):
    station_id, staff_id = station
    analysis = analyse(_xlsx(tmp_path / "export.xlsx"))
    assert analysis.header_index == 2
    summary = run_import(db, station_id, staff_id, analysis, now=NOW)
    counts = summary.counts()
    assert counts["read"] == 9
    assert counts["imported"] == 4  # JQ001 JQ002 JQ003 JQ007
    assert counts["duplicates_in_file"] == 1  # row 8 = row 1
    assert counts["rejected"] == 4  # no number, 2023-02-29, future, JQ002 with other content
    assert counts["review"] == 2  # JQ003 invalid phone, JQ007 unmapped category
    reasons = " ".join(p.reason for p in summary.rejected)
    assert "2023-02-29" in reasons and "晚于当前时间" in reasons and "第" in reasons
    assert [p.row for p in summary.rejected] == sorted(p.row for p in summary.rejected)
    assert {p.row for p in summary.rejected} == {7, 8, 9, 12}  # spreadsheet rows (3 title/header rows)

    with db.session(station_id=station_id) as s:
        by_number = {i.number: i for i in s.scalars(select(Incident))}
        assert set(by_number) == {"JQ001", "JQ002", "JQ003", "JQ007"}
        assert by_number["JQ001"].caller_phone == "13800138000"
        assert by_number["JQ001"].reported_at == datetime(2025, 3, 5, 14, 7)
        assert by_number["JQ002"].caller_phone == "13900139000"
        assert by_number["JQ002"].summary == "=1+1"
        assert by_number["JQ003"].caller_phone is None and by_number["JQ003"].caller_phone_raw == "12345abc"
        assert by_number["JQ003"].reported_at == datetime(2025, 3, 5, 15, 10)
        unclassified = s.scalar(select(IncidentCategory.name).where(
            IncidentCategory.id == by_number["JQ007"].category_id))
        assert unclassified == "未分类"
        assert by_number["JQ001"].source == "import" and by_number["JQ001"].source_row == 4
        batch = s.get(ImportBatch, summary.batch_id)
        assert (batch.rows_imported, batch.rows_rejected, batch.rows_review, batch.rows_duplicate) == (4, 4, 2, 1)
        assert batch.created_by_id == staff_id
        assert {item["row"] for item in batch.report["rejected"]} == {7, 8, 9, 12}


def test_importing_the_same_file_again_imports_nothing_new(db, station, tmp_path):
    station_id, staff_id = station
    path = _xlsx(tmp_path / "export.xlsx")
    run_import(db, station_id, staff_id, analyse(path), now=NOW)
    again = run_import(db, station_id, staff_id, analyse(path), now=NOW)
    assert again.imported == 0 and again.already_present == 4 and not again.conflicts
    assert _count(db, station_id) == 4


def test_a_changed_row_is_a_conflict_and_the_stored_one_stays(db, station, tmp_path):
    station_id, staff_id = station
    run_import(db, station_id, staff_id, analyse(_xlsx(tmp_path / "a.xlsx")), now=NOW)
    changed = [list(r) for r in ROWS[:1]]
    changed[0][8] = "改过的内容"
    summary = run_import(db, station_id, staff_id, analyse(_xlsx(tmp_path / "b.xlsx", changed)), now=NOW)
    assert summary.imported == 0 and len(summary.conflicts) == 1
    assert "JQ001" in summary.conflicts[0].reason
    with db.session(station_id=station_id) as s:
        assert s.scalar(select(Incident.summary).where(Incident.number == "JQ001")) == "邻居吵架"


def test_cancel_during_the_write_leaves_the_database_unchanged(db, station, tmp_path):
    station_id, staff_id = station
    analysis = analyse(_xlsx(tmp_path / "export.xlsx"))
    seen: list[str] = []

    def progress(done, total, text):
        seen.append(text)

    with pytest.raises(Cancelled):
        run_import(db, station_id, staff_id, analysis, now=NOW, progress=progress,
                   cancel=lambda: "写入数据库" in seen)
    assert _count(db, station_id) == 0
    assert _count(db, station_id, ImportBatch) == 0
    assert _count(db, station_id, RepeatCluster) == 0


def test_dry_run_counts_but_writes_nothing(db, station, tmp_path):
    station_id, staff_id = station
    summary = run_import(db, station_id, staff_id, analyse(_xlsx(tmp_path / "export.xlsx")), now=NOW, dry_run=True)
    assert summary.dry_run and summary.imported == 4 and summary.batch_id is None
    assert _count(db, station_id) == 0 and _count(db, station_id, ImportBatch) == 0


def test_gbk_csv_import_and_repeat_clusters_are_refreshed(db, station, tmp_path):
    station_id, staff_id = station
    path = tmp_path / "export.csv"
    rows = [["接警编号", "接警时间", "报警人姓名", "联系电话", "发案地点", "警情类型", "简要警情"],
            ["C1", "2025-03-05 08:00", "张三", "13812345678", "河西街9号", "噪音扰民", "楼上吵"],
            ["C2", "2025-03-05 20:00", "张三", "138-1234-5678", "河西街9号附近", "噪音扰民", "又吵"]]
    with path.open("w", encoding="gbk", newline="") as f:
        csv.writer(f).writerows(rows)
    analysis = analyse(path)
    assert analysis.sheet.encoding and analysis.sheet.encoding.lower() in ("gb18030", "gbk")
    summary = run_import(db, station_id, staff_id, analysis, now=NOW)
    assert summary.imported == 2 and summary.clusters_created >= 1
    with db.session(station_id=station_id) as s:
        clusters = s.scalars(select(RepeatCluster)).all()
        same_caller = [c for c in clusters if c.kind == "same_caller"]
        assert len(same_caller) == 1 and same_caller[0].incident_count == 2
        assert same_caller[0].match_key == "13812345678"


def test_rejects_workbook_has_the_rows_and_a_reason_column(db, station, tmp_path):
    station_id, staff_id = station
    summary = run_import(db, station_id, staff_id, analyse(_xlsx(tmp_path / "export.xlsx")), now=NOW)
    out = tmp_path / "rejects.xlsx"
    assert write_rejects(summary, out) == 4
    ws = openpyxl.load_workbook(out).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    header_row = next(i for i, r in enumerate(values) if "原因" in r)
    header = values[header_row]
    assert header[:2] == ["原行号", "原因"] and "接警单编号" in header
    body = [r for r in values[header_row + 1:] if any(v is not None for v in r)]
    assert [r[0] for r in body] == [7, 8, 9, 12]
    assert all(r[1] for r in body)
    number_col = header.index("接警单编号")
    assert body[1][number_col] == "JQ005"


def test_missing_required_column_is_refused(db, station, tmp_path):
    station_id, staff_id = station
    analysis = analyse(_xlsx(tmp_path / "export.xlsx"))
    mapping = {k: v for k, v in analysis.mapping.items() if k != "reported_at"}
    with pytest.raises(ValidationError, match="报警时间"):
        run_import(db, station_id, staff_id, analysis, mapping, now=NOW)
    assert _count(db, station_id) == 0


def test_profiles_are_saved_by_header_text_and_offered_again(db, station, tmp_path):
    station_id, staff_id = station
    analysis = analyse(_xlsx(tmp_path / "export.xlsx"))
    mapping = dict(analysis.mapping)
    mapping["summary"] = analysis.header.index("事发地址")  # a deliberate, odd choice
    mapping.pop("address")
    save_profile(db, station_id, staff_id, "旧版接处警系统", analysis.header, mapping)
    assert [name for name, _ in list_profiles(db, station_id)] == ["旧版接处警系统"]
    profile = load_profile(db, station_id, "旧版接处警系统")
    assert profile["summary"] == "事发地址"
    assert best_profile(list_profiles(db, station_id), analysis.header) == "旧版接处警系统"
    again = analyse(tmp_path / "export.xlsx", profile=profile, profile_name="旧版接处警系统")
    assert again.mapping["summary"] == analysis.header.index("事发地址") and "address" not in again.mapping
    with pytest.raises(ValidationError):
        save_profile(db, station_id, staff_id, "  ", analysis.header, mapping)
