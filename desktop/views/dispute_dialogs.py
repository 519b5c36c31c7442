"""Dialogs of the 矛盾纠纷 screen: registration/edit (seven elements and parties), mediation session,
agreement, follow-up visit, transfer and its outcome, status change.

Each dialog only collects values (``values()``); the screen hands them to desktop/services/disputes.py,
which decides. A refusal is shown in the dialog's red label and what was typed stays.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import StationDeskError
from desktop.services.identity import check_resident_id, normalize_phone
from desktop.views.dialog_parts import SaveWhenBack, error_label, show_error

NATURES = ("family", "neighbour", "land", "labour", "debt", "property_mgmt", "medical", "traffic", "other")
RISKS = ("low", "medium", "high", "major")
STATUSES = ("registered", "mediating", "resolved", "failed", "transferred")
PARTY_ROLES = ("applicant", "respondent", "other")
MEDIATOR_ROLES = ("officer", "people_mediator", "lawyer", "legal_officer", "grid_worker", "other")
OUTCOMES = ("none", "partial", "agreement")
HONOURED = ("yes", "partly", "no", "n/a")
DIRECTIONS = ("to_centre", "to_police", "to_court")
TRANSFER_OUTCOMES = ("resolved", "unresolved", "returned")


def problem_text(exc: BaseException) -> str:
    if isinstance(exc, StationDeskError):
        return f"{exc.message}\n{exc.hint}" if exc.hint else exc.message
    return str(exc)


class DisputeTexts(QObject):
    """Display names of stored dispute values, through tr()."""

    def nature(self, value: str | None) -> str:
        names = {"family": self.tr("Marriage and family"), "neighbour": self.tr("Neighbours"),
                 "land": self.tr("Land and forest"), "labour": self.tr("Labour and wages"),
                 "debt": self.tr("Debts"), "property_mgmt": self.tr("Property management"),
                 "medical": self.tr("Doctor and patient"), "traffic": self.tr("Traffic accident"),
                 "other": self.tr("Other")}
        return names.get(value or "", value or "")

    def risk(self, value: str | None) -> str:
        names = {"low": self.tr("Low"), "medium": self.tr("Medium"), "high": self.tr("High"),
                 "major": self.tr("Major")}
        return names.get(value or "", value or "")

    def status(self, value: str | None) -> str:
        names = {"registered": self.tr("Registered"), "mediating": self.tr("Mediating"),
                 "resolved": self.tr("Resolved"), "failed": self.tr("Mediation failed"),
                 "transferred": self.tr("Transferred")}
        return names.get(value or "", value or "")

    def party_role(self, value: str | None) -> str:
        names = {"applicant": self.tr("Applicant"), "respondent": self.tr("Respondent"), "other": self.tr("Other")}
        return names.get(value or "", value or "")

    def mediator_role(self, value: str | None) -> str:
        names = {"officer": self.tr("Police officer"), "people_mediator": self.tr("People's mediator"),
                 "lawyer": self.tr("Lawyer"), "legal_officer": self.tr("Comprehensive governance officer"),
                 "grid_worker": self.tr("Grid worker"), "other": self.tr("Other")}
        return names.get(value or "", value or "")

    def outcome(self, value: str | None) -> str:
        names = {"none": self.tr("No agreement"), "partial": self.tr("Partial agreement"),
                 "agreement": self.tr("Agreement reached")}
        return names.get(value or "", value or "")

    def honoured(self, value: str | None) -> str:
        names = {"yes": self.tr("Honoured"), "partly": self.tr("Partly honoured"), "no": self.tr("Not honoured"),
                 "n/a": self.tr("Not applicable")}
        return names.get(value or "", value or "")

    def direction(self, value: str | None) -> str:
        names = {"to_centre": self.tr("To the mediation centre"), "to_police": self.tr("To the police station"),
                 "to_court": self.tr("To court")}
        return names.get(value or "", value or "")

    def transfer_outcome(self, value: str | None) -> str:
        names = {"resolved": self.tr("Resolved"), "unresolved": self.tr("Unresolved"),
                 "returned": self.tr("Returned")}
        return names.get(value or "", value or "")


def _combo(parent: QWidget, values, label, current: str | None = None) -> QComboBox:
    combo = QComboBox(parent)
    for value in values:
        combo.addItem(label(value), value)
    if current is not None:
        index = combo.findData(current)
        if index >= 0:
            combo.setCurrentIndex(index)
    return combo


def _text(parent: QWidget, value: str | None = None, height: int = 60) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setPlainText(value or "")
    edit.setMinimumHeight(height)
    return edit


def _datetime_edit(parent: QWidget, value: datetime | None) -> QDateTimeEdit:
    edit = QDateTimeEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setDateTime(QDateTime(value) if value else QDateTime.currentDateTime())
    return edit


def _date_edit(parent: QWidget, value: date | None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(value) if value else QDate.currentDate())
    return edit


class _Dialog(SaveWhenBack, QDialog):
    """Form + red error label + OK/Cancel. ``submit`` (set by the screen) is called on OK; an
    exception keeps the dialog open with its message, a lost connection submits again when the
    server is back. Each dialog provides ``values()``.

    An edit dialog sets ``conflict`` = (db, station_id, kind, record_id), ``version`` (which its
    ``submit`` saves against) and ``widgets`` (key → widget): a colleague's newer save then opens
    the conflict dialog instead of a bare refusal."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = DisputeTexts(self)
        self.setWindowTitle(title)
        self.submit = None
        self.result_value: Any = None
        self.conflict: tuple[Any, int, str, int] | None = None
        self.version: int | None = None
        self.widgets: dict[str, QWidget] = {}
        self.base: dict[str, Any] | None = None
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def check(self) -> str | None:
        """A local problem (Chinese or translated text) that stops OK, or None."""
        return None

    def try_accept(self) -> bool:
        problem = self.check()
        if problem:
            show_error(self.error, problem)
            return False
        if self.submit is not None:
            try:
                self.result_value = self.submit(self.values())
            except Exception as exc:  # noqa: BLE001 - any failure is shown; the dialog keeps the input
                from desktop.views.conflict_dialog import is_stale_save

                if self.conflict is not None and is_stale_save(exc):
                    return self._resolve_conflict()
                if self.keep_until_reconnected(exc, self.error, self.try_accept):
                    return False
                show_error(self.error, problem_text(exc) if isinstance(exc, StationDeskError)
                           else self.tr("The database could not be reached; nothing was changed. Try again."))
                return False
        self.accept()
        return True

    def field_labels(self) -> list[tuple[str, str]]:
        """(key, label) of ``widgets`` as the form shows them."""
        out = []
        for key, widget in self.widgets.items():
            label = self.form.labelForField(widget)
            text = label.text() if isinstance(label, QLabel) else ""
            if not text and hasattr(widget, "text"):  # a check box carries its own label
                text = widget.text()
            out.append((key, text or key))
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        from desktop.views.conflict_dialog import set_widget_value

        for key, widget in self.widgets.items():
            if key in values:
                set_widget_value(widget, values[key])

    def _resolve_conflict(self) -> bool:
        """The colleague saved first: merge and submit again, reload theirs, or keep editing."""
        from desktop.views.conflict_dialog import MERGE, RELOAD, resolve_conflict, widget_display

        db, station_id, kind, record_id = self.conflict
        try:
            choice, values, state = resolve_conflict(self, db, station_id, kind, record_id, self.field_labels(),
                                                     self.values(), base=self.base,
                                                     display=widget_display(self.widgets))
        except Exception as exc:  # noqa: BLE001 - shown, the dialog keeps the input
            show_error(self.error, problem_text(exc))
            return False
        if choice in (MERGE, RELOAD):
            self.set_values(values)
            self.version, self.base = state.version, dict(state.values)
        if choice == MERGE:
            return self.try_accept()  # a further conflict opens the dialog again
        if choice == RELOAD:
            show_error(self.error, self.tr("The colleague's version is loaded; your changes were discarded."))
        return False


