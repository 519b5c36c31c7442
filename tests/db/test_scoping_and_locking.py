"""Two stations in one database never see each other; a stale save is refused, not lost."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from desktop.errors import ConflictError, PermissionDenied
from desktop.models import Incident, Staff, Unit, WorkOrder
from tests.factories import make_incident, make_station, make_work_order


@pytest.fixture
def two_stations(db):
    with db.transaction() as s:
        a, _ra, ta, _oa = make_station(s, "GD", "城关派出所")
        b, _rb, tb, _ob = make_station(s, "XJ", "新街派出所")
        for i in range(3):
            make_incident(s, a, f"A{i}")
        for i in range(5):
            make_incident(s, b, f"B{i}")
        make_work_order(s, a, ta)
        make_work_order(s, b, tb)
    return a.id, b.id


def test_station_session_sees_only_its_records(db, two_stations):
    a, b = two_stations
    with db.session(station_id=a) as s:
        assert {i.number for i in s.scalars(select(Incident))} == {"A0", "A1", "A2"}
        assert s.scalar(select(func.count()).select_from(Incident)) == 3
        # joins and relationship loads are scoped too
        joined = s.execute(select(WorkOrder.number, Unit.name).join(Unit, WorkOrder.unit_id == Unit.id)).all()
        assert [n for n, _ in joined] == ["GD-2025-000001"]
        assert all(st.station_id == a for st in s.scalars(select(Staff)))
        assert s.get(Incident, _id_of(db, "B0")) is None
    with db.session(station_id=b) as s:
        assert s.scalar(select(func.count()).select_from(Incident)) == 5
    with db.session() as s:  # HQ reads across stations
        assert s.scalar(select(func.count()).select_from(Incident)) == 8


def _id_of(db, number):
    with db.session() as s:
        return s.scalar(select(Incident.id).where(Incident.number == number))


def test_new_records_are_filed_under_the_session_station(db, two_stations):
    _a, b = two_stations
    with db.transaction(station_id=b) as s:
        s.add(Incident(number="NEW1", reported_at=datetime(2025, 1, 1)))
    with db.session() as s:
        assert s.scalar(select(Incident.station_id).where(Incident.number == "NEW1")) == b


def test_writing_into_another_station_is_refused(db, two_stations):
    a, b = two_stations
    with pytest.raises(PermissionDenied), db.transaction(station_id=a) as s:
        s.add(Incident(station_id=b, number="X1", reported_at=datetime(2025, 1, 1)))
    with db.session() as s:
        assert s.scalar(select(func.count()).where(Incident.number == "X1")) == 0


def test_stale_save_is_refused_and_the_newer_change_kept(db, two_stations):
    a, _ = two_stations
    first = db.session(station_id=a)
    second = db.session(station_id=a)
    try:
        mine = first.scalars(select(WorkOrder)).one()
        theirs = second.scalars(select(WorkOrder)).one()
        mine.title = "甲的修改"
        first.commit()
        theirs.title = "乙的修改"
        with pytest.raises(ConflictError):
            from desktop.db.errors import translate_error

            with translate_error():
                second.commit()
        second.rollback()
    finally:
        first.close()
        second.close()
    with db.session(station_id=a) as s:
        wo = s.scalars(select(WorkOrder)).one()
        assert wo.title == "甲的修改" and wo.version == 2
