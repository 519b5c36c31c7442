"""The 案件 screen (case register with its legal clocks) and the 预警 screen (warnings → work order →
outcome), as two tabs.

Everything is read and changed through desktop/services/cases.py and warnings.py: each list is a
:class:`ListPanel` over the service's PagedQuery (overdue rows red, due-soon rows amber); the detail
panel shows the selected record and the buttons its state and the user's role allow (duty officers
and chiefs edit, everyone else reads). A refusal shows the service's Chinese message; the dialogs
keep what was typed.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.db.database import Database
from desktop.errors import StationDeskError
from desktop.services.accounts import LoginResult
from desktop.services.masking import mask_value, may_see_personal
from desktop.services.paging import Sort
from desktop.services.permissions import allowed
from desktop.views.case_dialogs import (
    CASE_KINDS,
    CASE_STATUSES,
    WARNING_KINDS,
    WARNING_SOURCES,
    WARNING_STATUSES,
    CaseFormDialog,
    CaseTexts,
    ClockDialog,
    OutcomeDialog,
    WarningFormDialog,
)
from desktop.views.dialog_parts import exec_dialog
from desktop.views.work_order_dialogs import NewOrderDialog, OrderSource, WorkOrderTexts, problem_text
from desktop.views.work_orders_screen import LabelDelegate

log = logging.getLogger(__name__)

CASE_ACTIONS = ("edit", "pause", "resume", "extend", "close")
WARNING_ACTIONS = ("edit", "order", "outcome")
RED = "#b71c1c"
AMBER = "#a15c00"


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def _day(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())


class CasesScreen(QTabWidget):
    """Tabs: 案件 (the case register) and 预警 (warnings)."""

    order_requested = Signal(int)  # a work order's id: the main window may show it

    def __init__(self, db: Database, login: LoginResult, *, settings: QSettings, store: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("casesScreen")
        self.db = db
        self.login = login
        self.case_page = CaseListPage(db, login, settings=settings, store=store, parent=self)
        self.warning_page = WarningListPage(db, login, settings=settings, store=store, parent=self)
        self.addTab(self.case_page, self.tr("Cases"))
        self.addTab(self.warning_page, self.tr("Warnings"))
        self.warning_page.order_requested.connect(self.order_requested)

    def show_case(self, case_id: int) -> None:
        self.setCurrentWidget(self.case_page)
        self.case_page.reveal(case_id)

    def show_warning(self, warning_id: int) -> None:
        self.setCurrentWidget(self.warning_page)
        self.warning_page.reveal(warning_id)


class _ListPage(QWidget):
    """What both pages share: a list panel and a detail panel side by side, filters above, problems
    shown as message boxes, the selection kept across refreshes. Each page provides
    ``apply_filters()``, ``reset_filters()`` and ``show_detail(row_id)``."""

    changed = Signal()

    def _layout(self, filter_rows: list[QHBoxLayout], detail: QWidget) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.panel)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 440])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        for row in filter_rows:
            layout.addLayout(row)
        layout.addWidget(splitter, 1)

    def _label_columns(self, labels: dict[str, Any]) -> None:
        for column, spec in enumerate(self.panel.model.columns):
            if spec.key in labels:
                self.panel.view.setItemDelegateForColumn(column, LabelDelegate(labels[spec.key], self.panel.view))

    def _combo(self, everything: str, items) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, None)
        for value, text in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self.apply_filters)
        return combo

    def show_problem(self, title: str, exc: BaseException) -> None:
        if isinstance(exc, StationDeskError):
            text = problem_text(exc)
        else:
            log.error("%s: %s", type(self).__name__, title, exc_info=exc)
            text = self.tr("The database could not be reached; nothing was changed. Try again.")
        QMessageBox.warning(self, title, text)

    def reveal(self, row_id: int) -> None:
        """Show ``row_id`` in the list, clearing the filters when they hide it."""
        if not self.panel.select_id(row_id):
            self.reset_filters()
            self.panel.select_id(row_id)
        self.show_detail(row_id)

    def refresh(self) -> None:
        self.query.forget_anchors()
        self.panel.refresh()
        self.show_detail(self.panel.current_id())

    def after_change(self, row_id: int | None) -> None:
        self.refresh()
        if row_id is not None and self.panel.current_id() != row_id:
            self.reveal(row_id)
        self.changed.emit()

    def _run(self, dialog) -> bool:
        try:
            return bool(exec_dialog(dialog))
        finally:
            dialog.deleteLater()


# ====================================================================== cases


class CaseListPage(_ListPage):
    """Filters above; the case register on the left; the selected case and its clock on the right."""

    PERIODS = ("all", "7d", "30d", "month", "custom")

    def __init__(self, db: Database, login: LoginResult, *, settings: QSettings, store: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.services.cases import case_list_query
        from desktop.services.incidents import lookups
        from desktop.views.list_panel import ListPanel

        self.db = db
        self.login = login
        self.store = store
        self.texts = CaseTexts(self)
        self.can_edit = allowed(login, "case.edit")
        self.lookups = lookups(db, login.station_id)
        self.rules = self.case_rules()
        titles = {
            "number": self.tr("Case number"), "tone": self.tr("Due"), "kind": self.tr("Kind"),
            "title": self.tr("Case name"), "category": self.tr("Cause"), "stage": self.tr("Stage"),
            "accepted_at": self.tr("Accepted"), "due_at": self.tr("Due date"), "days_left": self.tr("Days left"),
            "status": self.tr("Status"), "officer": self.tr("Officer"), "unit": self.tr("Unit"),
        }
        self.query = case_list_query(db, login.station_id, titles, rules=self.rules)
        self.panel = ListPanel(self.query, list_key="cases", title=self.tr("Cases"), settings=settings,
                               reveal_personal=may_see_personal(login.roles), default_sort=Sort("accepted_at", True),
                               highlight_key="tone", parent=self)
        self.panel.model.export_unmasked = allowed(login, "export.unmasked")  # files leaving the desk
        self.panel.watch_tables(("cases", "case_clock_events", "import_batches"))
        self._label_columns({"kind": self.texts.case_kind, "status": self.texts.case_status, "tone": self.texts.tone})
        self.new_button = QPushButton(self.tr("New…"), self)
        self.new_button.setToolTip(self.tr("Register a new case"))
        self.new_button.setEnabled(self.can_edit)
        self.new_button.clicked.connect(lambda: self.new_case())
        self.panel.add_action_button(self.new_button)

        rows = self._build_filters()
        self.detail = CaseDetailPanel(self)
        self.detail.action_requested.connect(self.run_action)
        self._layout(rows, self.detail)
        self.panel.current_changed.connect(self.show_detail)
        self.panel.audit_outputs(db, login, "案件列表")
        self.apply_filters()

    def case_rules(self):
        """The legal-clock rules from the settings (the service's defaults without a store)."""
        from desktop.services.cases import CaseRules

        if self.store is None:
            return CaseRules()
        try:
            return CaseRules.from_settings(self.store.snapshot())
        except Exception:  # an unreadable settings store: the defaults rather than no screen
            log.exception("could not read the case rules from the settings")
            return CaseRules()

    # ------------------------------------------------------------------ filters

    def _build_filters(self) -> list[QHBoxLayout]:
        self.kind_combo = self._combo(self.tr("All kinds"), [(k, self.texts.case_kind(k)) for k in CASE_KINDS])
        self.status_combo = self._combo(self.tr("All statuses"), [
            ("open", self.tr("Open")), *((s, self.texts.case_status(s)) for s in CASE_STATUSES)])
        self.unit_combo = self._combo(self.tr("All units"), [(u.id, u.name) for u in self.lookups.units])
        self.officer_combo = self._combo(self.tr("All officers"), [(o.id, o.name) for o in self.lookups.officers])
        self.due_spin = QSpinBox(self)
        self.due_spin.setRange(0, 365)
        self.due_spin.setSpecialValueText(self.tr("Due: any time"))
        self.due_spin.setPrefix(self.tr("Due within "))
        self.due_spin.setSuffix(self.tr(" days"))
        self.due_spin.setToolTip(self.tr("Open cases due within this many days (overdue ones included)"))
        self.due_spin.valueChanged.connect(self.apply_filters)
        self.overdue_check = QCheckBox(self.tr("Overdue only"), self)
        self.overdue_check.setObjectName("overdueFilter")
        self.overdue_check.toggled.connect(self.apply_filters)
        self.period_combo = QComboBox(self)
        for key, text in zip(self.PERIODS, (self.tr("Accepted: any time"), self.tr("Accepted in the last 7 days"),
                                            self.tr("Accepted in the last 30 days"),
                                            self.tr("Accepted this month"), self.tr("Accepted between…")),
                             strict=True):
            self.period_combo.addItem(text, key)
        self.period_combo.currentIndexChanged.connect(self._on_period)
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
        first = QHBoxLayout()
        for combo in (self.kind_combo, self.status_combo, self.unit_combo, self.officer_combo):
            first.addWidget(combo, 1)
        first.addWidget(self.due_spin, 1)
        second = QHBoxLayout()
        second.addWidget(self.period_combo)
        second.addWidget(self.from_edit)
        second.addWidget(QLabel("–", self))
        second.addWidget(self.to_edit)
        second.addWidget(self.overdue_check)
        second.addStretch(1)
        second.addWidget(self.reset_button)
        return [first, second]

    def _on_period(self) -> None:
        custom = self.period_combo.currentData() == "custom"
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)
        self.apply_filters()

    def period_range(self, today: date) -> tuple[datetime | None, datetime | None]:
        key = self.period_combo.currentData()
        if key == "7d":
            return _midnight(today - timedelta(days=6)), None
        if key == "30d":
            return _midnight(today - timedelta(days=29)), None
        if key == "month":
            return _midnight(today.replace(day=1)), None
        if key == "custom":
            low, high = self.from_edit.date().toPython(), self.to_edit.date().toPython()
            return _midnight(low), _midnight(high + timedelta(days=1)) - timedelta(seconds=1)
        return None, None

    def filter_parts(self, today: date | None = None) -> tuple[dict[str, Any], dict[str, tuple[Any, Any]]]:
        from desktop.services.cases import OPEN_STATES

        today = today or date.today()
        equals: dict[str, Any] = {}
        ranges: dict[str, tuple[Any, Any]] = {}
        for key, combo in (("kind", self.kind_combo), ("unit_id", self.unit_combo),
                           ("officer_id", self.officer_combo)):
            if combo.currentData() is not None:
                equals[key] = combo.currentData()
        status = self.status_combo.currentData()
        if status == "open":
            equals["status"] = list(OPEN_STATES)
        elif status is not None:
            equals["status"] = status
        if self.due_spin.value() > 0:
            if "status" not in equals:
                equals["status"] = list(OPEN_STATES)
            ranges["due_at"] = (None, _midnight(today + timedelta(days=self.due_spin.value() + 1))
                                - timedelta(seconds=1))
        if self.overdue_check.isChecked():
            equals["tone"] = "overdue"
        low, high = self.period_range(today)
        if low is not None or high is not None:
            ranges["accepted_at"] = (low, high)
        return equals, ranges

    def apply_filters(self) -> None:
        if not hasattr(self, "panel") or not hasattr(self, "reset_button"):
            return  # still building the filter row
        equals, ranges = self.filter_parts()
        self.panel.set_extra_filter(equals, ranges)

    def reset_filters(self) -> None:
        combos = (self.kind_combo, self.status_combo, self.unit_combo, self.officer_combo, self.period_combo)
        widgets = (*combos, self.due_spin, self.overdue_check)
        for widget in widgets:
            widget.blockSignals(True)
        for combo in combos:
            combo.setCurrentIndex(0)
        self.due_spin.setValue(0)
        self.overdue_check.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.from_edit.setEnabled(False)
        self.to_edit.setEnabled(False)
        self.panel.search.clear()
        self.apply_filters()

    # ------------------------------------------------------------------ detail

    def load_detail(self, case_id: int):
        from desktop.services.cases import case_detail

        try:
            return case_detail(self.db, self.login.station_id, case_id, rules=self.rules)
        except StationDeskError as exc:
            self.detail.show_message(problem_text(exc))
        except Exception:  # a lost connection: the banner says so; the detail stays empty
            log.exception("could not read case %s", case_id)
            self.detail.show_message(self.tr("The case could not be read from the database."))
        return None

    def show_detail(self, case_id: Any) -> None:
        if case_id is None:
            self.detail.show_case(None, ())
            return
        detail = self.load_detail(case_id)
        if detail is None:
            self.detail.show_case(None, (), keep_message=True)
            return
        self.detail.show_case(detail, self.allowed(detail))

    def allowed(self, detail) -> set[str]:
        """The actions the case's state and the user's role allow (the service checks again)."""
        if not self.can_edit or detail is None:
            return set()
        actions = {"edit"}
        if detail.state == "closed":
            return actions
        actions.add("close")
        administrative = detail.kind == "administrative"
        if administrative and detail.state == "running":
            actions.add("pause")
        if detail.state == "paused":
            actions.add("resume")
        if administrative and not detail.extended and getattr(self.rules, "admin_extension_days", 0) > 0:
            actions.add("extend")
        return actions

    # ------------------------------------------------------------------ actions

    def new_case(self) -> int | None:
        if not self.can_edit:
            return None
        dialog = CaseFormDialog(self.db, self.login, rules=self.rules, lookups=self.lookups, parent=self)
        saved = dialog.saved_id if self._run(dialog) else None
        if saved is not None:
            self.panel.refresh()
            self.after_change(saved)
        return saved

    def run_action(self, action: str) -> bool:
        """The action on the case shown in the detail; True when it was done."""
        from desktop.services.cases import close_case

        case = self.detail.case
        if case is None or action not in CASE_ACTIONS or action not in self.allowed(case):
            return False
        heading = f"{case.number}  {case.title}"
        if action == "edit":
            dialog = CaseFormDialog(self.db, self.login, rules=self.rules, lookups=self.lookups, detail=case,
                                    parent=self)
            done = self._run(dialog) and dialog.saved_id is not None
        elif action == "close":
            answer = QMessageBox.question(self, self.tr("Close case"),
                                          self.tr("Close case {number}? Its clock stops.").format(number=case.number))
            if answer != QMessageBox.StandardButton.Yes:
                return False
            try:
                close_case(self.db, self.login, case.id, case.version)
                done = True
            except Exception as exc:  # noqa: BLE001 - show_problem logs what is not a refusal
                self.show_problem(self.tr("Close case"), exc)
                self.after_change(case.id)  # a colleague may have changed it: show it as it is now
                return False
        else:
            dialog = ClockDialog(self.db, self.login, action, case_id=case.id, version=case.version,
                                 rules=self.rules, heading=heading, parent=self)
            done = self._run(dialog) and dialog.done_ok
        if done:
            self.after_change(case.id)
        return done


