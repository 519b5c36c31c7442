"""PagedQuery: counts, windows, keyset continuation, filters and row positions, all in SQL, on
every backend (the ``db`` fixture), with no Qt."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.models import Incident
from desktop.services.paging import ColumnSpec, Filter, PagedQuery, Sort
from tests.factories import make_station

N = 300
T0 = datetime(2025, 3, 1, 8, 0)


def _seed(db, n: int = N):
    """``n`` incidents in station GD (repeated times, some NULL names, formula-like text) and a
    few in station XJ that must never show."""
    with db.transaction() as s:
        a, *_ = make_station(s, "GD", "城关派出所")
        b, *_ = make_station(s, "XJ", "新街派出所")
        for i in range(n):
            s.add(Incident(
                station_id=a.id, number=f"N{i:04d}",
                reported_at=T0 + timedelta(minutes=(i * 37) % 97),  # many equal times: ties by id
                caller_name=None if i % 7 == 0 else f"c{(i * 13) % 50:02d}",
                address=("=HYPERLINK(1)" if i == 5 else f"解放路{i}号" if i % 3 == 0 else f"人民路{i}号 100%"),
                summary=f"第{i}起 警情",
            ))
        for i in range(4):
            s.add(Incident(station_id=b.id, number=f"X{i}", reported_at=T0, address="解放路1号"))
        s.flush()
    return a.id, b.id


def _query(db, station_id) -> PagedQuery:
    columns = [
        ColumnSpec("number", "编号", Incident.number),
        ColumnSpec("reported_at", "报警时间", Incident.reported_at, "datetime"),
        ColumnSpec("caller_name", "报警人", Incident.caller_name),
        ColumnSpec("address", "地址", Incident.address),
        ColumnSpec("summary", "摘要", Incident.summary, sortable=False),
    ]
    return PagedQuery(db, station_id=station_id, base=select(Incident), columns=columns, id_expr=Incident.id)


def _all(db, station_id) -> list[tuple]:
    with db.session(station_id=station_id) as s:
        return [tuple(r) for r in s.execute(select(Incident.id, Incident.number, Incident.reported_at,
                                                   Incident.caller_name, Incident.address, Incident.summary))]


def expected_order(db, rows: list[tuple], sort: Sort, columns) -> list[tuple]:
    """The order the database must give: by the sort value then id, NULLs lowest except on
    PostgreSQL (highest), all reversed when descending."""
    if sort.key is None:
        return sorted(rows, key=lambda r: r[0], reverse=sort.descending)
    i = 1 + [c.key for c in columns].index(sort.key)
    nulls_low = db.backend != "postgresql"

    def key(r):
        v = r[i]
        if v is None:
            return (0 if nulls_low else 2, "", r[0])
        return (1, v, r[0])

    return sorted(rows, key=key, reverse=sort.descending)


SORTS = [Sort(), Sort(None, True), Sort("reported_at"), Sort("reported_at", True), Sort("caller_name"),
         Sort("caller_name", True), Sort("number", True)]


@pytest.fixture
def seeded(db):
    a, b = _seed(db)
    return db, a, b


def test_count_is_scoped_to_the_station(seeded):
    db, a, b = seeded
    assert _query(db, a).count() == N
    assert _query(db, b).count() == 4
    hq = _query(db, None)  # HQ reading across stations
    assert hq.count() == N + 4
    assert len(hq.fetch(0, 1000)) == N + 4
    assert [r[1] for r in _query(db, b).fetch(0, 10)] == ["X0", "X1", "X2", "X3"]


@pytest.mark.parametrize("sort", SORTS, ids=repr)
def test_windows_in_sequence_and_by_jumps_give_the_sql_order(seeded, sort):
    db, a, _b = seeded
    q = _query(db, a)
    expected = expected_order(db, _all(db, a), sort, q.columns)
    # Sequential windows: after the first, each continues from the previous one's last key.
    pages = []
    for offset in range(0, N, 40):
        pages += q.fetch(offset, 40, sort=sort)
    assert pages == expected
    # Jumps straight into the list (deferred join, no anchor) give the same rows.
    q.forget_anchors()
    for offset in (0, 37, 150, 260, 299):
        assert q.fetch(offset, 25, sort=sort) == expected[offset:offset + 25]
    assert q.fetch(N, 10, sort=sort) == []
    assert list(q.iter_rows(sort=sort, block=64)) == expected


def test_rows_are_plain_tuples(seeded):
    db, a, _b = seeded
    row = _query(db, a).fetch(0, 1)[0]
    assert type(row) is tuple
    assert isinstance(row[2], datetime)
    assert len(row) == 1 + 5


def test_free_text_search_across_text_columns(seeded):
    db, a, b = seeded
    q = _query(db, a)
    rows = _all(db, a)
    want = [r for r in rows if "解放路" in (r[4] or "")]
    f = Filter(text="解放路")
    assert q.count(f) == len(want) == 100
    assert q.fetch(0, 500, filter=f) == sorted(want)
    # every word must match somewhere; LIKE wildcards in the text are literal
    assert q.count(Filter(text="人民路 100%")) == sum(1 for r in rows if "人民路" in r[4])
    assert q.count(Filter(text="100_")) == 0
    assert q.count(Filter(text="第12起")) == 1
    assert q.count(Filter(text="=HYPER")) == 1
    # upper/lower case do not matter (PostgreSQL uses ILIKE)
    assert q.count(Filter(text="n0001")) == 1
    assert _query(db, b).count(Filter(text="解放路")) == 4


def test_equals_and_ranges(seeded):
    db, a, _b = seeded
    q = _query(db, a)
    rows = _all(db, a)
    assert q.count(Filter(equals={"number": "N0010"})) == 1
    assert q.count(Filter(equals={"number": ["N0010", "N0011", "nope"]})) == 2
    assert q.count(Filter(equals={"caller_name": None})) == sum(1 for r in rows if r[3] is None)
    lo, hi = T0 + timedelta(minutes=10), T0 + timedelta(minutes=20)
    want = sorted(r for r in rows if lo <= r[2] <= hi)
    f = Filter(ranges={"reported_at": (lo, hi)})
    assert q.count(f) == len(want) > 0
    assert q.fetch(0, 500, filter=f) == want
    assert q.count(Filter(ranges={"reported_at": (None, lo)})) == sum(1 for r in rows if r[2] <= lo)
    combined = Filter(text="解放路", ranges={"reported_at": (lo, None)})
    assert q.count(combined) == sum(1 for r in rows if "解放路" in r[4] and r[2] >= lo)
    with pytest.raises(ValueError):
        q.count(Filter(equals={"nope": 1}))


@pytest.mark.parametrize("sort", SORTS, ids=repr)
def test_row_index_of_matches_the_order(seeded, sort):
    db, a, b = seeded
    q = _query(db, a)
    expected = expected_order(db, _all(db, a), sort, q.columns)
    for pos in [*random.Random(3).sample(range(N), 12), 0, N - 1]:
        assert q.row_index_of(expected[pos][0], sort=sort) == pos
    f = Filter(text="解放路")
    filtered = [r for r in expected if "解放路" in r[4]]
    assert q.row_index_of(filtered[7][0], filter=f, sort=sort) == 7
    outside = next(r for r in expected if "解放路" not in r[4])
    assert q.row_index_of(outside[0], filter=f, sort=sort) is None
    other_station = _all(db, b)[0][0]
    assert q.row_index_of(other_station, sort=sort) is None


def test_bad_columns_are_refused(db):
    with pytest.raises(ValueError):
        ColumnSpec("x", "X", Incident.number, "money")  # type: ignore[arg-type]
    q = _query(db, 1)
    with pytest.raises(ValueError):
        q.fetch(0, 10, sort=Sort("summary"))  # not sortable
    with pytest.raises(ValueError):
        PagedQuery(db, station_id=1, base=select(Incident), columns=[], id_expr=Incident.id)
