"""The 案件 and 预警 screens: a case through the form, its clock paused, resumed and extended through
the dialogs (days left follow), overdue and due-soon tints, a warning → work order → outcome round,
role-dependent buttons and masking, and refusals shown with the service's message while the typed
text stays. Dialogs never block: the screen's ``exec_dialog`` fills the dialog and presses Save."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QMessageBox

from desktop.models import Station
from desktop.models.enums import Rank, Role, UnitKind
from desktop.services import stations
from desktop.services.cases import CaseRules, case_detail, create_case
from desktop.services.warnings import create_warning
from desktop.views import cases_screen as screen_module
from desktop.views.case_dialogs import CaseFormDialog, ClockDialog, OutcomeDialog, WarningFormDialog
from desktop.views.cases_screen import CasesScreen
from desktop.views.lazy_table_model import TONES
from desktop.views.work_order_dialogs import NewOrderDialog

RULES = CaseRules()


@dataclasses.dataclass
class People:
    db: object
    duty: object
    officer: object
    admin: object
    team_id: int


@pytest.fixture
def people(station) -> People:
    db, admin = station
    sid = admin.station_id
    with db.transaction(station_id=sid, staff_id=admin.staff_id) as s:
        st = s.get(Station, sid)
        room = stations.add_unit(s, st, code="ZH2", name="指挥室二组", kind=UnitKind.COMMAND_ROOM)
        team = stations.add_unit(s, st, code="SQ9", name="社区警务队", kind=UnitKind.COMMUNITY_TEAM)
        duty = stations.add_staff(s, st, number="2001", name="值班李", roles={Role.DUTY}, unit=room)
        officer = stations.add_staff(s, st, number="3001", name="民警王", rank=Rank.OFFICER, roles={Role.OFFICER},
                                     unit=team)
        ids = (duty.id, officer.id, team.id)
    duty_id, officer_id, team_id = ids
    return People(
        db=db,
        duty=dataclasses.replace(admin, staff_id=duty_id, name="值班李", number="2001", roles=("duty",)),
        officer=dataclasses.replace(admin, staff_id=officer_id, name="民警王", number="3001", roles=("officer",)),
        admin=admin, team_id=team_id,
    )


@pytest.fixture
def dialogs(monkeypatch):
    """``dialogs.fill`` prepares the dialog the screen opens, then Save is pressed; ``seen`` keeps them."""

    class Driver:
        fill = staticmethod(lambda dialog: None)
        seen: list = []

        def __call__(self, dialog) -> bool:
            self.seen.append(dialog)
            self.fill(dialog)
            return dialog.save()

    driver = Driver()
    driver.seen = []
    monkeypatch.setattr(screen_module, "exec_dialog", driver)
    return driver


@pytest.fixture
def messages(monkeypatch):
    shown: list[str] = []

    def record(_parent, _title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "information", record)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return shown


def _screen(qtbot, people: People, login, settings) -> CasesScreen:
    widget = CasesScreen(people.db, login, settings=settings)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def _case(people: People, number: str, days_ago: int, kind: str = "administrative", **values) -> int:
    accepted = (datetime.now() - timedelta(days=days_ago)).replace(second=0, microsecond=0)
    return create_case(people.db, people.duty, {"number": number, "kind": kind, "title": f"案件{number}",
                                                "accepted_at": accepted, **values}, rules=RULES)


def _cell(page, row_id, key: str, role=Qt.ItemDataRole.EditRole):
    model = page.panel.model
    column = [c.key for c in model.columns].index(key)
    return model.data(model.index(model.row_of_id(row_id), column), role)


def _at(days_ago: int) -> QDateTime:
    return QDateTime((datetime.now() - timedelta(days=days_ago)).replace(second=0, microsecond=0))


def test_create_case_through_the_form(qtbot, people, settings, dialogs, messages):
    screen = _screen(qtbot, people, people.duty, settings)
    page = screen.case_page
    assert screen.count() == 2 and screen.widget(0) is page and screen.widget(1) is screen.warning_page
    assert page.new_button.isEnabled()
    # Readable at 1366×768: neither page needs more room than the screen has.
    for widget in (page, screen.warning_page):
        hint = widget.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 700

    def fill(dialog: CaseFormDialog):
        dialog.number.setText("A2025-0001")
        dialog.kind.setCurrentIndex(dialog.kind.findData("administrative"))
        dialog.title_edit.setText("张某殴打他人案")
        dialog.category.setText("殴打他人")
        dialog.accepted_at.setDateTime(_at(10))
        dialog.unit.setCurrentIndex(dialog.unit.findData(people.team_id))
        # Only the chosen unit's people are offered.
        assert [dialog.officer.itemData(i) for i in range(dialog.officer.count())] == [None, people.officer.staff_id]
        dialog.officer.setCurrentIndex(1)

    dialogs.fill = fill
    case_id = page.new_case()
    assert case_id is not None
    assert messages == []
    assert page.panel.current_id() == case_id
    detail = page.detail.case
    assert (detail.title, detail.officer, detail.days_left, detail.state) == ("张某殴打他人案", "民警王", 20, "running")
    assert page.detail.days_left_label.text() == "20 days left"
    assert page.detail.state_label.text() == "Clock running"
    assert _cell(page, case_id, "status") == "accepted"
    assert _cell(page, case_id, "days_left") == 20


def test_pause_resume_extend_change_days_left(qtbot, people, settings, dialogs, messages):
    case_id = _case(people, "A2025-0002", 10)
    screen = _screen(qtbot, people, people.duty, settings)
    page = screen.case_page
    page.reveal(case_id)
    buttons = page.detail.action_buttons
    assert page.detail.case.days_left == 20
    assert buttons["pause"].isEnabled() and not buttons["resume"].isEnabled() and buttons["extend"].isEnabled()

    # An appraisal that began 6 days ago: the clock stops at that day.
    def pause(dialog: ClockDialog):
        assert dialog.action == "pause"
        dialog.at.setDateTime(_at(6))
        dialog.reason.setPlainText("伤情鉴定")

    dialogs.fill = pause
    buttons["pause"].click()
    detail = page.detail.case
    assert (detail.state, detail.days_left) == ("paused", 26)
    assert page.detail.state_label.text() == "Clock paused"
    assert "stopped" in page.detail.due_label.text()
    assert not buttons["pause"].isEnabled() and buttons["resume"].isEnabled()
    assert _cell(page, case_id, "status") == "suspended"

    dialogs.fill = lambda dialog: dialog.reason.setPlainText("鉴定意见已出")
    buttons["resume"].click()
    detail = page.detail.case
    assert (detail.state, detail.days_left) == ("running", 26)  # the 6 paused days were added
    assert page.detail.days_left_label.text() == "26 days left"

    def extend(dialog: ClockDialog):
        dialog.reason.setPlainText("案情复杂")
        dialog.approver.setText("县公安局 刘局长")

    dialogs.fill = extend
    buttons["extend"].click()
    detail = page.detail.case
    assert detail.days_left == 56 and detail.extended
    assert not buttons["extend"].isEnabled()  # once only
    assert page.detail.due_label.text() == f"Due date: {detail.due_at:%Y-%m-%d}"
    kinds = [row[0] for row in page.detail.event_rows()]
    assert kinds == ["pause", "resume", "extension"]
    extension = page.detail.event_rows()[2]
    assert extension[1:3] == ("案情复杂", "县公安局 刘局长")
    assert extension[3] == RULES.admin_article
    assert messages == []

    buttons["close"].click()
    assert page.detail.case.state == "closed"
    assert page.detail.days_left_label.text() == "Closed"
    assert not any(buttons[a].isEnabled() for a in ("pause", "resume", "extend", "close"))


def test_overdue_and_due_soon_cases_are_tinted(qtbot, people, settings, dialogs):
    overdue = _case(people, "A-OVER", 40)
    soon = _case(people, "A-SOON", 27)
    fresh = _case(people, "A-NEW", 2)
    screen = _screen(qtbot, people, people.duty, settings)
    page = screen.case_page
    background = Qt.ItemDataRole.BackgroundRole
    assert _cell(page, overdue, "number", background) == TONES["overdue"]
    assert _cell(page, soon, "number", background) == TONES["due_soon"]
    assert _cell(page, fresh, "number", background) is None

    page.reveal(overdue)
    assert page.detail.days_left_label.text() == "10 days overdue"
    assert "#b71c1c" in page.detail.days_left_label.styleSheet()
    page.reveal(soon)
    assert "#a15c00" in page.detail.days_left_label.styleSheet()

    page.overdue_check.setChecked(True)
    assert page.panel.model.rowCount() == 1 and page.panel.model.row_of_id(overdue) == 0
    page.overdue_check.setChecked(False)
    page.due_spin.setValue(5)  # due within 5 days: the soon one and the overdue one
    assert {page.panel.model.data(page.panel.model.index(r, 0), Qt.ItemDataRole.EditRole)
            for r in range(page.panel.model.rowCount())} == {"A-OVER", "A-SOON"}


def test_refused_clock_action_keeps_the_text(qtbot, people, settings):
    case_id = _case(people, "A-REF", 3)
    detail = case_detail(people.db, people.duty.station_id, case_id)
    dialog = ClockDialog(people.db, people.duty, "extend", case_id=case_id, version=detail.version, rules=RULES)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reason.setPlainText("案情复杂，需补充调查")
    assert not dialog.save()  # no approver: the service refuses
    assert dialog.problems["approver"].isVisible()
    assert "批准人" in dialog.problems["approver"].text()
    assert dialog.reason.toPlainText() == "案情复杂，需补充调查"

    form = CaseFormDialog(people.db, people.duty, rules=RULES, lookups=_lookups(people))
    qtbot.addWidget(form)
    form.show()
    form.number.setText("A-REF")  # taken
    form.title_edit.setText("重复编号的案件")
    assert not form.save()
    assert "已存在" in form.problems["number"].text()
    assert form.title_edit.text() == "重复编号的案件"


def _lookups(people: People):
    from desktop.services.incidents import lookups

    return lookups(people.db, people.duty.station_id)


def test_officer_reads_cases_only(qtbot, people, settings, dialogs):
    case_id = _case(people, "A-RO", 3)
    screen = _screen(qtbot, people, people.officer, settings)
    page = screen.case_page
    page.reveal(case_id)
    assert page.detail.case.id == case_id
    assert not page.new_button.isEnabled()
    assert not any(b.isEnabled() for b in page.detail.action_buttons.values())
    assert page.run_action("pause") is False
    assert dialogs.seen == []


def test_warning_work_order_and_outcome(qtbot, people, settings, dialogs, messages):
    screen = _screen(qtbot, people, people.duty, settings)
    page = screen.warning_page

    def fill_warning(dialog: WarningFormDialog):
        dialog.source.setCurrentIndex(dialog.source.findData("hq"))
        dialog.kind.setCurrentIndex(dialog.kind.findData("fraud"))
        dialog.subject_name.setText("李四")
        dialog.subject_phone.setText("138-1234-5678")
        dialog.content.setPlainText("疑似正在被冒充客服诈骗")
        dialog.required_action.setPlainText("立即联系劝阻")
        dialog.has_deadline.setChecked(True)
        dialog.deadline.setDateTime(QDateTime(datetime.now() + timedelta(hours=2)))

    dialogs.fill = fill_warning
    warning_id = page.new_warning()
    assert warning_id is not None and messages == []
    detail = page.detail.warning
    assert detail.status == "received" and detail.subject_phone == "13812345678"
    assert page.detail.values["subject_phone"].text() == "13812345678"  # duty may see it
    assert page.detail.action_buttons["order"].isEnabled()

    def fill_order(dialog: NewOrderDialog):
        assert dialog.source.kind == "warning" and dialog.source.id == warning_id
        assert dialog.instructions.toPlainText() == "立即联系劝阻"
        dialog.unit.setCurrentIndex(dialog.unit.findData(people.team_id))

    dialogs.fill = fill_order
    assert page.detail.action_buttons["order"].click() is None
    assert len(page.detail.warning.orders) == 1
    assert page.detail.orders.count() == 1
    order_number = page.detail.warning.orders[0][1]
    assert page.detail.orders.item(0).text() == f"{order_number}  Issued"
    with qtbot.waitSignal(screen.order_requested) as opened:
        page.detail.orders.itemDoubleClicked.emit(page.detail.orders.item(0))
    assert opened.args == [page.detail.warning.orders[0][0]]

    def fill_outcome(dialog: OutcomeDialog):
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("dissuaded"))
        dialog.text.setPlainText("已电话联系，对方停止转账")

    dialogs.fill = fill_outcome
    page.detail.action_buttons["outcome"].click()
    detail = page.detail.warning
    assert detail.status == "acted"
    assert detail.result == "劝阻成功：已电话联系，对方停止转账"
    assert page.detail.values["status"].text() == "Handled"
    assert _cell(page, warning_id, "status") == "acted"
    assert not page.detail.action_buttons["order"].isEnabled()  # handled: no more orders
    assert messages == []


def test_refused_outcome_and_warning_form_keep_the_text(qtbot, people, settings):
    form = WarningFormDialog(people.db, people.duty)
    qtbot.addWidget(form)
    form.show()
    form.subject_id_number.setText("340524198001010013")  # wrong check digit
    form.content.setPlainText("内容保留")
    assert not form.save()
    assert form.problems["subject_id_number"].isVisible()
    assert "校验位错误" in form.problems["subject_id_number"].text()
    assert form.content.toPlainText() == "内容保留"

    warning_id = create_warning(people.db, people.duty, {"source": "own", "kind": "hazard", "content": "隐患",
                                                         "received_at": datetime.now() - timedelta(hours=1)})
    dialog = OutcomeDialog(people.db, people.duty, warning_id=warning_id, version=0)  # a stale version
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("reached"))
    dialog.text.setPlainText("已联系业主整改")
    assert not dialog.save()
    assert "已被他人修改" in dialog.message.text()
    assert dialog.text.toPlainText() == "已联系业主整改"


def test_warning_subject_masked_and_overdue_tinted(qtbot, people, settings):
    received = datetime.now() - timedelta(hours=5)
    overdue = create_warning(people.db, people.duty, {
        "source": "hq", "kind": "fraud", "content": "涉诈预警", "received_at": received,
        "subject_name": "王小明", "subject_phone": "13812345678", "deadline": received + timedelta(hours=1)})
    later = create_warning(people.db, people.duty, {
        "source": "own", "kind": "other", "content": "一般预警", "received_at": received,
        "deadline": datetime.now() + timedelta(days=1)})
    screen = _screen(qtbot, people, people.admin, settings)  # admin: personal data masked
    page = screen.warning_page
    assert _cell(page, overdue, "number", Qt.ItemDataRole.BackgroundRole) == TONES["overdue"]
    assert _cell(page, later, "number", Qt.ItemDataRole.BackgroundRole) is None
    page.reveal(overdue)
    assert page.detail.warning.overdue
    assert page.detail.values["subject_phone"].text() == "138****5678"
    assert "王小明" not in page.detail.values["subject_name"].text()
    assert not page.detail.action_buttons["edit"].isEnabled()
    page.overdue_check.setChecked(True)
    assert page.panel.model.rowCount() == 1 and page.panel.model.row_of_id(overdue) == 0


def test_criminal_case_follows_its_stage(qtbot, people, settings, dialogs, messages):
    case_id = _case(people, "X-1", 5, kind="criminal", stage="拘留")
    screen = _screen(qtbot, people, people.duty, settings)
    page = screen.case_page
    page.reveal(case_id)
    assert page.detail.case.days_left == RULES.criminal_stage_days["拘留"] - 5
    buttons = page.detail.action_buttons
    # Only an administrative clock pauses or is extended.
    assert not buttons["pause"].isEnabled() and not buttons["extend"].isEnabled()
    assert buttons["edit"].isEnabled() and buttons["close"].isEnabled()

    def edit(dialog: CaseFormDialog):
        assert dialog.number.text() == "X-1" and dialog.stage.isEnabled()
        assert dialog.stage.currentText() == "拘留"
        dialog.stage.setCurrentText("侦查羁押")

    dialogs.fill = edit
    buttons["edit"].click()
    assert messages == []
    assert page.detail.case.stage == "侦查羁押"
    assert page.detail.case.days_left == RULES.criminal_stage_days["侦查羁押"] - 5
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("administrative"))
    assert page.panel.model.rowCount() == 0


def test_refused_close_shows_the_service_message(qtbot, people, settings, dialogs, messages):
    from desktop.services.cases import pause_clock

    case_id = _case(people, "A-STALE", 4)
    screen = _screen(qtbot, people, people.duty, settings)
    page = screen.case_page
    page.reveal(case_id)
    shown = page.detail.case
    # A colleague at another desk pauses the clock meanwhile: the screen's version is stale. (Only
    # duty and chief may work cases: desktop.services.permissions, case.edit.)
    colleague = dataclasses.replace(people.duty, name="值班另一台")
    pause_clock(people.db, colleague, case_id, shown.version, reason="鉴定", rules=RULES)
    assert page.run_action("close") is False
    assert len(messages) == 1 and "已被他人修改" in messages[0]
    assert page.detail.case.state == "paused"  # re-read: the colleague's change is shown
    assert page.detail.action_buttons["resume"].isEnabled()
