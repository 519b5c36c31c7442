"""The 统计报表 screen: the figures are the service's, period and slice refresh them, ◀ ▶ step, clicks
drill into the 警情 list (which then shows exactly those incidents), charts export as PNG and SVG, the
report button makes the PDF, and a service error is a message on the screen.

Hand-counted fixture (cut-over 08:00; March 2026 runs 03-01 08:00 → 04-01 08:00):
  J1 03-05 09:00 cat A, 东门社区/东一网格   J2 03-05 21:00 cat A, 东门社区
  J3 03-06 07:00 cat B, 西门社区 (still duty day 03-05)   J4 03-10 12:00 cat B, 东门社区/东一网格
  J5 03-01 07:00 cat A (duty day 02-28: February)         J6 2025-03-05 10:00 cat A (last year)
So March: 4 incidents; duty day 03-05: 3; cat A: 2; 东门社区: 3; 东一网格: 2; February: 1.
"""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from desktop.errors import ValidationError
from desktop.models import Community, Grid, Station
from desktop.services import statistics
from desktop.services.incidents import lookups
from desktop.views import dialog_parts
from desktop.views import statistics_screen as screen_module
from desktop.views.main_window import SCREENS, MainWindow
from desktop.views.print_preview_dialog import HAVE_QTPDF
from desktop.views.statistics_screen import StatisticsScreen
from tests.factories import make_incident

MARCH = date(2026, 3, 1)


@dataclasses.dataclass
class Data:
    db: object
    login: object
    cat_a: int
    cat_b: int
    east: int
    west: int
    east_grid: int


@pytest.fixture
def data(station) -> Data:
    db, admin = station
    sid = admin.station_id
    lk = lookups(db, sid)
    cat_a, cat_b = lk.categories[0].id, lk.categories[1].id
    with db.transaction(station_id=sid, staff_id=admin.staff_id) as s:
        st = s.get(Station, sid)
        east = Community(station_id=sid, code="C1", name="东门社区")
        west = Community(station_id=sid, code="C2", name="西门社区")
        s.add_all([east, west])
        s.flush()
        grid = Grid(station_id=sid, community_id=east.id, code="G1", name="东一网格")
        s.add(grid)
        s.flush()
        rows = (("J1", datetime(2026, 3, 5, 9), cat_a, east.id, grid.id),
                ("J2", datetime(2026, 3, 5, 21), cat_a, east.id, None),
                ("J3", datetime(2026, 3, 6, 7), cat_b, west.id, None),
                ("J4", datetime(2026, 3, 10, 12), cat_b, east.id, grid.id),
                ("J5", datetime(2026, 3, 1, 7), cat_a, None, None),
                ("J6", datetime(2025, 3, 5, 10), cat_a, None, None))
        for number, at, category, community, grid_id in rows:
            make_incident(s, st, number, at=at, category_id=category, community_id=community, grid_id=grid_id)
        ids = (cat_a, cat_b, east.id, west.id, grid.id)
    return Data(db, admin, *ids)


