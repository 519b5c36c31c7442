"""The log-in and first-administrator dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.views.first_admin_dialog import FirstAdminDialog
from desktop.views.login_dialog import LoginDialog
from tests.views.conftest import ADMIN_NUMBER, ADMIN_PASSWORD


@pytest.fixture
def dialog(qtbot, station_db):
    dlg = LoginDialog(station_db)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _log_in(qtbot, dlg, number, password):
    dlg.number_edit.setText(number)
    dlg.password_edit.setText(password)
    qtbot.mouseClick(dlg.login_button, Qt.MouseButton.LeftButton)


def test_right_password_accepts(qtbot, dialog, admin_login):
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _log_in(qtbot, dialog, ADMIN_NUMBER, ADMIN_PASSWORD)
    assert dialog.login_result == admin_login
    assert not dialog.error_label.isVisible()


def test_wrong_password_shows_inline_error_and_keeps_number(qtbot, dialog):
    _log_in(qtbot, dialog, ADMIN_NUMBER, "wrong-password")
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.login_result is None
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "工号或密码错误"
    assert dialog.number_edit.text() == ADMIN_NUMBER
    assert dialog.password_edit.text() == ""


def test_lock_message_after_five_failures(qtbot, dialog):
    for _ in range(5):
        _log_in(qtbot, dialog, ADMIN_NUMBER, "wrong-password")
    assert "锁定" in dialog.error_label.text()
    _log_in(qtbot, dialog, ADMIN_NUMBER, ADMIN_PASSWORD)
    assert dialog.login_result is None and "锁定" in dialog.error_label.text()


def test_empty_number_is_refused_inline(qtbot, dialog):
    _log_in(qtbot, dialog, "", "whatever1")
    assert dialog.error_label.text() == "请输入工号"


def test_use_notice_is_shown_in_chinese(qtbot, station_db, zh_translator):
    dlg = LoginDialog(station_db)
    qtbot.addWidget(dlg)
    texts = [label.text() for label in dlg.findChildren(type(dlg.error_label))]
    assert any("仅限授权人员使用" in t and "记录审计" in t for t in texts)
    assert dlg.windowTitle().endswith("登录")


def test_first_admin_dialog_creates_and_logs_in(qtbot, tmp_path):
    from desktop.db import open_database
    from desktop.db.migrate import upgrade
    from desktop.services.accounts import needs_first_admin

    db = open_database(str(tmp_path / "new.db"))
    upgrade(db)
    try:
        dlg = FirstAdminDialog(db)
        qtbot.addWidget(dlg)
        dlg.station_code_edit.setText("ds")
        dlg.station_name_edit.setText("东山派出所")
        dlg.number_edit.setText("1001")
        dlg.name_edit.setText("张伟")
        dlg.password_edit.setText("short")
        dlg.repeat_edit.setText("short")
        dlg._create()
        assert dlg.login_result is None and "8" in dlg.error_label.text()
        assert dlg.password_edit.property("invalid") is True
        dlg.password_edit.setText("long-enough")
        dlg.repeat_edit.setText("different!")
        dlg._create()
        assert dlg.login_result is None
        dlg.repeat_edit.setText("long-enough")
        with qtbot.waitSignal(dlg.accepted, timeout=5000):
            dlg._create()
        assert dlg.login_result.roles == ("admin",)
        assert not needs_first_admin(db)
    finally:
        db.dispose()
