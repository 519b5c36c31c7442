"""The form for an incident typed in by hand (or corrected), with the import's validation.

A refused save shows each problem next to its field and keeps everything typed; a colleague's newer
change is reported, never overwritten (optimistic locking in the service).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
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
from desktop.errors import ConflictError, StationDeskError, ValidationError
from desktop.services.accounts import LoginResult
from desktop.views.dialog_parts import SaveWhenBack, error_label, show_error

log = logging.getLogger(__name__)


class IncidentForm(SaveWhenBack, QDialog):
    """New incident, or an edit of ``detail`` (an :class:`IncidentDetail`).

    A colleague's newer save opens the conflict dialog (merge / reload / keep editing); a lost
    connection keeps the input and saves when the server is back (:class:`SaveWhenBack`)."""

    def __init__(self, db: Database, login: LoginResult, lookups, *, rules=None, detail=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.login = login
        self.lookups = lookups
        self.rules = rules
        self.detail = detail
        self.version = detail.version if detail is not None else None  # the version our edits build on
        self.saved_id: int | None = None
        self.setObjectName("incidentForm")
        self.setWindowTitle(self.tr("Edit incident") if detail else self.tr("New incident"))
        self.setMinimumWidth(560)

        self.number = QLineEdit(self)
        self.reported_at = QLineEdit(self)
        self.reported_at.setPlaceholderText(self.tr("e.g. 2025-03-05 14:07"))
        self.caller_name = QLineEdit(self)
        self.caller_phone = QLineEdit(self)
        self.address = QLineEdit(self)
        self.category = self._combo([(s.id, self._subtype_label(s)) for s in lookups.subtypes])
        self.community = self._combo([(c.id, c.name) for c in lookups.communities])
        self.grid = self._combo([(g.id, g.name) for g in lookups.grids])
        self.unit = self._combo([(u.id, u.name) for u in lookups.units])
        self.officer = self._combo([(o.id, o.name) for o in lookups.officers])
        self.summary = QPlainTextEdit(self)
        self.summary.setFixedHeight(80)
        self.disposal = QPlainTextEdit(self)
        self.disposal.setFixedHeight(60)
        self.community.currentIndexChanged.connect(self._on_community)

        self.fields: dict[str, QWidget] = {
            "number": self.number, "reported_at": self.reported_at, "caller_name": self.caller_name,
            "caller_phone": self.caller_phone, "address": self.address, "category_id": self.category,
            "community_id": self.community, "grid_id": self.grid, "summary": self.summary,
            "unit_id": self.unit, "officer_id": self.officer, "disposal": self.disposal,
        }
        labels = {
            "number": self.tr("Number *"), "reported_at": self.tr("Reported at *"), "caller_name": self.tr("Caller"),
            "caller_phone": self.tr("Phone"), "address": self.tr("Address"), "category_id": self.tr("Type"),
            "community_id": self.tr("Community"), "grid_id": self.tr("Grid"), "summary": self.tr("Summary"),
            "unit_id": self.tr("Responding unit"), "officer_id": self.tr("Responding officer"),
            "disposal": self.tr("Disposal"),
        }
        self.labels = labels
        form = QFormLayout()
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
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._fill(detail)
        self.base = self._comparable(self.values()) if detail is not None else None  # as loaded

    def _subtype_label(self, subtype) -> str:
        parent = next((c.name for c in self.lookups.categories if c.id == subtype.parent_id), "")
        return f"{parent} / {subtype.name}" if parent else subtype.name

    def _combo(self, items: list[tuple[int, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(self.tr("(none)"), None)
        for value, text in items:
            combo.addItem(text, value)
        return combo

    def _on_community(self) -> None:
        community = self.community.currentData()
        current = self.grid.currentData()
        self.grid.blockSignals(True)
        self.grid.clear()
        self.grid.addItem(self.tr("(none)"), None)
        for g in self.lookups.grids:
            if community is None or g.parent_id == community:
                self.grid.addItem(g.name, g.id)
        index = self.grid.findData(current)
        self.grid.setCurrentIndex(max(0, index))
        self.grid.blockSignals(False)

    @staticmethod
    def _select(combo: QComboBox, value: Any) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(index if index >= 0 else 0)

    def _fill(self, detail) -> None:
        if detail is None:
            self.reported_at.setText(datetime.now().strftime("%Y-%m-%d %H:%M"))
            return
        self.number.setText(detail.number)
        self.reported_at.setText(detail.reported_at.strftime("%Y-%m-%d %H:%M:%S"))
        self.caller_name.setText(detail.caller_name or "")
        self.caller_phone.setText(detail.caller_phone_raw or detail.caller_phone or "")
        self.address.setText(detail.address or "")
        self._select(self.category, detail.category_id)
        self._select(self.community, detail.community_id)
        self._select(self.grid, detail.grid_id)
        self._select(self.unit, detail.unit_id)
        self._select(self.officer, detail.officer_id)
        self.summary.setPlainText(detail.summary or "")
        self.disposal.setPlainText(detail.disposal or "")

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                out[key] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText()
            else:
                out[key] = widget.currentData()
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        """Fill the form from record values (the conflict dialog's reload or merge)."""
        from desktop.views.conflict_dialog import set_widget_value

        for key in ("community_id", *self.fields):  # the community first: it filters the grids
            if key in values:
                set_widget_value(self.fields[key], values[key])

    @staticmethod
    def _comparable(values: dict[str, Any]) -> dict[str, Any]:
        """The typed time as a datetime, so it compares with the saved one."""
        from desktop.services.importing.normalize import parse_time

        out = dict(values)
        try:
            out["reported_at"] = parse_time(values.get("reported_at"), now=datetime.now())
        except (ValueError, TypeError):
            pass
        return out

    def _resolve_conflict(self) -> bool:
        """The colleague saved first: merge and save again, reload theirs, or keep editing."""
        from desktop.views.conflict_dialog import MERGE, RELOAD, resolve_conflict, widget_display

        try:
            choice, values, state = resolve_conflict(
                self, self.db, self.login.station_id, "incident", self.detail.id,
                [(key, label.rstrip(" *")) for key, label in self.labels.items()],
                self._comparable(self.values()), base=self.base, display=widget_display(self.fields))
        except StationDeskError as exc:
            show_error(self.message, str(exc))
            return False
        if choice == MERGE:
            self.set_values(values)
            self.version, self.base = state.version, dict(state.values)
            return self.save()  # a further conflict opens the dialog again
        if choice == RELOAD:
            self.set_values(values)
            self.version, self.base = state.version, dict(state.values)
            show_error(self.message, self.tr("The colleague's version is loaded; your changes were discarded."))
        return False

    def save(self) -> bool:
        """Validate and save; on a refusal show why and keep the dialog (and its input) open."""
        from desktop.services.incidents import create_incident, update_incident

        for label in (*self.problems.values(), self.message):
            label.hide()
        try:
            if self.detail is None:
                self.saved_id = create_incident(self.db, self.login.station_id, self.login.staff_id, self.values(),
                                                rules=self.rules)
            else:
                update_incident(self.db, self.login.station_id, self.login.staff_id, self.detail.id,
                                self.version, self.values(), rules=self.rules)
                self.saved_id = self.detail.id
        except ValidationError as exc:
            shown = False
            for key, text in (exc.fields or {}).items():
                if key in self.problems:
                    show_error(self.problems[key], text)
                    shown = True
            if not shown:
                show_error(self.message, str(exc))
            return False
        except ConflictError as exc:
            from desktop.views.conflict_dialog import is_stale_save

            if self.detail is not None and is_stale_save(exc):
                return self._resolve_conflict()
            show_error(self.message, str(exc))
            return False
        except StationDeskError as exc:
            if self.keep_until_reconnected(exc, self.message, self.save):
                return False
            hint = getattr(exc, "hint", None)
            show_error(self.message, f"{exc} {hint}" if hint else str(exc))
            return False
        except Exception:  # e.g. the connection dropped: say so, keep the input
            log.exception("could not save the incident")
            show_error(self.message, self.tr("The incident could not be saved (database unreachable?). "
                                             "Your input is kept; try again."))
            return False
        self.accept()
        return True