class PartyForm(QWidget):
    """A new person's fields with the ID and phone checks shown next to them as they are typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = DisputeTexts(self)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit(self)
        self.sex = QComboBox(self)
        self.sex.addItem("", None)
        self.sex.addItem(self.tr("Male"), "M")
        self.sex.addItem(self.tr("Female"), "F")
        self.id_number = QLineEdit(self)
        self.id_number.setObjectName("partyIdNumber")
        self.id_note = QLabel(self)
        self.id_note.setObjectName("partyIdNote")
        self.id_note.setWordWrap(True)
        self.phone = QLineEdit(self)
        self.phone_note = QLabel(self)
        self.phone_note.setObjectName("partyPhoneNote")
        self.phone_note.setWordWrap(True)
        self.address = QLineEdit(self)
        self.role = _combo(self, PARTY_ROLES, self.texts.party_role)
        id_row = QHBoxLayout()
        id_row.addWidget(self.id_number, 2)
        id_row.addWidget(self.id_note, 3)
        phone_row = QHBoxLayout()
        phone_row.addWidget(self.phone, 2)
        phone_row.addWidget(self.phone_note, 3)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow(self.tr("ID number"), id_row)
        form.addRow(self.tr("Phone"), phone_row)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Role"), self.role)
        self.id_number.textChanged.connect(self.check_id)
        self.sex.currentIndexChanged.connect(self.check_id)
        self.phone.textChanged.connect(self.check_phone)

    def check_id(self) -> list[str]:
        """The ID number's errors (shown red next to the field); warnings shown amber."""
        text = self.id_number.text().strip()
        if not text:
            self.id_note.clear()
            return []
        result = check_resident_id(text, sex=self.sex.currentData())
        if result.errors:
            self.id_note.setStyleSheet("color: #c62828;")
            self.id_note.setText("；".join(result.errors))
        elif result.warnings:
            self.id_note.setStyleSheet("color: #8a6d00;")
            self.id_note.setText("；".join(result.warnings))
        else:
            self.id_note.setStyleSheet("color: #2e7d32;")
            self.id_note.setText(self.tr("ID number checked"))
        return list(result.errors)

    def check_phone(self) -> list[str]:
        text = self.phone.text().strip()
        if not text:
            self.phone_note.clear()
            return []
        result = normalize_phone(text)
        if result.valid:
            self.phone_note.setStyleSheet("color: #2e7d32;")
            self.phone_note.setText(result.normalized or "")
            return []
        # Like the service: an invalid phone is a warning (the typed text is kept), not a refusal.
        self.phone_note.setStyleSheet("color: #8a6d00;")
        self.phone_note.setText(result.error or self.tr("Not a valid mobile or landline number"))
        return [self.phone_note.text()]

    def problems(self) -> list[str]:
        if not self.name.text().strip():
            return [self.tr("Enter the person's name")]
        self.check_phone()
        return self.check_id()

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "sex": self.sex.currentData(),
                "id_number": self.id_number.text().strip() or None, "phone": self.phone.text().strip() or None,
                "address": self.address.text().strip() or None}

    def clear(self) -> None:
        for edit in (self.name, self.id_number, self.phone, self.address):
            edit.clear()
        self.sex.setCurrentIndex(0)


