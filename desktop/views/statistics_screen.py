"""The 统计报表 screen: pick a period and a slice, read the key figures as cards with their 同比/环比/
较前3年平均, the daily trend against last year, the category breakdown, the community/grid tables, the
hour × weekday heat map and the work-order and mediation panels; print the period report (PDF) and
write the HQ workbook.

Every figure comes from one ``desktop.services.statistics.dashboard`` call, run on a worker thread so
the UI never waits on the database; a result for a period the user has since left is dropped. A click
on a day, a bar, a table row or a heat-map cell emits ``drill_down`` with an incident-list filter,
which the main window turns into the 警情 screen showing exactly those incidents.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import tempfile
import threading
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.db.database import Database
from desktop.errors import Cancelled, StationDeskError
from desktop.services import statistics
from desktop.services.accounts import LoginResult
from desktop.views import dialog_parts
from desktop.views.briefing_screen import percent_text, problem_text

log = logging.getLogger(__name__)

SETTINGS_PREFIX = "statistics/"
SLICE_KEYS = ("category_id", "subtype_id", "community_id", "grid_id", "unit_id", "officer_id")
REFRESH_DELAY_MS = 150  # combos changed in quick succession make one query, not one each

UP_BAD = "#c62828"  # red: more incidents
DOWN_GOOD = "#2e7d32"  # green: fewer incidents
NEUTRAL = "#616161"

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def change_colour(pct: float | None, *, lower_is_better: bool) -> str:
    """Red for a change the station would not want, green for one it would (a fall in incidents is
    good; a fall in a rate is not); grey when flat or without a base."""
    if pct is None or abs(pct) < 0.05:
        return NEUTRAL
    worse = pct > 0 if lower_is_better else pct < 0
    return UP_BAD if worse else DOWN_GOOD


class _SortItem(QTableWidgetItem):
    """A cell that sorts by a number (counts, percentages; "—" sorts lowest), shows text."""

    def __init__(self, text: str, key: float | None) -> None:
        super().__init__(text)
        self.setData(SORT_ROLE, float("-inf") if key is None else float(key))
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is None or theirs is None:
            return super().__lt__(other)
        return mine < theirs


class KeyFigureCard(QFrame):
    """One key figure: name, value, and its 同比 / 环比 / 较前3年平均 (or its fraction, for a rate)."""

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("keyFigureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(200)
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("cardTitle")
        self.value_label = QLabel("…", self)
        self.value_label.setObjectName("cardValue")
        # A style sheet, not setFont: the application's style sheet would override the font.
        self.value_label.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.lines = [QLabel(self) for _ in range(3)]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        for line in self.lines:
            line.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(line)

    def set_loading(self) -> None:
        self.value_label.setText("…")
        for line in self.lines:
            line.setText("")

    def _set_line(self, index: int, text: str, colour: str = NEUTRAL) -> None:
        self.lines[index].setText(text)
        self.lines[index].setStyleSheet(f"color: {colour};")

    def show_change(self, change: statistics.Change, *, lower_is_better: bool = True) -> None:
        self.value_label.setText(statistics.number_text(change.value))
        rows = (
            (self.tr("YoY {pct} (last year {base})"), change.yoy_pct, change.last_year),
            (self.tr("MoM {pct} (previous {base})"), change.mom_pct, change.previous),
            (self.tr("vs 3-year average {pct} (average {base})"), change.vs_avg3_pct, change.avg_3y),
        )
        for i, (text, pct, base) in enumerate(rows):
            base_text = "—" if base is None else (f"{base:,.1f}" if isinstance(base, float) else f"{base:,}")
            self._set_line(i, text.format(pct=percent_text(pct), base=base_text),
                           change_colour(pct, lower_is_better=lower_is_better))

    def show_rate(self, rate: statistics.Rate) -> None:
        self.value_label.setText(statistics.pct_text(rate.pct))
        self._set_line(0, self.tr("{numerator:,} of {denominator:,}").format(numerator=rate.numerator,
                                                                              denominator=rate.denominator))
        self._set_line(1, "")
        self._set_line(2, "")

    def show_count(self, value: int, note: str = "", *, alarming: bool = False) -> None:
        self.value_label.setText(statistics.number_text(value))
        self._set_line(0, note, UP_BAD if alarming and value else NEUTRAL)
        self._set_line(1, "")
        self._set_line(2, "")


class _Relay(QObject):
    """Carries a worker thread's result to the UI thread (a queued signal: only plain data crosses)."""

    finished = Signal(int, object, object)  # request number, Dashboard or None, exception or None


