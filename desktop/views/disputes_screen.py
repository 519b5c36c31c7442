"""The 矛盾纠纷 screen: the dispute list with filters (high-risk rows tinted), the selected dispute's
seven elements, parties, sessions, agreements, follow-ups, transfers and links, and the actions.

Everything goes through desktop/services/disputes.py, which enforces the states and the roles; the
screen only enables what the role may do (duty, chief, mediator edit; others read) and shows the
service's Chinese message when it refuses. ID numbers and phones are masked for roles without the
right (desktop.services.masking).
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from datetime import date, datetime, time
from pathlib import Path
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
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.db.database import Database
from desktop.errors import StationDeskError
from desktop.services.accounts import LoginResult
from desktop.services.masking import mask_value, may_see_personal
from desktop.services.paging import Sort
from desktop.services.permissions import allowed
from desktop.views.dialog_parts import exec_dialog
from desktop.views.dispute_dialogs import (
    NATURES,
    RISKS,
    STATUSES,
    AgreementDialog,
    DisputeDialog,
    DisputeTexts,
    FollowUpDialog,
    SessionDialog,
    StatusDialog,
    TransferDialog,
    TransferOutcomeDialog,
    problem_text,
)

log = logging.getLogger(__name__)

ACTIONS = ("edit", "session", "agreement", "sign", "correct", "print", "follow_up", "transfer", "transfer_outcome",
           "mediating", "resolved", "failed")


def _attr(obj: Any, *names: str, default: Any = None) -> Any:
    """The first attribute of ``obj`` among ``names`` (the detail's field names are the service's)."""
    for name in names:
        value = getattr(obj, name, None)
        if value is not None:
            return value
    return default


def _when(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    return "" if value is None else str(value)


class DisputesScreen(QWidget):
    """Filters above; the dispute list on the left; the selected dispute on the right."""

    changed = Signal()
    source_requested = Signal(str, int)  # "incident"/"work_order", id: the main window may show it

    def __init__(self, db: Database, login: LoginResult, *, settings: QSettings, store: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.services.disputes import dispute_list_query
        from desktop.services.incidents import lookups
        from desktop.views.list_panel import ListPanel

        self.setObjectName("disputesScreen")
        self.db = db
        self.login = login
        self.store = store
        self.texts = DisputeTexts(self)
        self.can_edit = allowed(login, "dispute.edit")
        self.reveal = may_see_personal(login.roles)
        try:
            self.lookups = lookups(db, login.station_id)
        except Exception:  # a lookup failure leaves the filters short, never the screen
            log.exception("dispute screen lookups")
            self.lookups = None
        titles = {
            "number": self.tr("Number"), "tone": self.tr("Risk"), "registered_at": self.tr("Registered"),
            "cause": self.tr("Cause"), "nature": self.tr("Nature"), "risk": self.tr("Risk level"),
            "status": self.tr("Status"), "community": self.tr("Community"),
            "criminal_risk": self.tr("Criminal risk"), "parties": self.tr("Parties"), "place": self.tr("Place"),
            "mediator": self.tr("Mediator"), "scale": self.tr("People"), "occurred_at": self.tr("Time"),
        }
        self.query = dispute_list_query(db, login.station_id, titles)
        self.panel = ListPanel(self.query, list_key="disputes", title=self.tr("Disputes"), settings=settings,
                               reveal_personal=self.reveal, default_sort=Sort("registered_at", True),
                               highlight_key="tone", parent=self)
        self.panel.model.export_unmasked = allowed(login, "export.unmasked")  # files leaving the desk
        self.panel.watch_tables(("disputes", "dispute_parties", "parties", "mediation_sessions", "agreements",
                                 "follow_ups", "transfers"))
        self._label_columns()
        self.register_button = QPushButton(self.tr("Register…"), self)
        self.register_button.setObjectName("registerDispute")
        self.register_button.clicked.connect(lambda: self.register())
        self.register_button.setEnabled(self.can_edit)
        self.panel.add_action_button(self.register_button)

        self._build_filters()
        self.detail = DisputeDetailPanel(self)
        self.detail.action_requested.connect(self.run_action)
        self.detail.link_requested.connect(self.source_requested)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.panel)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([740, 480])  # fits 1366 px with the main window's navigation
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(self.filter_row)
        layout.addWidget(splitter, 1)
        self.panel.current_changed.connect(self._on_current)
        with contextlib.suppress(Exception):  # the audit of exports is a nicety of the panel
            self.panel.audit_outputs(db, login, "矛盾纠纷列表")
        self.apply_filters()

    def _label_columns(self) -> None:
        from desktop.views.work_orders_screen import LabelDelegate

        labels = {"status": self.texts.status, "nature": self.texts.nature, "risk": self.texts.risk,
                  "tone": lambda v: self.texts.risk("high") if v else ""}
        for column, spec in enumerate(self.panel.model.columns):
            if spec.key in labels:
                self.panel.view.setItemDelegateForColumn(column, LabelDelegate(labels[spec.key], self.panel.view))

    # ------------------------------------------------------------------ filters

    def _build_filters(self) -> None:
        def combo(everything: str, choices) -> QComboBox:
            box = QComboBox(self)
            box.setMinimumContentsLength(6)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.addItem(everything, None)
            for value, text in choices:
                box.addItem(text, value)
            box.currentIndexChanged.connect(self.apply_filters)
            return box

        self.status_combo = combo(self.tr("All statuses"), [(s, self.texts.status(s)) for s in STATUSES])
        self.nature_combo = combo(self.tr("All natures"), [(n, self.texts.nature(n)) for n in NATURES])
        self.risk_combo = combo(self.tr("All risk levels"), [(r, self.texts.risk(r)) for r in RISKS])
        communities = [(c.id, c.name) for c in self.lookups.communities] if self.lookups else []
        self.community_combo = combo(self.tr("All communities"), communities)
        self.date_check = QCheckBox(self.tr("Registered between"), self)
        self.from_edit = QDateEdit(self)
        self.to_edit = QDateEdit(self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
            edit.dateChanged.connect(self.apply_filters)
        self.from_edit.setDate(QDate.currentDate().addMonths(-1))
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(False)
            self.date_check.toggled.connect(edit.setEnabled)
        self.date_check.toggled.connect(self.apply_filters)
        self.criminal_check = QCheckBox(self.tr("Criminal risk only"), self)
        self.criminal_check.setObjectName("criminalRiskFilter")
        self.criminal_check.toggled.connect(self.apply_filters)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.status_combo, self.nature_combo, self.risk_combo, self.community_combo):
            row.addWidget(widget, 1)
        row.addWidget(self.date_check)
        row.addWidget(self.from_edit)
        row.addWidget(QLabel("–", self))
        row.addWidget(self.to_edit)
        row.addWidget(self.criminal_check)
        self.filter_row = row
        self.community_keys = communities

    def filter_parts(self) -> tuple[dict[str, Any], dict[str, tuple[Any, Any]]]:
        equals: dict[str, Any] = {}
        ranges: dict[str, tuple[Any, Any]] = {}
        for key, box in (("status", self.status_combo), ("nature", self.nature_combo),
                         ("risk_level", self.risk_combo), ("community_id", self.community_combo)):
            if box.currentData() is not None:
                equals[key] = box.currentData()
        if self.criminal_check.isChecked():
            equals["criminal_risk"] = True
        if self.date_check.isChecked():
            low: date = self.from_edit.date().toPython()
            high: date = self.to_edit.date().toPython()
            ranges["registered_at"] = (datetime.combine(low, time()), datetime.combine(high, time(23, 59, 59)))
        return equals, ranges

    def apply_filters(self) -> None:
        if not hasattr(self, "filter_row"):
            return  # still building the filter widgets
        equals, ranges = self.filter_parts()
        self.panel.set_extra_filter(equals, ranges)

    # ------------------------------------------------------------------ selection and detail

    def _on_current(self, dispute_id: Any) -> None:
        self.show_dispute(dispute_id)

    def show_dispute(self, dispute_id: Any) -> Any:
        from desktop.services.disputes import dispute_detail

        if dispute_id is None:
            self.detail.show_detail(None, set())
            return None
        try:
            detail = dispute_detail(self.db, self.login.station_id, int(dispute_id))
        except Exception as exc:  # shown in the pane, never raised into Qt
            if not isinstance(exc, StationDeskError):
                log.error("dispute detail", exc_info=exc)
            self.detail.show_detail(None, set())
            self.detail.heading.setText(problem_text(exc) if isinstance(exc, StationDeskError)
                                        else self.tr("The database could not be reached. Try again."))
            return None
        self.detail.show_detail(detail, self.allowed(detail), mask=self.mask)
        return detail

    def mask(self, kind: str, value: Any) -> Any:
        return value if self.reveal else mask_value(kind, value)

    def allowed(self, detail: Any) -> set[str]:
        if not self.can_edit or detail is None:
            return {"print"} if detail is not None and self.current_agreement(detail, signed=True) else set()
        status = str(_attr(detail, "status", default=""))
        allowed = {"edit"} | {str(s) for s in getattr(detail, "allowed_statuses", ())} - {"transferred"}
        if status == "registered":
            allowed.add("mediating")  # the first session does it too
        if status in ("registered", "mediating"):
            allowed |= {"session", "agreement"}
        if status not in ("resolved", "transferred"):
            allowed.add("transfer")
        if self.due_follow_up(detail) is not None:
            allowed.add("follow_up")
        draft = self.current_agreement(detail, signed=False)
        signed = self.current_agreement(detail, signed=True)
        if draft is not None:
            allowed |= {"agreement", "sign"}
        if signed is not None:
            allowed |= {"correct", "print"}
        if any(_attr(t, "outcome") is None for t in _attr(detail, "transfers", default=())):
            allowed.add("transfer_outcome")
        return allowed

    @staticmethod
    def due_follow_up(detail: Any) -> Any:
        """The first planned (not yet visited) follow-up of ``detail``, or None."""
        for row in _attr(detail, "follow_ups", default=()):
            if _attr(row, "visited_on") is None and _attr(row, "due") is not None:
                return row
        return None

    @staticmethod
    def current_agreement(detail: Any, *, signed: bool) -> Any:
        """The latest draft (``signed=False``) or signed agreement of ``detail``, or None."""
        wanted = "signed" if signed else "draft"
        for agreement in reversed(list(_attr(detail, "agreements", default=()))):
            if str(_attr(agreement, "status", default="")) == wanted:
                return agreement
        return None

    def current_detail(self) -> Any:
        return self.detail.dispute

    def refresh(self, dispute_id: Any = None) -> None:
        dispute_id = dispute_id if dispute_id is not None else self.panel.current_id()
        self.panel.refresh()
        if dispute_id is not None:
            self.panel.select_id(dispute_id)
            self.show_dispute(dispute_id)
        self.changed.emit()

    # ------------------------------------------------------------------ actions

    def show_problem(self, title: str, exc: BaseException) -> None:
        if isinstance(exc, StationDeskError):
            text = problem_text(exc)
        else:
            log.error("dispute screen: %s", title, exc_info=exc)
            text = self.tr("The database could not be reached; nothing was changed. Try again.")
        QMessageBox.warning(self, title, text)

    def _staff(self) -> list[tuple[int, str]]:
        return [(o.id, o.name) for o in self.lookups.officers] if self.lookups else []

    def register(self) -> Any:
        """The registration form; the new dispute's id, or None."""
        from desktop.services import disputes

        dialog = DisputeDialog(self, communities=self.community_keys,
                               find_parties=lambda text: disputes.find_parties(self.db, self.login.station_id, text),
                               mask=self.mask)
        dialog.submit = lambda values: disputes.register_dispute(self.db, self.login, values,
                                                                 parties=dialog.party_list())
        if not exec_dialog(dialog):
            return None
        new_id = dialog.result_value
        self.refresh(new_id)
        return new_id

    def run_action(self, action: str) -> bool:
        """One action on the dispute shown; True when it changed something."""
        from desktop.services import disputes

        detail = self.detail.dispute
        if detail is None:
            return False
        dispute_id = detail.id
        version = _attr(detail, "version")
        dialog = None
        if action == "print":
            return self.print_agreement()
        if action == "edit":
            dialog = DisputeDialog(self, detail=detail, communities=self.community_keys, mask=self.mask)
            dialog.conflict = (self.db, self.login.station_id, "dispute", dispute_id)
            # dialog.version: a merge after a colleague's save re-submits against the new version
            dialog.submit = lambda v: disputes.update_dispute(self.db, self.login, dispute_id, dialog.version, v)
        elif action == "session":
            dialog = SessionDialog(self, staff=self._staff())
            dialog.submit = lambda v: disputes.add_session(self.db, self.login, dispute_id, **v)
        elif action == "agreement":
            draft = self.current_agreement(detail, signed=False)
            dialog = AgreementDialog(self, agreement=draft)
            if draft is None:
                dialog.submit = lambda v: disputes.draft_agreement(self.db, self.login, dispute_id, **v)
            else:
                dialog.submit = lambda v: disputes.update_agreement(self.db, self.login, draft.id,
                                                                    _attr(draft, "version"), **v)
        elif action == "correct":
            signed = self.current_agreement(detail, signed=True)
            dialog = AgreementDialog(self, agreement=signed, correcting=True)
            dialog.submit = lambda v: disputes.correct_agreement(self.db, self.login, signed.id, **v)
        elif action == "sign":
            draft = self.current_agreement(detail, signed=False)
            answer = QMessageBox.question(
                self, self.tr("Sign agreement"),
                self.tr("Record that every party and the mediator have signed? The agreement is then locked."))
            if answer != QMessageBox.StandardButton.Yes:
                return False
            return self._call(self.tr("Sign agreement"), lambda: disputes.sign_agreement(
                self.db, self.login, draft.id, _attr(draft, "version"), **self._follow_up_days()))
        elif action == "follow_up":
            due = self.due_follow_up(detail)
            if due is None:
                return False
            dialog = FollowUpDialog(self)
            dialog.submit = lambda v: disputes.record_follow_up(
                self.db, self.login, due.id, due.version, done_at=v["visited_on"], visitor_id=self.login.staff_id,
                honoured=v["honoured"], new_risk=v["new_risk_level"], notes=v["notes"])
        elif action == "transfer":
            dialog = TransferDialog(self, units=[(u.id, u.name) for u in self.lookups.units] if self.lookups else [])
            dialog.submit = lambda v: disputes.add_transfer(self.db, self.login, dispute_id, **v)
        elif action == "transfer_outcome":
            pending = [t for t in _attr(detail, "transfers", default=()) if _attr(t, "outcome") is None]
            if not pending:
                return False
            transfer = pending[-1]
            dialog = TransferOutcomeDialog(self)
            dialog.submit = lambda v: disputes.record_transfer_outcome(self.db, self.login, transfer.id,
                                                                       transfer.version, **v)
        elif action in ("mediating", "resolved", "failed"):
            dialog = StatusDialog(action, self)
            dialog.submit = lambda v: disputes.set_status(self.db, self.login, dispute_id, version, v["status"],
                                                          how=v["how"], reason=v["reason"])
        if dialog is None or not exec_dialog(dialog):
            return False
        self.refresh(dispute_id)
        return True

    def _follow_up_days(self) -> dict[str, Any]:
        if self.store is None:
            return {}
        try:
            days = self.store.snapshot().follow_up_days()
        except Exception:  # noqa: BLE001 - the service's default applies
            return {}
        return {"follow_up_days": days}

    def _call(self, title: str, work) -> bool:
        try:
            work()
        except Exception as exc:  # noqa: BLE001 - show_problem logs what is not a refusal
            self.show_problem(title, exc)
            return False
        self.refresh(self.detail.dispute.id if self.detail.dispute is not None else None)
        return True

    def print_agreement(self) -> bool:
        from desktop.views.print_preview_dialog import PrintPreviewDialog

        detail = self.detail.dispute
        signed = self.current_agreement(detail, signed=True) if detail is not None else None
        agreement = signed or (self.current_agreement(detail, signed=False) if detail is not None else None)
        if agreement is None:
            return False
        try:
            from desktop.services.dispute_documents import print_agreement
        except ImportError:
            QMessageBox.information(self, self.tr("Print agreement"),
                                    self.tr("Agreement documents are not available yet."))
            return False
        fd, name = tempfile.mkstemp(prefix="stationdesk-agreement-", suffix=".pdf")
        os.close(fd)
        path = Path(name)
        try:
            try:
                print_agreement(self.db, self.login, agreement.id, path)
            except Exception as exc:  # noqa: BLE001 - show_problem logs what is not a refusal
                self.show_problem(self.tr("Print agreement"), exc)
                return False
            dialog = PrintPreviewDialog(path, self, title=self.tr("Mediation agreement"),
                                        suggested_name=f"agreement-{_attr(agreement, 'number', default='')}.pdf")
            exec_dialog(dialog)
            dialog.deleteLater()
            return True
        finally:
            with contextlib.suppress(OSError):
                path.unlink()


