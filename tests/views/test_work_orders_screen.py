"""The 工单 screen: issuing through the dialog, the accept → report → close round with its history,
refusals shown with the service's message (and typed text kept), overdue tints, counts per status,
my desk, attachments and the settings' default deadlines. Dialogs never block: the screen's
``exec_dialog`` is replaced by a function that fills the dialog and presses its button."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from desktop.models import Station
from desktop.models.enums import Rank, Role, UnitKind
from desktop.services import stations
from desktop.services.work_orders import NewOrder, create_work_order, order_detail, transition
from desktop.views import work_orders_screen as screen_module
from desktop.views.lazy_table_model import TONES
from desktop.views.settings_store import SettingsStore
from desktop.views.work_order_dialogs import ActionDialog, NewOrderDialog, OrderSource
from desktop.views.work_orders_screen import WorkOrdersScreen

WAIT = 3000


@dataclasses.dataclass
class People:
    db: object
    duty: object  # LoginResult of the command-room duty officer
    officer: object  # LoginResult of the community team's officer
    other: object  # LoginResult of an officer of another unit
    team_id: int
    case_team_id: int


@pytest.fixture
def people(station) -> People:
    db, admin = station
    sid = admin.station_id
    with db.transaction(station_id=sid, staff_id=admin.staff_id) as s:
        st = s.get(Station, sid)
        room = stations.add_unit(s, st, code="ZH2", name="指挥室二组", kind=UnitKind.COMMAND_ROOM)
        team = stations.add_unit(s, st, code="SQ9", name="社区警务队", kind=UnitKind.COMMUNITY_TEAM)
        cases = stations.add_unit(s, st, code="AJ9", name="案件办理队", kind=UnitKind.CASE_TEAM)
        duty = stations.add_staff(s, st, number="2001", name="值班李", roles={Role.DUTY}, unit=room)
        officer = stations.add_staff(s, st, number="3001", name="民警王", rank=Rank.OFFICER, roles={Role.OFFICER},
                                     unit=team)
        other = stations.add_staff(s, st, number="4001", name="民警赵", roles={Role.OFFICER}, unit=cases)
        ids = (duty.id, officer.id, other.id, team.id, cases.id)
    duty_id, officer_id, other_id, team_id, cases_id = ids
    return People(
        db=db,
        duty=dataclasses.replace(admin, staff_id=duty_id, name="值班李", number="2001", roles=("duty",)),
        officer=dataclasses.replace(admin, staff_id=officer_id, name="民警王", number="3001", roles=("officer",)),
        other=dataclasses.replace(admin, staff_id=other_id, name="民警赵", number="4001", roles=("officer",)),
        team_id=team_id, case_team_id=cases_id,
    )


def _screen(qtbot, people: People, login, settings, store=None) -> WorkOrdersScreen:
    widget = WorkOrdersScreen(people.db, login, settings=settings, store=store)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def _issue(people: People, title: str = "走访核查", *, now: datetime | None = None, **fields) -> int:
    fields.setdefault("unit_id", people.team_id)
    return create_work_order(people.db, people.duty, NewOrder(title=title, **fields), now=now)


@pytest.fixture
def messages(monkeypatch):
    """Message boxes record their text instead of blocking."""
    shown: list[str] = []

    def record(_parent, _title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "information", record)
    return shown


@pytest.fixture
def dialogs(monkeypatch):
    """Replace the screen's modal run of a dialog: ``dialogs.fill`` prepares it, then OK is pressed.
    The dialogs seen are kept in ``dialogs.seen``."""

    class Driver:
        fill = staticmethod(lambda dialog: None)
        seen: list = []

        def __call__(self, dialog) -> bool:
            self.seen.append(dialog)
            self.fill(dialog)
            return dialog.save() if hasattr(dialog, "save") else True  # the print preview: just seen

    driver = Driver()
    driver.seen = []
    monkeypatch.setattr(screen_module, "exec_dialog", driver)
    return driver


def _status_column(page) -> int:
    return [c.key for c in page.panel.model.columns].index("status")


def _row_status(page, order_id) -> tuple[str, str]:
    """(stored value, text shown) of the order's status cell."""
    model = page.panel.model
    row = model.row_of_id(order_id)
    index = model.index(row, _status_column(page))
    delegate = page.panel.view.itemDelegateForColumn(_status_column(page))
    stored = model.data(index, Qt.ItemDataRole.EditRole)
    return stored, delegate.displayText(model.data(index), None)


