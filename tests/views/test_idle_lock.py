"""The idle lock: covers the window after the idle time, unlocks only with the user's password,
and leaves every widget (and unsaved text) as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select

from desktop.models import Staff
from desktop.views.idle_lock import IdleLock
from desktop.views.main_window import MainWindow
from tests.views.conftest import ADMIN_PASSWORD


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def locked_setup(qtbot, qapp, station_db, admin_login, settings):
    window = MainWindow(station_db, admin_login, settings=settings)
    qtbot.addWidget(window)
    # Unsaved text on the window: a stand-in for any screen's half-typed form.
    draft = QLineEdit(window.stack.currentWidget())
    draft.setObjectName("draft")
    window.show()
    qtbot.waitExposed(window)
    clock = FakeClock()
    lock = IdleLock(window, station_db, admin_login, minutes=15, clock=clock, check_interval_ms=10)
    lock.install(qapp)
    yield window, lock, clock, draft
    if lock.dialog is not None:
        lock.dialog.done(0)
    lock.uninstall()


def test_input_keeps_the_desk_unlocked(qtbot, locked_setup):
    _window, lock, clock, draft = locked_setup
    clock.now += 14 * 60
    qtbot.keyClicks(draft, "a")  # activity resets the idle time
    clock.now += 14 * 60
    lock.check()
    assert not lock.is_locked


def test_locks_after_the_idle_time_and_unlocks_with_the_right_password(qtbot, locked_setup):
    window, lock, clock, draft = locked_setup
    draft.setText("张三家门口纠纷")  # keyClicks only types ASCII
    qtbot.keyClicks(draft, " - not saved")
    clock.now += 15 * 60 + 1
    with qtbot.waitSignal(lock.locked, timeout=2000):
        pass
    assert lock.is_locked
    dialog = lock.dialog
    assert dialog.isVisible() and dialog.isModal()
    cover = window.findChild(type(window.centralWidget()), "idleCover")
    assert cover is not None and cover.isVisible() and cover.geometry() == window.rect()

    dialog.password_edit.setText("wrong-password")
    assert dialog.try_unlock() is False
    assert lock.is_locked and dialog.error_label.isVisible()
    assert "密码错误" in dialog.error_label.text()
    assert dialog.password_edit.text() == ""
    dialog.reject()  # Escape does not unlock
    assert lock.is_locked

    dialog.password_edit.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(lock.unlocked, timeout=2000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert not lock.is_locked
    assert window.findChild(type(window.centralWidget()), "idleCover") is None or not cover.isVisible()
    assert window.isVisible()
    assert draft.text() == "张三家门口纠纷 - not saved"


def test_wrong_passwords_count_towards_the_account_lock(qtbot, locked_setup, station_db, admin_login):
    _window, lock, _clock, _draft = locked_setup
    lock.lock()
    lock.dialog.password_edit.setText("nope-nope")
    lock.dialog.try_unlock()
    with station_db.transaction() as session:
        staff = session.scalar(select(Staff).where(Staff.id == admin_login.staff_id))
        assert staff.failed_logins == 1


def test_idle_minutes_can_change(qtbot, locked_setup):
    _window, lock, clock, _draft = locked_setup
    lock.set_minutes(1)
    clock.now += 61
    lock.check()
    assert lock.is_locked