@pytest.fixture
def messages(monkeypatch):
    shown: list[str] = []

    def record(_parent, _title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(QMessageBox, "information", record)
    return shown


def _wait(qtbot, screen: StatisticsScreen) -> statistics.Dashboard:
    qtbot.waitUntil(lambda: not screen.loading and not screen._refresh_timer.isActive()
                    and (screen.dashboard is not None or screen.error_text), timeout=15000)
    return screen.dashboard


def _refreshed(qtbot, screen: StatisticsScreen, change) -> statistics.Dashboard:
    """Make ``change`` and wait for the dashboard it causes."""
    with qtbot.waitSignal(screen.loaded, timeout=15000):
        change()
    return screen.dashboard


def _march(qtbot, screen: StatisticsScreen) -> statistics.Dashboard:
    _wait(qtbot, screen)
    return _refreshed(qtbot, screen, lambda: screen.set_period("month", MARCH))


@pytest.fixture
def screen(qtbot, data, settings):
    widget = StatisticsScreen(data.db, data.login, settings=settings)
    qtbot.addWidget(widget)
    widget.resize(1280, 900)
    widget.show()
    yield widget
    widget.wait_idle()


def test_cards_show_the_service_figures(qtbot, screen, data):
    d = _march(qtbot, screen)
    expected = statistics.dashboard(data.db, data.login.station_id, statistics.period_of("month", MARCH))
    assert d.period.label == "2026年3月" and screen.period_label.text() == "2026年3月"
    assert d.incidents == expected.incidents
    assert d.incidents.value == 4 and d.incidents.last_year == 1 and d.incidents.previous == 1
    assert screen.cards["incidents"].value_label.text() == "4"
    assert screen.cards["incidents"].lines[0].text() == "YoY +300.0% (last year 1)"
    assert screen.cards["criminal_incidents"].value_label.text() == statistics.number_text(
        expected.criminal_incidents.value)
    assert screen.cards["mediation_success"].value_label.text() == statistics.pct_text(expected.mediation_success.pct)
    assert screen.cards["overdue"].value_label.text() == statistics.number_text(expected.work_orders_overdue_now)
    # A rise in incidents is red, a fall green.
    assert "#c62828" in screen.cards["incidents"].lines[0].styleSheet()
    assert screen_module.change_colour(-10.0, lower_is_better=True) == screen_module.DOWN_GOOD
    assert screen_module.change_colour(-10.0, lower_is_better=False) == screen_module.UP_BAD
    # Charts and tables hold the same numbers.
    assert sum(screen.trend_chart.counts) == 4
    assert screen.trend_chart.counts[screen.trend_chart.x_of(date(2026, 3, 5))] == 3
    assert sorted(v for _k, _n, v in screen.category_chart.rows) == sorted(b.value for b in expected.by_category)
    names = {screen.community_table.item(r, 0).text(): screen.community_table.item(r, 1).text()
             for r in range(screen.community_table.rowCount())}
    assert names["东门社区"] == "3" and names["西门社区"] == "1"
    assert screen.heat_map.grid.sum() == 4
    assert screen.heat_map.grid[3, 9] == 1  # J1: Thursday 09:00


def test_loading_shows_dots_then_period_slice_and_arrows_refresh(qtbot, screen, data, settings):
    _march(qtbot, screen)
    screen.refresh()
    assert screen.cards["incidents"].value_label.text() == "…"
    _wait(qtbot, screen)

    d = _refreshed(qtbot, screen, lambda: screen.community_combo.setCurrentIndex(
        screen.community_combo.findData(data.east)))
    assert d.slice.community_id == data.east and d.incidents.value == 3
    assert [screen.grid_combo.itemText(i) for i in range(screen.grid_combo.count())][1:] == ["东一网格"]
    d = _refreshed(qtbot, screen, lambda: screen.grid_combo.setCurrentIndex(screen.grid_combo.findData(data.east_grid)))
    assert d.incidents.value == 2

    d = _refreshed(qtbot, screen, screen.previous_period)
    assert d.period.label == "2026年2月" and screen.date_edit.date().toPython() == date(2026, 2, 1)
    d = _refreshed(qtbot, screen, screen.next_period)
    assert d.period.label == "2026年3月"

    d = _refreshed(qtbot, screen, lambda: screen.kind_combo.setCurrentIndex(
        statistics.PERIOD_KINDS.index("year")))
    assert d.period.kind == "year" and d.incidents.value == 2  # 2026: J1+J4 in the grid (J5 has none)

    d = _refreshed(qtbot, screen, lambda: screen.set_period("custom", date(2026, 3, 5), date(2026, 3, 9)))
    assert d.period.first_day == date(2026, 3, 5) and d.period.days == 5 and screen.to_edit.isVisible()
    d = _refreshed(qtbot, screen, screen.next_period)
    assert (d.period.first_day, d.period.last_day) == (date(2026, 3, 10), date(2026, 3, 14))
    assert d.incidents.value == 1  # J4

    # Kind and slice are remembered.
    again = StatisticsScreen(data.db, data.login, settings=settings)
    qtbot.addWidget(again)
    assert again.kind() == "custom"
    assert again.current_slice() == statistics.Slice(community_id=data.east, grid_id=data.east_grid)
    _wait(qtbot, again)
    again.wait_idle()


def test_a_stale_result_is_dropped(qtbot, screen):
    _march(qtbot, screen)
    screen.refresh()
    stale = screen._request
    screen.set_period("month", date(2026, 2, 1))
    screen.refresh()
    screen._on_finished(stale, None, RuntimeError("late"))  # the first query's answer, arriving late
    assert screen.error_text == ""
    d = _wait(qtbot, screen)
    assert d.period.label == "2026年2月"


def test_hover_shows_values(qtbot, screen):
    _march(qtbot, screen)
    x = screen.trend_chart.x_of(date(2026, 3, 5))
    assert screen.trend_chart.hover_at(x, 1).startswith("2026-03-05: 3 incidents (same day last year 1)")
    assert screen.trend_chart.readout.text().startswith("2026-03-05")
    text = screen.heat_map.hover_at(9.5, 3.5)
    assert "1 incidents" in text and "cannot filter by hour" in text
    name = screen.category_chart.rows[0][1]
    assert screen.category_chart.hover_at(0.5, 0).startswith(f"{name}: ")


def test_clicks_emit_drill_down_filters(qtbot, screen, data):
    d = _march(qtbot, screen)
    screen.scroll.ensureWidgetVisible(screen.trend_chart)
    chart = screen.trend_chart
    with qtbot.waitSignal(screen.drill_down, timeout=3000) as day:
        qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton,
                         pos=chart.widget_point(chart.x_of(date(2026, 3, 5)), 1))
    assert day.args[0]["start"] == datetime(2026, 3, 5, 8) and day.args[0]["end"] == datetime(2026, 3, 6, 8)

    index = next(i for i, (key, _n, _v) in enumerate(screen.category_chart.rows) if key == data.cat_a)
    screen.scroll.ensureWidgetVisible(screen.category_chart)
    bars = screen.category_chart
    with qtbot.waitSignal(screen.drill_down, timeout=3000) as bar:
        qtbot.mouseClick(bars.plot.viewport(), Qt.MouseButton.LeftButton, pos=bars.widget_point(0.5, index))
    assert bar.args[0] == {"start": d.period.start, "end": d.period.end, "category_id": data.cat_a,
                           "subtype_id": None, "community_id": None, "grid_id": None, "unit_id": None,
                           "officer_id": None}

    table = screen.community_table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "东门社区")
    screen.scroll.ensureWidgetVisible(table)
    rect = table.visualItemRect(table.item(row, 0))
    with qtbot.waitSignal(screen.drill_down, timeout=3000) as community:
        # A view takes a double-click only on the row its press went to: press, then double-click.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert community.args[0]["community_id"] == data.east and community.args[0]["start"] == d.period.start

    with qtbot.waitSignal(screen.drill_down, timeout=3000) as cell:
        screen.heat_map.clicked.emit((3, 9))
    assert (cell.args[0]["start"], cell.args[0]["end"]) == (d.period.start, d.period.end)


