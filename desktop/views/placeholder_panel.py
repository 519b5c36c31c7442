"""The panel a screen shows until the issue that builds it lands: honest, no fake data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPanel(QWidget):
    """A titled panel that says the screen is not available yet."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setObjectName("placeholderPanel")
        title_label = QLabel(title, self)
        title_label.setObjectName("panelTitle")
        message = QLabel(self.tr("This feature is not available yet."), self)
        message.setObjectName("placeholderMessage")
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title_label)
        layout.addStretch(1)
        layout.addWidget(message)
        layout.addStretch(2)
        self.message_label = message
