"""ListPanel over real incidents on every backend: debounced search, Ctrl+F and Esc, SQL sorting
by header clicks, a column layout that survives a new panel, export and print of what the list
shows (masked for roles that may not see personal data), selection and signals, and a failed
query shown as a message rather than raised."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton
from sqlalchemy import select, text

from desktop.models import Incident
from desktop.services.paging import ColumnSpec, PagedQuery, Sort
from desktop.views import list_panel as list_panel_module
from desktop.views.lazy_table_model import ID_ROLE
from desktop.views.list_panel import ListPanel, default_width
from tests.factories import make_station

N = 60
T0 = datetime(2025, 3, 1, 8, 0)
NAMES = ["张三丰", "李娜", "王小明", "赵敏"]
COLUMNS = [
    ColumnSpec("number", "编号", Incident.number),
    ColumnSpec("reported_at", "报警时间", Incident.reported_at, "datetime"),
    ColumnSpec("caller_name", "报警人", Incident.caller_name, mask="name"),
    ColumnSpec("caller_phone", "电话", Incident.caller_phone, mask="phone"),
    ColumnSpec("address", "地址", Incident.address),
    ColumnSpec("source_row", "行号", Incident.source_row, "int"),
]
NUMBER, REPORTED, NAME, PHONE, ADDRESS, ROW = range(6)


def _minutes(i: int) -> int:
    return (i * 37) % 211


@pytest.fixture
def seeded(db):
    with db.transaction() as s:
        a, *_ = make_station(s, "GD", "城关派出所")
        b, *_ = make_station(s, "XJ", "新街派出所")
        for i in range(N):
            s.add(Incident(station_id=a.id, number=f"N{i:04d}", reported_at=T0 + timedelta(minutes=_minutes(i)),
                           caller_name=NAMES[i % 4], caller_phone=f"138{i:08d}",
                           address=f"解放路{i}号" if i % 4 == 0 else f"人民路{i}号", source_row=i))
        s.add(Incident(station_id=b.id, number="OTHER", reported_at=T0, address="解放路1号"))
    return db, a.id


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    """A message box the test did not expect fails the test instead of blocking it."""

    def unexpected(*args, **_kw):
        pytest.fail(f"unexpected message box: {args[1:]}")

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(unexpected))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(unexpected))


@pytest.fixture
def make_panel(qtbot, seeded, settings):
    db, station_id = seeded

    def build(*, reveal_personal: bool = True, settings_: QSettings | None = None, **kw) -> ListPanel:
        query = PagedQuery(db, station_id=station_id, base=select(Incident), columns=COLUMNS, id_expr=Incident.id)
        panel = ListPanel(query, list_key="incidents", title="警情列表", settings=settings_ or settings,
                          reveal_personal=reveal_personal, **kw)
        qtbot.addWidget(panel)
        panel.resize(1000, 500)
        return panel

    return build


def _numbers(panel: ListPanel) -> list[str]:
    model = panel.model
    return [model.data(model.index(r, NUMBER)) for r in range(model.rowCount())]


def _show(qtbot, panel: ListPanel) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)


def test_newest_first_count_and_default_widths(make_panel):
    panel = make_panel()
    assert panel.model.current_sort == Sort(None, True)
    assert _numbers(panel)[:2] == ["N0059", "N0058"] and len(_numbers(panel)) == N
    assert panel.count_label.text() == "60 rows"
    assert panel.view.columnWidth(REPORTED) == 130 == default_width(COLUMNS[REPORTED])
    assert panel.view.columnWidth(ROW) == 80
    assert panel.view.alternatingRowColors() and not panel.view.wordWrap()
    assert panel.view.selectionBehavior() == panel.view.SelectionBehavior.SelectRows
    assert panel.view.selectionMode() == panel.view.SelectionMode.ExtendedSelection


def test_search_is_debounced_and_esc_clears(qtbot, make_panel):
    panel = make_panel()
    _show(qtbot, panel)
    panel.search.setFocus()
    panel.search.setText("解放路")
    assert panel.model.rowCount() == N  # not yet: the query waits for the typing to pause
    qtbot.waitUntil(lambda: panel.model.rowCount() == N // 4)
    assert all(n in {f"N{i:04d}" for i in range(0, N, 4)} for n in _numbers(panel))
    assert panel.count_label.text() == "15 rows"
    # Words are combined with AND, across columns.
    panel.search.setText("解放路 N004")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    assert _numbers(panel) == ["N0048", "N0044", "N0040"]

    qtbot.keyClick(panel.search, Qt.Key.Key_Escape)
    assert panel.search.text() == ""
    assert panel.model.rowCount() == N  # at once, no debounce


def test_ctrl_f_focuses_and_selects_the_search_box(qtbot, make_panel):
    panel = make_panel()
    _show(qtbot, panel)
    panel.search.setText("人民路")
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    qtbot.keyClick(panel.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert panel.search.hasFocus()
    assert panel.search.selectedText() == "人民路"


def test_extra_filter_combines_with_the_search_text(qtbot, make_panel):
    panel = make_panel()
    panel.add_filter_widget(QPushButton("filter"))
    panel.set_extra_filter({"caller_name": "李娜"}, {"source_row": (10, 40)})
    rows = [i for i in range(10, 41) if i % 4 == 1]
    assert _numbers(panel) == [f"N{i:04d}" for i in reversed(rows)]
    panel.search.setText("解放路")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert panel.count_label.text() == "0 rows"
    panel.search.setText("人民路")
    qtbot.waitUntil(lambda: panel.model.rowCount() == len(rows))
    panel.set_extra_filter()
    qtbot.waitUntil(lambda: panel.model.rowCount() == N - N // 4)


def _click_header(qtbot, panel: ListPanel, logical: int) -> None:
    header = panel.view.horizontalHeader()
    x = header.sectionViewportPosition(logical) + header.sectionSize(logical) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_header_clicks_sort_in_sql(qtbot, make_panel):
    panel = make_panel()
    _show(qtbot, panel)
    _click_header(qtbot, panel, ROW)
    assert panel.model.current_sort == Sort("source_row", False)
    assert _numbers(panel)[:2] == ["N0000", "N0001"]
    _click_header(qtbot, panel, ROW)
    assert panel.model.current_sort == Sort("source_row", True)
    assert _numbers(panel)[0] == "N0059"
    # A time column starts with the newest.
    _click_header(qtbot, panel, REPORTED)
    assert panel.model.current_sort == Sort("reported_at", True)
    latest = max(range(N), key=lambda i: (_minutes(i), i))
    assert _numbers(panel)[0] == f"N{latest:04d}"
    times = [panel.model.data(panel.model.index(r, REPORTED), Qt.ItemDataRole.EditRole) for r in range(N)]
    assert times == sorted(times, reverse=True)


def test_column_layout_survives_a_new_panel(qtbot, make_panel, tmp_path):
    ini = str(tmp_path / "layout.ini")
    first = make_panel(settings_=QSettings(ini, QSettings.Format.IniFormat))
    _show(qtbot, first)
    header = first.view.horizontalHeader()
    menu = first.column_menu()
    address_action = next(a for a in menu.actions() if a.text() == "地址")
    address_action.setChecked(False)  # hide through the header's context menu
    assert header.isSectionHidden(ADDRESS)
    header.moveSection(header.visualIndex(ROW), 0)
    header.resizeSection(NAME, 222)
    _click_header(qtbot, first, NUMBER)
    assert first.visible_columns() == [ROW, NUMBER, REPORTED, NAME, PHONE]
    first.settings.sync()

    second = make_panel(settings_=QSettings(ini, QSettings.Format.IniFormat))
    assert second.visible_columns() == [ROW, NUMBER, REPORTED, NAME, PHONE]
    assert second.view.horizontalHeader().isSectionHidden(ADDRESS)
    assert second.view.columnWidth(NAME) == 222
    assert second.model.current_sort == Sort("number", False)
    assert _numbers(second)[:2] == ["N0000", "N0001"]

    # The last shown column cannot be hidden; reset brings the defaults back.
    for column in [ROW, NUMBER, REPORTED, NAME]:
        second.set_column_hidden(column, True)
    second.set_column_hidden(PHONE, True)
    assert second.visible_columns() == [PHONE]
    second.reset_layout()
    assert second.visible_columns() == list(range(len(COLUMNS)))
    assert second.view.columnWidth(NAME) == default_width(COLUMNS[NAME])
    assert second.model.current_sort == Sort(None, True)
    second.settings.sync()
    third = make_panel(settings_=QSettings(ini, QSettings.Format.IniFormat))
    assert third.visible_columns() == list(range(len(COLUMNS)))


def test_masked_display_for_roles_without_the_right(make_panel):
    masked = make_panel(reveal_personal=False)
    model = masked.model
    assert not model.reveal_personal
    assert model.data(model.index(0, NUMBER)) == "N0059"
    assert model.data(model.index(0, PHONE)) == "138****0059"
    assert model.data(model.index(0, PHONE), Qt.ItemDataRole.EditRole) == "138****0059"
    assert model.data(model.index(0, NAME)) == "赵*"
    open_ = make_panel(reveal_personal=True)
    assert open_.model.data(open_.model.index(0, PHONE)) == "13800000059"
    assert open_.model.data(open_.model.index(0, NAME)) == "赵敏"


def test_export_writes_visible_columns_in_order_masked(qtbot, make_panel, tmp_path, monkeypatch):
    panel = make_panel(reveal_personal=False)
    header = panel.view.horizontalHeader()
    panel.set_column_hidden(ADDRESS, True)
    panel.set_column_hidden(NUMBER, True)
    header.moveSection(header.visualIndex(PHONE), 0)
    panel.set_extra_filter(ranges={"source_row": (0, 9)})
    target = tmp_path / "导出"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    messages, exports = [], []
    panel.status_message.connect(messages.append)
    panel.exported.connect(lambda path, rows: exports.append((path, rows)))

    assert panel.export() == 10
    path = tmp_path / "导出.xlsx"
    assert exports == [(str(path), 10)] and "10" in messages[0] and str(path) in messages[0]
    ws = load_workbook(path).active
    assert [c.value for c in ws[1]] == ["电话", "报警时间", "报警人", "行号"]
    got = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=2)]
    assert got == [(f"138****{i:04d}", T0 + timedelta(minutes=_minutes(i)), f"{NAMES[i % 4][0]}" + "*" *
                    (len(NAMES[i % 4]) - 1), i) for i in range(9, -1, -1)]
    assert isinstance(got[0][1], datetime) and type(got[0][3]) is int

    # Cancelling the file dialog writes nothing.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert panel.export() is None and len(exports) == 1


def test_export_unmasked_for_roles_with_the_right(make_panel, tmp_path):
    panel = make_panel(reveal_personal=True)
    panel.set_extra_filter(equals={"number": "N0007"})
    assert panel.export(tmp_path / "one.xlsx") == 1
    ws = load_workbook(tmp_path / "one.xlsx").active
    assert [c.value for c in ws[2]][:4] == ["N0007", T0 + timedelta(minutes=_minutes(7)), "赵敏", "13800000007"]


def test_print_builds_a_pdf_of_the_rows_and_previews_it(make_panel, monkeypatch):
    panel = make_panel(reveal_personal=False)
    panel.set_extra_filter(ranges={"source_row": (20, 29)})
    seen = {}

    def fake_exec(dialog):
        seen["path"] = dialog.pdf_path
        seen["text"] = "".join(p.extract_text() for p in PdfReader(str(dialog.pdf_path)).pages)
        return 0

    monkeypatch.setattr(list_panel_module.PrintPreviewDialog, "exec", fake_exec)
    printed = []
    panel.printed.connect(printed.append)
    assert panel.print_preview() is True
    assert printed == [10]
    for i in range(20, 30):
        assert f"N{i:04d}" in seen["text"]
        assert f"138****{i:04d}" in seen["text"]
    assert "13800000020" not in seen["text"]
    assert "N0019" not in seen["text"]
    assert not seen["path"].exists()  # the temporary file is removed after the preview


def test_print_refuses_too_many_rows(make_panel, monkeypatch):
    panel = make_panel()
    shown = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: shown.append(a[2])))
    monkeypatch.setattr(list_panel_module, "PRINT_LIMIT", N - 1)
    monkeypatch.setattr(list_panel_module.PrintPreviewDialog, "exec",
                        lambda _d: pytest.fail("no preview above the limit"))
    assert panel.print_preview() is False
    assert "too many rows" in shown[0] and "export" in shown[0]


def test_selection_and_current_survive_refresh(qtbot, make_panel, seeded):
    db, station_id = seeded
    panel = make_panel()
    _show(qtbot, panel)
    ids = panel.model.ids_for_rows([3, 5, 8])
    assert panel.select_id(ids[0])
    for row in (5, 8):
        panel.view.selectionModel().select(
            panel.model.index(row, 0),
            panel.view.selectionModel().SelectionFlag.Select | panel.view.selectionModel().SelectionFlag.Rows)
    assert panel.selected_ids() == ids and panel.current_id() == ids[0]

    with db.transaction() as s:
        for i in range(4):
            s.add(Incident(station_id=station_id, number=f"NEW{i}", reported_at=T0))
    panel.refresh()
    assert panel.model.rowCount() == N + 4 and panel.count_label.text() == "64 rows"
    assert panel.selected_ids() == ids and panel.current_id() == ids[0]
    assert panel.view.currentIndex().row() == 7

    assert not panel.select_id(-1)
    panel.search.setText("no such thing")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert not panel.select_id(ids[0]) and panel.selected_ids() == [] and panel.current_id() is None


def test_current_changed_and_activated_carry_ids(qtbot, make_panel):
    panel = make_panel()
    _show(qtbot, panel)
    current, activated = [], []
    panel.current_changed.connect(current.append)
    panel.activated.connect(activated.append)
    first, second = panel.model.ids_for_rows([0, 1])

    assert panel.select_id(second)
    assert current == [second]
    index = panel.model.index(0, NUMBER)
    pos = panel.view.visualRect(index).center()
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert current == [second, first]
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert activated == [first]
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    assert current[-1] == second and panel.current_id() == second
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert activated == [first, second]
    assert panel.model.data(panel.view.currentIndex(), ID_ROLE) == second

    # A filter that drops the current row says so.
    panel.set_extra_filter({"number": "N0001"})
    assert current[-1] is None


def test_failed_query_shows_an_error_and_the_next_refresh_recovers(qtbot, make_panel, seeded):
    db, _station_id = seeded
    panel = make_panel()
    _show(qtbot, panel)
    assert panel.model.rowCount() == N
    with db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE incidents RENAME TO incidents_away"))
    try:
        panel.refresh()  # must not raise
        assert panel.model.rowCount() == 0
        assert "cannot be read" in panel.count_label.text()
        assert panel.count_label.toolTip()
        panel.search.setText("解放路")
        qtbot.waitUntil(lambda: not panel._search_timer.isActive())
        assert "cannot be read" in panel.count_label.text()
        assert panel.print_preview() is False
    finally:
        with db.engine.begin() as conn:
            conn.execute(text("ALTER TABLE incidents_away RENAME TO incidents"))
    panel.refresh()
    assert panel.model.load_error is None
    assert panel.model.rowCount() == N // 4 and panel.count_label.text() == "15 rows"