class DisputeDialog(_Dialog):
    """Register (or edit) a dispute: the seven elements, risk, and its parties.

    ``find_parties(text)`` (from the screen) returns existing people to pick; ``mask`` masks an ID
    number or phone for roles without the right."""

    def __init__(self, parent: QWidget | None = None, *, detail: Any = None, communities=(),
                 find_parties=None, mask=None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Edit dispute") if detail is not None else self.tr("Register dispute"))
        self.setObjectName("disputeDialog")
        self.find_parties = find_parties
        self.mask = mask or (lambda kind, value: value)
        get = (lambda name, default=None: getattr(detail, name, default)) if detail else (lambda n, d=None: d)
        self.cause = _text(self, get("cause"))
        self.occurred_at = _datetime_edit(self, get("occurred_at"))
        self.place = QLineEdit(get("place") or "", self)
        self.nature = _combo(self, NATURES, self.texts.nature, get("nature"))
        self.scale = QSpinBox(self)
        self.scale.setRange(1, 100000)
        self.scale.setValue(int(get("scale") or 2))
        self.composition = _text(self, get("composition"), 40)
        self.progression = _text(self, get("progression"), 40)
        self.risk = _combo(self, RISKS, self.texts.risk, get("risk_level"))
        self.risk_reasons = QLineEdit(get("risk_reasons") or "", self)
        self.criminal_risk = QCheckBox(self.tr("At risk of turning criminal"), self)
        self.criminal_risk.setChecked(bool(get("criminal_risk", False)))
        self.community = QComboBox(self)
        self.community.addItem("", None)
        for cid, name in communities:
            self.community.addItem(name, cid)
        if get("community_id") is not None:
            self.community.setCurrentIndex(max(0, self.community.findData(get("community_id"))))
        self.form.addRow(self.tr("Cause"), self.cause)
        self.form.addRow(self.tr("Time"), self.occurred_at)
        self.form.addRow(self.tr("Place"), self.place)
        self.form.addRow(self.tr("Nature"), self.nature)
        self.form.addRow(self.tr("People involved"), self.scale)
        self.form.addRow(self.tr("Composition"), self.composition)
        self.form.addRow(self.tr("Progression"), self.progression)
        self.form.addRow(self.tr("Risk level"), self.risk)
        self.form.addRow(self.tr("Risk reasons"), self.risk_reasons)
        self.form.addRow("", self.criminal_risk)
        self.form.addRow(self.tr("Community"), self.community)
        self.widgets = {
            "cause": self.cause, "occurred_at": self.occurred_at, "place": self.place, "nature": self.nature,
            "scale": self.scale, "composition": self.composition, "progression": self.progression,
            "risk_level": self.risk, "risk_reasons": self.risk_reasons, "criminal_risk": self.criminal_risk,
            "community_id": self.community,
        }
        if detail is not None:
            self.version = get("version")
            self.base = self.values()

        # Parties: only on registration (links of an existing dispute are kept as they are).
        self.parties: list[tuple[int | dict, str, str]] = []  # (party id or values, role, shown text)
        self.party_table = QTableWidget(0, 3, self)
        self.party_table.setObjectName("partyTable")
        self.party_table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("ID number")])
        self.party_table.horizontalHeader().setStretchLastSection(True)
        self.party_table.setMaximumHeight(120)
        self.party_form = PartyForm(self)
        self.add_party_button = QPushButton(self.tr("Add person"), self)
        self.add_party_button.clicked.connect(self.add_new_party)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Name, ID number or phone of a known person"))
        self.search_button = QPushButton(self.tr("Find"), self)
        self.search_button.clicked.connect(self.search_parties)
        self.found = QComboBox(self)
        self.pick_button = QPushButton(self.tr("Add found person"), self)
        self.pick_button.clicked.connect(self.add_found_party)
        if detail is None:
            self.layout_.addWidget(QLabel(self.tr("Parties"), self))
            self.layout_.addWidget(self.party_table)
            find_row = QHBoxLayout()
            find_row.addWidget(self.search_edit, 2)
            find_row.addWidget(self.search_button)
            find_row.addWidget(self.found, 2)
            find_row.addWidget(self.pick_button)
            self.layout_.addLayout(find_row)
            self.layout_.addWidget(self.party_form)
            self.layout_.addWidget(self.add_party_button)
        else:
            for widget in (self.party_table, self.party_form, self.add_party_button, self.search_edit,
                           self.search_button, self.found, self.pick_button):
                widget.hide()
        self.finish_layout()
        self.resize(720, 680)

    def add_new_party(self) -> bool:
        problems = self.party_form.problems()
        if problems:
            show_error(self.error, "；".join(problems))
            return False  # the typed values stay so the user can correct them
        values = self.party_form.values()
        role = self.party_form.role.currentData()
        self._append(values, role, values["name"], values.get("id_number"))
        self.party_form.clear()
        self.error.hide()
        return True

    def search_parties(self) -> int:
        self.found.clear()
        if self.find_parties is None or not self.search_edit.text().strip():
            return 0
        try:
            people = self.find_parties(self.search_edit.text().strip())
        except Exception as exc:  # noqa: BLE001 - shown, never raised into Qt
            show_error(self.error, problem_text(exc))
            return 0
        for person in people:
            shown = " ".join(str(p) for p in (person.name, self.mask("id_number", getattr(person, "id_number", None)))
                             if p)
            self.found.addItem(shown, (person.id, person.name, getattr(person, "id_number", None)))
        return self.found.count()

    def add_found_party(self) -> bool:
        data = self.found.currentData()
        if not data:
            return False
        party_id, name, id_number = data
        self._append(party_id, self.party_form.role.currentData(), name, id_number)
        return True

    def _append(self, party, role: str, name: str, id_number: str | None) -> None:
        self.parties.append((party, role, name))
        row = self.party_table.rowCount()
        self.party_table.insertRow(row)
        for column, text in enumerate((name, self.texts.party_role(role), self.mask("id_number", id_number) or "")):
            self.party_table.setItem(row, column, QTableWidgetItem(text))

    def check(self) -> str | None:
        if not self.cause.toPlainText().strip():
            return self.tr("Enter the cause of the dispute")
        return None

    def values(self) -> dict[str, Any]:
        return {
            "cause": self.cause.toPlainText().strip(), "occurred_at": self.occurred_at.dateTime().toPython(),
            "place": self.place.text().strip() or None, "nature": self.nature.currentData(),
            "scale": self.scale.value(), "composition": self.composition.toPlainText().strip() or None,
            "progression": self.progression.toPlainText().strip() or None, "risk_level": self.risk.currentData(),
            "risk_reasons": self.risk_reasons.text().strip() or None,
            "criminal_risk": self.criminal_risk.isChecked(), "community_id": self.community.currentData(),
        }

    def party_list(self) -> list[tuple[Any, str]]:
        return [(party, role) for party, role, _name in self.parties]