def test_issue_accept_report_close_round(qtbot, people, settings, dialogs, messages):
    duty_screen = _screen(qtbot, people, people.duty, settings)
    page = duty_screen.list_page
    assert duty_screen.tabs.widget(0) is duty_screen.desk  # my desk is the first tab

    def fill_new(dialog: NewOrderDialog):
        dialog.title_edit.setText("核查东门社区噪音扰民")
        dialog.instructions.setPlainText("今日内上门核查并反馈")
        dialog.unit.setCurrentIndex(dialog.unit.findData(people.team_id))
        # The assignee list offers only the chosen unit's people.
        offered = [dialog.assignee.itemData(i) for i in range(dialog.assignee.count())]
        assert offered == [None, people.officer.staff_id]
        dialog.assignee.setCurrentIndex(dialog.assignee.findData(people.officer.staff_id))
        dialog.priority.setCurrentIndex(dialog.priority.findData("high"))

    dialogs.fill = fill_new
    order_id = page.new_order()
    assert order_id is not None
    assert page.panel.current_id() == order_id
    assert page.detail.order.title == "核查东门社区噪音扰民"
    assert page.detail.order.priority == "high"
    # The deadline followed the priority: 24 h after now.
    assert abs(page.detail.order.deadline - (datetime.now() + timedelta(hours=24))) < timedelta(minutes=2)
    assert _row_status(page, order_id) == ("issued", "Issued")
    # The duty officer may not accept for the unit: the button is off.
    assert not page.detail.action_buttons["accept"].isEnabled()
    assert page.detail.action_buttons["cancel"].isEnabled()

    officer_screen = _screen(qtbot, people, people.officer, settings)
    officer_page = officer_screen.list_page
    assert officer_screen.desk.ids("to_accept") == [order_id]
    officer_screen.show_order(order_id)
    assert officer_screen.tabs.currentWidget() is officer_page
    assert officer_page.detail.action_buttons["accept"].isEnabled()
    officer_page.detail.action_buttons["accept"].click()
    assert officer_page.detail.order.status == "accepted"
    assert _row_status(officer_page, order_id) == ("accepted", "Accepted")
    assert officer_screen.desk.ids("to_accept") == []
    assert officer_screen.desk.ids("to_report") == [order_id]

    dialogs.fill = lambda dialog: dialog.text.setPlainText("已上门核查，系装修噪音，已调解")
    officer_page.detail.action_buttons["report"].click()
    assert isinstance(dialogs.seen[-1], ActionDialog) and dialogs.seen[-1].action == "report"
    assert officer_page.detail.order.status == "reported"
    assert officer_page.detail.values["feedback"].text() == "已上门核查，系装修噪音，已调解"

    page.refresh()
    assert page.detail.order.status == "reported"
    assert duty_screen.desk.refresh()
    assert duty_screen.desk.ids("to_review") == [order_id]
    page.detail.action_buttons["close"].click()
    assert messages == []
    history = page.detail.history_rows()
    assert [row[2] for row in history] == ["Issued", "Accepted", "Reported back", "Closed"]
    assert [row[1] for row in history] == ["值班李", "民警王", "民警王", "值班李"]
    assert history[2][3] == "已上门核查，系装修噪音，已调解"
    assert _row_status(page, order_id) == ("closed", "Closed")
    assert page.panel.current_id() == order_id  # the selection survived every refresh
    assert not any(b.isEnabled() for b in page.detail.action_buttons.values())


def test_refused_action_in_the_dialog_keeps_the_text(qtbot, people, settings):
    order_id = _issue(people)
    detail = order_detail(people.db, people.duty.station_id, order_id)
    dialog = ActionDialog(people.db, people.duty, "cancel", order_id=order_id, version=detail.version)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save()  # no reason given: the service refuses
    assert dialog.message.isVisible()
    assert "撤销原因" in dialog.message.text()

    # A colleague moves the order on meanwhile: the stale version is refused, the reason is kept.
    transition(people.db, people.officer, order_id, detail.version, "accept")
    dialog.text.setPlainText("重复下发，撤销")
    assert not dialog.save()
    assert "已被其他人修改" in dialog.message.text()
    assert "请刷新" in dialog.message.text()  # the hint follows the message
    assert dialog.text.toPlainText() == "重复下发，撤销"
    assert not dialog.done_ok
    assert order_detail(people.db, people.duty.station_id, order_id).status == "accepted"


