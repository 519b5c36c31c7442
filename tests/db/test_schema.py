"""The schema on every backend: migrations match the models, constraints hold in the database."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from desktop.db import open_database
from desktop.db.migrate import SchemaState, head_revision, schema_status, upgrade
from desktop.db.search_index import include_name
from desktop.errors import ConflictError
from desktop.models import Base, Incident, WorkOrder
from tests.factories import make_incident, make_station, make_work_order


def test_migrated_schema_matches_models(empty_url):
    db = open_database(empty_url)
    try:
        assert schema_status(db).state is SchemaState.EMPTY
        status = upgrade(db)
        assert status.state is SchemaState.CURRENT and status.current == head_revision()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": include_name})
            diff = compare_metadata(context, Base.metadata)
        assert diff == []
        assert set(Base.metadata.tables) <= db.table_names()
    finally:
        db.dispose()


def test_incident_number_unique_per_station_only(db):
    with db.transaction() as s:
        a, *_ = make_station(s, "GD", "城关派出所")
        b, *_ = make_station(s, "XJ", "新街派出所")
        make_incident(s, a, "JQ202503050001")
        make_incident(s, b, "JQ202503050001")  # same number, other station: allowed
    with pytest.raises(ConflictError), db.transaction() as s:
        make_incident(s, a, "JQ202503050001")
    with db.session() as s:
        assert s.query(Incident).count() == 2


@pytest.mark.parametrize(
    "column, value",
    [("status", "finished"), ("priority", "whenever"), ("source_kind", "rumour")],
)
def test_enumerations_are_checked_by_the_database(db, column, value):
    with db.transaction() as s:
        station, _room, team, _ = make_station(s)
        make_work_order(s, station, team)
    with pytest.raises(ConflictError), db.transaction() as s:
        s.execute(text(f"UPDATE work_orders SET {column} = :v"), {"v": value})


def test_work_order_source_must_be_linked(db):
    with db.transaction() as s:
        station, _room, team, _ = make_station(s)
    with pytest.raises(ConflictError), db.transaction() as s:
        make_work_order(s, station, team, source_kind="incident")  # no incident_id
    with db.transaction() as s:
        inc = make_incident(s, station, "JQ1")
        wo = make_work_order(s, station, team, source_kind="incident", incident_id=inc.id)
        assert wo.id is not None


def test_cancelled_order_needs_a_reason(db):
    with db.transaction() as s:
        station, _room, team, _ = make_station(s)
        make_work_order(s, station, team)
    with pytest.raises(ConflictError), db.transaction() as s:
        s.execute(text("UPDATE work_orders SET status = 'cancelled'"))
    with db.transaction() as s:
        s.execute(text("UPDATE work_orders SET status = 'cancelled', cancel_reason = '重复下发'"))
        assert s.query(WorkOrder).one().status == "cancelled"


def test_not_null_fields_are_enforced(db):
    with db.transaction() as s:
        station, *_ = make_station(s)
    with pytest.raises(ConflictError), db.transaction() as s:
        s.add(Incident(station_id=station.id, number="JQ9", reported_at=None))
        s.flush()


def test_foreign_keys_are_enforced(db):
    with db.transaction() as s:
        station, *_ = make_station(s)
    with pytest.raises(ConflictError), db.transaction() as s:
        make_incident(s, station, "JQ2", grid_id=987654)


def test_database_label_names_the_backend(db):
    expected = {"sqlite": "SQLite", "postgresql": "PostgreSQL", "mariadb": "MariaDB"}[db.backend]
    assert db.label.startswith(expected + " ")