def test_drill_down_through_the_main_window_lists_exactly_those_incidents(qtbot, data, settings):
    window = MainWindow(data.db, data.login, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.show_page(SCREENS.index("statistics"))
    screen = window.screen("statistics")
    assert isinstance(screen, StatisticsScreen)
    d = _march(qtbot, screen)
    incidents = window.screen("incidents").list_page

    def rows() -> int:
        return incidents.panel.model.rowCount()

    screen._drill_day(date(2026, 3, 5))
    assert window.current_page_key() == "incidents"
    qtbot.waitUntil(lambda: rows() == 3, timeout=5000)  # J1, J2 and J3 (03-06 07:00 is still 03-05's duty)
    assert incidents.period_combo.currentData() == "custom"
    assert incidents.from_edit.date() == QDate(2026, 3, 5) and incidents.to_edit.date() == QDate(2026, 3, 6)

    window.show_page(SCREENS.index("statistics"))
    screen._drill_category(data.cat_a)
    qtbot.waitUntil(lambda: rows() == 2, timeout=5000)  # J1, J2 (not J5: February; not J6: last year)
    assert incidents.category_combo.currentData() == data.cat_a

    table = screen.community_table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "东门社区")
    table.cellDoubleClicked.emit(row, 0)
    qtbot.waitUntil(lambda: rows() == 3 and incidents.category_combo.currentData() is None, timeout=5000)
    assert incidents.community_combo.currentData() == data.east

    grid_row = next(r for r in range(screen.grid_table.rowCount())
                    if screen.grid_table.item(r, 0).text() == "东一网格")
    screen.grid_table.cellDoubleClicked.emit(grid_row, 0)
    qtbot.waitUntil(lambda: rows() == 2 and incidents.grid_combo.currentData() == data.east_grid, timeout=5000)

    # Changing the dates by hand leaves the drilled range: whole calendar days again.
    incidents.from_edit.setDate(QDate(2026, 3, 1))
    incidents.to_edit.setDate(QDate(2026, 3, 31))
    qtbot.waitUntil(lambda: rows() == 2, timeout=5000)
    incidents.reset_filters()
    qtbot.waitUntil(lambda: rows() == 6, timeout=5000)
    assert d.incidents.value == 4
    screen.wait_idle()


