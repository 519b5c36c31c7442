"""The 重复警情 view: clusters of repeat calls by kind and period, and the incidents of the one selected.

A period holds tens or hundreds of clusters, not millions, so plain item tables are right here
(the lazy model is for the big lists). Detection itself runs in the service (indexed queries).
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.db.database import Database
from desktop.services.accounts import LoginResult
from desktop.services.masking import mask_value, may_see_personal
from desktop.services.permissions import allowed
from desktop.views import dialog_parts

log = logging.getLogger(__name__)

KINDS = ("same_caller", "same_place", "same_event")


class RepeatsPanel(QWidget):
    """Kind and period filters, the clusters, and the selected cluster's incidents."""

    show_incident = Signal(int)

    def __init__(self, db: Database, login: LoginResult, *, settings: QSettings | None = None, store: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("repeatsPanel")
        self.db = db
        self.login = login
        self.store = store
        self.reveal = may_see_personal(login.roles)
        self.clusters: list = []

        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("All kinds"), None)
        for kind in KINDS:
            self.kind_combo.addItem(self.kind_label(kind), kind)
        self.from_edit = QDateEdit(self)
        self.to_edit = QDateEdit(self)
        today = QDate.currentDate()
        self.from_edit.setDate(today.addDays(-7))
        self.to_edit.setDate(today)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.reload)
        self.kind_combo.currentIndexChanged.connect(self.reload)
        self.detect_button = QPushButton(self.tr("Detect again"), self)
        self.detect_button.setToolTip(self.tr("Recompute the clusters of this period with the current rules"))
        self.detect_button.setEnabled(allowed(login, "repeats.refresh"))
        self.detect_button.clicked.connect(self.detect_again)
        self.order_button = QPushButton(self.tr("Work order…"), self)
        self.order_button.setToolTip(self.tr("Issue one work order for the selected cluster and all its incidents"))
        self.order_button.setEnabled(allowed(login, "workorder.issue"))
        self.order_button.clicked.connect(self.make_work_order)
        self.count_label = QLabel(self)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.kind_combo)
        top.addWidget(self.from_edit)
        top.addWidget(QLabel("–", self))
        top.addWidget(self.to_edit)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.order_button)
        top.addWidget(self.detect_button)

        self.cluster_table = self._table([self.tr("Kind"), self.tr("Matched on"), self.tr("First call"),
                                          self.tr("Last call"), self.tr("Calls"), self.tr("Status")])
        self.cluster_table.itemSelectionChanged.connect(self._on_cluster)
        self.member_table = self._table([self.tr("Number"), self.tr("Reported"), self.tr("Type"), self.tr("Caller"),
                                         self.tr("Phone"), self.tr("Address"), self.tr("Summary")])
        self.member_table.itemActivated.connect(self._on_member)
        self.member_table.horizontalHeader().setStretchLastSection(True)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.cluster_table)
        splitter.addWidget(self.member_table)
        splitter.setSizes([300, 260])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.reload()

    def kind_label(self, kind: str) -> str:
        return {"same_caller": self.tr("Same caller"), "same_place": self.tr("Same place"),
                "same_event": self.tr("Same event")}.get(kind, kind)

    def status_label(self, status: str) -> str:
        return {"open": self.tr("Open"), "ordered": self.tr("Work order issued"),
                "dismissed": self.tr("Dismissed")}.get(status, status)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return table

    def period(self) -> tuple[datetime, datetime]:
        start = datetime.combine(self.from_edit.date().toPython(), time())
        end = datetime.combine(self.to_edit.date().toPython(), time()) + timedelta(days=1)
        return start, max(end, start + timedelta(days=1))

    def reload(self) -> None:
        from desktop.services.incidents import repeat_clusters

        kind = self.kind_combo.currentData()
        start, end = self.period()
        try:
            self.clusters = repeat_clusters(self.db, self.login.station_id, start, end, [kind] if kind else None)
        except Exception:  # a lost connection: the banner explains; the view stays usable
            log.exception("could not read the repeat clusters")
            self.clusters = []
            self.count_label.setText(self.tr("The clusters could not be read from the database."))
            self.cluster_table.setRowCount(0)
            self.member_table.setRowCount(0)
            return
        self.count_label.setText(self.tr("{count} clusters").format(count=len(self.clusters)))
        table = self.cluster_table
        table.blockSignals(True)
        table.clearSelection()
        table.setRowCount(len(self.clusters))
        for row, c in enumerate(self.clusters):
            values = [self.kind_label(c.kind), self._key_text(c), c.first_at.strftime("%Y-%m-%d %H:%M"),
                      c.last_at.strftime("%Y-%m-%d %H:%M"), str(c.incident_count), self.status_label(c.status)]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                table.setItem(row, col, item)
        table.resizeColumnsToContents()
        if self.clusters:
            table.selectRow(0)
        table.blockSignals(False)
        self._on_cluster()

    def _key_text(self, cluster) -> str:
        if cluster.kind == "same_caller" and not self.reveal:
            return mask_value("phone", cluster.match_key) or ""
        if cluster.match_key.startswith("grid:"):
            return self.tr("same grid and type")
        return cluster.match_key

    def select_cluster(self, cluster_id: int) -> bool:
        """Select ``cluster_id``; widens the period to the cluster's when it lies outside."""
        for _ in range(2):
            for row, c in enumerate(self.clusters):
                if c.id == cluster_id:
                    self.cluster_table.selectRow(row)
                    return True
            self._widen_to(cluster_id)
        return False

    def _widen_to(self, cluster_id: int) -> None:
        from desktop.services.incidents import cluster_incidents

        members = cluster_incidents(self.db, self.login.station_id, cluster_id)
        if not members:
            return
        for edit in (self.kind_combo, self.from_edit, self.to_edit):
            edit.blockSignals(True)
        self.kind_combo.setCurrentIndex(0)
        first, last = members[0].reported_at, members[-1].reported_at
        self.from_edit.setDate(QDate(first.year, first.month, first.day))
        self.to_edit.setDate(QDate(last.year, last.month, last.day))
        for edit in (self.kind_combo, self.from_edit, self.to_edit):
            edit.blockSignals(False)
        self.reload()

    def current_cluster(self):
        rows = self.cluster_table.selectionModel().selectedRows()
        return self.clusters[rows[0].row()] if rows else None

    def _on_cluster(self) -> None:
        from desktop.services.incidents import cluster_incidents

        cluster = self.current_cluster()
        self.member_table.setRowCount(0)
        if cluster is None:
            return
        try:
            members = cluster_incidents(self.db, self.login.station_id, cluster.id)
        except Exception:
            log.exception("could not read cluster %s", cluster.id)
            return
        self.member_table.setRowCount(len(members))
        for row, m in enumerate(members):
            name = m.caller_name if self.reveal else mask_value("name", m.caller_name)
            phone = m.caller_phone if self.reveal else mask_value("phone", m.caller_phone)
            values = [m.number, m.reported_at.strftime("%Y-%m-%d %H:%M"), m.category, name, phone, m.address,
                      (m.summary or "").replace("\n", " ")]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text or "")
                item.setData(Qt.ItemDataRole.UserRole, m.id)
                self.member_table.setItem(row, col, item)
        self.member_table.resizeColumnsToContents()

    def _on_member(self, item: QTableWidgetItem) -> None:
        self.show_incident.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _rules(self):
        from desktop.services.repeats import RepeatRules

        return RepeatRules.from_settings(self.store.snapshot()) if self.store is not None else RepeatRules()

    def make_work_order(self) -> None:
        """One work order for the selected cluster (its incidents are reached through it); the
        cluster is then marked as ordered."""
        from desktop.views.work_order_dialogs import NewOrderDialog, OrderSource

        cluster = self.current_cluster()
        if cluster is None:
            return
        kind = self.kind_label(cluster.kind)
        title = self.tr("{kind}: {key}, {count} calls").format(kind=kind, key=self._key_text(cluster),
                                                                count=cluster.incident_count)
        numbers = "、".join(cluster.numbers)
        source = OrderSource("cluster", cluster.id, label=f"{kind} {self._key_text(cluster)}", title=title[:200],
                             instructions=self.tr("Incidents: {numbers}").format(numbers=numbers))
        hours = self.store.snapshot().deadline_hours() if self.store is not None else None
        dialog = NewOrderDialog(self.db, self.login, deadline_hours=hours, source=source, parent=self)
        if dialog_parts.exec_dialog(dialog):
            selected = cluster.id
            self.reload()
            self.select_cluster(selected)

    def detect_again(self) -> None:
        from desktop.services.incidents import refresh_repeat_clusters

        start, end = self.period()
        try:
            result = refresh_repeat_clusters(self.db, self.login.station_id, self.login.staff_id, start, end,
                                             self._rules())
        except Exception as exc:
            log.exception("repeat detection failed")
            QMessageBox.warning(self, self.tr("Repeat calls"), str(exc))
            return
        self.reload()
        self.count_label.setText(self.tr("{count} clusters ({created} new, {updated} changed, {removed} removed)")
                                 .format(count=len(self.clusters), created=result.created, updated=result.updated,
                                         removed=result.removed))
