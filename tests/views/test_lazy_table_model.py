"""LazyTableModel over real incidents on every backend: Qt's model tester, paging with a bounded
cache, sort and filter in SQL, refresh keeping selection and scroll, and the .xlsx export of what
the table shows."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView
from sqlalchemy import select, text

from desktop.errors import Cancelled
from desktop.models import Incident
from desktop.services.paging import ColumnSpec, Filter, PagedQuery, Sort
from desktop.views.job_runner import run_job
from desktop.views.lazy_table_model import ID_ROLE, LazyTableModel, format_value
from desktop.views.table_export import export_job, export_model_to_xlsx
from tests.factories import make_station

N = 450
T0 = datetime(2025, 3, 1, 8, 0)
COLUMNS = [
    ColumnSpec("number", "编号", Incident.number),
    ColumnSpec("reported_at", "报警时间", Incident.reported_at, "datetime"),
    ColumnSpec("caller_name", "报警人", Incident.caller_name),
    ColumnSpec("address", "地址", Incident.address),
    ColumnSpec("source_row", "行号", Incident.source_row, "int"),
]


def _add(s, station_id, i):
    s.add(Incident(station_id=station_id, number=f"N{i:04d}", reported_at=T0 + timedelta(minutes=(i * 37) % 211),
                   caller_name=f"c{i % 40:02d}", address=f"解放路{i}号" if i % 4 == 0 else f"人民路{i}号",
                   source_row=i))


@pytest.fixture
def seeded(db):
    with db.transaction() as s:
        a, *_ = make_station(s, "GD", "城关派出所")
        b, *_ = make_station(s, "XJ", "新街派出所")
        for i in range(N):
            _add(s, a.id, i)
        for i in range(3):
            _add(s, b.id, 10_000 + i)
    return db, a.id


def _model(db, station_id, **kw) -> LazyTableModel:
    query = PagedQuery(db, station_id=station_id, base=select(Incident), columns=COLUMNS, id_expr=Incident.id)
    return LazyTableModel(query, block_size=50, max_blocks=3, **kw)


def _column(model, col, role=Qt.ItemDataRole.DisplayRole):
    return [model.data(model.index(r, col), role) for r in range(model.rowCount())]


def test_model_tester_and_paging(qapp, qtmodeltester, seeded):
    db, a = seeded
    model = _model(db, a)
    qtmodeltester.check(model)
    assert model.rowCount() == N and model.columnCount() == len(COLUMNS)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == ["编号", "报警时间", "报警人", "地址",
                                                                                 "行号"]
    assert model.data(model.index(0, 0)) == "N0000"
    assert model.data(model.index(0, 1)) == "2025-03-01 08:00"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.EditRole) == T0
    assert model.data(model.index(3, 4)) == "3"
    assert model.data(model.index(3, 4), Qt.ItemDataRole.TextAlignmentRole) is not None
    # Every row, in id order, through blocks of 50; the cache never holds more than 3 blocks.
    assert _column(model, 0) == [f"N{i:04d}" for i in range(N)]
    assert model.cached_blocks == 3
    assert model.data(model.index(N - 1, 0)) == f"N{N - 1:04d}"
    assert model.data(model.index(N, 0)) is None
    ids = model.ids_for_rows([0, 1, N - 1])
    assert [model.row_of_id(i) for i in ids] == [0, 1, N - 1]


def test_sort_and_filter_in_sql(qapp, qtmodeltester, seeded):
    db, a = seeded
    model = _model(db, a)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    times = _column(model, 1, Qt.ItemDataRole.EditRole)
    ids = _column(model, 0, ID_ROLE)
    assert list(zip(times, ids, strict=True)) == sorted(zip(times, ids, strict=True), reverse=True)
    assert model.current_sort == Sort("reported_at", True)

    model.set_filter(Filter(text="解放路"))
    qtmodeltester.check(model)
    assert model.rowCount() == N // 4 + (1 if N % 4 else 0)
    assert all(a.startswith("解放路") for a in _column(model, 3))
    times = _column(model, 1, Qt.ItemDataRole.EditRole)
    assert times == sorted(times, reverse=True)

    model.sort(4, Qt.SortOrder.AscendingOrder)
    assert _column(model, 4, Qt.ItemDataRole.EditRole) == list(range(0, N, 4))
    model.set_filter(Filter())
    assert model.rowCount() == N


def test_refresh_keeps_selection_and_scroll(qapp, qtbot, seeded):
    db, a = seeded
    model = _model(db, a)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    view.scrollTo(model.index(300, 0), QTableView.ScrollHint.PositionAtTop)
    top_before = model.id_of_row(view.rowAt(0))
    sel = view.selectionModel()
    rows = [301, 305, 420]
    for r in rows:
        sel.select(model.index(r, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    sel.setCurrentIndex(model.index(305, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    chosen = model.ids_for_rows(rows)

    # A colleague adds incidents that sort before everything: every row moves down by 7.
    with db.transaction() as s:
        for i in range(7):
            s.add(Incident(station_id=a, number=f"NEW{i}", reported_at=T0 + timedelta(days=1, minutes=i)))
    model.refresh(view)

    assert model.rowCount() == N + 7
    selected_rows = sorted({i.row() for i in view.selectionModel().selectedIndexes()})
    assert selected_rows == [r + 7 for r in rows]
    assert model.ids_for_rows(selected_rows) == chosen
    assert view.currentIndex().row() == 312
    assert model.id_of_row(view.rowAt(0)) == top_before

    # A selected row that disappears is simply no longer selected.
    with db.transaction() as s:
        s.delete(s.get(Incident, chosen[0]))
    model.refresh(view)
    selected_rows = sorted({i.row() for i in view.selectionModel().selectedIndexes()})
    assert model.ids_for_rows(selected_rows) == chosen[1:]


def test_data_never_raises(qapp, seeded, monkeypatch, caplog):
    db, a = seeded
    model = _model(db, a)

    def broken(*_a, **_k):
        raise RuntimeError("connection lost")

    monkeypatch.setattr(model.query, "fetch", broken)
    assert model.data(model.index(0, 0)) is None
    assert model.data(model.index(1, 0)) is None  # the failed block is not retried on every cell
    assert "connection lost" in caplog.text
    monkeypatch.setattr(model.query, "count", broken)
    model.refresh()
    assert model.rowCount() == 0
    assert format_value(None, "text") == "" and format_value(True, "bool") == "是"
    assert format_value("a\nb", "text") == "a b"


def test_export_writes_the_filtered_rows_in_the_sorted_order(qapp, seeded, tmp_path):
    db, a = seeded
    model = _model(db, a)
    model.set_filter(Filter(text="解放路"))
    model.sort(1, Qt.SortOrder.DescendingOrder)
    expected = [(_column(model, 3)[r], model.data(model.index(r, 1), Qt.ItemDataRole.EditRole),
                 model.data(model.index(r, 4), Qt.ItemDataRole.EditRole)) for r in range(model.rowCount())]
    path = tmp_path / "警情.xlsx"
    seen = []
    written = export_model_to_xlsx(model, path, [3, 1, 4], title="警情列表",
                                   progress=lambda d, t, _x: seen.append((d, t)))
    assert written == len(expected) == model.rowCount()
    ws = load_workbook(path).active
    assert [c.value for c in ws[1]] == ["地址", "报警时间", "行号"]
    assert ws.freeze_panes == "A2"
    got = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=2)]
    assert got == expected
    assert isinstance(got[0][1], datetime) and type(got[0][2]) is int
    assert seen[-1] == (written, written)


def test_export_through_the_job_runner(qapp, seeded, tmp_path):
    db, a = seeded
    model = _model(db, a)
    path = tmp_path / "all.xlsx"
    assert run_job(None, export_job(model, path, [0, 2]), title="导出", label="正在导出") == N
    ws = load_workbook(path, read_only=True).active
    assert sum(1 for _ in ws.iter_rows()) == N + 1
    job = export_job(model, tmp_path / "never.xlsx", [0])
    with pytest.raises(Cancelled):
        job(lambda *_a: None, lambda: True)
    assert not (tmp_path / "never.xlsx").exists()


MASKED_COLUMNS = [
    ColumnSpec("number", "编号", Incident.number),
    ColumnSpec("caller_name", "报警人", Incident.caller_name, mask="name"),
    ColumnSpec("caller_phone", "电话", Incident.caller_phone, mask="phone"),
]


def _masked_model(db, station_id, **kw) -> LazyTableModel:
    query = PagedQuery(db, station_id=station_id, base=select(Incident), columns=MASKED_COLUMNS, id_expr=Incident.id)
    return LazyTableModel(query, **kw)


def test_masking_in_every_role_and_switchable(qapp, qtbot, qtmodeltester, db):
    with db.transaction() as s:
        a, *_ = make_station(s)
        s.add(Incident(station_id=a.id, number="M1", reported_at=T0, caller_name="张三丰",
                       caller_phone="0731-84567890"))
        s.add(Incident(station_id=a.id, number="M2", reported_at=T0, caller_name=None, caller_phone=None))
    model = _masked_model(db, a.id, reveal_personal=False)
    qtmodeltester.check(model)
    assert not model.reveal_personal
    assert _column(model, 1) == ["张**", ""] and _column(model, 2) == ["0731-****7890", ""]
    assert _column(model, 2, Qt.ItemDataRole.EditRole) == ["0731-****7890", None]
    assert _column(model, 0) == ["M1", "M2"]  # columns without a mask are untouched
    with qtbot.waitSignal(model.dataChanged):
        model.reveal_personal = True
    assert _column(model, 1) == ["张三丰", ""] and _column(model, 2) == ["0731-84567890", ""]
    assert _masked_model(db, a.id).reveal_personal  # the default: shown as stored


def test_export_and_pdf_never_reveal_more_than_the_model(qapp, db, tmp_path):
    from pypdf import PdfReader

    from desktop.views.table_export import pdf_job

    with db.transaction() as s:
        a, *_ = make_station(s)
        for i in range(3):
            s.add(Incident(station_id=a.id, number=f"M{i}", reported_at=T0, caller_name="李娜",
                           caller_phone=f"1381234567{i}"))
    model = _masked_model(db, a.id, reveal_personal=False)
    assert export_model_to_xlsx(model, tmp_path / "m.xlsx", [2, 1, 0]) == 3
    ws = load_workbook(tmp_path / "m.xlsx").active
    assert [tuple(c.value for c in row) for row in ws.iter_rows()] == [
        ("电话", "报警人", "编号"), *[(f"138****567{i}", "李*", f"M{i}") for i in range(3)]]

    assert pdf_job(model, tmp_path / "m.pdf", [0, 2], title="警情")(lambda *_a: None, lambda: False) == 3
    pdf_text = "".join(p.extract_text() for p in PdfReader(str(tmp_path / "m.pdf")).pages)
    assert "138****5671" in pdf_text and "13812345671" not in pdf_text and "M2" in pdf_text

    model.reveal_personal = True
    assert export_model_to_xlsx(model, tmp_path / "open.xlsx", [2]) == 3
    ws = load_workbook(tmp_path / "open.xlsx").active
    assert [c.value for c in ws["A"]][1:] == [f"1381234567{i}" for i in range(3)]


def test_load_error_is_reported_and_cleared(qapp, qtbot, seeded):
    db, a = seeded
    model = _model(db, a)
    assert model.load_error is None
    with db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE incidents RENAME TO incidents_gone"))
    try:
        with qtbot.waitSignal(model.load_failed) as blocker:
            model.refresh()
        assert model.rowCount() == 0 and model.load_error == blocker.args[0] and model.load_error
    finally:
        with db.engine.begin() as conn:
            conn.execute(text("ALTER TABLE incidents_gone RENAME TO incidents"))
    model.refresh()
    assert model.load_error is None and model.rowCount() == N
