"""The desks work as the least-privilege role of docs/server-setup.md (no superuser, no schema
rights, the audit log append-only at the server's own word)."""

from __future__ import annotations

import secrets
from datetime import datetime

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desktop.db import open_database
from desktop.services import accounts, audit_log
from desktop.services import work_orders as wo
from desktop.services.auth import hash_password
from desktop.services.stations import add_staff
from tests.factories import make_station

PASSWORD = "desk-password-1"


@pytest.fixture
def backend() -> str:
    return "postgresql"


@pytest.fixture
def desk_url(db):
    """A role granted exactly as the set-up guide says; dropped afterwards."""
    role = f"sd_desk_{secrets.token_hex(4)}"
    database = db.url.database
    grants = [
        f"CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}'",
        f"GRANT CONNECT ON DATABASE {database} TO {role}",
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries FROM {role}",
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {role}",
    ]
    with db.engine.begin() as conn:
        for sql in grants:
            conn.execute(text(sql))
    url = make_url(db.url.render_as_string(hide_password=False)).set(username=role, password=PASSWORD)
    yield url.render_as_string(hide_password=False)
    admin = create_engine(db.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :r"), {"r": role})
        conn.execute(text(f"DROP OWNED BY {role}"))
        conn.execute(text(f"DROP ROLE {role}"))
    admin.dispose()


def test_desk_role_runs_the_services_and_cannot_touch_the_audit_log(db, desk_url):
    with db.transaction() as s:
        station, _room, team, duty = make_station(s)
        duty.password_hash = hash_password(PASSWORD)
        add_staff(s, station, number="GD101", name="刘洋", roles={"officer"}, unit=team)
        sid, team_id = station.id, team.id
    desk = open_database(desk_url)
    try:
        with desk.engine.connect() as conn:
            assert conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar() is False
        login = accounts.authenticate(desk, number="GD001", password=PASSWORD)
        with desk.transaction(station_id=sid, staff_id=login.staff_id) as s:
            from desktop.models import Incident

            s.add(Incident(number="JQ900", reported_at=datetime(2025, 6, 1, 9, 0), summary="最小权限测试"))
        order_id = wo.create_work_order(desk, login, wo.NewOrder(title="核查", unit_id=team_id))
        detail = wo.order_detail(desk, sid, order_id)
        wo.transition(desk, login, order_id, detail.version, "cancel", text="重复下发")
        assert wo.order_detail(desk, sid, order_id).status == "cancelled"
        query = audit_log.audit_query(desk, sid)
        assert query.count(audit_log.audit_filter(table_name="incidents")) == 1
        assert query.count(audit_log.audit_filter(action="login")) == 1
        assert audit_log.verify(desk, sid).ok
        for sql in ("UPDATE audit_entries SET summary = 'x'", "DELETE FROM audit_entries",
                    "CREATE TABLE sneaky (id int)"):
            with pytest.raises(Exception) as info, desk.engine.begin() as conn:
                conn.execute(text(sql))
            assert "permission denied" in str(info.value)
    finally:
        desk.dispose()
