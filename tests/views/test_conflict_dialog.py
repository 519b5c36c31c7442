"""The conflict dialog (a colleague's values beside this desk's, pick per field) and the incident
form's round trip through it on SQLite with two desks (two Database objects on one file)."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtGui import QColor

from desktop.db import open_database
from desktop.models.enums import Role
from desktop.services import incidents
from desktop.services.accounts import LoginResult
from desktop.services.stations import add_staff
from desktop.views import dialog_parts
from desktop.views.conflict_dialog import CANCEL, MERGE, RELOAD, ConflictDialog
from desktop.views.incident_form import IncidentForm

FIELDS = [("summary", "Summary"), ("disposal", "Disposal"), ("address", "Address")]


def test_the_dialog_shows_both_sides_highlights_differences_and_merges_picks(qtbot):
    base = {"summary": "噪音", "disposal": "已劝离", "address": "解放路1号"}
    mine = {"summary": "噪音", "disposal": "已调解", "address": "解放路1号"}
    theirs = {"summary": "装修噪音", "disposal": "已劝离，次日回访", "address": "解放路1号"}
    dialog = ConflictDialog(FIELDS, mine, theirs, base=base, who="王强", when=datetime(2025, 3, 6, 9, 30))
    qtbot.addWidget(dialog)
    assert "王强" in dialog.heading.text() and "2025-03-06 09:30:00" in dialog.heading.text()
    table = dialog.table
    assert [table.item(r, 0).text() for r in range(3)] == ["Summary", "Disposal", "Address"]
    assert [(table.item(r, 1).text(), table.item(r, 2).text()) for r in range(3)] == [
        ("噪音", "装修噪音"), ("已调解", "已劝离，次日回访"), ("解放路1号", "解放路1号")]
    assert dialog.differing == ["summary", "disposal"]
    highlighted = [table.item(r, 1).background().color() == QColor("#fff3cd") for r in range(3)]
    assert highlighted == [True, True, False]
    assert not table.cellWidget(2, 3).isEnabled()  # nothing to choose where both agree
    # Only the colleague changed the summary: theirs by default; the disposal both changed: mine.
    assert (dialog.side("summary"), dialog.side("disposal")) == ("theirs", "mine")

    dialog.choose("disposal", "theirs")
    dialog.choose("summary", "mine")
    dialog.merge_button.click()
    assert dialog.choice == MERGE
    assert dialog.merged() == {"summary": "噪音", "disposal": "已劝离，次日回访", "address": "解放路1号"}


def test_reload_and_cancel(qtbot):
    dialog = ConflictDialog(FIELDS, {"summary": "a"}, {"summary": "b"})
    qtbot.addWidget(dialog)
    dialog.reload_button.click()
    assert dialog.choice == RELOAD
    other = ConflictDialog(FIELDS, {"summary": "a"}, {"summary": "b"})
    qtbot.addWidget(other)
    other.reject()
    assert other.choice == CANCEL


# --------------------------------------------------------------------------- the incident form


@pytest.fixture
def desks(station):
    """Desk A (the fixture's Database) and desk B (another Database on the same file), a duty
    officer and a chief, and an incident both have open."""
    db, admin = station
    with db.transaction() as s:
        from desktop.models import Station

        st = s.get(Station, admin.station_id)
        duty = add_staff(s, st, number="2001", name="李娜", roles={Role.DUTY})
        chief = add_staff(s, st, number="2002", name="王强", roles={Role.CHIEF})
        a = LoginResult(duty.id, st.id, duty.name, duty.number, (str(Role.DUTY),), st.name)
        b = LoginResult(chief.id, st.id, chief.name, chief.number, (str(Role.CHIEF),), st.name)
    incident_id = incidents.create_incident(db, a.station_id, a.staff_id, {
        "number": "JQ1", "reported_at": "2025-03-05 14:07", "caller_name": "赵敏", "summary": "邻居噪音扰民",
        "disposal": "已劝离"}, now=datetime(2025, 3, 6, 12))
    other = open_database(db.url.render_as_string(hide_password=False))
    yield db, other, a, b, incident_id
    other.dispose()


def _form(qtbot, db, login, incident_id) -> IncidentForm:
    detail = incidents.incident_detail(db, login.station_id, incident_id)
    form = IncidentForm(db, login, incidents.lookups(db, login.station_id), detail=detail)
    qtbot.addWidget(form)
    return form


def _colleague_saves(other, b, incident_id, **changes) -> None:
    d = incidents.incident_detail(other, b.station_id, incident_id)
    values = {"number": d.number, "reported_at": d.reported_at, "caller_name": d.caller_name,
              "summary": d.summary, "disposal": d.disposal, **changes}
    incidents.update_incident(other, b.station_id, b.staff_id, incident_id, d.version, values,
                              now=datetime(2025, 3, 6, 12))


def test_incident_form_conflict_merge_round_trip(qtbot, monkeypatch, desks):
    db, other, a, b, incident_id = desks
    form = _form(qtbot, db, a, incident_id)
    form.disposal.setPlainText("已调解，双方和解")  # desk A edits the disposal ...
    _colleague_saves(other, b, incident_id, summary="邻居装修噪音扰民")  # ... B saves the summary first

    shown: list[ConflictDialog] = []

    def run(dialog):
        shown.append(dialog)
        if len(shown) == 1:
            assert dialog.table.item(0, 0).text() == "Number"
            row = [k for k, _ in dialog.fields].index("summary")
            assert dialog.table.item(row, 2).text() == "邻居装修噪音扰民"
            assert dialog.side("summary") == "theirs" and dialog.side("disposal") == "mine"
            # While A decides, B saves again: the merge is refused and the dialog opens again.
            _colleague_saves(other, b, incident_id, caller_name="赵敏敏")
        else:
            assert dialog.side("caller_name") == "theirs"
        dialog.merge()
        return True

    monkeypatch.setattr(dialog_parts, "exec_dialog", run)
    assert form.save() is True
    assert len(shown) == 2
    saved = incidents.incident_detail(other, a.station_id, incident_id)
    assert (saved.summary, saved.disposal, saved.caller_name) == ("邻居装修噪音扰民", "已调解，双方和解", "赵敏敏")
    assert saved.version == 4  # created, B, B, the merge


def test_incident_form_reload_and_cancel_keep_or_discard_as_asked(qtbot, monkeypatch, desks):
    db, other, a, b, incident_id = desks
    form = _form(qtbot, db, a, incident_id)
    form.disposal.setPlainText("我的处置")
    _colleague_saves(other, b, incident_id, summary="他人的摘要")

    monkeypatch.setattr(dialog_parts, "exec_dialog", lambda dialog: dialog.reject() or False)
    assert form.save() is False  # cancel: keep editing, nothing lost
    assert form.disposal.toPlainText() == "我的处置"
    assert form.isVisible() is False and form.result() == 0

    monkeypatch.setattr(dialog_parts, "exec_dialog", lambda dialog: dialog.reload() or True)
    assert form.save() is False  # reload: the colleague's version in the form, nothing saved
    assert (form.summary.toPlainText(), form.disposal.toPlainText()) == ("他人的摘要", "已劝离")
    assert incidents.incident_detail(db, a.station_id, incident_id).summary == "他人的摘要"

    form.disposal.setPlainText("重新填写的处置")
    assert form.save() is True  # against the reloaded version: no conflict
    saved = incidents.incident_detail(other, a.station_id, incident_id)
    assert (saved.summary, saved.disposal) == ("他人的摘要", "重新填写的处置")


def test_dispute_edit_conflict_merges_through_the_dialog(qtbot, monkeypatch, desks):
    from desktop.services import disputes
    from desktop.views.dispute_dialogs import DisputeDialog

    db, other, a, b, _incident_id = desks
    dispute_id = disputes.register_dispute(db, a, {"cause": "宅基地边界争执", "occurred_at": datetime(2025, 3, 5, 9),
                                                   "place": "解放路12号", "nature": "neighbour", "risk_level": "low"},
                                           [({"name": "王芳"}, "applicant")], now=datetime(2025, 3, 6, 9))
    detail = disputes.dispute_detail(db, a.station_id, dispute_id)
    dialog = DisputeDialog(detail=detail)
    qtbot.addWidget(dialog)
    # As the disputes screen wires an edit: the submit saves against the dialog's current version.
    dialog.conflict = (db, a.station_id, "dispute", dispute_id)
    dialog.submit = lambda v: disputes.update_dispute(db, a, dispute_id, dialog.version, v)
    dialog.place.setText("解放路14号")
    disputes.update_dispute(other, b, dispute_id, detail.version, {"risk_level": "high", "risk_reasons": "扬言报复"})

    seen = []

    def run(conflict):
        seen.append((conflict.differing, conflict.side("risk_level"), conflict.side("place")))
        conflict.merge()
        return True

    monkeypatch.setattr(dialog_parts, "exec_dialog", run)
    assert dialog.try_accept() is True
    assert seen == [(["place", "risk_level", "risk_reasons"], "theirs", "mine")]
    saved = disputes.dispute_detail(other, a.station_id, dispute_id)
    assert (saved.place, saved.risk_level, saved.risk_reasons) == ("解放路14号", "high", "扬言报复")


def test_case_edit_conflict_reload_refills_the_form(qtbot, monkeypatch, desks):
    from desktop.services import cases
    from desktop.views.case_dialogs import CaseFormDialog

    db, other, a, b, _incident_id = desks
    rules = cases.CaseRules()
    values = {"number": "A1", "kind": "administrative", "title": "殴打他人案", "accepted_at": datetime(2025, 3, 1, 9)}
    case_id = cases.create_case(db, a, values, rules=rules, now=datetime(2025, 3, 6))
    detail = cases.case_detail(db, a.station_id, case_id)
    form = CaseFormDialog(db, a, rules=rules, lookups=incidents.lookups(db, a.station_id), detail=detail,
                          now=datetime(2025, 3, 6))
    qtbot.addWidget(form)
    form.summary.setPlainText("我的摘要")
    cases.update_case(other, b, case_id, detail.version, dict(values, title="殴打他人案（一）"), rules=rules,
                      now=datetime(2025, 3, 6))

    monkeypatch.setattr(dialog_parts, "exec_dialog", lambda dialog: dialog.reload() or True)
    assert form.save() is False
    assert (form.title_edit.text(), form.summary.toPlainText()) == ("殴打他人案（一）", "")
    form.summary.setPlainText("重新写的摘要")
    assert form.save() is True
    saved = cases.case_detail(other, a.station_id, case_id)
    assert (saved.title, saved.summary) == ("殴打他人案（一）", "重新写的摘要")
