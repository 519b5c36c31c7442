"""`station-desk briefing compile` on every backend: JSON figures, the PDF minutes, errors."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.cli import main
from desktop.models.incident import IncidentCategory
from desktop.services.taxonomy import seed_categories
from tests.factories import make_incident, make_station


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def url(db) -> str:
    """城关派出所 (cut-over 08:00) with three incidents in the duty day 2025-03-04 08:00 .. 03-05 08:00,
    one just after it and one a week earlier."""
    with db.transaction() as s:
        seed_categories(s)
        cats = dict(s.execute(select(IncidentCategory.code, IncidentCategory.id)).all())
        station, *_ = make_station(s)
        for number, at, code in [
            ("JQ1", datetime(2025, 3, 4, 9, 0), "0101"),
            ("JQ2", datetime(2025, 3, 4, 20, 30), "0201"),
            ("JQ3", datetime(2025, 3, 5, 7, 59), "0101"),
            ("JQ4", datetime(2025, 3, 5, 8, 0), "0101"),  # the next duty day
            ("JQ5", datetime(2025, 2, 25, 10, 0), "0201"),  # a week earlier: the 环比 base
        ]:
            make_incident(s, station, number, at=at, category_id=cats[code])
    return db.url.render_as_string(hide_password=False)


def test_compile_daily_as_json_and_pdf(capsys, url, tmp_path):
    pdf = tmp_path / "晨会.pdf"
    code, out, err = run(capsys, "briefing", "compile", "--db", url, "--date", "2025-03-05", "--json",
                         "--pdf", str(pdf))
    assert code == 0, err
    result = json.loads(out)
    assert result["period_start"] == "2025-03-04 08:00:00" and result["period_end"] == "2025-03-05 08:00:00"
    inc = result["compiled"]["incidents"]
    assert inc["total"] == 3 and inc["prev"] == 1 and inc["change_prev_pct"] == 200.0
    assert inc["last_year"] == 0 and inc["change_year_pct"] is None
    counts = {c["name"]: c["count"] for c in inc["by_category"]}
    assert counts["刑事警情"] == 2 and counts["治安警情"] == 1
    assert inc["by_hour"][9] == 1 and inc["by_hour"][20] == 1 and inc["by_hour"][7] == 1 and sum(inc["by_hour"]) == 3
    assert result["pages"] >= 1 and result["pdf"] == str(pdf)
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == result["pages"] <= 6
    text = "".join(p.extract_text() for p in reader.pages).replace(" ", "").replace("\n", "")
    assert "城关派出所晨会纪要" in text and "本期共接报警情3起" in text and "刑事警情" in text


def test_compile_weekly_human_summary(capsys, url):
    code, out, _ = run(capsys, "briefing", "compile", "--db", url, "--date", "2025-03-05", "--kind", "weekly")
    assert code == 0
    assert "城关派出所周分析（2025-03-05）" in out
    assert "统计时段：2025-02-26 08:00 至 2025-03-05 08:00" in out
    assert "警情 3 起" in out  # JQ5 (02-25 10:00) falls before the week


def test_errors_are_one_line(capsys, url):
    code, out, err = run(capsys, "briefing", "compile", "--db", url, "--date", "2025-13-01", "--json")
    assert code == 2 and json.loads(out)["error"].startswith("开会日期格式不正确")
    assert "Traceback" not in err
    code, _, err = run(capsys, "briefing", "compile", "--db", url, "--date", "2025-03-05", "--station", "XX")
    assert code == 2 and "没有代码为 XX 的派出所" in err
    with pytest.raises(SystemExit) as info:
        main(["briefing", "compile", "--db", url, "--date", "2025-03-05", "--kind", "yearly"])
    assert info.value.code == 2