def test_refused_button_action_shows_the_message(qtbot, people, settings, messages):
    order_id = _issue(people, assignee_id=people.officer.staff_id)
    officer_screen = _screen(qtbot, people, people.officer, settings)
    page = officer_screen.list_page
    officer_screen.show_order(order_id)
    assert page.detail.action_buttons["accept"].isEnabled()
    detail = order_detail(people.db, people.duty.station_id, order_id)
    transition(people.db, people.duty, order_id, detail.version, "cancel", text="情况已消除")

    assert not page.run_action("accept")
    assert len(messages) == 1 and "已被其他人修改" in messages[0]
    # The screen now shows where the order is: cancelled, nothing to do.
    assert page.detail.order.status == "cancelled"
    assert page.detail.values["cancel_reason"].text() == "情况已消除"
    assert not page.detail.action_buttons["accept"].isEnabled()


def test_overdue_and_due_soon_rows_are_tinted_and_filtered(qtbot, people, settings):
    past = datetime.now() - timedelta(days=3)
    late = _issue(people, "超期工单", now=past, priority="urgent")
    soon = _issue(people, "将到期工单", priority="urgent")
    calm = _issue(people, "长期工单", priority="long_term")
    page_screen = _screen(qtbot, people, people.duty, settings)
    page = page_screen.list_page
    model = page.panel.model

    def tint(order_id):
        return model.data(model.index(model.row_of_id(order_id), 0), Qt.ItemDataRole.BackgroundRole)

    assert tint(late) == TONES["overdue"]
    assert tint(soon) == TONES["due_soon"]
    assert tint(calm) is None
    page.overdue_check.setChecked(True)
    assert model.rowCount() == 1 and model.id_of_row(0) == late
    page.overdue_check.setChecked(False)
    page.due_today_check.setChecked(True)
    expected = {soon} if (datetime.now() + timedelta(hours=2)).date() == datetime.now().date() else set()
    assert {model.id_of_row(r) for r in range(model.rowCount())} == expected


def test_status_counts_follow_changes_and_set_the_filter(qtbot, people, settings, messages):
    first = _issue(people, "甲")
    _issue(people, "乙")
    _issue(people, "丙", now=datetime.now() - timedelta(days=5))
    page_screen = _screen(qtbot, people, people.officer, settings)
    page = page_screen.list_page
    assert page.counts["issued"] == 3
    assert page.counts["overdue"] == 1
    assert page.count_buttons["issued"].text() == "Issued 3"
    assert page.count_buttons["overdue"].text() == "Overdue 1"

    page.reveal_order(first)
    page.run_action("accept")
    assert messages == []
    assert page.counts["issued"] == 2 and page.counts["accepted"] == 1
    assert page.count_buttons["accepted"].text() == "Accepted 1"

    page.count_buttons["accepted"].click()
    assert page.status_combo.currentData() == "accepted"
    assert page.panel.model.rowCount() == 1 and page.panel.model.id_of_row(0) == first
    page.count_buttons["overdue"].click()
    assert page.overdue_check.isChecked() and page.panel.model.rowCount() == 1
    # The other filters narrow the counts too: the case team has no orders.
    page.reset_filters()
    page.unit_combo.setCurrentIndex(page.unit_combo.findData(people.case_team_id))
    assert page.panel.model.rowCount() == 0
    assert page.count_buttons["issued"].text() == "Issued"


