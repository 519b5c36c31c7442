"""The 矛盾纠纷 screen: a walk from registration (a party whose ID check digit is wrong is explained and
kept, then fixed) through a session, an agreement drafted and signed (locked), and a follow-up; a
high-risk dispute tinted; a viewer reads only and sees masked numbers. Dialogs never block: the
screen's ``exec_dialog`` is replaced by a function that fills the dialog and presses OK."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.models import Station
from desktop.models.enums import Role, UnitKind
from desktop.services import stations
from desktop.views import disputes_screen as screen_module
from desktop.views.dispute_dialogs import (
    AgreementDialog,
    DisputeDialog,
    FollowUpDialog,
    PartyForm,
    SessionDialog,
)
from desktop.views.disputes_screen import DisputesScreen
from desktop.views.lazy_table_model import HIGHLIGHT

GOOD_ID = "11010519491231002X"  # valid, female, born 1949-12-31
BAD_ID = "110105194912310021"  # the same with a wrong check digit


@pytest.fixture
def duty(station):
    db, admin = station
    sid = admin.station_id
    with db.transaction(station_id=sid, staff_id=admin.staff_id) as s:
        st = s.get(Station, sid)
        room = stations.add_unit(s, st, code="ZH2", name="指挥室二组", kind=UnitKind.COMMAND_ROOM)
        staff = stations.add_staff(s, st, number="2001", name="值班李", roles={Role.DUTY}, unit=room)
        viewer = stations.add_staff(s, st, number="5001", name="只读周", roles={Role.VIEWER}, unit=room)
        ids = staff.id, viewer.id
    return (db, dataclasses.replace(admin, staff_id=ids[0], name="值班李", number="2001", roles=("duty",)),
            dataclasses.replace(admin, staff_id=ids[1], name="只读周", number="5001", roles=("viewer",)))


class Driver:
    """Stands in for exec_dialog: ``fill`` per dialog class, then OK (through the dialog's own check)."""

    def __init__(self) -> None:
        self.fills: dict[type, object] = {}
        self.seen: list[object] = []

    def __call__(self, dialog) -> bool:
        self.seen.append(dialog)
        fill = self.fills.get(type(dialog))
        if fill is not None:
            fill(dialog)
        return dialog.try_accept()


def make_screen(qtbot, db, login, settings) -> DisputesScreen:
    screen = DisputesScreen(db, login, settings=settings)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    return screen


def test_party_form_explains_a_wrong_check_digit_and_keeps_the_input(qtbot):
    form = PartyForm()
    qtbot.addWidget(form)
    form.name.setText("王芳")
    form.id_number.setText(BAD_ID)
    assert "校验位" in form.id_note.text()
    assert form.problems()
    assert form.id_number.text() == BAD_ID
    form.id_number.setText(GOOD_ID)
    assert form.problems() == []
    form.phone.setText("138-1234-5678")
    assert form.phone_note.text() == "13812345678"
    form.phone.setText("1381234567")
    assert "11位" in form.phone_note.text()
    assert form.problems() == []  # a bad phone is a warning, kept as typed


def test_walk_register_session_agreement_sign_follow_up(qtbot, duty, settings, monkeypatch):
    db, login, _viewer = duty
    screen = make_screen(qtbot, db, login, settings)
    driver = Driver()
    monkeypatch.setattr(screen_module, "exec_dialog", driver)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))

    kept: dict[str, object] = {}

    def fill_register(dialog: DisputeDialog) -> None:
        dialog.cause.setPlainText("楼上漏水引发争执")
        dialog.place.setText("东山小区3栋")
        dialog.nature.setCurrentIndex(dialog.nature.findData("neighbour"))
        dialog.risk.setCurrentIndex(dialog.risk.findData("medium"))
        form = dialog.party_form
        form.name.setText("王芳")
        form.sex.setCurrentIndex(form.sex.findData("F"))
        form.id_number.setText(BAD_ID)
        assert not dialog.add_new_party()
        kept["error"] = dialog.error.text()
        kept["note"] = form.id_note.text()
        kept["input"] = form.id_number.text()
        form.id_number.setText(GOOD_ID)
        form.phone.setText("13812345678")
        assert dialog.add_new_party()
        form.name.setText("李强")
        form.role.setCurrentIndex(form.role.findData("respondent"))
        assert dialog.add_new_party()

    driver.fills[DisputeDialog] = fill_register
    dispute_id = screen.register()
    assert dispute_id is not None, warnings
    assert "校验位" in str(kept["error"]) and "校验位" in str(kept["note"])
    assert kept["input"] == BAD_ID
    assert screen.panel.model.rowCount() == 1
    detail = screen.detail.dispute
    assert detail is not None and detail.cause == "楼上漏水引发争执"
    parties = screen.detail.list_texts("parties")
    assert len(parties) == 2 and any(GOOD_ID in p for p in parties)  # duty may see the number

    def fill_session(dialog: SessionDialog) -> None:
        dialog.place.setText("社区调解室")
        dialog.mediator.setCurrentIndex(dialog.mediator.findText("值班李"))
        dialog.mediator_role.setCurrentIndex(dialog.mediator_role.findData("officer"))
        assert dialog.add_current_mediator()
        dialog.notes.setPlainText("双方同意赔偿方案")
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("agreement"))

    driver.fills[SessionDialog] = fill_session
    assert screen.run_action("session"), warnings
    timeline = screen.detail.list_texts("timeline")
    assert len(timeline) == 1 and "社区调解室" in timeline[0] and "双方同意赔偿方案" in timeline[0]

    def fill_agreement(dialog: AgreementDialog) -> None:
        dialog.facts.setPlainText("楼上住户水管破裂致楼下天花板受损")
        dialog.terms.setPlainText("楼上住户赔偿800元")

    driver.fills[AgreementDialog] = fill_agreement
    assert screen.detail.action_buttons["agreement"].isEnabled()
    assert screen.run_action("agreement"), warnings
    assert screen.detail.action_buttons["sign"].isEnabled()
    assert screen.run_action("sign"), warnings
    agreements = screen.detail.list_texts("agreements")
    assert len(agreements) == 1 and "800" in agreements[0]
    signed = screen.current_agreement(screen.detail.dispute, signed=True)
    assert signed is not None and screen.current_agreement(screen.detail.dispute, signed=False) is None
    # Locked: no more drafting on it, only a correction (a new version).
    assert not screen.detail.action_buttons["sign"].isEnabled()
    assert screen.detail.action_buttons["correct"].isEnabled()

    assert [v.startswith("Due") for v in screen.detail.list_texts("follow_ups")] == [True, True]

    def fill_follow_up(dialog: FollowUpDialog) -> None:
        dialog.honoured.setCurrentIndex(dialog.honoured.findData("yes"))
        dialog.new_risk.setCurrentIndex(dialog.new_risk.findData("low"))
        dialog.notes.setPlainText("已按约赔偿")

    driver.fills[FollowUpDialog] = fill_follow_up
    assert screen.run_action("follow_up"), warnings
    visits = screen.detail.list_texts("follow_ups")
    # Signing planned visits 7 and 30 days on; the first is now recorded, the second still due.
    assert len(visits) == 2 and "已按约赔偿" in visits[0] and visits[1].startswith("Due")
    assert screen.detail.dispute.risk_level == "low"
    assert warnings == []