def test_charts_export_as_png_and_svg(qtbot, screen, tmp_path, monkeypatch):
    _march(qtbot, screen)
    for key in ("trend", "category", "heat_map"):
        png = screen.export_chart(key, tmp_path / f"{key}.png")
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 1000
        svg = screen.export_chart(key, tmp_path / f"{key}.svg")
        root = ET.parse(svg).getroot()
        assert root.tag.endswith("svg") and len(list(root.iter())) > 10

    def fill(dialog) -> bool:
        dialog.chart_combo.setCurrentIndex(dialog.chart_combo.findData("heat_map"))
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("svg"))
        dialog.file_row.edit.setText(str(tmp_path / "heat"))
        return True

    monkeypatch.setattr(dialog_parts, "exec_dialog", fill)
    written = screen.export_chart_dialog()
    assert written == tmp_path / "heat.svg" and ET.parse(written).getroot().tag.endswith("svg")


def test_report_button_makes_the_pdf_and_previews_it(qtbot, screen, monkeypatch, messages):
    pytest.importorskip("desktop.services.station_report")
    _march(qtbot, screen)
    seen: list[tuple[str, bytes, int]] = []

    def preview(dialog) -> bool:
        seen.append((dialog.windowTitle(), dialog.pdf_path.read_bytes()[:5], dialog.page_count()))
        return True

    monkeypatch.setattr(dialog_parts, "exec_dialog", preview)
    assert screen.make_report(), messages
    assert len(seen) == 1
    title, head, pages = seen[0]
    assert "2026年3月" in title and head == b"%PDF-"
    assert pages >= 1 or not HAVE_QTPDF


def test_a_service_error_is_a_message_not_a_traceback(qtbot, screen, monkeypatch):
    _wait(qtbot, screen)

    def refuse(*_args, **_kwargs):
        raise ValidationError("自定义统计区间不能超过3660天")

    monkeypatch.setattr(statistics, "dashboard", refuse)
    with qtbot.waitSignal(screen.failed, timeout=5000) as failed:
        screen.refresh()
    assert failed.args[0] == "自定义统计区间不能超过3660天"
    assert screen.error_label.isVisible() and screen.error_label.text() == "自定义统计区间不能超过3660天"

    def broken(*_args, **_kwargs):
        raise RuntimeError("connection reset by peer")

    monkeypatch.setattr(statistics, "dashboard", broken)
    with qtbot.waitSignal(screen.failed, timeout=5000) as failed:
        screen.refresh()
    assert "could not be read" in failed.args[0] and "Traceback" not in failed.args[0]
    assert "connection reset" not in screen.error_label.text()

    # A custom range the service refuses is shown the same way, without a query.
    screen.kind_combo.setCurrentIndex(statistics.PERIOD_KINDS.index("custom"))
    screen.date_edit.setDate(QDate(2026, 3, 10))
    screen.to_edit.setDate(QDate(2026, 3, 1))
    screen.refresh()
    assert screen.error_label.isVisible() and screen.error_text


def test_hq_button_writes_the_workbook(qtbot, screen, monkeypatch, messages, tmp_path):
    pytest.importorskip("desktop.services.hq_export")
    import openpyxl

    _march(qtbot, screen)
    target = tmp_path / "上报"

    def fill(dialog) -> bool:
        assert dialog.profile_combo.currentData() is None  # the standard layout first
        dialog.file_row.edit.setText(str(target))
        return True

    monkeypatch.setattr(dialog_parts, "exec_dialog", fill)
    counts = screen.export_hq()
    assert counts is not None, messages
    written = tmp_path / "上报.xlsx"
    assert written.exists() and messages and str(written) in messages[-1]
    book = openpyxl.load_workbook(written, read_only=True)
    assert "警情明细" in book.sheetnames
    assert counts.get("警情明细") == 4  # March: J1–J4
