"""The station statistics report (PDF) on every backend: read back, its prose equals the service's
figures, fonts embedded, audited, nothing left behind on a cancel."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.errors import Cancelled
from desktop.models import AuditEntry
from desktop.models.enums import Role
from desktop.reports.station_report_pdf import summary_prose
from desktop.services import statistics
from desktop.services.accounts import LoginResult
from desktop.services.station_report import report_data, station_period, write_station_report
from desktop.services.stations import add_staff
from tests.factories import make_incident, make_station

NOW = datetime(2026, 11, 2, 10, 0)


@pytest.fixture
def login(db) -> LoginResult:
    """Oct 2026: 4 incidents (duty days 1, 2, 15 and 31); Sep 2026: 2; Oct 2025: 5."""
    with db.transaction() as s:
        station, room, _team, _officer = make_station(s)
        chief = add_staff(s, station, number="GD009", name="王强", roles={Role.CHIEF}, unit=room)
        at = [datetime(2026, 10, 1, 9), datetime(2026, 10, 2, 23, 30), datetime(2026, 10, 15, 12),
              datetime(2026, 11, 1, 7, 59),  # before the 08:00 cut-over: duty day 31 October
              datetime(2026, 9, 3, 10), datetime(2026, 9, 20, 10),
              *[datetime(2025, 10, d, 10) for d in (1, 5, 9, 13, 17)],
              datetime(2026, 11, 1, 8, 0)]  # duty day 1 November: not in October
        for n, moment in enumerate(at, 1):
            make_incident(s, station, f"JQ{n:04d}", at=moment)
        return LoginResult(chief.id, station.id, chief.name, chief.number, ("chief",), station.name)


def _compact(path) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)


def test_report_reads_back_with_the_service_figures(db, login, tmp_path):
    period = station_period(db, login.station_id, "month", date(2026, 10, 9))
    assert period.label == "2026年10月"
    out = write_station_report(db, login, period, tmp_path / "月报.pdf", now=NOW)
    reader = PdfReader(str(out))
    assert 3 <= len(reader.pages) <= 12
    text = _compact(out)
    assert "城关派出所2026年10月警情与工作统计报告" in text
    assert "编制日期：2026年11月2日" in text
    for heading in ("一、总体情况", "二、警情", "三、案件", "四、重复警情", "五、工单", "六、矛盾纠纷与调解",
                    "七、统计口径说明"):
        assert heading in text, heading
    board = statistics.dashboard(db, login.station_id, period, now=NOW)
    assert (board.incidents.value, board.incidents.previous, board.incidents.last_year) == (4, 2, 5)
    prose = "".join(summary_prose(board, "month").split())
    assert prose in text
    assert "本月共接报警情4起，同比下降20.0%，环比上升100.0%" in text
    for name, _definition in statistics.DEFINITIONS:
        assert f"{name}：" in text
    assert "-1-" in text
    fonts = []
    for page in reader.pages:
        for _name, ref in page["/Resources"].get("/Font", {}).items():
            font = ref.get_object()
            for f in [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]:
                fonts.append((str(f.get("/BaseFont")), f.get("/FontDescriptor")))
    # The CJK faces are embedded subsets (a base-14 name may appear in the page setup, with no text).
    embedded = [(name, desc) for name, desc in fonts if "+" in name or name.startswith("/SD-")]
    assert embedded and all(desc is not None and desc.get_object().get("/FontFile2") for _n, desc in embedded)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    with db.session(station_id=login.station_id) as s:
        entry = s.execute(select(AuditEntry).order_by(AuditEntry.id.desc())).scalars().first()
    assert "统计报告（2026年10月）" in entry.summary and entry.staff_id == login.staff_id


def test_report_data_is_plain_and_cancel_leaves_nothing(db, login, tmp_path):
    period = station_period(db, login.station_id, "month", date(2026, 10, 1))
    data = report_data(db, login.station_id, period, now=NOW)
    assert data.title == "城关派出所2026年10月警情与工作统计报告"
    assert data.definitions == statistics.DEFINITIONS
    out = tmp_path / "out"
    with pytest.raises(Cancelled):
        write_station_report(db, login, period, out / "x.pdf", now=NOW, cancelled=lambda: True)
    assert not out.exists() or list(out.iterdir()) == []
    # Cancelled while laying out (after the figures): the half-written file is removed too.
    stop: list[bool] = []
    with pytest.raises(Cancelled):
        write_station_report(db, login, period, out / "x.pdf", now=NOW, cancelled=lambda: bool(stop),
                             progress=lambda _d, _t, text: stop.append(True) if text == "排版" else None)
    assert stop and (not out.exists() or list(out.iterdir()) == [])
