"""The main window: navigation on the left, one screen at a time, who and where in the status bar.

It is given the database and the logged-in user; screens get what they need from it in their own
constructors, and nothing reaches back into the window (STYLE.md: no god object).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import PurePath
from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.db.database import Database
from desktop.services.accounts import LoginResult
from desktop.views.placeholder_panel import PlaceholderPanel
from desktop.views.settings_store import SettingsStore

log = logging.getLogger(__name__)

SETTINGS_GEOMETRY = "main_window/geometry"
SETTINGS_STATE = "main_window/state"
SETTINGS_PAGE = "main_window/page"

# Screen keys in navigation order; Ctrl+1 … Ctrl+8 follow this order. "admin" (管理) is listed only
# for roles that may manage staff or read the audit log (desktop.services.permissions).
SCREENS = ("briefing", "incidents", "work_orders", "cases", "disputes", "statistics", "admin", "settings")


ScreenFactory = Callable[["MainWindow", QWidget], QWidget]


def _incidents_screen(window: MainWindow, parent: QWidget) -> QWidget:
    from desktop.views.incidents_screen import IncidentsScreen

    return IncidentsScreen(window.db, window.login, settings=window.qsettings, store=window.store, parent=parent)


def _work_orders_screen(window: MainWindow, parent: QWidget) -> QWidget:
    from desktop.views.work_orders_screen import WorkOrdersScreen

    return WorkOrdersScreen(window.db, window.login, settings=window.qsettings, store=window.store, parent=parent)


def _cases_screen(window: MainWindow, parent: QWidget) -> QWidget:
    from desktop.views.cases_screen import CasesScreen

    screen = CasesScreen(window.db, window.login, settings=window.qsettings, store=window.store, parent=parent)
    screen.order_requested.connect(window.show_work_order)
    return screen


def _briefing_screen(window: MainWindow, parent: QWidget) -> QWidget:
    from desktop.views.briefing_screen import BriefingScreen

    screen = BriefingScreen(window.db, window.login, settings=window.qsettings, store=window.store, parent=parent)
    screen.open_record.connect(window.show_record)
    return screen


def _disputes_screen(window: MainWindow, parent: QWidget) -> QWidget:
    from desktop.views.disputes_screen import DisputesScreen

    screen = DisputesScreen(window.db, window.login, settings=window.qsettings, store=window.store, parent=parent)
    screen.source_requested.connect(window.show_record)
    return screen


def _statistics_screen(window: MainWindow, parent: QWidget) -> QWidget:
    from desktop.views.statistics_screen import StatisticsScreen

    screen = StatisticsScreen(window.db, window.login, settings=window.qsettings, store=window.store, parent=parent)
    screen.drill_down.connect(window.show_incidents_filtered)
    return screen


def _admin_screen(window: MainWindow, parent: QWidget) -> QWidget:
    from desktop.views.admin_screen import AdminScreen

    return AdminScreen(window.db, window.login, settings=window.qsettings, store=window.store, parent=parent)


def may_open_admin(login: LoginResult) -> bool:
    """Whether the 管理 screen is offered: staff administration or the audit log is allowed."""
    from desktop.services.permissions import allowed

    return allowed(login, "staff.manage") or allowed(login, "audit.view")


# The screens built so far; the others show the "not yet available" panel. Each is imported and
# built the first time it is shown, so start-up pays only for the screen it opens on.
SCREEN_FACTORIES: dict[str, ScreenFactory] = {
    "briefing": _briefing_screen, "incidents": _incidents_screen, "work_orders": _work_orders_screen,
    "cases": _cases_screen, "disputes": _disputes_screen, "statistics": _statistics_screen,
    "admin": _admin_screen,
}


class _LazyScreen(QWidget):
    """Holds the place of a screen in the stack until it is first shown."""

    def __init__(self, factory: Callable[[QWidget], QWidget], parent: QWidget) -> None:
        super().__init__(parent)
        self._factory = factory
        self.screen: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> QWidget:
        if self.screen is None:
            self.screen = self._factory(self)
            self.layout().addWidget(self.screen)
        return self.screen


def settings_store() -> QSettings:
    """The application's settings (the registry on Windows, an ini file elsewhere)."""
    return QSettings("StationDesk", "StationDesk")


