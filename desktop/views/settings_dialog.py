"""The settings: database (local file or server, with "test connection"), station, duty day,
idle lock, work-order deadlines and repeat-call rules.

:class:`SettingsForm` is the form itself (also shown on the main window's 设置 page);
:class:`SettingsDialog` wraps it with OK/Cancel, and at start-up shows why the database failed.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import settings as registry
from desktop.errors import Cancelled, StationDeskError, ValidationError
from desktop.views.settings_store import SettingsStore

log = logging.getLogger(__name__)

_ERROR_STYLE = "color: #c62828;"
_OK_STYLE = "color: #2e7d32;"


def check_connection(url: str, progress=None, cancel=None) -> tuple[str, str | None]:
    """Open ``url`` and read its schema state: ``(state, current revision)``. Runs on a worker
    thread; raises :class:`StationDeskError` with a Chinese message when the database is unusable."""
    from desktop.db import open_database
    from desktop.db.database import sqlite_file
    from desktop.db.migrate import schema_status
    from desktop.db.urls import parse_url

    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_file(parsed)
        if path is not None and not path.exists():
            # Do not create a file just to test it; say whether it can be created at start-up.
            open_database(parsed, create=True, check=False).dispose()
            return "missing", None
    db = open_database(parsed, create=False)
    try:
        status = schema_status(db)
    finally:
        db.dispose()
    return str(status.state), status.current


class SettingsForm(QWidget):
    """Every setting as a field, with validation messages beside the fields.

    ``saved(Settings)`` is emitted after :meth:`save` stored the values.
    """

    saved = Signal(object)

    def __init__(self, store: SettingsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._keyring_ok = store.keyring_available()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self._database_group())
        # Three columns under the database so the whole form fits a 1366×768 screen unscrolled.
        columns = QHBoxLayout()
        columns.setSpacing(12)
        for group, stretch in ((self._station_group(), 4), (self._deadline_group(), 3), (self._repeat_group(), 4)):
            group.setSizePolicy(group.sizePolicy().horizontalPolicy(), group.sizePolicy().Policy.Maximum)
            columns.addWidget(group, stretch, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(columns)
        layout.addWidget(self._case_group())
        layout.addStretch(1)
        self.load(store.values())

    # ------------------------------------------------------------------ building

    def _error_label(self, key: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"error:{key}")
        label.setStyleSheet(_ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        self._errors[key] = label
        return label

    def _add_row(self, form: QFormLayout, label: str, key: str, widget: QWidget) -> None:
        self._fields[key] = widget
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(self._error_label(key))
        form.addRow(label, holder)

    def _spin(self, key: str, suffix: str) -> QSpinBox:
        opt = registry.option(key)
        spin = QSpinBox(self)
        spin.setObjectName(key)
        spin.setRange(opt.minimum, opt.maximum)
        spin.setSuffix(suffix)
        spin.setMinimumWidth(110)
        return spin

    def _line(self, key: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(key)
        edit.setPlaceholderText(placeholder)
        return edit

    @staticmethod
    def _form() -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return form

    def _database_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Database"), self)
        outer = QVBoxLayout(group)

        self.local_radio = QRadioButton(self.tr("Local file (this desk only)"), group)
        self.server_radio = QRadioButton(self.tr("Server (shared by several desks)"), group)
        self._kind_group = QButtonGroup(group)
        self._kind_group.addButton(self.local_radio)
        self._kind_group.addButton(self.server_radio)
        kinds = QHBoxLayout()
        kinds.addWidget(self.local_radio)
        kinds.addWidget(self.server_radio)
        kinds.addStretch(1)
        outer.addLayout(kinds)

        # Two pages shown one at a time (not a QStackedWidget: that would keep the taller server
        # page's height for the short local one and push the dialog into a scroll bar).
        local = self.local_page = QWidget(group)
        local_form = self._form()
        local_form.setContentsMargins(0, 0, 0, 0)
        self.path_edit = self._line("database/path", self.tr("Empty: the default file in the user data folder"))
        self.browse_button = QPushButton(self.tr("Browse…"), local)
        self.browse_button.clicked.connect(self._browse)
        path_row = QWidget(local)
        path_box = QHBoxLayout(path_row)
        path_box.setContentsMargins(0, 0, 0, 0)
        path_box.addWidget(self.path_edit, 1)
        path_box.addWidget(self.browse_button)
        self._add_row(local_form, self.tr("Database file:"), "database/path", path_row)
        self._fields["database/path"] = self.path_edit
        local.setLayout(local_form)

        server = self.server_page = QWidget(group)
        grid = QGridLayout(server)
        grid.setContentsMargins(0, 0, 0, 0)
        self.server_type_combo = QComboBox(server)
        self.server_type_combo.setObjectName("database/server_type")
        self.server_type_combo.addItem("PostgreSQL", "postgresql")
        self.server_type_combo.addItem("MySQL / MariaDB", "mysql")
        self.server_type_combo.currentIndexChanged.connect(self._server_type_changed)
        self.host_edit = self._line("database/host", self.tr("e.g. 10.0.0.5"))
        self.port_spin = self._spin("database/port", "")
        self.database_edit = self._line("database/name")
        self.user_edit = self._line("database/user")
        self.password_edit = QLineEdit(server)
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        left, right = self._form(), self._form()
        for form, label, key, widget in (
            (left, self.tr("Type:"), "database/server_type", self.server_type_combo),
            (left, self.tr("Host:"), "database/host", self.host_edit),
            (left, self.tr("Port:"), "database/port", self.port_spin),
            (right, self.tr("Database:"), "database/name", self.database_edit),
            (right, self.tr("User:"), "database/user", self.user_edit),
        ):
            self._add_row(form, label, key, widget)
        right.addRow(self.tr("Password:"), self.password_edit)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.keyring_label = QLabel(server)
        self.keyring_label.setObjectName("keyringLabel")
        self.keyring_label.setWordWrap(True)
        if self._keyring_ok:
            self.keyring_label.setText(self.tr("The password is kept in the system credential store."))
        else:
            self.keyring_label.setText(
                self.tr(
                    "The system credential store is unavailable: the password will not be saved "
                    "and must be entered again at every start."
                )
            )
            self.keyring_label.setStyleSheet(_ERROR_STYLE)
        grid.addWidget(self.keyring_label, 1, 0, 1, 2)
        outer.addWidget(local)
        outer.addWidget(server)
        self.local_radio.toggled.connect(self._kind_changed)

        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"), group)
        self.test_button.setObjectName("testButton")
        self.test_button.clicked.connect(self.test_connection)
        self.test_result_label = QLabel(group)
        self.test_result_label.setObjectName("testResultLabel")
        self.test_result_label.setWordWrap(True)
        self.test_result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.test_result_label, 1)
        outer.addLayout(test_row)
        return group

    def _station_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Station and duty"), self)
        form = self._form()
        self._add_row(form, self.tr("Station code:"), "station/code", self._line("station/code"))
        self._add_row(form, self.tr("Station name:"), "station/name", self._line("station/name"))
        self.language_combo = QComboBox(self)
        self.language_combo.addItem("简体中文", "zh_CN")
        self.language_combo.addItem("English", "en")
        self._add_row(form, self.tr("Language:"), "ui/language", self.language_combo)
        self._add_row(form, self.tr("Duty day starts at:"), "duty/cutover_hour",
                      self._spin("duty/cutover_hour", self.tr(" o'clock")))
        self._add_row(form, self.tr("Lock the desk after:"), "security/idle_lock_minutes",
                      self._spin("security/idle_lock_minutes", self.tr(" min idle")))
        group.setLayout(form)
        return group

    def _deadline_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Work-order default deadlines"), self)
        form = self._form()
        hours = self.tr(" h")
        for label, key in (
            (self.tr("Urgent:"), "work_orders/deadline_urgent_hours"),
            (self.tr("High:"), "work_orders/deadline_high_hours"),
            (self.tr("Normal:"), "work_orders/deadline_normal_hours"),
            (self.tr("Long-term:"), "work_orders/deadline_long_term_hours"),
        ):
            self._add_row(form, label, key, self._spin(key, hours))
        group.setLayout(form)
        return group

    def _repeat_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Repeat-call rules"), self)
        form = self._form()
        times, hours, minutes, callers = self.tr(" calls"), self.tr(" h"), self.tr(" min"), self.tr(" callers")
        for label, key, suffix in (
            (self.tr("Same caller, at least:"), "repeat/same_caller_count", times),
            (self.tr("within:"), "repeat/same_caller_hours", hours),
            (self.tr("Same place, at least:"), "repeat/same_place_count", times),
            (self.tr("within:"), "repeat/same_place_hours", hours),
            (self.tr("Same event, at least:"), "repeat/same_event_callers", callers),
            (self.tr("within:"), "repeat/same_event_minutes", minutes),
        ):
            self._add_row(form, label, key, self._spin(key, suffix))
        group.setLayout(form)
        return group

    def _case_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Case deadlines (legal clocks)"), self)
        form = self._form()
        days = self.tr(" days")
        self._add_row(form, self.tr("Administrative cases:"), "cases/admin_limit_days",
                      self._spin("cases/admin_limit_days", days))
        self._add_row(form, self.tr("Extension when approved:"), "cases/admin_extension_days",
                      self._spin("cases/admin_extension_days", days))
        self._add_row(form, self.tr("Warn from day:"), "cases/warn_days", self._spin("cases/warn_days", days))
        self._add_row(form, self.tr("Legal basis:"), "cases/admin_article", self._line("cases/admin_article"))
        self._add_row(form, self.tr("Criminal-case stages (stage:days;…):"), "cases/criminal_stage_days",
                      self._line("cases/criminal_stage_days"))
        self._add_row(form, self.tr("Dispute follow-ups (days after the agreement):"), "disputes/follow_up_days",
                      self._line("disputes/follow_up_days"))
        group.setLayout(form)
        return group

    # ------------------------------------------------------------------ values

    def load(self, values: dict[str, Any]) -> None:
        for key, widget in self._fields.items():
            value = values.get(key, registry.option(key).default)
            if isinstance(widget, QSpinBox):
                widget.setValue(int(value))
            elif isinstance(widget, QComboBox):
                index = widget.findData(value)
                widget.setCurrentIndex(max(index, 0))
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value))
        server = values.get("database/kind") == registry.DB_SERVER
        self.server_radio.setChecked(server)
        self.local_radio.setChecked(not server)
        self._kind_changed(not server)
        self.password_edit.setText((self._store.password(values) or "") if server else "")

    def values(self) -> dict[str, Any]:
        """The fields as raw registry values (not yet validated)."""
        values: dict[str, Any] = {"database/kind": registry.DB_SERVER if self.server_radio.isChecked()
                                  else registry.DB_LOCAL}
        for key, widget in self._fields.items():
            if isinstance(widget, QSpinBox):
                values[key] = widget.value()
            elif isinstance(widget, QComboBox):
                values[key] = widget.currentData()
            elif isinstance(widget, QLineEdit):
                values[key] = widget.text()
        return values

    def db_url(self) -> str:
        """The URL the fields describe, with the typed password."""
        return registry.build_db_url(self.values(), self.password_edit.text())

    def show_errors(self, fields: dict[str, str]) -> None:
        for key, label in self._errors.items():
            label.setText(fields.get(key, ""))
            label.setVisible(key in fields)
        first = next((self._fields[k] for k in fields if k in self._fields), None)
        if first is not None:
            first.setFocus()

    def save(self) -> registry.Settings | None:
        """Validate, store (password to the credential store) and emit ``saved``; None when a field
        is wrong (its message is shown next to it)."""
        values = self.values()
        try:
            clean = self._store.save(values)
        except ValidationError as exc:
            self.show_errors(exc.fields)
            return None
        self.show_errors({})
        if clean["database/kind"] == registry.DB_SERVER:
            self._store.set_password(clean, self.password_edit.text())
        snapshot = registry.Settings.from_values(clean)
        self.saved.emit(snapshot)
        return snapshot

    # ------------------------------------------------------------------ actions

    def _kind_changed(self, local: bool) -> None:
        self.local_page.setVisible(local)
        self.server_page.setVisible(not local)

    def _server_type_changed(self, _index: int) -> None:
        kind = self.server_type_combo.currentData()
        if self.port_spin.value() in registry.DEFAULT_PORTS.values():
            self.port_spin.setValue(registry.DEFAULT_PORTS.get(kind, self.port_spin.value()))

    def _browse(self) -> None:
        start = self.path_edit.text() or str(Path.home())
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Choose the database file"),
            start,
            self.tr("StationDesk database (*.db *.sqlite);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.path_edit.setText(path)

    def test_connection(self) -> bool:
        """Open the database the fields describe on a worker thread and show the outcome inline."""
        from desktop.views.job_runner import run_job

        values = self.values()
        fields = {}
        try:
            registry.validate_all(values)
        except ValidationError as exc:
            fields = {k: v for k, v in exc.fields.items() if k.startswith("database/")}
        self.show_errors(fields)
        if fields:
            self._show_result(False, next(iter(fields.values())))
            return False
        url = self.db_url()
        self.test_button.setEnabled(False)
        self._show_result(None, self.tr("Connecting…"))
        try:
            state, current = run_job(
                self,
                lambda progress, cancel: check_connection(url),
                title=self.tr("Test connection"),
                label=self.tr("Connecting to the database…"),
            )
        except Cancelled:
            self._show_result(None, "")
            return False
        except StationDeskError as exc:
            self._show_result(False, str(exc))
            return False
        except Exception as exc:  # a driver error we did not foresee: shown, not a crash
            log.exception("connection test failed")
            self._show_result(False, self.tr("Connection failed: {error}").format(error=exc))
            return False
        finally:
            self.test_button.setEnabled(True)
        messages = {
            "current": (True, self.tr("Connection OK. The database is up to date.")),
            "empty": (True, self.tr("Connection OK. The database is empty and will be set up at start.")),
            "missing": (True, self.tr("The file does not exist yet; it will be created at start.")),
            "behind": (True, self.tr("Connection OK, but the database must be upgraded (version {version}).")),
            "newer": (False, self.tr("This database was made by a newer StationDesk (version {version}).")),
            "foreign": (False, self.tr("This database holds other tables; it is not a StationDesk database.")),
        }
        ok, text = messages.get(state, (True, self.tr("Connection OK.")))
        self._show_result(ok, text.format(version=current or ""))
        return ok

    def _show_result(self, ok: bool | None, text: str) -> None:
        self.test_result_label.setText(text)
        self.test_result_label.setStyleSheet("" if ok is None else (_OK_STYLE if ok else _ERROR_STYLE))


class SettingsDialog(QDialog):
    """The settings form with OK/Cancel. With ``reason`` (start-up could not open the database) the
    reason is shown at the top and the buttons read "Save and retry" / "Quit"."""

    def __init__(self, store: SettingsStore, parent: QWidget | None = None, *, reason: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("StationDesk — Settings"))
        self.setModal(True)
        self.settings_result: registry.Settings | None = None

        self.reason_label = QLabel(self)
        self.reason_label.setObjectName("reasonLabel")
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason_label.setStyleSheet(
            "color: #b71c1c; background: #ffebee; border: 1px solid #ef9a9a; padding: 8px;"
        )
        if reason:
            self.reason_label.setText(
                self.tr("StationDesk cannot open the database:\n{reason}\nCorrect the settings and retry, or quit.")
                .format(reason=reason)
            )
        else:
            self.reason_label.hide()

        self.form = SettingsForm(store, self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)

        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("Save and retry") if reason else self.tr("OK"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Quit") if reason else self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.reason_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(1000, 690 if reason else 600)

    def _save(self) -> None:
        result = self.form.save()
        if result is not None:
            self.settings_result = result
            self.accept()