class SessionDialog(_Dialog):
    """A mediation session: when, where (or remote), mediators with roles, attendees, notes, outcome."""

    def __init__(self, parent: QWidget | None = None, *, staff=()) -> None:
        super().__init__(self.tr("Mediation session"), parent)
        self.held_at = _datetime_edit(self, None)
        self.place = QLineEdit(self)
        self.remote = QCheckBox(self.tr("Remote (video or phone)"), self)
        self.remote.toggled.connect(lambda on: self.place.setEnabled(not on))
        self.mediator = QComboBox(self)
        self.mediator.setEditable(True)  # a mediator from outside the station is typed by name
        for staff_id, name in staff:
            self.mediator.addItem(name, staff_id)
        self.mediator_role = _combo(self, MEDIATOR_ROLES, self.texts.mediator_role)
        self.add_mediator = QPushButton(self.tr("Add mediator"), self)
        self.add_mediator.clicked.connect(self.add_current_mediator)
        self.mediator_list = QLabel(self)
        self.mediator_list.setWordWrap(True)
        self.mediators: list[tuple[Any, str]] = []
        self.attendees = QLineEdit(self)
        self.notes = _text(self)
        self.outcome = _combo(self, OUTCOMES, self.texts.outcome)
        row = QHBoxLayout()
        row.addWidget(self.mediator, 2)
        row.addWidget(self.mediator_role, 1)
        row.addWidget(self.add_mediator)
        self.form.addRow(self.tr("Held at"), self.held_at)
        self.form.addRow(self.tr("Place"), self.place)
        self.form.addRow("", self.remote)
        self.form.addRow(self.tr("Mediators"), row)
        self.form.addRow("", self.mediator_list)
        self.form.addRow(self.tr("Attendees"), self.attendees)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.finish_layout()
        self.resize(560, 460)

    def add_current_mediator(self) -> bool:
        text = self.mediator.currentText().strip()
        if not text:
            return False
        index = self.mediator.findText(text)
        who = self.mediator.itemData(index) if index >= 0 else text
        role = self.mediator_role.currentData()
        self.mediators.append((who, role))
        names = [f"{self.mediator.itemText(self.mediator.findData(w)) if isinstance(w, int) else w}"
                 f"（{self.texts.mediator_role(r)}）" for w, r in self.mediators]
        self.mediator_list.setText("、".join(names))
        return True

    def check(self) -> str | None:
        if not self.remote.isChecked() and not self.place.text().strip():
            return self.tr("Enter the place, or tick remote")
        return None

    def values(self) -> dict[str, Any]:
        if not self.mediators and self.mediator.currentText().strip():
            self.add_current_mediator()
        return {"held_at": self.held_at.dateTime().toPython(),
                "place": None if self.remote.isChecked() else self.place.text().strip(),
                "remote": self.remote.isChecked(), "mediators": list(self.mediators),
                "attendees": self.attendees.text().strip() or None, "notes": self.notes.toPlainText().strip() or None,
                "outcome": self.outcome.currentData()}


