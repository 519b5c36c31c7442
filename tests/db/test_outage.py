"""The server goes away mid-work (a loopback proxy cuts every connection; the real servers are never
stopped): a save is refused at once in Chinese with nothing changed, an import in progress is
rolled back, and the same Database works again as soon as the server is back."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from desktop.db import open_database
from desktop.errors import ConnectionLost, DatabaseError
from desktop.models import ImportBatch, Incident
from desktop.services import incident_import
from desktop.services.incident_import import analyse, run_import
from desktop.services.incidents import incident_detail, update_incident
from desktop.services.taxonomy import seed_categories
from tests.factories import make_incident, make_station
from tests.outage_proxy import OutageProxy

pytestmark = pytest.mark.parametrize("backend", ["postgresql", "mariadb"])

NOW = datetime(2025, 3, 6, 12, 0)


@pytest.fixture
def station(db):
    with db.transaction() as s:
        seed_categories(s)
        station, _room, _team, officer = make_station(s)
        inc = make_incident(s, station, "JQ1", summary="邻居噪音扰民")
        return {"station_id": station.id, "staff_id": officer.id, "incident": inc.id}


@pytest.fixture
def proxy(db):
    url = make_url(db.url.render_as_string(hide_password=False))
    with OutageProxy(url.host or "127.0.0.1", url.port or (5432 if db.backend == "postgresql" else 3306)) as p:
        yield p


@pytest.fixture
def desk(db, proxy):
    """The application's Database, reaching the server only through the proxy."""
    database = open_database(proxy.url_for(db.url.render_as_string(hide_password=False)))
    yield database
    database.dispose()


def _values(detail, **changes):
    values = {"number": detail.number, "reported_at": detail.reported_at, "caller_name": detail.caller_name,
              "caller_phone": detail.caller_phone_raw or detail.caller_phone, "address": detail.address,
              "summary": detail.summary, "disposal": detail.disposal}
    values.update(changes)
    return values


def _count(db, station_id, model=Incident):
    with db.session(station_id=station_id) as s:
        return s.scalar(select(func.count()).select_from(model))


def test_a_save_during_the_outage_is_refused_in_chinese_and_changes_nothing(db, station, proxy, desk):
    sid, staff = station["station_id"], station["staff_id"]
    detail = incident_detail(desk, sid, station["incident"])  # a pooled connection exists now
    assert proxy.connections >= 1

    proxy.cut()
    with pytest.raises(DatabaseError) as lost:
        update_incident(desk, sid, staff, detail.id, detail.version, _values(detail, summary="改了"), now=NOW)
    assert isinstance(lost.value, ConnectionLost)
    assert lost.value.message == "无法连接数据库服务器"
    # A second try while still cut: a new connection is refused, not waited for.
    with pytest.raises(ConnectionLost):
        update_incident(desk, sid, staff, detail.id, detail.version, _values(detail, summary="改了"), now=NOW)

    unchanged = incident_detail(db, sid, detail.id)  # read directly, not through the proxy
    assert (unchanged.summary, unchanged.version) == ("邻居噪音扰民", detail.version)

    proxy.restore()
    # The pool recovers by itself: the very next call works, and saves once.
    update_incident(desk, sid, staff, detail.id, detail.version, _values(detail, summary="改了"), now=NOW)
    saved = incident_detail(db, sid, detail.id)
    assert (saved.summary, saved.version) == ("改了", detail.version + 1)


def test_an_import_cut_half_way_is_rolled_back(db, station, proxy, desk, tmp_path, monkeypatch):
    sid, staff = station["station_id"], station["staff_id"]
    block = 40
    monkeypatch.setattr(incident_import, "INSERT_BLOCK", block)  # small blocks: a small file spans several
    rows = 2 * block + 10  # three insert blocks: the cut falls after the second
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["接警单编号", "报警时间", "报警人", "报警人联系电话", "事发地址", "报警内容"])
    for n in range(rows):
        ws.append([f"IMP{n:06d}", f"2025-03-0{1 + n % 5} {n % 24:02d}:{n % 60:02d}", "李娜", "13800138000",
                   f"解放路{n % 300}号", "噪音扰民"])
    path = tmp_path / "export.xlsx"
    wb.save(path)
    analysis = analyse(path)
    cuts: list[int] = []

    def progress(done, total, text):
        if text == "写入数据库" and total and done * 2 >= total and not cuts:
            cuts.append(done)
            proxy.cut()

    before = _count(db, sid)
    with pytest.raises(DatabaseError) as failed:
        run_import(desk, sid, staff, analysis, now=NOW, progress=progress)
    assert cuts == [block * 2]  # cut after two of the three blocks were sent
    assert failed.value.message == "无法连接数据库服务器"
    assert _count(db, sid) == before == 1
    assert _count(db, sid, ImportBatch) == 0

    proxy.restore()
    assert _count(desk, sid) == 1  # the pool recovered; still nothing of the import
    summary = run_import(desk, sid, staff, analysis, now=NOW)  # the import can simply be repeated
    assert summary.imported == rows
    assert _count(db, sid) == rows + 1
