"""Take the screenshots in this folder. Run under Xvfb from the repository root:

    xvfb-run -s "-screen 0 1366x768x24" python docs/screenshots/make_screenshots.py [DB_URL]

With DB_URL (e.g. the demo database) the main window shows that station; without it a scratch
database with one administrator is made. Needs a CJK font (fonts-wqy-microhei on Debian).
"""

from __future__ import annotations

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


if __name__ == "__main__":
    raise SystemExit(main())
