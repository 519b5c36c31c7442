"""Work-order documents on every backend: the printed form, the ledger (Excel and PDF) and their audit."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.errors import Cancelled
from desktop.models import AuditEntry
from desktop.models.enums import Role
from desktop.services import work_orders as wo
from desktop.services.accounts import LoginResult
from desktop.services.stations import add_staff
from desktop.services.work_order_documents import (
    LEDGER_COLUMNS,
    form_for,
    iter_ledger_rows,
    ledger_filter,
    overdue_filter,
    print_form,
    unit_id_for,
    write_ledger,
)
from tests.factories import make_station

NOW = datetime(2025, 3, 10, 12, 0)
MARCH = {"issued_at": (datetime(2025, 3, 1), datetime(2025, 3, 31, 23, 59, 59))}


@dataclasses.dataclass
class World:
    login: LoginResult
    team: int
    ids: dict[str, int]


@pytest.fixture
def world(db) -> World:
    with db.transaction() as s:
        station, _room, team, officer = make_station(s)
        chief = add_staff(s, station, number="GD009", name="王强", roles={Role.CHIEF, Role.DUTY}, unit=_room)
        login = LoginResult(chief.id, station.id, chief.name, chief.number, ("chief", "duty"), station.name)
        team_id, officer_id = team.id, officer.id

    def new(title, at, **kw):
        return wo.create_work_order(db, login, wo.NewOrder(title=title, unit_id=team_id, **kw), now=at)

    def step(order_id, action, at, **kw):
        version = wo.order_detail(db, login.station_id, order_id).version
        wo.transition(db, login, order_id, version, action, now=at, **kw)

    ids = {
        # Open, deadline 2 h after issue: overdue at NOW.
        "open": new("核查解放路128号噪音扰民", datetime(2025, 3, 1, 9, 0), priority="urgent",
                    instructions="请于两小时内到场核查。\n结果报指挥室。", assignee_id=officer_id),
        "on_time": new("走访独居老人", datetime(2025, 3, 2, 9, 0)),
        "late": new("排查出租屋消防隐患", datetime(2025, 3, 3, 9, 0), priority="high"),
        "cancelled": new("=SUM(A1)", datetime(2025, 3, 4, 9, 0)),
        "april": new("四月工单", datetime(2025, 4, 1, 9, 0)),
    }
    step(ids["open"], "accept", datetime(2025, 3, 1, 9, 30))
    step(ids["open"], "urge", datetime(2025, 3, 1, 12, 0), text="请尽快反馈")
    for action, at in (("accept", datetime(2025, 3, 2, 10, 0)), ("report", datetime(2025, 3, 3, 10, 0)),
                       ("close", datetime(2025, 3, 4, 10, 0))):
        step(ids["on_time"], action, at, text="已走访，老人身体状况良好" if action == "report" else None)
    for action, at in (("accept", datetime(2025, 3, 3, 10, 0)), ("report", datetime(2025, 3, 6, 10, 0)),
                       ("close", datetime(2025, 3, 6, 11, 0))):
        step(ids["late"], action, at)
    step(ids["cancelled"], "cancel", datetime(2025, 3, 4, 10, 0), text="重复下发")
    return World(login=login, team=team_id, ids=ids)


def _audit(db, station_id, action):
    with db.session(station_id=station_id) as s:
        return s.execute(select(AuditEntry.summary, AuditEntry.record_id, AuditEntry.staff_id)
                         .where(AuditEntry.action == action).order_by(AuditEntry.seq)).all()


def _pdf_text(path) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)


def test_form_from_order_detail(db, world):
    form = form_for(db, world.login.station_id, world.ids["open"], now=NOW)
    assert form.station_name == "城关派出所"
    assert form.number.startswith("GD-2025-")
    assert form.title == "核查解放路128号噪音扰民"
    assert (form.priority_label, form.status_label, form.source_label) == ("紧急", "已签收", "自建")
    assert form.unit == "社区警务队" and form.assignee == "张伟" and form.tracker == "王强"
    assert form.issued_at == datetime(2025, 3, 1, 9, 0) and form.deadline == datetime(2025, 3, 1, 11, 0)
    assert [h[2] for h in form.history] == ["下发", "签收", "催办"]
    assert form.history[2] == (datetime(2025, 3, 1, 12, 0), "王强", "催办", "请尽快反馈")


def test_print_form_writes_pdf_and_audit(db, world, tmp_path):
    out = tmp_path / "form.pdf"
    form = print_form(db, world.login, world.ids["open"], out, now=NOW)
    text = _pdf_text(out)
    for expected in (form.number, "核查解放路128号噪音扰民", "请于两小时内到场核查。", "催办", "请尽快反馈",
                     "反馈情况", "承办人签名"):
        assert expected in text, expected
    printed = _audit(db, world.login.station_id, "print")
    assert printed == [(f"打印工单 {form.number}", str(world.ids["open"]), world.login.staff_id)]


def test_ledger_rows_and_overdue(db, world):
    rows = list(iter_ledger_rows(db, world.login.station_id, ledger_filter(ranges=MARCH), now=NOW))
    by_title = {r.title: r for r in rows}
    assert [r.title for r in rows] == ["核查解放路128号噪音扰民", "走访独居老人", "排查出租屋消防隐患", "=SUM(A1)"]
    assert by_title["核查解放路128号噪音扰民"].overdue is True
    assert by_title["走访独居老人"].overdue is False and by_title["走访独居老人"].status == "已办结"
    assert by_title["排查出租屋消防隐患"].overdue is True  # closed after its deadline
    assert by_title["=SUM(A1)"].overdue is None and by_title["=SUM(A1)"].status == "已撤销"

    eq, rg = overdue_filter(NOW)
    overdue = list(iter_ledger_rows(db, world.login.station_id, ledger_filter(equals=eq, ranges=rg), now=NOW))
    assert [r.title for r in overdue] == ["核查解放路128号噪音扰民"]
    eq, rg = overdue_filter(NOW, equals={"status": "closed"})
    assert list(iter_ledger_rows(db, world.login.station_id, ledger_filter(equals=eq, ranges=rg), now=NOW)) == []


def test_ledger_excel_and_pdf(db, world, tmp_path):
    xlsx, pdf = tmp_path / "台账.xlsx", tmp_path / "台账.pdf"
    seen = []
    n = write_ledger(db, world.login, xlsx, pdf, ranges=MARCH, now=NOW,
                     progress=lambda done, total, text: seen.append((done, total)))
    assert n == 4
    assert seen[-1] == (8, 8)  # Excel then PDF, each of the 4 orders
    ws = openpyxl.load_workbook(xlsx).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == tuple(t for t, _k, _w in LEDGER_COLUMNS)
    assert len(rows) == 1 + 4
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["序号"] == 1 and first["标题"] == "核查解放路128号噪音扰民"
    assert first["来源"] == "自建" and first["承办单位"] == "社区警务队" and first["承办人"] == "张伟"
    assert first["跟踪人"] == "王强" and first["优先级"] == "紧急" and first["状态"] == "已签收"
    assert first["下发时间"] == datetime(2025, 3, 1, 9, 0) and isinstance(first["办结时限"], datetime)
    assert first["办结时间"] is None and first["是否超期"] == "是"
    assert [r[0] for r in rows[1:]] == [1, 2, 3, 4]
    cancelled = ws.cell(row=5, column=4)
    assert cancelled.value == "=SUM(A1)" and cancelled.data_type == "s"  # not a formula
    assert ws.freeze_panes == "A2"

    text = _pdf_text(pdf)
    assert "城关派出所工单台账" in text
    for title in ("核查解放路128号噪音扰民", "走访独居老人", "排查出租屋消防隐患"):
        assert title in text
    assert "四月工单" not in text
    page = PdfReader(str(pdf)).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape

    exported = _audit(db, world.login.station_id, "export")
    assert exported == [("导出工单台账 4 条", None, world.login.staff_id)]


def test_ledger_by_status_and_unit(db, world, tmp_path):
    out = tmp_path / "closed.xlsx"
    team = unit_id_for(db, world.login.station_id, "GD-SQ")
    assert unit_id_for(db, world.login.station_id, "社区警务队") == team
    n = write_ledger(db, world.login, out, equals={"status": "closed", "unit_id": team}, now=NOW)
    assert n == 2
    titles = [r[3] for r in openpyxl.load_workbook(out).active.iter_rows(min_row=2, values_only=True)]
    assert titles == ["走访独居老人", "排查出租屋消防隐患"]


def test_cancelled_ledger_leaves_nothing(db, world, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    xlsx, pdf = folder / "x.xlsx", folder / "x.pdf"
    with pytest.raises(Cancelled):
        write_ledger(db, world.login, xlsx, pdf, now=NOW, cancel=lambda: True)
    assert list(folder.iterdir()) == []
    # Cancelled while the PDF is made (the workbook is written by then): the workbook goes too.
    with pytest.raises(Cancelled):
        write_ledger(db, world.login, xlsx, pdf, now=NOW, cancel=xlsx.exists)
    assert list(folder.iterdir()) == []
    assert _audit(db, world.login.station_id, "export") == []
