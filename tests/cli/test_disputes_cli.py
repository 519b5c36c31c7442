"""`station-desk disputes agreement` on every backend: the latest version printed, JSON, errors."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.models.dispute import Agreement, AgreementParty, Dispute, Party
from tests.cli import CLI_USER, enable_cli_login
from tests.factories import make_station


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def url(db, monkeypatch) -> str:
    from tests.cli import as_user

    as_user(monkeypatch)  # agreements and the ledger carry personal data: --user is needed
    with db.transaction() as s:
        station, _room, _team, _officer = make_station(s)
        enable_cli_login(s)
        a = Party(station_id=station.id, name="张三", sex="M")
        b = Party(station_id=station.id, name="李四", sex="F")
        s.add_all([a, b])
        s.flush()
        dispute = Dispute(station_id=station.id, number="GD-JF-2026-0007", registered_at=datetime(2026, 3, 1, 9),
                          cause="噪音", nature="neighbour")
        s.add(dispute)
        s.flush()
        for version, status in ((1, "superseded"), (2, "draft")):
            ag = Agreement(station_id=station.id, dispute_id=dispute.id, number="GD调〔2026〕7号",
                           agreement_version=version, status=status, facts="楼上噪音扰民。",
                           terms=f"晚十时后不再装修（第{version}版条款）。", copies=3,
                           signed_on=date(2026, 3, 2) if status != "draft" else None)
            ag.signatories = [AgreementParty(party_id=a.id, role="applicant"),
                              AgreementParty(party_id=b.id, role="respondent")]
            s.add(ag)
        s.add(Dispute(station_id=station.id, number="GD-JF-2026-0008", registered_at=datetime(2026, 3, 20, 9),
                      cause="宠物伤人", nature="neighbour", risk_level="high", status="mediating"))
        s.add(Dispute(station_id=station.id, number="GD-JF-2026-0009", registered_at=datetime(2026, 4, 2, 9),
                      cause="四月纠纷", nature="neighbour"))
    return db.url.render_as_string(hide_password=False)


def test_agreement_by_dispute_number_as_json(capsys, url, tmp_path):
    out_pdf = tmp_path / "out" / "ag.pdf"
    code, out, _ = run(capsys, "disputes", "agreement", "GD-JF-2026-0007", "--pdf", str(out_pdf), "--db", url,
                       "--json", "--user", CLI_USER)
    assert code == 0
    result = json.loads(out)
    assert result["version"] == 2 and result["signed"] is False and result["parties"] == ["张三", "李四"]
    text = "".join(p.extract_text() for p in PdfReader(str(out_pdf)).pages).replace("\n", "").replace(" ", "")
    assert "第2版条款" in text and "第1版条款" not in text and "草稿" in text


def test_agreement_human_output_and_unknown_number(capsys, url, tmp_path):
    code, out, _ = run(capsys, "disputes", "agreement", "GD调〔2026〕7号", "--pdf", str(tmp_path / "a.pdf"),
                       "--db", url, "--user", CLI_USER)
    assert code == 0 and "已保存到" in out and "张三、李四" in out
    code, out, err = run(capsys, "disputes", "agreement", "NOPE-1", "--pdf", str(tmp_path / "b.pdf"), "--db", url,
                         "--json", "--user", CLI_USER)
    assert code != 0
    assert "NOPE-1" in json.loads(out)["error"] and "NOPE-1" in err
    assert not (tmp_path / "b.pdf").exists()


def test_ledger_needs_an_output_and_valid_dates(capsys, url):
    code, out, _ = run(capsys, "disputes", "ledger", "--from", "2026-03-01", "--to", "2026-03-31", "--db", url,
                       "--json")
    assert code != 0 and "--xlsx" in json.loads(out)["error"]
    code, out, _ = run(capsys, "disputes", "ledger", "--from", "2026-03-31", "--to", "2026-03-01", "--xlsx", "x.xlsx",
                       "--db", url, "--json")
    assert code != 0 and "结束日期早于开始日期" in json.loads(out)["error"]


def test_list_as_json_with_filters(capsys, url):
    code, out, _ = run(capsys, "disputes", "list", "--db", url, "--json")
    assert code == 0
    items = json.loads(out)["disputes"]
    assert [d["number"] for d in items] == ["GD-JF-2026-0007", "GD-JF-2026-0008", "GD-JF-2026-0009"]
    assert items[0]["registered_at"] == "2026-03-01 09:00" and "tone" not in items[0]
    code, out, _ = run(capsys, "disputes", "list", "--risk", "high", "--db", url, "--json")
    assert [d["number"] for d in json.loads(out)["disputes"]] == ["GD-JF-2026-0008"]
    code, out, _ = run(capsys, "disputes", "list", "--status", "mediating", "--db", url, "--json")
    assert [d["number"] for d in json.loads(out)["disputes"]] == ["GD-JF-2026-0008"]
    code, out, err = run(capsys, "disputes", "list", "--status", "nonsense", "--db", url, "--json")
    assert code != 0 and "nonsense" in json.loads(out)["error"] and "nonsense" in err


def test_ledger_writes_march(capsys, url, tmp_path):
    import openpyxl

    xlsx, pdf = tmp_path / "l.xlsx", tmp_path / "l.pdf"
    code, out, _ = run(capsys, "disputes", "ledger", "--from", "2026-03-01", "--to", "2026-03-31", "--xlsx", str(xlsx),
                       "--pdf", str(pdf), "--db", url, "--json", "--user", CLI_USER)
    assert code == 0 and json.loads(out)["disputes"] == 2
    values = [c for r in openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True) for c in r]
    assert "GD-JF-2026-0008" in values and "GD-JF-2026-0009" not in values
    text = "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "宠物伤人" in text and "四月纠纷" not in text