class StatisticsScreen(QWidget):
    """Top bar (period, slice, actions) over a scroll area of cards, charts and tables."""

    drill_down = Signal(dict)  # an incident-list filter: start, end (exclusive) and slice ids
    loaded = Signal()  # a dashboard was shown
    failed = Signal(str)  # the message shown when the figures could not be read

    def __init__(self, db: Database, login: LoginResult, *, settings: QSettings, store: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.services.incidents import lookups

        self.setObjectName("statisticsScreen")
        self.db = db
        self.login = login
        self.settings = settings
        self.store = store
        self.lookups = lookups(db, login.station_id)
        self.dashboard: statistics.Dashboard | None = None
        self.loading = False
        self.error_text = ""
        self._request = 0
        self._cancel: threading.Event | None = None
        self._threads: list[threading.Thread] = []
        self._relay = _Relay()
        self._relay.finished.connect(self._on_finished)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._restoring = True

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(self._build_top_bar())
        layout.addLayout(self._build_slice_bar())
        self.error_label = QLabel(self)
        self.error_label.setObjectName("statisticsError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.scroll.setWidget(self.body)
        layout.addWidget(self.scroll, 1)
        self._build_body()
        self._restore_choices()
        self._restoring = False
        self._on_kind_changed()
        # The first figures right after the screen has painted.
        QTimer.singleShot(0, self, self.refresh)

    # ------------------------------------------------------------------ building

    def _build_top_bar(self) -> QHBoxLayout:
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("statisticsKind")
        names = (self.tr("Day"), self.tr("Week"), self.tr("Month"), self.tr("Quarter"), self.tr("Year"),
                 self.tr("Custom"))
        for key, name in zip(statistics.PERIOD_KINDS, names, strict=True):
            self.kind_combo.addItem(name, key)
        self.kind_combo.setCurrentIndex(statistics.PERIOD_KINDS.index("month"))
        self.date_edit = QDateEdit(self)
        self.to_edit = QDateEdit(self)
        for edit in (self.date_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(self.default_day()))
        self.to_label = QLabel("–", self)
        self.prev_button = QPushButton("◀", self)
        self.prev_button.setToolTip(self.tr("Previous period"))
        self.next_button = QPushButton("▶", self)
        self.next_button.setToolTip(self.tr("Next period"))
        for button in (self.prev_button, self.next_button):  # narrow, whatever the style sheet's minimum
            button.setStyleSheet("min-width: 0px; padding-left: 8px; padding-right: 8px;")
        self.period_label = QLabel(self)
        self.period_label.setObjectName("statisticsPeriod")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statisticsStatus")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.export_chart_button = QPushButton(self.tr("Export chart…"), self)
        self.export_chart_button.setToolTip(self.tr("Save a chart as a PNG picture or an SVG drawing"))
        self.report_button = QPushButton(self.tr("Monthly report…"), self)
        self.report_button.setToolTip(self.tr("The station report of the period shown (PDF), with print preview"))
        self.hq_button = QPushButton(self.tr("HQ workbook…"), self)
        self.hq_button.setToolTip(self.tr("The workbook HQ receives for the period shown (Excel)"))

        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.date_edit.dateChanged.connect(self._on_choice_changed)
        self.to_edit.dateChanged.connect(self._on_choice_changed)
        self.prev_button.clicked.connect(self.previous_period)
        self.next_button.clicked.connect(self.next_period)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_chart_button.clicked.connect(lambda: self.export_chart_dialog())
        self.report_button.clicked.connect(lambda: self.make_report())
        self.hq_button.clicked.connect(lambda: self.export_hq())

        row = QHBoxLayout()
        row.addWidget(self.kind_combo)
        row.addWidget(self.prev_button)
        row.addWidget(self.date_edit)
        row.addWidget(self.to_label)
        row.addWidget(self.to_edit)
        row.addWidget(self.next_button)
        row.addWidget(self.period_label, 1)
        row.addWidget(self.status_label)
        for button in (self.refresh_button, self.export_chart_button, self.report_button, self.hq_button):
            row.addWidget(button)
        return row

    def _build_slice_bar(self) -> QHBoxLayout:
        lk = self.lookups
        self.category_combo = self._combo(self.tr("All categories"), lk.categories)
        self.subtype_combo = self._combo(self.tr("All types"), ())
        self.community_combo = self._combo(self.tr("All communities"), lk.communities)
        self.grid_combo = self._combo(self.tr("All grids"), lk.grids)
        self.unit_combo = self._combo(self.tr("All units"), lk.units)
        self.officer_combo = self._combo(self.tr("All officers"), lk.officers)
        self.category_combo.currentIndexChanged.connect(self._on_category)
        self.community_combo.currentIndexChanged.connect(self._on_community)
        self.unit_combo.currentIndexChanged.connect(self._on_unit)
        for combo in (self.subtype_combo, self.grid_combo, self.officer_combo):
            combo.currentIndexChanged.connect(self._on_choice_changed)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Slice"), self))
        for combo in self.slice_combos().values():
            row.addWidget(combo, 1)
        return row

    def slice_combos(self) -> dict[str, QComboBox]:
        return {"category_id": self.category_combo, "subtype_id": self.subtype_combo,
                "community_id": self.community_combo, "grid_id": self.grid_combo, "unit_id": self.unit_combo,
                "officer_id": self.officer_combo}

    def _combo(self, everything: str, choices: Any) -> QComboBox:
        combo = QComboBox(self)
        combo.setMinimumContentsLength(6)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._fill(combo, everything, choices)
        return combo

    @staticmethod
    def _fill(combo: QComboBox, everything: str, choices: Any) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for choice in choices:
            combo.addItem(choice.name, choice.id)
        combo.setCurrentIndex(max(0, combo.findData(keep)) if keep is not None else 0)
        combo.blockSignals(False)

    def _build_body(self) -> None:
        from desktop.views import stat_charts  # pyqtgraph: only now, when the screen is built

        body = self.body
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 4, 0, 4)
        outer.setSpacing(12)

        cards = QGridLayout()
        cards.setSpacing(8)
        titles = (
            ("incidents", self.tr("Incidents")), ("criminal_incidents", self.tr("Criminal incidents")),
            ("criminal_cases", self.tr("Criminal cases")),
            ("closure_rate_30", self.tr("30-day closure rate")), ("mediation_success", self.tr("Mediation success")),
            ("transfer_resolution", self.tr("Transfer resolution")),
            ("work_order_on_time", self.tr("Work orders on time")), ("overdue", self.tr("Overdue work orders")),
        )
        self.cards: dict[str, KeyFigureCard] = {}
        for i, (key, title) in enumerate(titles):
            card = KeyFigureCard(key, title, body)
            self.cards[key] = card
            cards.addWidget(card, i // 4, i % 4)
        outer.addLayout(cards)

        self.trend_chart = stat_charts.TrendChart(self.tr("Incidents per duty day"), body)
        self.trend_chart.clicked.connect(self._drill_day)
        outer.addWidget(self.trend_chart)

        row = QHBoxLayout()
        self.category_chart = stat_charts.CategoryChart(self.tr("Incidents by category"), body)
        self.category_chart.clicked.connect(self._drill_category_index)
        self.category_table = self._table(body, [self.tr("Category"), self.tr("Incidents"), self.tr("Last year"),
                                                 self.tr("YoY"), self.tr("Share")])
        self.category_table.setObjectName("categoryTable")
        self.category_table.cellDoubleClicked.connect(lambda r, _c: self._drill_table_row(self.category_table, r))
        row.addWidget(self.category_chart, 3)
        row.addWidget(self.category_table, 2)
        outer.addLayout(row)

        row = QHBoxLayout()
        self.area_tabs = QTabWidget(body)
        headers = [self.tr("Name"), self.tr("Incidents"), self.tr("Last year"), self.tr("YoY"), self.tr("Share")]
        self.community_table = self._table(body, [self.tr("Community"), *headers[1:]])
        self.community_table.setObjectName("communityTable")
        self.grid_table = self._table(body, [self.tr("Grid"), *headers[1:]])
        self.grid_table.setObjectName("gridTable")
        for table in (self.community_table, self.grid_table):
            table.cellDoubleClicked.connect(lambda r, _c, t=table: self._drill_table_row(t, r))
            table.setToolTip(self.tr("Double-click a row to list its incidents"))
        self.area_tabs.addTab(self.community_table, self.tr("By community"))
        self.area_tabs.addTab(self.grid_table, self.tr("By grid"))
        self.area_tabs.setMinimumHeight(280)
        self.heat_map = stat_charts.HeatMapChart(self.tr("Incidents by weekday and hour"), body)
        self.heat_map.clicked.connect(self._drill_cell)
        row.addWidget(self.area_tabs, 2)
        row.addWidget(self.heat_map, 3)
        outer.addLayout(row)

        row = QHBoxLayout()
        orders = QFrame(body)
        orders.setFrameShape(QFrame.Shape.StyledPanel)
        orders_layout = QVBoxLayout(orders)
        orders_layout.addWidget(QLabel("<b>" + self.tr("Work orders") + "</b>", orders))
        self.orders_label = QLabel(orders)
        self.orders_label.setObjectName("workOrderSummary")
        self.orders_label.setWordWrap(True)
        orders_layout.addWidget(self.orders_label)
        self.unit_table = self._table(orders, [self.tr("Unit"), self.tr("Closed"), self.tr("On time"),
                                               self.tr("On-time rate"), self.tr("Overdue now"), self.tr("Open now")])
        self.unit_table.setObjectName("unitTable")
        orders_layout.addWidget(self.unit_table)
        mediation = QFrame(body)
        mediation.setFrameShape(QFrame.Shape.StyledPanel)
        mediation_layout = QVBoxLayout(mediation)
        mediation_layout.addWidget(QLabel("<b>" + self.tr("Disputes and mediation") + "</b>", mediation))
        form = QFormLayout()
        self.mediation_values: dict[str, QLabel] = {}
        for key, label in (("registered", self.tr("Disputes registered")),
                           ("success", self.tr("Mediation success rate")),
                           ("transfers", self.tr("Transfers")),
                           ("transfer_resolution", self.tr("Transfer resolution rate")),
                           ("repeats", self.tr("Repeat-call clusters"))):
            value = QLabel(mediation)
            value.setWordWrap(True)
            form.addRow(label, value)
            self.mediation_values[key] = value
        mediation_layout.addLayout(form)
        mediation_layout.addStretch(1)
        row.addWidget(orders, 3)
        row.addWidget(mediation, 2)
        outer.addLayout(row)
        outer.addStretch(1)

    def _table(self, parent: QWidget, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), parent)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # numbers take what they need
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name the rest
        table.setMinimumHeight(240)
        return table

    def charts(self) -> dict[str, Any]:
        """The exportable charts by key, with their titles."""
        return {"trend": self.trend_chart, "category": self.category_chart, "heat_map": self.heat_map}

    # ------------------------------------------------------------------ choices

    def cutover_hour(self) -> int:
        if self.store is None:
            return 8
        try:
            return int(self.store.snapshot().cutover_hour)
        except Exception:  # an unreadable settings store: the default cut-over
            log.exception("could not read the cut-over hour")
            return 8

    def default_day(self, now: datetime | None = None) -> date:
        """The last complete duty day: a day's figures are whole only after its cut-over next morning."""
        now = now or datetime.now()
        return (now - timedelta(hours=self.cutover_hour())).date() - timedelta(days=1)

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def current_period(self) -> statistics.Period:
        """The chosen period (a custom range the service refuses raises its ValidationError)."""
        first = self.date_edit.date().toPython()
        last = self.to_edit.date().toPython() if self.kind() == "custom" else None
        return statistics.period_of(self.kind(), first, cutover_hour=self.cutover_hour(), last_day=last)

    def current_slice(self) -> statistics.Slice:
        return statistics.Slice(**{key: combo.currentData() for key, combo in self.slice_combos().items()})

    def set_period(self, kind: str, first: date, last: date | None = None) -> None:
        """Choose a period (refreshes once)."""
        restoring, self._restoring = self._restoring, True
        try:
            self.kind_combo.setCurrentIndex(statistics.PERIOD_KINDS.index(kind))
            self.date_edit.setDate(QDate(first))
            if last is not None:
                self.to_edit.setDate(QDate(last))
        finally:
            self._restoring = restoring
        self._on_kind_changed()

    def set_slice(self, **ids: int | None) -> None:
        """Choose a slice by ids (refreshes once); unknown ids choose "all"."""
        restoring, self._restoring = self._restoring, True
        try:
            for key in SLICE_KEYS:
                combo = self.slice_combos()[key]
                if key == "subtype_id":
                    self._on_category()
                elif key == "grid_id":
                    self._on_community()
                elif key == "officer_id":
                    self._on_unit()
                combo.setCurrentIndex(max(0, combo.findData(ids.get(key))) if ids.get(key) is not None else 0)
        finally:
            self._restoring = restoring
        self._on_choice_changed()

    def _on_kind_changed(self) -> None:
        custom = self.kind() == "custom"
        self.to_edit.setVisible(custom)
        self.to_label.setVisible(custom)
        self._on_choice_changed()

    def _on_category(self) -> None:
        category = self.category_combo.currentData()
        subtypes = [s for s in self.lookups.subtypes if s.parent_id == category] if category else []
        self._fill(self.subtype_combo, self.tr("All types"), subtypes)
        self._on_choice_changed()

    def _on_community(self) -> None:
        community = self.community_combo.currentData()
        grids = [g for g in self.lookups.grids if community is None or g.parent_id == community]
        self._fill(self.grid_combo, self.tr("All grids"), grids)
        self._on_choice_changed()

    def _on_unit(self) -> None:
        unit = self.unit_combo.currentData()
        people = [p for p in self.lookups.officers if unit is None or p.parent_id == unit]
        self._fill(self.officer_combo, self.tr("All officers"), people)
        self._on_choice_changed()

    def _on_choice_changed(self, *_args: Any) -> None:
        if self._restoring:
            return
        self._save_choices()
        self.schedule_refresh()

    def schedule_refresh(self) -> None:
        self._refresh_timer.start()

    def previous_period(self) -> None:
        try:
            period = statistics.previous_period(self.current_period())
        except StationDeskError as exc:
            self.show_error(problem_text(exc))
            return
        self.set_period(self.kind(), period.first_day, period.last_day)

    def next_period(self) -> None:
        try:
            current = self.current_period()
        except StationDeskError as exc:
            self.show_error(problem_text(exc))
            return
        first = current.last_day + timedelta(days=1)
        last = first + timedelta(days=current.days - 1) if self.kind() == "custom" else None
        self.set_period(self.kind(), first, last)

    def _save_choices(self) -> None:
        self.settings.setValue(SETTINGS_PREFIX + "kind", self.kind())
        for key, combo in self.slice_combos().items():
            value = combo.currentData()
            self.settings.setValue(SETTINGS_PREFIX + key, "" if value is None else int(value))

    def _restore_choices(self) -> None:
        kind = str(self.settings.value(SETTINGS_PREFIX + "kind", "month") or "month")
        if kind in statistics.PERIOD_KINDS:
            self.kind_combo.setCurrentIndex(statistics.PERIOD_KINDS.index(kind))
        ids: dict[str, int | None] = {}
        for key in SLICE_KEYS:
            raw = self.settings.value(SETTINGS_PREFIX + key, "")
            try:
                ids[key] = int(raw) if raw not in (None, "") else None
            except (TypeError, ValueError):
                ids[key] = None
        if any(v is not None for v in ids.values()):
            self.set_slice(**ids)

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Read the dashboard of the chosen period and slice on a worker thread."""
        self._refresh_timer.stop()
        try:
            period = self.current_period()
        except StationDeskError as exc:
            self.show_error(problem_text(exc))
            return
        slice_ = self.current_slice()
        if self._cancel is not None:
            self._cancel.set()  # the previous query stops at its next check; its result is dropped
        self._request += 1
        request, cancel = self._request, threading.Event()
        self._cancel = cancel
        self.loading = True
        self.period_label.setText(period.label)
        self.status_label.setText(self.tr("Loading…"))
        for card in self.cards.values():
            card.set_loading()
        db, station_id, relay = self.db, self.login.station_id, self._relay

        def work() -> None:
            try:
                result = statistics.dashboard(db, station_id, period, slice_, cancelled=cancel.is_set)
            except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, shown there
                outcome: tuple[Any, Any] = (None, exc)
            else:
                outcome = (result, None)
            with contextlib.suppress(RuntimeError):  # the screen is gone: nobody to tell
                relay.finished.emit(request, *outcome)

        self._threads = [t for t in self._threads if t.is_alive()]
        thread = threading.Thread(target=work, name=f"statistics-{request}", daemon=True)
        self._threads.append(thread)
        thread.start()

    def wait_idle(self, timeout: float = 30.0) -> None:
        """Wait for the worker threads (tests, closing)."""
        for thread in list(self._threads):
            thread.join(timeout)

    def _on_finished(self, request: int, result: Any, error: Any) -> None:
        if request != self._request:
            return  # a period or slice the user has left meanwhile
        self.loading = False
        self.status_label.setText("")
        if error is not None:
            if isinstance(error, Cancelled):
                return
            if isinstance(error, StationDeskError):
                text = problem_text(error)
            else:
                log.error("the statistics could not be read", exc_info=error)
                text = self.tr("The statistics could not be read from the database. Check the connection and "
                               "press Refresh.")
            self.show_error(text)
            return
        self.error_label.hide()
        self.error_text = ""
        self.show_dashboard(result)

    def show_error(self, text: str) -> None:
        self.loading = False
        self.error_text = text
        self.error_label.setText(text)
        self.error_label.show()
        self.status_label.setText("")
        for card in self.cards.values():
            card.value_label.setText("—")
        self.failed.emit(text)

    # ------------------------------------------------------------------ rendering

    def show_dashboard(self, d: statistics.Dashboard) -> None:
        self.dashboard = d
        self.period_label.setText(d.period.label)
        cards = self.cards
        cards["incidents"].show_change(d.incidents)
        cards["criminal_incidents"].show_change(d.criminal_incidents)
        cards["criminal_cases"].show_change(d.criminal_cases)
        cards["closure_rate_30"].show_rate(d.closure_rate_30)
        cards["mediation_success"].show_rate(d.mediation_success)
        cards["transfer_resolution"].show_rate(d.transfer_resolution)
        cards["work_order_on_time"].show_rate(d.work_order_on_time)
        cards["overdue"].show_count(d.work_orders_overdue_now, self.tr("open past their deadline now"),
                                    alarming=True)

        # The duty day in progress is the last with a point: later days have not happened yet.
        self.trend_chart.set_data(d.daily, today=self.default_day())  # the running duty day is partial
        self.category_chart.set_data([(b.key, b.name, b.value) for b in d.by_category])
        self._fill_breakdown(self.category_table, d.by_category, "category")
        self._fill_breakdown(self.community_table, d.by_community, "community")
        self._fill_breakdown(self.grid_table, d.by_grid, "grid")
        self.heat_map.set_data(d.hour_weekday)
        self._fill_units(d.work_orders_by_unit)
        self.orders_label.setText(self.tr(
            "Issued in the period: {issued}; closed: {closed}, on time {on_time} ({pct}); overdue now: {overdue}"
        ).format(issued=statistics.number_text(d.work_orders_issued),
                 closed=statistics.number_text(d.work_order_on_time.denominator),
                 on_time=statistics.number_text(d.work_order_on_time.numerator),
                 pct=statistics.pct_text(d.work_order_on_time.pct),
                 overdue=statistics.number_text(d.work_orders_overdue_now)))
        values = self.mediation_values
        values["registered"].setText(statistics.number_text(d.disputes_registered))
        values["success"].setText(self._rate_text(d.mediation_success))
        values["transfers"].setText(statistics.number_text(d.transfers))
        values["transfer_resolution"].setText(self._rate_text(d.transfer_resolution))
        kinds = {"same_caller": self.tr("same caller"), "same_place": self.tr("same place"),
                 "same_event": self.tr("same event")}
        values["repeats"].setText("；".join(f"{kinds.get(k, k)} {n:,}" for k, n in d.repeats_by_kind.items())
                                  or "0")
        self.loaded.emit()

    def _rate_text(self, rate: statistics.Rate) -> str:
        return self.tr("{pct} ({numerator:,} of {denominator:,})").format(
            pct=statistics.pct_text(rate.pct), numerator=rate.numerator, denominator=rate.denominator)

    def _fill_breakdown(self, table: QTableWidget, rows: Any, kind: str) -> None:
        table.setSortingEnabled(False)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            name = QTableWidgetItem(row.name)
            name.setData(Qt.ItemDataRole.UserRole, (kind, row.key))
            if row.key is None:
                name.setToolTip(self.tr("Incidents without this field cannot be listed by it"))
            table.setItem(r, 0, name)
            table.setItem(r, 1, _SortItem(statistics.number_text(row.value), row.value))
            table.setItem(r, 2, _SortItem(statistics.number_text(row.last_year), row.last_year))
            yoy = _SortItem(percent_text(row.yoy_pct), row.yoy_pct)
            yoy.setForeground(_brush(change_colour(row.yoy_pct, lower_is_better=True)))
            table.setItem(r, 3, yoy)
            table.setItem(r, 4, _SortItem(statistics.pct_text(row.share_pct), row.share_pct))
        table.setSortingEnabled(True)
        table.sortByColumn(1, Qt.SortOrder.DescendingOrder)

    def _fill_units(self, rows: Any) -> None:
        table = self.unit_table
        table.setSortingEnabled(False)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(row.name))
            number = statistics.number_text
            cells = ((row.closed, number(row.closed)), (row.on_time, number(row.on_time)),
                     (row.pct, statistics.pct_text(row.pct)), (row.overdue_now, number(row.overdue_now)),
                     (row.open_now, number(row.open_now)))
            for c, (key, text) in enumerate(cells, 1):
                item = _SortItem(text, key)
                if c == 4 and row.overdue_now:
                    item.setForeground(_brush(UP_BAD))
                table.setItem(r, c, item)
        table.setSortingEnabled(True)

    # ------------------------------------------------------------------ drilling down

    def drill_filter(self, start: datetime, end: datetime, **ids: int | None) -> dict[str, Any]:
        """The incident-list filter: the range (end exclusive), the slice, then ``ids`` over it."""
        d = self.dashboard
        base = dataclasses.asdict(d.slice) if d is not None else dataclasses.asdict(self.current_slice())
        base.update(ids)
        return {"start": start, "end": end, **base}

    def _emit(self, filter: dict[str, Any]) -> None:
        self.drill_down.emit(filter)

    def _drill_day(self, day: date) -> None:
        if self.dashboard is None:
            return
        day_period = statistics.period_of("day", day, cutover_hour=self.cutover_hour())
        self._emit(self.drill_filter(day_period.start, day_period.end))

    def _drill_category_index(self, index: int) -> None:
        if self.dashboard is None or not 0 <= index < len(self.dashboard.by_category):
            return
        self._drill_category(self.dashboard.by_category[index].key)

    def _drill_category(self, key: int | None) -> None:
        d = self.dashboard
        if d is None or key is None:  # 未分类 cannot be chosen in the list's filters
            return
        subtype_ids = {s.id for s in self.lookups.subtypes}
        if key in subtype_ids:  # the bars of a sliced category are its subtypes
            parent = next(s.parent_id for s in self.lookups.subtypes if s.id == key)
            ids = {"category_id": parent, "subtype_id": key}
        else:
            ids = {"category_id": key, "subtype_id": None}
        self._emit(self.drill_filter(d.period.start, d.period.end, **ids))

    def _drill_table_row(self, table: QTableWidget, row: int) -> None:
        d = self.dashboard
        item = table.item(row, 0)
        if d is None or item is None:
            return
        kind, key = item.data(Qt.ItemDataRole.UserRole)
        if key is None:
            return
        if kind == "category":
            self._drill_category(key)
        elif kind == "community":
            self._emit(self.drill_filter(d.period.start, d.period.end, community_id=key, grid_id=None))
        elif kind == "grid":
            parent = next((g.parent_id for g in self.lookups.grids if g.id == key), None)
            self._emit(self.drill_filter(d.period.start, d.period.end, community_id=parent, grid_id=key))

    def _drill_cell(self, _cell: tuple[int, int]) -> None:
        d = self.dashboard
        if d is not None:  # the list has no hour-of-day filter: the whole period (the tooltip says so)
            self._emit(self.drill_filter(d.period.start, d.period.end))

    # ------------------------------------------------------------------ charts out

    def export_chart(self, key: str, path: str | Path) -> Path:
        """Write chart ``key`` ("trend", "category", "heat_map") to ``path`` (.png or .svg)."""
        return self.charts()[key].export(path)

    def export_chart_dialog(self) -> Path | None:
        dialog = ChartExportDialog({k: c.title for k, c in self.charts().items()}, self)
        if not dialog_parts.exec_dialog(dialog):
            return None
        key, path = dialog.values()
        if not str(path):
            return None
        try:
            written = self.export_chart(key, path)
        except Exception as exc:  # noqa: BLE001 - a full disk or a locked file: say so
            log.warning("chart export to %s failed: %s", path, exc)
            QMessageBox.warning(self, self.tr("Export chart"),
                                self.tr("The chart could not be saved: {error}").format(error=exc))
            return None
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("Chart saved to {path}").format(path=written), 8000)
        return written

    # ------------------------------------------------------------------ report and workbook

    def _period_or_warn(self, title: str) -> statistics.Period | None:
        try:
            return self.current_period()
        except StationDeskError as exc:
            QMessageBox.warning(self, title, problem_text(exc))
            return None

    def _run(self, title: str, label: str, func: Any) -> tuple[bool, Any]:
        """Run ``func(progress, cancelled)`` off the UI thread with progress and Cancel."""
        from desktop.views.job_runner import run_job

        try:
            return True, run_job(self, func, title=title, label=label)
        except Cancelled:
            return False, None
        except StationDeskError as exc:
            QMessageBox.warning(self, title, problem_text(exc))
        except Exception as exc:  # logged; the user reads a sentence, not a traceback
            log.error("%s failed", title, exc_info=exc)
            QMessageBox.warning(self, title, self.tr("This could not be done; details are in the log file."))
        return False, None

    def make_report(self) -> bool:
        """The station report of the period shown as PDF (off the UI thread), then print preview."""
        title = self.tr("Station report")
        period = self._period_or_warn(title)
        if period is None:
            return False
        try:
            from desktop.services.station_report import write_station_report
        except ImportError:
            QMessageBox.information(self, title, self.tr("The station report is not available in this version."))
            return False
        from desktop.views.print_preview_dialog import PrintPreviewDialog

        fd, name = tempfile.mkstemp(prefix="stationdesk-report-", suffix=".pdf")
        os.close(fd)
        path = Path(name)
        db, login = self.db, self.login
        try:
            ok, _ = self._run(title, self.tr("Writing the report of {period}…").format(period=period.label),
                              lambda progress, cancelled: write_station_report(
                                  db, login, period, path, progress=progress, cancelled=cancelled))
            if not ok:
                return False
            dialog = PrintPreviewDialog(path, self, title=self.tr("Station report — {period}").format(
                period=period.label), suggested_name=f"统计报告-{period.label}.pdf")
            dialog_parts.exec_dialog(dialog)
            dialog.deleteLater()
            return True
        finally:
            with contextlib.suppress(OSError):
                path.unlink()

    def export_hq(self) -> dict[str, int] | None:
        """The HQ workbook of the period shown, with a chosen export profile (off the UI thread)."""
        title = self.tr("HQ workbook")
        period = self._period_or_warn(title)
        if period is None:
            return None
        try:
            from desktop.services.hq_export import list_export_profiles, write_hq_workbook
        except ImportError:
            QMessageBox.information(self, title, self.tr("The HQ workbook is not available in this version."))
            return None
        try:
            profiles = [str(p["name"] if isinstance(p, dict) else p.name)  # dicts today; objects per the brief
                        for p in list_export_profiles(self.db, self.login.station_id)]
        except Exception:  # the profiles are a convenience: the default layout still works
            log.exception("could not list the export profiles")
            profiles = []
        dialog = HqExportDialog(profiles, str(Path.home() / f"上报-{period.label}.xlsx"), self)
        if not dialog_parts.exec_dialog(dialog):
            return None
        profile, target = dialog.values()
        if not target:
            return None
        path = Path(target)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        db, login = self.db, self.login
        ok, counts = self._run(title, self.tr("Writing the HQ workbook of {period}…").format(period=period.label),
                               lambda progress, cancelled: write_hq_workbook(
                                   db, login, period, path, profile=profile, progress=progress,
                                   cancelled=cancelled))
        if not ok:
            return None
        counts = dict(counts or {})
        lines = "\n".join(f"{sheet}：{statistics.number_text(n)}" for sheet, n in counts.items())
        QMessageBox.information(self, title, self.tr("Saved to {path}").format(path=path)
                                + ("\n\n" + lines if lines else ""))
        return counts


def _brush(colour: str) -> Any:
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(colour))


class _FileRow(QWidget):
    """A path field with 浏览… (a save-file dialog)."""

    def __init__(self, path: str, file_filter: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.file_filter = file_filter
        self.edit = QLineEdit(path, self)
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.browse_button.clicked.connect(self.browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse_button)

    def browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), self.edit.text(), self.file_filter)
        if name:
            self.edit.setText(name)


class ChartExportDialog(QDialog):
    """Which chart, PNG or SVG, and where."""

    def __init__(self, charts: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export chart"))
        self.chart_combo = QComboBox(self)
        for key, title in charts.items():
            self.chart_combo.addItem(title, key)
        self.format_combo = QComboBox(self)
        self.format_combo.addItem(self.tr("PNG picture"), "png")
        self.format_combo.addItem(self.tr("SVG drawing (scalable)"), "svg")
        self.file_row = _FileRow(str(Path.home() / "chart.png"),
                                 self.tr("Pictures (*.png *.svg)"), self)
        self.format_combo.currentIndexChanged.connect(self._on_format)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Chart"), self.chart_combo)
        form.addRow(self.tr("Format"), self.format_combo)
        form.addRow(self.tr("File"), self.file_row)
        form.addRow(buttons)
        self.setMinimumWidth(520)

    def _on_format(self) -> None:
        path = Path(self.file_row.edit.text() or "chart")
        self.file_row.edit.setText(str(path.with_suffix("." + self.format_combo.currentData())))

    def values(self) -> tuple[str, Path]:
        """(chart key, path with the chosen format's suffix)."""
        text = self.file_row.edit.text().strip()
        path = Path(text) if text else Path()
        suffix = "." + self.format_combo.currentData()
        if text and path.suffix.lower() not in (".png", ".svg"):
            path = path.with_name(path.name + suffix)
        return self.chart_combo.currentData(), path


class HqExportDialog(QDialog):
    """The export profile (or the standard layout) and the workbook's file."""

    def __init__(self, profiles: list[str], path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("HQ workbook"))
        self.profile_combo = QComboBox(self)
        self.profile_combo.addItem(self.tr("(standard layout)"), None)
        for name in profiles:
            self.profile_combo.addItem(name, name)
        self.file_row = _FileRow(path, self.tr("Excel workbooks (*.xlsx)"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Export profile"), self.profile_combo)
        form.addRow(self.tr("File"), self.file_row)
        form.addRow(buttons)
        self.setMinimumWidth(520)

    def values(self) -> tuple[str | None, str]:
        return self.profile_combo.currentData(), self.file_row.edit.text().strip()


__all__ = ["ChartExportDialog", "HqExportDialog", "KeyFigureCard", "StatisticsScreen", "change_colour"]
