"""The HQ workbook on every backend: sheets, typed cells, frozen header, filters, print titles,
masking by role and profile, formula-looking text kept as text, export profiles."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import select

from desktop.errors import NotFound, PermissionDenied, ValidationError
from desktop.models import AuditEntry
from desktop.models.enums import Role
from desktop.services.accounts import LoginResult
from desktop.services.hq_export import (
    HQ_SHEETS,
    delete_export_profile,
    list_export_profiles,
    save_export_profile,
    write_hq_workbook,
)
from desktop.services.station_report import station_period
from desktop.services.stations import add_staff
from tests.factories import make_incident, make_station

NOW = datetime(2026, 11, 2, 10, 0)
TITLES = ["统计汇总", "警情明细", "重复警情", "工单台账", "矛盾纠纷台账", "调解协议台账"]


@pytest.fixture
def logins(db) -> tuple[LoginResult, LoginResult]:
    """October 2026: 3 incidents (one with formula-looking caller and summary); Sep 2026: 2; Oct 2025: 4."""
    with db.transaction() as s:
        station, room, _team, _officer = make_station(s)
        chief = add_staff(s, station, number="GD009", name="王强", roles={Role.CHIEF}, unit=room)
        viewer = add_staff(s, station, number="GD010", name="赵敏", roles={Role.ADMIN}, unit=room)  # masked
        make_incident(s, station, "JQ0001", at=datetime(2026, 10, 1, 9, 5), caller_name="张三丰",
                      caller_phone="13812345678", summary="邻居噪音")
        make_incident(s, station, "JQ0002", at=datetime(2026, 10, 2, 10, 0), caller_name="=1+1",
                      caller_phone="13900001111", summary="@SUM(A1)")
        make_incident(s, station, "JQ0003", at=datetime(2026, 10, 20, 22, 0), caller_name="-2", summary="+86 报警")
        for n, at in enumerate([datetime(2026, 9, 3, 10), datetime(2026, 9, 4, 10)], 10):
            make_incident(s, station, f"JQ{n:04d}", at=at)
        for n, d in enumerate((1, 2, 3, 4), 20):
            make_incident(s, station, f"JQ{n:04d}", at=datetime(2025, 10, d, 10))
        as_login = lambda p, roles: LoginResult(p.id, station.id, p.name, p.number, roles, station.name)  # noqa: E731
        return as_login(chief, ("chief",)), as_login(viewer, ("admin",))


def _october(db, login):
    return station_period(db, login.station_id, "month", date(2026, 10, 1))


def test_workbook_sheets_types_and_layout(db, logins, tmp_path):
    chief, _viewer = logins
    path = tmp_path / "hq.xlsx"
    counts = write_hq_workbook(db, chief, _october(db, chief), path, now=NOW)
    assert list(counts) == TITLES and counts["警情明细"] == 3
    assert counts["工单台账"] == 0 and counts["调解协议台账"] == 0
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == TITLES
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), ws.title
        assert ws.print_title_rows == "$1:$1", ws.title
        assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
        assert int(ws.page_setup.fitToWidth or 1) == 1 and int(ws.page_setup.fitToHeight) == 0
        assert all(c.font.bold for c in ws[1] if c.value is not None)
    inc = wb["警情明细"]
    header = [c.value for c in inc[1]]
    assert header[:6] == ["警情编号", "重复", "报警时间", "警情类型", "报警人", "联系电话"]
    first = inc[2]
    assert first[0].value == "JQ0001"
    assert isinstance(first[2].value, datetime) and first[2].value == datetime(2026, 10, 1, 9, 5)
    assert first[4].value == "张三丰" and first[5].value == "13812345678"  # the chief sees them unmasked
    assert inc.column_dimensions["A"].width >= 8

    summary = wb["统计汇总"]
    assert [c.value for c in summary[1]] == ["指标", "本期", "上期", "去年同期", "环比", "同比", "前3年同期均值",
                                              "较前3年平均"]
    row = summary[2]
    assert row[0].value == "警情"
    assert [type(c.value) for c in row[1:4]] == [int, int, int]
    assert [c.value for c in row[1:4]] == [3, 2, 4]
    assert row[4].value == pytest.approx(0.5) and row[4].number_format == "0.0%"    # 环比 +50 %
    assert row[5].value == pytest.approx(-0.25) and row[5].number_format == "0.0%"  # 同比 -25 %
    labels = [r[0].value for r in summary.iter_rows(min_row=2)]
    assert "治安案件30日办结率" in labels and "统计口径说明" in labels and "同比" in labels
    rate = next(r for r in summary.iter_rows(min_row=2) if r[0].value == "治安案件30日办结率")
    assert rate[1].value is None or rate[1].number_format == "0.0%"  # no case: no rate, "—" is no number
    with db.session(station_id=chief.station_id) as s:
        entry = s.execute(select(AuditEntry).order_by(AuditEntry.id.desc())).scalars().first()
    assert "上报统计工作簿（2026年10月，未脱敏）" in entry.summary


def test_masking_and_formula_text(db, logins, tmp_path):
    _chief, viewer = logins
    path = tmp_path / "masked.xlsx"
    write_hq_workbook(db, viewer, _october(db, viewer), path, now=NOW)
    ws = openpyxl.load_workbook(path)["警情明细"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    assert rows["JQ0001"][4].value == "张**" and rows["JQ0001"][5].value == "138****5678"
    second, third = rows["JQ0002"], rows["JQ0003"]
    assert second[4].value == "=***" and second[4].data_type == "s"  # masked, and a string anyway
    summary_col = [c.value for c in ws[1]].index("简要警情")
    assert second[summary_col].value == "@SUM(A1)" and second[summary_col].data_type == "s"
    assert third[summary_col].value == "+86 报警" and third[summary_col].data_type == "s"
    with db.session(station_id=viewer.station_id) as s:
        entry = s.execute(select(AuditEntry).order_by(AuditEntry.id.desc())).scalars().first()
    assert "未脱敏" not in entry.summary

    # A read-only user may not produce the HQ workbook at all (the permission matrix, in the service).
    reader = LoginResult(viewer.staff_id, viewer.station_id, viewer.name, viewer.number, ("viewer",),
                         viewer.station_name)
    with pytest.raises(PermissionDenied, match="上报分局"):
        write_hq_workbook(db, reader, _october(db, reader), tmp_path / "refused.xlsx", now=NOW)
    assert not (tmp_path / "refused.xlsx").exists()


def test_formula_looking_names_stay_strings_unmasked(db, logins, tmp_path):
    chief, _viewer = logins
    path = tmp_path / "chief.xlsx"
    write_hq_workbook(db, chief, _october(db, chief), path, now=NOW)
    ws = openpyxl.load_workbook(path)["警情明细"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    assert rows["JQ0002"][4].value == "=1+1" and rows["JQ0002"][4].data_type == "s"
    assert rows["JQ0003"][4].value == "-2" and rows["JQ0003"][4].data_type == "s"


def test_profiles_choose_sheets_columns_and_only_add_masking(db, logins, tmp_path):
    chief, viewer = logins
    assert [k for k, _t, _c in HQ_SHEETS] == ["summary", "incidents", "repeats", "work_orders", "disputes",
                                               "agreements"]
    pid = save_export_profile(db, chief, " 月报 ", ["incidents", "summary"],
                              {"incidents": ["number", "reported_at", "caller_name", "caller_phone"]}, mask=True)
    assert save_export_profile(db, chief, "月报", ["incidents", "summary"],
                               {"incidents": ["number", "reported_at", "caller_name", "caller_phone"]},
                               mask=True) == pid  # saved again under the same name: replaced
    save_export_profile(db, chief, "全部不脱敏", [k for k, _t, _c in HQ_SHEETS], None, mask=False)
    profiles = list_export_profiles(db, chief.station_id)
    assert [p["name"] for p in profiles] == sorted(["月报", "全部不脱敏"])
    monthly = next(p for p in profiles if p["name"] == "月报")
    assert monthly["sheets"] == ["incidents", "summary"] and monthly["mask"] is True

    path = tmp_path / "p.xlsx"
    counts = write_hq_workbook(db, chief, _october(db, chief), path, profile="月报", now=NOW)
    assert list(counts) == ["警情明细", "统计汇总"]
    ws = openpyxl.load_workbook(path)["警情明细"]
    assert [c.value for c in ws[1]] == ["警情编号", "报警时间", "报警人", "联系电话"]
    assert ws["C2"].value == "张**" and ws["D2"].value == "138****5678"  # the profile masks even for the chief

    path = tmp_path / "viewer.xlsx"
    write_hq_workbook(db, viewer, _october(db, viewer), path, profile="全部不脱敏", now=NOW)
    ws = openpyxl.load_workbook(path)["警情明细"]
    assert ws["E2"].value == "张**"  # a profile cannot unmask for a role that may not see personal data

    with pytest.raises(ValidationError):
        save_export_profile(db, chief, "坏", ["nope"])
    with pytest.raises(ValidationError):
        save_export_profile(db, chief, "坏", ["incidents"], {"incidents": ["nope"]})
    with pytest.raises(ValidationError):
        save_export_profile(db, chief, "  ", ["incidents"])
    with pytest.raises(NotFound):
        write_hq_workbook(db, chief, _october(db, chief), tmp_path / "x.xlsx", profile="没有", now=NOW)
    delete_export_profile(db, chief, "月报")
    assert [p["name"] for p in list_export_profiles(db, chief.station_id)] == ["全部不脱敏"]
    with pytest.raises(NotFound):
        delete_export_profile(db, chief, "月报")
