"""QApplication start-up: translations, style, the error hook, the database, log-in, main window.

Only Qt and the standard library are imported at module level; SQLAlchemy, the services and the
views load inside :func:`run` once the application object exists, so the first paint is quick.
"""

from __future__ import annotations

import logging
import os
import secrets
import sys
import traceback
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QSettings, Qt, QTranslator
from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("desktop")

APP_NAME = "StationDesk"
LOG_FILE_NAME = "station-desk.log"
DEFAULT_LANG = "zh_CN"
FONT_FAMILIES = ["Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "sans-serif"]
FONT_POINT_SIZE = 10.5
EXIT_OK, EXIT_ERROR = 0, 2


def resources_dir() -> Path:
    """``resources/`` next to the package, or inside a PyInstaller bundle (desktop/resources.py)."""
    from desktop.resources import resources_dir as located

    return located()


# --------------------------------------------------------------------------- logging and errors


def setup_logging(log_dir: Path) -> Path | None:
    """Send the application's log to a rotating file in ``log_dir``; returns the file or None."""
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / LOG_FILE_NAME
        handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    if not any(isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path for h in log.handlers):
        log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


class ExceptionHook:
    """``sys.excepthook``: log the trace with a short reference, show a friendly dialog, keep running.

    An expected error (:class:`StationDeskError`) that escaped a screen is shown as its message;
    anything else as "an unexpected error" with the reference and the trace under "Show Details".
    """

    def __init__(self, log_file: Path | None) -> None:
        self.log_file = log_file
        self._showing = False

    @staticmethod
    def new_reference() -> str:
        return f"E{datetime.now():%m%d%H%M}-{secrets.token_hex(2).upper()}"

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        reference = self.new_reference()
        trace = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected error %s\n%s", reference, trace)
        for handler in log.handlers:
            handler.flush()
        if QApplication.instance() is None or self._showing:
            sys.stderr.write(f"{reference}\n{trace}")
            return
        self._showing = True  # an error while the box is open is logged, not stacked
        try:
            self.show_dialog(exc, reference, trace)
        except Exception:  # the hook itself must never raise
            log.exception("could not show the error dialog")
        finally:
            self._showing = False

    def show_dialog(self, exc: BaseException, reference: str, trace: str) -> None:
        from desktop.errors import StationDeskError

        box = QMessageBox(QApplication.activeWindow())
        box.setWindowTitle(QCoreApplication.translate("StartUp", "StationDesk"))
        if isinstance(exc, StationDeskError):
            box.setIcon(QMessageBox.Icon.Warning)
            box.setText(str(exc))
        else:
            box.setIcon(QMessageBox.Icon.Critical)
            box.setText(
                QCoreApplication.translate("StartUp", "Sorry, something went wrong. Your work so far has been kept.")
            )
        where = f"\n{self.log_file}" if self.log_file else ""
        box.setInformativeText(
            QCoreApplication.translate(
                "StartUp", "Reference: {reference}. The details have been written to the log file:"
            ).format(reference=reference)
            + where
        )
        box.setDetailedText(f"{reference}\n{trace}")
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()


def install_excepthook(log_file: Path | None) -> ExceptionHook:
    hook = ExceptionHook(log_file)
    sys.excepthook = hook
    return hook


# --------------------------------------------------------------------------- application object


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the names, high-DPI policy, font and style sheet set."""
    app = QApplication.instance()
    if app is None:
        # Qt 6 scales for high DPI by itself; pass fractional factors (125 %, 150 %) through unrounded.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    from desktop import __version__

    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setApplicationDisplayName(APP_NAME)
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(FONT_POINT_SIZE)
    app.setFont(font)
    app.setWindowIcon(application_icon())  # every window without its own icon inherits it
    from desktop.resources import style_sheet_path

    style = style_sheet_path()
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def application_icon() -> QIcon:
    """The StationDesk icon: the SVG for sharp scaling, the 256 px PNG when Qt has no SVG plugin."""
    from desktop.resources import icon_paths

    icon = QIcon()
    for path in icon_paths():
        if path.is_file():
            icon.addFile(str(path))
    return icon


def install_translators(app: QCoreApplication, lang: str | None) -> list[QTranslator]:
    """Load the Chinese translations (ours and Qt's own buttons) unless ``lang`` is 'en'.

    The source strings are English, so English needs no translator. Returns what was installed
    (the caller keeps them alive)."""
    from desktop.resources import TRANSLATION_PREFIX, translations_dir

    lang = lang or DEFAULT_LANG
    if lang.startswith("en"):
        QLocale.setDefault(QLocale("en_US"))
        return []
    QLocale.setDefault(QLocale(lang))
    installed = []
    candidates = [
        (f"{TRANSLATION_PREFIX}{lang}", str(translations_dir())),
        (f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("translation %s not found in %s", name, folder)
    return installed


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Close, parent)
    box.exec()


# --------------------------------------------------------------------------- start-up flow


def ensure_demo_database(url: str, *, years: int = 3) -> bool:
    """Create and fill the demo database if it is missing or empty, with a progress dialog.

    Returns False when the user cancelled (the half-made file is removed by the service)."""
    from desktop.db import open_database
    from desktop.db.urls import parse_url
    from desktop.errors import Cancelled
    from desktop.services.bootstrap import create_demo_database, is_empty
    from desktop.views.job_runner import run_job

    database = parse_url(url).database
    if database and Path(database).exists():
        # Opening a missing file would create it, and the service only removes files it created.
        db = open_database(url)
        try:
            if not is_empty(db):
                return True
        finally:
            db.dispose()

    def work(progress, cancel):
        return create_demo_database(url, years=years, progress=progress, cancel=cancel)

    try:
        run_job(
            None,
            work,
            title=QCoreApplication.translate("StartUp", "Demo station"),
            label=QCoreApplication.translate("StartUp", "Creating the demo station database…"),
        )
    except Cancelled:
        return False
    return True


def open_and_prepare(url: str, *, backup_folder: str | None = None):
    """Open the database, check a local file for damage (naming the newest backup in
    ``backup_folder`` when it is damaged) and make its schema current; raises StationDeskError
    with the reason."""
    from desktop.db import open_database
    from desktop.db.migrate import prepare

    db = open_database(url)
    try:
        if db.is_sqlite:
            from desktop.db.backup import backup_folder as folder_of
            from desktop.db.backup import integrity_check

            integrity_check(db, folder_of(db, backup_folder))
        prepare(db)
    except BaseException:
        db.dispose()
        raise
    return db


def start_scheduled_backup(db, folder: str | None, keep: int):
    """The daily backup of a local database on a worker thread (a big file takes seconds to copy);
    the thread, or None for a server database. A failure is logged: the backup tab shows the list."""
    if not db.is_sqlite:
        return None
    import threading

    from desktop.db.backup import backup_folder, scheduled_backup

    def work() -> None:
        try:
            made = scheduled_backup(db, backup_folder(db, folder), keep=keep)
        except Exception:  # logged; the desk keeps working without today's copy
            log.exception("the scheduled backup failed")
        else:
            if made is not None:
                log.info("scheduled backup written to %s", made)

    thread = threading.Thread(target=work, name="scheduled-backup", daemon=True)
    thread.start()
    return thread


STARTUP_PROBE_ENV = "STATION_DESK_STARTUP_PROBE"


class _FirstPaintProbe(QObject):
    """For benchmarks/cases_app.py only: print when a widget first paints, then close it."""

    def __init__(self, widget: QWidget, label: str) -> None:
        super().__init__(widget)
        self._label = label
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # Qt override
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            print(f"startup-probe {self._label}", flush=True)
            obj.close()
        return False


def _probe_first_paint(widget: QWidget, label: str) -> None:
    if os.environ.get(STARTUP_PROBE_ENV) == label:
        _FirstPaintProbe(widget, label)


def log_in(db) -> object | None:
    """First-administrator dialog on an empty database, else the log-in dialog; the result or None."""
    from desktop.services.accounts import needs_first_admin

    if needs_first_admin(db):
        from desktop.views.first_admin_dialog import FirstAdminDialog

        dialog = FirstAdminDialog(db)
    else:
        from desktop.views.login_dialog import LoginDialog

        dialog = LoginDialog(db)
    _probe_first_paint(dialog, "login")
    if dialog.exec() != dialog.DialogCode.Accepted:
        return None
    result = dialog.login_result
    if getattr(result, "must_change_password", False):
        # A password an administrator set (or reset) is temporary: choosing one's own is the way in.
        from desktop.views.staff_admin import ChangePasswordDialog

        change = ChangePasswordDialog(db, result)
        if change.exec() != change.DialogCode.Accepted:
            return None
    return result


def _safe_describe(url: str) -> str:
    """The URL without its password, or the text as typed when it does not even parse."""
    from desktop.db.urls import describe_url
    from desktop.errors import StationDeskError

    try:
        return describe_url(url)
    except StationDeskError:
        return url


def ask_database_settings(store, reason: str) -> bool:
    """The settings dialog with the reason the database could not be opened; True after "Save and
    retry", False when the user chose to quit."""
    from desktop.views.settings_dialog import SettingsDialog

    dialog = SettingsDialog(store, reason=reason)
    return dialog.exec() == SettingsDialog.DialogCode.Accepted


def needs_first_run(store) -> bool:
    """True on a fresh desk: no database in the settings or STATION_DESK_DB, and no local file yet."""
    from desktop.db.urls import ENV_URL, default_url, parse_url

    qsettings = store.qsettings
    qsettings.beginGroup("database")
    try:
        configured = bool(qsettings.childKeys())
    finally:
        qsettings.endGroup()
    if configured or os.environ.get(ENV_URL):
        return False
    database = parse_url(default_url()).database
    return bool(database) and not Path(database).exists()


def first_run(store) -> tuple[str, bool] | None:
    """The first-run dialog until a choice is complete: ``(url, demo)``, or None when the user quit.

    A new station opens the default local file (created and migrated; the log-in step then asks
    for the first administrator); the server choice opens the database settings (cancelling them
    comes back here); the demo is created on first use."""
    from desktop.db.urls import data_dir, default_url, demo_url, parse_url
    from desktop.views.first_run_dialog import FirstRunDialog

    database_file = Path(parse_url(default_url()).database or data_dir() / "station.db")
    while True:
        dialog = FirstRunDialog(database_file=database_file, backups_folder=database_file.parent / "backups",
                                logs_folder=data_dir() / "logs")
        _probe_first_paint(dialog, "first-run")
        if dialog.exec() != dialog.DialogCode.Accepted:
            return None
        if dialog.choice == FirstRunDialog.NEW_STATION:
            return default_url(), False
        if dialog.choice == FirstRunDialog.OPEN_DEMO:
            return demo_url(), True
        if ask_database_settings(store, ""):
            return store.db_url(), False


def run(*, db_url: str | None, demo: bool, lang: str | None, settings: QSettings | None = None) -> int:
    """Start the desktop application; returns the process exit code.

    ``--db`` (``db_url``) and ``--lang`` override the stored settings; ``settings`` is injectable
    for tests (default: the application's QSettings)."""
    app = create_application()
    from desktop.db.urls import data_dir, demo_url
    from desktop.errors import StationDeskError
    from desktop.views.settings_store import SettingsStore

    log_file = setup_logging(data_dir() / "logs")
    install_excepthook(log_file)
    store = SettingsStore(settings)
    translators = install_translators(app, lang or store.value("ui/language"))  # noqa: F841 - kept alive

    # A database named on the command line (or the demo) is the user's explicit choice: when it
    # fails there is nothing in the settings to correct, so say why and exit. A database from the
    # settings opens the settings dialog with the reason, to fix and retry.
    from_settings = not (demo or db_url)
    url = demo_url() if demo else (db_url or store.db_url())
    if from_settings and needs_first_run(store):
        chosen = first_run(store)
        if chosen is None:
            return EXIT_OK
        url, demo = chosen
        from_settings = not demo
    while True:
        try:
            if demo and not ensure_demo_database(url):
                return EXIT_OK  # cancelled: nothing to open, no error to show
            db = open_and_prepare(url, backup_folder=store.value("backup/folder"))
            break
        except StationDeskError as exc:
            shown = _safe_describe(url)
            log.warning("cannot open %s: %s", shown, exc)
            if from_settings:
                reason = QCoreApplication.translate("StartUp", "{reason}\nDatabase: {url}").format(
                    reason=str(exc), url=shown
                )
                if not ask_database_settings(store, reason):
                    return EXIT_ERROR
                url = store.db_url()
                continue
            show_error(
                None,
                QCoreApplication.translate("StartUp", "Cannot open the database"),
                QCoreApplication.translate(
                    "StartUp", "StationDesk cannot open the database:\n{reason}\n\nDatabase: {url}"
                ).format(reason=str(exc), url=shown),
            )
            return EXIT_ERROR
    try:
        login = log_in(db)
        if login is None:
            return EXIT_OK
        start_scheduled_backup(db, store.value("backup/folder"), store.value("backup/keep"))
        from desktop.views.connection_monitor import ConnectionMonitor, database_probe
        from desktop.views.idle_lock import IdleLock
        from desktop.views.main_window import MainWindow

        window = MainWindow(db, login, settings=store.qsettings, store=store)
        window.setWindowIcon(application_icon())
        monitor = ConnectionMonitor(database_probe(db), parent=window)
        window.watch_connection(monitor)
        app.aboutToQuit.connect(monitor.stop)
        monitor.start()
        idle_lock = IdleLock(window, db, login, minutes=store.value("security/idle_lock_minutes"))
        window.settings_saved.connect(lambda saved: idle_lock.set_minutes(saved.idle_lock_minutes))
        idle_lock.install(app)
        window.show()
        return app.exec()
    finally:
        db.dispose()
