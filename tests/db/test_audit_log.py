"""The audit-log viewer's service: filters, readable labels, chain verification and tampering,
and the log-in events it must show (desktop/services/audit_log.py)."""

from __future__ import annotations

import functools
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from desktop.errors import PermissionDenied
from desktop.models import Incident
from desktop.services import accounts, audit_log
from desktop.services.activity import record_output
from desktop.services.auth import hash_password
from desktop.services.paging import Sort
from tests.db.test_audit import guards_dropped  # noqa: F401 - the fixture that lets a test tamper
from tests.factories import make_incident, make_station

PASSWORD = "correct-horse"
NEWEST = Sort("at", True)


@functools.cache
def _password_hash() -> str:
    return hash_password(PASSWORD)  # argon2 is slow on purpose: once per run


@pytest.fixture
def desk(db):
    """A station whose officer 张伟 logged in, typed and corrected an incident, exported a list,
    mistyped the password once and logged out; plus an attempt with an unknown number."""
    with db.transaction() as s:
        station, _room, _team, officer = make_station(s)
        officer.password_hash = _password_hash()
        sid, officer_id, number = station.id, officer.id, officer.number
    login = accounts.authenticate(db, number=number, password=PASSWORD)
    with db.transaction(station_id=sid, staff_id=officer_id) as s:
        inc_id = make_incident(s, type("S", (), {"id": sid})(), "JQ500", caller_name="王芳").id
    with db.transaction(station_id=sid, staff_id=officer_id) as s:
        s.get(Incident, inc_id).caller_name = "王芳芳"
    record_output(db, sid, officer_id, "export", what="警情列表", rows=12, path="/tmp/x.xlsx")
    with pytest.raises(PermissionDenied):
        accounts.authenticate(db, number=number, password="wrong-password")
    with pytest.raises(PermissionDenied):
        accounts.authenticate(db, number="nobody", password="whatever1")
    accounts.record_logout(db, login)
    return db, sid, officer_id, inc_id


def _rows(query, flt, sort=NEWEST):
    return list(query.iter_rows(filter=flt, sort=sort))


def _col(query, key):
    return 1 + [c.key for c in query.columns].index(key)


def test_login_events_are_recorded_and_shown(desk):
    db, sid, _officer_id, _inc = desk
    query = audit_log.audit_query(db, sid)
    logins = _rows(query, audit_log.audit_filter(action=list(audit_log.LOGIN_ACTIONS)), Sort("seq", False))
    actions = [r[_col(query, "action")] for r in logins]
    summaries = [r[_col(query, "summary")] for r in logins]
    # The shared chain's attempt sorts by its own seq (1), then the station's log-in, failure, log-out.
    assert sorted(actions) == sorted(["login", "login_failed", "login_failed", "logout"])
    assert "登录失败：工号 nobody 不存在" in summaries
    assert "登录失败（密码错误第 1 次）：GD001 张伟" in summaries
    assert "退出：GD001 张伟" in summaries and "登录：GD001 张伟" in summaries
    person = {r[_col(query, "summary")]: r[_col(query, "person")] for r in logins}
    assert person["退出：GD001 张伟"] == "张伟"
    assert person["登录失败：工号 nobody 不存在"] is None


def test_filters_by_person_record_action_period_and_text(desk):
    db, sid, officer_id, inc_id = desk
    query = audit_log.audit_query(db, sid)
    record = audit_log.audit_filter(table_name="incidents", record_id=inc_id)
    rows = _rows(query, record, Sort("seq", False))
    assert [r[_col(query, "action")] for r in rows] == ["insert", "update"]
    assert query.count(record) == 2
    mine = audit_log.audit_filter(staff_id=officer_id, action="export")
    assert [r[_col(query, "summary")] for r in _rows(query, mine)] == ["导出警情列表 12 条"]
    now = datetime.now()
    assert query.count(audit_log.audit_filter(table_name="incidents", start=now - timedelta(hours=1),
                                              end=now + timedelta(hours=1))) == 2
    assert query.count(audit_log.audit_filter(table_name="incidents", end=now - timedelta(days=1))) == 0
    # Free text finds the before/after values inside the changes.
    assert query.count(audit_log.audit_filter(text="王芳芳")) == 1
    # Another station's entries are not in this station's log.
    with db.transaction() as s:
        other, *_ = make_station(s, code="XS", name="西山派出所")
        other_id = other.id
    assert query.count(audit_log.audit_filter(table_name="stations")) == 1
    assert audit_log.audit_query(db, other_id).count(audit_log.audit_filter(table_name="stations")) == 1


def test_labels_and_readable_changes(desk):
    db, sid, _officer, inc_id = desk
    query = audit_log.audit_query(db, sid)
    [update] = _rows(query, audit_log.audit_filter(table_name="incidents", action="update"))
    assert query.column("action").labels[update[_col(query, "action")]] == "修改"
    assert query.column("record_kind").labels[update[_col(query, "record_kind")]] == "警情"
    assert update[_col(query, "record_id")] == str(inc_id)
    readable = query.column("changes").labels.get(update[_col(query, "changes")])
    assert readable == "报警人：王芳 → 王芳芳"
    assert audit_log.describe_changes('{"active": [true, false], "roles": {"added": ["duty"], "removed": []}}') \
        == "启用：是 → 否；角色：增加 duty"
    assert audit_log.describe_changes(None) == ""
    assert audit_log.action_label("login_failed") == "登录失败" and audit_log.table_label("work_orders") == "工单"
    detail = audit_log.entry_detail(db, sid, update[0])
    assert (detail.action, detail.record_kind, detail.changes, detail.person) == (
        "修改", "警情", "报警人：王芳 → 王芳芳", "张伟")


