"""The 案件 and 预警 dialogs: the case form, one clock action (pause with its reason, resume, an
approved extension), the warning form and a warning's outcome.

Each dialog calls desktop/services/cases.py or warnings.py itself; a refusal is shown inside the
dialog (next to the field the service names, else under the form) with the service's Chinese
message, and the dialog stays open with everything typed. ``saved_id`` / ``done_ok`` tell the
screen what happened.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
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
from desktop.views.work_order_dialogs import fill_people, problem_text

log = logging.getLogger(__name__)

CASE_KINDS = ("criminal", "administrative")
CASE_STATUSES = ("accepted", "in_progress", "extended", "suspended", "closed", "transferred")
CLOCK_ACTIONS = ("pause", "resume", "extend")
WARNING_KINDS = ("fraud", "stability", "public_order", "hazard", "other")
WARNING_SOURCES = ("hq", "own", "other_dept")
WARNING_STATUSES = ("received", "assigned", "acted", "closed")
OUTCOMES = ("reached", "not_reached", "dissuaded", "lost_money")


class CaseTexts(QObject):
    """Display names of stored case and warning values, through tr() (the services' Chinese label
    tables serve exports and the CLI)."""

    def case_kind(self, value: str | None) -> str:
        names = {"criminal": self.tr("Criminal"), "administrative": self.tr("Administrative")}
        return "" if value is None else names.get(str(value), str(value))

    def case_status(self, value: str | None) -> str:
        names = {"accepted": self.tr("Accepted"), "in_progress": self.tr("In progress"),
                 "extended": self.tr("Extended"), "suspended": self.tr("Suspended"),
                 "closed": self.tr("Closed"), "transferred": self.tr("Transferred")}
        return "" if value is None else names.get(str(value), str(value))

    def clock_state(self, value: str | None) -> str:
        names = {"running": self.tr("Clock running"), "paused": self.tr("Clock paused"),
                 "closed": self.tr("Case closed")}
        return "" if value is None else names.get(str(value), str(value))

    def clock_event(self, value: str | None) -> str:
        names = {"pause": self.tr("Clock paused"), "resume": self.tr("Clock resumed"),
                 "extension": self.tr("Extension approved")}
        return "" if value is None else names.get(str(value), str(value))

    def clock_action(self, value: str) -> str:
        names = {"pause": self.tr("Pause clock"), "resume": self.tr("Resume clock"),
                 "extend": self.tr("Extend deadline")}
        return names.get(value, value)

    def tone(self, value: str | None) -> str:
        names = {"overdue": self.tr("Overdue"), "due_soon": self.tr("Due soon")}
        return "" if not value else names.get(str(value), str(value))

    def warning_kind(self, value: str | None) -> str:
        names = {"fraud": self.tr("Anti-fraud"), "stability": self.tr("Stability"),
                 "public_order": self.tr("Public order"), "hazard": self.tr("Safety hazard"),
                 "other": self.tr("Other")}
        return "" if value is None else names.get(str(value), str(value))

    def warning_source(self, value: str | None) -> str:
        names = {"hq": self.tr("Pushed by HQ"), "own": self.tr("Own analysis"),
                 "other_dept": self.tr("Other department")}
        return "" if value is None else names.get(str(value), str(value))

    def warning_status(self, value: str | None) -> str:
        names = {"received": self.tr("To handle"), "assigned": self.tr("Order issued"),
                 "acted": self.tr("Handled"), "closed": self.tr("Closed")}
        return "" if value is None else names.get(str(value), str(value))

    def outcome(self, value: str | None) -> str:
        names = {"reached": self.tr("Reached"), "not_reached": self.tr("Not reached"),
                 "dissuaded": self.tr("Dissuaded"), "lost_money": self.tr("Lost money")}
        return "" if value is None else names.get(str(value), str(value))


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


def _datetime_edit(parent: QWidget, value: datetime | None) -> QDateTimeEdit:
    edit = QDateTimeEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setDateTime(QDateTime((value or datetime.now()).replace(second=0, microsecond=0)))
    return edit


def _value_of(edit: QDateTimeEdit) -> datetime:
    return edit.dateTime().toPython().replace(second=0, microsecond=0)


class _FormDialog(QDialog):
    """Fields in a form, each with its own red problem label; a general message; Save / Cancel.
    Each dialog provides ``save() -> bool``."""

    def _build(self, fields: Mapping[str, QWidget | QHBoxLayout], labels: Mapping[str, str], ok_text: str) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.problems: dict[str, QLabel] = {}
        for key, widget in fields.items():
            box = QVBoxLayout()
            box.setSpacing(2)
            if isinstance(widget, QHBoxLayout):
                box.addLayout(widget)
            else:
                box.addWidget(widget)
            problem = error_label(self)
            box.addWidget(problem)
            self.problems[key] = problem
            form.addRow(labels[key], box)
        self.message = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(ok_text)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _clear_problems(self) -> None:
        for label in (*self.problems.values(), self.message):
            label.hide()

    def _show_refusal(self, exc: BaseException, what: str) -> None:
        """A service refusal next to its fields (or under the form); anything else logged and said."""
        if isinstance(exc, ValidationError) and exc.fields:
            shown = False
            for key, text in exc.fields.items():
                if key in self.problems:
                    show_error(self.problems[key], text)
                    shown = True
            if shown:
                return
        if isinstance(exc, StationDeskError):
            show_error(self.message, problem_text(exc))
            return
        log.error("%s failed", what, exc_info=exc)
        show_error(self.message, self.tr("Could not save (database unreachable?). Your input is kept; try again."))


class CaseFormDialog(SaveWhenBack, _FormDialog):
    """A new case, or the edit of ``detail`` (a CaseDetail). ``saved_id`` after a successful save.
    A colleague's newer save opens the conflict dialog; a lost connection keeps the input."""

    def __init__(self, db: Database, login: LoginResult, *, rules: Any, lookups: Any, detail: Any = None,
                 now: datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.login = login
        self.rules = rules
        self.lookups = lookups
        self.detail = detail
        self.version = detail.version if detail is not None else None  # the version our edits build on
        self.now = now
        self.saved_id: int | None = None
        self.texts = CaseTexts(self)
        self.setObjectName("caseFormDialog")
        self.setWindowTitle(self.tr("Edit case") if detail is not None else self.tr("New case"))
        self.setMinimumWidth(520)

        self.number = QLineEdit(self)
        self.number.setMaxLength(40)
        self.kind = _combo(self, None, [(k, self.texts.case_kind(k)) for k in CASE_KINDS])
        _select(self.kind, "administrative")
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(200)
        self.category = QLineEdit(self)
        self.category.setMaxLength(100)
        self.category.setPlaceholderText(self.tr("e.g. theft, fighting"))
        # The stage decides a criminal case's deadline: offer the configured stages, allow others.
        self.stage = QComboBox(self)
        self.stage.setEditable(True)
        self.stage.addItem("")
        for name in getattr(rules, "criminal_stage_days", {}) or {}:
            self.stage.addItem(name)
        self.accepted_at = _datetime_edit(self, now)
        self.unit = _combo(self, self.tr("(none)"), [(u.id, u.name) for u in lookups.units])
        self.officer = _combo(self, self.tr("(none)"), [])
        fill_people(self.officer, self.tr("(none)"), lookups.officers, None)
        self.summary = QPlainTextEdit(self)
        self.summary.setFixedHeight(80)
        fields: dict[str, QWidget] = {
            "number": self.number, "kind": self.kind, "title": self.title_edit, "category": self.category,
            "stage": self.stage, "accepted_at": self.accepted_at, "unit_id": self.unit, "officer_id": self.officer,
            "summary": self.summary,
        }
        labels = {
            "number": self.tr("Case number *"), "kind": self.tr("Kind *"), "title": self.tr("Case name *"),
            "category": self.tr("Cause"), "stage": self.tr("Stage (criminal)"), "accepted_at": self.tr("Accepted *"),
            "unit_id": self.tr("Unit"), "officer_id": self.tr("Officer"), "summary": self.tr("Summary"),
        }
        self._build(fields, labels, self.tr("Save"))
        self.widgets, self.labels = fields, labels
        self.unit.currentIndexChanged.connect(self._on_unit)
        self.kind.currentIndexChanged.connect(self._on_kind)
        if detail is not None:
            self.number.setText(detail.number)
            _select(self.kind, detail.kind)
            self.title_edit.setText(detail.title)
            self.category.setText(detail.category or "")
            self.stage.setCurrentText(detail.stage or "")
            self.accepted_at.setDateTime(QDateTime(detail.accepted_at))
            _select(self.unit, detail.unit_id)
            self._on_unit()
            _select(self.officer, detail.officer_id)
            self.summary.setPlainText(detail.summary or "")
        self._on_kind()
        self.base = self.values() if detail is not None else None  # as loaded, for the conflict dialog

    def set_values(self, values: dict[str, Any]) -> None:
        """Fill the form from record values (the conflict dialog's reload or merge)."""
        from desktop.views.conflict_dialog import set_widget_value

        for key in ("unit_id", *self.widgets):  # the unit first: it filters the officers
            if key in values:
                set_widget_value(self.widgets[key], values[key])
                if key == "unit_id":
                    self._on_unit()

    def _resolve_conflict(self) -> bool:
        from desktop.views.conflict_dialog import MERGE, RELOAD, resolve_conflict, widget_display

        try:
            choice, values, state = resolve_conflict(
                self, self.db, self.login.station_id, "case", self.detail.id,
                [(key, label.rstrip(" *")) for key, label in self.labels.items()], self.values(), base=self.base,
                display=widget_display(self.widgets))
        except Exception as exc:  # noqa: BLE001 - _show_refusal logs what is not a refusal
            self._show_refusal(exc, "reading the case")
            return False
        if choice in (MERGE, RELOAD):
            self.set_values(values)
            self.version, self.base = state.version, dict(state.values)
        if choice == MERGE:
            return self.save()  # a further conflict opens the dialog again
        if choice == RELOAD:
            show_error(self.message, self.tr("The colleague's version is loaded; your changes were discarded."))
        return False

    def _on_unit(self) -> None:
        fill_people(self.officer, self.tr("(none)"), self.lookups.officers, self.unit.currentData())

    def _on_kind(self) -> None:
        self.stage.setEnabled(self.kind.currentData() == "criminal")

    def values(self) -> dict[str, Any]:
        return {
            "number": self.number.text().strip(), "kind": self.kind.currentData(),
            "title": self.title_edit.text().strip(), "category": self.category.text().strip() or None,
            "stage": (self.stage.currentText().strip() or None) if self.kind.currentData() == "criminal" else None,
            "accepted_at": _value_of(self.accepted_at), "unit_id": self.unit.currentData(),
            "officer_id": self.officer.currentData(), "summary": self.summary.toPlainText().strip() or None,
        }

    def save(self) -> bool:
        from desktop.services import cases

        self._clear_problems()
        try:
            if self.detail is None:
                self.saved_id = cases.create_case(self.db, self.login, self.values(), rules=self.rules, now=self.now)
            else:
                cases.update_case(self.db, self.login, self.detail.id, self.version, self.values(),
                                  rules=self.rules, now=self.now)
                self.saved_id = self.detail.id
        except Exception as exc:  # noqa: BLE001 - _show_refusal logs what is not a refusal
            from desktop.views.conflict_dialog import is_stale_save

            if self.detail is not None and is_stale_save(exc):
                return self._resolve_conflict()
            if not self.keep_until_reconnected(exc, self.message, self.save):
                self._show_refusal(exc, "saving the case")
            return False
        self.accept()
        return True


class ClockDialog(_FormDialog):
    """One clock action on one case: ``pause`` (reason required, e.g. 鉴定), ``resume`` (an optional
    note) or ``extend`` (reason and approver required; the rule's article is recorded by the
    service). The time defaults to now and may be set back to when the appraisal really began."""

    def __init__(self, db: Database, login: LoginResult, action: str, *, case_id: int, version: int, rules: Any,
                 heading: str = "", now: datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if action not in CLOCK_ACTIONS:
            raise ValueError(f"unknown clock action {action!r}")
        self.db = db
        self.login = login
        self.action = action
        self.case_id = case_id
        self.version = version
        self.rules = rules
        self.done_ok = False
        self.texts = CaseTexts(self)
        self.setObjectName("clockDialog")
        self.setWindowTitle(self.texts.clock_action(action))
        self.setMinimumWidth(460)
        self.heading = QLabel(heading, self)
        self.heading.setWordWrap(True)
        self.at = _datetime_edit(self, now)
        self.reason = QPlainTextEdit(self)
        self.reason.setFixedHeight(90)
        self.approver = QLineEdit(self)
        self.approver.setMaxLength(100)
        self.approver.setPlaceholderText(self.tr("The approving organ and person"))
        fields: dict[str, QWidget] = {"at": self.at, "reason": self.reason}
        prompts = {"pause": self.tr("Reason (e.g. expert appraisal) *"), "resume": self.tr("Note"),
                   "extend": self.tr("Reason for the extension *")}
        labels = {"at": self.tr("When"), "reason": prompts[action], "approver": self.tr("Approved by *"),
                  "article": self.tr("Legal basis")}
        if action == "extend":
            fields["approver"] = self.approver
            days = getattr(rules, "admin_extension_days", None)
            self.article = QLabel(self.tr("{article} (+{days} days)").format(
                article=getattr(rules, "admin_article", ""), days=days), self)
            self.article.setWordWrap(True)
            fields["article"] = self.article
        else:
            self.approver.hide()
            self.article = None
        self._build(fields, labels, self.texts.clock_action(action))
        if heading:
            self.layout().insertWidget(0, self.heading)
        else:
            self.heading.hide()

    def save(self) -> bool:
        from desktop.services import cases

        self._clear_problems()
        reason = self.reason.toPlainText().strip()
        at = _value_of(self.at)
        try:
            if self.action == "pause":
                cases.pause_clock(self.db, self.login, self.case_id, self.version, reason=reason, at=at,
                                  rules=self.rules)
            elif self.action == "resume":
                cases.resume_clock(self.db, self.login, self.case_id, self.version, reason=reason or None, at=at,
                                   rules=self.rules)
            else:
                cases.extend(self.db, self.login, self.case_id, self.version, reason=reason,
                             approver=self.approver.text().strip(), at=at, rules=self.rules)
        except Exception as exc:  # noqa: BLE001 - _show_refusal logs what is not a refusal
            self._show_refusal(exc, f"case clock {self.action}")
            return False
        self.done_ok = True
        self.accept()
        return True


class WarningFormDialog(_FormDialog):
    """A new warning, or the edit of ``detail`` (a WarningDetail). ``saved_id`` after a save."""

    def __init__(self, db: Database, login: LoginResult, *, detail: Any = None, now: datetime | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.login = login
        self.detail = detail
        self.now = now
        self.saved_id: int | None = None
        self.texts = CaseTexts(self)
        self.setObjectName("warningFormDialog")
        self.setWindowTitle(self.tr("Edit warning") if detail is not None else self.tr("New warning"))
        self.setMinimumWidth(540)

        self.number = QLineEdit(self)
        self.number.setMaxLength(40)
        self.number.setPlaceholderText(self.tr("Leave empty to number it automatically"))
        self.source = _combo(self, None, [(s, self.texts.warning_source(s)) for s in WARNING_SOURCES])
        self.kind = _combo(self, None, [(k, self.texts.warning_kind(k)) for k in WARNING_KINDS])
        self.received_at = _datetime_edit(self, now)
        self.subject_name = QLineEdit(self)
        self.subject_name.setMaxLength(50)
        self.subject_phone = QLineEdit(self)
        self.subject_id_number = QLineEdit(self)
        self.subject_id_number.setMaxLength(18)
        self.subject_place = QLineEdit(self)
        self.subject_place.setMaxLength(300)
        self.content = QPlainTextEdit(self)
        self.content.setFixedHeight(80)
        self.required_action = QPlainTextEdit(self)
        self.required_action.setFixedHeight(60)
        self.has_deadline = QCheckBox(self.tr("Handle by"), self)
        self.deadline = _datetime_edit(self, now)
        self.deadline.setEnabled(False)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.has_deadline)
        deadline_row.addWidget(self.deadline, 1)
        fields: dict[str, QWidget | QHBoxLayout] = {
            "number": self.number, "source": self.source, "kind": self.kind, "received_at": self.received_at,
            "subject_name": self.subject_name, "subject_phone": self.subject_phone,
            "subject_id_number": self.subject_id_number, "subject_place": self.subject_place,
            "content": self.content, "required_action": self.required_action, "deadline": deadline_row,
        }
        labels = {
            "number": self.tr("Number"), "source": self.tr("Source *"), "kind": self.tr("Kind *"),
            "received_at": self.tr("Received *"), "subject_name": self.tr("Subject"),
            "subject_phone": self.tr("Phone"), "subject_id_number": self.tr("ID number"),
            "subject_place": self.tr("Place"), "content": self.tr("Content *"),
            "required_action": self.tr("Required action"), "deadline": self.tr("Deadline"),
        }
        self._build(fields, labels, self.tr("Save"))
        if detail is not None:
            self.number.setText(detail.number)
            _select(self.source, detail.source)
            _select(self.kind, detail.kind)
            self.received_at.setDateTime(QDateTime(detail.received_at))
            self.subject_name.setText(detail.subject_name or "")
            self.subject_phone.setText(detail.subject_phone or "")
            self.subject_id_number.setText(detail.subject_id_number or "")
            self.subject_place.setText(detail.subject_place or "")
            self.content.setPlainText(detail.content or "")
            self.required_action.setPlainText(detail.required_action or "")
            if detail.deadline is not None:
                self.has_deadline.setChecked(True)
                self.deadline.setDateTime(QDateTime(detail.deadline))

    def values(self) -> dict[str, Any]:
        return {
            "number": self.number.text().strip() or None, "source": self.source.currentData(),
            "kind": self.kind.currentData(), "received_at": _value_of(self.received_at),
            "subject_name": self.subject_name.text().strip() or None,
            "subject_phone": self.subject_phone.text().strip() or None,
            "subject_id_number": self.subject_id_number.text().strip() or None,
            "subject_place": self.subject_place.text().strip() or None,
            "content": self.content.toPlainText().strip() or None,
            "required_action": self.required_action.toPlainText().strip() or None,
            "deadline": _value_of(self.deadline) if self.has_deadline.isChecked() else None,
        }

    def save(self) -> bool:
        from desktop.services import warnings

        self._clear_problems()
        try:
            if self.detail is None:
                self.saved_id = warnings.create_warning(self.db, self.login, self.values(), now=self.now)
            else:
                warnings.update_warning(self.db, self.login, self.detail.id, self.detail.version, self.values(),
                                        now=self.now)
                self.saved_id = self.detail.id
        except Exception as exc:  # noqa: BLE001 - _show_refusal logs what is not a refusal
            self._show_refusal(exc, "saving the warning")
            return False
        self.accept()
        return True


class OutcomeDialog(_FormDialog):
    """What came of a warning: reached / not reached / dissuaded / lost money, and a note (the
    latest feedback of its work orders is offered as ``text``)."""

    def __init__(self, db: Database, login: LoginResult, *, warning_id: int, version: int, heading: str = "",
                 text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.login = login
        self.warning_id = warning_id
        self.version = version
        self.done_ok = False
        self.texts = CaseTexts(self)
        self.setObjectName("outcomeDialog")
        self.setWindowTitle(self.tr("Record outcome"))
        self.setMinimumWidth(460)
        self.heading = QLabel(heading, self)
        self.heading.setWordWrap(True)
        self.outcome = _combo(self, self.tr("(choose)"), [(o, self.texts.outcome(o)) for o in OUTCOMES])
        self.text = QPlainTextEdit(self)
        self.text.setFixedHeight(100)
        self.text.setPlainText(text)
        self._build({"outcome": self.outcome, "text": self.text},
                    {"outcome": self.tr("Outcome *"), "text": self.tr("What was done")}, self.tr("Record"))
        if heading:
            self.layout().insertWidget(0, self.heading)
        else:
            self.heading.hide()

    def save(self) -> bool:
        from desktop.services import warnings

        self._clear_problems()
        outcome = self.outcome.currentData()
        if outcome is None:
            show_error(self.problems["outcome"], self.tr("Please choose the outcome."))
            return False
        try:
            warnings.record_outcome(self.db, self.login, self.warning_id, self.version, outcome,
                                    self.text.toPlainText().strip() or None)
        except Exception as exc:  # noqa: BLE001 - _show_refusal logs what is not a refusal
            self._show_refusal(exc, "recording the warning outcome")
            return False
        self.done_ok = True
        self.accept()
        return True


__all__ = ["CASE_KINDS", "CASE_STATUSES", "CLOCK_ACTIONS", "OUTCOMES", "WARNING_KINDS", "WARNING_SOURCES",
           "WARNING_STATUSES", "CaseFormDialog", "CaseTexts", "ClockDialog", "OutcomeDialog", "WarningFormDialog"]
