"""The 工单 dialogs: a new work order (from scratch or from a source record) and one action on one or
more orders (report / return / cancel / urge text, reassign target).

Both dialogs call desktop/services/work_orders.py themselves; a refusal (ValidationError,
PermissionDenied, ConflictError…) is shown inside the dialog with its Chinese message and hint, and
the dialog stays open with everything typed, so nothing is lost. Used by the 工单 screen and the 警情
screen (an order from an incident), so they take plain ids, never the screen.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.db.database import Database
from desktop.errors import StationDeskError, ValidationError
from desktop.services.accounts import LoginResult
from desktop.views.dialog_parts import SaveWhenBack, error_label, show_error

log = logging.getLogger(__name__)

PRIORITIES = ("urgent", "high", "normal", "long_term")
STATUSES = ("issued", "accepted", "reported", "returned", "closed", "cancelled")
SOURCES = ("incident", "cluster", "directive", "warning", "dispute", "hq", "manual")
# Actions that open a dialog (a text, or the reassignment target); the service decides which text
# is required (a cancel reason), so the dialog shows its message rather than a rule of its own.
TEXT_ACTIONS = frozenset({"report", "return", "cancel", "urge", "reassign"})


def problem_text(exc: BaseException) -> str:
    """A service error as the user reads it: the message, then what to do."""
    if isinstance(exc, StationDeskError):
        return f"{exc.message}\n{exc.hint}" if exc.hint else exc.message
    return str(exc)


class WorkOrderTexts(QObject):
    """Display names of stored work-order values, through tr() so the views translate them like
    every other string (desktop/services/work_order_labels.py serves the documents and the CLI)."""

    def status(self, value: str | None) -> str:
        names = {"issued": self.tr("Issued"), "accepted": self.tr("Accepted"), "reported": self.tr("Reported"),
                 "returned": self.tr("Returned"), "closed": self.tr("Closed"), "cancelled": self.tr("Cancelled"),
                 "overdue": self.tr("Overdue")}
        return "" if value is None else names.get(str(value), str(value))

    def priority(self, value: str | None) -> str:
        names = {"urgent": self.tr("Urgent"), "high": self.tr("High"), "normal": self.tr("Normal"),
                 "long_term": self.tr("Long-term")}
        return "" if value is None else names.get(str(value), str(value))

    def source(self, value: str | None) -> str:
        names = {"incident": self.tr("Incident"), "cluster": self.tr("Repeat calls"),
                 "directive": self.tr("Briefing directive"), "warning": self.tr("Warning"),
                 "dispute": self.tr("Dispute"), "hq": self.tr("HQ assignment"), "manual": self.tr("Manual")}
        return "" if value is None else names.get(str(value), str(value))

    def event_name(self, value: str | None) -> str:  # not "event": that would override QObject.event
        names = {"issue": self.tr("Issued"), "accept": self.tr("Accepted"), "report": self.tr("Reported back"),
                 "return": self.tr("Returned"), "close": self.tr("Closed"), "urge": self.tr("Urged"),
                 "reassign": self.tr("Reassigned"), "cancel": self.tr("Cancelled")}
        return "" if value is None else names.get(str(value), str(value))

    def tone(self, value: str | None) -> str:
        """The list's reminder column: overdue, or due within a day."""
        names = {"overdue": self.tr("Overdue"), "due_soon": self.tr("Due soon")}
        return "" if not value else names.get(str(value), str(value))

    def action(self, value: str) -> str:
        """The button text of an action."""
        names = {"accept": self.tr("Accept"), "report": self.tr("Report back…"), "return": self.tr("Return…"),
                 "close": self.tr("Close"), "urge": self.tr("Urge…"), "reassign": self.tr("Reassign…"),
                 "cancel": self.tr("Cancel order…")}
        return names.get(value, value)


@dataclasses.dataclass(frozen=True)
class OrderSource:
    """The record a new order comes from (an incident, a repeat cluster, a directive…)."""

    kind: str
    id: int | None
    label: str = ""
    title: str = ""
    instructions: str = ""


