"""The 工单 screen: 我的工作台 (my desk), and the work-order list with filters, counts per status, the
selected order's details, history and attachments, and the actions its state allows.

Everything is read and changed through desktop/services/work_orders.py: the list is a
:class:`ListPanel` over ``work_order_list_query`` (lazy, sorted and filtered in SQL; overdue rows red,
due-soon rows amber), the action buttons follow ``actions_for`` and every transition is the
service's (which enforces the state machine and the roles). A refused action shows the service's
Chinese message; the dialogs keep what was typed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.db.database import Database
from desktop.errors import Cancelled, StationDeskError
from desktop.services.accounts import LoginResult
from desktop.services.masking import may_see_personal
from desktop.services.paging import Sort
from desktop.services.permissions import allowed
from desktop.views.dialog_parts import exec_dialog
from desktop.views.work_order_dialogs import (
    PRIORITIES,
    SOURCES,
    STATUSES,
    TEXT_ACTIONS,
    ActionDialog,
    NewOrderDialog,
    OrderSource,
    WorkOrderTexts,
    fill_people,
    problem_text,
)

log = logging.getLogger(__name__)

ACTIONS = ("accept", "report", "return", "close", "urge", "reassign", "cancel")
OPEN_STATES = ("issued", "accepted", "reported", "returned")
# Statuses with a count button in the filter bar (the closed and cancelled pile grows for ever).
COUNTED = ("issued", "accepted", "reported", "returned")


class WorkOrdersScreen(QWidget):
    """Tabs: 我的工作台 (first) and 工单列表."""

    source_requested = Signal(str, int)  # source kind, id: another screen may show the record

    def __init__(self, db: Database, login: LoginResult, *, settings: QSettings, store: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.views.my_desk import MyDeskPanel

        self.setObjectName("workOrdersScreen")
        self.db = db
        self.login = login
        self.store = store
        self.tabs = QTabWidget(self)
        self.desk = MyDeskPanel(db, login, parent=self.tabs)
        self.list_page = WorkOrderListPage(db, login, settings=settings, store=store, parent=self.tabs)
        self.tabs.addTab(self.desk, self.tr("My desk"))
        self.tabs.addTab(self.list_page, self.tr("Work orders"))
        self.desk.order_opened.connect(self.show_order)
        self.list_page.changed.connect(self.desk.refresh)
        self.list_page.source_requested.connect(self.source_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.tabs)

    def show_order(self, order_id: int) -> None:
        """Open ``order_id`` in the list tab (clearing filters that hide it)."""
        self.tabs.setCurrentWidget(self.list_page)
        self.list_page.reveal_order(order_id)


class WorkOrderListPage(QWidget):
    """Filters and counts above; the lazy list on the left; the selected order on the right."""

    changed = Signal()  # an order was created or changed here
    source_requested = Signal(str, int)

    PERIODS = ("all", "today", "7d", "30d", "month", "custom")

    def __init__(self, db: Database, login: LoginResult, *, settings: QSettings, store: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.services.incidents import lookups
        from desktop.services.work_orders import can_issue, work_order_list_query
        from desktop.views.list_panel import ListPanel

        self.db = db
        self.login = login
        self.store = store
        self.texts = WorkOrderTexts(self)
        self.can_issue = can_issue(login.roles)
        self.lookups = lookups(db, login.station_id)
        titles = {
            "number": self.tr("Number"), "tone": self.tr("Due"), "status": self.tr("Status"),
            "priority": self.tr("Priority"), "title": self.tr("Title"), "unit": self.tr("Unit"),
            "assignee": self.tr("Assignee"), "tracker": self.tr("Tracker"), "source": self.tr("Source"),
            "deadline": self.tr("Deadline"), "issued_at": self.tr("Issued"), "closed_at": self.tr("Closed"),
        }
        self.query = work_order_list_query(db, login.station_id, titles)
        self.panel = ListPanel(self.query, list_key="work_orders", title=self.tr("Work orders"), settings=settings,
                               reveal_personal=may_see_personal(login.roles), default_sort=Sort("issued_at", True),
                               highlight_key="tone", parent=self)
        self.panel.model.export_unmasked = allowed(login, "export.unmasked")  # files leaving the desk
        self.panel.watch_tables(("work_orders", "work_order_events"))
        self._label_columns()

        self.new_button = QPushButton(self.tr("New…"), self)
        self.new_button.setToolTip(self.tr("Issue a new work order"))
        self.new_button.clicked.connect(lambda: self.new_order())
        self.new_button.setEnabled(self.can_issue)
        # The actions on several orders share one menu button: the toolbar must fit 1366 px screens.
        self.bulk_button = QPushButton(self.tr("Selected"), self)
        self.bulk_button.setToolTip(self.tr("Urge, reassign or print the selected orders"))
        menu = QMenu(self.bulk_button)
        self.bulk_actions = {
            "urge": menu.addAction(self.tr("Urge selected…"), lambda: self.bulk_action("urge")),
            "reassign": menu.addAction(self.tr("Reassign selected…"), lambda: self.bulk_action("reassign")),
            "print": menu.addAction(self.tr("Print their forms"), lambda: self.print_selected_forms()),
        }
        for key in ("urge", "reassign"):
            self.bulk_actions[key].setEnabled(self.can_issue)
        self.bulk_button.setMenu(menu)
        self.ledger_button = QPushButton(self.tr("Ledger…"), self)
        self.ledger_button.setToolTip(self.tr("Write the work-order ledger (Excel and PDF) of the orders shown"))
        self.ledger_button.clicked.connect(lambda: self.export_ledger())
        for button in (self.new_button, self.bulk_button, self.ledger_button):
            self.panel.add_action_button(button)

        self._build_filters()
        self.detail = WorkOrderDetailPanel(self)
        self.detail.action_requested.connect(self.run_action)
        self.detail.print_requested.connect(self.print_form)
        self.detail.attach_requested.connect(self.add_attachment)
        self.detail.attachment_opened.connect(self.open_attachment)
        self.detail.source_requested.connect(self.source_requested)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.panel)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 460])
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(self.filter_rows)
        layout.addWidget(splitter, 1)
        self.panel.current_changed.connect(self._on_current)
        self.panel.audit_outputs(db, login, "工单列表")
        self.panel.search.textChanged.connect(self._counts_later)
        self.apply_filters()

    def _label_columns(self) -> None:
        """Status, priority and tone are stored values in the query: show them as words."""
        labels = {"status": self.texts.status, "priority": self.texts.priority, "tone": self.texts.tone}
        for column, spec in enumerate(self.panel.model.columns):
            if spec.key in labels:
                self.panel.view.setItemDelegateForColumn(column, LabelDelegate(labels[spec.key], self.panel.view))

    # ------------------------------------------------------------------ small services

    def show_problem(self, title: str, exc: BaseException) -> None:
        """A refusal or failure as a message box: the service's Chinese message and hint."""
        if isinstance(exc, StationDeskError):
            text = problem_text(exc)
        else:
            log.error("work order screen: %s", title, exc_info=exc)
            text = self.tr("The database could not be reached; nothing was changed. Try again.")
        QMessageBox.warning(self, title, text)

    def deadline_hours(self) -> dict[str, int]:
        """The per-priority default deadlines from the settings (the service's defaults without)."""
        if self.store is None:
            return {}
        try:
            return dict(self.store.snapshot().deadline_hours())
        except Exception:  # an unreadable settings store: fall back to the service's defaults
            log.exception("could not read the deadline settings")
            return {}

    # ------------------------------------------------------------------ filters and counts

    def _build_filters(self) -> None:
        self.status_combo = self._combo(self.tr("All statuses"),
                                        [("open", self.tr("Open")), *((s, self.texts.status(s)) for s in STATUSES)])
        self.priority_combo = self._combo(self.tr("All priorities"), [(p, self.texts.priority(p)) for p in PRIORITIES])
        self.source_combo = self._combo(self.tr("All sources"), [(s, self.texts.source(s)) for s in SOURCES])
        self.unit_combo = self._combo(self.tr("All units"), [(u.id, u.name) for u in self.lookups.units])
        self.assignee_combo = self._combo(self.tr("All assignees"), [])
        fill_people(self.assignee_combo, self.tr("All assignees"), self.lookups.officers, None)
        self.tracker_combo = self._combo(self.tr("All trackers"), [])
        fill_people(self.tracker_combo, self.tr("All trackers"), self.lookups.officers, None)
        self.overdue_check = QCheckBox(self.tr("Overdue"), self)
        self.overdue_check.setObjectName("overdueFilter")
        self.due_today_check = QCheckBox(self.tr("Due today"), self)
        self.period_combo = QComboBox(self)
        for key, text in zip(self.PERIODS, (self.tr("Issued: any time"), self.tr("Issued today"),
                                            self.tr("Issued in the last 7 days"),
                                            self.tr("Issued in the last 30 days"), self.tr("Issued this month"),
                                            self.tr("Issued between…")), strict=True):
            self.period_combo.addItem(text, key)
        self.from_edit = QDateEdit(self)
        self.to_edit = QDateEdit(self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
            edit.dateChanged.connect(self.apply_filters)
        self.reset_button = QPushButton(self.tr("Reset filters"), self)
        self.reset_button.clicked.connect(self.reset_filters)

        self.unit_combo.currentIndexChanged.connect(self._on_unit)
        self.period_combo.currentIndexChanged.connect(self._on_period)
        for combo in (self.status_combo, self.priority_combo, self.source_combo, self.assignee_combo,
                      self.tracker_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
        for check in (self.overdue_check, self.due_today_check):
            check.toggled.connect(self.apply_filters)

        first = QHBoxLayout()
        first.setContentsMargins(0, 0, 0, 0)
        for combo in (self.status_combo, self.priority_combo, self.source_combo, self.unit_combo,
                      self.assignee_combo, self.tracker_combo):
            first.addWidget(combo, 1)
        second = QHBoxLayout()
        second.setContentsMargins(0, 0, 0, 0)
        second.addWidget(self.period_combo)
        second.addWidget(self.from_edit)
        second.addWidget(QLabel("–", self))
        second.addWidget(self.to_edit)
        second.addWidget(self.overdue_check)
        second.addWidget(self.due_today_check)
        second.addWidget(self.reset_button)
        second.addStretch(1)
        # Counts per status: each a flat button that sets the status filter.
        self.count_buttons: dict[str, QPushButton] = {}
        for key in (*COUNTED, "overdue"):
            button = QPushButton(self)
            button.setObjectName(f"count_{key}")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _checked=False, k=key: self.show_status(k))
            self.count_buttons[key] = button
            second.addWidget(button)
        self.counts: dict[str, int] = {}
        rows = QVBoxLayout()
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(4)
        rows.addLayout(first)
        rows.addLayout(second)
        self.filter_rows = rows

    def _combo(self, everything: str, choices) -> QComboBox:
        combo = QComboBox(self)
        combo.setMinimumContentsLength(6)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.addItem(everything, None)
        for value, text in choices:
            combo.addItem(text, value)
        return combo

    def _on_unit(self) -> None:
        fill_people(self.assignee_combo, self.tr("All assignees"), self.lookups.officers, self.unit_combo.currentData())
        self.apply_filters()

    def _on_period(self) -> None:
        custom = self.period_combo.currentData() == "custom"
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)
        self.apply_filters()

    def period_range(self, now: datetime | None = None) -> tuple[datetime | None, datetime | None]:
        now = now or datetime.now()
        key = self.period_combo.currentData()
        today = datetime.combine(now.date(), time())
        if key == "today":
            return today, None
        if key == "7d":
            return now - timedelta(days=7), None
        if key == "30d":
            return now - timedelta(days=30), None
        if key == "month":
            return today.replace(day=1), None
        if key == "custom":
            low: date = self.from_edit.date().toPython()
            high: date = self.to_edit.date().toPython()
            return datetime.combine(low, time()), datetime.combine(high, time(23, 59, 59))
        return None, None

    def filter_parts(self, now: datetime | None = None, *, with_status: bool = True):
        """The filter widgets as ``(equals, ranges)`` for the list query and the counts."""
        from desktop.services.work_orders import due_today_filter, overdue_filter

        now = now or datetime.now()
        equals: dict[str, Any] = {}
        ranges: dict[str, tuple[Any, Any]] = {}
        for key, combo in (("priority", self.priority_combo), ("source_kind", self.source_combo),
                           ("unit_id", self.unit_combo), ("assignee_id", self.assignee_combo),
                           ("tracker_id", self.tracker_combo)):
            if combo.currentData() is not None:
                equals[key] = combo.currentData()
        statuses: set[str] | None = None
        status = self.status_combo.currentData() if with_status else None
        if status == "open":
            statuses = set(OPEN_STATES)
        elif status is not None:
            statuses = {status}
        # Overdue and due today only make sense for open orders.
        if self.overdue_check.isChecked() or self.due_today_check.isChecked():
            statuses = set(OPEN_STATES) if statuses is None else statuses & set(OPEN_STATES)
        low: datetime | None = None
        high: datetime | None = None
        if self.overdue_check.isChecked():
            high = overdue_filter(now).ranges["deadline"][1]
        if self.due_today_check.isChecked():
            low, day_end = due_today_filter(now).ranges["deadline"]
            high = day_end if high is None else min(high, day_end)
        if low is not None or high is not None:
            ranges["deadline"] = (low, high)
        if statuses is not None:
            equals["status"] = sorted(statuses) if statuses else ["-"]  # an empty set matches nothing
        issued_low, issued_high = self.period_range(now)
        if issued_low is not None or issued_high is not None:
            ranges["issued_at"] = (issued_low, issued_high)
        return equals, ranges

    def apply_filters(self) -> None:
        equals, ranges = self.filter_parts()
        self.panel.set_extra_filter(equals, ranges)
        self.update_counts()

    def reset_filters(self) -> None:
        combos = (self.status_combo, self.priority_combo, self.source_combo, self.unit_combo, self.assignee_combo,
                  self.tracker_combo, self.period_combo)
        for widget in (*combos, self.overdue_check, self.due_today_check):
            widget.blockSignals(True)
        for combo in combos:
            combo.setCurrentIndex(0)
        self.overdue_check.setChecked(False)
        self.due_today_check.setChecked(False)
        fill_people(self.assignee_combo, self.tr("All assignees"), self.lookups.officers, None)
        for widget in (*combos, self.overdue_check, self.due_today_check):
            widget.blockSignals(False)
        self.from_edit.setEnabled(False)
        self.to_edit.setEnabled(False)
        self.panel.search.clear()
        self.apply_filters()

    def show_status(self, key: str) -> None:
        """A count button: show the orders of that status (or the overdue ones)."""
        for widget in (self.status_combo, self.overdue_check, self.due_today_check):
            widget.blockSignals(True)
        if key == "overdue":
            self.status_combo.setCurrentIndex(0)
            self.overdue_check.setChecked(True)
        else:
            self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(key)))
            self.overdue_check.setChecked(False)
        self.due_today_check.setChecked(False)
        for widget in (self.status_combo, self.overdue_check, self.due_today_check):
            widget.blockSignals(False)
        self.apply_filters()

    def _counts_later(self) -> None:
        # The list applies its search after a short pause; the counts follow the same text.
        from desktop.views.list_panel import SEARCH_DELAY_MS

        if not hasattr(self, "_count_timer"):
            from PySide6.QtCore import QTimer

            self._count_timer = QTimer(self)
            self._count_timer.setSingleShot(True)
            self._count_timer.setInterval(SEARCH_DELAY_MS + 20)
            self._count_timer.timeout.connect(self.update_counts)
        self._count_timer.start()

    def update_counts(self) -> None:
        """Counts per status under every filter but the status one (so each button says what it
        would show), and the overdue count."""
        from desktop.services.work_orders import overdue_filter, status_counts

        now = datetime.now()
        equals, ranges = self.filter_parts(now, with_status=False)
        text = self.panel.search.text().strip()
        try:
            counts = dict(status_counts(self.db, self.login.station_id, equals=equals, ranges=ranges, text=text))
            if "overdue" not in counts:
                overdue = overdue_filter(now, **equals)
                low, high = ranges.get("deadline", (None, None))
                high = overdue.ranges["deadline"][1] if high is None else min(high, overdue.ranges["deadline"][1])
                by_status = status_counts(self.db, self.login.station_id, equals={**equals, **overdue.equals},
                                          ranges={**ranges, "deadline": (low, high)}, text=text)
                counts["overdue"] = sum(by_status.get(s, 0) for s in OPEN_STATES)
        except Exception:  # the list shows the connection problem; the counts just go blank
            log.exception("could not count work orders")
            counts = {}
        self.counts = counts
        for key, button in self.count_buttons.items():
            label = self.texts.status(key)
            button.setText(f"{label} {counts[key]:,}" if key in counts else label)
            button.setToolTip(self.tr("Show only these orders"))
            overdue = key == "overdue" and counts.get(key, 0) > 0
            button.setStyleSheet("color: #b71c1c; font-weight: bold;" if overdue else "")

    # ------------------------------------------------------------------ details

    def _on_current(self, order_id: Any) -> None:
        self.show_detail(order_id)

    def load_detail(self, order_id: int):
        from desktop.services.work_orders import order_detail

        try:
            return order_detail(self.db, self.login.station_id, order_id)
        except StationDeskError as exc:
            self.detail.show_message(problem_text(exc))
        except Exception:  # a lost connection: the banner says so; details stay empty
            log.exception("could not read work order %s", order_id)
            self.detail.show_message(self.tr("The work order could not be read from the database."))
        return None

    def show_detail(self, order_id: Any) -> None:
        if order_id is None:
            self.detail.show_order(None, ())
            return
        detail = self.load_detail(order_id)
        if detail is None:
            self.detail.show_order(None, (), keep_message=True)
            return
        self.detail.show_order(detail, self._allowed(order_id))

    def _allowed(self, order_id: int) -> list[str]:
        from desktop.services.work_orders import actions_for

        try:
            return list(actions_for(self.db, self.login, order_id))
        except Exception:  # no buttons rather than an error: the detail shows what it could read
            log.exception("could not read the actions of work order %s", order_id)
            return []

    def reveal_order(self, order_id: int) -> None:
        """Show ``order_id`` in the list; clears the filters when they hide it."""
        if not self.panel.select_id(order_id):
            self.reset_filters()
            self.panel.select_id(order_id)
        self.show_detail(order_id)

    def refresh(self) -> None:
        """Re-read the list (keeping the selection), the counts and the detail."""
        self.query.forget_anchors()
        self.panel.refresh()
        self.update_counts()
        self.show_detail(self.panel.current_id())

    def after_change(self, order_id: int | None = None) -> None:
        self.refresh()
        if order_id is not None and self.panel.current_id() != order_id:
            self.panel.select_id(order_id)
            self.show_detail(order_id)
        self.changed.emit()

    # ------------------------------------------------------------------ actions

    def new_order(self, source: OrderSource | None = None) -> int | None:
        if not self.can_issue:
            return None
        dialog = NewOrderDialog(self.db, self.login, lookups=self.lookups, deadline_hours=self.deadline_hours(),
                                source=source, parent=self)
        try:
            if not exec_dialog(dialog) or dialog.saved_id is None:
                return None
            saved = dialog.saved_id
        finally:
            dialog.deleteLater()
        self.panel.refresh()
        self.reveal_order(saved)
        self.after_change(saved)
        return saved

    def run_action(self, action: str) -> bool:
        """The action on the order shown in the detail; True when it was done."""
        from desktop.services.work_orders import transition

        order = self.detail.order
        if order is None or action not in ACTIONS:
            return False
        if action in TEXT_ACTIONS:
            dialog = ActionDialog(self.db, self.login, action, order_id=order.id, version=order.version,
                                  heading=f"{order.number}  {order.title}", lookups=self.lookups,
                                  unit_id=order.unit_id, parent=self)
            try:
                done = exec_dialog(dialog) and dialog.done_ok
            finally:
                dialog.deleteLater()
            if not done:
                return False
        else:
            try:
                transition(self.db, self.login, order.id, order.version, action)
            except Exception as exc:  # noqa: BLE001 - show_problem logs what is not a refusal
                self.show_problem(self.texts.action(action), exc)
                self.after_change(order.id)  # a colleague may have moved it on: show where it is now
                return False
        self.after_change(order.id)
        return True

    def bulk_action(self, action: str) -> bool:
        """Urge or reassign every selected order (one dialog for all)."""
        ids = self.panel.selected_ids()
        if not ids:
            QMessageBox.information(self, self.texts.action(action), self.tr("Select one or more orders first."))
            return False
        dialog = ActionDialog(self.db, self.login, action, order_ids=ids, lookups=self.lookups,
                              heading=self.tr("{count} orders selected").format(count=len(ids)), parent=self)
        try:
            done = exec_dialog(dialog) and dialog.done_ok
        finally:
            dialog.deleteLater()
        if done:
            self.after_change(self.panel.current_id())
        return done

    # ------------------------------------------------------------------ attachments

    def add_attachment(self, path: str | None = None) -> int | None:
        """Attach an image or PDF (asks for the file when ``path`` is None) to the order shown."""
        from desktop.services.work_orders import add_attachment

        order = self.detail.order
        if order is None:
            return None
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Add attachment"), str(Path.home()),
                                                  self.tr("Images and PDF (*.png *.jpg *.jpeg *.gif *.bmp *.tif "
                                                          "*.tiff *.pdf)"))
            if not path:
                return None
        try:
            attachment_id = add_attachment(self.db, self.login, order.id, path)
        except Exception as exc:  # noqa: BLE001 - show_problem logs what is not a refusal
            self.show_problem(self.tr("Add attachment"), exc)
            return None
        self.show_detail(order.id)
        return attachment_id

    def attachment_file(self, attachment_id: int) -> Path | None:
        """The attachment written to a temporary file (for the system viewer), or None."""
        from desktop.services.work_orders import attachment_bytes

        try:
            file_name, data = attachment_bytes(self.db, self.login.station_id, attachment_id,
                                               staff_id=self.login.staff_id)
        except Exception as exc:  # noqa: BLE001 - show_problem logs what is not a refusal
            self.show_problem(self.tr("Open attachment"), exc)
            return None
        folder = Path(tempfile.mkdtemp(prefix="stationdesk-"))
        target = folder / (Path(file_name).name or f"attachment-{attachment_id}")
        target.write_bytes(data)
        return target

    def open_attachment(self, attachment_id: int) -> bool:
        target = self.attachment_file(attachment_id)
        if target is None:
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            QMessageBox.information(self, self.tr("Open attachment"),
                                    self.tr("No program opens this file. It was saved as {path}").format(path=target))
            return False
        return True

    # ------------------------------------------------------------------ documents

    def _documents(self):
        try:
            from desktop.services import work_order_documents
        except ImportError:
            QMessageBox.information(self, self.tr("Print"), self.tr("Work-order documents are not available yet."))
            return None
        return work_order_documents

    def print_form(self, order_id: int | None = None) -> bool:
        """The work-order form (PDF) of one order in the print preview."""
        order_id = order_id if order_id is not None else (self.detail.order.id if self.detail.order else None)
        if order_id is None:
            return False
        return self._preview_forms([order_id])

    def print_selected_forms(self) -> bool:
        ids = self.panel.selected_ids()
        if not ids:
            QMessageBox.information(self, self.tr("Print forms"), self.tr("Select one or more orders first."))
            return False
        return self._preview_forms(ids)

    def _preview_forms(self, ids: list[int]) -> bool:
        from desktop.views.print_preview_dialog import PrintPreviewDialog

        documents = self._documents()
        if documents is None:
            return False
        shown = False
        for order_id in ids:  # one preview per form: each is printed and filed on its own
            fd, name = tempfile.mkstemp(prefix="stationdesk-order-", suffix=".pdf")
            os.close(fd)
            path = Path(name)
            try:
                try:
                    documents.print_form(self.db, self.login, order_id, path)
                except Exception as exc:  # noqa: BLE001 - show_problem logs what is not a refusal
                    self.show_problem(self.tr("Print form"), exc)
                    return shown
                dialog = PrintPreviewDialog(path, self, title=self.tr("Work-order form"),
                                            suggested_name=f"work-order-{order_id}.pdf")
                exec_dialog(dialog)
                dialog.deleteLater()
                shown = True
            finally:
                with contextlib.suppress(OSError):
                    path.unlink()
        return shown

    def export_ledger(self, path: str | None = None) -> bool:
        """The ledger of the orders the filters show, as .xlsx and .pdf side by side."""
        from desktop.views.job_runner import run_job

        documents = self._documents()
        if documents is None:
            return False
        if path is None:
            start = Path.home() / f"work-orders-{datetime.now():%Y%m%d}.xlsx"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Ledger"), str(start),
                                                  self.tr("Excel workbooks (*.xlsx)"))
            if not path:
                return False
        xlsx = Path(path) if str(path).lower().endswith(".xlsx") else Path(str(path) + ".xlsx")
        pdf = xlsx.with_suffix(".pdf")
        current = self.panel.current_filter()

        def job(progress, cancel):
            return documents.write_ledger(self.db, self.login, xlsx, pdf, equals=current.equals,
                                          ranges=current.ranges, text=current.text, progress=progress,
                                          cancel=cancel)

        try:
            written = run_job(self, job, title=self.tr("Ledger"), label=self.tr("Writing the work-order ledger…"))
        except Cancelled:
            return False  # a cancel is silent (STYLE.md)
        except Exception as exc:  # noqa: BLE001 - show_problem logs what is not a refusal
            self.show_problem(self.tr("Ledger"), exc)
            return False
        self.panel.show_status(
            self.tr("{count} orders written to {xlsx} and {pdf}").format(count=written, xlsx=xlsx, pdf=pdf))
        return True


