"""Take the screenshots in this folder. Run under Xvfb from the repository root:

    xvfb-run -s "-screen 0 1366x768x24" python docs/screenshots/make_screenshots.py [DB_URL]

With DB_URL (e.g. the demo database) the main window shows that station; without it a scratch
database with one administrator is made. Needs a CJK font (fonts-wqy-microhei on Debian).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.app import create_application, install_translators
from desktop.db import open_database
from desktop.db.migrate import prepare, upgrade
from desktop.services import accounts
from desktop.views.first_admin_dialog import FirstAdminDialog
from desktop.views.idle_lock import IdleLock
from desktop.views.login_dialog import LoginDialog
from desktop.views.main_window import MainWindow
from desktop.views.settings_dialog import SettingsDialog
from desktop.views.settings_store import SettingsStore

OUT = Path(__file__).resolve().parent


def _shoot(app, widget, name: str) -> None:
    widget.show()
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(OUT / name))
    print("wrote", OUT / name)


def main() -> int:
    app = create_application()
    translators = install_translators(app, "zh_CN")  # noqa: F841 - kept alive
    scratch = Path(tempfile.mkdtemp(prefix="stationdesk-shots-"))

    empty = open_database(str(scratch / "empty.db"))
    upgrade(empty)
    _shoot(app, FirstAdminDialog(empty), "first_admin_dialog.png")

    if len(sys.argv) > 1:
        db = open_database(sys.argv[1])
        prepare(db)
        number, password = sys.argv[2], sys.argv[3]
    else:
        db = open_database(str(scratch / "station.db"))
        upgrade(db)
        number, password = "1001", "correct-horse"
        accounts.create_first_admin(db, station_code="DS", station_name="东山派出所", number=number,
                                    name="张伟", password=password)
    login = LoginDialog(db)
    login.number_edit.setText(number)
    _shoot(app, login, "login.png")
    login.password_edit.setText("wrong-password")
    login._try_login()
    _shoot(app, login, "login_failed.png")
    result = accounts.authenticate(db, number=number, password=password)

    window = MainWindow(db, result, settings=QSettings(str(scratch / "s.ini"), QSettings.Format.IniFormat))
    window.setGeometry(0, 0, 1366, 728)  # a 1366×768 screen less the task bar
    window.show_page(1)
    _shoot(app, window, "main_window.png")
    _incident_screens(app, window, db, result, scratch)
    _work_order_screens(app, window)
    _case_screens(app, window)
    _briefing_screen(app, window, scratch)
    _disputes_screen(app, window)
    _statistics_screen(app, window)
    _conflict_dialog(app, window)
    if len(sys.argv) > 4:  # an administrator's number: the 管理 screen (staff, audit log, backups)
        _admin_screens(app, db, sys.argv[4], password, scratch)
    _first_run_dialog(app, scratch)

    # The idle lock over the main window, after a wrong password (the screen, so the modal shows).
    lock = IdleLock(window, db, result, minutes=15)
    lock.lock()
    lock.dialog.password_edit.setText("x")
    lock.dialog.try_unlock()
    for _ in range(10):
        app.processEvents()
    g = window.frameGeometry()
    app.primaryScreen().grabWindow(0, g.x(), g.y(), g.width(), g.height()).save(str(OUT / "idle_lock.png"))
    print("wrote", OUT / "idle_lock.png")
    lock._unlock()
    window.close()

    # Settings with a server that does not answer: the inline Chinese error.
    store = SettingsStore(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
    dialog = SettingsDialog(store)
    dialog.form.server_radio.setChecked(True)
    dialog.form.host_edit.setText("127.0.0.1")
    dialog.form.port_spin.setValue(1)
    dialog.form.database_edit.setText("x")
    dialog.form.user_edit.setText("postgres")
    dialog.show()
    dialog.form.test_connection()
    _shoot(app, dialog, "settings_dialog.png")
    db.dispose()
    empty.dispose()
    return 0


def _incident_screens(app, window, db, login, scratch: Path) -> None:
    """The 警情 screen with a selected incident, the repeat-call view, the entry form and the import
    wizard's mapping and summary pages (on a small export with a few bad rows)."""
    import openpyxl

    from desktop.views.import_wizard import ImportWizard
    from desktop.views.incident_form import IncidentForm

    screen = window.screen("incidents")
    page = screen.list_page
    model = page.panel.model
    if model.rowCount():
        repeat = [c.key for c in model.columns].index("repeat")
        for row in range(min(model.rowCount(), 400)):
            if model.data(model.index(row, repeat)):  # a repeat call
                page.panel.select_id(model.id_of_row(row))
                break
        else:
            page.panel.select_id(model.id_of_row(0))
    _shoot(app, window, "incidents.png")
    screen.tabs.setCurrentWidget(screen.repeats_page)
    repeats = screen.repeats_page
    if hasattr(repeats, "from_edit"):
        repeats.from_edit.setDate(repeats.from_edit.date().addDays(-23))
    _shoot(app, window, "repeat_calls.png")
    screen.tabs.setCurrentWidget(page)

    form = IncidentForm(db, login, page.lookups, parent=window)
    form.number.setText("JQ-示例")
    form.reported_at.setText("2023-02-29 10:00")
    form.caller_phone.setText("1380013")
    form.save()
    _shoot(app, form, "incident_form.png")
    form.close()

    export = scratch / "110导出-示例.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["城关派出所警情明细表"])
    ws.append(["导出时间：2026-11-23 07:30"])
    ws.append(["接警单编号", "报警时间", "报警人", "报警电话", "事发地址", "警情类别", "警情类型", "报警内容"])
    rows = [
        ("SHOT0001", "2026/11/22 21:07", "李娜", "138 0013 8000", "解放路128号", "纠纷警情", "邻里纠纷", "楼上噪音"),
        ("SHOT0002", "2026-11-22 21:30:00", "王强", "+86 139-0013-9000", "解放路128号门口", "治安警情", "噪音扰民",
         "邻居装修"),
        ("", "2026-11-22 22:00", "赵敏", "13700137000", "人民路2号", "群众求助", "其他求助", "无编号"),
        ("SHOT0004", "2023-02-29 10:00", "孙八", "13600136000", "人民路3号", "群众求助", "其他求助", "日期不存在"),
        ("SHOT0005", "2026年11月22日23时10分", "周九", "12345abc", "河西街9号", "群众求助", "开锁求助", "钥匙丢了"),
        ("SHOT0006", "20261123011500", "吴十", "13400134000", "河西街10号", "外星来客", "飞碟", "无法分类"),
    ]
    for row in rows:
        ws.append(list(row))
    ws.append(["合计：6 条"])
    wb.save(export)
    wizard = ImportWizard(db, login, parent=window)
    wizard.resize(1100, 680)
    wizard.set_path(str(export))
    wizard.next_page()
    _shoot(app, wizard, "import_wizard_mapping.png")
    wizard.next_page()
    _shoot(app, wizard, "import_wizard_summary.png")
    wizard.close()