class AgreementDialog(_Dialog):
    """Draft (or correct) an agreement: facts, points in dispute, terms, performance and deadline."""

    def __init__(self, parent: QWidget | None = None, *, agreement: Any = None, correcting: bool = False) -> None:
        super().__init__(self.tr("Correct agreement") if correcting else self.tr("Agreement"), parent)
        get = (lambda name: getattr(agreement, name, None)) if agreement else (lambda name: None)
        self.facts = _text(self, get("facts"))
        self.points = _text(self, get("points"), 40)
        self.terms = _text(self, get("terms"))
        self.performance = _text(self, get("performance"), 40)
        self.deadline = _date_edit(self, get("performance_deadline"))
        self.form.addRow(self.tr("Main facts"), self.facts)
        self.form.addRow(self.tr("Points in dispute"), self.points)
        self.form.addRow(self.tr("Agreed terms"), self.terms)
        self.form.addRow(self.tr("Performance"), self.performance)
        self.form.addRow(self.tr("Perform by"), self.deadline)
        self.finish_layout()
        self.resize(600, 520)

    def check(self) -> str | None:
        if not self.facts.toPlainText().strip() or not self.terms.toPlainText().strip():
            return self.tr("Enter the main facts and the agreed terms")
        return None

    def values(self) -> dict[str, Any]:
        return {"facts": self.facts.toPlainText().strip(), "points": self.points.toPlainText().strip() or None,
                "terms": self.terms.toPlainText().strip(),
                "performance": self.performance.toPlainText().strip() or None,
                "performance_deadline": self.deadline.date().toPython()}


