"""The 今日晨会 screen: compile a briefing of one period (晨会/周分析/月会商), read its figures, write the
analysis and the directives, issue and sign (one work order per directive target), addenda after
sign-off, the minutes as PDF, and the history of briefings.

Everything goes through desktop/services/briefings.py; the compiled figures are a frozen dict the
service stores, so this screen only renders it. A refusal shows the service's Chinese message.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.db.database import Database
from desktop.errors import StationDeskError
from desktop.services.accounts import LoginResult
from desktop.views.dialog_parts import exec_dialog

log = logging.getLogger(__name__)

KINDS = ("daily", "weekly", "monthly")
PRIORITIES = ("urgent", "high", "normal", "long_term")


def field(obj: Any, name: str, default: Any = None) -> Any:
    """``obj.name`` or ``obj[name]``: the view is a dataclass, the compiled figures are a JSON dict."""
    if obj is None:
        return default
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _change(current: Any, base: Any) -> float | None:
    """同比/环比 of one row (the service's rule: no figure against a zero base)."""
    from desktop.services.briefings import change_pct

    if not isinstance(current, int) or not isinstance(base, int):
        return None
    return change_pct(current, base)


def percent_text(value: Any) -> str:
    """A change in percent with one decimal; "—" where the base was 0 (the service gives None)."""
    if value is None:
        return "—"
    try:
        return f"{float(value):+.1f}%"
    except (TypeError, ValueError):
        return str(value)


def problem_text(exc: BaseException) -> str:
    if isinstance(exc, StationDeskError):
        return f"{exc.message}\n{exc.hint}" if exc.hint else exc.message
    return str(exc)


class BriefingTexts(QObject):
    """Display names of stored briefing values, through tr()."""

    def kind(self, value: str | None) -> str:
        names = {"daily": self.tr("Daily briefing"), "weekly": self.tr("Weekly analysis"),
                 "monthly": self.tr("Monthly review")}
        return names.get(str(value), str(value or ""))

    def status(self, value: str | None) -> str:
        names = {"draft": self.tr("Draft"), "signed": self.tr("Signed")}
        return names.get(str(value), str(value or ""))

    def priority(self, value: str | None) -> str:
        names = {"urgent": self.tr("Urgent"), "high": self.tr("High"), "normal": self.tr("Normal"),
                 "long_term": self.tr("Long term")}
        return names.get(str(value), str(value or ""))


class DirectiveDialog(QDialog):
    """A directive: text, one or more units each with a person, priority and deadline."""

    def __init__(self, lookups: Any, texts: BriefingTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add directive"))
        self.lookups = lookups
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlaceholderText(self.tr("What is to be done"))
        self.targets = QTableWidget(0, 2, self)
        self.targets.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Person")])
        self.targets.horizontalHeader().setStretchLastSection(True)
        self.add_row_button = QPushButton(self.tr("Add unit"), self)
        self.add_row_button.clicked.connect(lambda: self.add_target())
        self.remove_row_button = QPushButton(self.tr("Remove unit"), self)
        self.remove_row_button.clicked.connect(self.remove_target)
        self.priority_combo = QComboBox(self)
        for key in PRIORITIES:
            self.priority_combo.addItem(texts.priority(key), key)
        self.priority_combo.setCurrentIndex(PRIORITIES.index("normal"))
        self.deadline_edit = QDateTimeEdit(self)
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.deadline_edit.setDateTime(QDateTime.currentDateTime().addDays(1))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.add_row_button)
        row_buttons.addWidget(self.remove_row_button)
        row_buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Directive"), self.text_edit)
        form.addRow(self.tr("Units"), self.targets)
        form.addRow("", row_buttons)
        form.addRow(self.tr("Priority"), self.priority_combo)
        form.addRow(self.tr("Deadline"), self.deadline_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.add_target()

    def add_target(self, unit_id: int | None = None, assignee_id: int | None = None) -> int:
        row = self.targets.rowCount()
        self.targets.insertRow(row)
        unit_combo = QComboBox(self.targets)
        unit_combo.addItem(self.tr("(choose a unit)"), None)
        for unit in self.lookups.units:
            unit_combo.addItem(unit.name, unit.id)
        person_combo = QComboBox(self.targets)
        unit_combo.currentIndexChanged.connect(lambda _i, u=unit_combo, p=person_combo: self._fill_people(u, p))
        self.targets.setCellWidget(row, 0, unit_combo)
        self.targets.setCellWidget(row, 1, person_combo)
        if unit_id is not None:
            unit_combo.setCurrentIndex(max(0, unit_combo.findData(unit_id)))
        self._fill_people(unit_combo, person_combo)
        if assignee_id is not None:
            person_combo.setCurrentIndex(max(0, person_combo.findData(assignee_id)))
        return row

    def _fill_people(self, unit_combo: QComboBox, person_combo: QComboBox) -> None:
        unit_id = unit_combo.currentData()
        person_combo.clear()
        person_combo.addItem(self.tr("(anyone)"), None)
        for person in self.lookups.officers:
            if unit_id is None or person.parent_id == unit_id:
                person_combo.addItem(person.name, person.id)

    def remove_target(self) -> None:
        row = self.targets.currentRow()
        if row < 0:
            row = self.targets.rowCount() - 1
        if row >= 0:
            self.targets.removeRow(row)

    def set_target(self, row: int, unit_id: int, assignee_id: int | None) -> None:
        unit_combo = self.targets.cellWidget(row, 0)
        unit_combo.setCurrentIndex(max(0, unit_combo.findData(unit_id)))
        person_combo = self.targets.cellWidget(row, 1)
        person_combo.setCurrentIndex(max(0, person_combo.findData(assignee_id)))

    def values(self) -> dict[str, Any]:
        targets = []
        for row in range(self.targets.rowCount()):
            unit_id = self.targets.cellWidget(row, 0).currentData()
            if unit_id is not None:
                targets.append((unit_id, self.targets.cellWidget(row, 1).currentData()))
        return {
            "text": self.text_edit.toPlainText().strip(),
            "targets": targets,
            "priority": self.priority_combo.currentData(),
            "deadline": self.deadline_edit.dateTime().toPython().replace(second=0, microsecond=0),
        }

    def _check(self) -> None:
        values = self.values()
        if not values["text"]:
            self.error.setText(self.tr("Write the directive."))
        elif not values["targets"]:
            self.error.setText(self.tr("Choose at least one unit."))
        else:
            self.accept()
            return
        self.error.show()


class BriefingScreen(QWidget):
    """Tabs: the briefing (top bar, figures, analysis and directives) and the history."""

    open_record = Signal(str, int)  # record kind ("incident", "case", …), id
    changed = Signal()  # work orders were issued or the briefing changed

    def __init__(self, db: Database, login: LoginResult, *, settings: QSettings, store: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefingScreen")
        self.db = db
        self.login = login
        self.settings = settings
        self.store = store
        self.texts = BriefingTexts(self)
        self.briefing_id: int | None = None
        self.view: Any = None
        self._lookups: Any = None
        self.chart: Any = None

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_briefing_page(), self.tr("Briefing"))
        self.tabs.addTab(self._build_history_page(), self.tr("History"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.tabs)
        self._show_view(None)
        self.refresh_history()
        # This morning's briefing, if compiled already, right after the window has painted.
        QTimer.singleShot(0, self, self.open_existing)  # cancelled with the screen if it goes first

    # ------------------------------------------------------------------ building

    def _build_briefing_page(self) -> QWidget:
        page = QWidget(self)
        self.kind_combo = QComboBox(page)
        for key in KINDS:
            self.kind_combo.addItem(self.texts.kind(key), key)
        self.date_edit = QDateEdit(page)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(QDate(self.default_day()))
        self.compile_button = QPushButton(self.tr("Compile"), page)
        self.compile_button.clicked.connect(lambda: self.compile())
        self.status_label = QLabel(page)
        self.status_label.setObjectName("briefingStatus")
        self.period_label = QLabel(page)
        self.kind_combo.currentIndexChanged.connect(self._on_period_changed)
        self.date_edit.dateChanged.connect(self._on_period_changed)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Kind"), page))
        top.addWidget(self.kind_combo)
        top.addWidget(QLabel(self.tr("Day"), page))
        top.addWidget(self.date_edit)
        top.addWidget(self.compile_button)
        top.addWidget(self.period_label, 1)
        top.addWidget(self.status_label)

        # The figures, in a scroll area rebuilt on every compile.
        self.figures = QWidget()
        self.figures_layout = QVBoxLayout(self.figures)
        self.scroll = QScrollArea(page)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.figures)

        side = QWidget(page)
        self.analysis_edit = QPlainTextEdit(side)
        self.analysis_edit.setPlaceholderText(self.tr("Analysis (研判意见)"))
        self.attendees_edit = QLineEdit(side)
        self.attendees_edit.setPlaceholderText(self.tr("Attendees"))
        self.save_button = QPushButton(self.tr("Save draft"), side)
        self.save_button.clicked.connect(lambda: self.save_draft())
        self.directive_list = QListWidget(side)
        self.directive_list.setObjectName("directiveList")
        self.add_directive_button = QPushButton(self.tr("Add directive…"), side)
        self.add_directive_button.clicked.connect(lambda: self.add_directive())
        self.remove_directive_button = QPushButton(self.tr("Remove directive"), side)
        self.remove_directive_button.clicked.connect(lambda: self.remove_directive())
        self.sign_button = QPushButton(self.tr("Issue and sign"), side)
        self.sign_button.clicked.connect(lambda: self.issue_and_sign())
        self.addendum_button = QPushButton(self.tr("Addendum…"), side)
        self.addendum_button.clicked.connect(lambda: self.add_addendum())
        self.print_button = QPushButton(self.tr("Print minutes"), side)
        self.print_button.clicked.connect(lambda: self.print_minutes())
        self.addenda_label = QLabel(side)
        self.addenda_label.setObjectName("addenda")
        self.addenda_label.setWordWrap(True)
        directive_buttons = QHBoxLayout()
        directive_buttons.addWidget(self.add_directive_button)
        directive_buttons.addWidget(self.remove_directive_button)
        final_buttons = QHBoxLayout()
        for button in (self.sign_button, self.addendum_button, self.print_button):
            final_buttons.addWidget(button)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Analysis"), side))
        side_layout.addWidget(self.analysis_edit, 2)
        side_layout.addWidget(self.attendees_edit)
        side_layout.addWidget(self.save_button)
        side_layout.addWidget(QLabel(self.tr("Directives"), side))
        side_layout.addWidget(self.directive_list, 2)
        side_layout.addLayout(directive_buttons)
        side_layout.addWidget(self.addenda_label)
        side_layout.addLayout(final_buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.addWidget(self.scroll)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.scroll.setMinimumWidth(520)
        splitter.setSizes([760, 480])
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        return page

    def _build_history_page(self) -> QWidget:
        page = QWidget(self)
        self.history = QTableWidget(0, 5, page)
        self.history.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Period"), self.tr("Status"),
                                                self.tr("Directives"), self.tr("Open orders")])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.cellDoubleClicked.connect(self._on_history_double_clicked)
        layout = QVBoxLayout(page)
        layout.addWidget(self.history)
        return page

    # ------------------------------------------------------------------ small services

    def cutover_hour(self) -> int:
        if self.store is None:
            return 8
        try:
            return int(self.store.snapshot().cutover_hour)
        except Exception:  # an unreadable settings store: the default cut-over
            log.exception("could not read the cut-over hour")
            return 8

    def default_day(self, now: datetime | None = None) -> date:
        """Today: the service's period of a briefing held on ``day`` is the duty day that ended at that
        day's cut-over (this morning), so today is right even before the cut-over (07:30 preparation)."""
        return (now or datetime.now()).date()

    def lookups(self) -> Any:
        if self._lookups is None:
            from desktop.services.incidents import lookups

            self._lookups = lookups(self.db, self.login.station_id)
        return self._lookups

    def show_problem(self, title: str, exc: BaseException) -> None:
        if isinstance(exc, StationDeskError):
            text = problem_text(exc)
        else:
            log.error("briefing screen: %s", title, exc_info=exc)
            text = self.tr("The database could not be reached; nothing was changed. Try again.")
        QMessageBox.warning(self, title, text)

    def _call(self, title: str, fn: Any, *args: Any, **kwargs: Any) -> tuple[bool, Any]:
        """Run a service call; a refusal or failure is shown, never raised into Qt."""
        try:
            return True, fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - show_problem logs what is not a refusal
            self.show_problem(title, exc)
            return False, None

    @property
    def signed(self) -> bool:
        return field(self.view, "status") == "signed"

    @property
    def version(self) -> int | None:
        return field(self.view, "version")

    # ------------------------------------------------------------------ actions

    def compile(self) -> bool:
        """Open (or create) the briefing of the chosen period; recompile a draft that exists."""
        from desktop.services import briefings

        kind = self.kind_combo.currentData()
        day = self.date_edit.date().toPython()
        title = self.tr("Compile")
        if self.briefing_id is not None and self.view is not None and not self.signed:
            ok, _ = self._call(title, briefings.recompile, self.db, self.login, self.briefing_id, self.version)
        else:
            ok, briefing_id = self._call(title, briefings.open_briefing, self.db, self.login, kind, day,
                                         cutover_hour=self.cutover_hour())
            if ok:
                self.briefing_id = briefing_id
        if ok:
            self.reload()
            self.refresh_history()
        return ok

    def open_existing(self) -> bool:
        """Show the briefing already compiled for the chosen kind and day (this morning's, when the
        screen opens), without compiling anything new."""
        from desktop.services import briefings

        try:
            found = briefings.find_briefing(self.db, self.login.station_id, self.kind_combo.currentData(),
                                            self.date_edit.date().toPython(), cutover_hour=self.cutover_hour())
        except Exception:  # no database now: the screen stays empty, Compile works later
            log.exception("could not look for this morning's briefing")
            return False
        return self.open_briefing(found) if found is not None else False

    def open_briefing(self, briefing_id: int) -> bool:
        self.briefing_id = briefing_id
        ok = self.reload()
        self.tabs.setCurrentIndex(0)
        return ok

    def reload(self) -> bool:
        from desktop.services import briefings

        if self.briefing_id is None:
            self._show_view(None)
            return False
        ok, view = self._call(self.tr("Briefing"), briefings.briefing_view, self.db, self.login.station_id,
                              self.briefing_id)
        if ok:
            self._show_view(view)
        return ok

    def save_draft(self) -> bool:
        from desktop.services import briefings

        if self.briefing_id is None or self.signed:
            return False
        ok, _ = self._call(self.tr("Save draft"), briefings.save_draft, self.db, self.login, self.briefing_id,
                           self.version, analysis=self.analysis_edit.toPlainText(),
                           attendees=self.attendees_edit.text().strip())
        if ok:
            self.reload()
        return ok

    def _save_if_edited(self) -> bool:
        """Keep typed analysis/attendees before another change bumps the version."""
        if self.view is None or self.signed:
            return True
        if (self.analysis_edit.toPlainText() != (field(self.view, "analysis") or "")
                or self.attendees_edit.text().strip() != (field(self.view, "attendees") or "")):
            return self.save_draft()
        return True

    def add_directive(self, dialog: DirectiveDialog | None = None) -> bool:
        from desktop.services import briefings

        if self.briefing_id is None or self.signed or not self._save_if_edited():
            return False
        dialog = dialog or DirectiveDialog(self.lookups(), self.texts, self)
        while exec_dialog(dialog):
            values = dialog.values()
            ok, _ = self._call(self.tr("Add directive"), briefings.add_directive, self.db, self.login,
                               self.briefing_id, **values)
            if ok:
                self.reload()
                return True
        return False

    def remove_directive(self) -> bool:
        from desktop.services import briefings

        item = self.directive_list.currentItem()
        if item is None or self.briefing_id is None or self.signed or not self._save_if_edited():
            return False
        ok, _ = self._call(self.tr("Remove directive"), briefings.remove_directive, self.db, self.login,
                           item.data(Qt.ItemDataRole.UserRole))
        if ok:
            self.reload()
        return ok

    def confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        yes = box.button(QMessageBox.StandardButton.Yes)
        # QMessageBox.exec returns the button, not Accepted: read the clicked button as well.
        return exec_dialog(box) or box.clickedButton() is yes

    def issue_and_sign(self) -> bool:
        from desktop.services import briefings

        if self.briefing_id is None or self.signed or not self._save_if_edited():
            return False
        count = len(field(self.view, "directives", ()) or ())
        if not self.confirm(self.tr("Issue and sign"),
                            self.tr("Sign the briefing and issue its %n directive(s) as work orders? "
                                    "It cannot be edited afterwards.", "", count)):
            return False
        ok, _ = self._call(self.tr("Issue and sign"), briefings.issue_and_sign, self.db, self.login,
                           self.briefing_id, self.version)
        if ok:
            self.reload()
            self.refresh_history()
            self.changed.emit()
        return ok

    def add_addendum(self, text: str | None = None) -> bool:
        from desktop.services import briefings

        if self.briefing_id is None or not self.signed:
            return False
        if text is None:
            dialog = QDialog(self)
            dialog.setWindowTitle(self.tr("Addendum"))
            edit = QPlainTextEdit(dialog)
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                       dialog)
            buttons.accepted.connect(dialog.accept)
            buttons.rejected.connect(dialog.reject)
            layout = QVBoxLayout(dialog)
            layout.addWidget(QLabel(self.tr("Correction or addition to the signed minutes"), dialog))
            layout.addWidget(edit)
            layout.addWidget(buttons)
            dialog.addendum_edit = edit
            if not exec_dialog(dialog):
                return False
            text = edit.toPlainText().strip()
        ok, _ = self._call(self.tr("Addendum"), briefings.add_addendum, self.db, self.login, self.briefing_id, text)
        if ok:
            self.reload()
        return ok

    def print_minutes(self) -> bool:
        if self.view is None:
            return False
        try:
            from desktop.reports.briefing_pdf import write_minutes_pdf
        except ImportError:
            QMessageBox.information(self, self.tr("Print minutes"),
                                    self.tr("Printing the minutes is not available in this version."))
            return False
        from desktop.views.print_preview_dialog import PrintPreviewDialog

        fd, name = tempfile.mkstemp(prefix="stationdesk-briefing-", suffix=".pdf")
        os.close(fd)
        path = Path(name)
        try:
            ok, _ = self._call(self.tr("Print minutes"), write_minutes_pdf, path,
                               station_name=self.login.station_name,
                               view_like=self.view)
            if not ok:
                return False
            dialog = PrintPreviewDialog(path, self, title=self.tr("Briefing minutes"),
                                        suggested_name=f"briefing-{self.briefing_id}.pdf")
            exec_dialog(dialog)
            dialog.deleteLater()
            return True
        finally:
            with contextlib.suppress(OSError):
                path.unlink()

    # ------------------------------------------------------------------ history

    def refresh_history(self) -> None:
        from desktop.services import briefings

        try:
            rows = briefings.list_briefings(self.db, self.login.station_id)
        except Exception:  # the history is secondary: an empty list rather than a box at start-up
            log.exception("could not list the briefings")
            rows = []
        self.history.setRowCount(len(rows))
        for r, row in enumerate(rows):
            start, end = field(row, "period_start"), field(row, "period_end")
            cells = (self.texts.kind(field(row, "kind")), _period_text(start, end),
                     self.texts.status(field(row, "status")), str(field(row, "directives", 0)),
                     f"{field(row, 'open_orders', 0)} / {field(row, 'orders', 0)}")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, field(row, "id"))
                self.history.setItem(r, c, item)

    def _on_history_double_clicked(self, row: int, _column: int) -> None:
        item = self.history.item(row, 0)
        if item is not None:
            self.open_briefing(item.data(Qt.ItemDataRole.UserRole))

    def _on_period_changed(self) -> None:
        # Another period: the next Compile opens (or creates) that period's briefing.
        self.briefing_id = None
        self._show_view(None)

    # ------------------------------------------------------------------ rendering

    def _show_view(self, view: Any) -> None:
        self.view = view
        signed = self.signed
        has = view is not None
        self.compile_button.setText(self.tr("Recompile") if has and not signed else self.tr("Compile"))
        self.compile_button.setEnabled(not signed)
        self.status_label.setText(self.texts.status(field(view, "status")) if has else self.tr("Not compiled"))
        self.period_label.setText(_period_text(field(view, "period_start"), field(view, "period_end")) if has else "")
        self.analysis_edit.setPlainText(field(view, "analysis") or "")
        self.attendees_edit.setText(field(view, "attendees") or "")
        editable = has and not signed
        for widget in (self.analysis_edit, self.attendees_edit):
            widget.setReadOnly(not editable)
        for button in (self.save_button, self.add_directive_button, self.remove_directive_button, self.sign_button):
            button.setEnabled(editable)
        self.addendum_button.setEnabled(has and signed)
        self.print_button.setEnabled(has)
        self._fill_directives(field(view, "directives", ()) or ())
        addenda = field(view, "addenda", ()) or ()
        self.addenda_label.setText("\n".join(
            f"{self.tr('Addendum')} {_short_time(field(a, 'at'))}: {field(a, 'text', '')}" for a in addenda))
        self.addenda_label.setVisible(bool(addenda))
        self._render_figures(field(view, "compiled") or {})

    def _fill_directives(self, directives: Sequence[Any]) -> None:
        self.directive_list.clear()
        units = {u.id: u.name for u in self.lookups().units} if directives else {}
        people = {p.id: p.name for p in self.lookups().officers} if directives else {}
        for n, directive in enumerate(directives, 1):
            targets = field(directive, "targets", ()) or ()
            orders = field(directive, "orders", ()) or ()
            parts = []
            for target in targets:  # (unit_id, unit name, assignee_id, assignee name)
                unit_id, name, assignee_id, person = (tuple(target) + (None,) * 4)[:4]
                name = name or units.get(unit_id, "")
                person = person or people.get(assignee_id)
                parts.append(f"{name}（{person}）" if person else name)
            text = f"{field(directive, 'seq', n)}. {field(directive, 'text', '')}"
            if parts:
                text += " → " + "、".join(parts)
            text += f" [{self.texts.priority(field(directive, 'priority'))}]"
            if orders:
                numbers = "、".join(str(o[1]) for o in orders)  # (id, number, status)
                done = self.tr("done") if field(directive, "done") else self.tr("in progress")
                text += f"\n    {self.tr('Work orders')}: {numbers} — {done}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, field(directive, "id"))
            self.directive_list.addItem(item)

    def _clear_figures(self) -> None:
        while self.figures_layout.count():
            item = self.figures_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # off the screen now; deleteLater frees it with the next event loop turn
                item.widget().deleteLater()
        self.chart = None

    def _heading(self, text: str) -> None:
        label = QLabel(f"<b>{text}</b>", self.figures)
        label.setObjectName("sectionHeading")
        self.figures_layout.addWidget(label)

    def _line(self, text: str) -> QLabel:
        label = QLabel(text, self.figures)
        label.setWordWrap(True)
        self.figures_layout.addWidget(label)
        return label

    def _render_figures(self, compiled: Mapping[str, Any]) -> None:
        self._clear_figures()
        self.figure_labels: dict[str, QLabel] = {}
        self.notable_list: QListWidget | None = None
        if not compiled:
            self._line(self.tr("Choose the kind and day, then Compile."))
            self.figures_layout.addStretch(1)
            return
        self._render_incidents(compiled.get("incidents") or {})
        for key, title in (("repeats", self.tr("Repeat calls")), ("cases", self.tr("Cases")),
                           ("warnings", self.tr("Warnings")), ("disputes", self.tr("Disputes")),
                           ("work_orders", self.tr("Work orders"))):
            self._render_generic(key, title, compiled.get(key))
        self.figures_layout.addStretch(1)

    def _render_incidents(self, section: Mapping[str, Any]) -> None:
        self._heading(self.tr("Incidents"))
        total = section.get("total", 0)
        self.figure_labels["incidents_total"] = self._line(
            self.tr("Total: %1; previous period %2 (%3); same period last year %4 (%5)")
            .replace("%1", str(total)).replace("%2", str(section.get("prev", "—")))
            .replace("%3", percent_text(section.get("change_prev_pct")))
            .replace("%4", str(section.get("last_year", "—")))
            .replace("%5", percent_text(section.get("change_year_pct"))))
        by_hour = section.get("by_hour")
        if by_hour:
            self._hour_chart(by_hour)
        categories = section.get("by_category") or ()
        if categories:
            headers = [self.tr("Category"), self.tr("This period"), self.tr("Previous"), self.tr("Change"),
                       self.tr("Last year"), self.tr("Change vs last year")]
            table = QTableWidget(len(categories), len(headers), self.figures)
            table.setObjectName("categoryTable")
            table.setHorizontalHeaderLabels(headers)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().hide()
            for r, row in enumerate(categories):
                count, prev, last_year = field(row, "count", 0), field(row, "prev", None), field(row, "last_year", None)
                cells = (field(row, "name", field(row, "code", "—")), count, "—" if prev is None else prev,
                         percent_text(_change(count, prev)), "—" if last_year is None else last_year,
                         percent_text(_change(count, last_year)))
                for c, value in enumerate(cells):
                    table.setItem(r, c, QTableWidgetItem(str(value)))
            table.resizeColumnsToContents()
            table.setMinimumHeight(min(300, 34 + 28 * len(categories)))
            self.figures_layout.addWidget(table)
            self.category_table = table
        notable = section.get("notable") or ()
        if notable:
            self._line(self.tr("Notable incidents (double-click to open):"))
            self.notable_list = QListWidget(self.figures)
            self.notable_list.setObjectName("notableList")
            for row in notable:
                text = " ".join(str(part) for part in (field(row, "number", ""), _short_time(field(row, "at")),
                                                        field(row, "category", ""), field(row, "address", ""),
                                                        field(row, "summary", "")) if part)
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, field(row, "id"))
                self.notable_list.addItem(item)
            self.notable_list.itemActivated.connect(self._open_notable)
            self.notable_list.itemDoubleClicked.connect(self._open_notable)
            self.notable_list.setMinimumHeight(min(220, 30 + 24 * len(notable)))
            self.figures_layout.addWidget(self.notable_list)

    def _open_notable(self, item: QListWidgetItem) -> None:
        incident_id = item.data(Qt.ItemDataRole.UserRole)
        if incident_id is not None:
            self.open_record.emit("incident", int(incident_id))

    def _hour_chart(self, by_hour: Sequence[Any]) -> None:
        try:
            import pyqtgraph as pg  # lazy: it costs ~0.2 s to import
        except ImportError:
            self._line(" ".join(f"{h}:{n}" for h, n in enumerate(by_hour)))
            return
        plot = pg.PlotWidget(self.figures)
        plot.setObjectName("hourChart")
        plot.setBackground("w")
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        counts = [float(field(v, "count", v) or 0) for v in by_hour]
        plot.addItem(pg.BarGraphItem(x=list(range(len(counts))), height=counts, width=0.8, brush="#1565c0"))
        plot.setLabel("bottom", self.tr("Hour"))
        plot.setFixedHeight(180)
        self.figures_layout.addWidget(plot)
        self.chart = plot

    def _render_generic(self, key: str, title: str, section: Any) -> None:
        """A section the service shaped as counts and a list of items: counts as a line, items as lines."""
        self._heading(title)
        if not section:
            self.figure_labels[key] = self._line(self.tr("None"))
            return
        if isinstance(section, Mapping):
            counts = [f"{k}: {v}" for k, v in section.items() if isinstance(v, int | float | str) or v is None]
            lists = [(k, v) for k, v in section.items() if isinstance(v, list | tuple)]
        else:
            counts, lists = [], [("items", section)]
        self.figure_labels[key] = self._line("；".join(counts) if counts else "")
        for _name, items in lists:
            for item in items[:50]:  # a briefing reads the first fifty; the lists hold the rest
                if isinstance(item, Mapping):
                    text = " ".join(str(v) for k, v in item.items() if k != "id" and v not in (None, "", [], {}))
                else:
                    text = str(item)
                self._line("• " + text)


def _short_time(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%m-%d %H:%M")
    if isinstance(value, str) and len(value) >= 16:
        return value[5:16].replace("T", " ")
    return "" if value is None else str(value)


def _period_text(start: Any, end: Any) -> str:
    def fmt(value: Any) -> str:
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        return "" if value is None else str(value)[:16].replace("T", " ")

    return f"{fmt(start)} – {fmt(end)}" if start or end else ""


__all__ = ["BriefingScreen", "DirectiveDialog"]
