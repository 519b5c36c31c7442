"""The printed 人民调解协议书 from the database, its audit, and the agreement lookup (every backend)."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.errors import NotFound
from desktop.models import AuditEntry
from desktop.models.dispute import Agreement, AgreementParty, Dispute, DisputeParty, Party
from desktop.services.dispute_documents import (
    agreement_document,
    latest_agreement_id,
    print_agreement,
    write_dispute_ledger,
)
from desktop.services.work_order_documents import StationActor
from tests.factories import make_station


def _world(db):
    with db.transaction() as s:
        station, _room, _team, _officer = make_station(s)
        zhang = Party(station_id=station.id, name="张三", sex="M", ethnicity="汉族", birth_date=date(1980, 1, 2),
                      id_number="110101198001020011", phone="13800138000", address="幸福路1号")
        li = Party(station_id=station.id, name="李四", sex="F", address="幸福路3号")
        s.add_all([zhang, li])
        s.flush()
        dispute = Dispute(station_id=station.id, number="GD-JF-2026-0001", registered_at=datetime(2026, 3, 1, 9),
                          cause="宅基地边界", nature="neighbour")
        dispute.party_links = [DisputeParty(party_id=li.id, role="respondent"),
                               DisputeParty(party_id=zhang.id, role="applicant")]
        s.add(dispute)
        s.flush()
        ids = {}
        for version, status in ((1, "superseded"), (2, "signed")):
            ag = Agreement(station_id=station.id, dispute_id=dispute.id, number="GD调〔2026〕1号",
                           agreement_version=version, status=status, facts="双方因围墙发生争执。",
                           points="围墙位置", terms=f"被申请人赔偿3000元（第{version}稿）。", performance="现金支付",
                           performance_deadline=date(2026, 4, 1), copies=3, mediators="赵六、钱七",
                           signed_on=date(2026, 3, 5))
            # the respondent is linked first: the printed order puts the applicant first anyway
            ag.signatories = [AgreementParty(party_id=li.id, role="respondent"),
                              AgreementParty(party_id=zhang.id, role="applicant")]
            s.add(ag)
            s.flush()
            ids[version] = ag.id
        return station.id, ids


def test_agreement_document_and_print(db, tmp_path):
    station_id, ids = _world(db)
    doc = agreement_document(db, station_id, ids[2])
    assert [p.name for p in doc.parties] == ["张三", "李四"]
    assert doc.parties[0].id_number == "110101198001020011" and doc.parties[0].birth_date == date(1980, 1, 2)
    assert doc.version == 2 and doc.signed and doc.copies == 3
    assert doc.mediators == ["赵六", "钱七"]
    assert doc.organisation == "城关派出所人民调解委员会"

    path = tmp_path / "ag.pdf"
    pages = print_agreement(db, StationActor(station_id), ids[2], path)
    text = "".join(p.extract_text() for p in PdfReader(str(path)).pages).replace("\n", "").replace(" ", "")
    assert pages >= 1
    assert "申请人：张三" in text and "被申请人：李四" in text and "（第2稿）" in text and "一式3份" in text
    with db.session(station_id=station_id) as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "print")).scalars().one()
        assert entry.table_name == "agreements" and "张三" in str(entry.changes)


def test_latest_agreement_by_either_number(db):
    station_id, ids = _world(db)
    assert latest_agreement_id(db, station_id, "GD-JF-2026-0001") == ids[2]
    assert latest_agreement_id(db, station_id, " GD调〔2026〕1号 ") == ids[2]
    with pytest.raises(NotFound):
        latest_agreement_id(db, station_id, "NOPE")
    with pytest.raises(NotFound):
        agreement_document(db, station_id + 999, ids[1])


def _disputes(db, station_id):
    with db.transaction(station_id=station_id) as s:
        for n, (at, risk, status, cause) in enumerate([
            (datetime(2026, 3, 2, 8, 30), "high", "registered", "=SUM(A1)噪音"),
            (datetime(2026, 3, 1, 10, 0), "low", "mediating", "宠物伤人"),
            (datetime(2026, 4, 1, 9, 0), "low", "registered", "四月纠纷"),
        ], start=2):
            s.add(Dispute(station_id=station_id, number=f"GD-JF-2026-{n:04d}", registered_at=at, cause=cause,
                          nature="neighbour", risk_level=risk, status=status, criminal_risk=n == 2))


MARCH = {"registered_at": (datetime(2026, 3, 1), datetime(2026, 3, 31, 23, 59, 59))}


def test_ledger_excel_and_pdf(db, tmp_path):
    import openpyxl

    station_id, _ids = _world(db)
    _disputes(db, station_id)
    xlsx, pdf = tmp_path / "l.xlsx", tmp_path / "l.pdf"
    n = write_dispute_ledger(db, StationActor(station_id), xlsx, pdf, ranges=MARCH)
    assert n == 3  # 0001 (from _world, 2026-03-01 09:00) and two more in March; April's left out
    ws = openpyxl.load_workbook(xlsx).active
    rows = [r for r in ws.iter_rows(values_only=True) if r and r[0] is not None]
    header = next(r for r in rows if r[0] == "序号")
    assert "纠纷编号" in header and "登记时间" in header and "提示" not in header
    data = rows[rows.index(header) + 1:]
    col = {t: i for i, t in enumerate(header)}
    assert [r[col["纠纷编号"]] for r in data] == ["GD-JF-2026-0001", "GD-JF-2026-0003", "GD-JF-2026-0002"]
    first = data[2]
    assert first[col["登记时间"]] == datetime(2026, 3, 2, 8, 30)  # a real datetime, not text
    assert first[col["纠纷诱因"]] == "=SUM(A1)噪音"
    formula_like = [c for r in ws.iter_rows() for c in r if str(c.value).startswith("=SUM")]
    assert [c.data_type for c in formula_like] == ["s"]  # written as text, never a formula
    assert first[col["风险等级"]] != "high" and first[col["民转刑风险"]] == "是"
    text = "".join(p.extract_text() for p in PdfReader(str(pdf)).pages).replace("\n", "").replace(" ", "")
    assert "矛盾纠纷台账" in text and "GD-JF-2026-0003" in text and "宠物伤人" in text and "四月纠纷" not in text
    with db.session(station_id=station_id) as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "export")).scalars().one()
        assert entry.table_name == "disputes" and json.loads(entry.changes)["rows"] == 3


def test_ledger_filter_by_status_pdf_only(db, tmp_path):
    station_id, _ids = _world(db)
    _disputes(db, station_id)
    pdf = tmp_path / "s.pdf"
    assert write_dispute_ledger(db, StationActor(station_id), None, pdf, equals={"status": "mediating"}) == 1
    text = "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "GD-JF-2026-0003" in text and "GD-JF-2026-0002" not in text
    with pytest.raises(ValueError):
        write_dispute_ledger(db, StationActor(station_id))
