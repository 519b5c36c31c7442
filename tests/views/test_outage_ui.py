"""Forms during an outage: the save fails, the dialog stays open with everything typed and says so,
and when the connection monitor reports the server back the form saves once by itself (a colleague's
change meanwhile goes to the conflict dialog). The outage is a loopback proxy that the test cuts; the
real PostgreSQL server is never stopped."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QDialog
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from desktop.db import open_database
from desktop.models import Incident, Station, WorkOrder
from desktop.models.enums import Role
from desktop.services import incidents
from desktop.services.accounts import LoginResult
from desktop.services.stations import add_staff
from desktop.views import dialog_parts
from desktop.views.connection_monitor import ConnectionMonitor, database_probe, set_active_monitor
from desktop.views.incident_form import IncidentForm
from desktop.views.work_order_dialogs import NewOrderDialog
from tests.factories import make_incident, make_station
from tests.outage_proxy import OutageProxy

pytestmark = pytest.mark.parametrize("backend", ["postgresql"])

KEPT = "will be saved automatically when the connection is back"


@pytest.fixture
def setup(db, qtbot):
    """(direct db, the desk's db through the proxy, proxy, monitor, duty login, chief login, incident id)."""
    with db.transaction() as s:
        station, room, _team, duty = make_station(s)
        chief = add_staff(s, station, number="GD009", name="王强", roles={Role.CHIEF}, unit=room)
        inc = make_incident(s, station, "JQ1", summary="邻居噪音扰民")
        st: Station = station
        a = LoginResult(duty.id, st.id, duty.name, duty.number, (str(Role.DUTY),), st.name)
        b = LoginResult(chief.id, st.id, chief.name, chief.number, (str(Role.CHIEF),), st.name)
        incident_id = inc.id
    url = make_url(db.url.render_as_string(hide_password=False))
    proxy = OutageProxy(url.host or "127.0.0.1", url.port or 5432).start()
    desk = open_database(proxy.url_for(url))
    # Long intervals: the test drives every check; the monitor is the one forms follow.
    monitor = ConnectionMonitor(database_probe(desk), interval_s=3600, first_retry_s=3600, max_retry_s=3600)
    set_active_monitor(monitor)
    yield db, desk, proxy, monitor, a, b, incident_id
    set_active_monitor(None)
    monitor.stop()
    proxy.close()
    desk.dispose()


def _count(db, station_id, model) -> int:
    with db.session(station_id=station_id) as s:
        return s.scalar(select(func.count()).select_from(model))


def _back(qtbot, proxy, monitor) -> None:
    proxy.restore()
    with qtbot.waitSignal(monitor.connection_restored, timeout=15000):
        monitor.retry_now()


def test_a_new_incident_typed_during_an_outage_is_kept_and_saved_when_back(qtbot, setup):
    db, desk, proxy, monitor, a, _b, _incident_id = setup
    form = IncidentForm(desk, a, incidents.lookups(desk, a.station_id))
    qtbot.addWidget(form)
    form.show()
    form.number.setText("JQ2")
    form.reported_at.setText("2025-03-06 10:00")
    form.summary.setPlainText("醉酒求助")

    proxy.cut()
    with qtbot.waitSignal(monitor.connection_lost, timeout=15000):
        assert form.save() is False  # ... and the form asks the monitor to look now
    assert KEPT in form.message.text() and form.message.isVisible()
    assert form.isVisible() and form.waiting_for_connection
    assert (form.number.text(), form.summary.toPlainText()) == ("JQ2", "醉酒求助")
    assert _count(db, a.station_id, Incident) == 1

    _back(qtbot, proxy, monitor)
    assert form.result() == QDialog.DialogCode.Accepted  # saved once, by itself
    assert not form.waiting_for_connection
    assert _count(db, a.station_id, Incident) == 2
    assert incidents.incident_detail(db, a.station_id, form.saved_id).summary == "醉酒求助"


def test_an_edit_saved_after_the_outage_meets_a_colleagues_change(qtbot, monkeypatch, setup):
    db, desk, proxy, monitor, a, b, incident_id = setup
    detail = incidents.incident_detail(desk, a.station_id, incident_id)
    form = IncidentForm(desk, a, incidents.lookups(desk, a.station_id), detail=detail)
    qtbot.addWidget(form)
    form.show()
    form.disposal.setPlainText("已劝离")

    proxy.cut()
    with qtbot.waitSignal(monitor.connection_lost, timeout=15000):
        assert form.save() is False
    assert KEPT in form.message.text()
    # Meanwhile a colleague, still connected, saves the summary.
    values = {"number": detail.number, "reported_at": detail.reported_at, "caller_name": detail.caller_name,
              "caller_phone": detail.caller_phone_raw or detail.caller_phone, "address": detail.address,
              "summary": "邻居装修噪音扰民"}
    incidents.update_incident(db, b.station_id, b.staff_id, incident_id, detail.version, values,
                              now=datetime(2025, 3, 6, 12))

    shown = []

    def run(dialog):
        shown.append(dialog.differing)
        dialog.merge()
        return True

    monkeypatch.setattr(dialog_parts, "exec_dialog", run)
    _back(qtbot, proxy, monitor)
    assert shown == [["summary", "disposal"]]
    assert form.result() == QDialog.DialogCode.Accepted
    saved = incidents.incident_detail(db, a.station_id, incident_id)
    assert (saved.summary, saved.disposal) == ("邻居装修噪音扰民", "已劝离")


def test_a_new_work_order_waits_for_the_server_and_closing_the_form_cancels_the_save(qtbot, setup):
    db, desk, proxy, monitor, a, _b, _incident_id = setup
    dialog = NewOrderDialog(desk, a)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("核查噪音扰民")
    dialog.unit.setCurrentIndex(1)

    proxy.cut()
    with qtbot.waitSignal(monitor.connection_lost, timeout=15000):
        assert dialog.save() is False
    assert KEPT in dialog.message.text() and dialog.waiting_for_connection
    assert dialog.title_edit.text() == "核查噪音扰民"
    _back(qtbot, proxy, monitor)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _count(db, a.station_id, WorkOrder) == 1

    # A form the user closes while waiting is not saved behind their back.
    second = NewOrderDialog(desk, a)
    qtbot.addWidget(second)
    second.show()
    second.title_edit.setText("第二张")
    second.unit.setCurrentIndex(1)
    proxy.cut()
    with qtbot.waitSignal(monitor.connection_lost, timeout=15000):
        assert second.save() is False and second.waiting_for_connection
    second.reject()
    assert not second.waiting_for_connection
    proxy.restore()
    with qtbot.waitSignal(monitor.reachable, timeout=15000):
        monitor.retry_now()
    assert _count(db, a.station_id, WorkOrder) == 1


def test_retry_now_starts_the_back_off_again(qtbot, setup):
    _db, _desk, proxy, monitor, *_rest = setup
    monitor.first_retry_s, monitor.max_retry_s = 1, 30
    proxy.cut()
    for _ in range(3):
        with qtbot.waitSignal(monitor.retry_scheduled, timeout=15000):
            monitor.check_now()
    with qtbot.waitSignal(monitor.retry_scheduled, timeout=15000):
        monitor.retry_now()
    assert monitor.delays == [1, 2, 4, 1]
