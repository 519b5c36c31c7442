"""The idle lock (DESIGN.md §6): after the configured minutes without keyboard or mouse input the
main window is covered and a modal dialog asks for the logged-in user's password.

Nothing is closed, reset or re-created: the window's widgets (and any unsaved text in them) are only
hidden behind an opaque cover, so unlocking shows them exactly as they were. Passwords are checked
with :func:`desktop.services.accounts.authenticate`, so wrong attempts count towards the account
lock-out and are written to the audit log like any log-in.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.db.database import Database
from desktop.errors import PermissionDenied, StationDeskError
from desktop.services import accounts
from desktop.views.dialog_parts import error_label, heading_label, show_error, stack

CHECK_INTERVAL_MS = 5_000

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
})


class UnlockDialog(QDialog):
    """Asks for the password of the user who is logged in; accepted only with the right one."""

    def __init__(self, db: Database, login: accounts.LoginResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._login = login
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("StationDesk — Locked"))
        self.setModal(True)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)

        heading = heading_label(self.tr("This desk is locked"), self)
        info = QLabel(
            self.tr("Locked after a period without use. Enter the password of {name} ({number}) to continue; "
                    "your unsaved work is kept.").format(name=login.name, number=login.number),
            self,
        )
        info.setWordWrap(True)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Password:"), self.password_edit)
        self.error_label = error_label(self)

        buttons = QDialogButtonBox(self)
        self.unlock_button = buttons.addButton(self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setDefault(True)
        buttons.accepted.connect(self.try_unlock)

        stack(self, heading, info, form, self.error_label, buttons, spacing=14, min_width=520)
        self.password_edit.setFocus()

    def try_unlock(self) -> bool:
        try:
            result = accounts.authenticate(
                self._db, number=self._login.number, password=self.password_edit.text(),
                station_id=self._login.station_id,
            )
            if result.staff_id != self._login.staff_id:  # pragma: no cover - same number and station
                raise PermissionDenied(accounts.BAD_CREDENTIALS)
        except StationDeskError as exc:
            show_error(self.error_label, str(exc))
            self.password_edit.clear()
            self.password_edit.setFocus()
            return False
        self.accept()
        return True

    def reject(self) -> None:
        """Escape and the close button do not unlock."""

    def closeEvent(self, event) -> None:
        event.ignore()


class IdleLock(QObject):
    """Application-wide event filter that locks ``window`` after ``minutes`` without input.

    ``clock`` (seconds, monotonic) and ``check_interval_ms`` are injectable so tests need not wait.
    Lives on the UI thread.
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        window: QWidget,
        db: Database,
        login: accounts.LoginResult,
        *,
        minutes: float = 15,
        clock: Callable[[], float] = time.monotonic,
        check_interval_ms: int = CHECK_INTERVAL_MS,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        self._login = login
        self._clock = clock
        self._timeout_s = minutes * 60
        self._last_input = clock()
        self._cover: QWidget | None = None
        self._focus: QWidget | None = None
        self.dialog: UnlockDialog | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)

    def install(self, app: QApplication | None = None) -> None:
        """Start watching every input event of the application (and the window's size, for the cover)."""
        (app or QApplication.instance()).installEventFilter(self)
        self._last_input = self._clock()
        self._timer.start()

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()

    def set_minutes(self, minutes: float) -> None:
        self._timeout_s = minutes * 60

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT_EVENTS and not self.is_locked:
            self._last_input = self._clock()
        elif kind == QEvent.Type.Resize and watched is self._window and self._cover is not None:
            self._cover.setGeometry(self._window.rect())
        return False  # only watching: every event goes on to its widget

    def check(self) -> None:
        if not self.is_locked and self._clock() - self._last_input >= self._timeout_s:
            self.lock()

    def lock(self) -> None:
        if self.is_locked:
            return
        self._focus = QApplication.focusWidget()
        cover = QWidget(self._window)
        cover.setObjectName("idleCover")
        cover.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        cover.setStyleSheet("QWidget#idleCover { background: #263238; }")
        cover.setGeometry(self._window.rect())
        cover.show()
        cover.raise_()
        self._cover = cover
        self.dialog = UnlockDialog(self._db, self._login, self._window)
        self.dialog.accepted.connect(self._unlock)
        self.locked.emit()
        self.dialog.open()

    def _unlock(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        if self._cover is not None:
            self._cover.hide()
            self._cover.deleteLater()
            self._cover = None
        self._last_input = self._clock()
        if self._focus is not None:
            self._focus.setFocus()
            self._focus = None
        self.unlocked.emit()
