"""The audit-log viewer: filters narrow the list, the verify button reports an intact chain and
pinpoints (and selects) an entry changed behind the application's back."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from desktop.services import accounts
from desktop.services.activity import record_output
from desktop.views.audit_viewer import AuditViewer
from tests.views.conftest import ADMIN_NUMBER


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    def unexpected(*args, **_kw):
        pytest.fail(f"unexpected message box: {args[1:]}")

    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture
def viewer(qtbot, station, settings):
    db, login = station
    with pytest.raises(Exception):  # noqa: B017 - a refused log-in, recorded
        accounts.authenticate(db, number=ADMIN_NUMBER, password="wrong-password")
    record_output(db, login.station_id, login.staff_id, "export", what="警情列表", rows=3)
    record_output(db, login.station_id, login.staff_id, "print", what="工单列表", rows=2)
    widget = AuditViewer(db, login, settings=settings)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    return widget, db, login


def _column(widget, key):
    return [c.key for c in widget.panel.model.columns].index(key)


def _shown(widget, key):
    model = widget.panel.model
    col = _column(widget, key)
    delegate = widget.panel.view.itemDelegateForColumn(col)
    values = [model.index(r, col).data() for r in range(model.rowCount())]
    return [delegate.displayText(v, None) if delegate is not None else v for v in values]


def _select(combo, value):
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_filters_narrow_the_list_and_labels_read_in_chinese(viewer):
    widget, _db, login = viewer
    total = widget.panel.model.rowCount()
    assert total > 5
    _select(widget.action_combo, "login_failed")
    assert _shown(widget, "action") == ["登录失败"]
    assert _shown(widget, "record_kind") == ["人员"]
    _select(widget.action_combo, None)
    _select(widget.kind_combo, "staff")
    kinds = set(_shown(widget, "record_kind"))
    assert kinds == {"人员"} and widget.panel.model.rowCount() >= 3  # created, logged in, failed
    widget.reset_filters()
    assert widget.panel.model.rowCount() == total
    _select(widget.person_combo, login.staff_id)
    _select(widget.action_combo, "print")
    assert _shown(widget, "summary") == ["打印工单列表 2 条"]
    _select(widget.period_combo, "custom")
    widget.from_edit.setDate(widget.from_edit.date().addDays(-10))
    widget.to_edit.setDate(widget.to_edit.date().addDays(-5))
    assert widget.panel.model.rowCount() == 0
    _select(widget.period_combo, "today")
    assert widget.panel.model.rowCount() == 1


def test_changes_are_shown_readable(viewer):
    widget, _db, _login = viewer
    _select(widget.action_combo, "export")
    assert _shown(widget, "changes") == ["文件：（空）；列表：警情列表；行数：3"]  # stored with sorted keys


def test_verify_shows_intact(viewer):
    widget, _db, _login = viewer
    result = widget.verify()
    assert result is not None and result.ok
    assert widget.result_label.isVisible() and widget.result_label.text().startswith("✓")
    assert "完好" in widget.result_label.text()


def test_verify_pinpoints_and_selects_a_changed_entry(viewer):
    widget, db, login = viewer
    with db.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER trg_audit_entries_no_update"))
        target = conn.execute(text("SELECT id FROM audit_entries WHERE chain_id = :c AND seq = 3"),
                              {"c": login.station_id}).scalar()
        conn.execute(text("UPDATE audit_entries SET summary = '改写' WHERE id = :i"), {"i": target})
    _select(widget.action_combo, "print")  # the changed entry is filtered out: the viewer shows all
    result = widget.verify()
    assert result is not None and not result.ok
    assert result.first_problem.entry_id == target
    assert widget.result_label.text().startswith("✗") and "第 3 条的内容被改动" in widget.result_label.text()
    assert widget.panel.current_id() == target
    assert widget.action_combo.currentData() is None
