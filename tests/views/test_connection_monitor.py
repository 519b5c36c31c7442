"""The connection monitor (probe off the UI thread, lost once, back-off, restored) and the main
window's banner: shown with the Chinese reason, hidden on restore, nothing typed is lost."""

from __future__ import annotations

import itertools
import threading

import pytest
from PySide6.QtWidgets import QLineEdit

from desktop.views.connection_monitor import ConnectionMonitor, backoff_delay, database_probe
from desktop.views.main_window import MainWindow


class FlakyProbe:
    """A probe that fails while ``down`` is set, recording the thread it ran on."""

    def __init__(self) -> None:
        self.down = False
        self.threads: list[threading.Thread] = []

    def __call__(self) -> None:
        self.threads.append(threading.current_thread())
        if self.down:
            raise ConnectionRefusedError("connection refused")


@pytest.fixture
def probe():
    return FlakyProbe()


@pytest.fixture
def monitor(qtbot, probe):
    # Long interval and retries: the tests drive every check with check_now().
    mon = ConnectionMonitor(probe, interval_s=3600, first_retry_s=3600, max_retry_s=3600)
    yield mon
    mon.stop()


@pytest.fixture
def window(qtbot, station_db, admin_login, settings, monitor):
    win = MainWindow(station_db, admin_login, settings=settings)
    qtbot.addWidget(win)
    win.watch_connection(monitor)
    win.show()
    qtbot.waitExposed(win)
    return win


def _lose(qtbot, monitor, probe):
    probe.down = True
    with qtbot.waitSignal(monitor.connection_lost, timeout=5000) as blocker:
        monitor.check_now()
    return blocker.args[0]


def _restore(qtbot, monitor, probe):
    probe.down = False
    with qtbot.waitSignal(monitor.connection_restored, timeout=5000):
        monitor.check_now()


def test_backoff_grows_and_caps():
    delays = [backoff_delay(n) for n in range(1, 10)]
    assert delays[:5] == [1, 2, 4, 8, 16]
    assert delays[5:] == [30, 30, 30, 30]
    assert all(a <= b for a, b in itertools.pairwise(delays))
    assert backoff_delay(1000) == 30  # no overflow on a long outage


def test_monitor_schedules_growing_retries_while_lost(qtbot, probe):
    mon = ConnectionMonitor(probe, interval_s=3600, first_retry_s=2, max_retry_s=8)
    try:
        probe.down = True
        for _ in range(5):
            with qtbot.waitSignal(mon.retry_scheduled, timeout=5000):
                mon.check_now()
        assert mon.delays == [2, 4, 8, 8, 8]
        assert mon._timer.isActive() and mon._timer.interval() == 8000
    finally:
        mon.stop()


def test_probe_runs_off_the_ui_thread(qtbot, monitor, probe):
    with qtbot.waitSignal(monitor._probed, timeout=5000):
        monitor.check_now()
    assert probe.threads
    assert all(t is not threading.main_thread() for t in probe.threads)


def test_lost_is_emitted_once_with_the_chinese_reason(qtbot, monitor, probe):
    lost = []
    monitor.connection_lost.connect(lost.append)
    reason = _lose(qtbot, monitor, probe)
    assert reason.startswith("无法连接数据库服务器")
    assert not monitor.is_connected
    with qtbot.waitSignal(monitor.retry_scheduled, timeout=5000):
        monitor.check_now()  # still down: a retry, not a second "lost"
    assert lost == [reason]


def test_banner_shows_the_reason_and_hides_on_restore(qtbot, window, monitor, probe):
    assert not window.connection_banner.isVisible()
    reason = _lose(qtbot, monitor, probe)
    assert window.connection_banner.isVisible()
    assert reason in window.connection_banner.message_label.text()
    assert window.connection_label.text() == "Disconnected"

    _restore(qtbot, monitor, probe)
    assert monitor.is_connected
    assert not window.connection_banner.isVisible()
    assert window.connection_label.text() == "Connected"
    assert window.connection_label.property("state") == "ok"


def test_retry_now_button_probes_at_once(qtbot, window, monitor, probe):
    _lose(qtbot, monitor, probe)
    probe.down = False
    with qtbot.waitSignal(monitor.connection_restored, timeout=5000):
        window.connection_banner.retry_button.click()
    assert not window.connection_banner.isVisible()


def test_typed_text_survives_loss_and_restore(qtbot, window, monitor, probe):
    page = window.stack.currentWidget()
    edit = QLineEdit(page)
    edit.show()
    qtbot.keyClicks(edit, "Zhang San 110 ")  # QTest types Latin-1 only; the rest as an input method would
    edit.insert("报警：邻居噪音")
    _lose(qtbot, monitor, probe)
    assert edit.text() == "Zhang San 110 报警：邻居噪音"
    _restore(qtbot, monitor, probe)
    assert edit.text() == "Zhang San 110 报警：邻居噪音"
    assert window.stack.currentWidget() is page


def test_banner_is_chinese_with_the_translation(
    qtbot, station_db, admin_login, settings, monitor, probe, zh_translator
):
    win = MainWindow(station_db, admin_login, settings=settings)
    qtbot.addWidget(win)
    win.watch_connection(monitor)
    reason = _lose(qtbot, monitor, probe)
    text = win.connection_banner.message_label.text()
    assert text.startswith(f"数据库连接已断开：{reason}。正在重试…")
    assert "未保存的内容仍保留" in text
    assert win.connection_banner.retry_button.text() == "立即重试"


def test_a_hung_probe_counts_as_lost_without_blocking(qtbot):
    release = threading.Event()
    mon = ConnectionMonitor(lambda: release.wait(10), interval_s=3600, first_retry_s=3600, timeout_s=0.2)
    try:
        with qtbot.waitSignal(mon.connection_lost, timeout=5000) as blocker:
            mon.check_now()
        assert blocker.args[0].startswith("无法连接数据库服务器")
    finally:
        release.set()
        mon.stop()


def test_database_probe_runs_select_1(station_db):
    database_probe(station_db)()  # no exception on a healthy database


def test_application_icon_is_shipped_and_set(qapp):
    from PySide6.QtGui import QImage

    from desktop.app import application_icon, create_application, resources_dir

    png = QImage(str(resources_dir() / "icons" / "station-desk.png"))
    assert (png.width(), png.height()) == (256, 256)
    assert (resources_dir() / "icons" / "station-desk.svg").is_file()
    assert not application_icon().isNull()
    assert not create_application().windowIcon().isNull()
