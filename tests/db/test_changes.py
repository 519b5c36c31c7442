"""The change counter behind live refresh: it moves on commit and not on rollback, names the tables
changed, and on PostgreSQL a LISTEN connection hears of a commit (and not of a rollback)."""

from __future__ import annotations

import queue
import threading

import pytest

from desktop.errors import ValidationError
from desktop.services.changes import (
    EVERYTHING,
    MAX_RANGE,
    change_token,
    changed_tables,
    listen,
    parse_notice,
)
from tests.factories import make_incident, make_station, make_work_order


@pytest.fixture
def station(db):
    with db.transaction() as s:
        station, room, _team, officer = make_station(s)
        return {"id": station.id, "room": room.id, "staff": officer.id}


def _add_incident(db, station, number):
    with db.transaction(station_id=station["id"], staff_id=station["staff"]) as s:
        return make_incident(s, s.get_one(_station_model(), station["id"]), number).id


def _station_model():
    from desktop.models import Station

    return Station


def test_token_moves_on_commit_and_not_on_rollback(db, station):
    before = change_token(db, station["id"])
    assert before > 0  # the station, its units and officer were audited under its chain
    _add_incident(db, station, "JQ1")
    after = change_token(db, station["id"])
    assert after == before + 1  # one insert, one entry

    with pytest.raises(ValidationError), db.transaction(station_id=station["id"], staff_id=station["staff"]) as s:
        make_incident(s, s.get_one(_station_model(), station["id"]), "JQ2")
        raise ValidationError("放弃")
    assert change_token(db, station["id"]) == after
    assert change_token(db, 999) == 0  # a station without a chain


def test_changed_tables_names_the_tables_in_the_range(db, station):
    start = change_token(db, station["id"])
    _add_incident(db, station, "JQ1")
    middle = change_token(db, station["id"])
    with db.transaction(station_id=station["id"], staff_id=station["staff"]) as s:
        st = s.get_one(_station_model(), station["id"])
        from desktop.models import Unit

        make_work_order(s, st, s.get_one(Unit, station["room"]))
    end = change_token(db, station["id"])

    assert changed_tables(db, station["id"], start, middle) == {"incidents"}
    assert changed_tables(db, station["id"], middle, end) == {"work_orders"}
    assert changed_tables(db, station["id"], start, end) == {"incidents", "work_orders"}
    assert changed_tables(db, station["id"], end, end) == set()
    assert changed_tables(db, station["id"], 0, MAX_RANGE + 1) == {EVERYTHING}


def test_parse_notice():
    assert parse_notice("3:17") == (3, 17)
    assert parse_notice("junk") is None
    assert parse_notice("") is None


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_listen_hears_a_commit_and_not_a_rollback(db, station):
    notices: queue.SimpleQueue = queue.SimpleQueue()
    ready = threading.Event()
    stop = threading.Event()
    errors: list[BaseException] = []

    def run():
        try:
            listen(db.url, stop, lambda chain, seq: notices.put((chain, seq)), on_ready=ready.set)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
            ready.set()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        assert ready.wait(10) and not errors, errors
        with pytest.raises(ValidationError), db.transaction(station_id=station["id"],
                                                            staff_id=station["staff"]) as s:
            st = s.get_one(_station_model(), station["id"])
            make_incident(s, st, "JQ0")
            make_incident(s, st, "JQ00")  # its notice would name a later seq than the commit's
            raise ValidationError("放弃")
        _add_incident(db, station, "JQ1")
        token = change_token(db, station["id"])
        # The first notice to arrive is the commit's: the rolled-back change sent nothing.
        assert notices.get(timeout=10) == (station["id"], token)
    finally:
        stop.set()
        thread.join(5)
    assert not thread.is_alive()
    assert notices.empty()
