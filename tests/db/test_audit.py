"""The audit trail: every change recorded with who and before/after, append-only, tamper-evident."""

from __future__ import annotations

import json
import threading
from datetime import datetime

import pytest
from sqlalchemy import select, text

from desktop.db.audit import chain_ids, record_event, verify_chain
from desktop.errors import ConflictError, PermissionDenied
from desktop.models import AuditEntry, Incident
from tests.conftest import SERVER_BACKENDS
from tests.factories import make_incident, make_station


@pytest.fixture
def station(db):
    with db.transaction() as s:
        station, _room, _team, officer = make_station(s)
    return station.id, officer.id


def _entries(db, **where):
    with db.session() as s:
        q = select(AuditEntry).order_by(AuditEntry.chain_id, AuditEntry.seq)
        for k, v in where.items():
            q = q.where(getattr(AuditEntry, k) == v)
        return list(s.scalars(q))


def test_insert_update_delete_are_recorded_with_who_and_values(db, station):
    sid, officer = station
    with db.transaction(station_id=sid, staff_id=officer) as s:
        inc = make_incident(s, type("S", (), {"id": sid})(), "JQ100", caller_name="王芳")
        inc_id = inc.id
    with db.transaction(station_id=sid, staff_id=officer) as s:
        s.get(Incident, inc_id).caller_name = "王芳芳"
    with db.transaction(station_id=sid, staff_id=officer) as s:
        s.delete(s.get(Incident, inc_id))

    rows = _entries(db, table_name="incidents", record_id=str(inc_id))
    assert [r.action for r in rows] == ["insert", "update", "delete"]
    assert all(r.staff_id == officer and r.station_id == sid for r in rows)
    inserted = json.loads(rows[0].changes)
    assert inserted["number"] == "JQ100" and inserted["caller_name"] == "王芳"
    assert json.loads(rows[1].changes) == {"caller_name": ["王芳", "王芳芳"]}
    assert json.loads(rows[2].changes)["caller_name"] == "王芳芳"


def test_created_and_updated_by_are_stamped(db, station):
    sid, officer = station
    with db.transaction(station_id=sid, staff_id=officer) as s:
        inc = make_incident(s, type("S", (), {"id": sid})(), "JQ101")
        inc_id = inc.id
    with db.transaction(station_id=sid, staff_id=officer) as s:
        inc = s.get(Incident, inc_id)
        assert inc.created_by_id == officer and inc.created_at is not None and inc.updated_by_id is None
        inc.summary = "补充说明"
    with db.session(station_id=sid) as s:
        inc = s.get(Incident, inc_id)
        assert inc.updated_by_id == officer and inc.updated_at is not None and inc.version == 2


def test_a_rolled_back_change_leaves_no_entry(db, station):
    sid, officer = station
    before = len(_entries(db))
    with pytest.raises(ConflictError), db.transaction(station_id=sid, staff_id=officer) as s:
        make_incident(s, type("S", (), {"id": sid})(), "JQ102")
        make_incident(s, type("S", (), {"id": sid})(), "JQ102")  # duplicate number
    assert len(_entries(db)) == before


def test_explicit_events_and_chain_verifies(db, station):
    sid, officer = station
    with db.transaction(station_id=sid, staff_id=officer) as s:
        record_event(s, "login", table_name="staff", record_id=officer, summary="登录成功")
        record_event(s, "export", summary="导出工单台账 12 行")
    with db.engine.connect() as conn:
        reports = [verify_chain(conn, c) for c in chain_ids(conn)]
    assert reports and all(r.ok for r in reports)
    seqs = [e.seq for e in _entries(db, chain_id=sid)]
    assert seqs == list(range(1, len(seqs) + 1))
    assert [e.action for e in _entries(db, chain_id=sid)][-2:] == ["login", "export"]


def test_entries_cannot_be_changed_through_the_application(db, station):
    sid, _officer = station
    with db.session(station_id=sid) as s:
        entry = s.scalars(select(AuditEntry)).first()
        entry.summary = "改写"
        with pytest.raises(PermissionDenied):
            s.flush()
        s.rollback()
        with pytest.raises(PermissionDenied):
            s.delete(s.scalars(select(AuditEntry)).first())
            s.flush()


def test_database_refuses_update_and_delete_of_entries(db, station):
    for sql in ("UPDATE audit_entries SET summary = 'x'", "DELETE FROM audit_entries"):
        with pytest.raises(Exception) as info, db.engine.begin() as conn:
            conn.execute(text(sql))
        assert "append-only" in str(info.value)


@pytest.fixture
def guards_dropped(db):
    """What an attacker with database-owner rights could do; the hash chain must still tell.
    The server databases are shared by the run, so the guards are put back afterwards."""
    with db.engine.begin() as conn:
        if db.backend == "postgresql":
            conn.execute(text("DROP TRIGGER trg_audit_entries_append_only ON audit_entries"))
        else:
            conn.execute(text("DROP TRIGGER trg_audit_entries_no_update"))
            conn.execute(text("DROP TRIGGER trg_audit_entries_no_delete"))
    yield
    if db.backend == "sqlite":
        return  # a fresh file per test
    with db.engine.begin() as conn:
        if db.backend == "postgresql":
            conn.execute(text(
                "CREATE TRIGGER trg_audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries "
                "FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()"))
        else:
            for verb in ("UPDATE", "DELETE"):
                conn.execute(text(
                    f"CREATE TRIGGER trg_audit_entries_no_{verb.lower()} BEFORE {verb} ON audit_entries "
                    "FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entries is append-only'"))


@pytest.mark.parametrize("tamper", ["edit", "delete_middle", "delete_last"])
def test_tampering_is_detected(db, station, guards_dropped, tamper):
    sid, officer = station
    with db.transaction(station_id=sid, staff_id=officer) as s:
        for i in range(3):
            record_event(s, "print", summary=f"打印 {i}")
    with db.engine.begin() as conn:
        last = conn.execute(text("SELECT MAX(seq) FROM audit_entries WHERE chain_id = :c"), {"c": sid}).scalar()
        if tamper == "edit":
            conn.execute(
                text("UPDATE audit_entries SET summary = '未打印' WHERE chain_id = :c AND seq = 2"), {"c": sid}
            )
        elif tamper == "delete_middle":
            conn.execute(text("DELETE FROM audit_entries WHERE chain_id = :c AND seq = 2"), {"c": sid})
        else:
            conn.execute(text("DELETE FROM audit_entries WHERE chain_id = :c AND seq = :s"), {"c": sid, "s": last})
    with db.engine.connect() as conn:
        report = verify_chain(conn, sid)
    assert not report.ok
    assert report.bad_seq == (last if tamper == "delete_last" else 2)


@pytest.mark.parametrize("backend", SERVER_BACKENDS)
def test_concurrent_desks_keep_one_unbroken_chain(backend, db, station):
    """Two desks writing at the same moment: the head row lock keeps the chain linear."""
    sid, officer = station
    errors: list[BaseException] = []

    def desk(prefix: str) -> None:
        try:
            for i in range(15):
                with db.transaction(station_id=sid, staff_id=officer) as s:
                    s.add(Incident(number=f"{prefix}{i}", reported_at=datetime(2025, 5, 1, 8, i)))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(p,)) for p in ("A", "B", "C")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    with db.engine.connect() as conn:
        report = verify_chain(conn, sid)
    assert report.ok, report.problem
    inserts = _entries(db, chain_id=sid, table_name="incidents", action="insert")
    assert len(inserts) == 45
