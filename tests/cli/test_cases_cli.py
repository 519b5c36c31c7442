"""`station-desk import cases` and `station-desk cases due` on every backend, as JSON and as text."""

from __future__ import annotations

import json
from datetime import date, timedelta

import openpyxl

from desktop.cli import main
from desktop.db import open_database
from desktop.db.migrate import upgrade
from tests.cli import as_user, enable_cli_login
from tests.factories import make_station


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _station_db(url):
    db = open_database(url)
    upgrade(db)
    with db.transaction() as s:
        make_station(s)
        enable_cli_login(s)
    db.dispose()


def _export(path):
    today = date.today()
    day = lambda n: (today - timedelta(days=n)).isoformat()  # noqa: E731 - accepted n days ago
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["案件台账"])
    ws.append(["受案编号", "案件名称", "案件类型", "受案时间", "主办民警", "案件状态", "结案时间"])
    ws.append(["X1", "超期案", "行政", day(31), "张伟", "办理中", None])
    ws.append(["X2", "今天到期案", "行政", day(30), "张伟", "办理中", None])
    ws.append(["X3", "新案", "行政", day(1), None, None, None])
    ws.append(["X4", "已结案", "行政", day(40), None, "已结案", day(35)])
    ws.append(["", "无编号", "行政", day(2), None, None, None])
    wb.save(path)
    return path


def test_import_cases_then_cases_due_as_json(capsys, empty_url, tmp_path, monkeypatch):
    _station_db(empty_url)
    user = as_user(monkeypatch)
    path = _export(tmp_path / "cases.xlsx")
    rejects = tmp_path / "rejects.xlsx"

    code, out, _ = run(capsys, "import", "cases", str(path), "--db", empty_url, "--dry-run", "--json")
    assert code == 0
    assert json.loads(out)["dry_run"] is True and json.loads(out)["counts"]["imported"] == 4

    code, out, _ = run(capsys, "import", "cases", str(path), "--db", empty_url, "--rejects", str(rejects), "--json",
                       *user)
    result = json.loads(out)
    assert code == 0 and result["counts"]["imported"] == 4 and result["counts"]["rejected"] == 1
    assert result["rejected"][0]["row"] == 7 and result["rejects_file"] == str(rejects)
    assert openpyxl.load_workbook(rejects).active.max_row >= 2

    code, out, _ = run(capsys, "import", "cases", str(path), "--db", empty_url, "--json", *user)
    assert json.loads(out)["counts"]["already_present"] == 4

    code, out, _ = run(capsys, "cases", "due", "--days", "0", "--db", empty_url, "--json")
    assert code == 0
    due = json.loads(out)
    assert [(c["number"], c["days_left"], c["overdue"]) for c in due["cases"]] == [("X1", -1, True),
                                                                                    ("X2", 0, False)]
    assert due["cases"][0]["officer"] == "张伟" and due["cases"][0]["status_label"] == "办理中"
    code, out, _ = run(capsys, "cases", "due", "--days", "29", "--db", empty_url, "--json")
    assert [c["number"] for c in json.loads(out)["cases"]] == ["X1", "X2", "X3"]

    code, out, _ = run(capsys, "cases", "due", "--days", "0", "--db", empty_url)
    assert code == 0 and "超期 1 日" in out and "X2" in out


def test_cases_due_refuses_negative_days_and_bad_file(capsys, empty_url, tmp_path, monkeypatch):
    _station_db(empty_url)
    code, out, err = run(capsys, "cases", "due", "--days", "-1", "--db", empty_url, "--json")
    assert code == 2 and "不能为负数" in json.loads(out)["error"]
    bad = tmp_path / "bad.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "电话"])
    wb.save(bad)
    code, _out, err = run(capsys, "import", "cases", str(bad), "--db", empty_url, *as_user(monkeypatch))
    assert code == 2 and "找不到表头" in err


def test_import_warnings_as_json(capsys, empty_url, tmp_path, monkeypatch):
    _station_db(empty_url)
    user = as_user(monkeypatch)
    path = tmp_path / "warnings.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["反诈中心预警名单"])
    ws.append(["姓名", "电话", "时间", "预警内容"])
    ws.append(["王芳", "13800138000", "2025-03-05 10:00", "刷单返利"])
    ws.append(["钱多", "13700001111", "不知道", "投资理财"])
    wb.save(path)
    rejects = tmp_path / "rejects.xlsx"
    code, out, _ = run(capsys, "import", "warnings", str(path), "--db", empty_url, "--rejects", str(rejects),
                       "--json", *user)
    result = json.loads(out)
    assert code == 0 and result["counts"]["imported"] == 1 and result["counts"]["rejected"] == 1
    assert result["rejected"][0]["row"] == 4 and openpyxl.load_workbook(rejects).active.max_row >= 2
    code, out, _ = run(capsys, "import", "warnings", str(path), "--db", empty_url, "--json", *user)
    assert json.loads(out)["counts"]["imported"] == 0