def test_verify_reports_intact_chains(desk):
    db, sid, *_ = desk
    result = audit_log.verify(db, sid)
    assert result.ok and result.first_problem is None
    assert [c.report.chain_id for c in result.chains] == [sid, 0]
    with db.engine.connect() as conn:
        shared = conn.execute(text("SELECT COUNT(*) FROM audit_entries WHERE chain_id = 0")).scalar()
    assert result.chains[0].report.entries > 10 and result.chains[1].report.entries == shared >= 1
    assert "完好" in result.text()


def _entry_id(db, chain, seq):
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT id FROM audit_entries WHERE chain_id = :c AND seq = :s"),
                            {"c": chain, "s": seq}).scalar()


@pytest.mark.usefixtures("guards_dropped")
def test_verify_pinpoints_an_edited_entry(desk):
    db, sid, *_ = desk
    target = _entry_id(db, sid, 5)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entries SET summary = '改过' WHERE chain_id = :c AND seq = 5"), {"c": sid})
    result = audit_log.verify(db, sid)
    assert not result.ok
    bad = result.first_problem
    assert (bad.chain_id, bad.bad_seq, bad.kind, bad.entry_id) == (sid, 5, "changed", target)
    assert "第 5 条的内容被改动" in result.text()
    assert result.chains[1].ok  # the shared chain is untouched


@pytest.mark.usefixtures("guards_dropped")
def test_verify_pinpoints_a_deleted_entry(desk):
    db, sid, *_ = desk
    after_gap = _entry_id(db, sid, 4)
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entries WHERE chain_id = :c AND seq = 3"), {"c": sid})
    bad = audit_log.verify(db, sid).first_problem
    assert (bad.bad_seq, bad.kind, bad.entry_id) == (3, "missing", after_gap)
    assert "缺少第 3 条" in bad.problem


@pytest.mark.usefixtures("guards_dropped")
def test_verify_pinpoints_an_inserted_entry(desk):
    db, sid, *_ = desk
    with db.engine.begin() as conn:
        last = conn.execute(text("SELECT MAX(seq) FROM audit_entries WHERE chain_id = :c"), {"c": sid}).scalar()
        conn.execute(text(
            "INSERT INTO audit_entries (chain_id, station_id, seq, at, action, summary, prev_hash, entry_hash) "
            "VALUES (:c, :c, :s, :at, 'other', '伪造', :h, :h)"), {"c": sid, "s": last + 1, "at": datetime.now(),
                                                                 "h": "f" * 64})
    bad = audit_log.verify(db, sid).first_problem
    assert (bad.bad_seq, bad.kind) == (last + 1, "inserted")
    assert bad.entry_id == _entry_id(db, sid, last + 1)


def test_lookups(desk):
    db, sid, officer_id, _inc = desk
    assert [(c.value, c.label) for c in audit_log.people(db, sid)] == [(officer_id, "张伟（GD001）")]
    assert ("login_failed", "登录失败") in [(c.value, c.label) for c in audit_log.actions()]
    assert ("incidents", "警情") in [(c.value, c.label) for c in audit_log.record_kinds()]


def test_a_changed_attachment_is_refused_and_audited(db):
    import hashlib

    from sqlalchemy import update

    from desktop.models import Attachment
    from desktop.services.work_orders import AttachmentCorrupt, attachment_bytes

    payload = bytes(range(256)) * 8
    with db.transaction() as s:
        station, _room, _team, officer = make_station(s)
        sid, officer_id = station.id, officer.id
    with db.transaction(station_id=sid, staff_id=officer_id) as s:
        att = Attachment(station_id=sid, owner_kind="work_order", owner_id=1, file_name="照片.jpg",
                         mime_type="image/jpeg", size_bytes=len(payload), sha256=hashlib.sha256(payload).hexdigest(),
                         storage="db", data=payload)
        s.add(att)
        s.flush()
        att_id = att.id
    assert attachment_bytes(db, sid, att_id, staff_id=officer_id) == ("照片.jpg", payload)
    changed = payload[:100] + b"\x00" + payload[101:]  # one byte changed in SQL, outside the application
    with db.engine.begin() as conn:
        conn.execute(update(Attachment.__table__).where(Attachment.__table__.c.id == att_id).values(data=changed))
    with pytest.raises(AttachmentCorrupt, match="校验值不符"):
        attachment_bytes(db, sid, att_id, staff_id=officer_id)
    query = audit_log.audit_query(db, sid)
    [row] = _rows(query, audit_log.audit_filter(table_name="attachments", action="other"))
    assert row[_col(query, "person")] == "张伟" and row[_col(query, "record_id")] == str(att_id)
    assert row[_col(query, "summary")].startswith("附件校验失败：“照片.jpg”")
    assert hashlib.sha256(changed).hexdigest() in row[_col(query, "changes")]