def test_high_risk_dispute_tinted_and_viewer_reads_masked(qtbot, duty, settings, monkeypatch):
    from desktop.services import disputes

    db, login, viewer = duty
    base = {"cause": "土地边界争执", "nature": "land", "place": "东山村", "scale": 6}
    disputes.register_dispute(db, login, {**base, "risk_level": "low"},
                              parties=[({"name": "赵一", "id_number": GOOD_ID, "phone": "13812345678"},
                                        "applicant")])
    high = disputes.register_dispute(db, login, {**base, "cause": "宅基地纠纷扬言报复", "risk_level": "high",
                                                 "risk_reasons": "一方扬言报复", "criminal_risk": True},
                                       parties=[({"name": "钱二"}, "applicant")])
    high_id = high

    screen = make_screen(qtbot, db, viewer, settings)
    model = screen.panel.model
    assert model.rowCount() == 2
    tints = {model.id_of_row(r): model.data(model.index(r, 0), Qt.ItemDataRole.BackgroundRole)
             for r in range(model.rowCount())}
    assert tints[high_id] is not None
    assert [i for i, tint in tints.items() if tint is None and i != high_id]
    assert tints[high_id] == HIGHLIGHT  # the list panel tints the service's "risk" tone amber

    screen.criminal_check.setChecked(True)
    assert model.rowCount() == 1 and model.id_of_row(0) == high_id
    screen.criminal_check.setChecked(False)

    # A viewer reads: nothing to register or change; the party's numbers are masked.
    assert not screen.register_button.isEnabled()
    low_id = next(i for i in tints if i != high_id)
    screen.show_dispute(low_id)
    assert not any(b.isEnabled() for k, b in screen.detail.action_buttons.items() if k != "print")
    parties = screen.detail.list_texts("parties")
    assert parties and GOOD_ID not in parties[0] and "110105" in parties[0] and "13812345678" not in parties[0]


