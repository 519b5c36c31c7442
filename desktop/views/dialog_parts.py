"""Pieces the account dialogs share (log-in, first run, unlock), so they look and behave alike."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLayout, QVBoxLayout, QWidget


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
