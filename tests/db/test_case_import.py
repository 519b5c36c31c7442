"""Import of case register exports into real databases: title rows, rejects, idempotent, conflicts, profiles."""

from __future__ import annotations

from datetime import datetime, timedelta

import openpyxl
import pytest
from sqlalchemy import select

from desktop.errors import ValidationError
from desktop.models import Case, ImportBatch
from desktop.services.case_import import (
    CASE_FIELDS,
    analyse,
    list_profiles,
    load_profile,
    run_import,
    save_profile,
    write_rejects,
)
from desktop.services.cases import CaseRules
from desktop.services.importing.fields import auto_map
from desktop.services.importing.reader import ImportFileError
from tests.factories import make_station

NOW = datetime(2025, 6, 1, 12, 0)
HEADER = ["序号", "受案编号", "案件名称", "案件类型", "案由", "受案时间", "主办民警", "办案单位", "案件状态",
          "结案时间", "办案阶段"]
ROWS = [
    [1, "X2025001", "张某殴打他人案", "治安", "殴打他人", "2025/3/1 09:00", "张伟", "综合指挥室", "办理中", None, None],
    [2, "X2025002", "李某盗窃案", "行政", "盗窃", "2025-03-02 10:00", "无此人", None, "已结案", "2025-03-20", None],
    [3, "A2025003", "王某盗窃案", "刑事", "盗窃", "2025年3月3日", "张伟", None, "侦查中", None, "拘留"],
    [4, "", "无编号案", "行政", "赌博", "2025-03-04", None, None, None, None, None],
    [5, "X2025005", "类型不明案", "民事", "纠纷", "2025-03-05", None, None, None, None, None],
    [6, "X2025006", "时间错误案", "行政", "赌博", "2025-02-30", None, None, None, None, None],
    [7, "X2025001", "张某殴打他人案", "治安", "殴打他人", "2025/3/1 09:00", "张伟", "综合指挥室", "办理中", None, None],
]


def _xlsx(path, rows=ROWS, header=HEADER):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["城关派出所案件台账"])
    ws.append(["导出时间：2025-06-01"])
    ws.append(header)
    for row in rows:
        ws.append(row)
    ws.append(["合计：7 件"])
    wb.save(path)
    return path


@pytest.fixture
def station(db):
    with db.transaction() as s:
        station, room, _team, officer = make_station(s)
        return {"station_id": station.id, "staff_id": officer.id, "room": room.id}


def test_case_headers_map_without_touching_incident_mapping():
    assert auto_map(HEADER, CASE_FIELDS) == {"number": 1, "title": 2, "kind": 3, "category": 4, "accepted_at": 5,
                                             "officer": 6, "unit": 7, "status": 8, "closed_at": 9, "stage": 10}
    # The incident field set still reads 案件类型 as its subtype, as before.
    assert auto_map(["警情编号", "报警时间", "案件类型"]) == {"number": 0, "reported_at": 1, "subtype": 2}


def test_import_skips_title_rows_rejects_bad_rows_and_computes_deadlines(db, station, tmp_path):
    analysis = analyse(_xlsx(tmp_path / "cases.xlsx"))
    assert analysis.header_index == 2 and analysis.data_rows == 7
    summary = run_import(db, station["station_id"], station["staff_id"], analysis, now=NOW, rules=CaseRules())
    assert summary.counts() == {"read": 7, "imported": 3, "already_present": 0, "duplicates_in_file": 1,
                                "conflicts": 0, "rejected": 3, "review": 1}
    assert [(p.row, p.field) for p in summary.rejected] == [(7, "number"), (8, "kind"), (9, "accepted_at")]
    assert "未登记" in summary.review[0].reason
    with db.session(station_id=station["station_id"]) as s:
        cases = {c.number: c for c in s.scalars(select(Case))}
        assert set(cases) == {"X2025001", "X2025002", "A2025003"}
        one, two, three = cases["X2025001"], cases["X2025002"], cases["A2025003"]
        assert (one.kind, one.status, one.officer_id, one.unit_id) == ("administrative", "in_progress",
                                                                       station["staff_id"], station["room"])
        assert one.due_at == datetime(2025, 3, 1, 9) + timedelta(days=30)
        assert (two.status, two.closed_at, two.officer_id) == ("closed", datetime(2025, 3, 20), None)
        assert (three.kind, three.stage) == ("criminal", "拘留")
        assert three.due_at == datetime(2025, 3, 3) + timedelta(days=37)
        batch = s.scalar(select(ImportBatch))
        assert (batch.kind, batch.rows_imported, batch.rows_rejected) == ("case", 3, 3)
    out = tmp_path / "rejects.xlsx"
    assert write_rejects(summary, out) == 3
    ws = openpyxl.load_workbook(out).active
    values = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    assert any(row[:2] == (8, "案件类型应为刑事或行政（治安）") for row in map(tuple, values))


