"""The 警情 screen: the incident list with its filters and a detail panel, and the repeat-call view.

Everything is read through desktop/services/incidents.py and desktop/services/repeats.py; the list is
a :class:`ListPanel` (lazy, sorted and filtered in SQL), so ten years of incidents stay responsive.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.db.database import Database
from desktop.errors import StationDeskError
from desktop.services.accounts import LoginResult
from desktop.services.masking import mask_value, may_see_personal
from desktop.services.paging import Sort
from desktop.services.permissions import allowed
from desktop.views import dialog_parts

log = logging.getLogger(__name__)

# Who may do what is the permission matrix (desktop.services.permissions); the services enforce it.


def problem_text(exc: BaseException) -> str:
    """A service error as the user reads it: the message, then what to do."""
    if isinstance(exc, StationDeskError):
        return f"{exc}\n{exc.hint}" if getattr(exc, "hint", None) else str(exc)
    return str(exc)


class IncidentsScreen(QWidget):
    """Tabs: 警情列表 (list, filters, details) and 重复警情 (repeat-call clusters)."""

    def __init__(self, db: Database, login: LoginResult, *, settings: QSettings, store: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentsScreen")
        self.db = db
        self.login = login
        self.store = store
        self.reveal = may_see_personal(login.roles)
        self.tabs = QTabWidget(self)
        self.list_page = IncidentListPage(db, login, settings=settings, store=store, parent=self.tabs)
        self.tabs.addTab(self.list_page, self.tr("Incident list"))
        self.repeats_page = self._repeats_page(settings)
        self.tabs.addTab(self.repeats_page, self.tr("Repeat calls"))
        self.list_page.show_cluster.connect(self.show_cluster)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.tabs)

    def _repeats_page(self, settings: QSettings) -> QWidget:
        try:
            from desktop.views.repeats_panel import RepeatsPanel
        except ImportError:  # the repeat-call view is optional while it is being built
            from desktop.views.placeholder_panel import PlaceholderPanel

            return PlaceholderPanel(self.tr("Repeat calls"), self)
        panel = RepeatsPanel(self.db, self.login, settings=settings, store=self.store, parent=self)
        if hasattr(panel, "show_incident"):
            panel.show_incident.connect(self.show_incident)
        return panel

    def show_cluster(self, cluster_id: int) -> None:
        self.tabs.setCurrentWidget(self.repeats_page)
        if hasattr(self.repeats_page, "select_cluster"):
            self.repeats_page.select_cluster(cluster_id)

    def show_incident(self, incident_id: int) -> None:
        self.tabs.setCurrentWidget(self.list_page)
        self.list_page.reveal_incident(incident_id)

    def show_filtered(self, start: datetime, end: datetime, **ids: int | None) -> None:
        """The list tab showing the incidents reported in [start, end) with the given ids (another
        screen's drill-down, e.g. a bar of the statistics screen)."""
        self.tabs.setCurrentWidget(self.list_page)
        self.list_page.show_filtered(start, end, **ids)


class IncidentListPage(QWidget):
    """Filters above, the lazy list on the left, the selected incident on the right."""

    show_cluster = Signal(int)

    PERIODS = ("all", "duty_day", "7d", "30d", "month", "custom")

    def __init__(self, db: Database, login: LoginResult, *, settings: QSettings, store: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.services.incidents import incident_list_query, lookups
        from desktop.views.list_panel import ListPanel

        self.db = db
        self.login = login
        self.store = store
        self.reveal = may_see_personal(login.roles)
        self.can_edit = allowed(login, "incident.edit")
        self.lookups = lookups(db, login.station_id)
        titles = {
            "number": self.tr("Number"), "reported_at": self.tr("Reported"), "category": self.tr("Type"),
            "caller_name": self.tr("Caller"), "caller_phone": self.tr("Phone"), "address": self.tr("Address"),
            "community": self.tr("Community"), "grid": self.tr("Grid"), "unit": self.tr("Unit"),
            "officer": self.tr("Officer"), "summary": self.tr("Summary"), "disposal": self.tr("Disposal"),
            "repeat": self.tr("Repeat"), "repeat_mark": self.tr("Repeat call"),
        }
        self.query = incident_list_query(db, login.station_id, titles)
        self.panel = ListPanel(self.query, list_key="incidents", title=self.tr("Incidents"), settings=settings,
                               reveal_personal=self.reveal, default_sort=Sort("reported_at", True),
                               highlight_key="repeat", parent=self)
        self.panel.model.export_unmasked = allowed(login, "export.unmasked")  # files leaving the desk
        self.panel.watch_tables(("incidents", "repeat_clusters", "import_batches"))

        self.import_button = QPushButton(self.tr("Import…"), self)
        self.import_button.setObjectName("importIncidentsButton")
        self.import_button.setToolTip(self.tr("Import a 110 dispatch export (.xlsx or .csv)"))
        self.import_button.clicked.connect(self.open_import)
        self.new_button = QPushButton(self.tr("New…"), self)
        self.new_button.setToolTip(self.tr("Type in an incident by hand"))
        self.new_button.clicked.connect(self.new_incident)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(self.edit_incident)
        self.order_button = QPushButton(self.tr("Work order…"), self)
        self.order_button.setObjectName("incidentWorkOrderButton")
        self.order_button.setToolTip(self.tr("Issue a work order for the selected incident"))
        self.order_button.clicked.connect(self.make_work_order)
        self.can_issue = allowed(login, "workorder.issue")
        for button in (self.import_button, self.new_button, self.edit_button):
            button.setEnabled(self.can_edit)
            self.panel.add_action_button(button)
        self.order_button.setEnabled(False)
        self.panel.add_action_button(self.order_button)
        if not self.can_edit:
            self.import_button.setToolTip(self.tr("Your role may not import or edit incidents"))

        # An exact range and an officer set by show_filtered: the date boxes hold whole days and there
        # is no officer box, so these keep the list equal to the figure drilled into until changed.
        self._exact_range: tuple[datetime, datetime, date, date] | None = None
        self._officer_id: int | None = None
        self._build_filters()
        self.detail = IncidentDetailPanel(self.reveal, self)
        self.detail.show_cluster.connect(self.show_cluster)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.panel)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 320])
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(self.filter_row)
        layout.addWidget(splitter, 1)
        self.panel.current_changed.connect(self._on_current)
        self.panel.audit_outputs(db, login, "警情列表")
        self.panel.activated.connect(lambda _id: self.edit_incident())
        self.edit_button.setEnabled(False)

    # ------------------------------------------------------------------ filters

    def _build_filters(self) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("periodFilter")
        for key, text in zip(self.PERIODS, (self.tr("All dates"), self.tr("Current duty day"),
                                            self.tr("Last 7 days"), self.tr("Last 30 days"),
                                            self.tr("This month"), self.tr("Dates…")), strict=True):
            self.period_combo.addItem(text, key)
        self.from_edit = QDateEdit(self)
        self.to_edit = QDateEdit(self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
            edit.dateChanged.connect(self.apply_filters)
        self.category_combo = self._combo(self.tr("All categories"), self.lookups.categories)
        self.subtype_combo = self._combo(self.tr("All types"), ())
        self.community_combo = self._combo(self.tr("All communities"), self.lookups.communities)
        self.grid_combo = self._combo(self.tr("All grids"), self.lookups.grids)
        self.unit_combo = self._combo(self.tr("All units"), self.lookups.units)
        self.period_combo.currentIndexChanged.connect(self._on_period)
        self.category_combo.currentIndexChanged.connect(self._on_category)
        self.community_combo.currentIndexChanged.connect(self._on_community)
        for combo in (self.subtype_combo, self.grid_combo, self.unit_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.reset_button = QPushButton(self.tr("Reset filters"), self)
        self.reset_button.clicked.connect(self.reset_filters)
        row.addWidget(self.period_combo)
        row.addWidget(self.from_edit)
        row.addWidget(QLabel("–", self))
        row.addWidget(self.to_edit)
        for combo in (self.category_combo, self.subtype_combo, self.community_combo, self.grid_combo,
                      self.unit_combo):
            row.addWidget(combo, 1)
        row.addWidget(self.reset_button)
        self.filter_row = row

    def _combo(self, everything: str, choices) -> QComboBox:
        combo = QComboBox(self)
        combo.setMinimumContentsLength(6)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._fill(combo, everything, choices)
        return combo

    @staticmethod
    def _fill(combo: QComboBox, everything: str, choices) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for choice in choices:
            combo.addItem(choice.name, choice.id)
        combo.blockSignals(False)

    def _on_period(self) -> None:
        self._exact_range = None
        custom = self.period_combo.currentData() == "custom"
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)
        self.apply_filters()

    def _on_category(self) -> None:
        category = self.category_combo.currentData()
        subtypes = [s for s in self.lookups.subtypes if s.parent_id == category] if category else []
        self._fill(self.subtype_combo, self.tr("All types"), subtypes)
        self.apply_filters()

    def _on_community(self) -> None:
        community = self.community_combo.currentData()
        grids = [g for g in self.lookups.grids if community is None or g.parent_id == community]
        self._fill(self.grid_combo, self.tr("All grids"), grids)
        self.apply_filters()

    def period_range(self, now: datetime | None = None) -> tuple[datetime | None, datetime | None]:
        """The reported-at range the period filter stands for (inclusive bounds)."""
        now = now or datetime.now()
        key = self.period_combo.currentData()
        cutover = int(self.store.value("duty/cutover_hour")) if self.store is not None else 8
        end = None
        if key == "duty_day":
            start = datetime.combine(now.date(), time(cutover))
            if now < start:
                start -= timedelta(days=1)
            end = start + timedelta(days=1) - timedelta(seconds=1)
            return start, end
        if key == "7d":
            return now - timedelta(days=7), end
        if key == "30d":
            return now - timedelta(days=30), end
        if key == "month":
            return datetime.combine(now.date().replace(day=1), time()), end
        if key == "custom":
            low: date = self.from_edit.date().toPython()
            high: date = self.to_edit.date().toPython()
            exact = self._exact_range
            if exact is not None and (low, high) == exact[2:]:  # the dates are still the drilled-into ones
                return exact[0], exact[1]
            return datetime.combine(low, time()), datetime.combine(high, time(23, 59, 59))
        return None, None

    def apply_filters(self) -> None:
        equals: dict[str, Any] = {}
        subtype = self.subtype_combo.currentData()
        category = self.category_combo.currentData()
        if subtype is not None:
            equals["category_id"] = subtype
        elif category is not None:
            equals["category_id"] = [category, *self.lookups.subtype_ids_of(category)]
        for key, combo in (("community_id", self.community_combo), ("grid_id", self.grid_combo),
                           ("unit_id", self.unit_combo)):
            if combo.currentData() is not None:
                equals[key] = combo.currentData()
        if self._officer_id is not None:
            equals["officer_id"] = self._officer_id
        ranges = {}
        low, high = self.period_range()
        if low is not None or high is not None:
            ranges["reported_at"] = (low, high)
        self.panel.set_extra_filter(equals, ranges)

    def reset_filters(self) -> None:
        for combo in (self.period_combo, self.category_combo, self.community_combo, self.unit_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._fill(self.subtype_combo, self.tr("All types"), ())
        self._fill(self.grid_combo, self.tr("All grids"), self.lookups.grids)
        self.from_edit.setEnabled(False)
        self.to_edit.setEnabled(False)
        self._exact_range = None
        self._officer_id = None
        self.period_combo.setToolTip("")
        self.panel.search.clear()
        self.apply_filters()

    def show_filtered(self, start: datetime, end: datetime, *, category_id: int | None = None,
                      subtype_id: int | None = None, community_id: int | None = None, grid_id: int | None = None,
                      unit_id: int | None = None, officer_id: int | None = None) -> None:
        """Set the filters to the incidents reported in [start, end) (end exclusive, e.g. a duty day
        08:00 → 08:00) with these ids, and apply them; the search text is cleared."""
        high = end - timedelta(seconds=1)  # the list's ranges are inclusive; times are whole seconds
        combos = (self.period_combo, self.from_edit, self.to_edit, self.category_combo, self.subtype_combo,
                  self.community_combo, self.grid_combo, self.unit_combo)
        for widget in combos:
            widget.blockSignals(True)
        try:
            self.period_combo.setCurrentIndex(self.period_combo.findData("custom"))
            self.from_edit.setDate(QDate(start.date()))
            self.to_edit.setDate(QDate(high.date()))
            self.from_edit.setEnabled(True)
            self.to_edit.setEnabled(True)
            self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(category_id)))
            subtypes = [s for s in self.lookups.subtypes if s.parent_id == category_id] if category_id else []
            self._fill(self.subtype_combo, self.tr("All types"), subtypes)
            self.subtype_combo.setCurrentIndex(max(0, self.subtype_combo.findData(subtype_id)))
            self.community_combo.setCurrentIndex(max(0, self.community_combo.findData(community_id)))
            grids = [g for g in self.lookups.grids if community_id is None or g.parent_id == community_id]
            self._fill(self.grid_combo, self.tr("All grids"), grids)
            self.grid_combo.setCurrentIndex(max(0, self.grid_combo.findData(grid_id)))
            self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(unit_id)))
        finally:
            for widget in combos:
                widget.blockSignals(False)
        self._exact_range = (start, high, start.date(), high.date())
        self._officer_id = officer_id
        self.period_combo.setToolTip(self.tr("{start} – {end}").format(
            start=start.strftime("%Y-%m-%d %H:%M"), end=end.strftime("%Y-%m-%d %H:%M")))
        self.panel.search.blockSignals(True)
        self.panel.search.clear()
        self.panel.search.blockSignals(False)
        self.apply_filters()

    # ------------------------------------------------------------------ details and actions

    def _on_current(self, incident_id: Any) -> None:
        self.edit_button.setEnabled(self.can_edit and incident_id is not None)
        self.order_button.setEnabled(self.can_issue and incident_id is not None)
        detail = self._load(incident_id) if incident_id is not None else None
        self.detail.show_incident(detail, self._orders_of(detail))

    def _orders_of(self, detail) -> list[tuple[int, str, str]]:
        """The work orders issued for this incident (the source link, read from the other side)."""
        if detail is None:
            return []
        try:
            from desktop.services.work_orders import orders_for_source

            return orders_for_source(self.db, self.login.station_id, "incident", detail.id)
        except Exception:  # the list of orders is a courtesy: never block the details
            log.exception("could not read the work orders of incident %s", detail.id)
            return []

    def make_work_order(self) -> None:
        """The new-order dialog with this incident as its source; the incident shows the order after."""
        from desktop.views.work_order_dialogs import NewOrderDialog, OrderSource

        incident_id = self.panel.current_id()
        detail = self._load(incident_id) if incident_id is not None else None
        if detail is None or not self.can_issue:
            return
        title = "：".join(part for part in (detail.category, detail.address) if part) or detail.number
        source = OrderSource("incident", detail.id, label=self.tr("Incident {number}").format(number=detail.number),
                             title=title[:200], instructions=detail.summary or "")
        hours = self.store.snapshot().deadline_hours() if self.store is not None else None
        dialog = NewOrderDialog(self.db, self.login, deadline_hours=hours, source=source, parent=self)
        if dialog_parts.exec_dialog(dialog):
            self._on_current(incident_id)

    def _load(self, incident_id: int):
        from desktop.services.incidents import incident_detail

        try:
            return incident_detail(self.db, self.login.station_id, incident_id)
        except StationDeskError as exc:
            self.detail.show_message(problem_text(exc))
            return None
        except Exception:  # a lost connection: the banner says so; details stay empty
            log.exception("could not read incident %s", incident_id)
            self.detail.show_message(self.tr("The incident could not be read from the database."))
            return None

    def reveal_incident(self, incident_id: int) -> None:
        """Show ``incident_id`` in the list; clears the filters when they hide it."""
        if not self.panel.select_id(incident_id):
            self.reset_filters()
            self.panel.select_id(incident_id)

    def refresh(self) -> None:
        self.panel.refresh()
        current = self.panel.current_id()
        self._on_current(current)

    def _rules(self):
        from desktop.services.repeats import RepeatRules

        return RepeatRules.from_settings(self.store.snapshot()) if self.store is not None else RepeatRules()

    def open_import(self) -> None:
        from desktop.views.import_wizard import ImportWizard

        wizard = ImportWizard(self.db, self.login, rules=self._rules(), parent=self)
        wizard.exec()
        self.refresh()

    def new_incident(self) -> None:
        from desktop.views.incident_form import IncidentForm

        form = IncidentForm(self.db, self.login, self.lookups, rules=self._rules(), parent=self)
        if form.exec():
            self.panel.refresh()
            if form.saved_id is not None:
                self.reveal_incident(form.saved_id)

    def edit_incident(self) -> None:
        incident_id = self.panel.current_id()
        if incident_id is None or not self.can_edit:
            return
        from desktop.views.incident_form import IncidentForm

        detail = self._load(incident_id)
        if detail is None:
            return
        form = IncidentForm(self.db, self.login, self.lookups, rules=self._rules(), detail=detail, parent=self)
        if form.exec():
            self.refresh()


