"""数据备份: the backups of a local SQLite database (the daily ones and those made before an
upgrade), a backup now, and restore from a backup (desktop/db/backup.py).

A server database is backed up by its administrator with pg_dump / mariadb-dump
(docs/server-setup.md): the panel says so and offers nothing.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.db import backup as backups
from desktop.db.database import Database
from desktop.errors import Cancelled, StationDeskError
from desktop.services.accounts import LoginResult

log = logging.getLogger(__name__)


class BackupPanel(QWidget):
    """Folder and number kept, the list of backups, Back up now, Restore from backup…"""

    restored = Signal(str)  # the backup restored: the application must restart

    def __init__(self, db: Database, login: LoginResult, *, settings: QSettings, store: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupPanel")
        self.db = db
        self.login = login
        self.settings = settings
        self.store = store
        self.local = db.is_sqlite
        self.restart_needed = False
        setting = store.value("backup/folder") if store is not None else ""
        self.keep = int(store.value("backup/keep")) if store is not None else backups.DEFAULT_KEEP
        self.folder: Path | None = backups.backup_folder(db, setting) if self.local else None

        self.explanation = QLabel(self)
        self.explanation.setObjectName("backupExplanation")
        self.explanation.setWordWrap(True)
        self.folder_label = QLabel(self)
        self.folder_label.setObjectName("backupFolder")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("backupList")
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Size"), self.tr("Kind"), self.tr("Verified")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.backup_button = QPushButton(self.tr("Back up now"), self)
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.backup_now)
        self.verify_button = QPushButton(self.tr("Verify backups"), self)
        self.verify_button.setToolTip(self.tr("Check every backup file for damage"))
        self.verify_button.clicked.connect(self.verify_all)
        self.restore_button = QPushButton(self.tr("Restore from backup…"), self)
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.setToolTip(self.tr("Replace the database with the selected backup (StationDesk then "
                                               "restarts)"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.status = QLabel(self)
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.backup_button, self.verify_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.folder_label)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

        if self.local:
            self.explanation.setText(self.tr(
                "The database is backed up once a day after log-in; the newest {keep} daily backups are kept. "
                "Copies made before an upgrade are kept too.").format(keep=self.keep))
            self.folder_label.setText(self.tr("Backup folder: {folder}").format(folder=self.folder))
            self.table.itemSelectionChanged.connect(self._update_buttons)
            self.refresh()
        else:
            self.explanation.setText(self.tr(
                "A server database is backed up by its administrator with pg_dump (or mariadb-dump); see the "
                "server set-up guide (docs/server-setup.md)."))
            self.folder_label.hide()
            for widget in (self.table, self.backup_button, self.verify_button, self.restore_button):
                widget.setEnabled(False)
        self._update_buttons()

    # ------------------------------------------------------------------ list

    def refresh(self, infos: list[backups.BackupInfo] | None = None) -> None:
        """Re-read the folder (or show ``infos``, e.g. after verifying them)."""
        if not self.local or self.folder is None:
            return
        self.backups = infos if infos is not None else backups.list_backups(self.folder)
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            verified = {None: self.tr("Not checked"), True: self.tr("✓ Intact"), False: self.tr("✗ Damaged")}
            cells = (info.taken_at.strftime("%Y-%m-%d %H:%M:%S"), _size(info.size),
                     self.tr("Daily") if info.scheduled else self.tr("Before upgrade"), verified[info.verified])
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        self._update_buttons()

    def selected_backup(self) -> backups.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        usable = self.local and not self.restart_needed
        self.backup_button.setEnabled(usable)
        self.verify_button.setEnabled(usable and bool(getattr(self, "backups", [])))
        self.restore_button.setEnabled(usable and self.selected_backup() is not None)

    # ------------------------------------------------------------------ actions

    def backup_now(self) -> Path | None:
        db, folder = self.db, self.folder
        made = self._run(lambda _p, _c: backups.backup_now(db, folder), self.tr("Back up now"),
                         self.tr("Backing up the database…"))
        if made is not None:
            self.status.setText(self.tr("Backed up to {path}").format(path=made))
            self.refresh()
        return made

    def verify_all(self) -> list[backups.BackupInfo] | None:
        folder = self.folder
        infos = self._run(lambda _p, _c: backups.list_backups(folder, check=True), self.tr("Verify backups"),
                          self.tr("Checking the backup files…"))
        if infos is not None:
            self.refresh(infos)
        return infos

    def restore_selected(self) -> bool:
        info = self.selected_backup()
        if info is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Restore from backup"),
            self.tr("Replace the whole database with the backup of {time}?\n\nEverything entered since then is "
                    "replaced (a copy of the current database is kept in the backup folder). StationDesk must be "
                    "restarted afterwards; other desks must not use this database meanwhile.").format(
                time=info.taken_at.strftime("%Y-%m-%d %H:%M")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        db, path = self.db, info.path
        done = self._run(lambda _p, _c: backups.restore_with_safety_copy(db, path) or True,
                         self.tr("Restore from backup"), self.tr("Restoring the database…"))
        if done is None:
            return False
        self.restart_needed = True
        self.status.setText(self.tr("The database was restored from {path}. Close and restart StationDesk now."
                                    ).format(path=path))
        self._update_buttons()
        self.restored.emit(str(path))
        return True

    def _run(self, func: Any, title: str, label: str) -> Any:
        from desktop.views.job_runner import run_job

        try:
            return run_job(self, func, title=title, label=label)
        except Cancelled:
            return None
        except StationDeskError as exc:
            text = f"{exc}\n{exc.hint}" if getattr(exc, "hint", None) else str(exc)
            self.status.setText(text)
            QMessageBox.warning(self, title, text)
        except Exception as exc:
            log.exception("%s failed", title)
            self.status.setText(str(exc))
            QMessageBox.warning(self, title, str(exc))
        return None


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


__all__ = ["BackupPanel"]