def test_reimport_is_idempotent_and_changed_rows_are_conflicts(db, station, tmp_path):
    sid, staff = station["station_id"], station["staff_id"]
    run_import(db, sid, staff, analyse(_xlsx(tmp_path / "a.xlsx")), now=NOW)
    again = run_import(db, sid, staff, analyse(_xlsx(tmp_path / "a.xlsx")), now=NOW)
    assert (again.imported, again.already_present, len(again.conflicts)) == (0, 3, 0)
    changed = [list(r) for r in ROWS[:3]]
    changed[0][2] = "张某殴打他人案（改）"
    changed.append([8, "X2025008", "新案", "行政", "赌博", "2025-03-08", None, None, None, None, None])
    summary = run_import(db, sid, staff, analyse(_xlsx(tmp_path / "b.xlsx", rows=changed)), now=NOW)
    assert (summary.imported, summary.already_present, [p.number for p in summary.conflicts]) == (1, 2, ["X2025001"])
    with db.session(station_id=sid) as s:
        assert s.scalar(select(Case.title).where(Case.number == "X2025001")) == "张某殴打他人案"
        assert s.scalar(select(Case.due_at).where(Case.number == "X2025008")) == datetime(2025, 4, 7)
    dry = run_import(db, sid, staff, analyse(_xlsx(tmp_path / "c.xlsx", rows=[
        [1, "X2025009", "演练", "行政", "赌博", "2025-03-09", None, None, None, None, None]])), now=NOW, dry_run=True)
    assert dry.imported == 1
    with db.session(station_id=sid) as s:
        assert s.scalar(select(Case.id).where(Case.number == "X2025009")) is None


def test_default_kind_profiles_and_missing_header(db, station, tmp_path):
    sid, staff = station["station_id"], station["staff_id"]
    header = ["编号", "名称", "受理日期", "主办人"]
    path = _xlsx(tmp_path / "admin.xlsx", header=header, rows=[["Z1", "某案", "2025-03-01", "张伟"]])
    analysis = analyse(path)
    rejected = run_import(db, sid, staff, analysis, now=NOW, dry_run=True)
    assert [p.field for p in rejected.rejected] == ["kind"]
    summary = run_import(db, sid, staff, analysis, now=NOW, default_kind="行政")
    assert summary.imported == 1
    save_profile(db, sid, staff, "台账A", analysis.header, {**analysis.mapping, "summary": 3})
    assert [name for name, _ in list_profiles(db, sid)] == ["台账A"]
    profile = load_profile(db, sid, "台账A")
    assert profile["summary"] == "主办人"
    assert analyse(path, profile=profile, profile_name="台账A").mapping["summary"] == 3
    with pytest.raises(ValidationError):
        load_profile(db, sid, "没有")
    with pytest.raises(ImportFileError, match="找不到表头"):
        analyse(_xlsx(tmp_path / "bad.xlsx", header=["姓名", "电话"], rows=[["a", "b"]]))
    with pytest.raises(ValidationError, match="必须指定"):
        run_import(db, sid, staff, analysis, mapping={"number": 0}, now=NOW)
