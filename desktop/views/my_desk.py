"""我的工作台: the work orders waiting for the logged-in person, in four short lists.

To accept (issued to me or my unit), to report (accepted or returned, mine), to review (reported,
tracked by me) and overdue orders I track. Read through ``work_orders.my_desk``; refreshed every
minute by a timer (only while the panel is shown) and on demand. A double-click asks the screen to
open the order in the list tab (``order_opened``).
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.db.database import Database
from desktop.services.accounts import LoginResult
from desktop.views.work_order_dialogs import WorkOrderTexts

log = logging.getLogger(__name__)

REFRESH_MS = 60_000
OVERDUE_TEXT = QColor("#b71c1c")
ID_ROLE = Qt.ItemDataRole.UserRole


class MyDeskPanel(QWidget):
    """Four lists of the logged-in person's orders. UI thread."""

    order_opened = Signal(int)  # a work order's id: double-click or Enter on a row

    KEYS = ("to_accept", "to_report", "to_review", "overdue_tracked")

    def __init__(self, db: Database, login: LoginResult, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myDesk")
        self.db = db
        self.login = login
        self.texts = WorkOrderTexts(self)
        self.lists: dict[str, QListWidget] = {}
        self.boxes: dict[str, QGroupBox] = {}
        self._titles = {"to_accept": self.tr("To accept"), "to_report": self.tr("To report back"),
                        "to_review": self.tr("To review"), "overdue_tracked": self.tr("Overdue orders I track")}
        grid = QGridLayout()
        grid.setSpacing(10)
        for index, key in enumerate(self.KEYS):
            box = QGroupBox(self._titles[key], self)
            inner = QVBoxLayout(box)
            widget = QListWidget(box)
            widget.setObjectName(f"desk_{key}")
            widget.setAlternatingRowColors(True)
            widget.setSpacing(3)
            widget.itemActivated.connect(self._open_item)
            widget.itemDoubleClicked.connect(self._open_item)
            inner.addWidget(widget)
            grid.addWidget(box, index // 2, index % 2)
            self.lists[key] = widget
            self.boxes[key] = box

        self.updated_label = QLabel(self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Read the lists again now (they refresh every minute)"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Work orders waiting for {name}").format(name=login.name), self))
        top.addStretch(1)
        top.addWidget(self.updated_label)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addLayout(grid, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.refresh()
        # Live refresh: a colleague's issue, accept or report shows here within seconds.
        from desktop.views.live_refresh import subscribe

        self.live_refresh = subscribe(self, db, ("work_orders", "work_order_events"), self.refresh)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.timer.isActive():
            self.timer.start()
            self.refresh()

    def hideEvent(self, event) -> None:
        # Nobody reads a hidden desk: spare the database a query a minute per desk.
        self.timer.stop()
        super().hideEvent(event)

    def refresh(self, now: datetime | None = None) -> bool:
        """Read the four lists again; False (and a note) when the database cannot be read."""
        from desktop.services.work_orders import my_desk

        try:
            desk = my_desk(self.db, self.login, now=now)
        except Exception:  # a lost connection: keep the old lists, say they are stale
            log.exception("could not read my desk")
            self.updated_label.setText(self.tr("Could not be read (database unavailable)"))
            return False
        for key in self.KEYS:
            rows = list(getattr(desk, key))
            self._fill(self.lists[key], rows)
            self.boxes[key].setTitle(self.tr("{title} ({count})").format(title=self._titles[key], count=len(rows)))
        self.updated_label.setText(self.tr("Updated {time}").format(time=datetime.now().strftime("%H:%M")))
        return True

    def _fill(self, widget: QListWidget, rows) -> None:
        current = widget.currentItem().data(ID_ROLE) if widget.currentItem() is not None else None
        widget.clear()
        for row in rows:
            deadline = row.deadline.strftime("%m-%d %H:%M") if row.deadline else ""
            who = " / ".join(p for p in (row.unit, row.assignee) if p)
            text = self.tr("{number}  {title}\n{status} · due {deadline} · {who}").format(
                number=row.number, title=row.title, status=self.texts.status(row.status), deadline=deadline, who=who)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, row.id)
            if row.overdue:
                item.setForeground(QBrush(OVERDUE_TEXT))
                item.setToolTip(self.tr("Overdue"))
            widget.addItem(item)
            if row.id == current:
                widget.setCurrentItem(item)
        if widget.count() == 0:
            empty = QListWidgetItem(self.tr("Nothing here"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(empty)

    def ids(self, key: str) -> list[int]:
        """The order ids shown in the list ``key`` (one of :attr:`KEYS`), top to bottom."""
        widget = self.lists[key]
        found = (widget.item(i).data(ID_ROLE) for i in range(widget.count()))
        return [int(i) for i in found if i is not None]

    def _open_item(self, item: QListWidgetItem | None) -> None:
        order_id = item.data(ID_ROLE) if item is not None else None
        if order_id is not None:
            self.order_opened.emit(int(order_id))


__all__ = ["REFRESH_MS", "MyDeskPanel"]
