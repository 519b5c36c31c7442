"""`station-desk import incidents` and `station-desk repeats` on every backend."""

from __future__ import annotations

import json

import openpyxl

from desktop.cli import main
from desktop.db import open_database
from desktop.db.migrate import upgrade
from desktop.services.taxonomy import seed_categories
from tests.cli import as_user, enable_cli_login
from tests.factories import make_station


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _export(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["警情明细"])
    ws.append(["警情编号", "报警时间", "报警人", "联系电话", "发案地点", "警情类型", "简要警情"])
    ws.append(["A1", "2024-05-01 10:00", "甲", "13800000001", "东街1号", "噪音扰民", "吵"])
    ws.append(["A2", "2024-05-01 10:20", "乙", "13800000002", "东街1号附近", "噪音扰民", "吵闹"])
    ws.append(["A3", "2024-05-01 23:00", "甲", "13800000001", "西街", "噪音扰民", "还吵"])
    ws.append(["", "2024-05-01 23:30", "丙", "13800000003", "北街", "噪音扰民", "无编号"])
    wb.save(path)
    return path


def _station_db(url):
    db = open_database(url)
    upgrade(db)
    with db.transaction() as s:
        seed_categories(s)
        make_station(s)
        enable_cli_login(s)
    db.dispose()


def test_import_then_repeats_as_json(capsys, empty_url, tmp_path, monkeypatch):
    _station_db(empty_url)
    user = as_user(monkeypatch)
    path = _export(tmp_path / "export.xlsx")
    rejects = tmp_path / "rejects.xlsx"

    code, out, _ = run(capsys, "import", "incidents", str(path), "--db", empty_url, "--dry-run", "--json")
    assert code == 0
    dry = json.loads(out)
    assert dry["dry_run"] is True and dry["counts"]["imported"] == 3

    code, out, _ = run(capsys, "import", "incidents", str(path), "--db", empty_url, "--rejects", str(rejects),
                       "--json", *user)
    assert code == 0
    result = json.loads(out)
    assert result["counts"]["imported"] == 3 and result["counts"]["rejected"] == 1
    assert result["rejected"][0]["row"] == 6
    assert openpyxl.load_workbook(rejects).active.max_row >= 2

    code, out, _ = run(capsys, "import", "incidents", str(path), "--db", empty_url, "--json", *user)
    assert json.loads(out)["counts"]["already_present"] == 3 and json.loads(out)["counts"]["imported"] == 0

    code, out, _ = run(capsys, "repeats", "--from", "2024-05-01", "--to", "2024-05-01", "--db", empty_url, "--json")
    assert code == 0
    clusters = {c["kind"]: c for c in json.loads(out)["clusters"]}
    assert clusters["same_caller"]["incidents"] == ["A1", "A3"]
    assert clusters["same_event"]["incidents"] == ["A1", "A2"]

    code, out, _ = run(capsys, "repeats", "--from", "2024-05-01", "--to", "2024-05-01", "--db", empty_url)
    assert code == 0 and "一人多报" in out and "A1" in out


def test_import_errors_are_one_chinese_line(capsys, tmp_path, monkeypatch):
    url = str(tmp_path / "desk.db")
    _station_db(url)
    user = as_user(monkeypatch)
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"not a workbook at all")
    code, _, err = run(capsys, "import", "incidents", str(bad), "--db", url, *user)
    assert code == 2 and "错误" in err and "Traceback" not in err
    code, _, err = run(capsys, "import", "incidents", str(tmp_path / "missing.xlsx"), "--db", url, *user)
    assert code == 2 and "Traceback" not in err
    code, _, err = run(capsys, "import", "incidents", str(_export(tmp_path / "e.xlsx")), "--db", url,
                       "--profile", "没有这个方案", *user)
    assert code == 2 and "没有这个方案" in err
    code, _, err = run(capsys, "repeats", "--from", "2024-13-01", "--to", "2024-05-01", "--db", url)
    assert code == 2 and "开始日期" in err