class ConnectionBanner(QFrame):
    """The red strip above the screens while the database is unreachable, with "Retry now".

    It only shows and hides: the screens below are never rebuilt, so nothing typed is lost."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 12, 8)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("connectionBannerText")
        self.message_label.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Retry now"), self)
        self.retry_button.setObjectName("connectionRetryButton")
        self.retry_button.clicked.connect(self._on_retry)
        layout.addWidget(self.message_label, 1)
        layout.addWidget(self.retry_button)
        self.hide()

    def show_lost(self, reason: str) -> None:
        self.message_label.setText(
            self.tr(
                "The database connection was lost: {reason}. Retrying… "
                "(saved data is not affected; unsaved input is kept)"
            ).format(reason=reason)
        )
        self.retry_button.setEnabled(True)
        self.show()

    def _on_retry(self) -> None:
        self.retry_button.setEnabled(False)  # enabled again by the next failure
        self.retry_requested.emit()


class MainWindow(QMainWindow):
    """Navigation list + stacked screens. ``page_changed(key)`` is emitted when the screen changes."""

    page_changed = Signal(str)
    settings_saved = Signal(object)  # desktop.settings.Settings, after the 设置 page saved

    def __init__(
        self,
        db: Database,
        login: LoginResult,
        *,
        settings: QSettings | None = None,
        store: SettingsStore | None = None,
        screens: Mapping[str, ScreenFactory] | None = None,
        live_refresh: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._login = login
        # Live refresh (issue 10): colleagues' changes reach this desk's lists and counts. Made
        # before the screens; they subscribe through the hub, so building them later is fine.
        from desktop.views.live_refresh import ChangeWatcher

        self.change_watcher = ChangeWatcher(db, login.station_id, parent=self)
        if live_refresh:
            self.change_watcher.start()
        factories = SCREEN_FACTORIES if screens is None else screens
        self._settings = settings if settings is not None else settings_store()
        self._store = store if store is not None else SettingsStore(self._settings)
        self.settings_form = None  # built the first time the 设置 page is shown
        self.setObjectName("mainWindow")
        self.setWindowTitle(
            self.tr("StationDesk — {station}").format(station=login.station_name or self.tr("Police station"))
        )
        self.setMinimumSize(QSize(720, 480))

        titles = self._screen_titles()
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setUniformItemSizes(True)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("screenStack")
        for index, key in enumerate(SCREENS):
            item = QListWidgetItem(titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(self.tr("{title} (Ctrl+{number})").format(title=titles[key], number=index + 1))
            self.navigation.addItem(item)
            # Hidden, not removed: screen indices and Ctrl+N stay the same for every role.
            item.setHidden(key == "admin" and not may_open_admin(login))
            if key == "settings":
                self.stack.addWidget(self._settings_page())
            elif key in factories:
                self.stack.addWidget(_LazyScreen(partial(factories[key], self), self.stack))
            else:  # later issues replace these with the real screens
                self.stack.addWidget(PlaceholderPanel(titles[key], self.stack))
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(partial(self.show_page, index))
        self.navigation.currentRowChanged.connect(self._on_row_changed)
        self.navigation.setFixedWidth(self._navigation_width())

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.connection_banner = ConnectionBanner(central)
        outer.addWidget(self.connection_banner)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)

        self._build_status_bar()
        self._restore_layout()

    # ------------------------------------------------------------------ screens

    def _screen_titles(self) -> dict[str, str]:
        return {
            "briefing": self.tr("Today's Briefing"),
            "incidents": self.tr("Incidents"),
            "work_orders": self.tr("Work Orders"),
            "cases": self.tr("Cases & Warnings"),
            "disputes": self.tr("Disputes"),
            "statistics": self.tr("Statistics"),
            "admin": self.tr("Administration"),
            "settings": self.tr("Settings"),
        }

    def _navigation_width(self) -> int:
        metrics = self.navigation.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.navigation.item(i).text()) for i in range(self.navigation.count()))
        return max(150, widest + 64)

    def show_page(self, index: int) -> None:
        # A hidden entry (管理 for a role without the right) cannot be reached by Ctrl+N either.
        if 0 <= index < self.stack.count() and not self.navigation.item(index).isHidden():
            self.navigation.setCurrentRow(index)

    def current_page_key(self) -> str:
        return SCREENS[self.stack.currentIndex()]

    @property
    def db(self) -> Database:
        return self._db

    @property
    def login(self) -> LoginResult:
        return self._login

    @property
    def qsettings(self) -> QSettings:
        return self._settings

    @property
    def store(self) -> SettingsStore:
        return self._store

    def show_record(self, kind: str, record_id: int) -> None:
        """Open a record named by another screen (the briefing's notable incidents, …)."""
        if kind == "incident":
            self.show_page(SCREENS.index("incidents"))
            self.screen("incidents").show_incident(record_id)
        elif kind == "work_order":
            self.show_work_order(record_id)

    def show_incidents_filtered(self, filter: Mapping[str, Any] | None = None, **kwargs: Any) -> None:
        """The 警情 list showing the incidents of a filter: ``start``, ``end`` (exclusive) and any of
        ``category_id``, ``subtype_id``, ``community_id``, ``grid_id``, ``unit_id``, ``officer_id``
        (the statistics screen's drill-down)."""
        values = {**(filter or {}), **kwargs}
        start, end = values.pop("start"), values.pop("end")
        self.show_page(SCREENS.index("incidents"))
        self.screen("incidents").show_filtered(start, end, **values)

    def show_work_order(self, order_id: int) -> None:
        """Open a work order in the 工单 screen (from another screen's link)."""
        self.show_page(SCREENS.index("work_orders"))
        self.screen("work_orders").show_order(order_id)

    def screen(self, key: str) -> QWidget:
        """The widget of screen ``key`` (built now if it was not yet)."""
        page = self.stack.widget(SCREENS.index(key))
        return page.ensure_built() if isinstance(page, _LazyScreen) else page

    def _settings_page(self) -> QWidget:
        """The 设置 screen: the settings form (built lazily, it reads the credential store) and Save."""
        page = QWidget(self.stack)
        page.setObjectName("settingsPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 16, 24, 16)
        self._settings_scroll = QScrollArea(page)
        self._settings_scroll.setWidgetResizable(True)
        self._settings_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(self._settings_scroll, 1)
        row = QHBoxLayout()
        self.settings_note = QLabel(self.tr("A new database is used after StationDesk is restarted."), page)
        self.settings_note.setWordWrap(True)
        self.settings_save_button = QPushButton(self.tr("Save settings"), page)
        self.settings_save_button.setObjectName("saveSettingsButton")
        self.settings_save_button.clicked.connect(self.save_settings)
        row.addWidget(self.settings_note, 1)
        row.addWidget(self.settings_save_button)
        layout.addLayout(row)
        return page

    def _ensure_settings_form(self) -> None:
        if self.settings_form is None:
            from desktop.views.settings_dialog import SettingsForm

            self.settings_form = SettingsForm(self._store, self._settings_scroll)
            self._settings_scroll.setWidget(self.settings_form)

    def save_settings(self) -> bool:
        self._ensure_settings_form()
        result = self.settings_form.save()
        if result is None:
            return False
        self.statusBar().showMessage(self.tr("Settings saved."), 5000)
        self.settings_saved.emit(result)
        return True

    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        if SCREENS[row] == "settings":
            self._ensure_settings_form()
        page = self.stack.widget(row)
        if isinstance(page, _LazyScreen):
            try:
                page.ensure_built()
            except Exception:  # a screen that cannot open must not take the window with it
                log.exception("could not build the %s screen", SCREENS[row])
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.warning(self, self.tr("StationDesk"),
                                    self.tr("This screen could not be opened; details are in the log file."))
        self.stack.setCurrentIndex(row)
        self.page_changed.emit(SCREENS[row])

    # ------------------------------------------------------------------ status bar

    def role_label(self, role: str) -> str:
        labels = {
            "admin": self.tr("Administrator"),
            "chief": self.tr("Command-room chief"),
            "duty": self.tr("Duty officer"),
            "officer": self.tr("Police officer"),
            "mediator": self.tr("Mediator"),
            "viewer": self.tr("Read-only"),
        }
        return labels.get(role, role)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(True)
        db = self._db
        if db.is_sqlite:
            name = PurePath(db.url.database or "").name
        else:
            name = f"{db.url.host or 'localhost'}/{db.url.database}"
        backend = db.label.split(" ", 1)[0]
        self.database_label = QLabel(self.tr("Database: {backend} {name}").format(backend=backend, name=name), self)
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setToolTip(db.label)
        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("connectionLabel")
        roles = "、".join(self.role_label(r) for r in self._login.roles) or self.tr("no role")
        self.user_label = QLabel(
            self.tr("User: {name} ({number}, {roles})").format(
                name=self._login.name, number=self._login.number, roles=roles
            ),
            self,
        )
        self.user_label.setObjectName("userLabel")
        self.station_label = QLabel(self._login.station_name, self)
        self.station_label.setObjectName("stationLabel")
        bar.addWidget(self.database_label)
        bar.addWidget(self.connection_label)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.station_label)
        self.set_connected(True)

    def set_connected(self, connected: bool) -> None:
        """Show the connection state in the status bar (the connection monitor drives this)."""
        self.connection_label.setText(self.tr("Connected") if connected else self.tr("Disconnected"))
        self.connection_label.setProperty("state", "ok" if connected else "lost")
        self.connection_label.style().unpolish(self.connection_label)
        self.connection_label.style().polish(self.connection_label)

    # ------------------------------------------------------------------ connection banner

    def watch_connection(self, monitor) -> None:
        """Follow a :class:`desktop.views.connection_monitor.ConnectionMonitor`: banner and status
        bar on loss and restore, "Retry now" probes at once."""
        monitor.connection_lost.connect(self.show_connection_lost)
        monitor.connection_restored.connect(self.show_connection_restored)
        monitor.connection_lost.connect(self.change_watcher.pause)
        monitor.connection_restored.connect(self.change_watcher.resume)
        self.connection_banner.retry_requested.connect(monitor.retry_now)

    def show_connection_lost(self, reason: str) -> None:
        self.connection_banner.show_lost(reason)
        self.set_connected(False)
        self.connection_label.setToolTip(reason)

    def show_connection_restored(self) -> None:
        self.connection_banner.hide()
        self.set_connected(True)
        self.connection_label.setToolTip("")
        self.statusBar().showMessage(self.tr("Database connection restored."), 5000)

    # ------------------------------------------------------------------ layout memory

    def _restore_layout(self) -> None:
        geometry = self._settings.value(SETTINGS_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 720)  # fits a 1366×768 screen with the task bar
        state = self._settings.value(SETTINGS_STATE)
        if state is not None:
            self.restoreState(state)
        page = self._settings.value(SETTINGS_PAGE, 0)
        try:
            page = int(page)
        except (TypeError, ValueError):
            page = 0
        usable = 0 <= page < len(SCREENS) and not self.navigation.item(page).isHidden()
        self.show_page(page if usable else 0)

    def save_layout(self) -> None:
        self._settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        self._settings.setValue(SETTINGS_STATE, self.saveState())
        self._settings.setValue(SETTINGS_PAGE, self.stack.currentIndex())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.change_watcher.stop()
        self.save_layout()
        try:
            from desktop.services.accounts import record_logout

            record_logout(self._db, self._login)
        except Exception:  # closing must never fail because the database is gone
            log.exception("could not record the log-out")
        super().closeEvent(event)
