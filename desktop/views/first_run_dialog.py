"""The first start on a desk with no database: new station, the station's server, or the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCommandLinkButton, QDialog, QDialogButtonBox, QLabel, QWidget

from desktop.views.dialog_parts import heading_label, stack


class FirstRunDialog(QDialog):
    """Offers the three ways to begin and says where the data, backups and logs live.

    Accepted with ``choice`` set to :attr:`NEW_STATION`, :attr:`CONNECT_SERVER` or
    :attr:`OPEN_DEMO`; rejected (``choice`` None) when the user quits. The caller carries the
    choice out (desktop/app.py ``first_run``)."""

    NEW_STATION, CONNECT_SERVER, OPEN_DEMO = "new", "server", "demo"

    def __init__(self, *, database_file: Path, backups_folder: Path, logs_folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice: str | None = None
        self.setWindowTitle(self.tr("StationDesk — Welcome"))
        self.setModal(True)

        heading = heading_label(self.tr("Welcome to StationDesk"), self)
        intro = QLabel(self.tr("No database has been set up on this computer yet. How do you want to begin?"), self)
        intro.setWordWrap(True)

        self.new_button = QCommandLinkButton(
            self.tr("New station"),
            self.tr("Create the station's database on this computer and its first administrator."),
            self,
        )
        self.server_button = QCommandLinkButton(
            self.tr("Connect to the station's server"),
            self.tr("Several desks share one PostgreSQL or MySQL server: enter its address."),
            self,
        )
        self.demo_button = QCommandLinkButton(
            self.tr("Open the demo station"),
            self.tr("Three years of made-up data to try StationDesk out. Never use it for real work."),
            self,
        )
        self.new_button.clicked.connect(lambda: self._choose(self.NEW_STATION))
        self.server_button.clicked.connect(lambda: self._choose(self.CONNECT_SERVER))
        self.demo_button.clicked.connect(lambda: self._choose(self.OPEN_DEMO))
        self.new_button.setDefault(True)

        self.paths_label = QLabel(
            self.tr(
                "Where your data lives:\nDatabase: {database}\nBackups (made before every upgrade): {backups}\n"
                "Log files: {logs}\nUninstalling StationDesk keeps this folder."
            ).format(database=database_file, backups=backups_folder, logs=logs_folder),
            self,
        )
        self.paths_label.setObjectName("firstRunPaths")
        self.paths_label.setWordWrap(True)
        self.paths_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(self)
        self.quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)

        stack(self, heading, intro, self.new_button, self.server_button, self.demo_button, self.paths_label,
              buttons, spacing=10, min_width=560)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
