"""Pieces the dialogs share (log-in, first run, unlock, the record forms), so they look and behave alike."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLayout, QVBoxLayout, QWidget

from desktop.errors import ConnectionLost


def heading_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("dialogHeading")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def error_label(parent: QWidget) -> QLabel:
    """A hidden red label under the fields for refusals (red even without the style sheet)."""
    label = QLabel(parent)
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828;")
    label.hide()
    return label


def show_error(label: QLabel, message: str) -> None:
    label.setText(message)
    label.show()


def exec_dialog(dialog: QDialog) -> bool:
    """Run a modal dialog; True when it was accepted. One place, so tests can drive dialogs."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def stack(dialog: QDialog, *parts: QWidget | QLayout, spacing: int, min_width: int) -> QVBoxLayout:
    """Lay ``parts`` out top to bottom with the account dialogs' margins."""
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(28, 24, 28, 20)
    layout.setSpacing(spacing)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    dialog.setMinimumWidth(min_width)
    return layout


class SaveWhenBack:
    """Mixin for a record form (a QDialog): a save that fails because the server went away keeps
    the dialog and its input, says so, and saves once by itself when the connection monitor
    reports the server reachable again (a conflict then opens the conflict dialog as any save).

    The form calls :meth:`keep_until_reconnected` from its save's error handling with the
    exception, the label to write in, and the callable that saves (returns True when done).
    """

    _reconnect_save: Callable[[], object] | None = None
    _reconnect_monitor = None

    def keep_until_reconnected(self, exc: BaseException, label: QLabel, save: Callable[[], object]) -> bool:
        """True (and armed) when ``exc`` is a lost connection; False for any other error."""
        if not isinstance(exc, ConnectionLost):
            return False
        show_error(label, self.tr(  # type: ignore[attr-defined]
            "The connection to the database server was lost. Your input is kept and will be saved "
            "automatically when the connection is back (or save it yourself later)."))
        self._arm_reconnect(save)
        return True

    @property
    def waiting_for_connection(self) -> bool:
        return self._reconnect_save is not None

    def _arm_reconnect(self, save: Callable[[], object]) -> None:
        from desktop.views.connection_monitor import active_monitor

        monitor = active_monitor()
        self._reconnect_save = save
        if monitor is None or self._reconnect_monitor is monitor:
            return  # no monitor (a tool or test without one): the user saves by hand
        self._disarm_reconnect()
        self._reconnect_save = save
        self._reconnect_monitor = monitor
        monitor.connection_restored.connect(self._on_reconnected)
        monitor.reachable.connect(self._on_reconnected)
        self.finished.connect(self._disarm_reconnect)  # type: ignore[attr-defined]
        if monitor.is_connected:
            monitor.check_now()  # the monitor may not have noticed yet: let it see the outage now

    def _disarm_reconnect(self, *_args) -> None:
        monitor, self._reconnect_monitor = self._reconnect_monitor, None
        self._reconnect_save = None
        if monitor is None:
            return
        for signal in (monitor.connection_restored, monitor.reachable):
            try:
                signal.disconnect(self._on_reconnected)
            except (RuntimeError, TypeError):  # already disconnected
                pass
        try:
            self.finished.disconnect(self._disarm_reconnect)  # type: ignore[attr-defined]
        except (RuntimeError, TypeError):
            pass

    def _on_reconnected(self) -> None:
        save = self._reconnect_save
        self._disarm_reconnect()
        if save is not None:  # a closed dialog was disarmed by ``finished``
            save()  # a second outage re-arms through the form's own error handling
