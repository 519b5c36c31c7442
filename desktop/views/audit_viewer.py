"""The audit log (审计日志) for administrators: search by person, action, record kind and period,
export it, and verify the hash chains (desktop/services/audit_log.py).

The 管理 screen shows an :class:`AuditViewer` as one of its tabs; the widget stands on its own.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from desktop.db.database import Database
from desktop.errors import Cancelled, StationDeskError
from desktop.services import audit_log
from desktop.services.accounts import LoginResult
from desktop.services.paging import Sort

log = logging.getLogger(__name__)


class _LabelDelegate(QStyledItemDelegate):
    """Shows a stored code (``login_failed``, ``work_orders``, the changes' JSON) as its words."""

    def __init__(self, label: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = label

    def displayText(self, value: Any, locale: Any) -> str:
        return self._label(value) if value else ""


class AuditViewer(QWidget):
    """Filters above the lazy list of the station's audit entries, a verify button and its result."""

    verified = Signal(object)  # the audit_log.Verification of the last check

    PERIODS = ("all", "today", "7d", "30d", "custom")

    def __init__(self, db: Database, login: LoginResult, *, settings: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.views.list_panel import ListPanel

        self.setObjectName("auditViewer")
        self.db = db
        self.login = login
        self.last_verification: audit_log.Verification | None = None
        titles = {
            "at": self.tr("Time"), "person": self.tr("Person"), "action": self.tr("Action"),
            "record_kind": self.tr("Record kind"), "record_id": self.tr("Record id"), "summary": self.tr("Summary"),
            "changes": self.tr("Changes"), "seq": self.tr("Seq."),
        }
        self.query = audit_log.audit_query(db, login.station_id, titles, login=login)
        self.panel = ListPanel(self.query, list_key="audit_log", title=self.tr("Audit log"), settings=settings,
                               reveal_personal=True, default_sort=Sort("at", True), parent=self)
        self.panel.audit_outputs(db, login, "审计日志")
        delegates = {"action": audit_log.action_label, "record_kind": audit_log.table_label,
                     "changes": audit_log.describe_changes}
        for column, spec in enumerate(self.panel.model.columns):
            if spec.key in delegates:
                self.panel.view.setItemDelegateForColumn(
                    column, _LabelDelegate(delegates[spec.key], self.panel.view))

        self.verify_button = QPushButton(self.tr("Verify hash chain"), self)
        self.verify_button.setObjectName("verifyAuditChain")
        self.verify_button.setToolTip(self.tr(
            "Check that no audit entry was changed, deleted or inserted outside the application"))
        self.verify_button.clicked.connect(self.verify)
        self.panel.add_action_button(self.verify_button)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("auditVerifyResult")
        self.result_label.setWordWrap(True)
        self.result_label.hide()

        self._build_filters()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.panel, 1)

    # ------------------------------------------------------------------ filters

    def _build_filters(self) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.person_combo = QComboBox(self)
        self.person_combo.setObjectName("auditPersonFilter")
        self.person_combo.addItem(self.tr("All people"), None)
        try:
            for choice in audit_log.people(self.db, self.login.station_id):
                self.person_combo.addItem(choice.label, choice.value)
        except StationDeskError:
            log.warning("the staff list for the audit filter could not be read")
        self.action_combo = QComboBox(self)
        self.action_combo.setObjectName("auditActionFilter")
        self.action_combo.addItem(self.tr("All actions"), None)
        self.action_combo.addItem(self.tr("Log-in events"), list(audit_log.LOGIN_ACTIONS))
        for choice in audit_log.actions():
            self.action_combo.addItem(choice.label, choice.value)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("auditKindFilter")
        self.kind_combo.addItem(self.tr("All records"), None)
        for choice in audit_log.record_kinds():
            self.kind_combo.addItem(choice.label, choice.value)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("auditPeriodFilter")
        for key, text in zip(self.PERIODS, (self.tr("All dates"), self.tr("Today"), self.tr("Last 7 days"),
                                            self.tr("Last 30 days"), self.tr("Dates…")), strict=True):
            self.period_combo.addItem(text, key)
        self.from_edit = QDateEdit(self)
        self.to_edit = QDateEdit(self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
            edit.dateChanged.connect(self.apply_filters)
        for combo in (self.person_combo, self.action_combo, self.kind_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.period_combo.currentIndexChanged.connect(self._on_period)
        self.reset_button = QPushButton(self.tr("Reset filters"), self)
        self.reset_button.clicked.connect(self.reset_filters)
        for widget in (self.person_combo, self.action_combo, self.kind_combo, self.period_combo, self.from_edit,
                       QLabel("–", self), self.to_edit, self.reset_button):
            row.addWidget(widget)
        row.addStretch(1)
        self.filter_row = row

    def _on_period(self) -> None:
        custom = self.period_combo.currentData() == "custom"
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)
        self.apply_filters()

    def period(self) -> tuple[datetime | None, datetime | None]:
        key = self.period_combo.currentData()
        today = date.today()
        if key == "today":
            start_day, end_day = today, today
        elif key == "7d":
            start_day, end_day = today - timedelta(days=6), today
        elif key == "30d":
            start_day, end_day = today - timedelta(days=29), today
        elif key == "custom":
            start_day, end_day = self.from_edit.date().toPython(), self.to_edit.date().toPython()
            if start_day > end_day:
                start_day, end_day = end_day, start_day
        else:
            return None, None
        return datetime.combine(start_day, time.min), datetime.combine(end_day, time(23, 59, 59))

    def apply_filters(self, *_args: Any) -> None:
        start, end = self.period()
        flt = audit_log.audit_filter(staff_id=self.person_combo.currentData(), action=self.action_combo.currentData(),
                                     table_name=self.kind_combo.currentData(), start=start, end=end)
        self.panel.set_extra_filter(flt.equals, flt.ranges)

    def reset_filters(self) -> None:
        for combo in (self.person_combo, self.action_combo, self.kind_combo, self.period_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.from_edit.setEnabled(False)
        self.to_edit.setEnabled(False)
        self.panel.search.clear()
        self.apply_filters()

    # ------------------------------------------------------------------ verification

    def verify(self) -> audit_log.Verification | None:
        """Walk the chains in a worker; show the result and select the entry found wrong."""
        from desktop.views.job_runner import run_job

        db, station_id = self.db, self.login.station_id
        try:
            result = run_job(self, lambda _progress, _cancel: audit_log.verify(db, station_id),
                             title=self.tr("Verify hash chain"), label=self.tr("Checking the audit log…"))
        except Cancelled:
            return None
        except StationDeskError as exc:
            self._show_result(str(exc), ok=False)
            return None
        self.last_verification = result
        problem = result.first_problem
        if problem is None:
            self._show_result("✓ " + self.tr("The audit log is intact: no entry was changed, deleted or inserted.")
                              + "\n" + result.text(), ok=True)
        else:
            self._show_result("✗ " + result.text(), ok=False)
            if problem.entry_id is not None and not self.panel.select_id(problem.entry_id):
                # Filtered out: show the whole log so the entry can be seen.
                self.reset_filters()
                self.panel.select_id(problem.entry_id)
        self.verified.emit(result)
        return result

    def _show_result(self, text: str, *, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setProperty("error", not ok)
        self.result_label.style().unpolish(self.result_label)
        self.result_label.style().polish(self.result_label)
        self.result_label.show()


__all__ = ["AuditViewer"]