def test_refusal_kept_in_dialog_correction_transfer_and_print(qtbot, duty, settings, monkeypatch):
    from desktop.services import disputes
    from desktop.views.dispute_dialogs import StatusDialog, TransferDialog, TransferOutcomeDialog
    from desktop.views.print_preview_dialog import PrintPreviewDialog

    db, login, _viewer = duty
    dispute_id = disputes.register_dispute(db, login, {"cause": "拖欠工资", "nature": "labour", "place": "工地"},
                                           parties=[({"name": "孙三"}, "applicant"), ({"name": "周四"}, "respondent")])
    screen = make_screen(qtbot, db, login, settings)
    driver = Driver()
    monkeypatch.setattr(screen_module, "exec_dialog",
                        lambda d: driver(d) if hasattr(d, "try_accept") else driver.seen.append(d) is None)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert screen.panel.select_id(dispute_id)
    screen.show_dispute(dispute_id)
    assert screen.run_action("mediating")
    assert screen.detail.dispute.status == "mediating"

    # 调解不成 needs a reason: the service refuses, the dialog stays with the message.
    refused: list[StatusDialog] = []

    def no_reason(dialog: StatusDialog) -> None:
        refused.append(dialog)

    driver.fills[StatusDialog] = no_reason
    assert not screen.run_action("failed")
    assert "原因" in refused[0].error.text() and screen.detail.dispute.status == "mediating"

    driver.fills[AgreementDialog] = lambda d: (d.facts.setPlainText("欠薪三个月"), d.terms.setPlainText("月底付清"))
    assert screen.run_action("agreement") and screen.run_action("sign")
    assert screen.detail.dispute.status == "resolved"
    driver.fills[AgreementDialog] = lambda d: d.terms.setPlainText("下月十日前付清")
    assert screen.run_action("correct")
    agreements = screen.detail.list_texts("agreements")
    assert len(agreements) == 2 and "superseded" in agreements[0] and "下月十日前付清" in agreements[1]

    assert screen.run_action("print")
    assert any(isinstance(d, PrintPreviewDialog) for d in driver.seen)

    # A resolved dispute is not transferred; a failed one is, and its outcome is recorded.
    assert not screen.detail.action_buttons["transfer"].isEnabled()
    other = disputes.register_dispute(db, login, {"cause": "邻里噪音", "nature": "neighbour", "place": "5栋"},
                                      parties=[({"name": "吴五"}, "applicant")])
    screen.refresh(other)
    driver.fills[StatusDialog] = lambda d: d.reason.setPlainText("双方拒绝调解")
    assert screen.run_action("mediating") and screen.run_action("failed")
    driver.fills[TransferDialog] = lambda d: (d.reason.setPlainText("需依法处理"), d.receiver.setText("县矛调中心"))
    assert screen.run_action("transfer")
    assert screen.detail.dispute.status == "transferred"
    assert screen.detail.action_buttons["transfer_outcome"].isEnabled()
    driver.fills[TransferOutcomeDialog] = lambda d: d.outcome.setCurrentIndex(d.outcome.findData("resolved"))
    assert screen.run_action("transfer_outcome")
    transfers = screen.detail.list_texts("transfers")
    assert len(transfers) == 1 and "县矛调中心" in transfers[0] and "Resolved" in transfers[0]