class IncidentDetailPanel(QScrollArea):
    """The selected incident, read-only; phones and names masked for roles that may not see them."""

    show_cluster = Signal(int)

    FIELDS = ("number", "reported_at", "category", "caller_name", "caller_phone", "address", "community", "grid",
              "unit", "officer", "summary", "disposal", "source")

    def __init__(self, reveal: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reveal = reveal
        self.setObjectName("incidentDetail")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(260)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.heading = QLabel(self.tr("No incident selected"), body)
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        labels = {
            "number": self.tr("Number"), "reported_at": self.tr("Reported"), "category": self.tr("Type"),
            "caller_name": self.tr("Caller"), "caller_phone": self.tr("Phone"), "address": self.tr("Address"),
            "community": self.tr("Community"), "grid": self.tr("Grid"), "unit": self.tr("Unit"),
            "officer": self.tr("Officer"), "summary": self.tr("Summary"), "disposal": self.tr("Disposal"),
            "source": self.tr("Source"),
        }
        self.values: dict[str, QLabel] = {}
        for key in self.FIELDS:
            value = QLabel(body)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(labels[key], value)
            self.values[key] = value
        self.clusters_label = QLabel(self.tr("Repeat-call clusters"), body)
        self.clusters = QListWidget(body)
        self.clusters.setMaximumHeight(110)
        self.clusters.itemActivated.connect(self._on_cluster)
        self.cluster_button = QPushButton(self.tr("Show cluster"), body)
        self.cluster_button.clicked.connect(self._show_selected_cluster)
        self.orders_label = QLabel(body)
        self.orders_label.setObjectName("incidentOrders")
        self.orders_label.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.clusters_label)
        layout.addWidget(self.clusters)
        layout.addWidget(self.cluster_button)
        layout.addWidget(self.orders_label)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_incident(None)

    def kind_label(self, kind: str) -> str:
        return {"same_caller": self.tr("Same caller"), "same_place": self.tr("Same place"),
                "same_event": self.tr("Same event")}.get(kind, kind)

    def show_message(self, text: str) -> None:
        self.heading.setText(text)

    def show_incident(self, detail, orders=()) -> None:
        self.clusters.clear()
        self.orders_label.setText(self.tr("Work orders: {orders}").format(
            orders="、".join(f"{number}" for _id, number, _status in orders)) if orders else "")
        self.orders_label.setVisible(bool(orders))
        if detail is None:
            self.heading.setText(self.tr("No incident selected"))
            for label in self.values.values():
                label.clear()
            for w in (self.clusters_label, self.clusters, self.cluster_button):
                w.hide()
            return
        self.heading.setText(self.tr("Incident {number}").format(number=detail.number))
        phone = detail.caller_phone or (detail.caller_phone_raw and self.tr("{raw} (invalid)").format(
            raw=detail.caller_phone_raw))
        source = (self.tr("Imported from {file}, row {row}").format(file=detail.source_file, row=detail.source_row)
                  if detail.source == "import" else self.tr("Typed in"))
        values = {
            "number": detail.number, "reported_at": detail.reported_at.strftime("%Y-%m-%d %H:%M:%S"),
            "category": detail.category, "caller_name": detail.caller_name, "caller_phone": phone,
            "address": detail.address, "community": detail.community, "grid": detail.grid, "unit": detail.unit,
            "officer": detail.officer, "summary": detail.summary, "disposal": detail.disposal, "source": source,
        }
        if not self.reveal:
            values["caller_name"] = mask_value("name", values["caller_name"])
            values["caller_phone"] = mask_value("phone", detail.caller_phone) or (
                self.tr("(invalid)") if detail.caller_phone_raw else None)
        for key, label in self.values.items():
            label.setText(values.get(key) or "—")
        for cluster in detail.clusters:
            item = QListWidgetItem(self.tr("{kind}: {count} calls, {first} – {last}").format(
                kind=self.kind_label(cluster.kind), count=cluster.incident_count,
                first=cluster.first_at.strftime("%m-%d %H:%M"), last=cluster.last_at.strftime("%m-%d %H:%M")))
            item.setData(Qt.ItemDataRole.UserRole, cluster.id)
            self.clusters.addItem(item)
        has = bool(detail.clusters)
        for w in (self.clusters_label, self.clusters, self.cluster_button):
            w.setVisible(has)
        if has:
            self.clusters.setCurrentRow(0)

    def _on_cluster(self, item: QListWidgetItem) -> None:
        self.show_cluster.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _show_selected_cluster(self) -> None:
        item = self.clusters.currentItem()
        if item is not None:
            self._on_cluster(item)


def warn(parent: QWidget, title: str, exc: BaseException) -> None:
    QMessageBox.warning(parent, title, problem_text(exc))