def test_my_desk_lists_to_accept_and_overdue_tracked(qtbot, people, settings):
    fresh = _issue(people, "新工单", assignee_id=people.officer.staff_id)
    late = _issue(people, "早已超期", now=datetime.now() - timedelta(days=2), priority="high",
                  tracker_id=people.duty.staff_id)
    officer = _screen(qtbot, people, people.officer, settings)
    assert set(officer.desk.ids("to_accept")) == {fresh, late}  # late: the unit's, nobody named
    assert officer.desk.ids("overdue_tracked") == []
    assert officer.desk.boxes["to_accept"].title() == "To accept (2)"

    duty = _screen(qtbot, people, people.duty, settings)
    assert duty.desk.ids("to_accept") == []
    assert duty.desk.ids("overdue_tracked") == [late]
    item = duty.desk.lists["overdue_tracked"].item(0)
    assert "早已超期" in item.text()
    assert duty.desk.timer.isActive() and duty.desk.timer.interval() == 60_000

    # Another order becomes overdue later: the next refresh (the timer's) shows it.
    soon = _issue(people, "马上超期", priority="urgent")
    assert duty.desk.refresh(now=datetime.now() + timedelta(hours=3))
    assert set(duty.desk.ids("overdue_tracked")) == {late, soon}

    row = duty.desk.ids("overdue_tracked").index(late)
    duty.desk.lists["overdue_tracked"].itemDoubleClicked.emit(duty.desk.lists["overdue_tracked"].item(row))
    assert duty.tabs.currentWidget() is duty.list_page
    assert duty.list_page.panel.current_id() == late
    assert duty.list_page.detail.order.id == late


def test_attachment_added_appears_and_opens(qtbot, people, settings, tmp_path, monkeypatch, messages):
    order_id = _issue(people, assignee_id=people.officer.staff_id)
    photo = tmp_path / "现场照片.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    page_screen = _screen(qtbot, people, people.officer, settings)
    page = page_screen.list_page
    page.reveal_order(order_id)
    assert page.detail.attachments.count() == 0
    attachment_id = page.add_attachment(str(photo))
    assert attachment_id is not None and messages == []
    assert page.detail.attachments.count() == 1
    assert "现场照片.png" in page.detail.attachments.item(0).text()

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    page.detail.open_button.click()
    assert len(opened) == 1
    with open(opened[0], "rb") as handle:
        assert handle.read() == photo.read_bytes()

    # Someone of another unit may not attach: the refusal is shown, nothing is added.
    other_screen = _screen(qtbot, people, people.other, settings)
    other = other_screen.list_page
    other.reveal_order(order_id)
    assert other.add_attachment(str(photo)) is None
    assert messages and "附件" in messages[-1]
    assert len(order_detail(people.db, people.duty.station_id, order_id).attachments) == 1


def test_bulk_urge_and_reassign(qtbot, people, settings, dialogs, messages):
    ids = [_issue(people, f"批量{i}") for i in range(3)]
    page_screen = _screen(qtbot, people, people.duty, settings)
    page = page_screen.list_page
    page.panel.view.selectAll()
    assert sorted(page.panel.selected_ids()) == sorted(ids)

    dialogs.fill = lambda dialog: dialog.text.setPlainText("请今日办结")
    assert page.bulk_action("urge")
    for order_id in ids:
        events = order_detail(people.db, people.duty.station_id, order_id).events
        assert [(e.kind, e.text) for e in events][-1] == ("urge", "请今日办结")

    def target(dialog):
        assert not dialog.text.isVisibleTo(dialog)  # a batch reassignment records no note
        dialog.unit.setCurrentIndex(dialog.unit.findData(people.case_team_id))
        dialog.assignee.setCurrentIndex(dialog.assignee.findData(people.other.staff_id))

    dialogs.fill = target
    assert page.bulk_action("reassign")
    for order_id in ids:
        detail = order_detail(people.db, people.duty.station_id, order_id)
        assert (detail.unit_id, detail.assignee_id) == (people.case_team_id, people.other.staff_id)
    assert messages == []


def test_new_order_dialog_deadline_follows_priority_and_settings(qtbot, people, settings):
    settings.setValue("work_orders/deadline_urgent_hours", 5)
    store = SettingsStore(settings)
    page_screen = _screen(qtbot, people, people.duty, settings, store=store)
    page = page_screen.list_page
    assert page.deadline_hours()["urgent"] == 5
    now = datetime(2025, 6, 1, 9, 0)
    dialog = NewOrderDialog(people.db, people.duty, deadline_hours=page.deadline_hours(), now=now)
    qtbot.addWidget(dialog)
    assert dialog.deadline.dateTime().toPython() == now + timedelta(hours=72)  # normal: the default
    dialog.priority.setCurrentIndex(dialog.priority.findData("urgent"))
    assert dialog.deadline.dateTime().toPython() == now + timedelta(hours=5)
    # Once the user sets a deadline, a priority change leaves it alone.
    chosen = datetime(2025, 6, 3, 17, 30)
    dialog.deadline.setDateTime(chosen)
    dialog.priority.setCurrentIndex(dialog.priority.findData("long_term"))
    assert dialog.deadline.dateTime().toPython() == chosen
    # Missing fields are refused next to the field, with the input kept.
    dialog.title_edit.setText("")
    assert not dialog.save()
    assert dialog.problems["title"].isVisibleTo(dialog)
    dialog.title_edit.setText("上级交办核查")
    dialog.source_kind.setCurrentIndex(dialog.source_kind.findData("hq"))
    dialog.unit.setCurrentIndex(dialog.unit.findData(people.team_id))
    assert not dialog.save()  # an HQ order needs its reference: the service says so
    assert "文号" in dialog.problems["hq_reference"].text()
    assert dialog.title_edit.text() == "上级交办核查"