class WorkOrderDetailPanel(QScrollArea):
    """The selected order: fields, action buttons, history timeline and attachments."""

    action_requested = Signal(str)
    print_requested = Signal()
    attach_requested = Signal()
    attachment_opened = Signal(int)
    source_requested = Signal(str, int)

    FIELDS = ("status", "priority", "unit", "assignee", "tracker", "deadline", "issued_at", "closed_at", "source",
              "instructions", "feedback", "cancel_reason")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = WorkOrderTexts(self)
        self.order = None
        self.setObjectName("workOrderDetail")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(340)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.heading = QLabel(body)
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        labels = {
            "status": self.tr("Status"), "priority": self.tr("Priority"), "unit": self.tr("Unit"),
            "assignee": self.tr("Assignee"), "tracker": self.tr("Tracker"), "deadline": self.tr("Deadline"),
            "issued_at": self.tr("Issued"), "closed_at": self.tr("Closed"), "source": self.tr("Source"),
            "instructions": self.tr("Instructions"), "feedback": self.tr("Latest feedback"),
            "cancel_reason": self.tr("Cancel reason"),
        }
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.values: dict[str, QLabel] = {}
        for key in self.FIELDS:
            value = QLabel(body)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(labels[key], value)
            self.values[key] = value
        self.source_button = QPushButton(self.tr("Show source"), body)
        self.source_button.clicked.connect(self._show_source)

        self.action_buttons: dict[str, QPushButton] = {}
        actions = QGridLayout()
        actions.setSpacing(4)
        for index, action in enumerate(ACTIONS):
            button = QPushButton(self.texts.action(action), body)
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _checked=False, a=action: self.action_requested.emit(a))
            self.action_buttons[action] = button
            actions.addWidget(button, index // 3, index % 3)
        self.print_button = QPushButton(self.tr("Print form"), body)
        self.print_button.clicked.connect(lambda: self.print_requested.emit())
        actions.addWidget(self.print_button, 2, 1)

        self.history_label = QLabel(self.tr("History"), body)
        # A timeline, one entry per step: "time · who · what" over the wrapped text. A narrow pane
        # has no room for a table whose text column would be a sliver.
        self.history = QListWidget(body)
        self.history.setObjectName("orderHistory")
        self.history.setWordWrap(True)
        self.history.setSpacing(2)
        self.history.setAlternatingRowColors(True)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history.setMinimumHeight(120)

        self.attachments_label = QLabel(self.tr("Attachments"), body)
        self.attachments = QListWidget(body)
        self.attachments.setObjectName("orderAttachments")
        self.attachments.setMaximumHeight(80)
        self.attachments.itemActivated.connect(self._open_item)
        self.attachments.itemDoubleClicked.connect(self._open_item)
        self.attach_button = QPushButton(self.tr("Add attachment…"), body)
        self.attach_button.setToolTip(self.tr("Attach photos or scanned documents (images, PDF)"))
        self.attach_button.clicked.connect(self.attach_requested)
        self.open_button = QPushButton(self.tr("Open"), body)
        self.open_button.clicked.connect(self._open_selected)
        attach_row = QHBoxLayout()
        attach_row.addWidget(self.attach_button)
        attach_row.addWidget(self.open_button)
        attach_row.addStretch(1)

        layout.addWidget(self.heading)
        layout.addLayout(actions)
        layout.addLayout(form)
        layout.addWidget(self.source_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.attachments_label)
        layout.addWidget(self.attachments)
        layout.addLayout(attach_row)
        self.setWidget(body)
        self.show_order(None, ())

    def show_message(self, text: str) -> None:
        self.heading.setText(text)

    def show_order(self, detail, allowed, *, keep_message: bool = False) -> None:
        """Show ``detail`` (an OrderDetail, or None) with the buttons of the ``allowed`` actions."""
        self.order = detail
        allowed = set(allowed)
        for action, button in self.action_buttons.items():
            button.setEnabled(detail is not None and action in allowed)
        for widget in (self.print_button, self.attach_button):
            widget.setEnabled(detail is not None)
        self.history.clear()
        self.attachments.clear()
        self.open_button.setEnabled(False)
        if detail is None:
            if not keep_message:
                self.heading.setText(self.tr("No work order selected"))
            for label in self.values.values():
                label.clear()
            self.source_button.hide()
            return
        heading = f"{detail.number}  {detail.title}"
        if detail.overdue:
            heading += "  " + self.tr("(overdue)")
        self.heading.setText(heading)
        self.heading.setStyleSheet("color: #b71c1c;" if detail.overdue else "")
        feedback = next((e.text for e in reversed(detail.events) if e.kind == "report" and e.text), None)
        # The service's label already names the kind (警情 JQ…, 上级交办 文号…).
        source = detail.source_label or self.texts.source(detail.source_kind)
        values = {
            "status": self.texts.status(detail.status), "priority": self.texts.priority(detail.priority),
            "unit": detail.unit, "assignee": detail.assignee, "tracker": detail.tracker,
            "deadline": _when(detail.deadline), "issued_at": _when(detail.issued_at),
            "closed_at": _when(detail.closed_at), "source": source, "instructions": detail.instructions,
            "feedback": feedback, "cancel_reason": detail.cancel_reason,
        }
        for key, label in self.values.items():
            label.setText(values.get(key) or "—")
        self.source_button.setVisible(detail.source_id is not None and detail.source_kind not in ("manual", "hq"))
        self._fill_history(detail.events)
        for attachment in detail.attachments:
            item = QListWidgetItem(self.tr("{name} ({size}) — {who}, {time}").format(
                name=attachment.file_name, size=_size(attachment.size_bytes), who=attachment.created_by or "",
                time=_when(attachment.created_at)))
            item.setData(Qt.ItemDataRole.UserRole, attachment.id)
            self.attachments.addItem(item)
        self.open_button.setEnabled(self.attachments.count() > 0)
        if self.attachments.count():
            self.attachments.setCurrentRow(0)

    def _fill_history(self, events) -> None:
        for event in events:
            what = self.texts.event_name(event.kind)
            if event.kind == "reassign":
                target = " / ".join(p for p in (event.to_unit, event.to_assignee) if p)
                what = self.tr("{what} to {target}").format(what=what, target=target) if target else what
            cells = (_when(event.at), event.actor or "", what, event.text or "")
            line = " · ".join(c for c in cells[:3] if c)
            item = QListWidgetItem(f"{line}\n{cells[3]}" if cells[3] else line)
            item.setData(Qt.ItemDataRole.UserRole, cells)
            if event.kind in ("return", "cancel", "urge"):
                item.setForeground(QBrush(QColor("#b71c1c")))
            self.history.addItem(item)
        if self.history.count():
            self.history.scrollToBottom()  # the latest step is what the reader looks for

    def history_rows(self) -> list[tuple[str, ...]]:
        """The timeline as shown: (time, who, what, text) per entry, oldest first."""
        return [tuple(self.history.item(r).data(Qt.ItemDataRole.UserRole)) for r in range(self.history.count())]

    def _show_source(self) -> None:
        if self.order is not None and self.order.source_id is not None:
            self.source_requested.emit(self.order.source_kind, int(self.order.source_id))

    def _open_item(self, item: QListWidgetItem) -> None:
        self.attachment_opened.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _open_selected(self) -> None:
        item = self.attachments.currentItem()
        if item is not None:
            self._open_item(item)


class LabelDelegate(QStyledItemDelegate):
    """Shows a stored value (``issued``) as its word (已下发) without changing the model."""

    def __init__(self, label: Callable[[str | None], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = label

    def displayText(self, value: Any, locale: Any) -> str:
        return self._label(value) if value else ""


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def _size(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


__all__ = ["ACTIONS", "WorkOrderDetailPanel", "WorkOrderListPage", "WorkOrdersScreen", "exec_dialog"]