class FollowUpDialog(_Dialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Follow-up visit"), parent)
        self.visited_on = _date_edit(self, None)
        self.honoured = _combo(self, HONOURED, self.texts.honoured)
        self.new_risk = QComboBox(self)
        self.new_risk.addItem(self.tr("Unchanged"), None)
        for value in RISKS:
            self.new_risk.addItem(self.texts.risk(value), value)
        self.notes = _text(self)
        self.form.addRow(self.tr("Visited on"), self.visited_on)
        self.form.addRow(self.tr("Agreement"), self.honoured)
        self.form.addRow(self.tr("New risk"), self.new_risk)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.finish_layout()

    def values(self) -> dict[str, Any]:
        return {"visited_on": self.visited_on.date().toPython(), "honoured": self.honoured.currentData(),
                "new_risk_level": self.new_risk.currentData(), "notes": self.notes.toPlainText().strip() or None}


class TransferDialog(_Dialog):
    def __init__(self, parent: QWidget | None = None, *, units=()) -> None:
        super().__init__(self.tr("Transfer"), parent)
        self.direction = _combo(self, DIRECTIONS, self.texts.direction)
        self.reason = _text(self)
        self.receiver = QLineEdit(self)
        self.work_order = QCheckBox(self.tr("Raise a work order to follow it"), self)
        self.unit = QComboBox(self)
        for unit_id, name in units:
            self.unit.addItem(name, unit_id)
        self.unit.setEnabled(False)
        self.work_order.toggled.connect(self.unit.setEnabled)
        self.form.addRow(self.tr("Direction"), self.direction)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Receiving body"), self.receiver)
        self.form.addRow("", self.work_order)
        self.form.addRow(self.tr("Work order to"), self.unit)
        self.finish_layout()

    def check(self) -> str | None:
        if not self.reason.toPlainText().strip() or not self.receiver.text().strip():
            return self.tr("Enter the reason and the receiving body")
        if self.work_order.isChecked() and self.unit.currentData() is None:
            return self.tr("Choose the unit that receives the work order")
        return None

    def values(self) -> dict[str, Any]:
        order = {"unit_id": self.unit.currentData()} if self.work_order.isChecked() else None
        return {"direction": self.direction.currentData(), "reason": self.reason.toPlainText().strip(),
                "receiving_body": self.receiver.text().strip(), "raise_work_order": order}


class TransferOutcomeDialog(_Dialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Transfer outcome"), parent)
        self.outcome = _combo(self, TRANSFER_OUTCOMES, self.texts.transfer_outcome)
        self.notes = _text(self)
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.finish_layout()

    def values(self) -> dict[str, Any]:
        return {"outcome": self.outcome.currentData(), "notes": self.notes.toPlainText().strip() or None}


class StatusDialog(_Dialog):
    """Mediating / resolved (how) / failed (reason)."""

    def __init__(self, status: str, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.texts.status(status))
        self.status = status
        self.how = QComboBox(self)
        self.how.addItem(self.tr("By agreement"), "agreement")
        self.how.addItem(self.tr("Otherwise"), "other")
        self.reason = _text(self, None, 40)
        if status == "resolved":
            self.form.addRow(self.tr("Resolved"), self.how)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.finish_layout()

    def values(self) -> dict[str, Any]:
        return {"status": self.status, "how": self.how.currentData() if self.status == "resolved" else None,
                "reason": self.reason.toPlainText().strip() or None}


__all__ = [
    "AgreementDialog", "DisputeDialog", "DisputeTexts", "FollowUpDialog", "PartyForm", "SessionDialog",
    "StatusDialog", "TransferDialog", "TransferOutcomeDialog", "problem_text",
]