def _work_order_screens(app, window) -> None:
    """The 工单 screen: my desk, and the list with an order's history selected."""
    window.show_page(2)
    screen = window.screen("work_orders")
    _shoot(app, window, "my_desk.png")
    page = screen.list_page
    screen.tabs.setCurrentWidget(page)
    model = page.panel.model
    tone = [c.key for c in model.columns].index("tone")
    for row in range(min(model.rowCount(), 400)):  # an overdue order shows the most
        if model.data(model.index(row, tone), 2) or model.data(model.index(row, tone)):
            page.panel.select_id(model.id_of_row(row))
            break
    _shoot(app, window, "work_orders.png")
    window.show_page(1)


def _case_screens(app, window) -> None:
    """执法与预警: the case register with a case's clock, and the warnings register."""
    from desktop.views.main_window import SCREENS

    window.show_page(SCREENS.index("cases"))
    screen = window.screen("cases")
    page = screen.case_page
    model = page.panel.model
    if model.rowCount():
        page.panel.select_id(model.id_of_row(0))
    _shoot(app, window, "cases.png")
    screen.setCurrentWidget(screen.warning_page)
    wmodel = screen.warning_page.panel.model
    if wmodel.rowCount():
        screen.warning_page.panel.select_id(wmodel.id_of_row(0))
    _shoot(app, window, "warnings.png")
    window.show_page(1)


