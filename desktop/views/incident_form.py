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
from desktop.errors import StationDeskError, ValidationError
from desktop.services.accounts import LoginResult
from desktop.views.dialog_parts import error_label, show_error

log = logging.getLogger(__name__)


class IncidentForm(QDialog):
    """New incident, or an edit of ``detail`` (an :class:`IncidentDetail`)."""

    def __init__(self, db: Database, login: LoginResult, lookups, *, rules=None, detail=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.login = login
        self.lookups = lookups
        self.rules = rules
        self.detail = detail
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
                                self.detail.version, self.values(), rules=self.rules)
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
        except StationDeskError as exc:
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
