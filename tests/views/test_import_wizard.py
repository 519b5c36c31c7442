"""The incident import wizard driven end to end on a real database (each backend) and a real workbook."""

from __future__ import annotations

import faulthandler
from datetime import datetime

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog
from sqlalchemy import func, select

from desktop.models import Incident
from desktop.services.accounts import LoginResult
from desktop.services.incident_import import list_profiles, save_profile
from desktop.views.import_wizard import PAGE_FILE, PAGE_MAPPING, PAGE_SUMMARY, PROBLEM_COLOR, ImportWizard
from tests.factories import make_station

HEADER = ["警情编号", "报警时间", "报警人", "联系电话", "发案地点", "警情类别", "警情类型", "简要警情", "备注"]
REMARK_COL = HEADER.index("备注")
CATEGORIES = [("治安", "噪声扰民"), ("纠纷", "邻里纠纷"), ("求助", "开锁"), ("刑事", "盗窃"), ("交通", "交通事故")]
NO_NUMBER_ROW, BAD_TIME_ROW, BAD_PHONE_ROW = 7, 9, 11  # spreadsheet rows (title, export date, header first)
GOOD_NUMBERS = {f"J33010220250305{i:04d}" for i in range(10) if i not in (3, 5)}


@pytest.fixture(autouse=True)
def watchdog():
    """A wizard job that never ends would block its local event loop forever: dump and stop instead."""
    faulthandler.dump_traceback_later(180, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture
def login(db) -> LoginResult:
    with db.transaction() as s:
        station, _room, _team, officer = make_station(s)
        return LoginResult(staff_id=officer.id, station_id=station.id, name=officer.name, number=officer.number,
                           roles=("duty",), station_name=station.name)


@pytest.fixture
def export_file(tmp_path):
    """A 110 export: title and export-date rows, the header, ten incidents (three bad) and a totals row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["城关派出所警情明细表"])
    ws.append(["导出时间：2025-03-06 07:30"])
    ws.append(HEADER)
    for i in range(10):
        category, subtype = CATEGORIES[i % len(CATEGORIES)]
        ws.append([
            None if i == 3 else f"J33010220250305{i:04d}",
            "2025-02-30 10:00" if i == 5 else datetime(2025, 3, 5, 8 + i, 10),
            f"报警人{i}",
            "1380013800" if i == 7 else f"1380013800{i}",
            f"解放路{100 + i}号",
            category,
            subtype,
            f"第{i}起警情",
            f"备注{i}",
        ])
    ws.append(["合计：10 条"])
    path = tmp_path / "警情明细.xlsx"
    wb.save(path)
    return path


def open_wizard(qtbot, db, login) -> ImportWizard:
    wizard = ImportWizard(db, login, None)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def incident_numbers(db, login) -> set[str]:
    with db.session(station_id=login.station_id) as s:
        return set(s.scalars(select(Incident.number)))


def preview_row(wizard: ImportWizard, sheet_row: int) -> int:
    table = wizard.preview_table
    rows = [r for r in range(table.rowCount()) if table.item(r, 1).text() == str(sheet_row)]
    assert len(rows) == 1, f"sheet row {sheet_row} not in the preview"
    return rows[0]


def test_import_end_to_end_then_again(qtbot, db, login, export_file, tmp_path, monkeypatch):
    wizard = open_wizard(qtbot, db, login)
    assert wizard.current_page() == PAGE_FILE
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(export_file), ""))
    wizard.browse()
    assert wizard.path_edit.text() == str(export_file)

    assert wizard.next_page() is True
    assert wizard.current_page() == PAGE_MAPPING
    assert wizard.header_label.text() == "警情明细.xlsx: header on row 3, 10 data rows"  # not the totals row
    assert wizard.mapping_combos["number"].currentData() == 0
    assert wizard.mapping_combos["caller_phone"].currentData() == 3
    assert wizard.mapping_combos["disposal"].currentData() is None
    assert not wizard.profile_note.isVisible()

    # The preview: ten incidents (the totals row is left out), bad cells red with the reason as tooltip.
    table = wizard.preview_table
    assert table.rowCount() == 10
    assert table.horizontalHeaderItem(0).text() == "Status"
    r = preview_row(wizard, NO_NUMBER_ROW)
    assert table.item(r, 0).text() == "Rejected"
    cell = table.item(r, wizard.preview_column("number"))
    assert cell.background().color() == PROBLEM_COLOR and cell.toolTip() == "缺少警情编号"
    r = preview_row(wizard, BAD_TIME_ROW)
    assert table.item(r, 0).text() == "Rejected"
    cell = table.item(r, wizard.preview_column("reported_at"))
    assert cell.background().color() == PROBLEM_COLOR and "2025-02-30" in cell.toolTip()
    r = preview_row(wizard, BAD_PHONE_ROW)
    assert table.item(r, 0).text() == "Review"
    cell = table.item(r, wizard.preview_column("caller_phone"))
    assert cell.background().color() == PROBLEM_COLOR and "1380013800" in cell.toolTip()
    r = preview_row(wizard, 4)
    assert table.item(r, 0).text() == "OK"
    assert table.item(r, wizard.preview_column("reported_at")).text() == "2025-03-05 08:10:00"
    assert table.item(r, wizard.preview_column("caller_phone")).background().style() == Qt.BrushStyle.NoBrush

    # A missing required field blocks the import; choosing it again re-runs the preview.
    wizard.set_mapping("number", None)
    assert wizard.preview_column("number") is None
    assert wizard.next_page() is False
    assert wizard.current_page() == PAGE_MAPPING
    assert wizard.mapping_error.isVisible() and "警情编号" in wizard.mapping_error.text()
    assert incident_numbers(db, login) == set()
    wizard.set_mapping("number", 0)
    assert not wizard.mapping_error.isVisible()
    assert wizard.preview_column("number") == 2

    # Import.
    assert wizard.next_page() is True
    assert wizard.current_page() == PAGE_SUMMARY
    summary = wizard.summary
    assert summary.counts() == {"read": 10, "imported": 8, "already_present": 0, "duplicates_in_file": 0,
                                "conflicts": 0, "rejected": 2, "review": 1}
    assert wizard.count_labels["imported"].text() == "8"
    assert wizard.count_labels["rejected"].text() == "2"
    assert wizard.count_labels["review"].text() == "1"
    problems = wizard.problems_table
    assert [(problems.item(i, 0).text(), problems.item(i, 1).text()) for i in range(problems.rowCount())] == [
        ("Rejected", str(NO_NUMBER_ROW)), ("Rejected", str(BAD_TIME_ROW)), ("Review", str(BAD_PHONE_ROW))]
    assert problems.item(2, 2).text() == "J330102202503050007"
    assert incident_numbers(db, login) == GOOD_NUMBERS
    with db.session(station_id=login.station_id) as s:
        bad_phone = s.scalar(select(Incident).where(Incident.number == "J330102202503050007"))
        assert (bad_phone.caller_phone, bad_phone.caller_phone_raw) == (None, "1380013800")
        assert bad_phone.reported_at == datetime(2025, 3, 5, 15, 10)

    # The rejected rows, as they were in the file, with row number and reason.
    target = tmp_path / "out" / "rejects"
    target.parent.mkdir()
    assert wizard.save_rejects(str(target)) == 2
    saved = target.with_name("rejects.xlsx")
    assert "rejects.xlsx" in wizard.rejects_status.text()
    ws = openpyxl.load_workbook(saved, read_only=True).active
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[0][:4] == ["原行号", "原因", "警情编号", "报警时间"]
    assert len(rows) == 3
    assert rows[1][0] == NO_NUMBER_ROW and rows[1][1] == "缺少警情编号" and rows[1][2] is None
    assert rows[1][4] == "报警人3"
    assert rows[2][0] == BAD_TIME_ROW and "报警时间" in rows[2][1] and rows[2][3] == "2025-02-30 10:00"

    wizard.finish_button.click()
    assert wizard.result() == ImportWizard.DialogCode.Accepted

    # The same file again imports nothing new.
    again = open_wizard(qtbot, db, login)
    again.set_path(str(export_file))
    assert again.next_page() and again.next_page()
    assert again.summary.counts() == {"read": 10, "imported": 0, "already_present": 8, "duplicates_in_file": 0,
                                      "conflicts": 0, "rejected": 2, "review": 0}
    assert again.count_labels["already_present"].text() == "8"
    assert incident_numbers(db, login) == GOOD_NUMBERS
    # Closing the window after an import still reports it, so the list gets refreshed.
    again.reject()
    assert again.result() == ImportWizard.DialogCode.Accepted


def test_cancelled_import_changes_nothing_and_keeps_the_mapping(qtbot, db, login, export_file):
    wizard = open_wizard(qtbot, db, login)
    wizard.set_path(str(export_file))
    assert wizard.next_page()
    wizard.set_mapping("disposal", REMARK_COL)
    preview_rows = wizard.preview_table.rowCount()

    def cancel_at_once(runner):
        runner.cancel()

    wizard.job_started.connect(cancel_at_once)
    assert wizard.next_page() is False
    assert wizard.current_page() == PAGE_MAPPING
    assert wizard.mapping_info.isVisible() and "Nothing was changed" in wizard.mapping_info.text()
    assert not wizard.mapping_error.isVisible()
    assert wizard.summary is None
    assert incident_numbers(db, login) == set()
    assert wizard.mapping["disposal"] == REMARK_COL
    assert wizard.preview_table.rowCount() == preview_rows
    assert wizard.next_button.isEnabled()

    wizard.job_started.disconnect(cancel_at_once)
    assert wizard.next_page() is True
    assert wizard.summary.imported == 8
    with db.session(station_id=login.station_id) as s:
        assert s.scalar(select(Incident.disposal).where(Incident.number == "J330102202503050000")) == "备注0"
    # Leaving without an import is a plain reject.
    other = open_wizard(qtbot, db, login)
    other.reject()
    assert other.result() == ImportWizard.DialogCode.Rejected


def test_corrupt_file_shows_the_error_on_the_first_page(qtbot, db, login, tmp_path):
    bad = tmp_path / "坏文件.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not a workbook")
    wizard = open_wizard(qtbot, db, login)
    wizard.set_path(str(bad))
    assert wizard.next_page() is False
    assert wizard.current_page() == PAGE_FILE
    assert wizard.path_edit.text() == str(bad)
    assert wizard.file_error.isVisible()
    assert "坏文件.xlsx" in wizard.file_error.text()

    missing_header = tmp_path / "no_header.csv"
    missing_header.write_text("a,b\n1,2\n", encoding="utf-8")
    wizard.set_path(str(missing_header))
    assert wizard.next_page() is False
    assert "找不到表头" in wizard.file_error.text()
    assert "\n" in wizard.file_error.text()  # the hint on its own line

    wizard.set_path("")
    assert wizard.next_page() is False
    assert wizard.file_error.text() == "Choose the file to import."
    assert incident_numbers(db, login) == set()


def test_saved_profile_is_preselected_when_it_fits(qtbot, db, login, export_file, monkeypatch):
    save_profile(db, login.station_id, login.staff_id, "其他系统", ["事件编号", "来电时间"],
                 {"number": 0, "reported_at": 1})
    first = open_wizard(qtbot, db, login)
    first.set_path(str(export_file))
    assert first.next_page()
    assert first.profile_combo.currentData() is None  # the other system's profile does not fit
    first.set_mapping("disposal", REMARK_COL)

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))
    first.save_profile_as()
    assert first.mapping_error.isVisible() and "方案名称" in first.mapping_error.text()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (" 城关110导出 ", True))
    first.save_profile_as()
    assert not first.mapping_error.isVisible()
    assert "城关110导出" in first.mapping_info.text()
    assert first.profile_combo.currentData() == "城关110导出"
    saved = dict(list_profiles(db, login.station_id))
    assert saved["城关110导出"]["disposal"] == "备注"

    second = open_wizard(qtbot, db, login)
    assert second.profile_combo.currentData() is None
    assert [second.profile_combo.itemData(i) for i in range(second.profile_combo.count())] == [
        None, "其他系统", "城关110导出"]
    second.set_path(str(export_file))
    assert second.next_page()
    assert second.profile_combo.currentData() == "城关110导出"
    assert second.profile_note.isVisible() and "城关110导出" in second.profile_note.text()
    assert second.mapping_combos["disposal"].currentData() == REMARK_COL
    assert second.next_page()
    assert second.summary.imported == 8
    with db.session(station_id=login.station_id) as s:
        assert s.scalar(select(func.count()).select_from(Incident).where(Incident.disposal == "备注1")) == 1

    # Back on the first page the file and the profile are kept.
    third = open_wizard(qtbot, db, login)
    third.set_path(str(export_file))
    assert third.next_page()
    third.back_page()
    assert third.current_page() == PAGE_FILE
    assert third.profile_combo.currentData() == "城关110导出"
    assert third.next_page() and third.mapping_combos["disposal"].currentData() == REMARK_COL
    # Choosing no profile for the same file is respected (not overridden by the fitting one).
    third.back_page()
    third.profile_combo.setCurrentIndex(0)
    assert third.next_page()
    assert third.profile_combo.currentData() is None and not third.profile_note.isVisible()
    assert third.mapping_combos["disposal"].currentData() is None


def test_an_import_error_is_shown_and_nothing_is_lost(qtbot, db, login, export_file):
    # A staff id that is not in the database: the import is refused (no such person, so no right to
    # import: desktop.services.permissions) before anything is written.
    ghost = LoginResult(staff_id=login.staff_id + 1000, station_id=login.station_id, name="无此人", number="X",
                        roles=("duty",), station_name=login.station_name)
    wizard = open_wizard(qtbot, db, ghost)
    wizard.set_path(str(export_file))
    assert wizard.next_page()
    wizard.set_mapping("disposal", REMARK_COL)
    assert wizard.next_page() is False
    assert wizard.current_page() == PAGE_MAPPING
    assert wizard.mapping_error.isVisible() and "没有权限导入数据" in wizard.mapping_error.text()
    assert not wizard.mapping_info.isVisible()
    assert wizard.mapping["disposal"] == REMARK_COL and wizard.preview_table.rowCount() == 10
    assert wizard.path_edit.text() == str(export_file)
    assert incident_numbers(db, login) == set()
