"""人员与账号: the administrator's list of staff with their roles, unit and lock state, and the
dialogs to add, edit, reset a password, unlock, deactivate and reactivate (issue 10 point 1).

The services (desktop.services.accounts) enforce the permission and the rules (last active
administrator, optimistic locking); this tab only shows their Chinese refusal. A dialog whose save
is refused stays open with everything typed, so nothing has to be entered twice.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.db.database import Database
from desktop.errors import StationDeskError
from desktop.services import accounts
from desktop.services.accounts import LoginResult, StaffRow
from desktop.services.permissions import ROLES, allowed
from desktop.views.dialog_parts import error_label, exec_dialog, show_error

ID_ROLE = Qt.ItemDataRole.UserRole


def role_titles(_widget: QWidget | None = None) -> dict[str, str]:
    # One fixed context, so lupdate and the run-time lookup agree whichever widget asks.
    translate = QCoreApplication.translate
    return {
        "admin": translate("StaffRoles", "Administrator"),
        "chief": translate("StaffRoles", "Command-room chief"),
        "duty": translate("StaffRoles", "Duty officer"),
        "officer": translate("StaffRoles", "Police officer"),
        "mediator": translate("StaffRoles", "Mediator"),
        "viewer": translate("StaffRoles", "Read-only"),
    }


def _message(exc: StationDeskError) -> str:
    return str(exc)  # the Chinese message with its hint


class StaffDialog(QDialog):
    """Add a staff member (``row`` None) or edit one. ``save()`` is what OK does."""

    def __init__(self, db: Database, login: LoginResult, units: list[accounts.UnitChoice],
                 row: StaffRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.login, self.row = db, login, row
        self.saved_id: int | None = None
        self.setObjectName("staffDialog")
        self.setWindowTitle(self.tr("New staff member") if row is None else self.tr("Edit staff member"))
        self.number_edit = QLineEdit(self)
        self.number_edit.setMaxLength(32)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(50)
        self.unit_combo = QComboBox(self)
        self.unit_combo.addItem(self.tr("(none)"), None)
        for unit in units:
            self.unit_combo.addItem(unit.name, unit.id)
        titles = role_titles(self)
        self.role_boxes: dict[str, QCheckBox] = {}
        roles_row = QHBoxLayout()
        for role in ROLES:
            box = QCheckBox(titles[role], self)
            self.role_boxes[role] = box
            roles_row.addWidget(box)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.active_box = QCheckBox(self.tr("Active (may log in)"), self)
        form = QFormLayout()
        form.addRow(self.tr("Staff number"), self.number_edit)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Unit"), self.unit_combo)
        form.addRow(self.tr("Roles"), roles_row)
        if row is None:
            form.addRow(self.tr("Initial password"), self.password_edit)
        else:
            self.password_edit.hide()
            form.addRow("", self.active_box)
            self.number_edit.setText(row.number)
            self.number_edit.setReadOnly(True)  # the number is the log-in name and the audit key
            self.name_edit.setText(row.name)
            index = self.unit_combo.findData(row.unit_id)
            self.unit_combo.setCurrentIndex(max(index, 0))
            for role in row.roles:
                if role in self.role_boxes:
                    self.role_boxes[role].setChecked(True)
            self.active_box.setChecked(row.active)
        self.error = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def chosen_roles(self) -> list[str]:
        return [role for role, box in self.role_boxes.items() if box.isChecked()]

    def save(self) -> bool:
        """Save through the service; on refusal show why and keep the dialog (and the input)."""
        try:
            if self.row is None:
                self.saved_id = accounts.create_staff(
                    self.db, self.login, number=self.number_edit.text(), name=self.name_edit.text(),
                    unit_id=self.unit_combo.currentData(), roles=self.chosen_roles(),
                    password=self.password_edit.text())
            else:
                accounts.update_staff(self.db, self.login, self.row.id, self.row.version,
                                      name=self.name_edit.text(), unit_id=self.unit_combo.currentData(),
                                      roles=self.chosen_roles(), active=self.active_box.isChecked())
                self.saved_id = self.row.id
        except StationDeskError as exc:
            show_error(self.error, _message(exc))
            return False
        self.accept()
        return True


class PasswordDialog(QDialog):
    """Set a temporary password; the person must change it at the next log-in."""

    def __init__(self, db: Database, login: LoginResult, row: StaffRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.login, self.row = db, login, row
        self.setObjectName("passwordDialog")
        self.setWindowTitle(self.tr("Reset password"))
        note = QLabel(self.tr("Temporary password for {name} ({number}). They must change it at the next log-in; "
                              "a lock-out is lifted too.").format(name=row.name, number=row.number), self)
        note.setWordWrap(True)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Temporary password"), self.password_edit)
        form.addRow(self.tr("Repeat it"), self.confirm_edit)
        self.error = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> bool:
        if self.password_edit.text() != self.confirm_edit.text():
            show_error(self.error, self.tr("The two passwords differ."))
            return False
        try:
            accounts.reset_password(self.db, self.login, self.row.id, self.row.version, self.password_edit.text())
        except StationDeskError as exc:
            show_error(self.error, _message(exc))
            return False
        self.accept()
        return True


class ChangePasswordDialog(QDialog):
    """The user's own password change, required at log-in after a reset (``must_change_password``).

    The start-up sequence shows it when ``LoginResult.must_change_password`` is set; cancelling it
    means not logging in."""

    def __init__(self, db: Database, login: LoginResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.login = db, login
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change password"))
        note = QLabel(self.tr("Your password was set by an administrator. Choose a new one to continue."), self)
        note.setWordWrap(True)
        self.old_edit, self.new_edit, self.confirm_edit = (QLineEdit(self) for _ in range(3))
        for edit in (self.old_edit, self.new_edit, self.confirm_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.old_edit)
        form.addRow(self.tr("New password"), self.new_edit)
        form.addRow(self.tr("Repeat it"), self.confirm_edit)
        self.error = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> bool:
        if self.new_edit.text() != self.confirm_edit.text():
            show_error(self.error, self.tr("The two passwords differ."))
            return False
        try:
            accounts.change_password(self.db, self.login, self.old_edit.text(), self.new_edit.text())
        except StationDeskError as exc:
            show_error(self.error, _message(exc))
            return False
        self.accept()
        return True


class StaffAdminPanel(QWidget):
    """The 人员与账号 tab."""

    changed = Signal()  # after any saved change

    COLUMNS = ("number", "name", "unit", "roles", "state", "locked", "last_login")

    def __init__(self, db: Database, login: LoginResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.login = db, login
        self.setObjectName("staffAdminPanel")
        self.rows: list[StaffRow] = []
        self.may_manage = allowed(login, "staff.manage")
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("staffTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Number"), self.tr("Name"), self.tr("Unit"), self.tr("Roles"), self.tr("State"),
            self.tr("Locked until"), self.tr("Last log-in")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_selected())

        self.new_button = QPushButton(self.tr("New…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.reset_button = QPushButton(self.tr("Reset password…"), self)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.active_button = QPushButton(self.tr("Deactivate"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.new_button.clicked.connect(self.new_staff)
        self.edit_button.clicked.connect(self.edit_selected)
        self.reset_button.clicked.connect(self.reset_selected)
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.active_button.clicked.connect(self.toggle_active_selected)
        self.refresh_button.clicked.connect(self.refresh)
        bar = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.reset_button, self.unlock_button,
                       self.active_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        self.message = error_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.refresh()

    # ------------------------------------------------------------------ list

    def refresh(self) -> None:
        """Reload the list, keeping the selected person selected."""
        keep = self.selected_row()
        if not self.may_manage:
            self.rows = []
            self._fill()
            return
        try:
            self.rows = accounts.list_staff(self.db, self.login)
        except StationDeskError as exc:
            self.show_message(_message(exc))
            return
        self._fill()
        if keep is not None:
            self.select_staff(keep.id)
        self._update_buttons()

    def _fill(self) -> None:
        titles = role_titles(self)
        now = datetime.now()
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            locked = row.locked(now)
            cells = (
                row.number, row.name, row.unit_name, "、".join(titles.get(x, x) for x in row.roles),
                self.tr("Active") if row.active else self.tr("Deactivated"),
                f"{row.locked_until:%Y-%m-%d %H:%M}" if locked else "",
                f"{row.last_login_at:%Y-%m-%d %H:%M}" if row.last_login_at else "",
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, row.id)
                if locked or not row.active:
                    item.setForeground(Qt.GlobalColor.darkRed if locked else Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
        self._update_buttons()

    def selected_row(self) -> StaffRow | None:
        indexes = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not indexes:
            return None
        r = indexes[0].row()
        return self.rows[r] if 0 <= r < len(self.rows) else None

    def select_staff(self, staff_id: int) -> bool:
        for r, row in enumerate(self.rows):
            if row.id == staff_id:
                self.table.selectRow(r)
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.new_button.setEnabled(self.may_manage)
        for button in (self.edit_button, self.reset_button, self.active_button):
            button.setEnabled(self.may_manage and row is not None)
        self.unlock_button.setEnabled(self.may_manage and row is not None and row.locked())
        self.active_button.setText(self.tr("Activate") if row is not None and not row.active
                                   else self.tr("Deactivate"))

    def show_message(self, text: str) -> None:
        show_error(self.message, text)

    # ------------------------------------------------------------------ actions

    def _after_change(self, staff_id: int | None = None) -> None:
        self.message.hide()
        self.refresh()
        if staff_id is not None:
            self.select_staff(staff_id)
        self.changed.emit()

    def new_staff(self) -> None:
        try:
            units = accounts.list_units(self.db, self.login)
        except StationDeskError as exc:
            self.show_message(_message(exc))
            return
        dialog = StaffDialog(self.db, self.login, units, parent=self)
        if exec_dialog(dialog):
            self._after_change(dialog.saved_id)

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        try:
            units = accounts.list_units(self.db, self.login)
        except StationDeskError as exc:
            self.show_message(_message(exc))
            return
        dialog = StaffDialog(self.db, self.login, units, row, parent=self)
        if exec_dialog(dialog):
            self._after_change(row.id)

    def reset_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if exec_dialog(PasswordDialog(self.db, self.login, row, parent=self)):
            self._after_change(row.id)

    def unlock_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        try:
            accounts.unlock(self.db, self.login, row.id)
        except StationDeskError as exc:
            self.show_message(_message(exc))
            return
        self._after_change(row.id)

    def toggle_active_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        try:
            accounts.set_active(self.db, self.login, row.id, row.version, not row.active)
        except StationDeskError as exc:
            self.show_message(_message(exc))
            return
        self._after_change(row.id)


__all__ = ["ChangePasswordDialog", "PasswordDialog", "StaffAdminPanel", "StaffDialog", "role_titles"]
