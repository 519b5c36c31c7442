"""The 今日晨会 screen: compile a day's briefing and read its figures, write the analysis, add a
directive to two units, issue and sign (two work orders, the screen read-only), then an addendum.
Dialogs never block: the screen's ``exec_dialog`` is replaced by a function that fills the dialog."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from desktop.models import IncidentCategory, Station, WorkOrder
from desktop.models.enums import Role, UnitKind, WorkOrderSource
from desktop.services import stations
from desktop.views import briefing_screen as screen_module
from desktop.views.briefing_screen import BriefingScreen, DirectiveDialog, percent_text
from tests.factories import make_incident

DAY = date(2026, 3, 6)  # held on 03-06: the duty day 03-05 08:00 → 03-06 08:00


@dataclasses.dataclass
class Org:
    db: object
    login: object
    team_id: int
    team_officer_id: int
    cases_id: int
    cases_officer_id: int
    admin: object  # an administrator: may not edit briefings


@pytest.fixture
def org(station) -> Org:
    db, admin = station
    sid = admin.station_id
    with db.transaction(station_id=sid, staff_id=admin.staff_id) as s:
        st = s.get(Station, sid)
        team = stations.add_unit(s, st, code="SQ9", name="社区警务队", kind=UnitKind.COMMUNITY_TEAM)
        cases = stations.add_unit(s, st, code="AJ9", name="案件办理队", kind=UnitKind.CASE_TEAM)
        a = stations.add_staff(s, st, number="3001", name="民警王", roles={Role.OFFICER}, unit=team)
        b = stations.add_staff(s, st, number="4001", name="民警赵", roles={Role.OFFICER}, unit=cases)
        room = stations.add_unit(s, st, code="ZH9", name="指挥室", kind=UnitKind.COMMAND_ROOM)
        chief = stations.add_staff(s, st, number="2001", name="指挥长刘", roles={Role.CHIEF}, unit=room)
        theft = s.scalar(select(IncidentCategory.id).where(IncidentCategory.criminal.is_(True))
                         .order_by(IncidentCategory.id).limit(1))
        for n, at in enumerate((datetime(2026, 3, 5, 9, 10), datetime(2026, 3, 5, 21, 30),
                                datetime(2026, 3, 6, 2, 15)), 1):
            make_incident(s, st, f"J2026030500{n}", at=at, caller_phone=f"1380013800{n}", address=f"解放路{n}号",
                          category_id=theft if n == 3 else None)
        make_incident(s, st, "J20260307001", at=datetime(2026, 3, 7, 10, 0))  # another duty day
        ids = (team.id, a.id, cases.id, b.id)
        chief_id = chief.id
    login = dataclasses.replace(admin, staff_id=chief_id, name="指挥长刘", number="2001", roles=("chief",))
    return Org(db, login, *ids, admin=admin)


@pytest.fixture
def messages(monkeypatch):
    shown: list[str] = []

    def record(_parent, _title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "information", record)
    return shown


@pytest.fixture
def dialogs(monkeypatch):
    """``dialogs.fill`` prepares the dialog, then it is accepted; the dialogs seen are kept."""

    class Driver:
        def __init__(self) -> None:
            self.seen: list = []
            self.fill = lambda dialog: None

        def __call__(self, dialog) -> bool:
            self.seen.append(dialog)
            self.fill(dialog)
            return True

    driver = Driver()
    monkeypatch.setattr(screen_module, "exec_dialog", driver)
    return driver


def _screen(qtbot, org: Org, settings) -> BriefingScreen:
    widget = BriefingScreen(org.db, org.login, settings=settings)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def _directive_orders(org: Org) -> list[tuple[int, int | None]]:
    with org.db.session(station_id=org.login.station_id) as s:
        return list(s.execute(select(WorkOrder.unit_id, WorkOrder.assignee_id)
                              .where(WorkOrder.source_kind == WorkOrderSource.DIRECTIVE)
                              .order_by(WorkOrder.unit_id)).all())


def test_percent_text_shows_a_dash_without_a_base():
    assert percent_text(None) == "—"
    assert percent_text(12.345) == "+12.3%"
    assert percent_text(-3) == "-3.0%"


def test_default_day_is_today(qtbot, org, settings):
    screen = _screen(qtbot, org, settings)
    assert screen.date_edit.date().toPython() == date.today()
    assert screen.status_label.text() == "Not compiled"


def test_compile_sign_and_addendum(qtbot, org, settings, dialogs, messages):
    screen = _screen(qtbot, org, settings)
    assert not screen.sign_button.isEnabled()
    screen.date_edit.setDate(QDate(DAY))
    assert screen.compile()
    assert screen.view is not None and screen.signed is False
    assert screen.compile_button.text() == "Recompile"
    total = screen.view.compiled["incidents"]["total"]
    assert total == 3  # the 03-07 incident is another duty day
    assert "Total: 3" in screen.figure_labels["incidents_total"].text()
    assert screen.chart is not None  # the bar chart by hour

    screen.analysis_edit.setPlainText("夜间盗窃警情上升，加强巡逻。")
    screen.attendees_edit.setText("张伟、民警王")
    assert screen.save_draft()
    assert screen.view.analysis == "夜间盗窃警情上升，加强巡逻。"

    def fill(dialog: DirectiveDialog) -> None:
        dialog.text_edit.setPlainText("加强解放路夜间巡逻")
        dialog.set_target(0, org.team_id, org.team_officer_id)
        dialog.set_target(dialog.add_target(), org.cases_id, org.cases_officer_id)

    dialogs.fill = fill
    assert screen.add_directive()
    assert isinstance(dialogs.seen[-1], DirectiveDialog)
    assert screen.directive_list.count() == 1
    assert "加强解放路夜间巡逻" in screen.directive_list.item(0).text()
    assert "社区警务队" in screen.directive_list.item(0).text()
    assert _directive_orders(org) == []

    dialogs.fill = lambda dialog: None  # the confirmation: Yes
    assert screen.issue_and_sign(), messages
    assert screen.signed
    assert sorted(_directive_orders(org)) == sorted([(org.team_id, org.team_officer_id),
                                                     (org.cases_id, org.cases_officer_id)])
    text = screen.directive_list.item(0).text()
    with org.db.session(station_id=org.login.station_id) as s:
        numbers = s.scalars(select(WorkOrder.number).where(WorkOrder.source_kind == WorkOrderSource.DIRECTIVE)).all()
    assert all(number in text for number in numbers)
    # Read-only now.
    assert screen.analysis_edit.isReadOnly()
    for button in (screen.add_directive_button, screen.sign_button, screen.save_button, screen.compile_button):
        assert not button.isEnabled()
    assert screen.addendum_button.isEnabled()
    assert not screen.add_directive()

    assert screen.add_addendum("补充：王某已到案。")
    assert "王某已到案" in screen.addenda_label.text()
    assert len(screen.view.addenda) == 1

    # The history lists it; double-click reopens it.
    assert screen.history.rowCount() == 1
    other = BriefingScreen(org.db, org.login, settings=settings)
    qtbot.addWidget(other)
    other.history.cellDoubleClicked.emit(0, 0)
    assert other.signed and other.directive_list.count() == 1


def test_a_refusal_is_shown_not_raised(qtbot, org, settings, messages):
    screen = BriefingScreen(org.db, org.admin, settings=settings)
    qtbot.addWidget(screen)
    screen.date_edit.setDate(QDate(DAY))
    assert not screen.compile()
    assert messages == ["您没有权限编辑会商（只有指挥长、值班员可以）\n如需此权限，请联系管理员"]
    assert screen.view is None


def test_directive_dialog_needs_text_and_a_unit(qtbot, org, settings):
    from desktop.services.incidents import lookups

    dialog = DirectiveDialog(lookups(org.db, org.login.station_id), screen_module.BriefingTexts())
    qtbot.addWidget(dialog)
    dialog._check()
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.error.text()
    dialog.text_edit.setPlainText("走访")
    dialog._check()
    assert dialog.error.text() == "Choose at least one unit."
    dialog.set_target(0, org.team_id, None)
    assert dialog.values()["targets"] == [(org.team_id, None)]


def test_notable_incident_opens_its_record(qtbot, org, settings, messages):
    screen = _screen(qtbot, org, settings)
    screen.date_edit.setDate(QDate(DAY))
    assert screen.compile()
    assert screen.notable_list is not None and screen.notable_list.count() == 1
    assert "J20260305003" in screen.notable_list.item(0).text()
    item = screen.notable_list.item(0)
    with qtbot.waitSignal(screen.open_record) as blocker:
        screen.notable_list.itemDoubleClicked.emit(item)
    assert blocker.args[0] == "incident" and blocker.args[1] == item.data(Qt.ItemDataRole.UserRole)


def test_typed_analysis_survives_a_directive_and_remove(qtbot, org, settings, dialogs, messages):
    screen = _screen(qtbot, org, settings)
    screen.date_edit.setDate(QDate(DAY))
    assert screen.compile()
    screen.analysis_edit.setPlainText("重点关注解放路。")

    def fill(dialog: DirectiveDialog) -> None:
        dialog.text_edit.setPlainText("走访解放路商户")
        dialog.set_target(0, org.team_id, None)

    dialogs.fill = fill
    assert screen.add_directive()
    assert screen.analysis_edit.toPlainText() == "重点关注解放路。"
    assert screen.view.analysis == "重点关注解放路。"
    screen.directive_list.setCurrentRow(0)
    assert screen.remove_directive()
    assert screen.directive_list.count() == 0 and screen.view.directives == []
    assert messages == []


def test_print_minutes_opens_the_preview(qtbot, org, settings, dialogs, messages):
    from desktop.views.print_preview_dialog import PrintPreviewDialog

    screen = _screen(qtbot, org, settings)
    assert not screen.print_button.isEnabled()
    screen.date_edit.setDate(QDate(DAY))
    assert screen.compile()
    assert screen.print_minutes(), messages
    assert isinstance(dialogs.seen[-1], PrintPreviewDialog)
    assert not dialogs.seen[-1].pdf_path.exists()  # the temporary PDF is removed after the preview


def test_this_mornings_briefing_opens_by_itself_when_already_compiled(qtbot, station, settings):
    from desktop.services import briefings
    from desktop.views.briefing_screen import BriefingScreen

    db, admin = station
    chief = dataclasses.replace(admin, roles=("chief",))
    first = BriefingScreen(db, chief, settings=settings)
    qtbot.addWidget(first)
    assert first.briefing_id is None or first.view is not None
    day = first.default_day()
    made = briefings.open_briefing(db, chief, "daily", day, cutover_hour=8)
    again = BriefingScreen(db, chief, settings=settings)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.briefing_id == made, timeout=3000)