def _combo(parent: QWidget, none_text: str | None, items: Sequence[tuple[Any, str]]) -> QComboBox:
    combo = QComboBox(parent)
    if none_text is not None:
        combo.addItem(none_text, None)
    for value, text in items:
        combo.addItem(text, value)
    return combo


def _select(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


def fill_people(combo: QComboBox, none_text: str, people: Sequence[Any], unit_id: int | None) -> None:
    """Refill ``combo`` with the people of ``unit_id`` (everybody when None), keeping the choice."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(none_text, None)
    for person in people:
        if unit_id is None or person.parent_id == unit_id:
            combo.addItem(person.name, person.id)
    index = combo.findData(current)
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)


def _load_lookups(db: Database, station_id: int):
    from desktop.services.incidents import lookups

    return lookups(db, station_id)


class NewOrderDialog(SaveWhenBack, QDialog):
    """Title, instructions, unit, assignee (of that unit), tracker, priority and a deadline that
    follows the priority until it is edited; the source when opened from one. ``saved_id`` holds the
    new order's id after a successful save."""

    def __init__(self, db: Database, login: LoginResult, *, lookups: Any = None,
                 deadline_hours: dict[str, int] | None = None, source: OrderSource | None = None,
                 now: datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.login = login
        self.lookups = lookups if lookups is not None else _load_lookups(db, login.station_id)
        self.deadline_hours = dict(deadline_hours or {})
        self.source = source
        self.now = now
        self.saved_id: int | None = None
        self.texts = WorkOrderTexts(self)
        self._deadline_touched = False
        self.setObjectName("newOrderDialog")
        self.setWindowTitle(self.tr("New work order"))
        self.setMinimumWidth(520)

        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(200)
        self.instructions = QPlainTextEdit(self)
        self.instructions.setFixedHeight(90)
        self.unit = _combo(self, self.tr("(choose a unit)"), [(u.id, u.name) for u in self.lookups.units])
        self.assignee = _combo(self, self.tr("(anyone in the unit)"), [])
        self.tracker = _combo(self, self.tr("(none)"), [])
        fill_people(self.tracker, self.tr("(none)"), self.lookups.officers, None)
        _select(self.tracker, login.staff_id)
        self.priority = _combo(self, None, [(p, self.texts.priority(p)) for p in PRIORITIES])
        _select(self.priority, "normal")
        self.deadline = QDateTimeEdit(self)
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.source_kind = _combo(self, None, [(k, self.texts.source(k)) for k in ("manual", "hq")])
        self.hq_reference = QLineEdit(self)
        self.hq_reference.setPlaceholderText(self.tr("HQ document or reference number"))
        self.source_label = QLabel(self)
        self.source_label.setWordWrap(True)

        self.fields: dict[str, QWidget] = {
            "hq_reference": self.hq_reference, "title": self.title_edit, "instructions": self.instructions,
            "unit_id": self.unit, "assignee_id": self.assignee, "tracker_id": self.tracker, "priority": self.priority,
            "deadline": self.deadline,
        }
        labels = {
            "title": self.tr("Title *"), "instructions": self.tr("Instructions"), "unit_id": self.tr("Unit *"),
            "assignee_id": self.tr("Assignee"), "tracker_id": self.tr("Tracker"), "priority": self.tr("Priority"),
            "deadline": self.tr("Deadline"), "hq_reference": self.tr("HQ reference"),
        }
        form = QFormLayout()
        if source is not None and source.kind not in ("manual", "hq"):
            self.source_label.setText(f"{self.texts.source(source.kind)}: {source.label}".strip(": "))
            form.addRow(self.tr("Source"), self.source_label)
            self.source_kind.hide()
        else:
            form.addRow(self.tr("Source"), self.source_kind)
            self.source_label.hide()
        self.problems: dict[str, QLabel] = {}
        for key, widget in self.fields.items():
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            problem = error_label(self)
            box.addWidget(problem)
            self.problems[key] = problem
            form.addRow(labels[key], box)
        self.message = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Issue"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.unit.currentIndexChanged.connect(self._on_unit)
        self.priority.currentIndexChanged.connect(self._on_priority)
        self.source_kind.currentIndexChanged.connect(self._on_source_kind)
        self.deadline.dateTimeChanged.connect(self._on_deadline_edited)
        if source is not None:
            self.title_edit.setText(source.title)
            self.instructions.setPlainText(source.instructions)
            _select(self.source_kind, source.kind)
        self._on_unit()
        self._on_source_kind()
        self._on_priority()

    # ------------------------------------------------------------------ field behaviour

    def _on_unit(self) -> None:
        fill_people(self.assignee, self.tr("(anyone in the unit)"), self.lookups.officers, self.unit.currentData())

    def _on_source_kind(self) -> None:
        self.hq_reference.setEnabled(self.source_kind.currentData() == "hq")

    def _on_deadline_edited(self) -> None:
        self._deadline_touched = True

    def default_deadline(self) -> datetime:
        from desktop.services.work_orders import default_deadline

        priority = self.priority.currentData()
        return default_deadline(priority, self.now or datetime.now(), hours=self.deadline_hours or None)

    def _on_priority(self) -> None:
        """The deadline follows the priority until the user sets one."""
        if self._deadline_touched:
            return
        try:
            value = self.default_deadline()
        except Exception:  # a missing rule must not stop the dialog: leave the field as it is
            log.exception("no default deadline for %s", self.priority.currentData())
            return
        self.deadline.blockSignals(True)
        self.deadline.setDateTime(QDateTime(value.replace(second=0, microsecond=0)))
        self.deadline.blockSignals(False)

    # ------------------------------------------------------------------ saving

    def new_order(self):
        from desktop.services.work_orders import NewOrder

        source = self.source
        if source is not None and source.kind not in ("manual", "hq"):
            kind, source_id = source.kind, source.id
        else:
            kind, source_id = self.source_kind.currentData(), None
        deadline: datetime = self.deadline.dateTime().toPython()
        return NewOrder(
            title=self.title_edit.text().strip(), unit_id=self.unit.currentData(),
            priority=self.priority.currentData(), source_kind=kind, source_id=source_id,
            hq_reference=(self.hq_reference.text().strip() or None) if kind == "hq" else None,
            instructions=self.instructions.toPlainText().strip() or None,
            assignee_id=self.assignee.currentData(), tracker_id=self.tracker.currentData(),
            deadline=deadline.replace(second=0, microsecond=0),
        )

    def save(self) -> bool:
        """Create the order; on a refusal show why next to the field and keep the dialog open."""
        from desktop.services.work_orders import create_work_order

        for label in (*self.problems.values(), self.message):
            label.hide()
        if not self.title_edit.text().strip():
            show_error(self.problems["title"], self.tr("Please enter a title."))
            return False
        if self.unit.currentData() is None:
            show_error(self.problems["unit_id"], self.tr("Please choose the unit that does the work."))
            return False
        try:
            self.saved_id = create_work_order(self.db, self.login, self.new_order(), now=self.now)
        except ValidationError as exc:
            shown = False
            for key, text in (exc.fields or {}).items():
                if key in self.problems:
                    show_error(self.problems[key], text)
                    shown = True
            if not shown:
                show_error(self.message, problem_text(exc))
            return False
        except StationDeskError as exc:
            if not self.keep_until_reconnected(exc, self.message, self.save):  # lost: saved when back
                show_error(self.message, problem_text(exc))
            return False
        except Exception:  # e.g. the connection dropped: say so, keep the input
            log.exception("could not create the work order")
            show_error(self.message, self.tr("The work order could not be saved (database unreachable?). "
                                             "Your input is kept; try again."))
            return False
        self.accept()
        return True


class ActionDialog(QDialog):
    """One action that needs input: the text of a report, return, urge or cancellation (a reason is
    required to cancel), or the new unit and assignee of a reassignment. On one order (``order_id``
    and its ``version``) or, for urge and reassign, on several (``order_ids``)."""

    def __init__(self, db: Database, login: LoginResult, action: str, *, order_id: int | None = None,
                 version: int | None = None, order_ids: Sequence[int] = (), heading: str = "",
                 lookups: Any = None, unit_id: int | None = None, now: datetime | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if order_id is None and not order_ids:
            raise ValueError("an action needs an order")
        if order_ids and action not in ("urge", "reassign"):
            raise ValueError(f"{action} cannot be applied to several orders at once")
        self.db = db
        self.login = login
        self.action = action
        self.order_id = order_id
        self.version = version
        self.order_ids = tuple(order_ids)
        self.now = now
        self.texts = WorkOrderTexts(self)
        self.done_ok = False
        self.setObjectName("orderActionDialog")
        self.setWindowTitle(self.texts.action(action).rstrip("…"))
        self.setMinimumWidth(460)

        form = QFormLayout()
        self.heading = QLabel(heading, self)
        self.heading.setWordWrap(True)
        if heading:
            form.addRow(self.heading)
        else:
            self.heading.hide()
        self.unit: QComboBox | None = None
        self.assignee: QComboBox | None = None
        self.lookups = None
        if action == "reassign":
            self.lookups = lookups if lookups is not None else _load_lookups(db, login.station_id)
            self.unit = _combo(self, self.tr("(choose a unit)"), [(u.id, u.name) for u in self.lookups.units])
            self.assignee = _combo(self, self.tr("(anyone in the unit)"), [])
            self.unit.currentIndexChanged.connect(self._on_unit)
            _select(self.unit, unit_id)
            self._on_unit()
            form.addRow(self.tr("New unit *"), self.unit)
            form.addRow(self.tr("New assignee"), self.assignee)
        self.text = QPlainTextEdit(self)
        self.text.setFixedHeight(110)
        prompts = {"report": self.tr("What was done"), "return": self.tr("Why it is returned"),
                   "cancel": self.tr("Reason for cancelling *"), "urge": self.tr("Reminder"),
                   "reassign": self.tr("Note")}
        # reassign_many records no note, so the several-orders reassignment does not ask for one.
        if action in TEXT_ACTIONS and not (action == "reassign" and self.order_ids):
            form.addRow(prompts[action], self.text)
        else:
            self.text.hide()
        self.message = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _on_unit(self) -> None:
        if self.unit is not None and self.assignee is not None:
            fill_people(self.assignee, self.tr("(anyone in the unit)"), self.lookups.officers,
                        self.unit.currentData())

    def text_value(self) -> str | None:
        return self.text.toPlainText().strip() or None

    def save(self) -> bool:
        """Apply the action; on a refusal show the reason and keep the dialog (and its text) open."""
        from desktop.services import work_orders

        self.message.hide()
        text = self.text_value()
        unit_id = self.unit.currentData() if self.unit is not None else None
        assignee_id = self.assignee.currentData() if self.assignee is not None else None
        if self.action == "reassign" and unit_id is None:
            show_error(self.message, self.tr("Please choose the unit to reassign to."))
            return False
        try:
            if self.order_ids:
                if self.action == "urge":
                    work_orders.urge_many(self.db, self.login, list(self.order_ids), text)
                else:
                    work_orders.reassign_many(self.db, self.login, list(self.order_ids), unit_id, assignee_id)
            else:
                kwargs: dict[str, Any] = {"text": text, "now": self.now}
                if self.action == "reassign":
                    kwargs.update(unit_id=unit_id, assignee_id=assignee_id)
                work_orders.transition(self.db, self.login, self.order_id, self.version, self.action, **kwargs)
        except StationDeskError as exc:
            show_error(self.message, problem_text(exc))
            return False
        except Exception:  # e.g. the connection dropped: say so, keep the text
            log.exception("work order action %s failed", self.action)
            show_error(self.message, self.tr("The action could not be saved (database unreachable?). "
                                             "Your text is kept; try again."))
            return False
        self.done_ok = True
        self.accept()
        return True


__all__ = ["PRIORITIES", "SOURCES", "STATUSES", "TEXT_ACTIONS", "ActionDialog", "NewOrderDialog", "OrderSource",
           "WorkOrderTexts", "fill_people", "problem_text"]
