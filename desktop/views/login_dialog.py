"""The log-in dialog: staff number, password, the use notice, and refusals shown inline."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.db.database import Database
from desktop.errors import StationDeskError
from desktop.services import accounts
from desktop.views.dialog_parts import error_label, heading_label, show_error, stack

USE_NOTICE_OBJECT = "useNotice"


class LoginDialog(QDialog):
    """Asks for a staff number and password and checks them with :func:`accounts.authenticate`.

    On success ``login_result`` holds the :class:`accounts.LoginResult` and the dialog is accepted;
    a refusal is shown in red under the fields, the typed number is kept and the password cleared.
    """

    def __init__(self, db: Database, parent: QWidget | None = None, *, number: str = "") -> None:
        super().__init__(parent)
        self._db = db
        self.login_result: accounts.LoginResult | None = None
        self.setWindowTitle(self.tr("StationDesk — Log in"))
        self.setModal(True)

        heading = heading_label(self.tr("Police Station Command Room Desk"), self)

        self.station_combo = QComboBox(self)
        stations = accounts.list_stations(db)
        for station in stations:
            self.station_combo.addItem(station.name, station.id)
        self.number_edit = QLineEdit(number, self)
        self.number_edit.setObjectName("numberEdit")
        self.number_edit.setPlaceholderText(self.tr("Your staff number"))
        self.number_edit.setMaxLength(32)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Password"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        if len(stations) > 1:  # one station (the usual case): nothing to choose
            form.addRow(self.tr("&Station:"), self.station_combo)
        else:
            self.station_combo.hide()
        form.addRow(self.tr("Staff &number:"), self.number_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)

        self.error_label = error_label(self)

        notice = QLabel(
            self.tr(
                "This is an internal public security system for authorised personnel only. "
                "Log-ins and all actions are recorded and audited."
            ),
            self,
        )
        notice.setObjectName(USE_NOTICE_OBJECT)
        notice.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.login_button = buttons.addButton(self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.login_button.setDefault(True)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._try_login)
        buttons.rejected.connect(self.reject)

        stack(self, heading, form, self.error_label, notice, buttons, spacing=14, min_width=460)
        (self.password_edit if number else self.number_edit).setFocus()

    def _try_login(self) -> None:
        station_id = self.station_combo.currentData() if self.station_combo.isVisibleTo(self) else None
        try:
            self.login_result = accounts.authenticate(
                self._db, number=self.number_edit.text(), password=self.password_edit.text(), station_id=station_id
            )
        except StationDeskError as exc:
            self.show_error(str(exc))
            self.password_edit.clear()
            if not self.number_edit.text().strip():
                self.number_edit.setFocus()
            else:
                self.password_edit.setFocus()
            return
        self.accept()

    def show_error(self, message: str) -> None:
        show_error(self.error_label, message)
