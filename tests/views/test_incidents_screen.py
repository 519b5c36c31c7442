"""The 警情 screen: list with filters and details, hand entry, the repeat-call view, masking by role."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.models import Community, Incident
from desktop.services.repeats import refresh_clusters
from desktop.views.incidents_screen import IncidentsScreen
from desktop.views.main_window import MainWindow

BASE = datetime.now().replace(microsecond=0) - timedelta(days=2)


@pytest.fixture
def filled(station_db, admin_login):
    """Five incidents (two by the same caller within a day: one cluster) in two communities."""
    db, sid = station_db, admin_login.station_id
    with db.transaction(station_id=sid, staff_id=admin_login.staff_id) as s:
        east = Community(station_id=sid, code="C1", name="东门社区")
        west = Community(station_id=sid, code="C2", name="西门社区")
        s.add_all([east, west])
        s.flush()
        for i in range(5):
            s.add(Incident(station_id=sid, number=f"JQ{i}", reported_at=BASE + timedelta(hours=i * 3),
                           caller_name=f"报警人{i}", caller_phone="13800138000" if i < 2 else f"1390000000{i}",
                           address=f"解放路{i}号", address_norm=f"解放路{i}号", summary=f"第{i}起 邻里纠纷",
                           community_id=east.id if i % 2 == 0 else west.id))
        s.flush()
        refresh_clusters(s, sid, BASE - timedelta(days=1), BASE + timedelta(days=2))
    return db


@pytest.fixture
def screen(qtbot, filled, admin_login, settings):
    duty = dataclasses.replace(admin_login, roles=("duty",))
    widget = IncidentsScreen(filled, duty, settings=settings)
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    widget.show()
    return widget


def _rows(page):
    return page.panel.model.rowCount()


def test_list_shows_newest_first_and_filters_by_community(qtbot, screen):
    page = screen.list_page
    assert _rows(page) == 5
    model = page.panel.model
    assert model.data(model.index(0, 0)) == "JQ4"
    page.community_combo.setCurrentIndex(page.community_combo.findText("西门社区"))
    qtbot.waitUntil(lambda: _rows(page) == 2, timeout=3000)
    assert "2" in page.panel.count_label.text()
    page.reset_filters()
    qtbot.waitUntil(lambda: _rows(page) == 5, timeout=3000)


def test_search_box_finds_by_summary(qtbot, screen):
    page = screen.list_page
    page.panel.search.setText("第3起")
    qtbot.waitUntil(lambda: _rows(page) == 1, timeout=3000)
    assert page.panel.model.data(page.panel.model.index(0, 0)) == "JQ3"


def test_selecting_a_row_shows_its_details_and_clusters(qtbot, screen):
    page = screen.list_page
    assert page.panel.select_id(_id(screen, "JQ1"))
    qtbot.waitUntil(lambda: page.detail.values["number"].text() == "JQ1", timeout=3000)
    assert page.detail.values["caller_phone"].text() == "13800138000"  # duty may see it
    assert page.detail.clusters.count() == 1
    with qtbot.waitSignal(page.show_cluster):
        page.detail.cluster_button.click()
    assert screen.tabs.currentWidget() is screen.repeats_page


def _id(screen, number):
    with screen.db.session(station_id=screen.login.station_id) as s:
        return s.scalar(select(Incident.id).where(Incident.number == number))


def test_viewer_sees_masked_caller_data_and_cannot_edit(qtbot, filled, admin_login, settings):
    viewer = dataclasses.replace(admin_login, roles=("viewer",))
    widget = IncidentsScreen(filled, viewer, settings=settings)
    qtbot.addWidget(widget)
    page = widget.list_page
    assert not page.import_button.isEnabled() and not page.new_button.isEnabled()
    page.panel.select_id(_id(widget, "JQ1"))
    qtbot.waitUntil(lambda: page.detail.values["number"].text() == "JQ1", timeout=3000)
    assert page.detail.values["caller_phone"].text() == "138****8000"
    phone_col = [c.key for c in page.query.columns].index("caller_phone")
    shown = {page.panel.model.data(page.panel.model.index(r, phone_col)) for r in range(_rows(page))}
    assert "13800138000" not in shown and "138****8000" in shown


def test_repeat_view_lists_the_cluster_and_jumps_to_an_incident(qtbot, screen):
    repeats = screen.repeats_page
    repeats.from_edit.setDate(repeats.from_edit.date().addDays(-10))
    assert len(repeats.clusters) == 1 and repeats.clusters[0].kind == "same_caller"
    assert repeats.member_table.rowCount() == 2
    item = repeats.member_table.item(1, 0)
    assert item.text() == "JQ1"
    repeats.member_table.itemActivated.emit(item)
    assert screen.tabs.currentWidget() is screen.list_page
    assert screen.list_page.panel.current_id() == _id(screen, "JQ1")


def test_entry_form_keeps_input_on_errors_and_saves(qtbot, screen):
    from desktop.views.incident_form import IncidentForm

    page = screen.list_page
    form = IncidentForm(screen.db, page.login, page.lookups, parent=screen)
    qtbot.addWidget(form)
    form.number.setText("JQ0")  # taken
    form.reported_at.setText("2023-02-29 10:00")
    form.caller_name.setText("新报警人")
    assert not form.save()
    assert form.problems["reported_at"].isVisible() or not form.problems["reported_at"].isHidden()
    assert "2023-02-29" in form.problems["reported_at"].text()
    assert form.caller_name.text() == "新报警人"
    form.reported_at.setText((BASE + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"))
    assert not form.save()
    assert "已存在" in form.problems["number"].text()
    form.number.setText("JQ-NEW")
    form.caller_phone.setText("138 0013 8000")
    assert form.save()
    page.panel.refresh()
    assert _rows(page) == 6
    with screen.db.session(station_id=page.login.station_id) as s:
        saved = s.scalar(select(Incident).where(Incident.number == "JQ-NEW"))
        assert saved.caller_phone == "13800138000" and saved.created_by_id == page.login.staff_id


def test_main_window_builds_the_incident_screen_when_first_shown(qtbot, filled, admin_login, settings):
    window = MainWindow(filled, admin_login, settings=settings)
    qtbot.addWidget(window)
    window.show_page(0)
    page = window.stack.widget(1)
    assert getattr(page, "screen", None) is None
    window.show_page(1)
    assert isinstance(window.screen("incidents"), IncidentsScreen)


def test_repeat_calls_are_marked_and_tinted_in_the_list(screen):
    from PySide6.QtCore import Qt

    page = screen.list_page
    model = page.panel.model
    repeat = [c.key for c in model.columns].index("repeat")
    marks = {}
    for row in range(model.rowCount()):
        number = model.data(model.index(row, 0))
        marks[number] = (model.data(model.index(row, repeat)),
                         model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole) is not None)
    assert marks["JQ0"] == ("Repeat call", True) and marks["JQ1"] == ("Repeat call", True)  # English UI here
    assert marks["JQ2"] == ("", False)


def test_walk_from_incident_to_a_closed_work_order(qtbot, screen, settings, monkeypatch):
    """警情 → 工单 (from the incident's button) → accepted by the team → reported → closed by the
    command room: every step through the screens, the history holds all four."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.models import Station
    from desktop.models.enums import Role, UnitKind
    from desktop.services import stations
    from desktop.views import dialog_parts
    from desktop.views import work_orders_screen as wo_screen
    from desktop.views.work_orders_screen import WorkOrdersScreen

    db, duty = screen.db, screen.login
    with db.transaction(station_id=duty.station_id, staff_id=duty.staff_id) as s:
        st = s.get(Station, duty.station_id)
        team = stations.add_unit(s, st, code="SQ1", name="社区警务队", kind=UnitKind.COMMUNITY_TEAM)
        cop = stations.add_staff(s, st, number="3001", name="民警王", roles={Role.OFFICER}, unit=team)
        team_id, cop_id = team.id, cop.id
    officer = dataclasses.replace(duty, staff_id=cop_id, name="民警王", number="3001", roles=("officer",))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))

    def run(dialog) -> bool:  # the modal dialogs are filled and confirmed, never shown
        if hasattr(dialog, "unit") and hasattr(dialog, "title_edit"):
            dialog.unit.setCurrentIndex(dialog.unit.findData(team_id))
            dialog.assignee.setCurrentIndex(dialog.assignee.findData(cop_id))
        elif getattr(dialog, "action", None) == "report":
            dialog.text.setPlainText("已上门劝解，双方和好")
        return dialog.save()

    monkeypatch.setattr(dialog_parts, "exec_dialog", run)
    monkeypatch.setattr(wo_screen, "exec_dialog", run)

    page = screen.list_page
    page.panel.select_id(_id(screen, "JQ2"))
    qtbot.waitUntil(lambda: page.order_button.isEnabled(), timeout=3000)
    page.order_button.click()
    qtbot.waitUntil(lambda: "Work orders" in page.detail.orders_label.text(), timeout=3000)

    officer_screen = WorkOrdersScreen(db, officer, settings=settings)
    qtbot.addWidget(officer_screen)
    [order_id] = officer_screen.desk.ids("to_accept")
    officer_screen.show_order(order_id)
    detail = officer_screen.list_page.detail
    assert "JQ2" in detail.order.source_label and detail.order.source_kind == "incident"
    detail.action_buttons["accept"].click()
    detail.action_buttons["report"].click()
    assert detail.order.status == "reported"

    duty_screen = WorkOrdersScreen(db, duty, settings=settings)
    qtbot.addWidget(duty_screen)
    duty_screen.show_order(order_id)
    duty_screen.list_page.detail.action_buttons["close"].click()
    assert shown == []
    assert duty_screen.list_page.detail.order.status == "closed"
    assert [row[2] for row in duty_screen.list_page.detail.history_rows()] == [
        "Issued", "Accepted", "Reported back", "Closed"]


def test_exporting_the_list_is_audited(screen, tmp_path):
    import openpyxl

    from desktop.models import AuditEntry

    page = screen.list_page
    out = tmp_path / "警情.xlsx"
    assert page.panel.export(str(out)) == 5
    assert openpyxl.load_workbook(out).active.max_row == 6
    with screen.db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "export")).one()
        assert "警情列表" in entry.summary and "5" in entry.summary
        assert entry.staff_id == screen.login.staff_id
