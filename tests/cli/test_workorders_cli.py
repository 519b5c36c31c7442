"""`station-desk workorders list` and `station-desk workorders ledger` on every backend."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import openpyxl
import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.models.enums import Role
from desktop.services import work_orders as wo
from desktop.services.accounts import LoginResult
from desktop.services.stations import add_staff
from tests.factories import make_station


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def url(db) -> str:
    """A database with one station and four orders issued in March 2025 and one in April; the first is
    open long past its deadline, the second closed, the third open with a deadline far ahead."""
    with db.transaction() as s:
        station, room, team, officer = make_station(s)
        chief = add_staff(s, station, number="GD009", name="王强", roles={Role.CHIEF, Role.DUTY}, unit=room)
        login = LoginResult(chief.id, station.id, chief.name, chief.number, ("chief", "duty"), station.name)
        team_id, room_id, officer_id = team.id, room.id, officer.id
    far = datetime.now() + timedelta(days=3650)

    def new(title, at, unit=team_id, **kw):
        return wo.create_work_order(db, login, wo.NewOrder(title=title, unit_id=unit, **kw), now=at)

    new("核查噪音扰民", datetime(2025, 3, 1, 9, 0), priority="urgent", assignee_id=officer_id)
    done = new("走访独居老人", datetime(2025, 3, 2, 9, 0))
    new("长期巡逻", datetime(2025, 3, 3, 9, 0), deadline=far)
    new("指挥室内部整改", datetime(2025, 3, 31, 23, 59), unit=room_id)
    new("四月工单", datetime(2025, 4, 1, 0, 0))
    for action in ("accept", "report", "close"):
        version = wo.order_detail(db, login.station_id, done).version
        wo.transition(db, login, done, version, action, now=datetime(2025, 3, 3, 10, 0))
    return db.url.render_as_string(hide_password=False)


def test_list_as_json_with_filters(capsys, url):
    code, out, _ = run(capsys, "workorders", "list", "--db", url, "--json")
    assert code == 0
    orders = json.loads(out)["orders"]
    assert [o["title"] for o in orders] == ["核查噪音扰民", "走访独居老人", "长期巡逻", "指挥室内部整改", "四月工单"]
    first = orders[0]
    assert first["number"] == "GD-2025-000001" and first["status"] == "已下发" and first["unit"] == "社区警务队"
    assert first["assignee"] == "张伟" and first["deadline"] == "2025-03-01 11:00" and first["overdue"] is True
    assert orders[1]["overdue"] is False and orders[1]["status"] == "已办结"
    assert orders[2]["overdue"] is False

    code, out, _ = run(capsys, "workorders", "list", "--overdue", "--db", url, "--json")
    assert [o["title"] for o in json.loads(out)["orders"]] == ["核查噪音扰民", "指挥室内部整改", "四月工单"]

    code, out, _ = run(capsys, "workorders", "list", "--status", "已办结", "--db", url, "--json")
    assert [o["title"] for o in json.loads(out)["orders"]] == ["走访独居老人"]
    code, out, _ = run(capsys, "workorders", "list", "--status", "closed", "--overdue", "--db", url, "--json")
    assert json.loads(out)["orders"] == []

    code, out, _ = run(capsys, "workorders", "list", "--unit", "综合指挥室", "--db", url, "--json")
    assert [o["title"] for o in json.loads(out)["orders"]] == ["指挥室内部整改"]
    code, out, _ = run(capsys, "workorders", "list", "--unit", "GD-SQ", "--overdue", "--db", url, "--json")
    assert [o["title"] for o in json.loads(out)["orders"]] == ["核查噪音扰民", "四月工单"]


def test_list_as_text(capsys, url):
    code, out, _ = run(capsys, "workorders", "list", "--overdue", "--db", url)
    assert code == 0
    assert out.splitlines()[0] == "工单 3 张"
    assert "GD-2025-000001  已下发  社区警务队  张伟  时限 2025-03-01 11:00  核查噪音扰民  【超期】" in out


def test_ledger_writes_excel_and_pdf(capsys, url, tmp_path):
    xlsx, pdf = tmp_path / "台账.xlsx", tmp_path / "台账.pdf"
    code, out, _ = run(capsys, "workorders", "ledger", "--from", "2025-03-01", "--to", "2025-03-31",
                       "--xlsx", str(xlsx), "--pdf", str(pdf), "--db", url, "--json")
    assert code == 0
    result = json.loads(out)
    assert result == {"from": "2025-03-01", "to": "2025-03-31", "orders": 4, "xlsx": str(xlsx), "pdf": str(pdf)}
    rows = list(openpyxl.load_workbook(xlsx).active.iter_rows(min_row=2, values_only=True))
    assert [r[3] for r in rows] == ["核查噪音扰民", "走访独居老人", "长期巡逻", "指挥室内部整改"]
    assert rows[3][8] == datetime(2025, 3, 31, 23, 59)  # the last minute of the last day is in
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages)
    assert "下发时间2025-03-01至2025-03-31" in text and "指挥室内部整改" in text and "四月工单" not in text

    code, out, _ = run(capsys, "workorders", "ledger", "--from", "2025-04-01", "--to", "2025-04-01",
                       "--xlsx", str(xlsx), "--db", url)
    assert code == 0 and "2025-04-01 至 2025-04-01 下发的工单 1 张" in out


@pytest.mark.parametrize(("args", "message"), [
    (["list", "--status", "done"], "没有这种工单状态：done"),
    (["list", "--unit", "交警队"], "没有代码或名称为 交警队 的单位"),
    (["list", "--station", "XX"], "没有代码为 XX 的派出所"),
    (["ledger", "--from", "2025-03-31", "--to", "2025-03-01", "--xlsx", "x.xlsx"], "结束日期早于开始日期"),
    (["ledger", "--from", "2025-03-01", "--to", "2025-03-31"], "请用 --xlsx 或 --pdf 指定输出文件"),
    (["ledger", "--from", "3月1日", "--to", "2025-03-31", "--xlsx", "x.xlsx"], "开始日期格式不正确：3月1日"),
])
def test_errors_are_one_chinese_line(capsys, url, args, message):
    code, out, err = run(capsys, "workorders", *args, "--db", url)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("station-desk: 错误：") and message in err
    code, out, _ = run(capsys, "workorders", *args, "--db", url, "--json")
    assert code == 2 and message in json.loads(out)["error"]