def _briefing_screen(app, window, scratch: Path) -> None:
    """今日晨会: this morning's briefing compiled; its minutes rendered to PDF beside the shots."""
    from desktop.views.main_window import SCREENS

    window.show_page(SCREENS.index("briefing"))
    screen = window.screen("briefing")
    screen.compile()
    for _ in range(10):
        app.processEvents()
    _shoot(app, window, "briefing.png")
    try:
        from desktop.reports.briefing_pdf import write_minutes_pdf
        from desktop.services.briefings import briefing_view

        view = briefing_view(screen.db, screen.login.station_id, screen.briefing_id)
        write_minutes_pdf(scratch / "minutes.pdf", station_name=screen.login.station_name, view_like=view)
        print("wrote", scratch / "minutes.pdf")
    except Exception as exc:  # noqa: BLE001 - the screenshots still stand without the PDF
        print("minutes PDF not written:", exc)
    window.show_page(1)


def _disputes_screen(app, window) -> None:
    """矛盾纠纷: the list with a dispute's elements, parties and timeline."""
    from desktop.views.main_window import SCREENS

    window.show_page(SCREENS.index("disputes"))
    screen = window.screen("disputes")
    panel = getattr(screen, "panel", None) or getattr(getattr(screen, "list_page", None), "panel", None)
    if panel is not None and panel.model.rowCount():
        panel.select_id(panel.model.id_of_row(0))
    _shoot(app, window, "disputes.png")
    window.show_page(1)


def _statistics_screen(app, window) -> None:
    """统计报表: the month's dashboard (read on a worker thread: wait for it)."""
    import time

    from desktop.views.main_window import SCREENS

    window.show_page(SCREENS.index("statistics"))
    screen = window.screen("statistics")
    screen.refresh()
    deadline = time.monotonic() + 60
    while screen.loading and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    _shoot(app, window, "statistics.png")
    window.show_page(1)


def _conflict_dialog(app, window) -> None:
    """The dialog a stale save opens: the colleague's saved values beside this desk's."""
    from datetime import datetime

    from desktop.views.conflict_dialog import ConflictDialog

    fields = [("address", "发生地址"), ("summary", "简要案情"), ("disposal", "处置情况"), ("unit_id", "承办单位")]
    mine = {"address": "东风路12号3单元", "summary": "报警人称邻居装修噪音扰民，要求民警到场处理。",
            "disposal": "已口头调解，双方同意晚上8点后停止施工。", "unit_id": "社区警务队"}
    theirs = {**mine, "disposal": "民警到场，责令停止施工，已登记。", "unit_id": "案件办理队"}
    dialog = ConflictDialog(fields, mine, theirs, base=mine, who="王建国", when=datetime(2026, 11, 23, 9, 42),
                            parent=window)
    dialog.resize(860, 420)
    _shoot(app, dialog, "conflict_dialog.png")
    dialog.close()


def _admin_screens(app, db, number: str, password: str, scratch: Path) -> None:
    """管理 as an administrator: staff and accounts, the audit log after verifying its chain."""
    import time

    from desktop.views.main_window import SCREENS

    result = accounts.authenticate(db, number=number, password=password)
    window = MainWindow(db, result, settings=QSettings(str(scratch / "admin.ini"), QSettings.Format.IniFormat))
    window.setGeometry(0, 0, 1366, 728)
    window.show_page(SCREENS.index("admin"))
    screen = window.screen("admin")
    _shoot(app, window, "admin_staff.png")
    screen.tabs.setCurrentWidget(screen.tab("audit"))
    viewer = screen.tab("audit")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    _shoot(app, window, "audit_log.png")
    if hasattr(viewer, "verify"):
        viewer.verify()
        _shoot(app, window, "audit_verify.png")
    backups = screen.tab("backup")
    if backups is not None:
        screen.tabs.setCurrentWidget(backups)
        _shoot(app, window, "backups.png")
    window.close()


def _first_run_dialog(app, scratch: Path) -> None:
    from desktop.views.first_run_dialog import FirstRunDialog

    dialog = FirstRunDialog(database_file=scratch / "StationDesk" / "stationdesk.db",
                            backups_folder=scratch / "StationDesk" / "backups",
                            logs_folder=scratch / "StationDesk" / "logs")
    _shoot(app, dialog, "first_run.png")


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # PySide6 6.12 aborts in the final garbage collection (see tests/conftest.py)
