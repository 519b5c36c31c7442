"""The main window: navigation, shortcuts, status bar, remembered geometry, translation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.views.main_window import SCREEN_FACTORIES, SCREENS, MainWindow
from desktop.views.placeholder_panel import PlaceholderPanel


@pytest.fixture
def window(qtbot, station_db, admin_login, settings):
    win = MainWindow(station_db, admin_login, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_navigation_lists_every_screen_and_placeholders_for_the_unbuilt(window):
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == ["Today's Briefing", "Incidents", "Work Orders", "Cases & Warnings", "Disputes", "Statistics",
                      "Administration", "Settings"]
    assert not any(window.navigation.item(i).isHidden() for i in range(window.navigation.count()))  # an admin
    assert window.stack.count() == len(SCREENS)
    for i in range(window.stack.count()):
        if SCREENS[i] in ("settings", *SCREEN_FACTORIES):  # real screens, not placeholders
            continue
        panel = window.stack.widget(i)
        assert isinstance(panel, PlaceholderPanel)
        assert panel.title == titles[i]
        assert "not available" in panel.message_label.text()


def test_clicking_navigation_switches_screen(qtbot, window):
    with qtbot.waitSignal(window.page_changed) as blocker:
        window.navigation.setCurrentRow(4)
    assert blocker.args == ["disputes"]
    assert window.stack.currentIndex() == 4


@pytest.mark.parametrize("number", range(1, 9))
def test_ctrl_number_switches_screen(qtbot, window, number):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    start = 0 if number != 1 else 6
    window.show_page(start)
    qtbot.keyClick(window.navigation, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == number - 1
    assert window.current_page_key() == SCREENS[number - 1]


def test_status_bar_shows_database_user_role_and_station(window, station_db):
    assert window.database_label.text().startswith("Database: SQLite station.db")
    assert window.database_label.toolTip() == station_db.label
    assert window.connection_label.text() == "Connected"
    assert window.user_label.text() == "User: 张伟 (1001, Administrator)"
    assert window.station_label.text() == "东山派出所"
    window.set_connected(False)
    assert window.connection_label.text() == "Disconnected"
    assert window.connection_label.property("state") == "lost"


def test_geometry_and_page_are_remembered(qtbot, station_db, admin_login, tmp_path):
    path = str(tmp_path / "remember.ini")
    first = MainWindow(station_db, admin_login, settings=QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.setGeometry(QRect(20, 30, 760, 540))  # inside the 800×600 offscreen screen
    first.show_page(2)
    first.close()
    assert QSettings(path, QSettings.Format.IniFormat).value("main_window/geometry") is not None

    second = MainWindow(station_db, admin_login, settings=QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (760, 540)
    assert second.stack.currentIndex() == 2


def test_close_records_logout(qtbot, window, station_db):
    from sqlalchemy import func, select

    from desktop.models import AuditEntry

    window.close()
    with station_db.transaction() as session:
        count = session.scalar(select(func.count()).where(AuditEntry.action == "logout"))
    assert count == 1


def test_default_size_fits_1366x768(qtbot, station_db, admin_login, settings):
    win = MainWindow(station_db, admin_login, settings=settings)
    qtbot.addWidget(win)
    assert win.width() <= 1366 and win.height() <= 768
    assert win.minimumWidth() <= 1366 and win.minimumHeight() <= 768


def test_chinese_translation_is_used(qtbot, station_db, admin_login, settings, zh_translator):
    assert zh_translator, "the zh_CN .qm file must be shipped in resources/translations"
    win = MainWindow(station_db, admin_login, settings=settings)
    qtbot.addWidget(win)
    titles = [win.navigation.item(i).text() for i in range(win.navigation.count())]
    assert titles == ["今日晨会", "警情", "工单", "执法与预警", "矛盾纠纷", "统计报表", "管理", "设置"]
    assert "管理员" in win.user_label.text()
    win.show_page(SCREENS.index("statistics"))
    screen = win.screen("statistics")
    screen.wait_idle()
    buttons = [b.text() for b in screen.findChildren(QPushButton)]
    assert "月度报告…" in buttons, buttons


def test_settings_page_holds_the_settings_form(qtbot, window, settings):
    from desktop.views.settings_dialog import SettingsForm

    assert window.settings_form is None  # built on first use (it reads the credential store)
    window.show_page(SCREENS.index("settings"))
    assert isinstance(window.settings_form, SettingsForm)
    window.settings_form._fields["security/idle_lock_minutes"].setValue(7)
    with qtbot.waitSignal(window.settings_saved) as blocker:
        assert window.save_settings()
    assert blocker.args[0].idle_lock_minutes == 7
    settings.sync()
    assert settings.value("security/idle_lock_minutes") in (7, "7")