def test_print_form_and_ledger(qtbot, people, settings, dialogs, messages, tmp_path):
    from pypdf import PdfReader

    from desktop.views.print_preview_dialog import PrintPreviewDialog

    first = _issue(people, "打印测试一")
    second = _issue(people, "打印测试二")
    page_screen = _screen(qtbot, people, people.duty, settings)
    page = page_screen.list_page
    page.reveal_order(first)
    pages = []
    dialogs.fill = lambda dialog: pages.append(dialog.page_count())
    assert page.print_form()
    assert isinstance(dialogs.seen[-1], PrintPreviewDialog)
    assert pages[-1] >= 1

    page.panel.view.selectAll()
    assert page.print_selected_forms()
    assert len([d for d in dialogs.seen if isinstance(d, PrintPreviewDialog)]) == 3  # one form per order

    page.panel.search.setText("打印测试二")
    qtbot.waitUntil(lambda: page.panel.model.rowCount() == 1, timeout=WAIT)
    assert page.panel.model.id_of_row(0) == second
    target = tmp_path / "台账.xlsx"
    assert page.export_ledger(str(target))
    assert messages == []
    assert target.exists() and target.with_suffix(".pdf").exists()
    text = "".join(p.extract_text() for p in PdfReader(target.with_suffix(".pdf")).pages)
    assert "打印测试二" in text and "打印测试一" not in text


def test_order_from_a_source_keeps_its_link(qtbot, people, settings, dialogs, messages):
    from tests.factories import make_incident

    with people.db.transaction(station_id=people.duty.station_id, staff_id=people.duty.staff_id) as s:
        incident_id = make_incident(s, s.get(Station, people.duty.station_id), "JQ20250305001").id
    screen = _screen(qtbot, people, people.duty, settings)
    page = screen.list_page
    source = OrderSource("incident", incident_id, label="JQ20250305001", title="回访报警人李娜",
                         instructions="核实处置结果")

    def fill(dialog: NewOrderDialog):
        assert dialog.source_label.text() == "Incident: JQ20250305001"
        assert not dialog.source_kind.isVisibleTo(dialog)
        assert dialog.title_edit.text() == "回访报警人李娜"
        dialog.unit.setCurrentIndex(dialog.unit.findData(people.team_id))

    dialogs.fill = fill
    order_id = page.new_order(source)
    assert order_id is not None and messages == []
    detail = order_detail(people.db, people.duty.station_id, order_id)
    assert (detail.source_kind, detail.source_id, detail.instructions) == ("incident", incident_id, "核实处置结果")
    assert "JQ20250305001" in page.detail.values["source"].text()
    assert page.detail.source_button.isVisibleTo(page.detail)
    with qtbot.waitSignal(screen.source_requested, timeout=WAIT) as signal:
        page.detail.source_button.click()
    assert signal.args == ["incident", incident_id]


def test_list_export_writes_words_not_codes(qtbot, people, settings, tmp_path):
    import openpyxl

    order_id = _issue(people, "导出核对", priority="urgent")
    screen = _screen(qtbot, people, people.duty, settings)
    page = screen.list_page
    out = tmp_path / "工单.xlsx"
    assert page.panel.export(str(out)) == 1
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    header, first = rows[0], rows[1]
    assert first[header.index("Status")] == "已下发" and first[header.index("Priority")] == "紧急"
    assert order_detail(people.db, people.duty.station_id, order_id).status == "issued"  # stored code unchanged