class DisputeDetailPanel(QScrollArea):
    """The selected dispute: seven elements, parties, the timeline and the action buttons."""

    action_requested = Signal(str)
    link_requested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = DisputeTexts(self)
        self.dispute = None
        self.setObjectName("disputeDetail")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(340)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.heading = QLabel(body)
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        names = {
            "edit": self.tr("Edit…"), "session": self.tr("Session…"), "agreement": self.tr("Agreement…"),
            "sign": self.tr("Sign"), "correct": self.tr("Correct…"), "print": self.tr("Print agreement"),
            "follow_up": self.tr("Follow-up…"), "transfer": self.tr("Transfer…"),
            "transfer_outcome": self.tr("Transfer outcome…"), "mediating": self.tr("Start mediation"),
            "resolved": self.tr("Resolved…"), "failed": self.tr("Failed…"),
        }
        self.action_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(4)
        for index, action in enumerate(ACTIONS):
            button = QPushButton(names[action], body)
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _checked=False, a=action: self.action_requested.emit(a))
            self.action_buttons[action] = button
            grid.addWidget(button, index // 4, index % 4)
        labels = {
            "status": self.tr("Status"), "cause": self.tr("Cause"), "occurred_at": self.tr("Time"),
            "place": self.tr("Place"), "nature": self.tr("Nature"), "scale": self.tr("People involved"),
            "composition": self.tr("Composition"), "progression": self.tr("Progression"),
            "risk": self.tr("Risk level"), "community": self.tr("Community"),
        }
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.values: dict[str, QLabel] = {}
        for key, text in labels.items():
            value = QLabel(body)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(text, value)
            self.values[key] = value
        self.lists: dict[str, QListWidget] = {}
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addLayout(form)
        for key, text in (("parties", self.tr("Parties")), ("timeline", self.tr("Sessions")),
                          ("agreements", self.tr("Agreements")), ("follow_ups", self.tr("Follow-ups")),
                          ("transfers", self.tr("Transfers")), ("links", self.tr("Linked incidents and orders"))):
            widget = QListWidget(body)
            widget.setObjectName(f"dispute_{key}")
            widget.setWordWrap(True)
            widget.setMinimumHeight(60)
            widget.setMaximumHeight(140)
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.lists[key] = widget
            layout.addWidget(QLabel(text, body))
            layout.addWidget(widget)
        self.lists["links"].itemDoubleClicked.connect(self._open_link)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_detail(None, set())

    def show_detail(self, detail: Any, allowed: set[str], *, mask=None) -> None:
        mask = mask or (lambda kind, value: value)
        self.dispute = detail
        for action, button in self.action_buttons.items():
            button.setEnabled(detail is not None and action in allowed)
        for widget in self.lists.values():
            widget.clear()
        if detail is None:
            self.heading.setText(self.tr("No dispute selected"))
            self.heading.setStyleSheet("")
            for label in self.values.values():
                label.clear()
            return
        risk = str(_attr(detail, "risk_level", "risk", default=""))
        criminal = bool(_attr(detail, "criminal_risk", default=False))
        heading = f"{_attr(detail, 'number', default='')}  {self.texts.status(str(_attr(detail, 'status')))}"
        if criminal:
            heading += "  " + self.tr("(criminal risk)")
        self.heading.setText(heading)
        self.heading.setStyleSheet("color: #b71c1c;" if criminal or risk in ("high", "major") else "")
        reasons = _attr(detail, "risk_reasons")
        values = {
            "status": self.texts.status(str(_attr(detail, "status"))), "cause": _attr(detail, "cause"),
            "occurred_at": _when(_attr(detail, "occurred_at")), "place": _attr(detail, "place"),
            "nature": self.texts.nature(_attr(detail, "nature")), "scale": str(_attr(detail, "scale", default="")),
            "composition": _attr(detail, "composition"), "progression": _attr(detail, "progression"),
            "risk": self.texts.risk(risk) + (f"（{reasons}）" if reasons else ""),
            "community": _attr(detail, "community", "community_name"),
        }
        for key, label in self.values.items():
            label.setText(str(values.get(key) or "—"))
        for party in _attr(detail, "parties", default=()):
            bits = [str(_attr(party, "name", default="")), self.texts.party_role(_attr(party, "role")),
                    mask("id_number", _attr(party, "id_number")), mask("phone", _attr(party, "phone"))]
            self.lists["parties"].addItem(" · ".join(b for b in bits if b))
        for session in _attr(detail, "sessions", default=()):
            place = self.tr("remote") if _attr(session, "remote") else _attr(session, "place", default="")
            mediators = "、".join(f"{_attr(m, 'name', default='')}（{self.texts.mediator_role(_attr(m, 'role'))}）"
                                 for m in _attr(session, "mediators", default=()))
            line = " · ".join(b for b in (_when(_attr(session, "held_at")), place, mediators,
                                          self.texts.outcome(_attr(session, "outcome"))) if b)
            notes = _attr(session, "notes")
            self.lists["timeline"].addItem(f"{line}\n{notes}" if notes else line)
        for agreement in _attr(detail, "agreements", default=()):
            status = str(_attr(agreement, "status", default=""))
            names = {"draft": self.tr("draft"), "signed": self.tr("signed, locked"),
                     "superseded": self.tr("superseded")}
            line = self.tr("{label} ({status})").format(
                label=_attr(agreement, "label", "number", default=""), status=names.get(status, status))
            signed_on = _attr(agreement, "signed_on")
            if signed_on:
                line += " · " + _when(signed_on)
            self.lists["agreements"].addItem(f"{line}\n{_attr(agreement, 'terms', default='')}")
        for visit in _attr(detail, "follow_ups", default=()):
            if _attr(visit, "visited_on") is None:
                self.lists["follow_ups"].addItem(self.tr("Due {day}").format(day=_when(_attr(visit, "due"))))
                continue
            bits = [_when(_attr(visit, "visited_on")), _attr(visit, "visitor_name", "visitor", default=""),
                    self.texts.honoured(_attr(visit, "honoured")),
                    self.texts.risk(_attr(visit, "new_risk_level")) if _attr(visit, "new_risk_level") else "",
                    _attr(visit, "notes", default="")]
            self.lists["follow_ups"].addItem(" · ".join(str(b) for b in bits if b))
        for transfer in _attr(detail, "transfers", default=()):
            bits = [_when(_attr(transfer, "transferred_on")), self.texts.direction(_attr(transfer, "direction")),
                    _attr(transfer, "receiver", "receiving_body", default=""), _attr(transfer, "reason", default=""),
                    self.texts.transfer_outcome(_attr(transfer, "outcome")) if _attr(transfer, "outcome") else
                    self.tr("awaiting outcome")]
            self.lists["transfers"].addItem(" · ".join(str(b) for b in bits if b))
        from PySide6.QtWidgets import QListWidgetItem

        # incidents: (id, number); orders: (id, number, status)
        for kind, key, word in (("incident", "incidents", self.tr("Incident")),
                                ("work_order", "orders", self.tr("Work order"))):
            for link in _attr(detail, key, default=()):
                item = QListWidgetItem(f"{word} {link[1]}")
                item.setData(Qt.ItemDataRole.UserRole, (kind, link[0]))
                self.lists["links"].addItem(item)

    def list_texts(self, key: str) -> list[str]:
        widget = self.lists[key]
        return [widget.item(row).text() for row in range(widget.count())]

    def _open_link(self, item) -> None:
        kind, link_id = item.data(Qt.ItemDataRole.UserRole)
        if link_id is not None:
            self.link_requested.emit(kind, int(link_id))


__all__ = ["DisputeDetailPanel", "DisputesScreen", "exec_dialog"]
