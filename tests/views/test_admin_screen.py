"""The 管理 screen (issue 10): tabs by role, the staff tab creating, unlocking and refusing, and the
navigation entry hidden from roles without the right."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from desktop.errors import PermissionDenied
from desktop.services import accounts
from desktop.views import staff_admin
from desktop.views.admin_screen import AdminScreen
from desktop.views.main_window import SCREENS, MainWindow

PASSWORD = "temporary-pass-1"


@pytest.fixture
def screen(qtbot, station_db, admin_login, settings):
    widget = AdminScreen(station_db, admin_login, settings=settings)
    qtbot.addWidget(widget)
    return widget


def _login_as(db, admin_login, number, roles):
    accounts.create_staff(db, admin_login, number=number, name=f"人员{number}", unit_id=None, roles=roles,
                          password=PASSWORD)
    return accounts.authenticate(db, number=number, password=PASSWORD)


def _row_of(panel, number):
    return next(r for r, row in enumerate(panel.rows) if row.number == number)


def test_tabs_follow_the_role(qtbot, screen, station_db, admin_login, settings):
    assert screen.tab_keys == ["staff", "audit", "backup"]
    assert [screen.tabs.tabText(i) for i in range(screen.tabs.count())] == [
        "Staff and accounts", "Audit log", "Data backup"]
    assert screen.tab("staff") is screen.staff_panel
    chief = _login_as(station_db, admin_login, "2001", ["chief"])
    chief_screen = AdminScreen(station_db, chief, settings=settings)
    qtbot.addWidget(chief_screen)
    assert chief_screen.tab_keys == ["audit"] and chief_screen.staff_panel is None


def test_create_a_staff_member_keeping_input_on_refusal(qtbot, screen, station_db, admin_login, monkeypatch):
    panel = screen.staff_panel
    assert [r.number for r in panel.rows] == ["1001"]
    seen = []

    def fill_and_save(dialog):
        assert isinstance(dialog, staff_admin.StaffDialog)
        dialog.number_edit.setText("3001")
        dialog.name_edit.setText("李民警")
        dialog.role_boxes["officer"].setChecked(True)
        dialog.password_edit.setText("short")
        assert dialog.save() is False  # refused: the dialog stays with what was typed
        seen.append(dialog.error.text())
        assert dialog.number_edit.text() == "3001" and dialog.role_boxes["officer"].isChecked()
        dialog.password_edit.setText(PASSWORD)
        assert dialog.save() is True
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(staff_admin, "exec_dialog", fill_and_save)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert seen and "密码至少 8 位" in seen[0]
    assert [r.number for r in panel.rows] == ["1001", "3001"]
    r = _row_of(panel, "3001")
    assert panel.table.item(r, 3).text() == "Police officer"
    assert panel.selected_row().number == "3001"  # the new person is selected
    assert accounts.authenticate(station_db, number="3001", password=PASSWORD).roles == ("officer",)


def test_unlock_a_locked_account(qtbot, screen, station_db, admin_login):
    accounts.create_staff(station_db, admin_login, number="3002", name="王锁定", unit_id=None, roles=["viewer"],
                          password=PASSWORD)
    for _ in range(accounts.MAX_FAILED_LOGINS):
        with pytest.raises(PermissionDenied):
            accounts.authenticate(station_db, number="3002", password="wrong-password")
    panel = screen.staff_panel
    panel.refresh()
    r = _row_of(panel, "3002")
    assert panel.table.item(r, 5).text() != ""  # locked until …
    panel.table.selectRow(r)
    assert panel.unlock_button.isEnabled()
    qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)
    assert panel.table.item(_row_of(panel, "3002"), 5).text() == ""
    assert not panel.unlock_button.isEnabled()
    assert accounts.authenticate(station_db, number="3002", password=PASSWORD).number == "3002"


def test_the_last_administrator_cannot_be_deactivated(qtbot, screen):
    panel = screen.staff_panel
    panel.table.selectRow(_row_of(panel, "1001"))
    assert panel.active_button.text() == "Deactivate"
    qtbot.mouseClick(panel.active_button, Qt.MouseButton.LeftButton)
    assert panel.message.isVisibleTo(panel) and "最后一名" in panel.message.text()
    assert panel.rows[_row_of(panel, "1001")].active


def test_navigation_hides_administration_without_the_right(qtbot, station_db, admin_login, settings):
    duty = _login_as(station_db, admin_login, "2002", ["duty"])
    win = MainWindow(station_db, duty, settings=settings, live_refresh=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    index = SCREENS.index("admin")
    assert win.navigation.item(index).isHidden()
    assert not win.navigation.item(SCREENS.index("settings")).isHidden()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    win.show_page(0)
    qtbot.keyClick(win.navigation, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert win.current_page_key() == "briefing"  # Ctrl+7 does not reach the hidden screen
    win.show_page(index)
    assert win.current_page_key() == "briefing"


def test_navigation_opens_administration_for_an_admin(qtbot, station_db, admin_login, settings):
    win = MainWindow(station_db, admin_login, settings=settings, live_refresh=False)
    qtbot.addWidget(win)
    win.show_page(SCREENS.index("admin"))
    assert win.current_page_key() == "admin"
    assert isinstance(win.screen("admin"), AdminScreen)


def test_reset_password_then_the_user_changes_it(qtbot, screen, station_db, admin_login, monkeypatch):
    accounts.create_staff(station_db, admin_login, number="3003", name="赵", unit_id=None, roles=["viewer"],
                          password=PASSWORD)
    panel = screen.staff_panel
    panel.refresh()
    panel.table.selectRow(_row_of(panel, "3003"))

    def reset(dialog):
        assert isinstance(dialog, staff_admin.PasswordDialog)
        dialog.password_edit.setText("reset-pass-0001")
        dialog.confirm_edit.setText("reset-pass-0002")
        assert dialog.save() is False and "differ" in dialog.error.text()
        dialog.confirm_edit.setText("reset-pass-0001")
        return dialog.save()

    monkeypatch.setattr(staff_admin, "exec_dialog", reset)
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    me = accounts.authenticate(station_db, number="3003", password="reset-pass-0001")
    assert me.must_change_password
    change = staff_admin.ChangePasswordDialog(station_db, me)
    qtbot.addWidget(change)
    change.old_edit.setText("reset-pass-0001")
    change.new_edit.setText("my-own-pass-01")
    change.confirm_edit.setText("my-own-pass-01")
    assert change.save()
    assert not accounts.authenticate(station_db, number="3003", password="my-own-pass-01").must_change_password


@pytest.mark.parametrize("role,unmasked", [("duty", True), ("chief", True), ("officer", False),
                                           ("mediator", False), ("viewer", False)])
def test_list_exports_reveal_phones_only_with_export_unmasked(qtbot, station_db, admin_login, settings, tmp_path,
                                                              role, unmasked):
    """An officer sees a caller's phone on screen (personal.view) but a file they export is masked."""
    import dataclasses
    from datetime import datetime

    import openpyxl

    from desktop.models import Incident
    from desktop.views.incidents_screen import IncidentsScreen
    from desktop.views.table_export import export_model_to_xlsx

    with station_db.transaction(station_id=admin_login.station_id, staff_id=admin_login.staff_id) as s:
        s.add(Incident(station_id=admin_login.station_id, number="JQ1", reported_at=datetime.now().replace(
            microsecond=0), caller_name="报警人", caller_phone="13800138000", address="解放路1号",
            address_norm="解放路1号", summary="纠纷"))
    me = dataclasses.replace(admin_login, roles=(role,))
    widget = IncidentsScreen(station_db, me, settings=settings)
    qtbot.addWidget(widget)
    model = widget.list_page.panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=3000)
    phone_col = [c.key for c in widget.list_page.query.columns].index("caller_phone")
    path = tmp_path / "out.xlsx"
    assert export_model_to_xlsx(model, path, [phone_col]) == 1
    cells = {c for r in openpyxl.load_workbook(path).active.iter_rows(values_only=True) for c in r}
    assert ("13800138000" in cells) is unmasked
    assert ("138****8000" in cells) is not unmasked