class CaseDetailPanel(QScrollArea):
    """The selected case: the clock first (due date, days left, running or paused), the fields, the
    action buttons and the clock's events."""

    action_requested = Signal(str)

    FIELDS = ("kind", "status", "category", "stage", "accepted_at", "officer", "unit", "closed_at", "summary")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = CaseTexts(self)
        self.case = None
        self.setObjectName("caseDetail")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(340)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.heading = QLabel(body)
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        clock = QFrame(body)
        clock.setObjectName("caseClock")
        clock.setFrameShape(QFrame.Shape.StyledPanel)
        clock_layout = QGridLayout(clock)
        self.days_left_label = QLabel(clock)
        self.days_left_label.setObjectName("daysLeft")
        font = self.days_left_label.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self.days_left_label.setFont(font)
        self.due_label = QLabel(clock)
        self.due_label.setObjectName("dueDate")
        self.state_label = QLabel(clock)
        self.state_label.setObjectName("clockState")
        clock_layout.addWidget(self.days_left_label, 0, 0, 2, 1)
        clock_layout.addWidget(self.due_label, 0, 1)
        clock_layout.addWidget(self.state_label, 1, 1)
        clock_layout.setColumnStretch(1, 1)

        self.action_buttons: dict[str, QPushButton] = {}
        names = {"edit": self.tr("Edit…"), "pause": self.tr("Pause clock…"), "resume": self.tr("Resume clock…"),
                 "extend": self.tr("Extend…"), "close": self.tr("Close case")}
        actions = QGridLayout()
        actions.setSpacing(4)
        for index, action in enumerate(CASE_ACTIONS):
            button = QPushButton(names[action], body)
            button.setObjectName(f"case_{action}")
            button.clicked.connect(lambda _checked=False, a=action: self.action_requested.emit(a))
            self.action_buttons[action] = button
            actions.addWidget(button, index // 3, index % 3)

        labels = {"kind": self.tr("Kind"), "status": self.tr("Status"), "category": self.tr("Cause"),
                  "stage": self.tr("Stage"), "accepted_at": self.tr("Accepted"), "officer": self.tr("Officer"),
                  "unit": self.tr("Unit"), "closed_at": self.tr("Closed"), "summary": self.tr("Summary")}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.values: dict[str, QLabel] = {}
        for key in self.FIELDS:
            value = QLabel(body)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(labels[key], value)
            self.values[key] = value
        self.events_label = QLabel(self.tr("Clock events"), body)
        self.events = QListWidget(body)
        self.events.setObjectName("clockEvents")
        self.events.setWordWrap(True)
        self.events.setAlternatingRowColors(True)
        self.events.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.events.setMinimumHeight(100)

        layout.addWidget(self.heading)
        layout.addWidget(clock)
        layout.addLayout(actions)
        layout.addLayout(form)
        layout.addWidget(self.events_label)
        layout.addWidget(self.events, 1)
        self.setWidget(body)
        self.show_case(None, ())

    def show_message(self, text: str) -> None:
        self.heading.setText(text)

    def days_left_text(self, detail) -> str:
        if detail.state == "closed":
            return self.tr("Closed")
        if detail.days_left is None:
            return self.tr("No deadline")
        if detail.days_left < 0:
            return self.tr("{days} days overdue").format(days=-detail.days_left)
        return self.tr("{days} days left").format(days=detail.days_left)

    def show_case(self, detail, allowed, *, keep_message: bool = False) -> None:
        """Show ``detail`` (a CaseDetail, or None) with the buttons of the ``allowed`` actions."""
        self.case = detail
        allowed = set(allowed)
        for action, button in self.action_buttons.items():
            button.setEnabled(detail is not None and action in allowed)
        self.events.clear()
        if detail is None:
            if not keep_message:
                self.heading.setText(self.tr("No case selected"))
            for label in (*self.values.values(), self.days_left_label, self.due_label, self.state_label):
                label.clear()
            return
        self.heading.setText(f"{detail.number}  {detail.title}")
        self.days_left_label.setText(self.days_left_text(detail))
        color = RED if detail.overdue else (AMBER if detail.due_soon else "")
        self.days_left_label.setStyleSheet(f"color: {color};" if color else "")
        self.heading.setStyleSheet(f"color: {RED};" if detail.overdue else "")
        if detail.state == "paused":
            self.due_label.setText(self.tr("Due date: stopped (paused since {day})").format(
                day=_day(detail.paused_since)))
        else:
            self.due_label.setText(self.tr("Due date: {day}").format(day=_day(detail.due_at) or "—"))
        state = self.texts.clock_state(detail.state)
        if detail.extended:
            state += " · " + self.tr("extended")
        self.state_label.setText(state)
        values = {
            "kind": self.texts.case_kind(detail.kind), "status": self.texts.case_status(detail.status),
            "category": detail.category, "stage": detail.stage, "accepted_at": _when(detail.accepted_at),
            "officer": detail.officer, "unit": detail.unit, "closed_at": _when(detail.closed_at),
            "summary": detail.summary,
        }
        for key, label in self.values.items():
            label.setText(values.get(key) or "—")
        for event in detail.events:
            line = f"{_when(event.at)} · {self.texts.clock_event(event.kind)}"
            parts = [event.reason or ""]
            if event.approver:
                parts.append(self.tr("approved by {who}").format(who=event.approver))
            if event.article:
                parts.append(event.article)
            text = "; ".join(p for p in parts if p)
            item = QListWidgetItem(f"{line}\n{text}" if text else line)
            item.setData(Qt.ItemDataRole.UserRole, (event.kind, event.reason, event.approver, event.article))
            self.events.addItem(item)

    def event_rows(self) -> list[tuple]:
        """The events as shown: (kind, reason, approver, article), oldest first."""
        return [tuple(self.events.item(r).data(Qt.ItemDataRole.UserRole)) for r in range(self.events.count())]


# ====================================================================== warnings


class WarningListPage(_ListPage):
    """Filters above; the warnings on the left; the selected warning, its orders and outcome right."""

    order_requested = Signal(int)

    def __init__(self, db: Database, login: LoginResult, *, settings: QSettings, store: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.services.incidents import lookups
        from desktop.services.warnings import warning_list_query
        from desktop.services.work_orders import can_issue
        from desktop.views.list_panel import ListPanel

        self.db = db
        self.login = login
        self.store = store
        self.texts = CaseTexts(self)
        roles = {str(r) for r in login.roles}
        self.can_edit = allowed(roles, "warning.edit")
        self.can_issue = can_issue(login.roles)
        self.can_record = allowed(roles, "warning.outcome")
        self.reveal_personal = may_see_personal(login.roles)
        self.lookups = lookups(db, login.station_id)
        titles = {
            "number": self.tr("Number"), "tone": self.tr("Due"), "kind": self.tr("Kind"),
            "source": self.tr("Source"), "received_at": self.tr("Received"), "subject_name": self.tr("Subject"),
            "subject_phone": self.tr("Phone"), "subject_place": self.tr("Place"), "deadline": self.tr("Deadline"),
            "status": self.tr("Status"), "overdue_mark": self.tr("Overdue"),
        }
        self.query = warning_list_query(db, login.station_id, titles)
        self.panel = ListPanel(self.query, list_key="warnings", title=self.tr("Warnings"), settings=settings,
                               reveal_personal=self.reveal_personal, default_sort=Sort("received_at", True),
                               highlight_key="tone", parent=self)
        self.panel.model.export_unmasked = allowed(login, "export.unmasked")  # files leaving the desk
        self.panel.watch_tables(("warnings", "import_batches"))
        self._label_columns({"kind": self.texts.warning_kind, "source": self.texts.warning_source,
                             "status": self.texts.warning_status, "tone": self.texts.tone})
        self.new_button = QPushButton(self.tr("New…"), self)
        self.new_button.setToolTip(self.tr("Register a warning"))
        self.new_button.setEnabled(self.can_edit)
        self.new_button.clicked.connect(lambda: self.new_warning())
        self.panel.add_action_button(self.new_button)

        self.kind_combo = self._combo(self.tr("All kinds"), [(k, self.texts.warning_kind(k)) for k in WARNING_KINDS])
        self.source_combo = self._combo(self.tr("All sources"),
                                        [(s, self.texts.warning_source(s)) for s in WARNING_SOURCES])
        self.status_combo = self._combo(self.tr("All statuses"),
                                        [(s, self.texts.warning_status(s)) for s in WARNING_STATUSES])
        self.overdue_check = QCheckBox(self.tr("Overdue only"), self)
        self.overdue_check.setObjectName("overdueFilter")
        self.overdue_check.toggled.connect(self.apply_filters)
        self.reset_button = QPushButton(self.tr("Reset filters"), self)
        self.reset_button.clicked.connect(self.reset_filters)
        row = QHBoxLayout()
        for combo in (self.kind_combo, self.source_combo, self.status_combo):
            row.addWidget(combo, 1)
        row.addWidget(self.overdue_check)
        row.addStretch(1)
        row.addWidget(self.reset_button)

        self.detail = WarningDetailPanel(self.reveal_personal, self)
        self.detail.action_requested.connect(self.run_action)
        self.detail.order_opened.connect(self.order_requested)
        self._layout([row], self.detail)
        self.panel.current_changed.connect(self.show_detail)
        self.panel.audit_outputs(db, login, "预警列表")
        self.apply_filters()

    def filter_parts(self, now: datetime | None = None) -> tuple[dict[str, Any], dict[str, tuple[Any, Any]]]:
        from desktop.services.warnings import UNHANDLED

        equals: dict[str, Any] = {}
        ranges: dict[str, tuple[Any, Any]] = {}
        for key, combo in (("kind", self.kind_combo), ("source", self.source_combo), ("status", self.status_combo)):
            if combo.currentData() is not None:
                equals[key] = combo.currentData()
        if self.overdue_check.isChecked():
            # The service's rule: not yet acted on and past the deadline.
            equals["tone"] = "overdue"
            if "status" not in equals:
                equals["status"] = list(UNHANDLED)
            ranges["deadline"] = (None, (now or datetime.now()).replace(microsecond=0))
        return equals, ranges

    def apply_filters(self) -> None:
        if not hasattr(self, "panel") or not hasattr(self, "reset_button"):
            return  # still building the filter row
        equals, ranges = self.filter_parts()
        self.panel.set_extra_filter(equals, ranges)

    def reset_filters(self) -> None:
        widgets = (self.kind_combo, self.source_combo, self.status_combo, self.overdue_check)
        for widget in widgets:
            widget.blockSignals(True)
        for combo in widgets[:3]:
            combo.setCurrentIndex(0)
        self.overdue_check.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.panel.search.clear()
        self.apply_filters()

    # ------------------------------------------------------------------ detail

    def show_detail(self, warning_id: Any) -> None:
        from desktop.services.warnings import warning_detail

        if warning_id is None:
            self.detail.show_warning(None, ())
            return
        try:
            detail = warning_detail(self.db, self.login.station_id, warning_id)
        except StationDeskError as exc:
            self.detail.show_message(problem_text(exc))
            detail = None
        except Exception:  # a lost connection: the banner says so; the detail stays empty
            log.exception("could not read warning %s", warning_id)
            self.detail.show_message(self.tr("The warning could not be read from the database."))
            detail = None
        if detail is None:
            self.detail.show_warning(None, (), keep_message=True)
            return
        self.detail.show_warning(detail, self.allowed(detail))

    def allowed(self, detail) -> set[str]:
        from desktop.services.warnings import UNHANDLED

        actions: set[str] = set()
        if detail is None:
            return actions
        if self.can_edit:
            actions.add("edit")
        if self.can_issue and detail.status in UNHANDLED:
            actions.add("order")
        if self.can_record and detail.status != "closed":
            actions.add("outcome")
        return actions

    # ------------------------------------------------------------------ actions

    def new_warning(self) -> int | None:
        if not self.can_edit:
            return None
        dialog = WarningFormDialog(self.db, self.login, parent=self)
        saved = dialog.saved_id if self._run(dialog) else None
        if saved is not None:
            self.panel.refresh()
            self.after_change(saved)
        return saved

    def order_source(self, detail) -> OrderSource:
        """The warning as a work order's source: the service's title and instructions."""
        from desktop.services.warnings import KIND_LABELS

        who = detail.subject_name or detail.subject_phone or detail.subject_place or ""
        title = f"{KIND_LABELS.get(detail.kind, detail.kind)}预警 {detail.number}" + (f"：{who}" if who else "")
        return OrderSource("warning", detail.id, detail.number, title[:200],
                           detail.required_action or detail.content or "")

    def run_action(self, action: str) -> bool:
        warning = self.detail.warning
        if warning is None or action not in WARNING_ACTIONS or action not in self.allowed(warning):
            return False
        saved_order: int | None = None
        if action == "edit":
            dialog = WarningFormDialog(self.db, self.login, detail=warning, parent=self)
            done = self._run(dialog) and dialog.saved_id is not None
        elif action == "order":
            dialog = NewOrderDialog(self.db, self.login, lookups=self.lookups, deadline_hours=self.deadline_hours(),
                                    source=self.order_source(warning), parent=self)
            done = self._run(dialog) and dialog.saved_id is not None
            saved_order = dialog.saved_id if done else None
        else:
            dialog = OutcomeDialog(self.db, self.login, warning_id=warning.id, version=warning.version,
                                   heading=f"{warning.number}  {self.texts.warning_kind(warning.kind)}",
                                   text=self.latest_feedback(warning.id), parent=self)
            done = self._run(dialog) and dialog.done_ok
        if done:
            self.after_change(warning.id)
            if saved_order is not None:
                self.panel.show_status(self.tr("Work order issued for warning {number}").format(number=warning.number))
        return done

    def latest_feedback(self, warning_id: int) -> str:
        """The latest report on the warning's orders, offered as the outcome's text."""
        from desktop.services.warnings import sync_from_orders

        try:
            feedback = sync_from_orders(self.db, self.login.station_id, warning_id)
        except Exception:  # only a suggestion: an empty text is fine
            log.exception("could not read the feedback of warning %s", warning_id)
            return ""
        return (feedback.text or "") if feedback is not None else ""

    def deadline_hours(self) -> dict[str, int]:
        if self.store is None:
            return {}
        try:
            return dict(self.store.snapshot().deadline_hours())
        except Exception:  # an unreadable settings store: the service's defaults
            log.exception("could not read the deadline settings")
            return {}


class WarningDetailPanel(QScrollArea):
    """The selected warning: subject (masked for roles without the right), content, required
    action, deadline, status and result, its work orders, and the action buttons."""

    action_requested = Signal(str)
    order_opened = Signal(int)

    FIELDS = ("kind", "source", "status", "received_at", "deadline", "subject_name", "subject_phone",
              "subject_id_number", "subject_place", "content", "required_action", "result")
    MASKS = {"subject_name": "name", "subject_phone": "phone", "subject_id_number": "id_number"}

    def __init__(self, reveal_personal: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = CaseTexts(self)
        self.order_texts = WorkOrderTexts(self)
        self.reveal_personal = reveal_personal
        self.warning = None
        self.setObjectName("warningDetail")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(340)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.heading = QLabel(body)
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_buttons: dict[str, QPushButton] = {}
        names = {"edit": self.tr("Edit…"), "order": self.tr("Work order…"), "outcome": self.tr("Record outcome…")}
        actions = QHBoxLayout()
        for action in WARNING_ACTIONS:
            button = QPushButton(names[action], body)
            button.setObjectName(f"warning_{action}")
            button.clicked.connect(lambda _checked=False, a=action: self.action_requested.emit(a))
            self.action_buttons[action] = button
            actions.addWidget(button)
        actions.addStretch(1)
        labels = {
            "kind": self.tr("Kind"), "source": self.tr("Source"), "status": self.tr("Status"),
            "received_at": self.tr("Received"), "deadline": self.tr("Deadline"), "subject_name": self.tr("Subject"),
            "subject_phone": self.tr("Phone"), "subject_id_number": self.tr("ID number"),
            "subject_place": self.tr("Place"), "content": self.tr("Content"),
            "required_action": self.tr("Required action"), "result": self.tr("Outcome"),
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
        self.orders_label = QLabel(self.tr("Work orders"), body)
        self.orders = QListWidget(body)
        self.orders.setObjectName("warningOrders")
        self.orders.setMaximumHeight(100)
        self.orders.itemDoubleClicked.connect(self._open_order)
        self.orders.itemActivated.connect(self._open_order)
        layout.addWidget(self.heading)
        layout.addLayout(actions)
        layout.addLayout(form)
        layout.addWidget(self.orders_label)
        layout.addWidget(self.orders)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_warning(None, ())

    def show_message(self, text: str) -> None:
        self.heading.setText(text)

    def show_warning(self, detail, allowed, *, keep_message: bool = False) -> None:
        self.warning = detail
        allowed = set(allowed)
        for action, button in self.action_buttons.items():
            button.setEnabled(detail is not None and action in allowed)
        self.orders.clear()
        if detail is None:
            if not keep_message:
                self.heading.setText(self.tr("No warning selected"))
            for label in self.values.values():
                label.clear()
            return
        heading = f"{detail.number}  {self.texts.warning_kind(detail.kind)}"
        if detail.overdue:
            heading += "  " + self.tr("(overdue)")
        self.heading.setText(heading)
        self.heading.setStyleSheet(f"color: {RED};" if detail.overdue else "")
        values = {
            "kind": self.texts.warning_kind(detail.kind), "source": self.texts.warning_source(detail.source),
            "status": self.texts.warning_status(detail.status), "received_at": _when(detail.received_at),
            "deadline": _when(detail.deadline), "subject_place": detail.subject_place, "content": detail.content,
            "required_action": detail.required_action, "result": detail.result,
        }
        for key, kind in self.MASKS.items():
            value = getattr(detail, key)
            values[key] = value if self.reveal_personal else mask_value(kind, value)
        for key, label in self.values.items():
            label.setText(values.get(key) or "—")
        for order_id, number, status in detail.orders:
            item = QListWidgetItem(f"{number}  {self.order_texts.status(status)}")
            item.setData(Qt.ItemDataRole.UserRole, order_id)
            self.orders.addItem(item)
        self.orders_label.setVisible(bool(detail.orders))
        self.orders.setVisible(bool(detail.orders))

    def _open_order(self, item: QListWidgetItem) -> None:
        self.order_opened.emit(int(item.data(Qt.ItemDataRole.UserRole)))


__all__ = ["CaseDetailPanel", "CaseListPage", "CasesScreen", "WarningDetailPanel", "WarningListPage", "exec_dialog"]
