"""管理: the administrator's screen (issue 10) — 人员与账号, 审计日志 and 数据备份 as tabs.

Staff administration is desktop.views.staff_admin; the audit viewer and the backup panel are
built by their own modules, imported when the screen is built. A tab whose module is missing or
fails to load says so instead of taking the whole screen down. Each tab is offered only to roles
the permission matrix allows (desktop.services.permissions).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.db.database import Database
from desktop.services.accounts import LoginResult
from desktop.services.permissions import allowed

log = logging.getLogger(__name__)


class AdminScreen(QWidget):
    """Tabs: ``staff`` (人员与账号), ``audit`` (审计日志), ``backup`` (数据备份)."""

    def __init__(self, db: Database, login: LoginResult, *, settings: QSettings | None = None, store=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.login, self.settings, self.store = db, login, settings, store
        self.setObjectName("adminScreen")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("adminTabs")
        self.tab_keys: list[str] = []
        self.staff_panel = None
        if allowed(login, "staff.manage"):
            from desktop.views.staff_admin import StaffAdminPanel

            self.staff_panel = StaffAdminPanel(db, login, self.tabs)
            self._add("staff", self.staff_panel, self.tr("Staff and accounts"))
        if allowed(login, "audit.view"):
            self._add("audit", self._optional(self._audit_viewer), self.tr("Audit log"))
        if allowed(login, "db.backup"):
            self._add("backup", self._optional(self._backup_panel), self.tr("Data backup"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _add(self, key: str, widget: QWidget, title: str) -> None:
        self.tab_keys.append(key)
        self.tabs.addTab(widget, title)

    def tab(self, key: str) -> QWidget | None:
        return self.tabs.widget(self.tab_keys.index(key)) if key in self.tab_keys else None

    def _audit_viewer(self) -> QWidget:
        from desktop.views.audit_viewer import AuditViewer

        return AuditViewer(self.db, self.login, settings=self.settings, parent=self.tabs)

    def _backup_panel(self) -> QWidget:
        from desktop.views.backup_panel import BackupPanel

        return BackupPanel(self.db, self.login, settings=self.settings, store=self.store, parent=self.tabs)

    def _optional(self, build: Callable[[], QWidget]) -> QWidget:
        try:
            return build()
        except ImportError as exc:  # a build without that module
            log.info("administration tab not available: %s", exc)
        except Exception:  # a broken tab must not take the screen down
            log.exception("could not build an administration tab")
        return self._not_available()

    def _not_available(self) -> QWidget:
        label = QLabel(self.tr("This part is not available in this version."), self.tabs)
        label.setObjectName("notAvailableLabel")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label


__all__ = ["AdminScreen"]
