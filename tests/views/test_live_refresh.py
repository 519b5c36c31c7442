"""Live refresh across desks: two Database objects on one file (SQLite, polled) or one server
(PostgreSQL, LISTEN) are two desks; what desk B saves shows on desk A's lists and 我的工作台 without a
manual refresh, at most once a second, never mid-edit, not while stopped."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest

from desktop.db import open_database
from desktop.models.enums import Role, UnitKind
from desktop.services import stations
from desktop.services.accounts import LoginResult
from desktop.services.incidents import create_incident
from desktop.services.work_orders import NewOrder, create_work_order
from desktop.views.incidents_screen import IncidentsScreen
from desktop.views.live_refresh import ChangeWatcher, changes_hub
from desktop.views.main_window import MainWindow
from desktop.views.my_desk import MyDeskPanel

# Generous: the machine is shared. The 2 s target is the `desks` benchmark's figure.
WAIT = 5000
REPORTED = datetime.now().replace(microsecond=0) - timedelta(hours=1)


def _incident(number: str) -> dict:
    return {"number": number, "reported_at": REPORTED, "caller_name": "李娜", "address": "解放路1号",
            "summary": "邻里纠纷"}


@pytest.fixture
def desks(station):
    """Desk A's and desk B's databases (one SQLite file, two engines) and the administrator."""
    db_a, login = station
    db_b = open_database(str(db_a.url.database))
    yield db_a, db_b, login
    db_b.dispose()


def _screen(qtbot, db, login, settings) -> IncidentsScreen:
    screen = IncidentsScreen(db, dataclasses.replace(login, roles=("duty",)), settings=settings)
    qtbot.addWidget(screen)
    screen.resize(1280, 700)
    screen.show()
    return screen


def _watcher(qtbot, db, station_id) -> ChangeWatcher:
    watcher = ChangeWatcher(db, station_id)
    watcher.start()
    qtbot.waitUntil(lambda: watcher.is_ready, timeout=WAIT)
    return watcher


def test_incident_list_shows_a_colleagues_new_incident(qtbot, desks, settings):
    db_a, db_b, login = desks
    screen = _screen(qtbot, db_a, login, settings)
    panel = screen.list_page.panel
    watcher = _watcher(qtbot, db_a, login.station_id)
    seen: list[frozenset] = []
    watcher.changed.connect(seen.append)
    try:
        assert panel.model.rowCount() == 0
        new_id = create_incident(db_b, login.station_id, login.staff_id, _incident("JQ100"))
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT)
        assert panel.model.id_of_row(0) == new_id
        assert panel.count_label.text() == "1 rows"
        assert any("incidents" in tables for tables in seen)
        assert panel.live_refresh.refreshes >= 1
    finally:
        watcher.stop()
        assert watcher.wait_stopped()


def test_my_desk_count_follows_an_order_issued_on_another_desk(qtbot, desks):
    db_a, db_b, admin = desks
    with db_b.transaction(station_id=admin.station_id, staff_id=admin.staff_id) as s:
        from desktop.models import Station

        st = s.get(Station, admin.station_id)
        room = stations.add_unit(s, st, code="ZH2", name="指挥室二组", kind=UnitKind.COMMAND_ROOM)
        team = stations.add_unit(s, st, code="SQ9", name="社区警务队", kind=UnitKind.COMMUNITY_TEAM)
        duty = stations.add_staff(s, st, number="2001", name="值班李", roles={Role.DUTY}, unit=room)
        officer = stations.add_staff(s, st, number="3001", name="民警王", roles={Role.OFFICER}, unit=team)
        ids = duty.id, officer.id, team.id
    duty_login = dataclasses.replace(admin, staff_id=ids[0], name="值班李", number="2001", roles=("duty",))
    officer_login = dataclasses.replace(admin, staff_id=ids[1], name="民警王", number="3001", roles=("officer",))

    desk = MyDeskPanel(db_a, officer_login)
    qtbot.addWidget(desk)
    desk.show()
    assert desk.boxes["to_accept"].title() == "To accept (0)"
    watcher = _watcher(qtbot, db_a, admin.station_id)
    try:
        order_id = create_work_order(db_b, duty_login, NewOrder(title="走访核查", unit_id=ids[2]))
        qtbot.waitUntil(lambda: desk.boxes["to_accept"].title() == "To accept (1)", timeout=WAIT)
        assert desk.ids("to_accept") == [order_id]
    finally:
        watcher.stop()


def test_nothing_refreshes_while_the_watcher_is_stopped(qtbot, desks, settings):
    db_a, db_b, login = desks
    screen = _screen(qtbot, db_a, login, settings)
    panel = screen.list_page.panel
    watcher = _watcher(qtbot, db_a, login.station_id)
    watcher.stop()
    assert watcher.wait_stopped() and not watcher.is_running
    create_incident(db_b, login.station_id, login.staff_id, _incident("JQ200"))
    qtbot.wait(2500)  # more than two polls and drains
    assert panel.model.rowCount() == 0 and panel.live_refresh.refreshes == 0
    panel.refresh()  # a manual refresh still reads it
    assert panel.model.rowCount() == 1


def test_a_subscription_waits_while_busy_hidden_and_refreshes_at_most_once_a_second(qtbot, desks, settings):
    db_a, db_b, login = desks
    screen = _screen(qtbot, db_a, login, settings)
    sub = screen.list_page.panel.live_refresh
    hub = changes_hub()
    busy = [True]
    sub._busy = lambda: busy[0]

    hub.changed.emit(db_a, frozenset({"staff"}))  # a table the list does not show
    hub.changed.emit(db_b, frozenset({"incidents"}))  # another desk's database object
    assert not sub.stale
    hub.changed.emit(db_a, frozenset({"incidents"}))
    assert sub.stale
    qtbot.wait(300)
    assert sub.refreshes == 0  # busy: put off
    busy[0] = False
    qtbot.waitUntil(lambda: sub.refreshes == 1, timeout=WAIT)
    assert not sub.stale

    for _ in range(5):  # a burst right after a refresh: one more, a second later
        hub.changed.emit(db_a, frozenset({"repeat_clusters"}))
    assert sub.refreshes == 1
    qtbot.waitUntil(lambda: sub.refreshes == 2, timeout=WAIT)
    qtbot.wait(1300)
    assert sub.refreshes == 2

    screen.hide()
    hub.changed.emit(db_a, frozenset({"*"}))
    qtbot.wait(1300)
    assert sub.refreshes == 2 and sub.stale  # hidden: nobody reads it
    screen.show()
    qtbot.waitUntil(lambda: sub.refreshes == 3, timeout=WAIT)


def test_main_window_runs_a_watcher_paused_by_the_connection_banner(qtbot, station_db, admin_login, settings):
    win = MainWindow(station_db, admin_login, settings=settings, screens={})
    qtbot.addWidget(win)
    watcher = win.change_watcher
    assert watcher.is_running
    from PySide6.QtCore import QObject, Signal

    class FakeMonitor(QObject):  # the connection monitor's signals, driven by hand
        connection_lost = Signal(str)
        connection_restored = Signal()

        def retry_now(self) -> None:
            pass

        def check_now(self) -> None:
            pass

    monitor = FakeMonitor()
    win.watch_connection(monitor)
    monitor.connection_lost.emit("连接超时")
    assert watcher.is_paused
    monitor.connection_restored.emit()
    assert not watcher.is_paused
    win.close()
    assert not watcher.is_running
    assert watcher.wait_stopped()


# --------------------------------------------------------------------------- PostgreSQL: LISTEN


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_postgresql_desks_hear_each_other_through_listen(qtbot, db, settings):
    from desktop.services.taxonomy import seed_categories
    from tests.factories import make_station

    with db.transaction() as s:
        seed_categories(s)
        station, _room, _team, officer = make_station(s)
        login = LoginResult(staff_id=officer.id, station_id=station.id, name="张伟", number=officer.number,
                            roles=("duty",), station_name=station.name)
    desk_b = open_database(db.url)
    try:
        screen = _screen(qtbot, db, login, settings)
        panel = screen.list_page.panel
        watcher = _watcher(qtbot, db, login.station_id)
        assert watcher.use_listen
        try:
            new_id = create_incident(desk_b, login.station_id, login.staff_id, _incident("JQ300"))
            qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT)
            assert panel.model.id_of_row(0) == new_id
        finally:
            watcher.stop()
            assert watcher.wait_stopped()
    finally:
        desk_b.dispose()
