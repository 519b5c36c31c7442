"""First run on an empty database: create the station and its administrator."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.db.database import Database
from desktop.errors import StationDeskError, ValidationError
from desktop.services import accounts
from desktop.views.dialog_parts import error_label, heading_label, show_error, stack


class FirstAdminDialog(QDialog):
    """Creates the first administrator with :func:`accounts.create_first_admin` and logs them in;
    ``login_result`` holds the result once accepted."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.login_result: accounts.LoginResult | None = None
        self.setWindowTitle(self.tr("StationDesk — First run"))
        self.setModal(True)

        heading = heading_label(self.tr("Create the administrator"), self)
        intro = QLabel(
            self.tr(
                "This database has no accounts yet. Enter the station and the administrator who will "
                "set up the other accounts."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.station_code_edit = QLineEdit(self)
        self.station_code_edit.setMaxLength(16)
        self.station_code_edit.setPlaceholderText(self.tr("Letters or digits, e.g. DS"))
        self.station_name_edit = QLineEdit(self)
        self.station_name_edit.setMaxLength(100)
        self.number_edit = QLineEdit(self)
        self.number_edit.setMaxLength(32)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(50)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("At least 8 characters"))
        self.repeat_edit = QLineEdit(self)
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._fields = {
            "station_code": self.station_code_edit,
            "station_name": self.station_name_edit,
            "number": self.number_edit,
            "name": self.name_edit,
            "password": self.password_edit,
        }

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Station &code:"), self.station_code_edit)
        form.addRow(self.tr("Station n&ame:"), self.station_name_edit)
        form.addRow(self.tr("Staff &number:"), self.number_edit)
        form.addRow(self.tr("Na&me:"), self.name_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow(self.tr("&Repeat password:"), self.repeat_edit)

        self.error_label = error_label(self)

        buttons = QDialogButtonBox(self)
        create = buttons.addButton(self.tr("Create and log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        create.setDefault(True)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)

        stack(self, heading, intro, form, self.error_label, buttons, spacing=12, min_width=480)
        self.station_code_edit.setFocus()

    def _create(self) -> None:
        for edit in self._fields.values():
            _mark_invalid(edit, False)
        if self.password_edit.text() != self.repeat_edit.text():
            self._show_error(self.tr("The two passwords do not match."), ["password"])
            return
        try:
            self.login_result = accounts.create_first_admin(
                self._db,
                station_code=self.station_code_edit.text(),
                station_name=self.station_name_edit.text(),
                number=self.number_edit.text(),
                name=self.name_edit.text(),
                password=self.password_edit.text(),
            )
        except ValidationError as exc:
            self._show_error("；".join(exc.fields.values()) or str(exc), list(exc.fields))
            return
        except StationDeskError as exc:
            self._show_error(str(exc), [])
            return
        self.accept()

    def _show_error(self, message: str, fields: list[str]) -> None:
        show_error(self.error_label, message)
        for name in fields:
            edit = self._fields.get(name)
            if edit is not None:
                _mark_invalid(edit, True)
        if fields and fields[0] in self._fields:
            self._fields[fields[0]].setFocus()


def _mark_invalid(edit: QLineEdit, invalid: bool) -> None:
    """Flag a field for the style sheet's red border (``QLineEdit[invalid="true"]``)."""
    edit.setProperty("invalid", invalid)
    edit.style().unpolish(edit)
    edit.style().polish(edit)
